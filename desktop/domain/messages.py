"""Message catalogue for everything said outside the Qt GUI (CLI, errors).

Vietnamese is the default language, English the second. Keys are stable; the
GUI has its own Qt translation files but shows these for errors from below.
"""

import os

MESSAGES: dict[str, tuple[str, str]] = {
    # vault and keys
    "vault.not_found": ("Không tìm thấy kho dữ liệu tại {path}.",
                        "No vault found at {path}."),
    "vault.exists": ("Thư mục {path} đã có dữ liệu; chọn một thư mục mới hoặc rỗng.",
                     "{path} is not empty; choose a new or empty directory."),
    "vault.key_file_damaged": ("Tệp khóa {path} bị hỏng hoặc bị sửa đổi ({detail}).",
                               "The key file {path} is damaged or was tampered with ({detail})."),
    "vault.db_damaged": ("Tệp cơ sở dữ liệu {path} bị hỏng hoặc bị sửa đổi; không mở được.",
                         "The database file {path} is damaged or was tampered with; it cannot be opened."),
    "vault.db_mismatch": ("Tệp cơ sở dữ liệu {path} không thuộc kho dữ liệu này.",
                          "The database file {path} does not belong to this vault."),
    "vault.newer_schema": ("Kho dữ liệu {path} được tạo bởi phiên bản mới hơn của chương trình.",
                           "The vault {path} was made by a newer version of this program."),
    "vault.no_user": ("Không có người dùng “{user}” trong kho dữ liệu này.",
                      "There is no user “{user}” in this vault."),
    "vault.choose_user": ("Hãy chọn người dùng bằng --user hoặc biến HOSO_USER.",
                          "Choose a user with --user or HOSO_USER."),
    "vault.wrong_password": ("Sai mật khẩu cho người dùng “{user}”.",
                             "Wrong password for user “{user}”."),
    "vault.throttled": ("Đã nhập sai nhiều lần; chờ {seconds} giây trước khi thử lại.",
                        "Too many failed attempts; wait {seconds} seconds before trying again."),
    "vault.disk_full": ("Không ghi được vào {path}: ổ đĩa đầy hoặc không có quyền ghi. Không có gì thay đổi.",
                        "Cannot write to {path}: the disk is full or not writable. Nothing was changed."),
    "vault.user_disabled": ("Tài khoản “{user}” đã bị khóa.", "The account “{user}” is disabled."),
    "vault.must_change_password": (
        "Người dùng “{user}” phải đổi mật khẩu lần đầu: chạy “hoso user passwd”.",
        "User “{user}” must change the first password: run “hoso user passwd”."),
    "password.too_short": ("Mật khẩu phải có ít nhất {n} ký tự.",
                           "The password must have at least {n} characters."),
    "password.mismatch": ("Hai lần nhập mật khẩu không khớp.", "The two passwords do not match."),
    "password.same": ("Mật khẩu mới phải khác mật khẩu cũ.",
                      "The new password must differ from the old one."),
    "password.missing": ("Chưa nhập mật khẩu.", "No password was given."),
    "keyring.unavailable": ("Máy này không có kho khóa an toàn của hệ điều hành; hãy dùng mật khẩu.",
                            "This machine has no secure OS credential store; use the password."),
    "keyring.forbidden": ("Quản trị viên không cho phép ghi nhớ đăng nhập trên máy trạm.",
                          "The administrator does not allow remembering logins on workstations."),
    # users and permissions
    "user.exists": ("Người dùng “{user}” đã tồn tại.", "User “{user}” already exists."),
    "user.bad_name": ("Tên đăng nhập “{user}” không hợp lệ (chữ không dấu, số, . _ -).",
                      "Invalid user name “{user}” (letters, digits, . _ -)."),
    "user.created": ("Đã tạo người dùng “{user}” ({role}, độ mật {level}).",
                     "User “{user}” created ({role}, clearance {level})."),
    "user.first_password": ("Mật khẩu lần đầu của “{user}”: {password} (phải đổi khi đăng nhập).",
                            "First password of “{user}”: {password} (must be changed at login)."),
    "user.password_changed": ("Đã đổi mật khẩu của “{user}”.", "Password of “{user}” changed."),
    "perm.admin_only": ("Chỉ quản trị viên được làm việc này.", "Only an administrator may do this."),
    "perm.clearance_above_own": (
        "Không thể cấp độ mật {level} cao hơn độ mật của chính bạn.",
        "You cannot grant clearance {level}, above your own."),
    "perm.case_level": ("Bạn không đủ thẩm quyền xem hồ sơ {code} (độ mật {level}).",
                        "Your clearance does not allow case {code} ({level})."),
    "perm.write": ("Vai trò {role} không được sửa hồ sơ thanh tra.",
                   "The role {role} may not change inspection cases."),
    "perm.level_above_own": ("Không thể tạo hồ sơ độ mật {level} cao hơn độ mật của bạn.",
                             "You cannot create a case at {level}, above your clearance."),
    "perm.plan_write": ("Vai trò {role} không được lập hoặc sửa kế hoạch thanh tra.",
                        "The role {role} may not make or change inspection plans."),
    # input
    "input.bad_date": ("Ngày “{value}” không hợp lệ; dùng dạng dd/mm/yyyy.",
                       "Invalid date “{value}”; use dd/mm/yyyy."),
    "input.bad_level": ("Độ mật “{value}” không hợp lệ (Thường, Mật, Tối mật, Tuyệt mật).",
                        "Invalid classification “{value}” (Thường, Mật, Tối mật, Tuyệt mật)."),
    "input.bad_role": ("Vai trò “{value}” không hợp lệ (admin, leader, inspector, clerk).",
                       "Invalid role “{value}” (admin, leader, inspector, clerk)."),
    "input.bad_stage": ("Giai đoạn “{value}” không hợp lệ. Các giai đoạn: {choices}.",
                        "Invalid stage “{value}”. Stages: {choices}."),
    "input.bad_number": ("Giá trị “{value}” của {field} không phải là số hợp lệ.",
                         "The value “{value}” of {field} is not a valid number."),
    "input.bad_choice": ("Giá trị “{value}” của {field} không hợp lệ ({choices}).",
                         "Invalid value “{value}” for {field} ({choices})."),
    "input.required": ("Thiếu {field}.", "{field} is required."),
    "input.bad_team": ("Thành viên đoàn “{value}” không hợp lệ; dùng “Họ tên” hoặc “Họ tên:vai trò”.",
                       "Invalid team member “{value}”; use “Name” or “Name:role”."),
    "input.future_date": ("Ngày {value} nằm trong tương lai.", "The date {value} is in the future."),
    "input.period_order": ("Thời kỳ thanh tra: ngày bắt đầu {start} sau ngày kết thúc {end}.",
                           "Inspected period: start {start} is after end {end}."),
    # cases
    "case.exists": ("Mã hồ sơ “{code}” đã tồn tại.", "The case code “{code}” already exists."),
    "case.not_found": ("Không tìm thấy hồ sơ “{code}”.", "No case “{code}”."),
    "case.created": ("Đã thêm hồ sơ {code}.", "Case {code} added."),
    "case.event_added": ("Đã ghi nhận “{stage}” ngày {date} cho hồ sơ {code}.",
                         "Recorded “{stage}” on {date} for case {code}."),
    "case.none": ("Không có hồ sơ nào.", "No cases."),
    # audit and backup
    "audit.ok": ("OK, {n} dòng nhật ký; chuỗi toàn vẹn (đầu chuỗi {head}).",
                 "OK, {n} rows; the chain is intact (head {head})."),
    "audit.broken": ("Chuỗi nhật ký bị phá vỡ tại dòng {row}: {why}.",
                     "The audit chain breaks at row {row}: {why}."),
    "audit.append_only": ("Nhật ký chỉ được ghi thêm, không được sửa hoặc xóa.",
                          "The audit log is append-only."),
    "backup.done": ("Đã sao lưu kho dữ liệu (mã hóa) vào {path}.",
                    "Encrypted backup written to {path}."),
    "backup.restored": ("Đã khôi phục kho dữ liệu từ {src} vào {dest}.",
                        "Vault restored from {src} into {dest}."),
    "backup.not_backup": ("{path} không phải là một bản sao lưu kho dữ liệu.",
                          "{path} is not a vault backup."),
    # calendar, plans, reports
    "calendar.makeup_weekday": ("Ngày làm bù {date} phải là thứ Bảy hoặc Chủ nhật.",
                                "The make-up working day {date} must be a Saturday or Sunday."),
    "calendar.set": ("Đã cập nhật lịch ngày {date}: {kind}.", "Calendar updated for {date}: {kind}."),
    "plan.exists": ("Kế hoạch năm {year} đã có.", "There is already a plan for {year}."),
    "plan.not_found": ("Chưa có kế hoạch thanh tra năm {year}.", "There is no inspection plan for {year}."),
    "plan.item_not_found": ("Không có mục kế hoạch số {item}.", "There is no plan item {item}."),
    "plan.item_started": ("Mục kế hoạch {item} đã được triển khai (hồ sơ {code}).",
                          "Plan item {item} has already started (case {code})."),
    "plan.created": ("Đã lập kế hoạch thanh tra năm {year}.", "Inspection plan for {year} created."),
    "plan.item_added": ("Đã thêm mục {item} vào kế hoạch năm {year}.",
                        "Item {item} added to the {year} plan."),
    "plan.bad_quarter": ("Quý phải từ 1 đến 4 (nhận được “{value}”).",
                         "The quarter must be 1 to 4 (got “{value}”)."),
    "report.bad_period": ("Kỳ báo cáo: ngày bắt đầu {start} sau ngày kết thúc {end}.",
                          "Reporting period: start {start} is after end {end}."),
    "setting.set": ("Đã đặt {key} = {value}.", "Set {key} = {value}."),
    "data.file_error": ("Tệp dữ liệu {path} có lỗi tại {where}: {detail}",
                        "The data file {path} has an error at {where}: {detail}"),
    # misc
    "init.done": ("Đã tạo kho dữ liệu tại {path}; quản trị viên: {user}.",
                  "Vault created at {path}; administrator: {user}."),
    "demo.done": ("Đã tạo kho dữ liệu mẫu tại {path}: {n} hồ sơ; quản trị viên: admin.",
                  "Demo vault created at {path}: {n} cases; administrator: admin."),
    "gui.later": ("Giao diện đồ họa sẽ có trong phiên bản sau. Dùng “hoso --help” để xem các lệnh.",
                  "The graphical interface comes later. Run “hoso --help” for the commands."),
    "error.unexpected": ("Lỗi không mong đợi ({kind}); chi tiết đã ghi vào nhật ký lỗi {log}.",
                         "Unexpected error ({kind}); details were written to the error log {log}."),
    "error.interrupted": ("Đã hủy.", "Cancelled."),
}


def render(key: str, lang: str = "vi", **params: object) -> str:
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    template = pair[0] if lang == "vi" else pair[1]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def default_language(environ: "os._Environ[str] | dict[str, str] | None" = None) -> str:
    """Vietnamese unless HOSO_LANG or the locale says English."""
    env = os.environ if environ is None else environ
    explicit = env.get("HOSO_LANG", "").lower()
    if explicit in ("vi", "en"):
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "vi"
    return "vi"

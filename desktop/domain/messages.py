"""Message catalogue for everything said outside the Qt GUI (CLI, errors).

Vietnamese is the default language, English the second. Keys are stable; the
GUI has its own Qt translation files but shows these for errors from below.

One catalogue, one way in: the domain's parts (workflow and deadlines, documents,
integrity) are merged below; a package above the domain registers its own once, in its
package init (desktop.exchange.excel). render() is the only way out.
"""

import os

from desktop.domain.messages_documents import DOCUMENT_MESSAGES
from desktop.domain.messages_integrity import INTEGRITY_MESSAGES
from desktop.domain.messages_server import SERVER_MESSAGES
from desktop.domain.messages_system import RELEASE_MESSAGES, SYSTEM_MESSAGES
from desktop.domain.messages_workflow import WORKFLOW_MESSAGES

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
    "vault.wrong_password": ("Sai mật khẩu cho người dùng “{user}”.",
                             "Wrong password for user “{user}”."),
    "vault.throttled": ("Đã nhập sai nhiều lần; chờ {seconds} giây trước khi thử lại.",
                        "Too many failed attempts; wait {seconds} seconds before trying again."),
    "vault.read_only": (
        "Kho dữ liệu {path} nằm trên ổ chỉ đọc: chỉ xem được, không ghi được. Không có gì "
        "thay đổi. Chép kho dữ liệu sang ổ ghi được để làm việc tiếp.",
        "The vault {path} is on read-only media: it can be read, not written. Nothing was "
        "changed. Copy the vault to writable media to work on it."),
    "vault.read_only_opened": (
        "Kho dữ liệu nằm trên ổ chỉ đọc: chỉ xem được, không ghi được, và việc xem không "
        "được ghi vào nhật ký.",
        "The vault is on read-only media: it can be read, not written, and reading it is "
        "not recorded in the audit trail."),
    "vault.read_only_upgrade": (
        "Kho dữ liệu {path} cần được nâng cấp cho phiên bản chương trình này nhưng nằm trên "
        "ổ chỉ đọc. Chép sang ổ ghi được rồi mở lại.",
        "The vault {path} needs an upgrade for this version of the program but is on "
        "read-only media. Copy it to writable media and open it again."),
    "vault.busy": (
        "Kho dữ liệu đang bận: {holders} đang ghi vào đó. Đã chờ {seconds} giây; không có gì "
        "thay đổi. Hãy thử lại sau ít phút.",
        "The vault is busy: {holders_en} is writing to it. Waited {seconds} seconds; nothing "
        "was changed. Try again in a few minutes."),
    "vault.disk_full": ("Không ghi được vào {path}: ổ đĩa đầy hoặc không có quyền ghi. Không có gì thay đổi.",
                        "Cannot write to {path}: the disk is full or not writable. Nothing was changed."),
    "vault.user_disabled": ("Tài khoản “{user}” đã bị khóa.", "The account “{user}” is disabled."),
    "vault.must_change_password": (
        "Người dùng “{user}” phải đổi mật khẩu lần đầu.",
        "User “{user}” must change the first password."),
    "password.too_short": ("Mật khẩu phải có ít nhất {n} ký tự.",
                           "The password must have at least {n} characters."),
    "password.mismatch": ("Hai lần nhập mật khẩu không khớp.", "The two passwords do not match."),
    "password.same": ("Mật khẩu mới phải khác mật khẩu cũ.",
                      "The new password must differ from the old one."),
    "password.no_input": (
        "Không đọc được mật khẩu: không có đầu vào chuẩn. Chạy lệnh trong một cửa sổ dòng "
        "lệnh, hoặc đưa mật khẩu qua đầu vào chuẩn với --password-stdin.",
        "Cannot read the password: there is no standard input. Run the command in a "
        "terminal, or pass the password on standard input with --password-stdin."),
    "password.missing": ("Chưa nhập mật khẩu.", "No password was given."),
    "keyring.unavailable": ("Máy này không có kho khóa an toàn của hệ điều hành; hãy dùng mật khẩu.",
                            "This machine has no secure OS credential store; use the password."),
    "keyring.forbidden": ("Quản trị viên không cho phép ghi nhớ đăng nhập trên máy trạm.",
                          "The administrator does not allow remembering logins on workstations."),
    # users and permissions
    "vault.slot_locked": (
        "Tài khoản “{user}” đã tạm khóa sau {n} lần nhập sai mật khẩu; cần quản trị viên mở "
        "khóa.",
        "The account “{user}” locked itself after {n} wrong passwords; an administrator must "
        "unlock it."),
    "user.unlocked": ("Đã mở khóa cho “{user}”: có thể đăng nhập lại.",
                      "“{user}” is unlocked and may log in again."),
    "user.cannot_change_self": (
        "Không thể tự đổi độ mật hoặc vai trò của chính mình; hãy nhờ một quản trị viên khác.",
        "You cannot change your own clearance or role; ask another administrator."),
    "user.cannot_disable_self": ("Không thể tự khóa tài khoản của chính mình.",
                                 "You cannot disable your own account."),
    "user.disabled": ("Đã khóa tài khoản “{user}”; các khóa độ mật của tài khoản đã bị thu hồi.",
                      "Account “{user}” disabled; its level keys were revoked."),
    "user.enabled": ("Đã mở lại tài khoản “{user}”.", "Account “{user}” enabled again."),
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
    "perm.write": ("Vai trò {role} không được sửa hồ sơ {code} (độ mật {level}): chỉ được sửa "
                   "hồ sơ đến độ mật {ceiling}.",
                   "The role {role} may not change case {code} ({level}): only cases up to "
                   "{ceiling}."),
    "perm.level_above_own": ("Không thể tạo hồ sơ độ mật {level} cao hơn độ mật của bạn.",
                             "You cannot create a case at {level}, above your clearance."),
    "perm.no_level_key": ("Bạn không giữ khóa của độ mật {level}: không thể ghi hồ sơ ở độ mật này.",
                          "You do not hold the {level} key: records at that level cannot be written."),
    "case.changed_meanwhile": (
        "Hồ sơ {code} đã được {by} sửa lúc {at} trong khi bạn đang sửa ({what}); thay đổi "
        "của bạn chưa được lưu. Mẫu đã nạp giá trị mới — xem lại rồi bấm Lưu.",
        "Case {code} was changed by {by} at {at} while you were editing it ({what_en}); "
        "your change was not saved. The form now holds the new values — review them and save "
        "again."),
    "record.changed_meanwhile": (
        "Bản ghi vừa được người khác sửa; thay đổi của bạn chưa được lưu. Hãy mở lại và làm "
        "lại.",
        "Someone else has just changed this record; your change was not saved. Open it again "
        "and redo it."),
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
    "input.bad_field_value": ("Giá trị “{value}” của “{field}” không hợp lệ.",
                              "Invalid value “{value}” for “{field}”."),
    "input.reason_required": ("Cần ghi lý do cho thay đổi “{field}”.",
                              "A reason is required to change “{field}”."),
    "case.no_change": ("Không có gì thay đổi trong hồ sơ {code}.", "Nothing changed in case {code}."),
    "case.edited": ("Đã sửa hồ sơ {code}: {fields}.", "Case {code} changed: {fields}."),
    "opinion.not_found": ("Không có yêu cầu xin ý kiến số {id}.", "No opinion request #{id}."),
    "opinion.bad_reply_date": ("Ngày trả lời {value} phải từ ngày gửi ({sent}) đến hôm nay.",
                               "The reply date {value} must be between the sending date ({sent}) and today."),
    "opinion.bad_receipt_date": ("Ngày thủ trưởng nhận {value} phải từ ngày gửi ({sent}) đến hôm nay.",
                                 "The head's receipt date {value} must be between the sending date ({sent}) and today."),
    "opinion.bad_reminder_date": ("Ngày đôn đốc {value} phải từ ngày gửi ({sent}) đến hôm nay.",
                                  "The reminder date {value} must be between the sending date ({sent}) and today."),
    "opinion.sent": ("Đã ghi {count} văn bản xin ý kiến (số {ids}).",
                     "{count} opinion requests recorded (#{ids})."),
    "opinion.replied": ("Đã ghi nhận trả lời của yêu cầu số {id}.", "Reply recorded for request #{id}."),
    "opinion.receipt_recorded": ("Đã ghi ngày thủ trưởng nhận yêu cầu số {id}: {date}; thời hạn trả lời tính từ ngày này.",
                                 "Recorded that the head received request #{id} on {date}; the reply's limit counts from it."),
    "opinion.reminded": ("Đã ghi văn bản đôn đốc (lần {count}) cho yêu cầu số {id}.",
                         "Reminder recorded (number {count}) for request #{id}."),
    "recommendation.not_concluded": ("Hồ sơ {code} chưa có kết luận: chưa thể ghi kiến nghị.",
                                     "Case {code} has no conclusion yet: no recommendation can be recorded."),
    "recommendation.not_found": ("Không có kiến nghị số {id}.", "No recommendation #{id}."),
    "recommendation.open_items": (
        "Hồ sơ {code} còn {count} kiến nghị chưa thực hiện xong; ghi lý do vào ghi chú để kết thúc hồ sơ.",
        "Case {code} still has {count} recommendation(s) not done; give the reason in the note to close it."),
    "recommendation.added": ("Đã ghi kiến nghị số {id} của hồ sơ {code}.",
                             "Recommendation #{id} recorded for case {code}."),
    "recommendation.updated": ("Đã ghi tiến độ của kiến nghị số {id}.",
                               "Follow-up recorded for recommendation #{id}."),
    "team.not_member": ("“{name}” không có trong đoàn thanh tra của hồ sơ {code}.",
                        "“{name}” is not on the team of case {code}."),
    "team.already": ("“{name}” đã ở trong đoàn với vai trò này.", "“{name}” is already on the team in that role."),
    "team.changed": ("Đã cập nhật đoàn thanh tra của hồ sơ {code}.", "Team of case {code} updated."),
    "directive.not_found": ("Không có chỉ đạo số {id}.", "No directive #{id}."),
    "directive.not_open": ("Chỉ đạo số {id} đã hoàn thành hoặc đã hủy.",
                           "Directive #{id} is already done or cancelled."),
    "directive.added": ("Đã ghi chỉ đạo số {id}.", "Directive #{id} recorded."),
    "directive.noted": ("Đã ghi tiến độ của chỉ đạo số {id}.", "Progress noted on directive #{id}."),
    "directive.done": ("Đã ghi hoàn thành chỉ đạo số {id}.", "Directive #{id} marked done."),
    "case.event_not_found": ("Hồ sơ {code} không có sự kiện số {id} (hoặc sự kiện đã bị hủy).",
                             "Case {code} has no event #{id} (or it was already voided)."),
    "case.event_fixed": ("Đã sửa sự kiện số {id} của hồ sơ {code}.", "Event #{id} of case {code} corrected."),
    "case.event_voided": ("Đã hủy sự kiện số {id} của hồ sơ {code}.", "Event #{id} of case {code} voided."),
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
    "plan.approved_already": ("Kế hoạch năm {year} đã được phê duyệt (Quyết định số {number}).",
                              "The {year} plan is already approved (decision {number})."),
    "plan.amendment_required": (
        "Kế hoạch năm {year} đã được phê duyệt: thay đổi phải ghi số và ngày quyết định điều chỉnh.",
        "The {year} plan is approved: a change needs the number and date of the amending decision."),
    "plan.approved": ("Đã ghi phê duyệt kế hoạch năm {year}.", "The {year} plan is recorded as approved."),
    "plan.item_changed": ("Đã sửa mục {item} của kế hoạch.", "Plan item {item} changed."),
    "plan.item_removed": ("Đã bỏ mục {item} khỏi kế hoạch.", "Plan item {item} removed."),
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
    # trust: signatures that decide access (security.trust)
    "trust.account_bad": (
        "Bản ghi tài khoản “{user}” không có chữ ký hợp lệ của quản trị viên (có thể đã bị sửa "
        "trong cơ sở dữ liệu) nên không được dùng. Hãy báo quản trị viên.",
        "The account record of “{user}” has no valid administrator signature (it may have been "
        "altered in the database), so it is not used. Tell the administrator."),
    "trust.account_expired": ("Tài khoản “{user}” đã hết hạn sử dụng.",
                              "The account “{user}” has expired."),
    "trust.root_bad": (
        "Khóa ký của quản trị viên trong kho dữ liệu không khớp với khóa đã ghim trong khe khóa "
        "của bạn: kho dữ liệu có thể đã bị thay thế hoặc sửa. Không mở. Hãy báo quản trị viên.",
        "The administrators' signing key in the vault does not match the one pinned in your key "
        "slot: the vault may have been replaced or altered. Not opened. Tell the administrator."),
    "trust.grant_bad": (
        "Khóa độ mật {level} của “{user}” không có chữ ký hợp lệ hoặc không khớp dấu vân tay "
        "đã ký, nên không được dùng. Hãy báo quản trị viên cấp lại.",
        "The {level} level key of “{user}” has no valid signature or does not match its signed "
        "fingerprint, so it is not used. Ask the administrator to grant it again."),
    "trust.not_upgraded": (
        "Kho dữ liệu này từ phiên bản trước chưa có chữ ký số cho tài khoản; quản trị viên cần "
        "đăng nhập một lần để nâng cấp (có sao lưu trước).",
        "This vault from an earlier version has no signed accounts yet; an administrator must "
        "log in once to upgrade it (a backup is taken first)."),
    "trust.not_enrolled": (
        "Tài khoản “{user}” có từ trước khi kho dữ liệu được nâng cấp lên chữ ký số; quản trị "
        "viên cần đặt lại mật khẩu cho tài khoản này.",
        "The account “{user}” dates from before the vault was upgraded to signed records; an "
        "administrator must reset its password."),
    "trust.problems": ("Cảnh báo bảo mật — {n} mục cần quản trị viên xem xét: {items}.",
                       "Security warning — {n} items for the administrator to look at: {items}."),
    "problem.account": ("tài khoản “{user}” không có chữ ký hợp lệ",
                        "account “{user}” has no valid signature"),
    "problem.account_row": ("bản ghi tài khoản “{user}” bị sửa ngoài chương trình",
                            "the record of account “{user}” was altered outside the program"),
    "problem.cert": ("một chứng thư của “{user}” không do quản trị viên ký (giả mạo hoặc hỏng)",
                     "a certificate of “{user}” not signed by an administrator (forged or "
                     "damaged)"),
    "problem.grant": ("khóa độ mật {level} của “{user}”", "the {level} level key of “{user}”"),
    "problem.level": ("dấu vân tay khóa độ mật {level}", "the fingerprint of the {level} level key"),
    "problem.audit": ("chuỗi nhật ký hỏng từ dòng {row}", "the audit chain, broken from row {row}"),
    "problem.attempts": ("bộ đếm số lần nhập sai mật khẩu của “{user}” đã bị xóa hoặc sửa",
                         "the failed-password counter of “{user}” was deleted or edited"),
    "trust.no_problems": ("Mọi tài khoản, khóa độ mật và quyền cấp đều có chữ ký hợp lệ.",
                          "Every account, level key and grant carries a valid signature."),
    "trust.upgraded": (
        "Đã nâng cấp kho dữ liệu lên chữ ký số (bản sao lưu trước nâng cấp: {path}).",
        "The vault was upgraded to signed records (backup taken before: {path})."),
    "trust.fingerprint": ("Dấu vân tay khóa ký của quản trị viên (thế hệ {generation}): {fp}",
                          "Fingerprint of the administrators' signing key (generation "
                          "{generation}): {fp}"),
    "trust.rotated": ("Đã thay khóa ký của quản trị viên: thế hệ {generation}, dấu vân tay {fp}.",
                      "The administrators' signing key was rotated: generation {generation}, "
                      "fingerprint {fp}."),
    "vault.rolled_back": (
        "Kho dữ liệu cũ hơn những gì bạn đã thấy (dòng nhật ký {row}, {at}): nó có thể đã bị chép "
        "đè bằng một bản cũ hoặc nhật ký bị cắt bớt. Hãy báo quản trị viên. Chỉ mở nếu đây là bản "
        "khôi phục có chủ đích; việc mở được ghi nhật ký.",
        "The vault is older than what you last saw (audit row {row}, {at}): it may have been "
        "copied over with an old copy or its audit trail cut short. Tell the administrator. "
        "Open it only if this is a deliberate restore; opening it is audited."),
    "audit.seal_written": ("Đã ghi dấu niêm phong nhật ký (dòng {row}, đầu chuỗi {head}) vào {path}.",
                           "Audit seal written (row {row}, head {head}) to {path}."),
    "audit.seal_ok": ("Nhật ký còn nguyên đến dấu niêm phong: dòng {row}, {at}.",
                      "The audit trail still reaches the seal: row {row}, {at}."),
    "audit.seal_mismatch": (
        "Nhật ký không còn khớp với dấu niêm phong (dòng {row}, {at}): nhật ký đã bị cắt bớt, "
        "quay lui hoặc sửa.",
        "The audit trail no longer matches the seal (row {row}, {at}): it was cut short, rolled "
        "back or altered."),
    "audit.seal_bad": ("Tệp {path} không phải dấu niêm phong nhật ký của kho dữ liệu này.",
                       "{path} is not an audit seal of this vault."),
    # misc
    "init.done": ("Đã tạo kho dữ liệu tại {path}; quản trị viên: {user}.",
                  "Vault created at {path}; administrator: {user}."),
    "demo.done": ("Đã tạo kho dữ liệu mẫu tại {path}: {n} hồ sơ; quản trị viên: admin.",
                  "Demo vault created at {path}: {n} cases; administrator: admin."),
    "error.unexpected": ("Lỗi không mong đợi ({kind}); chi tiết đã ghi vào nhật ký lỗi {log}.",
                         "Unexpected error ({kind}); details were written to the error log {log}."),
    "error.interrupted": ("Đã hủy.", "Cancelled."),
}


def describe_problem(item: str, lang: str = "vi") -> str:
    """A refused record ("grant:lanhdao/2", "account-row:x", …) in the user's words."""
    from desktop.domain.levels import Level
    kind, _, rest = item.partition(":")
    try:
        if kind == "grant":
            user, _, level = rest.rpartition("/")
            return render("problem.grant", lang, user=user, level=Level(int(level)).label(lang))
        if kind == "level":
            return render("problem.level", lang,
                          level=Level(int(rest.split(".")[0])).label(lang))
    except ValueError:
        return item
    key = {"account": "problem.account", "account-row": "problem.account_row",
           "cert": "problem.cert",
           "audit": "problem.audit", "attempts": "problem.attempts"}.get(kind)
    return render(key, lang, user=rest, row=rest) if key else item


def describe_problems(items: list[str], lang: str = "vi") -> str:
    return render("trust.problems", lang, n=len(items),
                  items="; ".join(describe_problem(i, lang) for i in items))


# What a {field} names, in words: the services name a value by what it is, never by a
# command-line option (the desktop program has none)
FIELDS: dict[str, tuple[str, str]] = {
    "within_days": ("số ngày tới", "number of days ahead"),
    "year": ("năm", "year"),
    "doc_number": ("số, ký hiệu", "number and symbol"),
    "copies": ("số bản", "number of copies"),
    "approved_by": ("người cho phép sao", "who authorised the copy"),
    "day_kind": ("loại ngày", "kind of day"),
    "recommended": ("số tiền, diện tích kiến nghị", "amount or area recommended"),
    "recovered": ("số tiền, diện tích đã thu hồi", "amount or area recovered"),
    "days": ("số ngày", "number of days"),
    "event_change": ("điều cần sửa (ngày, văn bản) hoặc hủy sự kiện",
                     "what to correct (date, document) or voiding the event"),
    "decision_number": ("số quyết định", "decision number"),
    "addressee_kind": ("loại nơi nhận", "kind of addressee"),
}


def in_language(pair: tuple[str, str], lang: str) -> str:
    """The text of a (Vietnamese, English) pair in `lang` (Vietnamese unless "en")."""
    return pair[1] if lang == "en" else pair[0]


def register(*catalogues: dict[str, tuple[str, str]]) -> None:
    """Add catalogues (key → (Vietnamese, English)); a key may not be given two texts."""
    for catalogue in catalogues:
        for key, pair in catalogue.items():
            if MESSAGES.setdefault(key, pair) != pair:
                raise ValueError(f"message key {key!r} registered twice with different texts")


register(WORKFLOW_MESSAGES, DOCUMENT_MESSAGES, INTEGRITY_MESSAGES, SERVER_MESSAGES,
         SYSTEM_MESSAGES, RELEASE_MESSAGES)


def render(key: str, lang: str = "vi", /, **params: object) -> str:
    """The message in `lang`; positional-only so a message may itself have a {key} or {lang}."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    template = pair[0] if lang == "vi" else pair[1]
    field = params.get("field")
    if isinstance(field, str) and field in FIELDS:
        params["field"] = FIELDS[field][0 if lang == "vi" else 1]
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

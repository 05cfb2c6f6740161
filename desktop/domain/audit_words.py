"""The audit trail in words: each action and each detail the program records, as a user
reads them in Vietnamese or English ("Xuất danh sách hồ sơ: 52 dòng, 29 dòng mật"), with
dates dd/mm/yyyy and numbers in the language's separators. The stored rows keep their codes
(the chain signs them); only what is shown is translated — on the audit page and in
`hoso audit list` alike."""

from __future__ import annotations

import re
from datetime import datetime

from desktop.domain.dates import format_iso_date
from desktop.domain.levels import Level
from desktop.domain.numbers import format_int, format_number

ACTIONS: dict[str, tuple[str, str]] = {
    "vault.create": ("Tạo kho dữ liệu", "Vault created"),
    "vault.backup": ("Sao lưu kho dữ liệu", "Vault backed up"),
    "vault.restore": ("Khôi phục kho dữ liệu", "Vault restored"),
    "vault.upgrade": ("Nâng cấp kho dữ liệu", "Vault upgraded"),
    "vault.verify": ("Kiểm tra toàn vẹn kho dữ liệu", "Vault integrity checked"),
    "vault.rollback_accepted": ("Chấp nhận mở bản kho cũ hơn", "Older vault copy accepted"),
    "server.import": ("Chuyển kho dữ liệu lên máy chủ", "Vault moved to the server"),
    "session.open": ("Đăng nhập", "Signed in"),
    "session.failed": ("Đăng nhập sai mật khẩu", "Failed sign-in"),
    "attempts.tampered": ("Bộ đếm đăng nhập sai bị sửa", "Failed-sign-in counter tampered with"),
    "audit.seal": ("Niêm phong đầu chuỗi nhật ký", "Audit head sealed"),
    "records.seal": ("Mã hóa lại bản ghi mật", "Classified records resealed"),
    "trust.rotate": ("Thay khóa gốc tin cậy", "Trust root rotated"),
    "case.add": ("Thêm hồ sơ", "Case added"),
    "case.bulk_add": ("Thêm nhiều hồ sơ", "Cases added in bulk"),
    "case.edit": ("Sửa hồ sơ", "Case edited"),
    "case.event": ("Ghi nhận giai đoạn", "Stage recorded"),
    "case.history": ("Xem lịch sử hồ sơ", "Case history viewed"),
    "case.read": ("Xem hồ sơ", "Case viewed"),
    "case.list": ("Xem danh sách hồ sơ", "Case list viewed"),
    "case.denied": ("Bị từ chối xem hồ sơ", "Case refused"),
    "case.deadlines": ("Xem thời hạn hồ sơ", "Case deadlines viewed"),
    "deadlines.overdue": ("Xem việc quá hạn", "Overdue list viewed"),
    "opinions.register": ("Xem sổ xin ý kiến, chỉ đạo", "Opinions register viewed"),
    "opinion.send": ("Gửi xin ý kiến", "Opinion requested"),
    "opinion.reply": ("Ghi nhận trả lời ý kiến", "Opinion reply recorded"),
    "opinion.received": ("Ghi ngày thủ trưởng nhận văn bản xin ý kiến",
                         "Head's receipt of a request recorded"),
    "opinion.remind": ("Nhắc trả lời ý kiến", "Opinion reminder"),
    "directive.add": ("Ghi nhận chỉ đạo", "Directive recorded"),
    "directive.done": ("Chỉ đạo đã thực hiện", "Directive carried out"),
    "directive.note": ("Ghi chú chỉ đạo", "Directive note"),
    "recommendation.add": ("Thêm kiến nghị", "Recommendation added"),
    "recommendation.update": ("Cập nhật thực hiện kiến nghị", "Recommendation follow-up"),
    "recommendation.list": ("Xem theo dõi kiến nghị", "Recommendations viewed"),
    "plan.create": ("Lập kế hoạch năm", "Annual plan created"),
    "plan.approve": ("Phê duyệt kế hoạch", "Plan approved"),
    "plan.item_add": ("Thêm mục kế hoạch", "Plan item added"),
    "plan.item_change": ("Sửa mục kế hoạch", "Plan item changed"),
    "plan.item_remove": ("Bỏ mục kế hoạch", "Plan item removed"),
    "report.period": ("Lập báo cáo kỳ", "Period report"),
    "report.summary": ("Lập bảng tổng hợp", "Summary"),
    "export.cases": ("Xuất danh sách hồ sơ", "Case list exported"),
    "export.overdue": ("Xuất danh sách việc quá hạn", "Overdue list exported"),
    "export.plan": ("Xuất kế hoạch năm", "Annual plan exported"),
    "export.report": ("Xuất báo cáo kỳ (01/TTr)", "Period report exported"),
    "export.follow_up": ("Xuất theo dõi kiến nghị", "Follow-up exported"),
    "export.summary": ("Xuất bảng tổng hợp", "Summary exported"),
    "export.register": ("Xuất sổ tài liệu mật", "Secret register exported"),
    "export.register_failed": ("Xuất sổ tài liệu mật không thành", "Secret register export failed"),
    "import.cases": ("Nhập hồ sơ từ Excel", "Cases imported"),
    "import.plan": ("Nhập kế hoạch từ Excel", "Plan imported"),
    "import.opinions": ("Nhập xin ý kiến từ Excel", "Opinion requests imported"),
    "import.staff": ("Nhập cán bộ từ Excel", "Staff imported"),
    "register.stats": ("Xem thống kê sổ tài liệu mật", "Secret register statistics"),
    "register.copies": ("Xem sổ sao, chụp tài liệu mật", "Copies register viewed"),
    "register.incoming": ("Xem sổ tài liệu mật đến", "Incoming register viewed"),
    "register.outgoing": ("Xem sổ tài liệu mật đi", "Outgoing register viewed"),
    "register.internal": ("Xem sổ tài liệu mật nội bộ", "Internal register viewed"),
    "doc.add": ("Thêm tài liệu", "Document added"),
    "doc.version": ("Thêm phiên bản tài liệu", "Document version added"),
    "doc.list": ("Xem danh sách tài liệu", "Document list viewed"),
    "doc.search": ("Tìm trong tài liệu", "Documents searched"),
    "doc.open": ("Mở tài liệu", "Document opened"),
    "doc.read": ("Đọc tài liệu", "Document read"),
    "doc.print": ("In tài liệu", "Document printed"),
    "doc.copy": ("Sao, chụp tài liệu", "Document copied"),
    "doc.export": ("Xuất bản giải mã tài liệu", "Decrypted copy exported"),
    "doc.export_failed": ("Xuất tài liệu không thành", "Document export failed"),
    "doc.denied": ("Bị từ chối mở tài liệu", "Document refused"),
    "doc.damaged": ("Tài liệu bị hỏng", "Document damaged"),
    "doc.key_failed": ("Không mở được khóa tài liệu", "Document key failed"),
    "doc.level": ("Đổi độ mật tài liệu", "Document level changed"),
    "doc.level_tampered": ("Độ mật tài liệu bị sửa trái phép", "Document level tampered with"),
    "doc.extend": ("Gia hạn bảo vệ bí mật", "Protection period extended"),
    "doc.destroy": ("Tiêu hủy tài liệu", "Document destroyed"),
    "user.add": ("Thêm người dùng", "User added"),
    "user.reset": ("Đặt lại mật khẩu", "Password reset"),
    "user.passwd": ("Đổi mật khẩu", "Password changed"),
    "user.clearance": ("Đổi vai trò, độ mật", "Role or clearance changed"),
    "user.unlock": ("Mở khóa tài khoản", "Account unlocked"),
    "settings.set": ("Đổi thiết lập", "Setting changed"),
    "calendar.set": ("Sửa lịch ngày nghỉ", "Holiday calendar changed"),
    "demo.fill": ("Nạp dữ liệu mẫu", "Demo data loaded"),
}
# actions named at run time: by their beginning
_PREFIXES = {"case.team_": ("Đổi thành viên đoàn", "Team changed"),
             "import.": ("Nhập từ Excel", "Imported from Excel"),
             "export.": ("Xuất ra Excel", "Exported to Excel"),
             "doc.": ("Tài liệu", "Document"), "register.": ("Sổ tài liệu mật", "Secret register")}

DETAILS: dict[str, tuple[str, str]] = {
    "rows": ("dòng", "rows"), "classified_rows": ("dòng mật", "classified rows"),
    "cleared_rows": ("dòng được xem", "rows shown"), "cases": ("hồ sơ", "cases"),
    "classified_cases": ("hồ sơ mật", "classified cases"), "count": ("mục", "items"),
    "documents": ("tài liệu", "documents"), "units": ("đơn vị", "units"),
    "staff": ("cán bộ", "staff"), "members": ("thành viên đoàn", "team members"),
    "hits": ("kết quả", "hits"), "classified_hits": ("kết quả mật", "classified hits"),
    "inserted": ("thêm", "added"), "updated": ("cập nhật", "updated"),
    "unchanged": ("không đổi", "unchanged"), "rejected": ("bị loại", "rejected"),
    "from_export": ("tệp do chương trình xuất", "the program's own export"),
    "converted": ("chuyển bảng mã", "encoding converted"),
    "sha256": ("SHA-256", "SHA-256"), "level": ("độ mật", "classification"),
    "max_level": ("độ mật cao nhất", "highest classification"),
    "sealed_level": ("độ mật", "classification"), "levels": ("độ mật", "classifications"),
    "clearance": ("độ mật được xem", "clearance"), "role": ("vai trò", "role"),
    "reason": ("lý do", "reason"), "why": ("lý do", "why"), "period": ("kỳ", "period"),
    "date": ("ngày", "date"), "until": ("đến ngày", "until"), "year": ("năm", "year"),
    "years": ("năm", "years"), "stage": ("giai đoạn", "stage"), "status": ("tình trạng", "status"),
    "kind": ("loại", "kind"), "number": ("số", "number"), "case": ("hồ sơ", "case"),
    "item": ("mục", "item"), "recommendation": ("kiến nghị", "recommendation"),
    "requests": ("yêu cầu", "requests"), "event": ("sự kiện", "event"),
    "corrected": ("sửa lại", "corrected"), "direction": ("sổ", "register"),
    "failed_attempts_before": ("số lần nhập sai trước đó", "failed attempts before"),
    "attempt": ("lần thử", "attempt"), "attempted_at": ("lúc thử", "attempted at"),
    "value": ("giá trị", "value"), "before": ("trước", "before"), "after": ("sau", "after"),
    "fields": ("trường", "fields"), "by": ("theo", "by"), "then": ("rồi theo", "then by"),
    "folder": ("thư mục", "folder"), "size": ("dung lượng", "size"), "pages": ("số trang", "pages"),
    "copies": ("số bản", "copies"), "version": ("phiên bản", "version"),
    "versions": ("phiên bản", "versions"), "findings": ("phát hiện", "findings"),
    "failures": ("lỗi", "failures"), "mode": ("cách", "mode"), "root": ("khóa gốc", "root key"),
    "generation": ("thế hệ khóa", "key generation"), "rekeyed": ("mã hóa lại", "rekeyed"),
    "approved_by": ("người duyệt", "approved by"), "replaced_by": ("thay bằng", "replaced by"),
    "reference": ("số hiệu", "reference"), "late": ("trễ", "late"), "chunk": ("phần", "chunk"),
    "not_enrolled": ("chưa đăng ký", "not enrolled"),
}
_YES_NO = {True: ("có", "yes"), False: ("không", "no")}
_DIRECTIONS = {"incoming": ("đến", "incoming"), "outgoing": ("đi", "outgoing"),
               "internal": ("nội bộ", "internal")}
_GROUPINGS = {"unit": ("đơn vị chủ trì", "chairing unit"), "stage": ("giai đoạn", "stage"),
              "year": ("năm", "year"), "leader": ("lãnh đạo phụ trách", "supervising leader"),
              "level": ("độ mật", "classification"), "party": ("đối tượng thanh tra",
                                                               "inspected party")}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_ISO_PERIOD = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")
_LEVEL_KEYS = {"level", "max_level", "sealed_level", "clearance"}
_COUNTED = {"rows", "classified_rows", "cleared_rows", "cases", "classified_cases", "documents",
            "units", "staff", "members", "hits", "classified_hits", "copies", "count"}
_TALLIED = {"inserted", "updated", "unchanged", "rejected"}
# numbers that name something (a year, a version): never "2.024"
_NAMING_NUMBERS = {"year", "version", "quarter", "number", "from_year", "to_year"}
# what a row was about, where the program records a word rather than a code
_TARGET_WORDS = {"records": ("dữ liệu", "records"), "organisation": ("tổ chức", "organisation"),
                 "expiring": ("tài liệu sắp hết thời hạn bảo vệ", "documents nearing the end "
                              "of their protection")}


def action_text(action: str, lang: str = "vi") -> str:
    """An action in words; an unknown one (a newer program's) as its code."""
    pair = ACTIONS.get(action) or next(
        (words for prefix, words in _PREFIXES.items() if action.startswith(prefix)), None)
    return (pair[0] if lang == "vi" else pair[1]) if pair else action


def value_text(key: str, value: object, lang: str = "vi") -> str:
    """One recorded value as the user reads it."""
    i = 0 if lang == "vi" else 1
    if isinstance(value, bool):
        return _YES_NO[value][i]
    if key in _LEVEL_KEYS and isinstance(value, int) and 0 <= value <= 3:
        return Level(value).label(lang)
    if key in _NAMING_NUMBERS and isinstance(value, int):
        return str(value)
    if key == "target" and isinstance(value, str):
        if value in _TARGET_WORDS:
            return _TARGET_WORDS[value][i]
        if value.startswith("doc:") and value[4:].isdigit():   # a document's row id
            return ("tài liệu #" if lang == "vi" else "document #") + value[4:]
    if key in ("by", "then") and value in _GROUPINGS:
        return _GROUPINGS[value][i]
    if key in ("kind", "status") and isinstance(value, str):
        from desktop.domain import recommendations as rec
        table = rec.KINDS if key == "kind" else rec.STATUSES
        if value in table:
            return rec.label(table, value, lang)
    if key == "direction" and value in _DIRECTIONS:
        return _DIRECTIONS[value][i]
    if key == "role" and isinstance(value, str):
        from desktop.domain.levels import Role
        try:
            return Role(value).label(lang)
        except ValueError:
            return value
    if key == "stage" and isinstance(value, str):
        from desktop.domain.stages import Stage
        try:
            return Stage(value).label(lang)
        except ValueError:
            return value
    if isinstance(value, int):
        return format_int(value, lang)
    if isinstance(value, float):
        return format_number(value, lang)
    if isinstance(value, str):
        found = _ISO_PERIOD.match(value)
        if found:
            return " – ".join(format_iso_date(d) for d in found.groups())
        if _ISO_DAY.match(value):
            return format_iso_date(value)
        if _ISO_MOMENT.match(value):
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                return value
            if moment.tzinfo is not None:   # stored in UTC: shown in this workstation's time
                moment = moment.astimezone()
            return moment.strftime("%d/%m/%Y %H:%M")
        return value
    if value is None:
        return "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(value_text(key, v, lang) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {value_text(k, v, lang)}" for k, v in value.items())
    return str(value)


def detail_text(detail: dict[str, object], lang: str = "vi", limit: int = 0) -> str:
    """A row's details: "52 dòng, 29 dòng mật; lý do: Báo cáo" (counts first, as a
    sentence; other values as label: value)."""
    i = 0 if lang == "vi" else 1
    counts, others = [], []
    for key, value in detail.items():
        if value == "" or value is None:
            continue   # nothing recorded: nothing to say
        label = DETAILS.get(key, (key.replace("_", " "),) * 2)[i]
        number = isinstance(value, int) and not isinstance(value, bool)
        if number and key in _COUNTED:          # "52 dòng"
            counts.append(f"{value_text(key, value, lang)} {label}")
        elif number and key in _TALLIED:        # "thêm 1.200"
            counts.append(f"{label} {value_text(key, value, lang)}")
        else:
            others.append(f"{label}: {value_text(key, value, lang)}")
    text = "; ".join(filter(None, [", ".join(counts), *others]))
    return text if not limit or len(text) <= limit else text[:limit - 1] + "…"


def entry_text(action: str, detail: dict[str, object], lang: str = "vi") -> str:
    """"Xuất danh sách hồ sơ: 52 dòng, 29 dòng mật"."""
    words = detail_text(detail, lang)
    return f"{action_text(action, lang)}: {words}" if words else action_text(action, lang)

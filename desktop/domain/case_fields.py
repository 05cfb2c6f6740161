"""The fields of a case a user may change after creating it: their kind (how a value is
read and shown) and their names in both languages. Values are kept canonical in the
history (ISO dates, codes of choices, plain numbers) and shown by `shown`."""

from datetime import date
from typing import Any

from desktop.domain.messages import in_language
from desktop.domain.dates import format_iso_date, parse_date
from desktop.domain.errors import InvalidInput
from desktop.domain.levels import Level
from desktop.domain.numbers import parse_decimal, parse_money
from desktop.domain.stages import Basis, InspectingLevel

COMPLEXITIES = {"normal": ("Bình thường", "Normal"), "complex": ("Phức tạp", "Complex"),
                "very_complex": ("Đặc biệt phức tạp", "Very complex")}
# Why Law 84/2025 Art. 36 has the state-management head consulted on a case (only then does
# a consultation hold the conclusion back); "" : none of these
CONSULTATION_BASES = {
    "": ("Không thuộc diện", "None"),
    "defence_security": ("Vụ việc quốc phòng, an ninh", "Defence or security case"),
    "steering_committee": ("Ban Chỉ đạo phòng, chống tham nhũng (trung ương, tỉnh) theo dõi",
                           "Followed by an anti-corruption steering committee"),
    "head_request": ("Thủ trưởng cơ quan quản lý nhà nước yêu cầu",
                     "The state-management head asked"),
}

# field → (kind, Vietnamese name, English name)
FIELDS: dict[str, tuple[str, str, str]] = {
    "code": ("text", "Mã hồ sơ", "Code"),
    "title": ("text", "Tên cuộc thanh tra", "Title"),
    "inspected_party": ("text", "Đối tượng thanh tra", "Inspected party"),
    "content": ("text", "Nội dung", "Content"),
    "period_from": ("date", "Thời kỳ thanh tra từ", "Period from"),
    "period_to": ("date", "Thời kỳ thanh tra đến", "Period to"),
    "basis": ("basis", "Căn cứ", "Basis"),
    "assignment_ref": ("text", "Văn bản giao nhiệm vụ", "Assignment"),
    "decision_number": ("text", "Số quyết định", "Decision number"),
    "decision_date": ("date", "Ngày quyết định", "Decision date"),
    "inspecting_level": ("inspecting", "Cấp thanh tra", "Inspecting level"),
    "complexity": ("complexity", "Tính chất", "Complexity"),
    "consultation_basis": ("consultation", "Diện lấy ý kiến thủ trưởng (Luật 84/2025)",
                           "Head's opinion required (Law 84/2025)"),
    "chaired_by": ("text", "Đơn vị chủ trì", "Chaired by"),
    "supervisor": ("text", "Lãnh đạo phụ trách", "Supervising leader"),
    "level": ("level", "Độ mật", "Classification"),
    "violation_money": ("int", "Sai phạm tiền (đồng)", "Violations, money (VND)"),
    "violation_land_m2": ("float", "Sai phạm đất (m²)", "Violations, land (m²)"),
    "recovery_money": ("int", "Kiến nghị thu hồi tiền (đồng)", "Recovery, money (VND)"),
    "recovery_land_m2": ("float", "Kiến nghị thu hồi đất (m²)", "Recovery, land (m²)"),
    "disciplined_orgs": ("int", "Tổ chức bị kiến nghị xử lý", "Organisations to discipline"),
    "disciplined_persons": ("int", "Cá nhân bị kiến nghị xử lý", "Persons to discipline"),
    "referral_cases": ("int", "Vụ chuyển cơ quan điều tra", "Cases referred"),
    "referral_persons": ("int", "Người chuyển cơ quan điều tra", "Persons referred"),
}


# changed through their own commands, shown in the same history
HISTORY_ONLY: dict[str, tuple[str, str, str]] = {
    "team": ("text", "Đoàn thanh tra", "Inspection team"),
    "decision_event": ("text", "Sự kiện quyết định", "Decision event"),
}


def label(field: str, lang: str = "vi") -> str:
    _kind, vi, en = FIELDS.get(field) or HISTORY_ONLY[field]
    return vi if lang == "vi" else en


def canonical(field: str, value: Any) -> str:
    """A value as the history keeps it; a bad value is refused naming the field."""
    if field not in FIELDS:
        raise InvalidInput("input.bad_choice", value=field, field="field",
                           choices=", ".join(FIELDS))
    kind = FIELDS[field][0]
    name = label(field)
    if value is None:
        value = ""
    try:
        if kind == "text":
            return " ".join(str(value).split()) if field != "content" else str(value).strip()
        if kind == "date":
            if value in ("", None):
                return ""
            return (value if isinstance(value, date) else parse_date(str(value))).isoformat()
        if kind == "level":
            return Level.parse(value).code
        if kind == "basis":
            return Basis(getattr(value, "value", value)).value
        if kind == "inspecting":
            return InspectingLevel(getattr(value, "value", value)).value
        if kind == "complexity":
            if value not in COMPLEXITIES:
                raise ValueError(value)
            return str(value)
        if kind == "consultation":
            if value not in CONSULTATION_BASES:
                raise ValueError(value)
            return str(value)
        number = float((parse_money if kind == "int" else parse_decimal)(value))
        if number < 0 or (kind == "int" and number != int(number)):
            raise ValueError(value)
        return str(int(number)) if kind == "int" else f"{number:g}"
    except (ValueError, TypeError, ArithmeticError, InvalidInput):
        raise InvalidInput("input.bad_field_value", value=value, field=name) from None


def shown(field: str, raw: str, lang: str = "vi") -> str:
    """A canonical value for people: dd/mm/yyyy, labels of choices, grouped numbers."""
    if raw == "":
        return ""
    kind = (FIELDS.get(field) or HISTORY_ONLY[field])[0]
    if kind == "date":
        return format_iso_date(raw)
    if kind == "level":
        return Level.parse(raw).label(lang)
    if kind == "basis":
        return Basis(raw).label(lang)
    if kind == "inspecting":
        return InspectingLevel(raw).label(lang)
    if kind == "complexity":
        return in_language(COMPLEXITIES[raw], lang)
    if kind == "consultation":
        return in_language(CONSULTATION_BASES[raw], lang)
    if kind == "int":
        grouped = f"{int(raw):,}"
        return grouped.replace(",", ".") if lang == "vi" else grouped
    return raw

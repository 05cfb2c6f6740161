"""What each import kind expects: its columns (with the names people really write),
how each cell is read, and which columns are required."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from desktop.domain.messages import in_language
from desktop.domain.errors import InvalidInput
from desktop.domain.folding import fold
from desktop.exchange.excel.values import to_date, to_int, to_level, to_money, to_text


@dataclass(frozen=True)
class Field:
    name: str
    vi: str                        # the column's name in our own exports
    en: str
    aliases: tuple[str, ...]       # other names seen in other departments' files
    read: Callable[..., object]
    required: bool = False
    money_unit: int | None = None  # for money columns: multiplier of plain numbers

    def label(self, lang: str) -> str:
        return in_language((self.vi, self.en), lang)


def to_basis(value: object, *, cell: str | None = None, required: bool = False) -> str | None:
    """"Theo kế hoạch" / "Đột xuất" / "Được giao" → plan / assignment."""
    text = to_text(value, cell=cell, required=required)
    if text is None:
        return None
    key = fold(text)
    if "ke hoach" in key or key in ("plan", "kh", "planned"):
        return "plan"
    if any(word in key for word in ("dot xuat", "giao", "chi dao", "assign", "ad hoc")):
        return "assignment"
    raise InvalidInput("excel.value.bad_basis.at" if cell else "excel.value.bad_basis",
                       value=text, cell=cell)


def to_quarter(value: object, *, cell: str | None = None, required: bool = False) -> int | None:
    """1-4, also "Quý II", "II", "Q3"."""
    if isinstance(value, str):
        key = fold(value).replace("quy", "").replace("q", "").strip()
        value = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(key, key)
    number = to_int(value, cell=cell, required=required)
    if number is not None and not 1 <= number <= 4:
        raise InvalidInput("excel.value.bad_quarter.at" if cell else "excel.value.bad_quarter",
                           value=value, cell=cell)
    return number


def _positive_int(value: object, *, cell: str | None = None, required: bool = False) -> int | None:
    number = to_int(value, cell=cell, required=required)
    if number is not None and number <= 0:
        raise InvalidInput("excel.value.not_positive.at" if cell else "excel.value.not_positive",
                           value=value, cell=cell)
    return number


CASES = (
    Field("code", "Mã hồ sơ", "Case code", ("Mã", "Mã cuộc thanh tra", "Số hiệu", "Mã số",
                                            "Code"), to_text, required=True),
    Field("title", "Tên cuộc thanh tra", "Title", ("Tên cuộc", "Cuộc thanh tra", "Tên", "Nội dung cuộc thanh tra",
                                                   "Title"), to_text, required=True),
    Field("inspected_party", "Đối tượng thanh tra", "Inspected party",
          ("Đối tượng", "Đơn vị được thanh tra", "Cơ quan được thanh tra"), to_text),
    Field("content", "Nội dung", "Content", ("Nội dung thanh tra", "Ghi chú nội dung"), to_text),
    Field("decision_number", "Số quyết định", "Decision number",
          ("Số QĐ", "Quyết định số", "Số quyết định thanh tra", "QĐ số"), to_text),
    Field("decision_date", "Ngày quyết định", "Decision date",
          ("Ngày QĐ", "Ngày ban hành QĐ", "Ngày ký quyết định"), to_date),
    Field("basis", "Căn cứ", "Basis", ("Hình thức", "Loại", "Theo kế hoạch/đột xuất"), to_basis),
    Field("level", "Độ mật", "Classification", ("Mức độ mật", "Mật"), to_level),
    Field("chaired_by", "Đơn vị chủ trì", "Chaired by", ("Đơn vị thực hiện", "Đơn vị"), to_text),
    Field("supervisor", "Lãnh đạo phụ trách", "Supervising leader",
          ("Lãnh đạo chỉ đạo", "Người phụ trách"), to_text),
    Field("team_leader", "Trưởng đoàn", "Team leader", ("Trưởng đoàn thanh tra",), to_text),
    Field("period_from", "Thời kỳ từ", "Period from", ("Thời kỳ thanh tra từ", "Từ ngày"), to_date),
    Field("period_to", "Thời kỳ đến", "Period to", ("Thời kỳ thanh tra đến", "Đến ngày"), to_date),
    Field("violation_money", "Sai phạm tiền (đồng)", "Violations, money (VND)",
          ("Sai phạm về tiền", "Số tiền sai phạm", "Sai phạm kinh tế"), to_money),
    Field("violation_land_m2", "Sai phạm đất (m²)", "Violations, land (m²)",
          ("Sai phạm về đất", "Diện tích đất sai phạm"), to_money),
    Field("recovery_money", "Kiến nghị thu hồi tiền (đồng)", "Recovery, money (VND)",
          ("Kiến nghị thu hồi", "Thu hồi về NSNN", "Số tiền kiến nghị thu hồi"), to_money),
    Field("disciplined_orgs", "Xử lý tổ chức", "Disciplined organisations",
          ("Kiến nghị xử lý tổ chức", "Tổ chức bị xử lý"), to_int),
    Field("disciplined_persons", "Xử lý cá nhân", "Disciplined individuals",
          ("Kiến nghị xử lý cá nhân", "Cá nhân bị xử lý"), to_int),
    Field("referral_cases", "Chuyển CQĐT (vụ)", "Referred (cases)",
          ("Chuyển cơ quan điều tra vụ", "Số vụ chuyển cơ quan điều tra"), to_int),
    Field("referral_persons", "Chuyển CQĐT (người)", "Referred (persons)",
          ("Chuyển cơ quan điều tra người", "Số người chuyển cơ quan điều tra"), to_int),
)

PLAN = (
    Field("year", "Năm", "Year", ("Năm kế hoạch",), _positive_int),
    Field("inspected_party", "Đối tượng thanh tra", "Inspected party",
          ("Đối tượng", "Đơn vị được thanh tra"), to_text, required=True),
    Field("content", "Nội dung", "Content", ("Nội dung thanh tra",), to_text),
    Field("quarter", "Quý", "Quarter", ("Thời gian triển khai", "Quý triển khai", "Thời gian"),
          to_quarter),
    Field("days", "Số ngày", "Days", ("Thời hạn thanh tra", "Số ngày thanh tra", "Thời hạn (ngày)"),
          _positive_int),
    Field("team_size", "Số người", "Team size", ("Số thành viên", "Lực lượng", "Số người tham gia"),
          _positive_int),
)

OPINIONS = (
    Field("case_code", "Mã hồ sơ", "Case code", ("Mã", "Cuộc thanh tra", "Hồ sơ"), to_text,
          required=True),
    Field("addressee", "Cơ quan được xin ý kiến", "Addressee",
          ("Gửi", "Nơi nhận", "Cơ quan", "Đơn vị được xin ý kiến"), to_text, required=True),
    Field("subject", "Nội dung xin ý kiến", "Subject", ("Nội dung", "Trích yếu"), to_text),
    Field("doc_ref", "Số văn bản", "Document", ("Văn bản", "Số công văn", "Số hiệu văn bản"), to_text),
    Field("sent_date", "Ngày gửi", "Sent", ("Ngày xin ý kiến", "Ngày văn bản"), to_date,
          required=True),
    Field("due_date", "Hạn trả lời", "Due", ("Thời hạn", "Hạn"), to_date),
    Field("answered_date", "Ngày trả lời", "Answered", ("Ngày nhận trả lời", "Đã trả lời ngày"),
          to_date),
)

STAFF = (
    Field("full_name", "Họ và tên", "Full name", ("Họ tên", "Tên", "Cán bộ"), to_text, required=True),
    Field("position", "Chức vụ", "Position", ("Chức danh",), to_text),
    Field("unit", "Đơn vị", "Unit", ("Phòng", "Cơ quan"), to_text),
)

KINDS: dict[str, tuple[Field, ...]] = {"cases": CASES, "plan": PLAN, "opinions": OPINIONS,
                                       "staff": STAFF}


def aliases(kind: str) -> dict[str, list[str]]:
    return {f.name: [f.vi, f.en, *f.aliases] for f in KINDS[kind]}


def required(kind: str) -> list[str]:
    return [f.name for f in KINDS[kind] if f.required]

"""What the exported sheets look like, without openpyxl: columns, the fixed texts of the
sector's forms in both languages, header grids with merged group cells, column widths
estimated from a sample, and the layout of table 01/TTr and the period review's lists.

writer.py turns these into cells; keeping them apart lets the layouts be read (and
tested) as data.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Iterable, Sequence

from desktop.domain.dates import format_date
from desktop.domain.levels import Level

KINDS = ("text", "date", "int", "money", "area", "level", "million")

# Excel number formats; "," and "." are the locale's separators, so a Vietnamese Excel
# shows 1.234.567 and an English one 1,234,567 from the same file
NUMBER_FORMATS = {
    "text": "General",
    "date": "dd/mm/yyyy",
    "datetime": "dd/mm/yyyy hh:mm",
    "int": "General",
    "money": "#,##0",
    "area": "#,##0.0",
    "level": "General",
    "million": "#,##0.0##",   # million đồng: at least one decimal, up to three (thousand đồng)
}

MIN_WIDTH = 5.0
MAX_WIDTH = 60.0          # longer text wraps
SAMPLE_ROWS = 2_000       # widths come from the first rows, so the export stays one pass
# Width units (the default font's digit width) that Times New Roman 12 text takes, fitted
# to where LibreOffice starts wrapping Vietnamese text (Liberation Serif has Times' metrics):
# 0.71 a character for ordinary text, capitals up to 0.62 more, all-capital text about 1.05,
# bold 5-8 % more, formatted numbers 0.79. Rounded up: a column a little too wide or a row
# a little too tall is fine, text cut off or running over the next row is not.
_LOWER = 0.72
_UPPER_EXTRA = 0.62
_CAPS = 1.1               # the most a character takes (all capitals)
_BOLD = 1.08
_DIGIT = 0.8
CELL_PAD = 1.0            # the cell's own margins
_PAD = 1.0                # breathing room on top
LINE_PT = 16.0            # one line of 12 pt text (Vietnamese marks stack high)
TITLE_LINE_PT = 20.25     # one line of 14 pt text


@dataclass(frozen=True)
class Column:
    key: str
    header: str                     # already in the user's language
    kind: str = "text"              # text | date | int | money | area | level (| million)
    width: float | None = None      # None: computed from the header and a sample of rows
    group: str | None = None        # consecutive columns of one group share a merged cell above

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r} (one of {', '.join(KINDS)})")

    @property
    def path(self) -> tuple[str, ...]:
        """Header texts from the top header row down to this column's own header."""
        return (self.group, self.header) if self.group else (self.header,)


@dataclass(frozen=True)
class Leaf:
    """A column of a sheet with any depth of group headers (table 01/TTr has three rows)."""

    key: str
    path: tuple[str, ...]
    kind: str = "text"
    width: float | None = None
    number: str | None = None       # the column-number row's text; None: "(n)"

    @classmethod
    def of(cls, column: Column) -> "Leaf":
        return cls(column.key, column.path, column.kind, column.width)


@dataclass(frozen=True)
class HeaderCell:
    row: int      # 0-based within the header rows
    col: int      # 0-based column
    row2: int     # last row covered (inclusive)
    col2: int     # last column covered (inclusive)
    text: str

    @property
    def merged(self) -> bool:
        return self.row2 > self.row or self.col2 > self.col


def header_grid(paths: Sequence[tuple[str, ...]]) -> tuple[int, list[HeaderCell]]:
    """Rows needed and the cells of a header: a column's own header reaches down to the
    last header row; group texts shared by consecutive columns merge across them."""
    depth = max((len(p) for p in paths), default=1)
    cells: list[HeaderCell] = []
    for level in range(depth):
        c = 0
        while c < len(paths):
            path = paths[c]
            if level >= len(path):
                c += 1
                continue
            if level == len(path) - 1:
                cells.append(HeaderCell(level, c, depth - 1, c, path[level]))
                c += 1
                continue
            prefix = path[:level + 1]
            end = c
            while (end + 1 < len(paths) and len(paths[end + 1]) > level + 1
                   and paths[end + 1][:level + 1] == prefix):
                end += 1
            cells.append(HeaderCell(level, c, level, end, path[level]))
            c = end + 1
    return depth, cells


# --- texts ---------------------------------------------------------------------------------

TEXTS = {
    "vi": {
        "nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
        "page": "Trang &P/&N",
        "total": "TỔNG CỘNG",
        "none": "Không có.",
        "stt": "STT",
        "period": "Kỳ báo cáo: từ ngày {start} đến ngày {end}",
        "place_date": "…, ngày … tháng … năm …",
        "preparer": "NGƯỜI LẬP BIỂU",
        "head": "THỦ TRƯỞNG ĐƠN VỊ",
        "sign": "(Ký, ghi rõ họ tên)",
        "sign_stamp": "(Ký, ghi rõ họ tên, đóng dấu)",
        "form_01": "Biểu số 01/TTr",
        "title_01": "TỔNG HỢP KẾT QUẢ THANH TRA HÀNH CHÍNH",
        "unit_01": "Đơn vị tính: tiền: triệu đồng; đất: m²",
        "sheet_01": "01-TTr",
    },
    "en": {
        "nation": "SOCIALIST REPUBLIC OF VIET NAM",
        "motto": "Independence - Freedom - Happiness",
        "page": "Page &P/&N",
        "total": "TOTAL",
        "none": "None.",
        "stt": "No.",
        "period": "Reporting period: from {start} to {end}",
        "place_date": "…, date … month … year …",
        "preparer": "PREPARED BY",
        "head": "HEAD OF THE UNIT",
        "sign": "(Signature, full name)",
        "sign_stamp": "(Signature, full name, seal)",
        "form_01": "Form 01/TTr",
        "title_01": "SUMMARY OF ADMINISTRATIVE INSPECTION RESULTS",
        "unit_01": "Units: money: million VND; land: m²",
        "sheet_01": "01-TTr",
    },
}


def texts(lang: str) -> dict[str, str]:
    return TEXTS["vi" if lang == "vi" else "en"]


def level_mark(level_label: "str | Level | None") -> str | None:
    """The stamp text ("MẬT", "TỐI MẬT", "TUYỆT MẬT") or None for an ordinary export.
    The stamp is the legal Vietnamese mark whatever the interface language."""
    if level_label is None:
        return None
    if isinstance(level_label, Level):
        level = level_label
    else:
        text = " ".join(str(level_label).split())
        if not text:
            return None
        try:
            level = Level.parse(text)
        except ValueError:
            return text.upper()  # a mark the caller chose; printed as given
    if level is Level.THUONG:
        return None
    return level.label_vi.upper()


# --- values as they appear in cells ---------------------------------------------------------

def plain_value(value: object, lang: str = "vi") -> object:
    """A domain value as a cell holds it: None, bool, int, float, str, date, datetime, time.
    Levels and other labelled enums become their label, Decimals numbers, the rest text."""
    if value is None or isinstance(value, (bool, str, int, float, dt.date, dt.time)):
        if isinstance(value, Level):
            return value.label(lang)
        if isinstance(value, Enum):
            return _enum_text(value, lang)
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            return value.astimezone().replace(tzinfo=None)  # local time, as the user reads it
        if isinstance(value, dt.time) and value.tzinfo is not None:
            return value.replace(tzinfo=None)
        return value
    if isinstance(value, Enum):
        return _enum_text(value, lang)
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value)


def level_value(value: object, lang: str = "vi") -> object:
    """For kind "level": 0-3 and Level members become the label."""
    if isinstance(value, int) and not isinstance(value, bool) and value in Level._value2member_map_:
        return Level(value).label(lang)
    return plain_value(value, lang)


def _enum_text(value: Enum, lang: str) -> object:
    label = getattr(value, "label", None)
    if callable(label):
        try:
            return str(label(lang))
        except (TypeError, KeyError):
            pass
    return value.value if isinstance(value.value, (str, int, float)) else str(value.value)


# --- widths and heights ---------------------------------------------------------------------

def text_units(text: str, bold: bool = False, size: float = 12) -> float:
    """Width units a line of text takes (without the cell's margins)."""
    n = len(text)
    upper = 0 if text.islower() else sum(map(str.isupper, text))
    units = min(_LOWER * n + _UPPER_EXTRA * upper, _CAPS * n)
    return units * (_BOLD if bold else 1.0) * size / 12


def display_width(value: object, kind: str) -> float:
    """Width units the value takes on screen in its number format (text: longest line)."""
    if value is None:
        return 0.0
    if isinstance(value, str):
        return max(map(text_units, value.split("\n"))) if "\n" in value else text_units(value)
    if isinstance(value, bool):
        return 5 * _LOWER
    if isinstance(value, dt.datetime):
        return (16 if value.time() != dt.time(0) else 10) * _DIGIT
    if isinstance(value, dt.date):
        return 10 * _DIGIT
    if isinstance(value, (int, float)):
        if kind == "money":
            text = f"{value:,.0f}"
        elif kind == "area":
            text = f"{value:,.1f}"
        elif kind == "million":
            text = f"{value:,.3f}".rstrip("0")
        else:
            text = str(value)
        return len(text) * _DIGIT
    return text_units(str(value))


def header_min_width(text: str) -> float:
    """A (bold) header wraps at spaces: its longest word fits, and it takes three lines at
    most."""
    longest = max(text.split(), key=len, default="")
    return max(text_units(longest, True), text_units(text, True) / 3) + CELL_PAD + _PAD


def estimate_width(leaf: Leaf, sample: Iterable[object]) -> float:
    number = text_units(leaf.number) + CELL_PAD + _PAD if leaf.number else 0.0  # "(3)=(4)+(5)"
    if leaf.width is not None:
        return max(float(leaf.width), round(number, 1))
    data = max((display_width(v, leaf.kind) for v in sample), default=0.0) + CELL_PAD + _PAD
    width = min(MAX_WIDTH, max(MIN_WIDTH, data, number, header_min_width(leaf.path[-1])))
    return math.ceil(round(width * 10, 6)) / 10   # a tenth up, never cutting a word


def wrapped_lines(text: str, usable: float, bold: bool = False, size: float = 12) -> int:
    """Lines of text wrapped at spaces (as Excel and LibreOffice wrap) in `usable` width
    units (the column's width less CELL_PAD)."""
    lines = 0
    for part in text.split("\n"):
        units = text_units(part, bold, size)
        if units <= usable:
            lines += 1
            continue
        per_line = max(usable / (units / len(part)), 1.0)   # characters of this text a line
        n, used = 1, 0
        for word in part.split(" "):
            length = len(word)
            if used and used + 1 + length <= per_line:
                used += 1 + length
                continue
            if used:
                n += 1
            while length > per_line:        # a word longer than the line breaks anywhere
                n += 1
                length -= int(per_line)
            used = length
        lines += n
    return lines


def most_per_line(usable: float, bold: bool = False) -> float:
    """Characters that surely fit on one line (all capitals): shorter text needs no check."""
    return usable / (_CAPS * (_BOLD if bold else 1.0))


def lines_needed(text: str, width: float, bold: bool = False, size: float = 12) -> int:
    """How many lines wrapped text takes in a cell (or merged cells) of this width."""
    if not text:
        return 1
    return wrapped_lines(str(text), width - CELL_PAD, bold, size)


# --- the period review (table 01/TTr and its lists) -----------------------------------------

def _d(text: "str | None") -> "dt.date | None":
    return dt.date.fromisoformat(text) if text else None


def _dmy(text: "str | None") -> str:
    day = _d(text)
    return format_date(day) if day else "…"


def period_line(report: dict, lang: str) -> str:
    return texts(lang)["period"].format(start=_dmy(report.get("from")), end=_dmy(report.get("to")))


_01_VI = {
    "count": "Số cuộc thanh tra", "total": "Tổng số", "carried": "Kỳ trước chuyển sang",
    "started": "Triển khai trong kỳ", "started_total": "Tổng", "planned": "Theo kế hoạch",
    "ad_hoc": "Đột xuất", "onsite": "Đã kết thúc thanh tra trực tiếp",
    "concl": "Số kết luận đã ban hành", "units": "Số đơn vị được thanh tra",
    "viol": "Sai phạm", "money": "Tiền", "land": "Đất",
    "recov": "Kiến nghị thu hồi về ngân sách nhà nước",
    "admin": "Kiến nghị xử lý hành chính", "orgs": "Tổ chức", "persons": "Cá nhân",
    "refer": "Chuyển cơ quan điều tra", "cases": "Vụ", "people": "Người",
    "policy": "Kiến nghị sửa đổi cơ chế, chính sách (văn bản)", "unit": "Đơn vị",
}
_01_EN = {
    "count": "Inspections", "total": "Total", "carried": "Carried over",
    "started": "Started in the period", "started_total": "Total", "planned": "Planned",
    "ad_hoc": "Ad hoc", "onsite": "On-site inspection finished",
    "concl": "Conclusions issued", "units": "Units inspected",
    "viol": "Violations", "money": "Money", "land": "Land",
    "recov": "Recovery to the state budget",
    "admin": "Administrative handling", "orgs": "Organisations", "persons": "Individuals",
    "refer": "Referred to investigators", "cases": "Cases", "people": "Persons",
    "policy": "Changes of rules or policy recommended (documents)", "unit": "Unit",
}


def table_01(report: dict, unit_name: str, lang: str) -> tuple[list[Leaf], list[list], list]:
    """Leaves, data rows and the totals row of table 01/TTr. Money is in million đồng;
    totals are values summed here (an export never holds formulas)."""
    t = _01_VI if lang == "vi" else _01_EN
    txt = texts(lang)
    count, started = t["count"], t["started"]
    leaves = [
        Leaf("stt", (txt["stt"],), "int", 5.5),
        Leaf("unit", (t["unit"],), "text", 28),
        Leaf("carried_out", (count, t["total"]), "int", 9, "(3)=(4)+(5)"),
        Leaf("carried_over", (count, t["carried"]), "int", 10),
        Leaf("started", (count, started, t["started_total"]), "int", 8, "(5)=(6)+(7)"),
        Leaf("started_planned", (count, started, t["planned"]), "int", 10),
        Leaf("started_ad_hoc", (count, started, t["ad_hoc"]), "int", 9),
        Leaf("onsite_finished", (count, t["onsite"]), "int", 12),
        Leaf("conclusions_issued", (t["concl"],), "int", 11),
        Leaf("units_inspected", (t["units"],), "int", 11),
        Leaf("violation_money", (t["viol"], t["money"]), "million", 12),
        Leaf("violation_land", (t["viol"], t["land"]), "area", 11),
        Leaf("recovery_money", (t["recov"], t["money"]), "million", 12),
        Leaf("recovery_land", (t["recov"], t["land"]), "area", 11),
        Leaf("disciplined_orgs", (t["admin"], t["orgs"]), "int", 9),
        Leaf("disciplined_persons", (t["admin"], t["persons"]), "int", 9),
        Leaf("referral_cases", (t["refer"], t["cases"]), "int", 8),
        Leaf("referral_persons", (t["refer"], t["people"]), "int", 8),
        Leaf("policy_recommendations", (t["policy"],), "int", 12),
    ]
    ind = report.get("indicators") or {}

    def n(key: str) -> int:
        return int(ind.get(key) or 0)

    def million(key: str) -> float:
        return round((ind.get(key) or 0) / 1_000_000, 3)

    unit = unit_name or report.get("unit") or ""
    row = [1, unit, n("carried_over") + n("started"), n("carried_over"), n("started"),
           n("started_planned"), n("started_ad_hoc"), n("onsite_finished"),
           n("conclusions_issued"), n("units_inspected"),
           million("violation_money"), round(float(ind.get("violation_land_m2") or 0), 1),
           million("recovery_money"), round(float(ind.get("recovery_land_m2") or 0), 1),
           n("disciplined_orgs"), n("disciplined_persons"), n("referral_cases"),
           n("referral_persons"), n("policy_recommendations")]
    rows = [row]
    total: list = [None, txt["total"]]
    for c in range(2, len(leaves)):
        s = sum(r[c] for r in rows)
        total.append(round(s, 3) if isinstance(s, float) else s)
    return leaves, rows, total


@dataclass(frozen=True)
class ListSheet:
    name: str
    title: str
    leaves: list[Leaf]
    rows: list[list]


def review_lists(report: dict, lang: str) -> list[ListSheet]:
    """The lists a review discusses, one sheet each, from PeriodReport.to_json()."""
    vi = lang == "vi"
    stt = texts(lang)["stt"]
    code = "Mã hồ sơ" if vi else "Case code"
    days_late = "Số ngày quá hạn" if vi else "Days late"
    sheets = []

    rows = []
    for i, w in enumerate(report.get("without_conclusion") or [], 1):
        stage = w.get("stage_label")
        if not vi and w.get("stage"):
            stage = _stage_label(w["stage"], lang) or stage
        rows.append([i, w.get("code"), w.get("title"), stage, _d(w.get("since")), w.get("days"),
                     w.get("waiting_on")])
    sheets.append(ListSheet(
        "Chưa kết luận" if vi else "Without conclusion",
        "DANH SÁCH CUỘC THANH TRA CHƯA BAN HÀNH KẾT LUẬN" if vi
        else "INSPECTIONS WITHOUT A CONCLUSION",
        [Leaf("stt", (stt,), "int", 5.5), Leaf("code", (code,)),
         Leaf("title", ("Tên cuộc thanh tra" if vi else "Title",), "text", 45),
         Leaf("stage", ("Giai đoạn" if vi else "Stage",), "text", 22),
         Leaf("since", ("Từ ngày" if vi else "Since",), "date"),
         Leaf("days", ("Số ngày" if vi else "Days",), "int"),
         Leaf("waiting_on", ("Đang chờ" if vi else "Waiting on",), "text", 35)], rows))

    rows = [[i, o.get("case"), o.get("addressee"), _d(o.get("sent")), _d(o.get("due")),
             o.get("days_late"), _d(o.get("answered"))]
            for i, o in enumerate(report.get("opinions_overdue") or [], 1)]
    sheets.append(ListSheet(
        "Xin ý kiến quá hạn" if vi else "Opinions overdue",
        "DANH SÁCH VĂN BẢN XIN Ý KIẾN QUÁ HẠN TRẢ LỜI" if vi else "OPINION REQUESTS OVERDUE",
        [Leaf("stt", (stt,), "int", 5.5), Leaf("case", (code,)),
         Leaf("addressee", ("Cơ quan được xin ý kiến" if vi else "Addressee",), "text", 35),
         Leaf("sent", ("Ngày gửi" if vi else "Sent",), "date"),
         Leaf("due", ("Hạn trả lời" if vi else "Due",), "date"),
         Leaf("days_late", (days_late,), "int"),
         Leaf("answered", ("Ngày trả lời" if vi else "Answered",), "date")], rows))

    rows = [[i, d.get("case"), d.get("issuer"), d.get("content"), _d(d.get("due")),
             d.get("days_late")]
            for i, d in enumerate(report.get("directives_overdue") or [], 1)]
    sheets.append(ListSheet(
        "Chỉ đạo quá hạn" if vi else "Directives overdue",
        "DANH SÁCH Ý KIẾN CHỈ ĐẠO QUÁ HẠN THỰC HIỆN" if vi else "DIRECTIVES OVERDUE",
        [Leaf("stt", (stt,), "int", 5.5), Leaf("case", (code,)),
         Leaf("issuer", ("Người chỉ đạo" if vi else "Issued by",), "text", 22),
         Leaf("content", ("Nội dung chỉ đạo" if vi else "Directive",), "text", 50),
         Leaf("due", ("Hạn thực hiện" if vi else "Due",), "date"),
         Leaf("days_late", (days_late,), "int")], rows))

    rows = [[i, p.get("year"), p.get("quarter"), p.get("inspected_party"), p.get("content")]
            for i, p in enumerate(report.get("plan_items_not_started") or [], 1)]
    sheets.append(ListSheet(
        "Kế hoạch chưa triển khai" if vi else "Plan items not started",
        "DANH SÁCH CUỘC THANH TRA THEO KẾ HOẠCH CHƯA TRIỂN KHAI" if vi
        else "PLANNED INSPECTIONS NOT STARTED",
        [Leaf("stt", (stt,), "int", 5.5), Leaf("year", ("Năm" if vi else "Year",), "int", 7),
         Leaf("quarter", ("Quý" if vi else "Quarter",), "int", 7),
         Leaf("inspected_party", ("Đối tượng thanh tra" if vi else "Inspected party",), "text", 35),
         Leaf("content", ("Nội dung thanh tra" if vi else "Subject",), "text", 50)], rows))
    return sheets


def _stage_label(code: str, lang: str) -> str | None:
    from desktop.domain.stages import Stage
    try:
        return Stage(code).label(lang)
    except ValueError:
        return None

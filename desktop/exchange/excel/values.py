"""Cell values → domain values, or a message a secretary understands.

Each converter returns None for an empty cell (or raises "required" when told to), the
value when it can read it, and otherwise raises InvalidInput whose message quotes the value
and, given cell="B7", names the cell ("Ô B7: …" / "Cell B7: …"). try_convert() turns that
into a (value, error) pair for importers that collect every problem before reporting.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Callable

from desktop.domain.dates import format_date, parse_date
from desktop.domain.errors import HosoError, InvalidInput
from desktop.domain.folding import fold
from desktop.domain.levels import Level
from desktop.domain.numbers import parse_decimal, parse_money

# Serial numbers accepted as dates: 1910-01-01 … 2199-12-31. Smaller numbers in a date
# column are years, counts or amounts typed there by mistake, not 1900s dates.
_SERIAL_MIN, _SERIAL_MAX = 3654, 109_573
_EPOCH_1900 = dt.date(1899, 12, 30)   # Excel counts 1900-02-29, so serials ≥ 61 start here
_EPOCH_1904 = dt.date(1904, 1, 1)
_LONG_FORM = re.compile(r"^(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:nam\s*)?(\d{4}|\d{2})$")
_SHORT_YEAR = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2})$")
_TIME_OF_DAY = re.compile(r"\s+\d{1,2}(?::\d{2}){1,2}(?:\s*(?:am|pm|sa|ch))?$")
_SPACED_SEPARATOR = re.compile(r"\s*([/.\-])\s*(?=\d)")
_CURRENCY = re.compile(r"\s*(?:dong|vnd|d)\.?$")
_SCALE_THEN_CURRENCY = re.compile(r"(?:ty|trieu|nghin|ngan)\s*(?:dong|vnd|d)\.?$")
_HAS_UNIT = re.compile(r"(?:ty|trieu|nghin|ngan|dong|vnd|d)\.?$")
_SPELLINGS = [(re.compile(r"(?<=[\d\s])ti(\.?)$"), r"ty\1"),     # "tỉ" is also written
              (re.compile(r"(?<=[\d\s])tr(\.?)$"), r"trieu\1"),   # "300tr"
              (re.compile(r"(?<=[\d\s])k$"), "nghin")]              # "500k"


def _fail(key: str, value: object, cell: "str | None") -> InvalidInput:
    shown = format_date(value) if isinstance(value, dt.date) else value
    if cell:
        return InvalidInput(key + ".at", value=shown, cell=cell)
    return InvalidInput(key, value=shown)


def _empty(value: object, required: bool, cell: "str | None") -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _fail("excel.value.required", "", cell)
        return True
    return False


def to_text(value: object, *, cell: "str | None" = None, required: bool = False) -> "str | None":
    """Text as typed (a leading "=" included: it is data, never evaluated). Numbers and
    dates typed into a text column come back the way Excel showed them."""
    if _empty(value, required, cell):
        return None
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y" if value.time() == dt.time(0) else "%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def to_int(value: object, *, cell: "str | None" = None, required: bool = False) -> "int | None":
    """12, 12.0, "12", "1.234" (Vietnamese thousands) → int; 12.5 is refused, not rounded."""
    if _empty(value, required, cell):
        return None
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise _fail("excel.value.bad_int", value, cell)
    try:
        number = parse_decimal(value if not isinstance(value, str) else value.strip())
    except (ValueError, InvalidOperation):
        raise _fail("excel.value.bad_int", value, cell) from None
    if number != number.to_integral_value():
        raise _fail("excel.value.bad_int", value, cell)
    if not -_LARGEST < number < _LARGEST:
        raise _fail("excel.value.too_large", value, cell)
    return int(number)


def to_money(value: object, *, cell: "str | None" = None, required: bool = False,
             unit: int = 1, allow_negative: bool = False) -> "Decimal | None":
    """Đồng, as a whole Decimal. Accepts 1234567, "1.234.567", "1.234.567 đồng", "12,5 tỷ",
    "300 triệu", "1,5 tỷ đồng". unit scales plain numbers for a column headed
    "(triệu đồng)": to_money(12.5, unit=1_000_000) → 12 500 000. Fractions of a đồng are
    rounded half up."""
    if _empty(value, required, cell):
        return None
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise _fail("excel.value.bad_money", value, cell)
    amount = None
    if type(value) is str:  # the two spellings most files use, without the general parser
        amount = _quick_money(value, unit)
    elif type(value) is int:  # a number cell in whole đồng
        amount = Decimal(value * unit)
    if amount is None:
        try:
            if isinstance(value, str):
                bare = " ".join(fold(value).split())
                if _SCALE_THEN_CURRENCY.search(bare):  # "1,5 tỷ đồng": parse_money wants "1,5 tỷ"
                    bare = _CURRENCY.sub("", bare)
                for pattern, spelled in _SPELLINGS:
                    bare = pattern.sub(spelled, bare)
                # an explicit unit ("đồng", "tỷ") beats the column's unit
                amount = parse_money(bare) if _HAS_UNIT.search(bare) else parse_decimal(bare) * unit
            else:
                amount = parse_decimal(value) * unit
            if -_LARGEST < amount < _LARGEST:  # (a larger one would not even round)
                amount = amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        except (ValueError, InvalidOperation):
            raise _fail("excel.value.bad_money", value, cell) from None
    if not -_LARGEST < amount < _LARGEST:
        raise _fail("excel.value.too_large", value, cell)
    if amount < 0 and not allow_negative:
        raise _fail("excel.value.negative_money", value, cell)
    return amount


# A whole number the database stores exactly (64-bit): a billion billion đồng is far
# beyond any real figure, so a larger one is a typing slip, refused at the preview.
_LARGEST = 10 ** 18
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+|\d{1,15}")
_SCALED = re.compile(r"(\d{1,6})(?:,(\d{1,6}))? ?(tỷ|triệu)")
_SCALE_OF = {"tỷ": 10 ** 9, "triệu": 10 ** 6}


def _quick_money(text: str, unit: int) -> "Decimal | None":
    """"1.234.567" and "12,5 tỷ" as to_money reads them, or None for anything else
    (the general path then decides). A 100 000-row list has tens of thousands of
    distinct amounts: this is a tenth of the general path's cost."""
    text = text.strip()
    if _GROUPED.fullmatch(text):
        return Decimal(int(text.replace(".", "")) * unit)
    found = _SCALED.fullmatch(text)
    if found:
        whole, fraction, scale = found.groups()
        amount = Decimal(f"{whole}.{fraction}" if fraction else whole) * _SCALE_OF[scale]
        return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return None


def to_date(value: object, *, cell: "str | None" = None, required: bool = False,
            date1904: bool = False) -> "dt.date | None":
    """A real date, an Excel serial number (of the workbook's date system: pass
    Workbook.date1904), or text: "08/7/2024", "8-7-2024", "8.7.2024", "08-7-24",
    "ngày 08/7/2024", "ngày 08 tháng 7 năm 2024", "2024-07-08". A time of day is dropped."""
    if _empty(value, required, cell):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool) or isinstance(value, (dt.time, dt.timedelta)):
        raise _fail("excel.value.bad_date", value, cell)
    if isinstance(value, (int, float)):
        return _from_serial(value, date1904, cell)
    text = str(value).strip()
    folded = re.sub(r"^ngay\s*", "", " ".join(fold(text).split()))
    folded = _SPACED_SEPARATOR.sub(r"\1", _TIME_OF_DAY.sub("", folded))   # "5 /3/ 2024 10:00"
    match = _LONG_FORM.match(folded)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(_full_year(year), month, day)
        except ValueError:
            raise _fail("excel.value.bad_date", text, cell) from None
    match = _SHORT_YEAR.match(folded)
    if match:   # "05-3-24", "5.3.24": offices do write them
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(_full_year(year), month, day)
        except ValueError:
            raise _fail("excel.value.bad_date", text, cell) from None
    try:
        return parse_date(folded)
    except HosoError:
        raise _fail("excel.value.bad_date", text, cell) from None


def _full_year(year: int) -> int:
    """A two-digit year is this century's unless that is more than 20 years ahead: "24" is
    2024, "98" is 1998 (records of old inspections are still typed in)."""
    if year >= 100:
        return year
    this_century = 2000 + year
    return this_century if this_century <= dt.date.today().year + 20 else 1900 + year


def _from_serial(value: "int | float", date1904: bool, cell: "str | None") -> dt.date:
    serial = int(value // 1)
    if date1904:
        serial += 1462  # the 1904 system starts 1 462 days after the 1900 one
    if not _SERIAL_MIN <= serial <= _SERIAL_MAX:
        raise _fail("excel.value.date_number", value, cell)
    return _EPOCH_1900 + dt.timedelta(days=serial)


def to_level(value: object, *, cell: "str | None" = None, required: bool = False) -> "Level | None":
    """Thường / Mật / Tối mật / Tuyệt mật, with or without accents, any case."""
    if _empty(value, required, cell):
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _fail("excel.value.bad_level", value, cell)
    try:
        return Level.parse(value.strip() if isinstance(value, str) else value)
    except ValueError:
        raise _fail("excel.value.bad_level", value, cell) from None


def try_convert(convert: Callable[..., object], value: object,
                **options: object) -> "tuple[object, InvalidInput | None]":
    """(value, None) or (None, error): for importers that list every bad cell at once."""
    try:
        return convert(value, **options), None
    except InvalidInput as err:
        return None, err

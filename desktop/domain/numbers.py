"""Numbers as Vietnamese users write them: "1.234.567" (dot thousands), "12,5" (comma
decimal), "12,5 tỷ" / "300 triệu" (billions / millions of đồng), "1.234.567 đồng"."""

import re
from decimal import Decimal, InvalidOperation

from desktop.domain.folding import fold

_SCALES = {"ty": Decimal(10) ** 9, "trieu": Decimal(10) ** 6, "nghin": Decimal(1000),
           "ngan": Decimal(1000), "dong": Decimal(1), "d": Decimal(1), "vnd": Decimal(1)}
_NUMBER = re.compile(r"^[+-]?[\d.,\s]+$")


def parse_decimal(text: "str | int | float | Decimal") -> Decimal:
    """"1.234.567" → 1234567; "12,5" → 12.5; "1,234,567.5" (English) → 1234567.5."""
    if isinstance(text, (int, Decimal)):
        return Decimal(text)
    if isinstance(text, float):
        return Decimal(repr(text))
    value = text.strip().replace("\u00a0", "").replace(" ", "")
    if not value or not _NUMBER.match(value):
        raise ValueError(text)
    dots, commas = value.count("."), value.count(",")
    if dots and commas:
        # whichever comes last is the decimal mark
        if value.rfind(",") > value.rfind("."):
            value = value.replace(".", "").replace(",", ".")
        else:
            value = value.replace(",", "")
    elif commas:
        # one comma is the Vietnamese decimal mark; several are English thousands
        value = value.replace(",", ".") if commas == 1 else value.replace(",", "")
    elif dots:
        head, _, tail = value.rpartition(".")
        if dots > 1 or len(tail) == 3:
            value = value.replace(".", "")  # Vietnamese thousands separators
    try:
        return Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(text) from exc


def parse_money(text: "str | int | float | Decimal") -> Decimal:
    """Money in đồng; accepts "12,5 tỷ", "300 triệu", "1.234.567 đồng"."""
    if not isinstance(text, str):
        return parse_decimal(text)
    words = fold(text).strip()
    scale = Decimal(1)
    for word, factor in _SCALES.items():
        if re.search(rf"(?<![a-z]){word}\.?$", words):
            words = re.sub(rf"\s*{word}\.?$", "", words)
            scale = factor
            break
    return (parse_decimal(words) * scale).quantize(Decimal(1))


# --- showing numbers: one formatter per language (the desktop program, exports' previews and
# the command line all use these, so the same amount never reads two ways) ------------------

def format_int(value: "int | None", lang: str = "vi") -> str:
    """1.234.567 (vi) / 1,234,567 (en); "" for no value."""
    if value is None:
        return ""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "vi" else text


def format_number(value: "float | Decimal | None", lang: str = "vi", decimals: int = 3) -> str:
    """1.234,5 (vi) / 1,234.5 (en); trailing zeros dropped."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text

"""An imported value as the user will read it once stored: dates dd/mm/yyyy, amounts with
the language's separators, levels by their label. The import preview of the desktop
program, the command line's dry run and its JSON (`values`) all show values through this,
so what a secretary checks before importing is what the vault will hold."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from desktop.domain.dates import format_date
from desktop.domain.levels import Level
from desktop.domain.numbers import format_int, format_number

_BASIS = {"plan": ("Theo kế hoạch", "Planned"), "assignment": ("Đột xuất", "Ad hoc")}


def value_text(value: Any, lang: str = "vi", limit: int = 0) -> str:
    """One value as text; `limit` > 0 shortens long text with an ellipsis (table cells)."""
    if value is None:
        return ""
    if isinstance(value, Level):
        return value.label(lang)
    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_int(value, lang)
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return format_int(int(value), lang)
    if isinstance(value, (float, Decimal)):
        return format_number(float(value), lang)
    text = " ".join(str(value).split())
    return text if not limit or len(text) <= limit else text[:limit - 1] + "…"


def field_text(name: str, value: Any, lang: str = "vi", limit: int = 0) -> str:
    """A field's value: like value_text, with coded choices (basis) by their label."""
    if name == "basis" and value in _BASIS:
        return _BASIS[value][0 if lang == "vi" else 1]
    return value_text(value, lang, limit)


def row_texts(fields, values: dict, lang: str = "vi") -> dict[str, str]:
    """{field name: shown text} of a row's read values, in the kind's column order; fields
    the file did not fill are left out."""
    return {f.name: field_text(f.name, values[f.name], lang)
            for f in fields if values.get(f.name) is not None}

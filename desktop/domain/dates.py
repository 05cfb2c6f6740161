"""Dates as Vietnamese users write them: dd/mm/yyyy, "08/7/2024", "ngày 01/3/2024"."""

import re
from datetime import date, datetime

from desktop.domain.errors import InvalidInput

_DMY = re.compile(r"^(?:ngay\s+|ngày\s+)?(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(text: "str | date | datetime | None") -> date:
    """Parse dd/mm/yyyy (also d/m/yyyy, dots or dashes, a leading "ngày") or ISO yyyy-mm-dd."""
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    value = (text or "").strip()
    match = _DMY.match(value)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        match = _ISO.match(value)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
    except ValueError:
        pass
    raise InvalidInput("input.bad_date", value=value)


def format_date(value: "date | None") -> str:
    """dd/mm/yyyy, as every date is shown (the one formatter: domain, exports, pages)."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}" if value else ""


def format_iso_date(text: "str | None") -> str:
    """"2024-06-30" → "30/06/2024" (DTOs that carry ISO dates as text)."""
    return format_date(date.fromisoformat(text)) if text else ""

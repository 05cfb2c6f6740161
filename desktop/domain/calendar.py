"""Working-day calendar for legal deadlines (desktop/docs/domain.md, "Legal time limits").

Durations under Circular 06/2021/TT-TTCP exclude "the days off provided by law", so
deadlines count working days: weekdays minus public holidays and announced days off,
plus announced make-up Saturdays. Those days are data an administrator edits
(resources/calendar/vn-holidays.json), never constants in code.

Speed matters: the deadline engine calls add_working_days for every open case on
every refresh, so each call is a couple of bisects over a precomputed array of
working-day ordinals. Outside the years the file covers only weekends are known,
so arithmetic falls back to plain weekday counting there.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, Iterable

from desktop.domain.data_files import ANY_VALUE, DataFileError, locate, parse_file_date

__all__ = [
    "ANY_VALUE",
    "CalendarFileError",
    "DataFileError",
    "DayKind",
    "CalendarEntry",
    "WorkCalendar",
    "locate",
    "parse_calendar",
    "parse_file_date",
]

# A longer range is almost surely a typo in a year or month (Tết is at most 9 days).
_MAX_RANGE_DAYS = 31
_ENTRY_KEYS = {"date", "from", "to", "name", "kind", "source", "verify", "note"}


class CalendarFileError(DataFileError):
    """The holiday file cannot be used."""


class DayKind(str, Enum):
    HOLIDAY = "holiday"                # nghỉ lễ, Tết
    DAY_OFF = "day_off"                # ngày nghỉ khác do Chính phủ thông báo
    MAKEUP_WORKDAY = "makeup_workday"  # ngày làm bù (thứ Bảy/Chủ nhật)


@dataclass(frozen=True)
class CalendarEntry:
    first: date
    last: date
    name: str
    kind: DayKind
    source: str = ""
    verify: bool = False
    note: str = ""

    def days(self) -> Iterable[date]:
        for offset in range((self.last - self.first).days + 1):
            yield self.first + timedelta(days=offset)


# --- the calendar ---

class WorkCalendar:
    """Working days = weekdays − days off + make-up days.

    Internally every date is mapped to a running count C(d) of working days up to and
    including d, continuous across the covered range and the weekday-only outside.
    Then n working days after d is the working day with index C(d) + n.
    """

    def __init__(self, entries: Iterable[CalendarEntry] = (),
                 first: date | None = None, last: date | None = None) -> None:
        self.entries: tuple[CalendarEntry, ...] = tuple(entries)
        self._days_off: frozenset[int] = frozenset(
            d.toordinal() for e in self.entries if e.kind is not DayKind.MAKEUP_WORKDAY
            for d in e.days())
        self._makeup: frozenset[int] = frozenset(
            d.toordinal() for e in self.entries if e.kind is DayKind.MAKEUP_WORKDAY
            for d in e.days())
        self.first, self.last = self._covered_range(first, last)
        self._lo = self.first.toordinal()
        self._hi = self.last.toordinal()
        self._ords: list[int] = [o for o in range(self._lo, self._hi + 1)
                                 if self._is_working_ordinal(o)]
        # Weekday indices at the edges tie the outside arithmetic to the array.
        self._weekdays_before = _weekdays_upto(self._lo - 1)
        self._weekdays_through_last = _weekdays_upto(self._hi)

    def _covered_range(self, first: date | None, last: date | None) -> tuple[date, date]:
        """Whole calendar years spanned by the entries (an empty calendar covers nothing)."""
        years = [d.year for e in self.entries for d in (e.first, e.last)]
        if first is None:
            first = date(min(years), 1, 1) if years else date(2000, 1, 1)
        if last is None:
            last = date(max(years), 12, 31) if years else first - timedelta(days=1)
        return first, last

    def _is_working_ordinal(self, o: int) -> bool:
        if o in self._makeup:
            return True
        return (o - 1) % 7 < 5 and o not in self._days_off

    # Running count of working days ≤ ordinal o; only differences are meaningful.
    def _count_upto(self, o: int) -> int:
        if o < self._lo:
            return _weekdays_upto(o) - self._weekdays_before
        if o > self._hi:
            return len(self._ords) + _weekdays_upto(o) - self._weekdays_through_last
        return bisect_right(self._ords, o)

    # Ordinal of the working day with 0-based index j in the running count.
    def _ordinal_at(self, j: int) -> int:
        if j < 0:
            return _weekday_ordinal(self._weekdays_before + j)
        if j >= len(self._ords):
            return _weekday_ordinal(self._weekdays_through_last + j - len(self._ords))
        return self._ords[j]

    def covers(self, d: date) -> bool:
        """False where holidays are unknown and only weekends are skipped: warn the user."""
        return self.first <= d <= self.last

    def is_working_day(self, d: date) -> bool:
        o = d.toordinal()
        if self._lo <= o <= self._hi:
            return self._is_working_ordinal(o)
        return d.weekday() < 5

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after d (before d if n < 0); d itself never counts.

        n == 0 returns d unchanged even on a day off: rolling forward is a separate,
        explicit decision (next_working_day).
        """
        if n == 0:
            return d
        o = d.toordinal()
        if n > 0:
            j = self._count_upto(o) + n - 1
        else:
            j = self._count_upto(o - 1) + n
        return date.fromordinal(self._ordinal_at(j))

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]; negative (−count of (b, a]) when b < a."""
        return self._count_upto(b.toordinal()) - self._count_upto(a.toordinal())

    def add_calendar_days(self, d: date, n: int) -> date:
        """Plain calendar arithmetic; does not roll off a day off (the rule decides that)."""
        return d + timedelta(days=n)

    def next_working_day(self, d: date) -> date:
        """d itself if it is a working day, else the first working day after it."""
        return date.fromordinal(self._ordinal_at(self._count_upto(d.toordinal() - 1)))

    def fingerprint(self) -> str:
        """Changes whenever a due date counted under this calendar could change."""
        import hashlib
        text = f"{self._lo} {self._hi} {sorted(self._days_off)} {sorted(self._makeup)}"
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def unverified_entries(self) -> list[CalendarEntry]:
        return [e for e in self.entries if e.verify]


def _weekdays_upto(o: int) -> int:
    """Mon–Fri days with ordinal ≤ o, counted from ordinal 1 (a Monday)."""
    weeks, rest = divmod(o, 7)
    return 5 * weeks + min(rest, 5)


def _weekday_ordinal(j: int) -> int:
    """Ordinal of the weekday with 0-based index j (inverse of _weekdays_upto)."""
    weeks, rest = divmod(j, 5)
    return 7 * weeks + rest + 1


# --- loading ---

def parse_calendar(path: Path | str, data: Any, text: str) -> WorkCalendar:
    """A holiday file's parsed JSON (and its text, for line numbers) as a calendar;
    CalendarFileError names the file and the bad key/line."""
    path = Path(path)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise CalendarFileError(path, "entries", 'the file must be an object with an "entries" list')
    entries = [_parse_entry(path, text, i, raw) for i, raw in enumerate(data["entries"])]
    _check_conflicts(path, entries)
    return WorkCalendar(entries)


def _parse_entry(path: Path, text: str, i: int, raw: Any) -> CalendarEntry:
    where = f"entries[{i}]"

    def fail(key: str | None, message: str) -> CalendarFileError:
        hint = locate(text, key, raw.get(key)) if key and isinstance(raw, dict) else ""
        return CalendarFileError(path, f"{where}.{key}{hint}" if key else where, message)

    if not isinstance(raw, dict):
        raise fail(None, "each entry must be an object {...}")
    unknown = sorted(set(raw) - _ENTRY_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown key; allowed: {', '.join(sorted(_ENTRY_KEYS))}")
    first, last = _entry_dates(raw, fail)
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail("name", "a non-empty name is required")
    try:
        kind = DayKind(raw.get("kind"))
    except ValueError:
        raise fail("kind", f"must be one of {', '.join(k.value for k in DayKind)}") from None
    verify = raw.get("verify", False)
    if not isinstance(verify, bool):
        raise fail("verify", "must be true or false")
    for key in ("source", "note"):
        if not isinstance(raw.get(key, ""), str):
            raise fail(key, "must be text")
    entry = CalendarEntry(first, last, name.strip(), kind, raw.get("source", ""), verify,
                          raw.get("note", ""))
    if kind is DayKind.MAKEUP_WORKDAY and any(d.weekday() < 5 for d in entry.days()):
        raise fail("date" if "date" in raw else "from",
                   "a make-up working day must be a Saturday or Sunday")
    return entry


def _entry_dates(raw: dict[str, Any], fail: Any) -> tuple[date, date]:
    """Either "date", or "from" and "to" (inclusive)."""
    if "date" in raw:
        if "from" in raw or "to" in raw:
            raise fail("date", 'give either "date" or "from"/"to", not both')
        day = _date_of(raw, "date", fail)
        return day, day
    if "from" not in raw or "to" not in raw:
        raise fail(None, 'needs "date", or both "from" and "to"')
    first, last = _date_of(raw, "from", fail), _date_of(raw, "to", fail)
    if last < first:
        raise fail("to", f"ends before it starts ({first:%d/%m/%Y})")
    if (last - first).days >= _MAX_RANGE_DAYS:
        raise fail("to", f"range longer than {_MAX_RANGE_DAYS} days; check the year and month")
    return first, last


def _date_of(raw: dict[str, Any], key: str, fail: Any) -> date:
    try:
        return parse_file_date(raw[key])
    except ValueError as exc:
        raise fail(key, str(exc)) from None


def _check_conflicts(path: Path, entries: list[CalendarEntry]) -> None:
    """A day cannot be both off and a make-up working day: one of them is a typo."""
    off = {d: i for i, e in enumerate(entries) if e.kind is not DayKind.MAKEUP_WORKDAY
           for d in e.days()}
    for i, e in enumerate(entries):
        if e.kind is DayKind.MAKEUP_WORKDAY:
            for d in e.days():
                if d in off:
                    raise CalendarFileError(
                        path, f"entries[{i}]",
                        f"{d:%d/%m/%Y} is a make-up working day and also a day off "
                        f"in entries[{off[d]}]")

"""Working-day calendar: the shipped holidays, the arithmetic, and bad files."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.domain.calendar import CalendarFileError, DayKind, WorkCalendar
from desktop.storage.resource_files import load_calendar, load_default_calendar
from desktop.storage.resource_files import resources_dir

HOLIDAYS = resources_dir() / "calendar" / "vn-holidays.json"
CAL = load_default_calendar()

# Spans the shipped years and a margin outside them, where only weekends are known.
any_day = st.dates(min_value=date(2022, 6, 1), max_value=date(2029, 6, 30))
steps = st.integers(min_value=-300, max_value=300)


def naive_add(cal: WorkCalendar, d: date, n: int) -> date:
    """Day-by-day reference: what a clerk does with a paper calendar."""
    step = 1 if n > 0 else -1
    while n:
        d += timedelta(days=step)
        if cal.is_working_day(d):
            n -= step
    return d


# --- the shipped file ---

def test_shipped_file_covers_2022_to_2027() -> None:
    # 2024–2027 from desktop/docs/domain.md; 2022–2023 added for the demo's older cases,
    # all to verify
    assert CAL.first == date(2022, 1, 1)
    assert CAL.last == date(2027, 12, 31)
    assert all(e.verify for e in CAL.entries if e.first.year in (2022, 2023))


def test_every_2027_entry_is_flagged_to_verify() -> None:
    entries_2027 = [e for e in CAL.entries if e.first.year == 2027]
    assert len(entries_2027) >= 5  # 1/1, Tết, Giỗ Tổ, 30/4–1/5, 2/9
    assert all(e.verify for e in entries_2027)


def test_2024_makeup_saturday_is_flagged_to_verify() -> None:
    (entry,) = [e for e in CAL.entries if e.first == date(2024, 5, 4)]
    assert entry.kind is DayKind.MAKEUP_WORKDAY and entry.verify


def test_shipped_file_has_metadata_and_complete_entries() -> None:
    data = json.loads(HOLIDAYS.read_text(encoding="utf-8"))
    assert data["source"] and data["edited"]
    for entry in data["entries"]:
        assert entry["name"] and entry["source"] and isinstance(entry["verify"], bool)


@pytest.mark.parametrize("day", [
    date(2024, 1, 1), date(2024, 2, 8), date(2024, 2, 14), date(2024, 4, 18),
    date(2024, 4, 29), date(2024, 5, 1), date(2024, 9, 2), date(2024, 9, 3),
    date(2025, 1, 1), date(2025, 1, 27), date(2025, 1, 31), date(2025, 4, 7),
    date(2025, 5, 2), date(2025, 9, 1), date(2025, 9, 2),
    date(2026, 1, 2), date(2026, 2, 16), date(2026, 2, 20), date(2026, 4, 27),
    date(2026, 8, 31), date(2026, 9, 1),
    date(2027, 1, 1), date(2027, 2, 8), date(2027, 4, 16), date(2027, 5, 3), date(2027, 9, 3),
])
def test_weekday_holidays_are_not_working_days(day: date) -> None:
    assert day.weekday() < 5
    assert not CAL.is_working_day(day)


@pytest.mark.parametrize("day", [date(2024, 5, 4), date(2025, 4, 26), date(2026, 1, 10),
                                 date(2026, 8, 22)])
def test_makeup_saturdays_are_working_days(day: date) -> None:
    assert day.weekday() == 5
    assert CAL.is_working_day(day)


def test_ordinary_weekend_and_weekday() -> None:
    assert not CAL.is_working_day(date(2025, 3, 8))  # Saturday
    assert not CAL.is_working_day(date(2025, 3, 9))  # Sunday
    assert CAL.is_working_day(date(2025, 3, 10))     # Monday


# --- known values ---

@pytest.mark.parametrize("start, n, expected", [
    (date(2024, 2, 7), 1, date(2024, 2, 15)),     # Tết 2024 skipped
    (date(2024, 2, 15), -1, date(2024, 2, 7)),
    (date(2025, 1, 24), 1, date(2025, 2, 3)),     # Tết 2025: 25/01–02/02 skipped
    (date(2025, 4, 25), 1, date(2025, 4, 26)),    # make-up Saturday counts
    (date(2025, 4, 26), 1, date(2025, 4, 28)),
    (date(2025, 4, 29), 1, date(2025, 5, 5)),     # 30/4–04/5 skipped
    (date(2024, 12, 31), 1, date(2025, 1, 2)),    # year boundary, 1/1 off
    (date(2025, 1, 2), -1, date(2024, 12, 31)),
    (date(2026, 12, 31), 1, date(2027, 1, 4)),    # 1/1/2027 Friday off, then weekend
    (date(2027, 1, 4), -1, date(2026, 12, 31)),
    (date(2026, 4, 24), 1, date(2026, 4, 28)),    # Giỗ Tổ on Sunday → Monday 27/4 off
    (date(2024, 3, 1), 5, date(2024, 3, 8)),
    (date(2024, 3, 2), 1, date(2024, 3, 4)),      # from a Saturday
    (date(2024, 3, 2), -1, date(2024, 3, 1)),
    (date(2030, 1, 4), 1, date(2030, 1, 7)),      # beyond the file: weekends only
    (date(2023, 12, 29), 1, date(2024, 1, 2)),    # entering the file's range
    (date(2027, 12, 31), 1, date(2028, 1, 3)),    # leaving it
])
def test_add_working_days_known_values(start: date, n: int, expected: date) -> None:
    assert CAL.add_working_days(start, n) == expected


def test_adding_zero_to_a_day_off_returns_that_day() -> None:
    assert CAL.add_working_days(date(2025, 1, 28), 0) == date(2025, 1, 28)


def test_sixty_working_days_from_an_announcement() -> None:
    # 01/03/2024 + 60: 20 in March, 19 in April (Giỗ Tổ 18/4, 29–30/4 off),
    # 2–3/5 and make-up Saturday 4/5, then 6–29/5 (18) → 29/05/2024.
    assert CAL.add_working_days(date(2024, 3, 1), 60) == date(2024, 5, 29)


def test_working_days_between() -> None:
    assert CAL.working_days_between(date(2025, 1, 24), date(2025, 2, 3)) == 1
    assert CAL.working_days_between(date(2025, 2, 3), date(2025, 1, 24)) == -1
    assert CAL.working_days_between(date(2024, 3, 1), date(2024, 3, 1)) == 0
    assert CAL.working_days_between(date(2024, 3, 1), date(2024, 3, 8)) == 5


def test_next_working_day() -> None:
    assert CAL.next_working_day(date(2025, 1, 25)) == date(2025, 2, 3)
    assert CAL.next_working_day(date(2025, 2, 3)) == date(2025, 2, 3)
    assert CAL.next_working_day(date(2029, 6, 2)) == date(2029, 6, 4)


def test_add_calendar_days() -> None:
    assert CAL.add_calendar_days(date(2024, 12, 20), 15) == date(2025, 1, 4)
    assert CAL.add_calendar_days(date(2025, 1, 4), -15) == date(2024, 12, 20)


# --- properties ---

@given(any_day.filter(CAL.is_working_day), steps)
def test_add_then_subtract_returns_to_a_working_start(start: date, n: int) -> None:
    assert CAL.add_working_days(CAL.add_working_days(start, n), -n) == start


@given(any_day, steps.filter(bool))
def test_result_is_a_working_day_on_the_right_side(start: date, n: int) -> None:
    result = CAL.add_working_days(start, n)
    assert CAL.is_working_day(result)
    assert (result > start) if n > 0 else (result < start)


@settings(max_examples=200)
@given(any_day, st.integers(min_value=-70, max_value=70))
def test_matches_day_by_day_counting(start: date, n: int) -> None:
    assert CAL.add_working_days(start, n) == naive_add(CAL, start, n)


@given(any_day, steps)
def test_between_counts_what_add_moved(start: date, n: int) -> None:
    # Backwards from a day off, the start itself is not in (result, start].
    assume(n >= 0 or CAL.is_working_day(start))
    assert CAL.working_days_between(start, CAL.add_working_days(start, n)) == n


@given(any_day, any_day)
def test_between_matches_day_by_day_counting(a: date, b: date) -> None:
    lo, hi = min(a, b), max(a, b)
    if (hi - lo).days > 400:
        hi = lo + timedelta(days=400)
        b = hi if b >= a else lo
        a = lo if b >= a else hi
    count = sum(CAL.is_working_day(lo + timedelta(days=k)) for k in range(1, (hi - lo).days + 1))
    assert CAL.working_days_between(a, b) == (count if b >= a else -count)


def _days_in(entry: dict[str, str]) -> list[date]:
    first = date.fromisoformat(entry.get("date") or entry["from"])
    last = date.fromisoformat(entry.get("date") or entry["to"])
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def test_every_covered_day_follows_the_file() -> None:
    """Oracle read straight from the JSON, independent of WorkCalendar's internals."""
    data = json.loads(HOLIDAYS.read_text(encoding="utf-8"))
    off = {d for e in data["entries"] if e["kind"] != "makeup_workday" for d in _days_in(e)}
    makeup = {d for e in data["entries"] if e["kind"] == "makeup_workday" for d in _days_in(e)}
    day = date(2024, 1, 1)
    while day <= date(2027, 12, 31):
        expected = day in makeup or (day.weekday() < 5 and day not in off)
        assert CAL.is_working_day(day) == expected, day
        day += timedelta(days=1)


@given(any_day.filter(lambda d: d.weekday() >= 5))
def test_weekends_are_off_unless_made_up(day: date) -> None:
    made_up = any(e.kind is DayKind.MAKEUP_WORKDAY and e.first <= day <= e.last
                  for e in CAL.entries)
    assert CAL.is_working_day(day) == made_up


@given(any_day)
def test_next_working_day_is_the_first_on_or_after(day: date) -> None:
    nxt = CAL.next_working_day(day)
    assert CAL.is_working_day(nxt) and nxt >= day
    assert all(not CAL.is_working_day(day + timedelta(days=k)) for k in range((nxt - day).days))


# --- bad files ---

def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "holidays.json"
    path.write_text(text, encoding="utf-8")
    return path


def entries_file(tmp_path: Path, *entries: str) -> Path:
    body = ",\n".join(f"    {e}" for e in entries)
    return write(tmp_path, '{\n  "source": "test",\n  "entries": [\n' + body + "\n  ]\n}\n")


def test_invalid_json_names_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, '{\n  "entries": [\n    {"date": "2024-01-01",}\n  ]\n}\n')
    with pytest.raises(CalendarFileError) as info:
        load_calendar(path)
    assert str(path) in str(info.value)
    assert "line 3" in str(info.value)


def test_bad_date_names_the_key_and_line(tmp_path: Path) -> None:
    path = entries_file(
        tmp_path,
        '{"date": "2024-01-01", "name": "Tết Dương lịch", "kind": "holiday"}',
        '{"from": "2024-02-08", "to": "2024-02-30", "name": "Tết", "kind": "holiday"}')
    with pytest.raises(CalendarFileError) as info:
        load_calendar(path)
    message = str(info.value)
    assert str(path) in message
    assert "entries[1].to" in message and "line 5" in message and "2024-02-30" in message


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(CalendarFileError, match="nowhere.json"):
        load_calendar(tmp_path / "nowhere.json")


@pytest.mark.parametrize("entry, where", [
    ('{"date": "2024-01-01", "name": "X", "kind": "feast"}', "entries[0].kind"),
    ('{"date": "2024-01-01", "name": "", "kind": "holiday"}', "entries[0].name"),
    ('{"date": "2024-01-01", "name": "X", "kind": "holiday", "verify": "yes"}',
     "entries[0].verify"),
    ('{"date": "2024-01-01", "name": "X", "kind": "holiday", "verfy": true}',
     "entries[0].verfy"),
    ('{"name": "X", "kind": "holiday"}', "entries[0]"),
    ('{"date": "2024-05-06", "name": "X", "kind": "makeup_workday"}', "entries[0].date"),
    ('{"from": "2024-02-08", "to": "2024-12-14", "name": "X", "kind": "holiday"}',
     "entries[0].to"),
])
def test_bad_entries_name_the_key(tmp_path: Path, entry: str, where: str) -> None:
    with pytest.raises(CalendarFileError) as info:
        load_calendar(entries_file(tmp_path, entry))
    assert info.value.where.startswith(where)


def test_a_day_both_off_and_made_up_is_rejected(tmp_path: Path) -> None:
    path = entries_file(
        tmp_path,
        '{"from": "2024-04-27", "to": "2024-05-01", "name": "30/4", "kind": "holiday"}',
        '{"date": "2024-04-27", "name": "Làm bù", "kind": "makeup_workday"}')
    with pytest.raises(CalendarFileError, match="27/04/2024"):
        load_calendar(path)


def test_missing_entries_list(tmp_path: Path) -> None:
    with pytest.raises(CalendarFileError, match="entries"):
        load_calendar(write(tmp_path, '{"source": "x"}'))


def test_vietnamese_date_format_is_accepted(tmp_path: Path) -> None:
    cal = load_calendar(entries_file(
        tmp_path, '{"date": "07/4/2025", "name": "Giỗ Tổ", "kind": "holiday"}'))
    assert not cal.is_working_day(date(2025, 4, 7))
    assert cal.is_working_day(date(2025, 4, 8))

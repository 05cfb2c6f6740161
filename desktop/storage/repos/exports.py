"""What the Excel exports read: the case register (streamed through the driver's cursor:
a register may hold 100 000 cases), its highest level, and the highest level among cases
named by code."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.storage import sealed
from desktop.storage import search as case_search
from desktop.storage.orm import Case
from desktop.storage.repos import driver

_CASE_SQL = """
SELECT c.code, {title}, {party}, {number}, c.decision_date, c.basis, c.stage,
       c.stage_date, c.level, u.name, s.full_name, c.violation_money, c.recovery_money
FROM cases c LEFT JOIN units u ON u.id = c.chaired_by_unit_id
             LEFT JOIN staff s ON s.id = c.supervisor_id
WHERE c.level <= :level {extra}
ORDER BY c.decision_date DESC, c.code
""".replace("{title}", sealed.opened_sql("c", "cases", "title")).replace(
    "{party}", sealed.opened_sql("c", "cases", "inspected_party")).replace(
    "{number}", sealed.opened_sql("c", "cases", "decision_number"))


def _filter(session: Session, clearance: int, matching: Mapping[str, str]
            ) -> tuple[str, dict[str, int | str]]:
    """The register's condition past the level: the cases a search matches, when
    `matching` holds its parameters (storage.search.match_params)."""
    extra = ""
    params: dict[str, int | str] = {"level": clearance}
    if matching:
        extra = f"AND c.id IN ({case_search.matching_ids_sql(session)})"
        params.update(matching)
    return extra, params


def register_level(session: Session, clearance: int, matching: Mapping[str, str]) -> int:
    """The highest level among the register's cases (0 when it has none)."""
    extra, params = _filter(session, clearance, matching)
    row = driver.cursor(session).execute(
        f"SELECT max(c.level) FROM cases c WHERE c.level <= :level {extra}", params).fetchone()
    return int(row[0] or 0) if row else 0


def register_rows(session: Session, clearance: int, matching: Mapping[str, str]
                  ) -> Iterator[driver.Row]:
    """(code, title, inspected party, decision number — opened —, decision date, basis,
    stage, stage date, level, chairing unit's name, supervisor's name, violation money,
    recovery money) of the register's cases up to `clearance`, the newest decision first;
    dates as the driver returns them (ISO text). Read when the first row is asked for."""
    extra, params = _filter(session, clearance, matching)
    cursor = driver.cursor(session)
    cursor.execute(_CASE_SQL.format(extra=extra), params)
    yield from cursor


def max_level_of(session: Session, codes: Sequence[str]) -> int:
    """The highest level among the cases of these codes (500 codes a statement; 0 when
    none is found)."""
    found = 0
    for start in range(0, len(codes), 500):
        value = session.execute(select(func.max(Case.level)).where(
            Case.code.in_(codes[start:start + 500]))).scalar() or 0
        found = max(found, value)
    return found

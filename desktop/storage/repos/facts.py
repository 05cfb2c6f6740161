"""Cases as the deadline engine and the reports read them: one row per case with its events
packed in cases.event_trail (case_summary), as the driver's plain tuples — a report reads
100 000 cases and half a million events; and the requests and directives the engine
judges, with their case's code."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.storage import sealed
from desktop.storage.repos import driver
from desktop.storage.orm import Case, Directive, OpinionRequest

# Each case's events come packed in one column (case_summary's event_trail): one row per
# case instead of one per event.
_CASE_SQL = """SELECT c.id, c.code, {title}, c.level, c.basis, u.name, c.plan_item_id,
    c.decision_date, c.inspecting_level, c.complexity, c.units_inspected, c.violation_money,
    c.violation_land_m2, c.recovery_money, c.recovery_land_m2, c.disciplined_orgs,
    c.disciplined_persons, c.referral_cases, c.referral_persons, c.event_trail,
    c.consultation_basis FROM cases c LEFT JOIN units u ON u.id = c.chaired_by_unit_id WHERE """.replace(
    "{title}", sealed.opened_sql("c", "cases", "title"))
# What the deadline engine needs, no more: fetching titles and results of 100 000 cases
# cost the overdue list more than the engine's work on them.
_FACTS_COLUMNS = """c.level, c.code, c.decision_date, c.inspecting_level, c.complexity,
    c.event_trail, c.consultation_basis"""
_FACTS_SQL = f"SELECT {_FACTS_COLUMNS} FROM cases c WHERE "
_UNIT_FILTER = "c.chaired_by_unit_id IN (SELECT u.id FROM units u WHERE u.name = :unit)"


def _where(max_level: int, unit: str | None, codes: list[str] | None, open_only: bool,
           active_between: tuple[date, date] | None) -> tuple[str, dict[str, int | str]]:
    where: list[str] = ["c.level <= :level"]
    params: dict[str, int | str] = {"level": max_level}
    if unit:
        where.append(_UNIT_FILTER)
        params["unit"] = unit
    if codes is not None:
        marks = ", ".join(f":code{i}" for i in range(len(codes)))
        where.append(f"c.code IN ({marks})")
        params.update({f"code{i}": code for i, code in enumerate(codes)})
    if open_only:
        where.append("c.closed_on IS NULL")
    if active_between:
        params["start"], params["end"] = (d.isoformat() for d in active_between)
        where.append("c.started_on <= :end AND (c.closed_on IS NULL OR c.closed_on >= :start)")
    return " AND ".join(where), params


def case_rows(session: Session, max_level: int, unit: str | None = None,
              codes: list[str] | None = None, open_only: bool = False,
              active_between: tuple[date, date] | None = None) -> Iterable[driver.Row]:
    """(id, code, title opened, level, basis, chairing unit's name, plan item id, decision
    date, inspecting level, complexity, units inspected, the eight results of table
    01/TTr — violation money and land, recovery money and land, disciplined organisations
    and persons, referral cases and persons —, event trail, consultation basis) of the cases up to `max_level`,
    filtered on the derived dates (case_summary): `open_only` (no conclusion or
    cancellation yet), `active_between` (begun by the end and not concluded or cancelled
    before the start of a period). Dates as ISO text."""
    where, params = _where(max_level, unit, codes, open_only, active_between)
    cursor = driver.cursor(session)  # plain tuples
    cursor.execute(_CASE_SQL + where, params)
    return cursor


def fact_rows(session: Session, max_level: int, codes: list[str] | None = None,
              open_only: bool = False) -> Iterable[driver.Row]:
    """(level, code, decision date, inspecting level, complexity, event trail, consultation
    basis): what the
    deadline engine reads of each selected case."""
    where, params = _where(max_level, None, codes, open_only, None)
    cursor = driver.cursor(session)
    cursor.execute(_FACTS_SQL + where, params)
    return cursor


def fact_rows_of(session: Session, case_ids: Sequence[int]) -> Iterator[driver.Row]:
    """(id, then fact_rows' columns) of these cases (no clearance filter: the caller chose
    the ids under it)."""
    cursor = driver.cursor(session)
    for start in range(0, len(case_ids), 900):
        marks = ",".join(str(int(i)) for i in case_ids[start:start + 900])
        cursor.execute(f"SELECT c.id, {_FACTS_COLUMNS} FROM cases c WHERE c.id IN ({marks})")
        yield from cursor


def leaders_and_parties(session: Session, case_ids: Sequence[int]) -> Iterator[driver.Row]:
    """(case id, supervising leader's name, inspected party opened) of these cases."""
    cursor = driver.cursor(session)
    party = sealed.opened_sql("c", "cases", "inspected_party")
    for start in range(0, len(case_ids), 900):
        chunk = list(case_ids[start:start + 900])
        marks = ",".join("?" * len(chunk))
        yield from cursor.execute(
            f"SELECT c.id, s.full_name, {party} FROM cases c LEFT JOIN staff s "
            f"ON s.id = c.supervisor_id WHERE c.id IN ({marks})", chunk)


def opinions_with_cases(session: Session, max_level: int, case_code: str | None = None
                        ) -> Iterable[tuple[OpinionRequest, str | None, date | None]]:
    """(request, case code, decision date) of the cases up to `max_level` and those tied to
    no case, or of one case."""
    query = select(OpinionRequest, Case.code, Case.decision_date).outerjoin(
        Case, Case.id == OpinionRequest.case_id).where((Case.level <= max_level)
                                                       | (Case.id.is_(None)))
    if case_code is not None:
        query = query.where(Case.code == case_code)
    return session.execute(query)


def directives_with_cases(session: Session, max_level: int, case_code: str | None = None
                          ) -> Iterable[tuple[Directive, str | None]]:
    """(directive, case code), chosen as opinions_with_cases."""
    query = select(Directive, Case.code).outerjoin(Case, Case.id == Directive.case_id).where(
        (Case.level <= max_level) | (Case.id.is_(None)))
    if case_code is not None:
        query = query.where(Case.code == case_code)
    return session.execute(query)


"""Reading cases as the deadline engine and the reports see them: one row per case with
its events packed in cases.event_trail. Raw driver rows, not ORM objects: a report reads
100 000 cases and half a million events."""

from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.deadlines import CaseFacts, DirectiveFact, EventFact, OpinionFact
from desktop.domain.stages import InspectingLevel, Stage
from desktop.storage import sealed
from desktop.storage.orm import Case, Directive, OpinionRequest

class CaseRecord(NamedTuple):
    """A case's columns needed by reports, with its facts for the engine (a tuple: a
    report builds one per case, 100 000 of them)."""

    id: int
    code: str
    title: str
    level: int
    basis: str
    chaired_by: str
    plan_item_id: int | None
    results: tuple
    facts: CaseFacts

    def stage_at(self, day: date) -> tuple[Stage | None, date | None]:
        """The latest milestone on or before `day`."""
        current: tuple[Stage | None, date | None] = (None, None)
        for event in self.facts.events:
            if event.date > day:
                break
            if event.stage.is_milestone:
                current = (event.stage, event.date)
        return current

    def first(self, stage: Stage) -> date | None:
        return next((e.date for e in self.facts.events if e.stage is stage), None)

    @property
    def start_date(self) -> date | None:
        return self.facts.decision_date or (self.facts.events[0].date if self.facts.events else None)


# Each case's events come packed in one column (case_summary's event_trail): one row per
# case instead of one per event.
_CASE_SQL = """SELECT c.id, c.code, {title}, c.level, c.basis, u.name, c.plan_item_id,
    c.decision_date, c.inspecting_level, c.complexity, c.units_inspected, c.violation_money,
    c.violation_land_m2, c.recovery_money, c.recovery_land_m2, c.disciplined_orgs,
    c.disciplined_persons, c.referral_cases, c.referral_persons, c.event_trail
    FROM cases c LEFT JOIN units u ON u.id = c.chaired_by_unit_id WHERE """.replace(
    "{title}", sealed.opened_sql("c", "cases", "title"))
# What the deadline engine needs, no more: fetching titles and results of 100 000 cases
# cost the overdue list more than the engine's work on them.
_FACTS_COLUMNS = """c.level, c.code, c.decision_date, c.inspecting_level, c.complexity,
    c.event_trail"""
_FACTS_SQL = f"SELECT {_FACTS_COLUMNS} FROM cases c WHERE "
_UNIT_FILTER = "c.chaired_by_unit_id IN (SELECT u.id FROM units u WHERE u.name = :unit)"


class _EventFacts(dict):
    """Packed event → EventFact, made once: a few thousand distinct (stage, date, days)
    among hundreds of thousands of events."""

    _stages = {s.value: s for s in Stage}

    def __missing__(self, packed: str) -> EventFact:
        stage, day, days = packed.split(" ")
        fact = self[packed] = EventFact(self._stages[stage], date.fromisoformat(day),
                                        int(days) if days else None)
        return fact


def _where(max_level: int, unit: str | None, codes: list[str] | None, open_only: bool,
           active_between: tuple[date, date] | None) -> tuple[str, dict]:
    where, params = ["c.level <= :level"], {"level": max_level}
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


_LEVELS = {v.value: v for v in InspectingLevel}


def _facts(code: str, decided: str | None, level: str, complexity: str, trail: str | None,
           fact_of) -> CaseFacts:
    events = tuple(map(fact_of, trail.split(";"))) if trail else ()
    return CaseFacts(code, date.fromisoformat(decided) if decided else None, _LEVELS[level],
                     complexity, events)


def load_cases(session: Session, max_level: int, unit: str | None = None,
               codes: list[str] | None = None, open_only: bool = False,
               active_between: tuple[date, date] | None = None) -> list[CaseRecord]:
    """Cases up to `max_level`, filtered in SQL on the derived dates (case_summary):
    `open_only` (no conclusion or cancellation yet), `active_between` (begun by the end
    and not concluded or cancelled before the start of a period)."""
    where, params = _where(max_level, unit, codes, open_only, active_between)
    cursor = session.connection().connection.driver_connection.cursor()  # plain tuples
    cursor.execute(_CASE_SQL + where, params)
    fact_of, make = _EventFacts().__getitem__, CaseRecord._make
    return [make((row[0], row[1], row[2], row[3], row[4], row[5] or "", row[6], row[10:19],
                  _facts(row[1], row[7], row[8], row[9], row[19], fact_of)))
            for row in cursor]


def load_facts(session: Session, max_level: int, codes: list[str] | None = None,
               open_only: bool = False) -> list[tuple[int, CaseFacts]]:
    """(classification level, facts) of the selected cases: the deadline engine's input."""
    where, params = _where(max_level, None, codes, open_only, None)
    cursor = session.connection().connection.driver_connection.cursor()
    cursor.execute(_FACTS_SQL + where, params)
    fact_of = _EventFacts().__getitem__
    return [(row[0], _facts(row[1], row[2], row[3], row[4], row[5], fact_of)) for row in cursor]


def load_facts_of(session: Session, case_ids: list[int]) -> list[tuple[int, int, CaseFacts]]:
    """(case id, level, facts) of these cases (no clearance filter: the caller chose the
    ids under it)."""
    cursor = session.connection().connection.driver_connection.cursor()
    fact_of = _EventFacts().__getitem__
    found = []
    for start in range(0, len(case_ids), 900):
        marks = ",".join(str(int(i)) for i in case_ids[start:start + 900])
        cursor.execute(f"SELECT c.id, {_FACTS_COLUMNS} FROM cases c WHERE c.id IN ({marks})")
        found += [(row[0], row[1], _facts(row[2], row[3], row[4], row[5], row[6], fact_of))
                  for row in cursor]
    return found


def load_opinions(session: Session, max_level: int, case_code: str | None = None
                  ) -> list[tuple[OpinionFact, date | None]]:
    """Opinion requests of cases the actor may see (and those tied to no case), or of one
    case, with the case's decision date (it chooses the rule set)."""
    query = select(OpinionRequest, Case.code, Case.decision_date).outerjoin(
        Case, Case.id == OpinionRequest.case_id).where((Case.level <= max_level) | (Case.id.is_(None)))
    if case_code is not None:
        query = query.where(Case.code == case_code)
    return [(OpinionFact(o.id, code, o.addressee, o.sent_date, o.due_date, o.answered_date), decided)
            for o, code, decided in session.execute(query)]


def load_directives(session: Session, max_level: int, case_code: str | None = None
                    ) -> list[DirectiveFact]:
    query = select(Directive, Case.code).outerjoin(Case, Case.id == Directive.case_id).where(
        (Case.level <= max_level) | (Case.id.is_(None)))
    if case_code is not None:
        query = query.where(Case.code == case_code)
    return [DirectiveFact(d.id, code, d.issuer, d.content, d.due_date, d.done_date, d.status)
            for d, code in session.execute(query)]

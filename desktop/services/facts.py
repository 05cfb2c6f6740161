"""Reading cases as the deadline engine and the reports see them: one pass over the
events of the selected cases, grouped per case. Raw driver rows, not ORM objects:
a report reads 100 000 cases and half a million events."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.deadlines import CaseFacts, DirectiveFact, EventFact, OpinionFact
from desktop.domain.stages import InspectingLevel, Stage
from desktop.storage.orm import Case, Directive, OpinionRequest

@dataclass(frozen=True, slots=True)
class CaseRecord:
    """A case's columns needed by reports, with its facts for the engine."""

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


_CASE_COLUMNS = """c.id, c.code, c.title, c.level, c.basis, u.name, c.plan_item_id, c.decision_date,
    c.inspecting_level, c.complexity, c.units_inspected, c.violation_money, c.violation_land_m2,
    c.recovery_money, c.recovery_land_m2, c.disciplined_orgs, c.disciplined_persons,
    c.referral_cases, c.referral_persons"""


def load_cases(session: Session, max_level: int, unit: str | None = None,
               codes: list[str] | None = None, open_only: bool = False,
               active_between: tuple[date, date] | None = None) -> list[CaseRecord]:
    """Cases up to `max_level`, filtered in SQL on the derived dates (case_summary):
    `open_only` (no conclusion or cancellation yet), `active_between` (begun by the end
    and not concluded or cancelled before the start of a period)."""
    where, params = ["c.level <= :level"], {"level": max_level}
    if unit:
        where.append("u.name = :unit")
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
    selected = (f"FROM cases c LEFT JOIN units u ON u.id = c.chaired_by_unit_id "
                f"WHERE {' AND '.join(where)}")
    conn = session.connection()
    stages = {s.value: s for s in Stage}
    iso = date.fromisoformat
    events: dict[int, list[EventFact]] = {}
    cursor = conn.connection.driver_connection.cursor()  # plain tuples, no result wrapping
    cursor.execute(
        f"SELECT e.case_id, e.stage, e.event_date, e.days FROM case_events e "
        f"WHERE e.case_id IN (SELECT c.id {selected}) ORDER BY e.case_id, e.event_date, e.id",
        params)
    # Rows come grouped by case; equal (stage, date, days) share one EventFact: there are
    # a few thousand distinct ones among hundreds of thousands of events.
    shared: dict[tuple, EventFact] = {}
    current, bucket = None, []
    for row in cursor:
        fact = shared.get(row[1:])
        if fact is None:
            fact = shared[row[1:]] = EventFact(stages[row[1]], iso(row[2]), row[3])
        if row[0] != current:
            current = row[0]
            bucket = events[current] = []
        bucket.append(fact)
    levels = {v.value: v for v in InspectingLevel}
    records = []
    cursor.execute(f"SELECT {_CASE_COLUMNS} {selected}", params)
    for row in cursor:
        decided = iso(row[7]) if row[7] else None
        facts = CaseFacts(row[1], decided, levels[row[8]], row[9], tuple(events.get(row[0], ())))
        records.append(CaseRecord(row[0], row[1], row[2], row[3], row[4], row[5] or "", row[6],
                                  tuple(row[10:]), facts))
    return records


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

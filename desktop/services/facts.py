"""Reading cases as the deadline engine and the reports see them: one pass over the
events table, grouped per case (fast enough for 100 000 cases)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.deadlines import CaseFacts, DirectiveFact, EventFact, OpinionFact
from desktop.domain.stages import InspectingLevel, Stage
from desktop.storage.orm import Case, CaseEvent, Directive, OpinionRequest, Unit


@dataclass(frozen=True)
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


_RESULT_COLUMNS = (Case.units_inspected, Case.violation_money, Case.violation_land_m2,
                   Case.recovery_money, Case.recovery_land_m2, Case.disciplined_orgs,
                   Case.disciplined_persons, Case.referral_cases, Case.referral_persons)


def load_cases(session: Session, max_level: int, unit: str | None = None,
               codes: list[str] | None = None) -> list[CaseRecord]:
    events: dict[int, list[EventFact]] = defaultdict(list)
    event_query = select(CaseEvent.case_id, CaseEvent.stage, CaseEvent.event_date, CaseEvent.days
                         ).order_by(CaseEvent.case_id, CaseEvent.event_date, CaseEvent.id)
    stages = {s.value: s for s in Stage}
    for case_id, stage, day, days in session.execute(event_query):
        events[case_id].append(EventFact(stages[stage], day, days))
    query = select(Case.id, Case.code, Case.title, Case.level, Case.basis, Unit.name,
                   Case.plan_item_id, Case.decision_date, Case.inspecting_level, Case.complexity,
                   *_RESULT_COLUMNS).outerjoin(Unit, Unit.id == Case.chaired_by_unit_id
                                               ).where(Case.level <= max_level)
    if unit:
        query = query.where(Unit.name == unit)
    if codes is not None:
        query = query.where(Case.code.in_(codes))
    levels = {v.value: v for v in InspectingLevel}
    records = []
    for row in session.execute(query):
        facts = CaseFacts(code=row[1], decision_date=row[7], inspecting_level=levels[row[8]],
                          complexity=row[9], events=tuple(events.get(row[0], ())))
        records.append(CaseRecord(row[0], row[1], row[2], row[3], row[4], row[5] or "", row[6],
                                  tuple(row[10:]), facts))
    return records


def load_opinions(session: Session, max_level: int) -> list[tuple[OpinionFact, date | None]]:
    """Opinion requests of cases the actor may see (and those tied to no case),
    with the case's decision date (it chooses the rule set)."""
    query = select(OpinionRequest, Case.code, Case.decision_date).outerjoin(
        Case, Case.id == OpinionRequest.case_id).where((Case.level <= max_level) | (Case.id.is_(None)))
    return [(OpinionFact(o.id, code, o.addressee, o.sent_date, o.due_date, o.answered_date), decided)
            for o, code, decided in session.execute(query)]


def load_directives(session: Session, max_level: int) -> list[DirectiveFact]:
    query = select(Directive, Case.code).outerjoin(Case, Case.id == Directive.case_id).where(
        (Case.level <= max_level) | (Case.id.is_(None)))
    return [DirectiveFact(d.id, code, d.issuer, d.content, d.due_date, d.done_date, d.status)
            for d, code in session.execute(query)]

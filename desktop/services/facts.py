"""Reading cases as the deadline engine and the reports see them: one row per case with
its events packed in cases.event_trail (storage.repos.facts). Raw driver rows, not ORM
objects: a report reads 100 000 cases and half a million events."""

from datetime import date
from typing import NamedTuple

from desktop.domain.deadlines import CaseFacts, DirectiveFact, EventFact, OpinionFact
from desktop.domain.stages import InspectingLevel, Stage
from desktop.storage.repos import DbSession
from desktop.storage.repos import facts as fact_rows


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


class _EventFacts(dict):
    """Packed event → EventFact, made once: a few thousand distinct (stage, date, days)
    among hundreds of thousands of events."""

    _stages = {s.value: s for s in Stage}

    def __missing__(self, packed: str) -> EventFact:
        stage, day, days = packed.split(" ")
        fact = self[packed] = EventFact(self._stages[stage], date.fromisoformat(day),
                                        int(days) if days else None)
        return fact


_LEVELS = {v.value: v for v in InspectingLevel}


def _facts(code: str, decided: str | None, level: str, complexity: str, trail: str | None,
           basis: str | None, fact_of) -> CaseFacts:
    events = tuple(map(fact_of, trail.split(";"))) if trail else ()
    return CaseFacts(code, date.fromisoformat(decided) if decided else None, _LEVELS[level],
                     complexity, events, basis or "")


def load_cases(session: DbSession, max_level: int, unit: str | None = None,
               codes: list[str] | None = None, open_only: bool = False,
               active_between: tuple[date, date] | None = None) -> list[CaseRecord]:
    """Cases up to `max_level`, filtered in SQL on the derived dates (case_summary):
    `open_only` (no conclusion or cancellation yet), `active_between` (begun by the end
    and not concluded or cancelled before the start of a period)."""
    rows = fact_rows.case_rows(session, max_level, unit, codes, open_only, active_between)
    fact_of, make = _EventFacts().__getitem__, CaseRecord._make
    return [make((row[0], row[1], row[2], row[3], row[4], row[5] or "", row[6], row[10:19],
                  _facts(row[1], row[7], row[8], row[9], row[19], row[20], fact_of)))
            for row in rows]


def load_facts(session: DbSession, max_level: int, codes: list[str] | None = None,
               open_only: bool = False) -> list[tuple[int, CaseFacts]]:
    """(classification level, facts) of the selected cases: the deadline engine's input."""
    fact_of = _EventFacts().__getitem__
    return [(row[0], _facts(row[1], row[2], row[3], row[4], row[5], row[6], fact_of))
            for row in fact_rows.fact_rows(session, max_level, codes, open_only)]


def load_facts_of(session: DbSession, case_ids: list[int]) -> list[tuple[int, int, CaseFacts]]:
    """(case id, level, facts) of these cases (no clearance filter: the caller chose the
    ids under it)."""
    fact_of = _EventFacts().__getitem__
    return [(row[0], row[1], _facts(row[2], row[3], row[4], row[5], row[6], row[7], fact_of))
            for row in fact_rows.fact_rows_of(session, case_ids)]


def load_opinions(session: DbSession, max_level: int, case_code: str | None = None
                  ) -> list[tuple[OpinionFact, date | None]]:
    """Opinion requests of cases the actor may see (and those tied to no case), or of one
    case, with the case's decision date (it chooses the rule set)."""
    return [(OpinionFact(o.id, code, o.addressee, o.sent_date, o.due_date, o.answered_date,
                         o.received_date), decided)
            for o, code, decided in fact_rows.opinions_with_cases(session, max_level, case_code)]


def load_directives(session: DbSession, max_level: int, case_code: str | None = None
                    ) -> list[DirectiveFact]:
    return [DirectiveFact(d.id, code, d.issuer, d.content, d.due_date, d.done_date, d.status)
            for d, code in fact_rows.directives_with_cases(session, max_level, case_code)]

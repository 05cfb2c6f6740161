"""Flags the case list shows beside each row, computed for one screen page of cases at a
time (the GUI's table asks for ~200 codes as their rows load)."""

from datetime import date
from typing import Iterable

from desktop.domain.deadlines import DeadlineState
from desktop.services import calendar_service, deadlines_service, facts, settings
from desktop.services.context import VaultSession

_CHUNK = 500  # SQLite bound parameters per statement stay well under the limit


def overdue_codes(vs: VaultSession, codes: Iterable[str], today: date | None = None) -> set[str]:
    """The codes (among `codes`, within the actor's clearance) of cases with at least one
    stage deadline overdue on `today`. Only a yes/no per case leaves this function; the
    rows themselves were read (and audited) through cases.rows_by_ids."""
    wanted = list(dict.fromkeys(c for c in codes if c))
    if not wanted:
        return set()
    today = today or date.today()
    found: set[str] = set()
    with vs.uow() as uow:
        session = uow.session
        cal = calendar_service.calendar(session)
        soon = settings.get(session, "due_soon_days")
        rules = deadlines_service.rule_book()
        limits = settings.stage_limits(session)
        for start in range(0, len(wanted), _CHUNK):
            for _level, case_facts in facts.load_facts(session, int(vs.actor.clearance),
                                                       codes=wanted[start:start + _CHUNK]):
                if not case_facts.events:
                    continue
                if any(d.state is DeadlineState.OVERDUE for d in deadlines_service.case_deadlines(
                        case_facts, rules, cal, today, soon, limits)):
                    found.add(case_facts.code)
    return found

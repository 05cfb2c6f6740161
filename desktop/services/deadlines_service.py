"""Deadlines of cases, opinion requests and directives, as of a day."""

from datetime import date

from desktop.domain import deadlines as engine
from desktop.domain.bulk import collector_paused
from desktop.domain.deadlines import Deadline, DeadlineState
from desktop.domain.rules import RuleBook, load_rule_book
from desktop.services import audit_log, calendar_service, facts, settings
from desktop.services.cases import load_case
from desktop.services.context import VaultSession

_rules: RuleBook | None = None


def rule_book() -> RuleBook:
    global _rules
    if _rules is None:
        _rules = load_rule_book()
    return _rules


def case_deadlines(case_facts, rules: RuleBook, cal, today: date, soon: int,
                   limits: dict[str, int]) -> list[Deadline]:
    """The law's stage deadlines of a case, and the administrator's limit on the stage it
    is in where the law sets none (settings.stage_limits)."""
    found = engine.case_deadlines(case_facts, rules, cal, today, soon)
    held = engine.stage_limit_deadline(case_facts, limits, cal, today, soon)
    return found + [held] if held is not None else found


def for_case(vs: VaultSession, code: str, today: date | None = None) -> list[Deadline]:
    today = today or settings.view_date(vs)
    with vs.uow() as uow:
        session = uow.session
        case = load_case(vs, session, code)  # clearance check, audited refusal
        _level, case_facts = facts.load_facts(session, int(vs.actor.clearance), codes=[case.code])[0]
        cal = calendar_service.calendar(session)
        soon = settings.get(session, "due_soon_days")
        found = case_deadlines(case_facts, rule_book(), cal, today, soon,
                               settings.stage_limits(session))
        clearance = int(vs.actor.clearance)
        found += [engine.opinion_deadline(op, rule_book(), cal, today, soon, decided)
                  for op, decided in facts.load_opinions(session, clearance, case.code)]
        found += [d for d in (engine.directive_deadline(x, cal, today, soon)
                              for x in facts.load_directives(session, clearance, case.code))
                  if d is not None]
        if case.level > 0:
            audit_log.append(session, vs.signer, vs.actor.username, "case.deadlines", case.code,
                             level=case.level)
            uow.commit()
    return found


@collector_paused()
def overdue(vs: VaultSession, within: int | None = None, today: date | None = None
            ) -> list[Deadline]:
    """Overdue and due-soon items across open cases, opinion requests and directives,
    worst first. `within`: working days ahead counted as due soon (default: setting)."""
    today = today or settings.view_date(vs)
    with vs.uow() as uow:
        session = uow.session
        soon = settings.get(session, "due_soon_days") if within is None else within
        cal = calendar_service.calendar(session)
        rules = rule_book()
        found: list[Deadline] = []
        classified = 0
        alarming = (DeadlineState.OVERDUE, DeadlineState.DUE_SOON)
        limits = {stage: days for stage, days in settings.stage_limits(session).items() if days}
        for level, case_facts in facts.load_facts(session, int(vs.actor.clearance), open_only=True):
            hits = [d for d in case_deadlines(case_facts, rules, cal, today, soon, limits)
                    if d.state in alarming]
            classified += bool(hits) and level > 0
            found += hits
        for op, decided in facts.load_opinions(session, int(vs.actor.clearance)):
            if op.answered is None:
                d = engine.opinion_deadline(op, rules, cal, today, soon, decided)
                if d.state in (DeadlineState.OVERDUE, DeadlineState.DUE_SOON):
                    found.append(d)
        for x in facts.load_directives(session, int(vs.actor.clearance)):
            d = engine.directive_deadline(x, cal, today, soon)
            if d is not None and d.state in (DeadlineState.OVERDUE, DeadlineState.DUE_SOON):
                found.append(d)
        if classified:
            audit_log.append(session, vs.signer, vs.actor.username, "deadlines.overdue", "",
                             classified_cases=classified)
            uow.commit()
    return engine.worst_first(found)

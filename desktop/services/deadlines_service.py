"""Deadlines of cases, opinion requests and directives, as of a day."""

from dataclasses import dataclass
from datetime import date
from operator import itemgetter

from desktop.domain import deadlines as engine
from desktop.domain.bulk import collector_paused
from desktop.domain.deadlines import Deadline, DeadlineState
from desktop.domain.messages import render
from desktop.domain.rules import Limit, RuleBook, Unit, cited_in
from desktop.storage.resource_files import load_rule_book
from desktop.services import audit_log, calendar_service, facts, settings
from desktop.services.cases import load_case
from desktop.services.context import VaultSession
from desktop.storage import deadline_index
from desktop.storage.repos import DbSession
from desktop.storage.repos import deadlines as deadline_rows

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


def missing_figures(vs: VaultSession, code: str) -> list[Limit]:
    """The limits the law in force sets for this case without a known figure (Law 84/2025
    Art. 34(5)'s drafting time), once the event they count from has happened: listed as
    "chưa có số liệu" beside the case's deadlines rather than left out."""
    with vs.uow() as uow:
        case = load_case(vs, uow.session, code)  # clearance check, audited refusal
        _level, case_facts = facts.load_facts(uow.session, int(vs.actor.clearance),
                                              codes=[case.code])[0]
    return engine.missing_figures(case_facts, rule_book())


def no_figure_text(limit: Limit, lang: str) -> str:
    """'Xây dựng dự thảo kết luận: chưa có số liệu — Điều 34 khoản 5 …; …'"""
    return render("deadline.no_figure", lang, limit=render(f"deadline.limit.{limit.key}", lang),
                  article=cited_in(limit.article, lang), note=limit.note_in(lang))


@dataclass(frozen=True)
class Alarms:
    """What is overdue or due soon, as the dashboard shows it: the counts of all of them
    and the worst `limit` items, worst first."""

    overdue: int
    due_soon: int
    items: list[Deadline]

    @property
    def total(self) -> int:
        return self.overdue + self.due_soon


_ALARMING = (DeadlineState.OVERDUE, DeadlineState.DUE_SOON)
# More cases named by the index than this: reading every open case in one scan is
# quicker than fetching them by id.
_FEW = 5000


class _Judge:
    """One reading of deadlines: the rules, calendar and settings it is judged under."""

    def __init__(self, session: DbSession, clearance: int, today: date, within: int | None) -> None:
        self.session, self.clearance, self.today = session, clearance, today
        self.soon = settings.get(session, "due_soon_days") if within is None else within
        self.cal = calendar_service.calendar(session)
        self.rules = rule_book()
        self.limits = {stage: days for stage, days in settings.stage_limits(session).items()
                       if days}
        self.soon_until = engine.due_soon_until(self.cal, today, self.soon)
        self.stamp = (f"{engine.ENGINE_REVISION}:{self.rules.fingerprint()}:"
                      f"{self.cal.fingerprint()}:{sorted(self.limits.items())}")

    def of_case(self, case_facts) -> list[Deadline]:
        return case_deadlines(case_facts, self.rules, self.cal, self.today, self.soon,
                              self.limits)

    def alarming(self, case_facts) -> list[Deadline]:
        return [d for d in self.of_case(case_facts) if d.state in _ALARMING]

    def alarming_of(self, case_ids: list[int]) -> list[tuple[int, list[Deadline]]]:
        """(level, alarming deadlines) of these cases, by the engine."""
        return [(level, self.alarming(case_facts))
                for _id, level, case_facts in facts.load_facts_of(self.session, case_ids)]

    def alarming_open(self) -> list[tuple[int, list[Deadline]]]:
        """(level, alarming deadlines) of every open case the actor may see."""
        return [(level, self.alarming(case_facts))
                for level, case_facts in facts.load_facts(self.session, self.clearance,
                                                          open_only=True)]

    def others(self) -> list[Deadline]:
        """Alarming replies to opinion requests and directives (few: judged live)."""
        found = []
        for op, decided in facts.load_opinions(self.session, self.clearance):
            if op.answered is None:
                d = engine.opinion_deadline(op, self.rules, self.cal, self.today, self.soon,
                                            decided)
                if d.state in _ALARMING:
                    found.append(d)
        for x in facts.load_directives(self.session, self.clearance):
            d = engine.directive_deadline(x, self.cal, self.today, self.soon)
            if d is not None and d.state in _ALARMING:
                found.append(d)
        return found


def _index_ready(uow, judge: _Judge) -> bool:
    """Recompute, in this unit of work, the stored deadlines of the open cases the actor
    may see whose facts changed since (storage.deadline_index), and commit them. False
    when the vault cannot be written (a read-only copy, a full disk): the caller then
    judges every case live, on the same session."""
    try:
        stale = deadline_index.stale_case_ids(uow.session, judge.clearance, judge.stamp)
        if stale:
            rows = []
            for case_id, _level, case_facts in facts.load_facts_of(uow.session, stale):
                pending = [(d.kind, d.due, d.unit is Unit.WORKING_DAYS)
                           for d in judge.of_case(case_facts) if d.met_on is None]
                volatile = any(kind == engine.ONSITE_END for kind, _due, _w in pending) and \
                    engine.moves_with_today(case_facts)
                rows.append((case_id, volatile, pending))
            deadline_index.store(uow.session, rows)
        uow.commit()
        return True
    except deadline_rows.NOT_WRITTEN:
        uow.session.rollback()
        return False


def refresh_index(vs: VaultSession) -> bool:
    """Bring the deadline index up to date now (after an import, or in a benchmark)."""
    with vs.uow() as uow:
        return _index_ready(uow, _Judge(uow.session, int(vs.actor.clearance),
                                        settings.view_date(vs), None))


@collector_paused()
def alarms(vs: VaultSession, today: date | None = None, limit: int = 500) -> Alarms:
    """The dashboard's reading: how many items are overdue and due soon, and the worst
    `limit` of them — from the deadline index, the engine run only on the cases listed
    and on those whose due date moves with the day."""
    today = today or settings.view_date(vs)
    clearance = int(vs.actor.clearance)
    with vs.uow() as uow:
        session = uow.session
        judge = _Judge(session, clearance, today, None)
        if not _index_ready(uow, judge):
            items = _overdue(vs, uow, judge, indexed=False)
            late = sum(1 for d in items if d.state is DeadlineState.OVERDUE)
            return Alarms(late, len(items) - late, items[:limit])
        late, soon, classified = deadline_index.counts(session, clearance, today,
                                                       judge.soon_until)
        # live: cases whose due date moves with the day, opinion requests, directives
        extra = judge.others()
        for level, found in judge.alarming_of(deadline_index.volatile_case_ids(session, clearance)):
            extra += found
            classified += bool(found) and level > 0
        late += sum(1 for d in extra if d.state is DeadlineState.OVERDUE)
        soon += sum(1 for d in extra if d.state is DeadlineState.DUE_SOON)
        chosen = _worst_stored(judge, deadline_index.alarming(session, clearance,
                                                              judge.soon_until), limit)
        wanted = {(p.code, p.kind) for p in chosen}
        items = [d for _level, found in judge.alarming_of(sorted({p.case_id for p in chosen}))
                 for d in found if (d.case_code, d.kind) in wanted]
        if classified:
            audit_log.append(session, vs.signer, vs.actor.username, "deadlines.overdue", "",
                             classified_cases=classified)
            uow.commit()
    return Alarms(late, soon, engine.worst_first(items + extra)[:limit])


def _worst_stored(judge: _Judge, stored, limit: int) -> list:
    """The stored deadlines among which the `limit` worst are, read earliest due first
    and stopping when no later one can be worse: an item's slack is at most its calendar
    days late, so once the next row is fewer days late than the limit-th worst kept,
    the rest (and every due-soon row) are milder."""
    kept: list = []
    mildest = None   # the limit-th worst key kept so far (never worse than the true one)
    for p in stored:
        state, days = engine.pending_state(judge.cal, p.working, p.due, judge.today,
                                           judge.soon)
        if mildest is not None and mildest[0] == _OVERDUE_RANK and (
                state is not DeadlineState.OVERDUE
                or -max(1, (judge.today - p.due).days) > mildest[1]):
            break
        kept.append(((engine.state_rank(state), days, p.due.toordinal(), p.code, p.kind), p))
        if len(kept) >= 2 * limit:
            kept.sort(key=itemgetter(0))
            del kept[limit:]
            mildest = kept[-1][0]
    kept.sort(key=itemgetter(0))
    return [p for _key, p in kept[:limit]]


_OVERDUE_RANK = engine.state_rank(DeadlineState.OVERDUE)


@collector_paused()
def overdue(vs: VaultSession, within: int | None = None, today: date | None = None,
            indexed: bool = True) -> list[Deadline]:
    """Overdue and due-soon items across open cases, opinion requests and directives,
    worst first. `within`: working days ahead counted as due soon (default: setting).
    The engine runs on the cases the deadline index names (and those whose due date
    moves with the day); `indexed=False`, or a vault that cannot be written, runs it on
    every open case."""
    today = today or settings.view_date(vs)
    with vs.uow() as uow:
        judge = _Judge(uow.session, int(vs.actor.clearance), today, within)
        return _overdue(vs, uow, judge, indexed and _index_ready(uow, judge))


def _overdue(vs: VaultSession, uow, judge: _Judge, indexed: bool) -> list[Deadline]:
    session, clearance = uow.session, judge.clearance
    if indexed:
        ids = {p.case_id for p in deadline_index.alarming(session, clearance, judge.soon_until)}
        ids.update(deadline_index.volatile_case_ids(session, clearance))
        found_by_case = (judge.alarming_of(sorted(ids)) if len(ids) < _FEW
                         else judge.alarming_open())
    else:
        found_by_case = judge.alarming_open()
    found = [d for _level, hits in found_by_case for d in hits] + judge.others()
    classified = sum(1 for level, hits in found_by_case if hits and level > 0)
    if classified:
        audit_log.append(session, vs.signer, vs.actor.username, "deadlines.overdue", "",
                         classified_cases=classified)
        uow.commit()
    return engine.worst_first(found)

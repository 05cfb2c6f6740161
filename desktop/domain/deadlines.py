"""The deadline engine: which legal time limits a case, an opinion request or a directive
is under, when each falls due, and whether it is on time (desktop/docs/domain.md, "Legal
time limits").

Pure domain: facts in, Deadline values out. No SQL, no Qt, no file I/O per call (the
rule book and the working-day calendar are loaded once by the caller).

Why one module of 770 lines: the rules below are read top to bottom beside the code that
applies them, and the hot path (100 000 cases per reading) keeps its helpers as plain
module functions next to it.

How a due date is computed
--------------------------
* The rule set is the one in force on the case's decision date (``RuleBook.for_date``);
  without a decision date, the date of the DECISION event or of the first event.
* A limit of n **working days** counted from event date s falls due on
  ``calendar.add_working_days(s, n)``: the event day itself is not counted, the n-th
  working day after it is the last day allowed.
* A limit of n **calendar days** falls due on s + n; when that day is not a working day
  (weekend, holiday, announced day off), the due date moves to the next working day.
* Extensions (EXTENDED events with ``days``) are added to the on-site limit in the limit's
  own unit. Suspensions stop the clock: a suspension from day s until the day r it is
  resumed covers the days s … r−1; the due date moves by the working days among them
  (calendar days when the limit is in calendar days). A suspension that is still open
  covers s … today, so the due date moves forward every day it lasts and the deadline
  stays "on time" with the suspension named.
* A deadline is met by the event that completes its stage, or, when that event was not
  recorded, by the earliest later-stage event (the stage must have been done by then).

Sign convention of ``Deadline.days`` (one rule for every state)
---------------------------------------------------------------
``days`` is the *slack*: the number of days from a reference day to the due date, in the
rule's unit (working days for working-day limits, calendar days otherwise). The reference
day is ``met_on`` once met, else ``today``.

* ON_TIME / DUE_SOON: ``days`` ≥ 0 = days remaining (0 = due today);
* OVERDUE: ``days`` ≤ −1 = −(days late so far);
* MET: ``days`` ≥ 0 = days early (0 = on the due day);
* MET_LATE: ``days`` ≤ −1 = −(days late).

A passed due date is always at least one day late even when only days off passed since
(e.g. due on Friday, today Saturday: −1). ``Deadline.days_late`` gives the positive
lateness, ``Deadline.status_text()`` the sentence a user reads.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum
from typing import Iterable, NamedTuple

from desktop.domain.calendar import WorkCalendar
from desktop.domain.dates import format_date
from desktop.domain.messages import render
from desktop.domain.rules import (HEAD_RECEIVED, REQUEST_SENT, Complexity, Limit,
                                  LimitNotFound, RuleBook, RuleSet, Unit, cited_in)
from desktop.domain.stages import InspectingLevel, Stage

__all__ = [
    "CaseFacts",
    "Deadline",
    "DeadlineDetail",
    "DeadlineState",
    "DirectiveFact",
    "EventFact",
    "OpinionFact",
    "ISSUED",
    "KINDS",
    "case_deadlines",
    "directive_deadline",
    "opinion_deadline",
    "worst_first",
]

ONSITE_END = "onsite_end"
TEAM_REPORT = "team_report"
DRAFT_ASSIGN = "draft_assign"
CONCLUSION = "conclusion"
OPINION_REPLY = "opinion_reply"
DIRECTIVE = "directive"
STAGE_LIMIT = "stage_limit"  # a stage the law sets no limit for, held too long
KINDS = (ONSITE_END, TEAM_REPORT, DRAFT_ASSIGN, CONCLUSION, OPINION_REPLY, DIRECTIVE,
         STAGE_LIMIT)
ISSUED = "issued"  # a directive's counted_from


# --- facts in --------------------------------------------------------------------------

class EventFact(NamedTuple):
    """A tuple, not a dataclass: a report builds hundreds of thousands of them."""

    stage: Stage
    date: date
    days: int | None = None  # extension length / suspension length, if given


class CaseFacts(NamedTuple):
    """A tuple: reports build one per case."""

    code: str
    decision_date: date | None
    inspecting_level: InspectingLevel
    complexity: str  # "normal" | "complex" | "very_complex"
    events: tuple[EventFact, ...]  # in date order (ties: entry order)
    consultation_basis: str = ""   # why the head is consulted (Law 84/2025 Art. 36), or ""


@dataclass(frozen=True)
class OpinionFact:
    id: int
    case_code: str | None
    addressee: str
    sent: date
    due: date | None
    answered: date | None
    received: date | None = None   # the head's receipt, where recorded


@dataclass(frozen=True)
class DirectiveFact:
    id: int
    case_code: str | None
    issuer: str
    content: str
    due: date | None
    done: date | None
    status: str  # open | done | cancelled
    issued: date | None = None  # when it was given, if known (only shown in the explanation)


# --- deadlines out ---------------------------------------------------------------------

class DeadlineState(str, Enum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MET = "met"
    MET_LATE = "met_late"

    def label(self, lang: str = "vi") -> str:
        return render(f"deadline.state.{self.value}", lang)

    @property
    def is_open(self) -> bool:
        return self in (DeadlineState.ON_TIME, DeadlineState.DUE_SOON, DeadlineState.OVERDUE)


_STATE_RANK = {DeadlineState.OVERDUE: 0, DeadlineState.DUE_SOON: 1, DeadlineState.ON_TIME: 2,
               DeadlineState.MET_LATE: 3, DeadlineState.MET: 4}


class DeadlineDetail(NamedTuple):
    """What went into a due date besides the limit, for the explanation."""

    extension_days: int = 0               # added to the limit (same unit)
    extensions_without_days: int = 0      # EXTENDED events recorded without days
    suspended_days: int = 0               # the due date moved by this many days (same unit)
    suspended_since: date | None = None   # open suspension: the clock is stopped
    consultation_stage: str = ""          # conclusion: latest consultation after the draft
    consultation_date: date | None = None
    consultation_limit: int = 0
    consultation_unit: Unit | None = None
    consultation_article: str = ""
    consultation_receipt_days: int | None = None  # counted from the head's receipt: allowance
    consultation_skipped: bool = False    # one recorded, but the case is not on the grounds
    sent_on: date | None = None           # opinion reply counted from the head's receipt:
    receipt_days: int = 0                 # the letter's date and the delivery allowance
    rolled_from: date | None = None       # a calendar-day limit fell on this day off
    fallback_level: str = ""              # the case's level had no figure: government's used
    uncovered_year: int | None = None     # the holiday calendar does not cover that year


NO_DETAIL = DeadlineDetail()


@dataclass(frozen=True)
class Deadline:
    kind: str            # one of KINDS
    case_code: str | None
    subject: str         # opinion: addressee; directive: issuer; "" for case stages
    due: date
    met_on: date | None
    state: DeadlineState
    days: int            # slack in `unit`; see the module docstring for the sign convention
    unit: Unit
    rule_set: str        # rule set id, or "" when the date was set by hand (opinion, directive)
    article: str
    verify: bool
    counted_from: str    # a Stage value, "request_sent" or "issued"
    counted_from_date: date  # directive without an issue date: its due date
    limit_days: int      # the limit applied, extensions included
    rule_set_title: str = ""
    detail: DeadlineDetail = NO_DETAIL

    @property
    def suspended_since(self) -> date | None:
        """Set while the on-site clock is stopped by a suspension not yet resumed."""
        return self.detail.suspended_since

    @property
    def extension_days(self) -> int:
        return self.detail.extension_days

    # -- presentation --

    def label(self, lang: str = "vi") -> str:
        return render(f"deadline.kind.{self.kind}", lang)

    @property
    def days_late(self) -> int:
        """Positive lateness (OVERDUE, MET_LATE), else 0."""
        return -self.days if self.days < 0 else 0

    @property
    def is_open(self) -> bool:
        return self.state.is_open

    def status_text(self, lang: str = "vi") -> str:
        """'Quá hạn 3 ngày làm việc', 'Còn 12 ngày', 'Hoàn thành trễ 2 ngày'…"""
        unit = self.unit.label(lang, self.days)
        state = self.state
        if state is DeadlineState.ON_TIME and self.suspended_since is not None:
            return render("deadline.status.suspended", lang, since=format_date(self.suspended_since),
                          days=self.days, unit=unit)
        if state is DeadlineState.DUE_SOON and self.days == 0:
            return render("deadline.status.due_today", lang)
        if state is DeadlineState.MET and self.days == 0:   # not "0 days early"
            return render("deadline.status.met_on_the_day", lang)
        return render(f"deadline.status.{state.value}", lang, days=abs(self.days), unit=unit)

    def explanation(self, lang: str = "vi") -> str:
        """One sentence: which rule, which article, counted from which event and date, in
        which unit, what extensions/suspensions/consultations changed, and whether the
        figure is still to verify."""
        x = self.detail
        flags = ""
        if x.fallback_level:
            flags += render("deadline.explain.level_fallback", lang,
                            level=InspectingLevel(x.fallback_level).label(lang))
        if x.uncovered_year is not None:
            flags += render("deadline.explain.no_calendar", lang, year=x.uncovered_year)
        if self.verify:
            flags += render("deadline.explain.verify", lang)
        due = format_date(self.due)
        if self.kind == STAGE_LIMIT:
            return render("deadline.explain.stage_limit", lang,
                          stage=Stage(self.counted_from).label(lang),
                          start_date=format_date(self.counted_from_date), limit=self.limit_days,
                          due=due, flags=flags)
        if self.kind == DIRECTIVE:
            issued = ("" if self.counted_from_date == self.due else
                      render("deadline.explain.issued", lang, date=format_date(self.counted_from_date)))
            return render("deadline.explain.directive", lang, subject=self.subject or "?",
                          issued=issued, due=due, flags=flags)
        if not self.rule_set:  # opinion request with its own reply date
            return render("deadline.explain.opinion_given", lang, subject=self.subject or "?",
                          start_date=format_date(self.counted_from_date), due=due, flags=flags)
        extras = ""
        if x.extension_days:
            extras += render("deadline.explain.extension", lang, days=x.extension_days,
                             unit=self.unit.label(lang, x.extension_days))
        if x.extensions_without_days:
            extras += render("deadline.explain.extension_no_days", lang,
                             n=x.extensions_without_days)
        if x.sent_on is not None:
            extras += render("deadline.explain.receipt" if x.receipt_days else
                             "deadline.explain.receipt_same_day", lang,
                             sent=format_date(x.sent_on), days=x.receipt_days)
        if x.suspended_days and x.suspended_since is None:
            extras += render("deadline.explain.suspension", lang, days=x.suspended_days,
                             unit=self.unit.label(lang, x.suspended_days))
        if x.suspended_since is not None:
            extras += render("deadline.explain.suspended_now", lang,
                             since=format_date(x.suspended_since))
        if x.consultation_date is not None:
            reply_unit = (x.consultation_unit or Unit.CALENDAR_DAYS).label(
                lang, x.consultation_limit)
            received = (render("deadline.explain.that_day", lang)
                        if x.consultation_receipt_days is None else
                        render("deadline.explain.head_receipt" if x.consultation_receipt_days
                               else "deadline.explain.head_receipt_same_day", lang,
                               days=x.consultation_receipt_days))
            extras += render("deadline.explain.consultation", lang,
                             stage=_start_label(x.consultation_stage, lang), received=received,
                             date=format_date(x.consultation_date), reply=x.consultation_limit,
                             reply_unit=reply_unit,
                             reply_article=cited_in(x.consultation_article, lang))
        if x.consultation_skipped:
            extras += render("deadline.explain.consultation_not_due", lang)
        if x.rolled_from is not None:
            extras += render("deadline.explain.rolled", lang, raw=format_date(x.rolled_from))
        article = cited_in(self.article, lang)
        if self.rule_set_title and self.rule_set_title not in article:
            article = f"{article}, {self.rule_set_title}"
        return render("deadline.explain.rule", lang, article=article,
                      limit=self.limit_days - x.extension_days,
                      unit=self.unit.label(lang, self.limit_days - x.extension_days),
                      start=_start_label(self.counted_from, lang, self.subject),
                      start_date=format_date(self.counted_from_date), extras=extras, due=due,
                      flags=flags)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind, "label": self.label("vi"), "case_code": self.case_code,
            "subject": self.subject, "due": self.due.isoformat(),
            "met_on": self.met_on.isoformat() if self.met_on else None,
            "state": self.state.value, "state_label": self.state.label("vi"),
            "status": self.status_text("vi"), "days": self.days, "unit": self.unit.value,
            "rule_set": self.rule_set, "article": self.article, "verify": self.verify,
            "counted_from": self.counted_from,
            "counted_from_date": self.counted_from_date.isoformat(),
            "limit_days": self.limit_days,
            "suspended_since": (self.suspended_since.isoformat()
                                if self.suspended_since else None),
            "explanation": self.explanation("vi"),
        }

    @property
    def severity(self) -> tuple[int, int, int, str, str, str]:
        """Sort key, worst first: overdue by most days, then due soon by fewest days
        remaining, then on time, then met late, then met; ties by due date and case."""
        return (_STATE_RANK[self.state], self.days, self.due.toordinal(),
                self.case_code or "", self.kind, self.subject)


def _start_label(counted_from: str, lang: str, subject: str = "") -> str:
    if counted_from == REQUEST_SENT:
        return render("deadline.start.request_sent", lang, subject=subject or "?")
    if counted_from == HEAD_RECEIVED:
        return render("deadline.start.head_received", lang, subject=subject or "?")
    if counted_from == ISSUED:
        return render("deadline.start.issued", lang)
    try:
        return Stage(counted_from).label(lang)
    except ValueError:
        return counted_from


def state_rank(state: DeadlineState) -> int:
    """The first element of a deadline's severity (0: overdue, the worst)."""
    return _STATE_RANK[state]


def worst_first(deadlines: Iterable[Deadline]) -> list[Deadline]:
    return sorted(deadlines, key=_severity)


def _severity(d: Deadline) -> tuple[int, int, int, str, str, str]:
    return d.severity


# --- limits, resolved once per (rule set, level, complexity) --------------------------

class _Rule:
    """One limit as the engine uses it: resolved for a level, flags precomputed."""

    __slots__ = ("value", "unit", "working", "delta", "article", "verify", "fallback",
                 "counted_from", "receipt_days", "applies_when", "_calendar", "_ends")

    def __init__(self, limit: Limit, fallback: str) -> None:
        assert limit.value is not None   # _resolve keeps limits without a figure out
        self.value: int = limit.value
        self.unit = limit.unit
        self.working = limit.unit is Unit.WORKING_DAYS
        self.delta = timedelta(days=limit.value)
        self.counted_from = limit.counted_from
        self.receipt_days = limit.receipt_days
        self.applies_when = limit.applies_when
        self.article = limit.article
        self.verify = limit.verify or bool(fallback)
        self.fallback = fallback  # the level that had no figure, "" normally
        # start date → (due, rolled_from) under one calendar: a report over many cases
        # meets the same start dates again and again.
        self._calendar: WorkCalendar | None = None
        self._ends: dict[date, tuple[date, date | None, DeadlineDetail]] = {}


def _resolve(rs: RuleSet, key: str, level: InspectingLevel, complexity: str) -> _Rule | None:
    """RuleSet.limit with the fallback the law's gaps need: no figure for the level →
    the Government Inspectorate's, marked so the deadline says so and asks to verify. A
    limit the law sets but whose figure is unknown (value null) gives no date at all —
    never another level's figure — and is listed by missing_figures instead."""
    try:
        found = rs.limit(key, level, complexity)
        return _Rule(found, "") if found.known else None
    except LimitNotFound:
        pass
    if level is InspectingLevel.GOVERNMENT:
        return None
    try:
        found = rs.limit(key, InspectingLevel.GOVERNMENT, complexity)
        return _Rule(found, level.value) if found.known else None
    except LimitNotFound:
        return None


def missing_figures(case: CaseFacts, rules: RuleBook) -> list[Limit]:
    """The limits the law in force for the case sets at its level without a known figure,
    once the event they count from has happened: shown as "chưa có số liệu" beside its
    deadlines, never silently left out (an administrator fills them in the rule file)."""
    basis = _basis(case)
    if basis is None:
        return []
    wanted = InspectingLevel(case.inspecting_level)
    reached = {ev.stage.value for ev in case.events}
    return [per_level[wanted] for _key, per_level in sorted(rules.for_date(basis).limits.items())
            if wanted in per_level and not per_level[wanted].known
            and per_level[wanted].counted_from in reached]


def _basis(case: CaseFacts) -> date | None:
    """The date that chooses the rule set: the decision's, else the first event's."""
    if case.decision_date is not None:
        return case.decision_date
    decided = next((ev.date for ev in case.events if ev.stage is Stage.DECISION), None)
    return decided or (case.events[0].date if case.events else None)


class _Plan:
    """The limits a case of one level and complexity is under in one rule set."""

    __slots__ = ("rule_set", "id", "title", "onsite", "team_report", "draft_assign",
                 "conclusion", "opinion_reply")

    def __init__(self, rs: RuleSet, level: InspectingLevel, complexity: str) -> None:
        self.rule_set, self.id, self.title = rs, rs.id, rs.title
        self.onsite = _resolve(rs, "onsite_duration", level, complexity)
        self.team_report = _resolve(rs, "team_report", level, complexity)   # 45 if complex
        self.draft_assign = (_resolve(rs, "draft_conclusion_assign", level, "normal")
                             if "draft_conclusion_assign" in rs.limits else None)
        self.conclusion = _resolve(rs, "conclusion_signature", level, "normal")
        self.opinion_reply = _resolve(rs, "opinion_reply", level, "normal")


# Keyed by id(rule_set): a RuleSet holds a dict, so it is unhashable. Each entry keeps its
# rule set alive, so an id is never reused while its entry exists, and a reloaded rule
# book simply gets fresh entries. Small: rule sets × levels × complexities.
_PLANS: dict[tuple[int, str, str], _Plan] = {}
_COMPLEXITIES = frozenset(c.value for c in Complexity)


def _plan(rs: RuleSet, level: InspectingLevel | str, complexity: str) -> _Plan:
    key = (id(rs), level, complexity)
    plan = _PLANS.get(key)
    if plan is None:
        grade = complexity if complexity in _COMPLEXITIES else Complexity.NORMAL.value
        plan = _PLANS[key] = _Plan(rs, InspectingLevel(level), grade)
    return plan


# --- arithmetic ------------------------------------------------------------------------

_ONE_DAY = timedelta(days=1)
_ON_TIME, _DUE_SOON, _OVERDUE = DeadlineState.ON_TIME, DeadlineState.DUE_SOON, DeadlineState.OVERDUE
_MET, _MET_LATE = DeadlineState.MET, DeadlineState.MET_LATE


def _end(calendar: WorkCalendar, rule: _Rule, start: date
         ) -> tuple[date, date | None, DeadlineDetail]:
    """(due, rolled_from, detail) of `rule` counted from `start`: the n-th working day
    after it, or start + n calendar days moved to the next working day if that is a day
    off. The detail records the roll, the level fallback and a year the calendar lacks."""
    if rule._calendar is not calendar or len(rule._ends) > _END_CACHE_MAX:
        rule._calendar, rule._ends = calendar, {}
    found = rule._ends.get(start)
    if found is not None:
        return found
    if rule.working:
        due, rolled = calendar.add_working_days(start, rule.value), None
    else:
        raw = start + rule.delta
        due = calendar.next_working_day(raw)
        rolled = None if due == raw else raw
    uncovered = _uncovered(calendar, start, due)
    detail = NO_DETAIL
    if rolled or rule.fallback or uncovered:
        detail = DeadlineDetail(rolled_from=rolled, fallback_level=rule.fallback,
                                uncovered_year=uncovered)
    found = rule._ends[start] = (due, rolled, detail)
    return found


_END_CACHE_MAX = 20_000  # start dates per rule: some 50 years of days


def _state(calendar: WorkCalendar, working: bool, due: date, met: date | None, today: date,
           soon_days: int) -> tuple[DeadlineState, int]:
    """State and signed slack (module docstring); DUE_SOON counts working days always."""
    if met is not None:
        days = calendar.working_days_between(met, due) if working else (due - met).days
        if met <= due:
            return _MET, days
        return _MET_LATE, (days if days < 0 else -1)
    if today > due:
        days = calendar.working_days_between(today, due) if working else (due - today).days
        return _OVERDUE, (days if days < 0 else -1)
    left = calendar.working_days_between(today, due)
    return (_DUE_SOON if left <= soon_days else _ON_TIME), (left if working else
                                                            (due - today).days)


def pending_state(calendar: WorkCalendar, working: bool, due: date, today: date,
                  soon_days: int) -> tuple[DeadlineState, int]:
    """State and slack of a deadline not yet met, from its due date alone (what a
    stored due date needs to be judged on another day)."""
    return _state(calendar, working, due, None, today, soon_days)


def due_soon_until(calendar: WorkCalendar, today: date, soon_days: int) -> date:
    """The last due date that is still "due soon" on `today` (later ones are on time)."""
    day = today
    while calendar.working_days_between(today, day + _ONE_DAY) <= soon_days:
        day += _ONE_DAY
    return day


def moves_with_today(case: CaseFacts) -> bool:
    """Whether the case's on-site due date depends on the day it is judged: an open
    suspension (not resumed) stops the clock until today."""
    open_ = False
    for ev in case.events:
        if ev.stage is _SUSPENDED:
            open_ = True
        elif ev.stage is _RESUMED:
            open_ = False
    return open_


# Bump when a change to this module can move a due date: stored due dates
# (storage.deadline_index) computed by an older engine are then recomputed.
ENGINE_REVISION = 2   # 2: Law 84/2025's consultation only on its grounds


def _uncovered(calendar: WorkCalendar, start: date, due: date) -> int | None:
    """The first year the holiday calendar does not cover (only weekends known there)."""
    if start < calendar.first or start > calendar.last:
        return start.year
    if due > calendar.last or due < calendar.first:
        return due.year
    return None


_new = object.__new__
_set = object.__setattr__


def _mk(kind: str, code: str | None, subject: str, due: date, met: date | None,
        state: DeadlineState, days: int, unit: Unit, rule_set: str, article: str,
        verify: bool, counted_from: str, counted_from_date: date, limit_days: int,
        title: str, detail: DeadlineDetail) -> Deadline:
    """Deadline(...) without the frozen dataclass's per-field __init__: the report over
    100 000 cases builds a few hundred thousand of them (same object, ~3× faster)."""
    d = _new(Deadline)
    _set(d, "__dict__", {
        "kind": kind, "case_code": code, "subject": subject, "due": due, "met_on": met,
        "state": state, "days": days, "unit": unit, "rule_set": rule_set, "article": article,
        "verify": verify, "counted_from": counted_from, "counted_from_date": counted_from_date,
        "limit_days": limit_days, "rule_set_title": title, "detail": detail})
    return d


# --- case stages -----------------------------------------------------------------------

_S = Stage
_EXTENDED, _SUSPENDED, _RESUMED = _S.EXTENDED, _S.SUSPENDED, _S.RESUMED
_ANNOUNCED, _CANCELLED = _S.ANNOUNCED, _S.CANCELLED
_ONSITE_ENDED, _TEAM_REPORT, _DRAFT, _CONCLUDED = (_S.ONSITE_ENDED, _S.TEAM_REPORT, _S.DRAFT,
                                                   _S.CONCLUDED)
# Enum .value is a descriptor call: read the codes once.
_V_ANNOUNCED, _V_ONSITE_ENDED, _V_TEAM_REPORT, _V_DRAFT = (
    _ANNOUNCED.value, _ONSITE_ENDED.value, _TEAM_REPORT.value, _DRAFT.value)
_CONSULTATIONS = frozenset({_S.CONSULTATION, _S.PM_DRAFT_OPINION, _S.PM_ISSUE_OPINION})
_SPECIAL = frozenset({_EXTENDED, _SUSPENDED, _RESUMED}) | _CONSULTATIONS
# A stage not recorded is taken as done by the earliest recorded later stage.
_LATER = {stage: tuple(s for s in Stage if s.rank > stage.rank and s is not _S.CANCELLED)
          for stage in (_S.ONSITE_ENDED, _S.TEAM_REPORT, _S.DRAFT, _S.CONCLUDED)}


def _done_on(first: dict[Stage, date], stage: Stage) -> date | None:
    found = first.get(stage)
    if found is not None:
        return found
    later = [first[s] for s in _LATER[stage] if s in first]
    return min(later) if later else None


def case_deadlines(case: CaseFacts, rules: RuleBook, calendar: WorkCalendar, today: date,
                   soon_days: int = 5) -> list[Deadline]:
    """The stage deadlines of one case, in stage order, met ones included.

    onsite_end from the announcement (extensions added, suspensions shifting it);
    team_report from the end of on-site; draft_assign (only where the rule set has
    Law 84/2025 Art. 34's draft_conclusion_assign) from the team report; conclusion from
    the first draft, but no earlier than the latest consultation after the draft plus the
    opinion-reply limit. No decision date and no announcement: no deadlines. A cancelled
    case keeps only its met deadlines. Limits missing for the case's level fall back to
    the government level (flagged to verify); a limit missing altogether is skipped.
    """
    events = case.events
    first: dict[Stage, date] = {}  # earliest date of each stage
    ext_days = ext_blank = 0
    spans: list[tuple[date, date | None]] = []
    open_since: date | None = None
    consults: list[EventFact] = []
    for ev in events:
        stage = ev.stage
        if stage not in first:
            first[stage] = ev.date
        if stage in _SPECIAL:
            if stage == _EXTENDED:
                if ev.days is None:
                    ext_blank += 1
                else:
                    ext_days += ev.days
            elif stage == _SUSPENDED:
                if open_since is None:
                    open_since = ev.date
            elif stage == _RESUMED:
                if open_since is not None:
                    spans.append((open_since, ev.date))
                    open_since = None
            else:
                consults.append(ev)

    announced = first.get(_ANNOUNCED)
    if case.decision_date is None and announced is None:
        return []
    plan = _plan(rules.for_date(_basis(case) or events[0].date), case.inspecting_level,
                 case.complexity)
    code = case.code
    out: list[Deadline] = []

    ended = first.get(_ONSITE_ENDED)
    reported = first.get(_TEAM_REPORT)
    drafted = first.get(_DRAFT)
    if announced is not None and plan.onsite is not None:
        if open_since is not None:
            spans.append((open_since, None))
        out.append(_onsite(code, plan, calendar, announced, ext_days, ext_blank, spans,
                           ended if ended is not None else _done_on(first, _ONSITE_ENDED),
                           today, soon_days))
    if ended is not None:
        if plan.team_report is not None:
            out.append(_simple(TEAM_REPORT, code, plan, plan.team_report, calendar, ended,
                               _V_ONSITE_ENDED,
                               reported if reported is not None else
                               _done_on(first, _TEAM_REPORT), today, soon_days))
        if reported is not None and plan.draft_assign is not None:
            out.append(_simple(DRAFT_ASSIGN, code, plan, plan.draft_assign, calendar, reported,
                               _V_TEAM_REPORT,
                               drafted if drafted is not None else _done_on(first, _DRAFT),
                               today, soon_days))
    if drafted is not None and plan.conclusion is not None:
        out.append(_conclusion(code, plan, calendar, drafted, consults,
                               _done_on(first, _CONCLUDED), today, soon_days,
                               case.consultation_basis))
    if _CANCELLED in first:
        return [d for d in out if d.met_on is not None]
    return out


def _onsite(code: str, plan: _Plan, calendar: WorkCalendar, announced: date, ext_days: int,
            ext_blank: int, spans: list[tuple[date, date | None]], met: date | None,
            today: date, soon_days: int) -> Deadline:
    """Announcement + duration + extensions, then each suspension that starts on or
    before the (moving) due date pushes it by the days it covered."""
    rule = plan.onsite
    assert rule is not None
    working = rule.working
    total = rule.value + ext_days
    if ext_days:
        raw = (calendar.add_working_days(announced, total) if working
               else announced + timedelta(days=total))
    else:
        raw = _end(calendar, rule, announced)[0] if working else announced + rule.delta
    shifted = 0
    since = None
    for start, end in spans:
        if start > raw or (met is not None and start > met):
            break
        still = end is None and met is None
        if end is None:  # not resumed: stopped until the end of on-site, or still now
            end = met if met is not None else today + _ONE_DAY
        if end <= start:
            continue
        if still:
            since = start
        n = (calendar.working_days_between(start - _ONE_DAY, end - _ONE_DAY) if working
             else (end - start).days)
        if n:
            shifted += n
            raw = (calendar.add_working_days(raw, n) if working else raw + timedelta(days=n))
    if working:
        due, rolled = raw, None
    else:
        due = calendar.next_working_day(raw)
        rolled = None if due == raw else raw
    state, days = _state(calendar, working, due, met, today, soon_days)
    if since is not None and state is _DUE_SOON:
        state = _ON_TIME  # the clock is stopped
    uncovered = _uncovered(calendar, announced, due)
    detail = NO_DETAIL
    if ext_days or ext_blank or shifted or since or rolled or rule.fallback or uncovered:
        detail = DeadlineDetail(extension_days=ext_days, extensions_without_days=ext_blank,
                                suspended_days=shifted, suspended_since=since,
                                rolled_from=rolled, fallback_level=rule.fallback,
                                uncovered_year=uncovered)
    # that suspended time does not count toward the duration is not confirmed by the texts
    # checked (Law 11/2022 Art. 70 gives only the 30 days): a date it moved is to verify
    return _mk(ONSITE_END, code, "", due, met, state, days, rule.unit, plan.id, rule.article,
               rule.verify or uncovered is not None or bool(shifted) or since is not None,
               _V_ANNOUNCED, announced, total,
               plan.title, detail)


def _simple(kind: str, code: str | None, plan: _Plan, rule: _Rule, calendar: WorkCalendar,
            start: date, counted_from: str, met: date | None, today: date,
            soon_days: int, subject: str = "") -> Deadline:
    due, _rolled, detail = _end(calendar, rule, start)
    state, days = _state(calendar, rule.working, due, met, today, soon_days)
    return _mk(kind, code, subject, due, met, state, days, rule.unit, plan.id, rule.article,
               rule.verify or detail.uncovered_year is not None, counted_from, start,
               rule.value, plan.title, detail)


def _conclusion(code: str, plan: _Plan, calendar: WorkCalendar, drafted: date,
                consults: list[EventFact], met: date | None, today: date,
                soon_days: int, grounds: str = "") -> Deadline:
    """Due = the later of draft + conclusion_signature and (latest consultation dated on
    or after the draft, and before the conclusion) + opinion_reply: the consulted body
    has that long to reply, and without a reply the conclusion issues at once
    (desktop/docs/domain.md; Art. 78 Law 11/2022, Art. 36 Law 84/2025)."""
    rule = plan.conclusion
    assert rule is not None
    due, rolled, detail = _end(calendar, rule, drafted)
    verify = rule.verify or detail.uncovered_year is not None
    latest = None
    reply = plan.opinion_reply
    if reply is not None and reply.applies_when and grounds not in reply.applies_when:
        # Law 84/2025 Art. 36: the head is consulted only on these grounds; a case not
        # recorded on one is concluded without waiting for an opinion
        if any(ev.date >= drafted and (met is None or ev.date <= met) for ev in consults):
            detail = detail._replace(consultation_skipped=True)
        reply = None
    if consults and reply is not None:
        for ev in consults:
            if ev.date >= drafted and (met is None or ev.date <= met):
                if latest is None or ev.date >= latest.date:
                    latest = ev
    if latest is not None:
        assert reply is not None
        after, after_rolled, _ = _end(calendar, reply, _received(reply, latest.date))
        if after > due:
            due, rolled = after, after_rolled
        uncovered = _uncovered(calendar, drafted, due)
        verify = verify or reply.verify or uncovered is not None
        detail = DeadlineDetail(consultation_stage=Stage(latest.stage).value,
                                consultation_date=latest.date, consultation_limit=reply.value,
                                consultation_receipt_days=(reply.receipt_days if
                                                           reply.counted_from == HEAD_RECEIVED
                                                           else None),
                                consultation_unit=reply.unit,
                                consultation_article=reply.article, rolled_from=rolled,
                                fallback_level=rule.fallback or reply.fallback,
                                uncovered_year=uncovered)
    state, days = _state(calendar, rule.working, due, met, today, soon_days)
    return _mk(CONCLUSION, code, "", due, met, state, days, rule.unit, plan.id, rule.article,
               verify, _V_DRAFT, drafted, rule.value, plan.title, detail)


# --- opinion requests and directives ---------------------------------------------------

def opinion_deadline(op: OpinionFact, rules: RuleBook, calendar: WorkCalendar, today: date,
                     soon_days: int = 5, decision_date: date | None = None,
                     inspecting_level: InspectingLevel | str = InspectingLevel.GOVERNMENT
                     ) -> Deadline:
    """The reply to a request for opinions: the date written in the request if any, else
    sent + opinion_reply of the rule set in force on decision_date (or on the sent date),
    for `inspecting_level` (all levels have the same 30 days in the shipped sets). Met by
    the answer. Raises LimitNotFound if the rule set has no opinion_reply at all."""
    if op.due is not None:
        due = op.due
        state, days = _state(calendar, False, due, op.answered, today, soon_days)
        return _mk(OPINION_REPLY, op.case_code, op.addressee, due, op.answered, state, days,
                   Unit.CALENDAR_DAYS, "", "", False, REQUEST_SENT, op.sent,
                   (due - op.sent).days, "", NO_DETAIL)
    rs = rules.for_date(decision_date or op.sent)
    plan = _plan(rs, inspecting_level, Complexity.NORMAL.value)
    rule = plan.opinion_reply
    if rule is None:
        raise LimitNotFound(f"rule set {rs.id} has no limit 'opinion_reply'")
    if rule.counted_from != HEAD_RECEIVED:
        return _simple(OPINION_REPLY, op.case_code, plan, rule, calendar, op.sent, REQUEST_SENT,
                       op.answered, today, soon_days, op.addressee)
    if op.received is not None:   # recorded: the law's own start, nothing assumed
        return _simple(OPINION_REPLY, op.case_code, plan, rule, calendar, op.received,
                       HEAD_RECEIVED, op.answered, today, soon_days, op.addressee)
    found = _simple(OPINION_REPLY, op.case_code, plan, rule, calendar,
                    _received(rule, op.sent), HEAD_RECEIVED, op.answered, today, soon_days,
                    op.addressee)
    return replace(found, detail=found.detail._replace(sent_on=op.sent,
                                                       receipt_days=rule.receipt_days))


def _received(rule: _Rule, sent: date) -> date:
    """The day the head received the letter, where the law counts from it: its sent date
    plus the delivery allowance the rule file sets (0: taken as received the same day)."""
    if rule.counted_from != HEAD_RECEIVED:
        return sent
    return sent + timedelta(days=rule.receipt_days)


# one pass over a case's events per call: the dashboard makes ~90 000 of them
_NOT_MILESTONES = frozenset(s for s in Stage if not s.is_milestone)


def stage_limit_deadline(case: CaseFacts, limits: dict[str, int], calendar: WorkCalendar,
                         today: date, soon_days: int = 5) -> Deadline | None:
    """A case still in its current stage (the latest milestone) longer than the calendar
    days an administrator set for that stage (`limits`: stage value → days; 0 or absent:
    none), for stages the law gives no limit (a decision not announced). None when the
    stage has no limit. The due date moves to the next working day."""
    if not limits:
        return None
    current = None   # the latest milestone; of several on that day, the later entry
    for ev in case.events:
        if ev.stage not in _NOT_MILESTONES and (current is None or ev.date >= current.date):
            current = ev
    if current is None:
        return None
    days = limits.get(current.stage.value) or 0
    if days <= 0:
        return None
    due = calendar.next_working_day(current.date + timedelta(days=days))
    state, slack = _state(calendar, False, due, None, today, soon_days)
    return _mk(STAGE_LIMIT, case.code, "", due, None, state, slack,
               Unit.CALENDAR_DAYS, "", "", False, current.stage.value, current.date, days, "",
               NO_DETAIL)


def directive_deadline(d: DirectiveFact, calendar: WorkCalendar, today: date,
                       soon_days: int = 5) -> Deadline | None:
    """None when the directive has no due date or was cancelled. Met by its done date;
    one marked done without a date is taken as done on its due date. Calendar days."""
    if d.due is None or d.status == "cancelled":
        return None
    met = d.done if d.done is not None else (d.due if d.status == "done" else None)
    state, days = _state(calendar, False, d.due, met, today, soon_days)
    start = d.issued or d.due
    return _mk(DIRECTIVE, d.case_code, d.issuer, d.due, met, state, days, Unit.CALENDAR_DAYS,
               "", "", False, ISSUED, start, (d.due - start).days, "", NO_DETAIL)

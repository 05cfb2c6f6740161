"""Event-order validation: may this event be recorded on this case, on this date?

Pure domain (desktop/docs/domain.md, "The life of a case"). The rules are one table, ``RULES``:

* **phase** — the place of a stage in the life of a case. A stage of a later phase may
  not be dated before a recorded stage of an earlier phase, nor the reverse (e.g. a team
  report before the end of on-site, an extension after it, a conclusion before the
  announcement). Stages of the same phase (draft versions, consultations, extensions
  and suspensions) may come in any order among themselves.
* **needs** — at least one of these stages must already be recorded, dated on or before
  the new event (announcement needs the decision; a draft needs the team report or the
  end of on-site; the file is closed after a conclusion or a cancellation…).
* **once** — recorded at most once per case.

On top of the table: no date in the future, no number of days below zero, nothing
before the decision date except information gathering, nothing on or after the day the
file was closed or the case cancelled (except closing a cancelled case's file),
suspensions and resumptions that pair up, and no extension or suspension once the
on-site inspection has ended.

Refusals raise InvalidInput with a "workflow.*" key (desktop.domain.messages_workflow);
the parameters carry stage labels in both languages and dates as dd/mm/yyyy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Sequence

from desktop.domain.dates import format_date
from desktop.domain.deadlines import EventFact
from desktop.domain.errors import InvalidInput
from desktop.domain.stages import Stage

__all__ = ["RULES", "StageRule", "validate_event"]


@dataclass(frozen=True)
class StageRule:
    phase: int
    needs: tuple[Stage, ...] = ()  # any one of them, dated on or before the event
    once: bool = False


S = Stage
RULES: dict[Stage, StageRule] = {
    # stage                     phase  needs (any one of)                  once
    S.GATHERING:        StageRule(0),
    S.DECISION:         StageRule(1, (), once=True),
    S.PLAN_APPROVED:    StageRule(2, (S.DECISION,)),
    S.ANNOUNCED:        StageRule(3, (S.DECISION,), once=True),
    S.EXTENDED:         StageRule(4, (S.ANNOUNCED,)),
    S.SUSPENDED:        StageRule(4, (S.ANNOUNCED,)),
    S.RESUMED:          StageRule(4),                        # pairs with an open suspension
    S.ONSITE_ENDED:     StageRule(5, (S.ANNOUNCED,), once=True),
    S.TEAM_REPORT:      StageRule(6, (S.ONSITE_ENDED,)),
    S.DRAFT:            StageRule(6, (S.TEAM_REPORT, S.ONSITE_ENDED)),
    S.REVIEW:           StageRule(6, (S.DRAFT,)),
    S.CONSULTATION:     StageRule(6, (S.DRAFT,)),
    S.PM_DRAFT_OPINION: StageRule(6, (S.DRAFT,)),
    S.PM_ISSUE_OPINION: StageRule(6, (S.DRAFT,)),
    S.CONCLUDED:        StageRule(7, (S.DRAFT, S.TEAM_REPORT), once=True),
    S.PUBLISHED:        StageRule(8, (S.CONCLUDED,)),
    S.FOLLOW_UP:        StageRule(8, (S.CONCLUDED,)),
    S.CLOSED:           StageRule(9, (S.CONCLUDED, S.CANCELLED), once=True),
    S.CANCELLED:        StageRule(9, (), once=True),
}
assert set(RULES) == set(Stage)

_ONSITE_ONLY = (S.EXTENDED, S.SUSPENDED, S.RESUMED)


def _refuse(key: str, new: EventFact, other: EventFact | None = None, /,
            **params: object) -> InvalidInput:
    stage = Stage(new.stage)
    values: dict[str, object] = {"stage": stage.label("vi"), "stage_en": stage.label("en"),
                                 "date": format_date(new.date)}
    if other is not None:
        other_stage = Stage(other.stage)
        values.update(other=other_stage.label("vi"), other_en=other_stage.label("en"),
                      other_date=format_date(other.date))
    values.update(params)
    return InvalidInput(key, **values)


def validate_event(existing: Sequence[EventFact], new: EventFact, decision_date: date | None,
                   today: date) -> None:
    """Raise InvalidInput if `new` cannot be recorded after `existing` (the case's events
    in date order, ties in entry order); `decision_date` is the case's, if known.
    The new event is taken as entered last, i.e. after existing events of the same day."""
    stage = Stage(new.stage)
    rule = RULES[stage]
    events = [e if isinstance(e.stage, Stage) else EventFact(Stage(e.stage), e.date, e.days)
              for e in existing]

    if new.date > today:
        raise _refuse("workflow.future_date", new, today=format_date(today))
    if new.days is not None and new.days < 0:
        raise _refuse("workflow.negative_days", new, days=new.days)

    # nothing after the end of the file
    for e in events:
        if e.stage is S.CLOSED or (e.stage is S.CANCELLED and stage is not S.CLOSED):
            if stage is S.CANCELLED or new.date >= e.date:
                raise _refuse("workflow.case_final", new, e)
    if rule.once:
        for e in events:
            if e.stage is stage:
                raise _refuse("workflow.duplicate", new, e)

    # nothing before the decision, except gathering information for it
    decision = next((e for e in events if e.stage is S.DECISION), None)
    if decision is None and decision_date is not None:
        decision = EventFact(S.DECISION, decision_date)
    if (decision is not None and rule.phase > RULES[S.DECISION].phase
            and new.date < decision.date):
        raise _refuse("workflow.before_decision", new, decision)

    # predecessors
    if rule.needs:
        candidates = [e for e in events if e.stage in rule.needs]
        if decision is not None and S.DECISION in rule.needs and decision not in candidates:
            candidates.append(decision)
        if not candidates:
            raise _refuse("workflow.missing_predecessor", new, **_needed(rule.needs))
        if all(e.date > new.date for e in candidates):
            earliest = min(candidates, key=lambda e: e.date)
            raise _refuse("workflow.predecessor_later", new, earliest,
                          needed=earliest.stage.label("vi"), needed_en=earliest.stage.label("en"))

    # suspensions and extensions belong to the on-site phase
    if stage in _ONSITE_ONLY:
        _check_onsite(events, new)

    # phases: later stages are not dated before earlier ones, nor the reverse
    for e in events + ([decision] if decision is not None and decision not in events else []):
        other = RULES[e.stage]
        if other.phase < rule.phase and new.date < e.date:
            raise _refuse("workflow.before_other", new, e)
        if other.phase > rule.phase and new.date > e.date:
            raise _refuse("workflow.after_other", new, e)


def _needed(stages: tuple[Stage, ...]) -> dict[str, str]:
    return {"needed": "” hoặc “".join(s.label("vi") for s in stages),
            "needed_en": "” or “".join(s.label("en") for s in stages)}


def _check_onsite(events: list[EventFact], new: EventFact) -> None:
    stage = new.stage
    ended = next((e for e in events if e.stage is S.ONSITE_ENDED), None)
    if ended is not None and (new.date > ended.date or
                              (new.date == ended.date and stage is not S.RESUMED)):
        raise _refuse("workflow.onsite_over", new, ended)
    if stage is S.EXTENDED:
        return
    # Suspensions and resumptions alternate: where does the new one fall?
    open_since: EventFact | None = None
    for e in events:
        if e.stage is S.SUSPENDED or e.stage is S.RESUMED:
            if e.date > new.date:  # inserting before a later one would break the pairs
                raise _refuse("workflow.before_other", new, e)
            if e.stage is S.SUSPENDED:
                open_since = open_since or e
            else:
                open_since = None
    if stage is S.SUSPENDED and open_since is not None:
        raise _refuse("workflow.already_suspended", new, open_since)
    if stage is S.RESUMED and open_since is None:
        raise _refuse("workflow.not_suspended", new)

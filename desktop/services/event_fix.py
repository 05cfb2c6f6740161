"""Correcting a workflow event recorded wrongly: never deleted. A correction (another date
or document) is a new event that names the one it replaces, which is voided; a void
keeps the event with its reason. Either way the reason is required, the current stage,
the derived dates and so the deadlines are recomputed, and the audit keeps both."""

from datetime import date, datetime

from desktop.domain.deadlines import EventFact
from desktop.domain.errors import InvalidInput, NotFound
from desktop.domain.stages import Stage
from desktop.domain.workflow import validate_event
from desktop.services import audit_log, case_access, cases
from desktop.services.cases import EventInfo
from desktop.services.context import VaultSession
from desktop.storage import case_summary, search
from desktop.storage.orm import Case, CaseChange, CaseEvent
from desktop.storage.repos import DbSession


def fix_event(vs: VaultSession, code: str, event_id: int, *, when: date | None = None,
              doc_ref: str | None = None, void: bool = False, reason: str = "") -> EventInfo | None:
    """Void the event, or replace it by one with `when` and/or `doc_ref` changed. Returns
    the replacing event (None for a void)."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("input.reason_required", field="sự kiện / event")
    if not void and when is None and doc_ref is None:
        raise InvalidInput("input.required", field="event_change")
    with vs.uow() as uow:
        session = uow.session
        case = cases.load_case(vs, session, code, load=True, change=True)
        event = next((e for e in case.events if e.id == int(event_id)), None)
        if event is None or event.voided_at is not None:
            raise NotFound("case.event_not_found", id=event_id, code=code)
        now = datetime.now()
        others = [e for e in cases.live_events(case) if e.id != event.id]
        replacement = None
        if not void:
            day = when or event.event_date
            validate_event([EventFact(Stage(e.stage), e.event_date, e.days) for e in others],
                           EventFact(Stage(event.stage), day, event.days), _decision(case, others),
                           date.today())
            replacement = CaseEvent(case_id=case.id, stage=event.stage, event_date=day,
                                    days=event.days, doc_ref=event.doc_ref if doc_ref is None
                                    else doc_ref.strip(), note=event.note,
                                    recorded_by=vs.actor.username, recorded_at=now,
                                    corrects_id=event.id)
            session.add(replacement)
        event.voided_at, event.voided_by, event.void_reason = now, vs.actor.username, reason
        session.flush()
        session.refresh(case, ["events"])
        _decision_follows(session, vs, case, event, reason, now)
        cases.update_current_stage(case)
        case_access.mark_changed(vs, case, now)
        session.flush()
        case_summary.refresh(session, [case.id])
        search.refresh(session, [case.id])
        audit_log.append(session, vs.signer, vs.actor.username,
                         "case.event_void" if void else "case.event_fix", case.code,
                         event=event.id, replaced_by=replacement.id if replacement else None,
                         stage=event.stage)
        uow.commit()
        return cases._event_info(replacement) if replacement else None


def _decision(case: Case, live: list[CaseEvent]) -> date | None:
    found = [e.event_date for e in live if e.stage == Stage.DECISION.value]
    return min(found) if found else None


def _decision_follows(session: DbSession, vs, case: Case, event: CaseEvent,
                      reason: str, now: datetime) -> None:
    """A corrected or voided decision event carries the case's decision date and number
    with it (recorded in the case's history)."""
    if event.stage != Stage.DECISION.value:
        return
    live = cases.live_events(case)
    decided = _decision(case, live)
    number = next((e.doc_ref for e in sorted(live, key=lambda e: (e.event_date, e.id))
                   if e.stage == Stage.DECISION.value), "") if decided else ""
    for field, old, new in (("decision_date", case.decision_date, decided),
                            ("decision_number", case.decision_number, number)):
        if (old or None) != (new or None):
            session.add(CaseChange(case_id=case.id, field=field,
                                   old_value=old.isoformat() if isinstance(old, date) else old or "",
                                   new_value=new.isoformat() if isinstance(new, date) else new or "",
                                   reason=reason, changed_by=vs.actor.username, changed_at=now))
            setattr(case, field, new)

"""Requests for opinions, their reminders, directives and their notes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from desktop.storage.orm import Case, Directive, DirectiveNote, OpinionReminder, OpinionRequest


def reminder_count(session: Session, request_id: int) -> int:
    return session.execute(select(func.count(OpinionReminder.id)).where(
        OpinionReminder.request_id == request_id)).scalar() or 0


def reminders(session: Session, request_id: int) -> list[OpinionReminder]:
    return list(session.execute(select(OpinionReminder).where(
        OpinionReminder.request_id == request_id).order_by(OpinionReminder.sent_date)).scalars())


def notes(session: Session, directive_id: int) -> list[DirectiveNote]:
    return list(session.execute(select(DirectiveNote).where(
        DirectiveNote.directive_id == directive_id).order_by(DirectiveNote.note_date,
                                                             DirectiveNote.id)).scalars())


def _visible(clearance: int) -> ColumnElement[bool]:
    """General ones (no case) and those of cases the clearance reaches."""
    return (Case.level <= clearance) | (Case.id.is_(None))


def requests_with_cases(session: Session, clearance: int
                        ) -> Iterable[tuple[OpinionRequest, str | None, date | None,
                                            str | None, int | None]]:
    """(request, case code, decision date, inspecting level, case level), newest first."""
    query = (select(OpinionRequest, Case.code, Case.decision_date, Case.inspecting_level,
                    Case.level)
             .outerjoin(Case, Case.id == OpinionRequest.case_id).where(_visible(clearance))
             .order_by(OpinionRequest.sent_date.desc(), OpinionRequest.id))
    return session.execute(query)


def reminders_per_request(session: Session) -> dict[int, int]:
    return {k: v for k, v in session.execute(
        select(OpinionReminder.request_id, func.count()).group_by(OpinionReminder.request_id))}


def directives_with_cases(session: Session, clearance: int
                          ) -> Iterable[tuple[Directive, str | None, int | None]]:
    """(directive, case code, case level), latest due first."""
    query = (select(Directive, Case.code, Case.level)
             .outerjoin(Case, Case.id == Directive.case_id).where(_visible(clearance))
             .order_by(Directive.due_date.desc(), Directive.id))
    return session.execute(query)


def notes_per_directive(session: Session) -> dict[int, int]:
    return {k: v for k, v in session.execute(
        select(DirectiveNote.directive_id, func.count()).group_by(DirectiveNote.directive_id))}

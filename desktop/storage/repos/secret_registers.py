"""The state-secret registers' rows: a year's register of one direction, the copy register,
what the yearly statistics count, and the documents whose protection period ends soon."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from desktop.storage.orm import DocumentCopy, DocumentEvent, DocumentRecord


def registered_in(session: Session, direction: str, year: int) -> list[DocumentRecord]:
    """The classified documents of `direction` registered in `year`, in register order."""
    return list(session.execute(
        select(DocumentRecord).where(DocumentRecord.direction == direction,
                                     DocumentRecord.reg_year == year,
                                     DocumentRecord.reg_seq.is_not(None))
        .order_by(DocumentRecord.reg_seq)).scalars())


def copies_with_documents(session: Session, start: date, end: date
                          ) -> Sequence[Row[DocumentCopy, DocumentRecord]]:
    """(copy, its document) of the copies made from `start` to `end`, in order."""
    return session.execute(
        select(DocumentCopy, DocumentRecord)
        .join(DocumentRecord, DocumentRecord.id == DocumentCopy.document_id)
        .where(DocumentCopy.copy_date >= start, DocumentCopy.copy_date <= end)
        .order_by(DocumentCopy.copy_date, DocumentCopy.id)).all()


# --- the yearly statistics (streamed: every classified document of the vault) -------------

def every_registered(session: Session) -> Iterable[DocumentRecord]:
    """Every document with a register number."""
    return session.execute(select(DocumentRecord).where(
        DocumentRecord.reg_seq.is_not(None))).scalars()


def copies_between(session: Session, start: date, end: date) -> Iterable[DocumentCopy]:
    return session.execute(select(DocumentCopy).where(
        DocumentCopy.copy_date >= start, DocumentCopy.copy_date <= end)).scalars()


def events_between(session: Session, start: date, end: date) -> Iterable[DocumentEvent]:
    return session.execute(select(DocumentEvent).where(
        DocumentEvent.event_date >= start, DocumentEvent.event_date <= end)).scalars()


def every_classified(session: Session) -> Iterable[DocumentRecord]:
    """Every document above Thường now (destroyed ones too)."""
    return session.execute(select(DocumentRecord).where(DocumentRecord.level > 0)).scalars()


def first_classifying_event(session: Session, document_id: int) -> DocumentEvent | None:
    """The document's first event that gave it a level above Thường (its classification,
    or the level change that classified it)."""
    return session.execute(select(DocumentEvent).where(
        DocumentEvent.document_id == document_id, DocumentEvent.to_level > 0,
        DocumentEvent.kind.in_(("classified", "level_change")))
        .order_by(DocumentEvent.event_date, DocumentEvent.id).limit(1)).scalar()


# --- protection ending ------------------------------------------------------------------

def protection_ending(session: Session, horizon: date, not_before: date | None = None
                      ) -> list[DocumentRecord]:
    """Classified, not destroyed documents whose protection ends by `horizon` (and not
    before `not_before`, when given), soonest first."""
    query = select(DocumentRecord).where(
        DocumentRecord.level > 0, DocumentRecord.destroyed_at.is_(None),
        DocumentRecord.protection_until.is_not(None),
        DocumentRecord.protection_until <= horizon)
    if not_before is not None:
        query = query.where(DocumentRecord.protection_until >= not_before)
    return list(session.execute(query.order_by(DocumentRecord.protection_until,
                                               DocumentRecord.id)).scalars())

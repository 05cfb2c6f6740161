"""Documents: a record's versions, events and copies, the register's pages and numbers,
the records a search names, the cases a listing shows, and what erasing a content key
asks of SQLite (secure_delete, then a WAL checkpoint)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Engine, and_, delete, func, or_, select, text
from sqlalchemy.orm import Session

from desktop.domain.folding import fold
from desktop.storage import sealed, search
from desktop.storage.orm import (DocumentCopy, DocumentEvent, DocumentRecord, DocumentText,
                                 DocumentVersion)

# --- versions ---------------------------------------------------------------------------

def version_of(session: Session, document_id: int, number: int | None) -> DocumentVersion | None:
    """Version `number` of the document; its latest when `number` is None."""
    query = select(DocumentVersion).where(DocumentVersion.document_id == document_id)
    if number is None:
        query = query.order_by(DocumentVersion.version.desc()).limit(1)
    else:
        query = query.where(DocumentVersion.version == number)
    return session.execute(query).scalar()


def latest_wrapped_version(session: Session, document_id: int) -> DocumentVersion | None:
    """The latest version whose content key is still there (not destroyed)."""
    return session.execute(
        select(DocumentVersion).where(DocumentVersion.document_id == document_id,
                                      DocumentVersion.wrapped_key.is_not(None))
        .order_by(DocumentVersion.version.desc()).limit(1)).scalar()


def last_version_number(session: Session, document_id: int) -> int:
    """The highest version number the document has; 0 for none."""
    return session.execute(select(func.max(DocumentVersion.version))
                           .where(DocumentVersion.document_id == document_id)).scalar() or 0


def versions_of(session: Session, document_id: int) -> list[DocumentVersion]:
    """Every version of the document, in order."""
    return list(session.execute(select(DocumentVersion).where(
        DocumentVersion.document_id == document_id).order_by(DocumentVersion.version)).scalars())


def versions_of_documents(session: Session, document_ids: Sequence[int]
                          ) -> Iterator[DocumentVersion]:
    """Every version of these documents, in no order (500 documents a statement)."""
    for start in range(0, len(document_ids), 500):
        part = list(document_ids[start:start + 500])
        yield from session.execute(select(DocumentVersion).where(
            DocumentVersion.document_id.in_(part))).scalars()


def delete_texts(session: Session, version_ids: Sequence[int]) -> None:
    """The extracted (sealed) text of these versions."""
    session.execute(delete(DocumentText).where(DocumentText.version_id.in_(version_ids))
                    .execution_options(synchronize_session=False))


# --- events and copies ------------------------------------------------------------------

def events_of(session: Session, document_id: int) -> list[DocumentEvent]:
    return list(session.execute(select(DocumentEvent).where(
        DocumentEvent.document_id == document_id)
        .order_by(DocumentEvent.event_date, DocumentEvent.id)).scalars())


def copies_of(session: Session, document_id: int) -> list[DocumentCopy]:
    return list(session.execute(select(DocumentCopy).where(
        DocumentCopy.document_id == document_id)
        .order_by(DocumentCopy.copy_date, DocumentCopy.id)).scalars())


# --- the register -----------------------------------------------------------------------

def last_register_seq(session: Session, direction: str, year: int) -> int:
    """The last number of a year's register of classified documents of `direction`; 0
    before the first. On the server the register is held (to the end of the transaction)
    first, so two clerks registering at once take consecutive numbers, not the same one."""
    if search.on_server(session):
        session.execute(text("SELECT pg_advisory_xact_lock(7470002, hashtext(:d || :y))"),
                        {"d": direction, "y": str(year)})
    return session.execute(select(func.max(DocumentRecord.reg_seq)).where(
        DocumentRecord.direction == direction, DocumentRecord.reg_year == year)).scalar() or 0


def page(session: Session, case_id: int | None = None, include_destroyed: bool = True,
         limit: int | None = None, offset: int = 0) -> list[DocumentRecord]:
    """Documents (of a case, or all), newest first; `limit` of them from `offset`."""
    query = select(DocumentRecord).order_by(DocumentRecord.doc_date.desc(),
                                            DocumentRecord.id.desc())
    if case_id is not None:
        query = query.where(DocumentRecord.case_id == case_id)
    if not include_destroyed:
        query = query.where(DocumentRecord.destroyed_at.is_(None))
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return list(session.execute(query).scalars())


def with_ids(session: Session, document_ids: Collection[int]) -> list[DocumentRecord]:
    """The records of these ids, in no order."""
    return list(session.execute(select(DocumentRecord).where(
        DocumentRecord.id.in_(document_ids))).scalars())


def matching_records(session: Session, words: Sequence[str], clearance: int,
                     exclude: Collection[int], limit: int) -> list[DocumentRecord]:
    """Documents up to `clearance` whose number, summary and issuer (opened, folded) hold
    every one of the folded `words`, newest first, none of `exclude`."""
    haystack = func.hoso_fold(sealed.opened_value(DocumentRecord, "number") + " "
                              + sealed.opened_value(DocumentRecord, "summary") + " "
                              + sealed.opened_value(DocumentRecord, "issuer"))
    query = select(DocumentRecord).where(DocumentRecord.level <= clearance)
    if exclude:
        query = query.where(DocumentRecord.id.not_in(exclude))
    likes = [haystack.like(f"%{word}%") for word in words]
    if search.on_server(session):
        # the server cannot read a sealed number or summary: those rows are matched here,
        # once the session has opened them (the others still in SQL)
        query = query.where(or_(DocumentRecord.sealed.is_not(None), and_(*likes)))
        found = []
        for doc in session.execute(query.order_by(DocumentRecord.doc_date.desc())).scalars():
            text_ = fold(f"{doc.number} {doc.summary} {doc.issuer}")
            if all(word in text_ for word in words):
                found.append(doc)
                if len(found) == limit:
                    break
        return found
    query = query.where(*likes)
    return list(session.execute(query.order_by(DocumentRecord.doc_date.desc())
                                .limit(limit)).scalars())


# --- the cases a listing names ----------------------------------------------------------


# --- erasing content keys ---------------------------------------------------------------

@contextmanager
def secure_delete(session: Session) -> Iterator[None]:
    """SQLite overwrites what the enclosed statements delete or replace with zeros (the
    engine turns this on for every connection; said again here because it matters). On the
    server the content key was wrapped under a level key it never had: nothing to zero."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql("PRAGMA secure_delete=ON")
    yield


def checkpoint(engine: Engine) -> None:
    """Fold the WAL back into the database and truncate it, so the pages that held an
    erased key do not linger in hoso.db-wal. Best effort (a reader may hold it)."""
    if engine.dialect.name != "sqlite":
        return
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception:  # noqa: BLE001
        pass

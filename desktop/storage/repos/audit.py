"""The audit trail's rows: the last one (to chain the next), ranges to verify, a filtered
page to browse."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.storage.orm import AuditRow


def last(session: Session) -> tuple[int, bytes, str] | None:
    """id, hash and time of the newest row; None for an empty trail."""
    row = session.execute(select(AuditRow.id, AuditRow.hash, AuditRow.at)
                          .order_by(AuditRow.id.desc()).limit(1)).first()
    return (row[0], bytes(row[1]), row[2]) if row else None


def rows_after(session: Session, after_id: int = 0) -> Iterable[AuditRow]:
    """Every row past `after_id`, in order (streamed: a trail may be long)."""
    query = select(AuditRow).order_by(AuditRow.id)
    if after_id:
        query = query.where(AuditRow.id > after_id)
    return session.execute(query).scalars()


def hash_of(session: Session, row_id: int) -> bytes | None:
    found = session.execute(select(AuditRow.hash).where(AuditRow.id == row_id)).scalar()
    return bytes(found) if found is not None else None


def newest(session: Session, user: str | None = None, action: str | None = None,
           limit: int = 1000) -> list[AuditRow]:
    """Newest first; `action` matches as a prefix ("document." for every document act)."""
    query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if user:
        query = query.where(AuditRow.username == user)
    if action:
        query = query.where(AuditRow.action.like(f"{action}%"))
    return list(session.execute(query).scalars())

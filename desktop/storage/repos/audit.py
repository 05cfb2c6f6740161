"""The audit trail's rows: the last one (to chain the next), ranges to verify, a filtered
page to browse."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.storage.orm import AuditRow
from desktop.storage.search import on_server


def last(session: Session) -> tuple[int, bytes, str] | None:
    """id, hash and time of the newest row; None for an empty trail."""
    row = session.execute(select(AuditRow.id, AuditRow.hash, AuditRow.at)
                          .order_by(AuditRow.id.desc()).limit(1)).first()
    return (row[0], bytes(row[1]), row[2]) if row else None


def reserve(session: Session) -> tuple[int, bytes | None, str]:
    """The next row's id, the hash it chains to (None: the first row) and its time. On the
    server these come from the server, under a lock held to the end of the transaction,
    and its clock (server_policies: hoso_audit_next)."""
    if on_server(session):
        row = session.execute(text("SELECT id, prev, at FROM hoso_audit_next()")).one()
        prev = bytes(row[1])
        return int(row[0]), (None if prev == bytes(32) else prev), str(row[2])
    found = last(session)
    at = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    return (found[0] + 1, found[1], at) if found else (1, None, at)


def add(session: Session, row: AuditRow) -> None:
    """Store a signed row; on the server through hoso_audit_append, which checks that it
    continues the server's chain and names the signed-in login."""
    if on_server(session):
        session.execute(text("SELECT hoso_audit_append(:id, :at, :user, :action, :target, "
                             ":detail, :key, :hash, :signature)"),
                        {"id": row.id, "at": row.at, "user": row.username, "action": row.action,
                         "target": row.target, "detail": row.detail, "key": row.signer_key,
                         "hash": row.hash, "signature": row.signature})
        return
    session.add(row)
    session.flush()


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

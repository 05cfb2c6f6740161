"""Writing and checking the audit trail. Rows hold who/what/when and counts,
never confidential contents (no titles, no search text)."""

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.security.audit import GENESIS, ChainReport, ChainRow, row_hash, verify_chain
from desktop.storage.orm import AuditRow


def _fields(row_id: int, at: str, username: str, action: str, target: str, detail: str) -> dict:
    return {"id": row_id, "at": at, "user": username, "action": action, "target": target,
            "detail": detail}


def append(session: Session, audit_key: bytes, username: str, action: str, target: str = "",
           **detail: object) -> None:
    """Append one chained row inside the caller's transaction."""
    last = session.execute(select(AuditRow.id, AuditRow.hash).order_by(AuditRow.id.desc())
                           .limit(1)).first()
    row_id, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    at = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    detail_text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
    digest = row_hash(audit_key, prev, _fields(row_id, at, username, action, target, detail_text))
    session.add(AuditRow(id=row_id, at=at, username=username, action=action, target=target,
                         detail=detail_text, prev_hash=prev, hash=digest))
    session.flush()


def verify(session: Session, audit_key: bytes) -> ChainReport:
    rows = session.execute(select(AuditRow).order_by(AuditRow.id)).scalars()
    chain = (ChainRow(r.id, _fields(r.id, r.at, r.username, r.action, r.target, r.detail),
                      r.prev_hash, r.hash) for r in rows)
    return verify_chain(audit_key, chain)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    user: str
    action: str
    target: str
    detail: dict

    def to_json(self) -> dict:
        return {"id": self.id, "at": self.at, "user": self.user, "action": self.action,
                "target": self.target, "detail": self.detail}


def entries(session: Session, user: str | None = None, action: str | None = None,
            limit: int = 1000) -> list[AuditEntry]:
    query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if user:
        query = query.where(AuditRow.username == user)
    if action:
        query = query.where(AuditRow.action.like(f"{action}%"))
    return [AuditEntry(r.id, r.at, r.username, r.action, r.target, json.loads(r.detail or "{}"))
            for r in session.execute(query).scalars()]

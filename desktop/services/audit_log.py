"""Writing and checking the audit trail. Rows hold who/what/when and counts,
never confidential contents (no titles, no search text). Each row is signed by the
account that wrote it (security.audit)."""

import json
from dataclasses import dataclass

from desktop.security.anchors import Anchor
from desktop.security.audit import (GENESIS, ChainReport, ChainRow, Signer, signed_hash,
                                    verify_chain)
from desktop.storage.engine import is_read_only as engine_read_only
from desktop.storage.orm import AuditRow
from desktop.storage.repos import DbSession as Session
from desktop.storage.repos import audit as audit_rows


def _fields(row_id: int, at: str, username: str, action: str, target: str, detail: str,
            signer_key: bytes | None) -> dict:
    fields = {"id": row_id, "at": at, "user": username, "action": action, "target": target,
              "detail": detail}
    if signer_key is not None:
        fields["key"] = signer_key.hex()
    return fields


def append(session: Session, signer: Signer, username: str, action: str, target: str = "",
           **detail: object) -> None:
    """Append one signed, chained row inside the caller's transaction. A vault on
    read-only media cannot take one: reads go unrecorded (the user was told at login),
    writes fail on their own rows."""
    assert username == signer.username, "rows are signed by the account that writes them"
    if engine_read_only(session.get_bind()):
        return
    row_id, chained_to, at = audit_rows.reserve(session)
    prev = chained_to or GENESIS
    detail_text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
    key = signer.public_key
    digest = signed_hash(prev, _fields(row_id, at, username, action, target, detail_text, key))
    audit_rows.add(session, AuditRow(id=row_id, at=at, username=username, action=action,
                                     target=target, detail=detail_text, prev_hash=prev,
                                     hash=digest, signer_key=key,
                                     signature=signer.sign(digest)))


@dataclass(frozen=True)
class AuditTrust:
    """What verification needs: the certified signing keys, and for rows from before
    signatures the old HMAC key (derived from the DB key)."""

    sign_keys: set[tuple[str, bytes]]
    legacy_key: bytes | None
    legacy_rows: int = 0  # rows up to this id may be old-style (the root's signed statement)

    def key_ok(self, user: str, key: bytes) -> bool:
        return (user, key) in self.sign_keys


def _chain_rows(rows):
    return (ChainRow(r.id, _fields(r.id, r.at, r.username, r.action, r.target, r.detail,
                                   r.signer_key), r.prev_hash, r.hash, r.signature)
            for r in rows)


def verify(session: Session, trust: AuditTrust) -> ChainReport:
    rows = audit_rows.rows_after(session)
    return verify_chain(_chain_rows(rows), trust.key_ok, trust.legacy_key, trust.legacy_rows)


def verify_since(session: Session, trust: AuditTrust, anchor: Anchor) -> ChainReport:
    """The rows after an anchor the caller trusts (a login checks only what is new)."""
    rows = audit_rows.rows_after(session, anchor.seq)
    return verify_chain(_chain_rows(rows), trust.key_ok, trust.legacy_key, trust.legacy_rows,
                        start_id=anchor.seq + 1, start_prev=anchor.head)


def head(session: Session) -> Anchor | None:
    """The last row as an anchor (None for an empty trail)."""
    row = audit_rows.last(session)
    return Anchor(*row) if row else None


def reaches(session: Session, anchor: Anchor) -> bool:
    """Does the trail still hold the row an anchor names, with the same hash?"""
    found = audit_rows.hash_of(session, anchor.seq)
    return found is not None and found == anchor.head


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
    return [AuditEntry(r.id, r.at, r.username, r.action, r.target, json.loads(r.detail or "{}"))
            for r in audit_rows.newest(session, user, action, limit)]

"""The audit trail's hash chain: each row carries HMAC(audit key, previous hash ‖ row).

The audit key derives from the DB key, so someone who edits the database file
without the program cannot produce valid hashes; a deleted, edited or reordered
row breaks the chain at that row.
"""

import hmac
import json
from dataclasses import dataclass
from typing import Iterable

from desktop.security.crypto import hkdf, hmac_sha256

GENESIS = bytes(32)


def audit_key(db_key: bytes) -> bytes:
    return hkdf(db_key, b"hoso-audit-v1")


def row_hash(key: bytes, prev_hash: bytes, fields: dict) -> bytes:
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hmac_sha256(key, prev_hash + canonical.encode("utf-8"))


@dataclass(frozen=True)
class ChainRow:
    id: int
    fields: dict
    prev_hash: bytes
    hash: bytes


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows: int
    head: bytes
    broken_at: int | None = None
    why: str = ""


def verify_chain(key: bytes, rows: Iterable[ChainRow]) -> ChainReport:
    prev = GENESIS
    count = 0
    expected_id = None
    for row in rows:
        if expected_id is not None and row.id != expected_id:
            return ChainReport(False, count, prev, row.id, "missing rows before this one")
        if not hmac.compare_digest(row.prev_hash, prev):
            return ChainReport(False, count, prev, row.id, "previous hash does not match")
        if not hmac.compare_digest(row.hash, row_hash(key, prev, row.fields)):
            return ChainReport(False, count, prev, row.id, "row content does not match its hash")
        prev = row.hash
        count += 1
        expected_id = row.id + 1
    return ChainReport(True, count, prev)

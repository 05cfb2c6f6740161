"""The audit trail's chain: each row is hashed over the previous row's hash and signed
with its author's Ed25519 key.

A key everyone holds proves nothing against a user, so rows are signed by the account
that wrote them and checked against that account's certificate. A deleted, edited or
reordered row breaks the chain; a truncated tail is caught by anchors (security.anchors).

Vaults from before signatures have rows chained with an HMAC keyed from the DB key
("legacy" rows). They stay verifiable as they were; the first signed row (the upgrade)
commits to their head, and no legacy row may follow a signed one.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from desktop.security.crypto import hkdf, hmac_sha256, sign, signing_public, verify_signature

GENESIS = bytes(32)
AUDIT_DOMAIN = b"hoso-audit-v2"


def legacy_key(db_key: bytes) -> bytes:
    return hkdf(db_key, b"hoso-audit-v1")


def legacy_hash(key: bytes, prev_hash: bytes, fields: dict[str, Any]) -> bytes:
    return hmac_sha256(key, prev_hash + _canonical(fields))


def signed_hash(prev_hash: bytes, fields: dict[str, Any]) -> bytes:
    return hashlib.sha256(AUDIT_DOMAIN + prev_hash + _canonical(fields)).digest()


def _canonical(fields: dict[str, Any]) -> bytes:
    return json.dumps(fields, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


@dataclass
class Signer:
    """The acting account's signing key: every row it appends is signed with it."""

    username: str
    private_key: bytes

    @property
    def public_key(self) -> bytes:
        return signing_public(self.private_key)

    def sign(self, digest: bytes) -> bytes:
        return sign(self.private_key, AUDIT_DOMAIN, digest)

    def drop(self) -> None:
        self.private_key = b""


@dataclass(frozen=True)
class ChainRow:
    id: int
    fields: dict[str, Any]  # includes "key" (hex) for signed rows
    prev_hash: bytes
    hash: bytes
    signature: bytes | None = None


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows: int
    head: bytes
    broken_at: int | None = None
    why: str = ""
    signed: int = 0


# is this Ed25519 key (raw) certified for this user name?
KeyCheck = Callable[[str, bytes], bool]


def verify_chain(rows: Iterable[ChainRow], key_ok: KeyCheck, legacy: bytes | None,
                 legacy_rows: int = 0, start_id: int | None = None,
                 start_prev: bytes = GENESIS) -> ChainReport:
    """Checks links, hashes and signatures. Old-style (HMAC) rows are accepted only up to
    id `legacy_rows` — a number the caller takes from the root's signed statement, since
    the HMAC key derives from the DB key every user holds. `start_id`/`start_prev` verify
    a tail only (from an anchor the caller already trusts)."""
    prev = start_prev
    count = signed = 0
    expected_id = start_id
    seen_signed = False
    disabled: set[str] = set()  # accounts disabled by an earlier row (their key may live on)
    for row in rows:
        if expected_id is not None and row.id != expected_id:
            return ChainReport(False, count, prev, row.id, "missing rows before this one", signed)
        if not hmac.compare_digest(row.prev_hash, prev):
            return ChainReport(False, count, prev, row.id, "previous hash does not match", signed)
        if row.signature is None:
            if seen_signed or legacy is None or row.id > legacy_rows or not hmac.compare_digest(
                    row.hash, legacy_hash(legacy, prev, row.fields)):
                return ChainReport(False, count, prev, row.id,
                                   "row content does not match its hash", signed)
        else:
            seen_signed = True
            if not hmac.compare_digest(row.hash, signed_hash(prev, row.fields)):
                return ChainReport(False, count, prev, row.id,
                                   "row content does not match its hash", signed)
            try:
                key = bytes.fromhex(row.fields.get("key") or "")
            except ValueError:
                key = b""
            if not verify_signature(key, AUDIT_DOMAIN, row.hash, row.signature):
                return ChainReport(False, count, prev, row.id, "signature does not verify", signed)
            if not key_ok(row.fields.get("user", ""), key):
                return ChainReport(False, count, prev, row.id,
                                   "signed by a key not certified for this user", signed)
            if row.fields.get("user") in disabled:
                return ChainReport(False, count, prev, row.id,
                                   "signed by an account disabled before this row", signed)
            action, target = row.fields.get("action"), row.fields.get("target", "")
            if action == "user.disable":
                disabled.add(target)
            elif action in ("user.enable", "user.reset"):
                disabled.discard(target)
            signed += 1
        prev = row.hash
        count += 1
        expected_id = row.id + 1
    return ChainReport(True, count, prev, signed=signed)

"""Audit anchors and seals: catching a truncated trail or a vault copied back from an
older day.

Each user keeps the last (row, head) they saw in their key slot and in their OS profile
folder. At login the trail must still hold that row with that hash, and the rows after
it must verify; otherwise the vault is older than what the user saw. An administrator can
also export the head ("seal") to paper or removable media and check against it later.
"""

import json
from datetime import datetime, timezone
from pathlib import Path

from desktop.domain.errors import HosoError
from desktop.security import anchors
from desktop.security.anchors import Anchor
from desktop.security.audit import ChainReport, legacy_key
from desktop.security.crypto import sign, signing_public, verify_signature
from desktop.security.vault import save_own_slot
from desktop.services import audit_log, certs
from desktop.services.audit_log import AuditTrust
from desktop.services.context import VaultSession
from desktop.storage.repos import DbSession

SEAL_FORMAT = "hoso-audit-seal"
# rows since the anchor checked at login (~0.1 ms each); a longer tail (a user back after
# months) is left to the full verification, so unlocking stays under a second
TAIL_CHECK_LIMIT = 4000
SEAL_DOMAIN = b"hoso-audit-seal-v1"


def audit_trust(vs: VaultSession, session: DbSession) -> AuditTrust:
    return AuditTrust(certs.certified_sign_keys(vs.trust, session), legacy_key(vs.keys.db_key),
                      vs.trust.legacy_rows)


def verify_in(vs: VaultSession, session: DbSession) -> ChainReport:
    """The whole trail: links, hashes, every signature against the certificates."""
    return audit_log.verify(session, audit_trust(vs, session))


def local_time(at: str) -> str:
    """An audit timestamp (ISO, UTC) as the user reads it: dd/mm/yyyy hh:mm, local time."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def last_seen(vs: VaultSession) -> Anchor | None:
    """The later of the slot's anchor and the profile's."""
    secrets = vs.keys.secrets
    slot = Anchor(secrets.anchor_seq, secrets.anchor_head, secrets.anchor_at) \
        if secrets.anchor_seq else None
    profile, _memory = anchors.read(vs.keys.vault_id, vs.actor.username, vs.signer.public_key)
    if profile is not None and profile.later_than(slot):
        return profile
    return slot


def check_on_open(vs: VaultSession, accept_rollback: bool = False) -> list[str]:
    """Raise "vault.rolled_back" when the trail no longer reaches what this user last saw
    (unless the user accepts it: then it is audited and the anchor moves). Returns
    problems found in the rows since (for the administrator)."""
    seen = last_seen(vs)
    if seen is None:
        return []
    with vs.uow() as uow:
        if not audit_log.reaches(uow.session, seen):
            if not accept_rollback:
                raise HosoError("vault.rolled_back", row=seen.seq, at=local_time(seen.at))
            current = audit_log.head(uow.session)
            audit_log.append(uow.session, vs.signer, vs.actor.username, "vault.rollback_accepted",
                             seen_row=seen.seq, seen_head=seen.head.hex()[:16],
                             current_row=current.seq if current else 0)
            uow.commit()
            save(vs)
            return []
        current = audit_log.head(uow.session)
        if current is None or current.seq - seen.seq > TAIL_CHECK_LIMIT:
            return []
        report = audit_log.verify_since(uow.session, audit_trust(vs, uow.session), seen)
    return [] if report.ok else [f"audit:{report.broken_at}"]


def save(vs: VaultSession) -> None:
    """Move this user's anchors (slot and profile) to the current head."""
    with vs.uow() as uow:
        current = audit_log.head(uow.session)
    if current is None:
        return
    secrets = vs.keys.secrets
    if secrets.anchor_seq != current.seq or secrets.anchor_head != current.head:
        secrets.anchor_seq, secrets.anchor_head, secrets.anchor_at = \
            current.seq, current.head, current.at
        vs.keys.slot_dirty = True
    if vs.trust.seen_changed:
        vs.keys.slot_dirty = True
    if vs.keys.slot_dirty:
        save_own_slot(vs.keys)
        vs.trust.seen_changed = False
    anchors.write(vs.keys.vault_id, vs.actor.username, vs.signer.private_key, current,
                  {"certs": secrets.certs_seen, "levels": secrets.levels_seen})


def recall(keys) -> None:
    """Before trusting anything: what this user has seen, from the profile's signed copy
    too — an older copy of the slot put back must not make it forget a newer certificate
    or level key generation."""
    secrets = keys.secrets
    if not secrets.sign_private:
        return
    _anchor, memory = anchors.read(keys.vault_id, keys.user, signing_public(secrets.sign_private))
    raised = anchors.remember_max(secrets.certs_seen, memory.get("certs", {}))
    raised |= anchors.remember_max(secrets.levels_seen, memory.get("levels", {}), key=int)
    if raised:
        keys.slot_dirty = True


def save_quietly(vs: VaultSession) -> None:
    """At lock or exit: a failure to write the anchor must not keep keys in memory."""
    try:
        save(vs)
    except Exception:  # noqa: BLE001 — best effort; the next session writes it again
        pass


# --- seals ----------------------------------------------------------------------------------

def _seal_message(data: dict) -> bytes:
    return json.dumps([data["vault_id"], data["row"], data["head"], data["at"],
                       data["sealed_by"], data["sealed_at"]]).encode()


def make_seal(vs: VaultSession) -> dict:
    """The current head, signed by the acting user, to keep on paper or removable media."""
    with vs.uow() as uow:
        audit_log.append(uow.session, vs.signer, vs.actor.username, "audit.seal")
        uow.commit()
        current = audit_log.head(uow.session)
    data = {"format": SEAL_FORMAT, "vault_id": vs.keys.vault_id, "row": current.seq,
            "head": current.head.hex(), "at": current.at, "sealed_by": vs.actor.username,
            "sealed_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    data["signature"] = sign(vs.signer.private_key, SEAL_DOMAIN, _seal_message(data)).hex()
    return data


def read_seal(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
        if data.get("format") != SEAL_FORMAT:
            raise ValueError
        int(data["row"]), bytes.fromhex(data["head"]), bytes.fromhex(data["signature"])
        return data
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise HosoError("audit.seal_bad", path=str(path)) from None


def check_seal(vs: VaultSession, data: dict, path: Path) -> bool:
    """True when the trail still holds the sealed row with the sealed head. A seal from
    another vault, or not signed by a certified key of its author, is refused."""
    with vs.uow() as uow:
        trust = audit_trust(vs, uow.session)
        keys = [key for user, key in trust.sign_keys if user == data.get("sealed_by")]
        if data.get("vault_id") != vs.keys.vault_id or not any(
                verify_signature(key, SEAL_DOMAIN, _seal_message(data),
                                 bytes.fromhex(data["signature"])) for key in keys):
            raise HosoError("audit.seal_bad", path=str(path))
        return audit_log.reaches(uow.session, Anchor(int(data["row"]),
                                                     bytes.fromhex(data["head"]), data["at"]))

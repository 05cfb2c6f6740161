"""Level keys: one per classification level, sealed to each cleared user's public key.

A user's clearance *is* the set of level keys they can unseal: lowering it deletes
the sealed copies, raising it needs a granter who holds the keys. Every grant is signed
by the root and every level key's fingerprint too, so a sealed box planted by another
user (a key of their choosing) is refused, and keys are only ever sealed to a public key
taken from a verified certificate, never from the row.
"""

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.domain.errors import PermissionDenied
from desktop.domain.levels import Level
from desktop.security.crypto import DecryptionFailed, seal, unseal
from desktop.services import certs
from desktop.storage.orm import LevelGrant, User


def grant_context(vault_id: str, username: str, level: Level) -> bytes:
    """Associated data of a sealed level key: a copy moved to another row fails to open."""
    return f"hoso-level|{vault_id}|{username}|{int(level)}".encode()


def my_level_keys(vs, session: Session) -> dict[Level, bytes]:
    """Unseal the acting user's level keys (cached for the session until lock). A grant
    without a valid root signature, or whose key does not match the signed fingerprint,
    is left out and reported (vs.trust.problems)."""
    if not vs._level_keys:
        grants = session.execute(select(LevelGrant).where(LevelGrant.user_id == vs.actor.user_id)
                                 ).scalars()
        for grant in grants:
            level = Level(grant.level)
            if level > vs.actor.clearance:
                continue  # a copy left above the certified clearance is not used
            key = None
            if certs.grant_ok(vs.trust, grant, vs.actor.username):
                try:
                    key = unseal(vs.keys.private_key, grant.sealed_key,
                                 grant_context(vs.keys.vault_id, vs.actor.username, level))
                except DecryptionFailed:
                    key = None
            if key is None or not certs.level_key_ok(vs.trust, session, level, key):
                certs._problem(vs.trust, f"grant:{vs.actor.username}/{int(level)}")
                continue
            vs._level_keys[level] = key
    return vs._level_keys


def set_grants(vs, session: Session, user: User, clearance: Level, box_public: bytes) -> None:
    """Make `user`'s sealed level keys match `clearance` (levels 0..clearance), sealed to
    `box_public` (from the user's verified certificate) and signed by the root."""
    mine = my_level_keys(vs, session)
    if any(level not in mine for level in Level if level <= clearance):
        raise PermissionDenied("perm.clearance_above_own", level=clearance.label_vi)
    root_private(vs, session)
    session.execute(delete(LevelGrant).where(LevelGrant.user_id == user.id))
    now = datetime.now()
    for level in Level:
        if level <= clearance:
            grant = LevelGrant(user_id=user.id, level=int(level), granted_by=vs.actor.username,
                               granted_at=now,
                               sealed_key=seal(box_public, mine[level],
                                               grant_context(vs.keys.vault_id, user.username,
                                                             level)))
            certs.sign_grant(vs.trust, grant, user.username)
            session.add(grant)
    user.clearance = int(clearance)


def root_private(vs, session: Session) -> bytes:
    """The root's private key for the acting administrator."""
    if not vs.actor.is_admin:
        raise PermissionDenied("perm.admin_only")
    return certs.root_private(vs.trust, session, vs.actor.username, vs.keys.private_key)

"""Level keys: one per classification level, sealed to each cleared user's public key.

A user's clearance *is* the set of level keys they can unseal: lowering it deletes
the sealed copies, raising it needs a granter who holds the keys.
"""

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.domain.errors import PermissionDenied
from desktop.domain.levels import Level
from desktop.security.crypto import seal, unseal
from desktop.storage.orm import LevelGrant, User


def grant_context(vault_id: str, username: str, level: Level) -> bytes:
    """Associated data of a sealed level key: a copy moved to another row fails to open."""
    return f"hoso-level|{vault_id}|{username}|{int(level)}".encode()


def my_level_keys(vs, session: Session) -> dict[Level, bytes]:
    """Unseal the acting user's level keys (cached for the session until lock)."""
    if not vs._level_keys:
        grants = session.execute(select(LevelGrant).where(LevelGrant.user_id == vs.actor.user_id)
                                 ).scalars()
        for grant in grants:
            level = Level(grant.level)
            vs._level_keys[level] = unseal(vs.keys.private_key, grant.sealed_key,
                                           grant_context(vs.keys.vault_id, vs.actor.username, level))
    return vs._level_keys


def set_grants(vs, session: Session, user: User, clearance: Level) -> None:
    """Make `user`'s sealed level keys match `clearance` (levels 0..clearance)."""
    mine = my_level_keys(vs, session)
    if any(level not in mine for level in Level if level <= clearance):
        raise PermissionDenied("perm.clearance_above_own", level=clearance.label_vi)
    session.execute(delete(LevelGrant).where(LevelGrant.user_id == user.id))
    now = datetime.now()
    for level in Level:
        if level <= clearance:
            session.add(LevelGrant(user_id=user.id, level=int(level), granted_by=vs.actor.username,
                                   granted_at=now,
                                   sealed_key=seal(user.public_key, mine[level],
                                                   grant_context(vs.keys.vault_id, user.username,
                                                                 level))))
    user.clearance = int(clearance)

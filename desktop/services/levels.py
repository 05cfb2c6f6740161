"""Level keys: one per classification level, sealed to each cleared user's public key.

A user's clearance *is* the set of level keys they can unseal: lowering it deletes
the sealed copies, raising it needs a granter who holds the keys. Every grant is signed
by the root and every level key's fingerprint too, so a sealed box planted by another
user (a key of their choosing) is refused, and keys are only ever sealed to a public key
taken from a verified certificate, never from the row.

When someone loses a level (account disabled, clearance lowered) the level is re-keyed
"going forward": a new generation of its key, sealed to everyone still cleared. New
documents use the newest generation; older ones stay under the key they were made with,
which those still cleared keep.
"""

from datetime import datetime

from desktop.domain.errors import PermissionDenied
from desktop.domain.levels import Level, Role
from desktop.security import records
from desktop.security.crypto import DecryptionFailed, random_key, seal, unseal
from desktop.services import certs
from desktop.storage import sealed
from desktop.storage.orm import LevelGrant, User
from desktop.storage.repos import DbSession
from desktop.storage.repos import users as user_rows


def grant_context(vault_id: str, username: str, level: Level, generation: int = 1) -> bytes:
    """Associated data of a sealed level key: a copy moved to another row fails to open."""
    base = f"hoso-level|{vault_id}|{username}|{int(level)}"
    return (base if generation == 1 else f"{base}|{generation}").encode()


def level_key_ring(vs, session: DbSession) -> dict[tuple[Level, int], bytes]:
    """Every generation of every level key the acting user holds (cached until lock).
    A grant without a valid root signature, or whose key does not match the signed
    fingerprint, is left out and reported (vs.trust.problems)."""
    if not vs._level_ring:
        grants = user_rows.grants_of(session, vs.actor.user_id)
        for grant in grants:
            level, generation = Level(grant.level), grant.generation or 1
            if level > vs.actor.clearance:
                continue  # a copy left above the certified clearance is not used
            key = None
            if certs.grant_ok(vs.trust, grant, vs.actor.username):
                try:
                    key = unseal(vs.keys.private_key, grant.sealed_key,
                                 grant_context(vs.keys.vault_id, vs.actor.username, level,
                                               generation))
                except DecryptionFailed:
                    key = None
            if key is None or not certs.level_key_ok(vs.trust, session, level, key, generation):
                certs._problem(vs.trust, f"grant:{vs.actor.username}/{int(level)}")
                continue
            vs._level_ring[(level, generation)] = key
    return vs._level_ring


def my_level_keys(vs, session: DbSession) -> dict[Level, bytes]:
    """The current key of each level the acting user holds: what new content is
    encrypted under. A level whose newest generation the user lacks is left out (a
    deleted newer generation must not send new documents back to an older key)."""
    if not vs._level_keys:
        ring = level_key_ring(vs, session)
        current = certs.current_generations(vs.trust, session)
        seen = vs.keys.secrets.levels_seen
        for (level, generation), key in ring.items():
            newest = max(current.get(int(level), 1), seen.get(int(level), 1))
            if generation == newest:
                vs._level_keys[level] = key
            elif generation > newest:
                certs._problem(vs.trust, f"grant:{vs.actor.username}/{int(level)}")
        for level in {lv for lv, _gen in ring} - set(vs._level_keys):
            # held, but not at the newest generation: a newer one was deleted or withheld
            certs._problem(vs.trust, f"grant:{vs.actor.username}/{int(level)}")
        for level in vs._level_keys:
            generation = current.get(int(level), 1)
            if seen.get(int(level), 1) < generation:
                seen[int(level)] = generation  # remembered in the slot at the next save
                vs.keys.slot_dirty = True
    return vs._level_keys


def install_record_keys(vs) -> None:
    """Hand the keys this user holds to the storage layer, which seals and opens
    classified records with them (storage.sealed); RAM only, dropped at lock."""
    with vs.uow() as uow:
        ring = level_key_ring(vs, uow.session)
        current = my_level_keys(vs, uow.session)
    keys = records.RecordKeys()
    keys.install(vs.keys.vault_id, ring, current)
    sealed.install(vs.engine, keys)


def current_generation(vs, session: DbSession, level: Level) -> int:
    return certs.current_generations(vs.trust, session).get(int(level), 1)


def set_grants(vs, session: DbSession, user: User, clearance: Level, box_public: bytes) -> None:
    """Make `user`'s sealed level keys match `clearance` (every generation of levels
    0..clearance the granter holds), sealed to `box_public` (from the user's verified
    certificate) and signed by the root."""
    mine = my_level_keys(vs, session)
    if any(level not in mine for level in Level if level <= clearance):
        raise PermissionDenied("perm.clearance_above_own", level=clearance.label_vi)
    root_private(vs, session)
    user_rows.delete_grants_of(session, user.id)
    now = datetime.now()
    for (level, generation), key in sorted(level_key_ring(vs, session).items()):
        if level <= clearance:
            _seal_grant(vs, session, user.id, user.username, box_public, level, generation, key,
                        now)
    user.clearance = int(clearance)


def _seal_grant(vs, session: DbSession, user_id: int, username: str, box_public: bytes,
                level: Level, generation: int, key: bytes, now: datetime) -> None:
    grant = LevelGrant(user_id=user_id, level=int(level), generation=generation,
                       granted_by=vs.actor.username, granted_at=now,
                       sealed_key=seal(box_public, key, grant_context(
                           vs.keys.vault_id, username, level, generation)))
    certs.sign_grant(vs.trust, grant, username)
    session.add(grant)


def rekey(vs, session: DbSession, levels: list[Level]) -> dict[Level, int]:
    """A new generation of each level's key, sealed to every active account whose
    certificate clears it. Returns the new generations."""
    root_private(vs, session)
    my_level_keys(vs, session)  # fill the caches before adding to them
    now = datetime.now()
    made: dict[Level, int] = {}
    cleared = []
    for user in user_rows.every(session):
        try:
            cert = certs.account(vs.trust, session, user)
        except Exception:  # noqa: BLE001 — an account without a valid certificate gets nothing
            continue
        if cert.active:
            cleared.append((user, cert))
    for level in sorted(set(levels)):
        if level == Level.THUONG:
            continue  # Thường is not secret: its key only indexes ordinary documents
        generation = current_generation(vs, session, level) + 1
        key = random_key()
        certs.record_level_key(vs.trust, session, level, key, generation)
        for user, cert in cleared:
            if cert.clearance >= level:
                _seal_grant(vs, session, user.id, user.username, cert.box_public, level,
                            generation, key, now)
        vs._level_ring[(level, generation)] = key
        vs._level_keys[level] = key
        vs.keys.secrets.levels_seen[int(level)] = generation
        vs.keys.slot_dirty = True
        made[level] = generation
    keys = records.RecordKeys()
    keys.install(vs.keys.vault_id, vs._level_ring, vs._level_keys)
    sealed.install(vs.engine, keys)
    session.flush()
    return made


def root_private(vs, session: DbSession) -> bytes:
    """The root's private key for the acting administrator."""
    if vs.actor.role is not Role.ADMIN:
        raise PermissionDenied("perm.admin_only")
    return certs.root_private(vs.trust, session, vs.actor.username, vs.keys.private_key)

"""Creating and opening a vault (backups and restores: services/backups.py)."""

import errno
import os
import shutil
from datetime import datetime
from pathlib import Path

from desktop.domain.errors import HosoError, VaultDamaged
from desktop.domain.levels import Level, Role
from desktop.security import vault as vault_files
from desktop.security.audit import Signer
from desktop.security.crypto import new_signing_key, random_key, seal, signing_public
from desktop.security.vault import UnlockedKeys
from desktop.services import anchoring, audit_log, certs, levels, record_sealing, trust_upgrade
from desktop.services.context import Actor, VaultSession
from desktop.services.levels import grant_context
from desktop.storage import db_errors, migrate, opening, presence
from desktop.storage.engine import make_engine
from desktop.storage.orm import LevelGrant, Meta, User
from desktop.storage.repos import DbSession


def create_vault(path: Path, admin: str, password: str, full_name: str = "") -> VaultSession:
    """A new vault: keys, schema, the root of trust, the administrator (certified, cleared
    for every level), level keys with signed fingerprints and signed grants."""
    path = Path(path)
    root_priv, root_pub = new_signing_key()
    keys = vault_files.new_vault_keys(path, admin, password, root_pub)
    created_dir = not path.exists()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        (path / vault_files.BLOBS_NAME).mkdir(mode=0o700, exist_ok=True)
        db_file = vault_files.db_path(path)
        if not db_file.exists():
            os.close(os.open(db_file, os.O_WRONLY | os.O_CREAT, 0o600))
        engine = make_engine(db_file, keys.db_key)
        with _disk_errors(path):
            migrate.upgrade(engine)
            found_register(engine, keys, root_priv, root_pub, full_name)
            keys.keyfile.save(keys.db_key)
        vault_files.make_private(path)   # an existing empty folder keeps its mode otherwise
    except BaseException:
        _remove_partial(path, created_dir)
        raise
    vs = session_for(engine, keys)
    record_sealing.seal_pending(vs)  # nothing to seal yet: clears the migration's mark
    return vs


def found_register(engine: opening.Engine, keys: UnlockedKeys, root_priv: bytes,
                   root_pub: bytes, full_name: str = "") -> None:
    """The records a new register starts with, in one transaction (the caller saves the
    key file after)."""
    with opening.transaction(engine) as session:
        found_records(session, keys, root_priv, root_pub, full_name)


def found_records(session: DbSession, keys: UnlockedKeys, root_priv: bytes,
                  root_pub: bytes, full_name: str = "") -> None:
    """The root of trust, the administrator (certified, cleared for every level), level
    keys with signed fingerprints and signed grants, the first audit row."""
    admin = keys.user
    now = datetime.now()
    state = certs.TrustState(keys.vault_id, 1, root_pub, root_priv,
                             certs_seen=keys.secrets.certs_seen)
    signer = Signer(admin, keys.secrets.sign_private)
    session.add_all([Meta(key="vault_id", value=keys.vault_id),
                     Meta(key="created", value=keys.keyfile.created),
                     certs.new_root_row(state, admin)])
    user = User(username=admin, full_name=full_name or admin, role=Role.ADMIN.value,
                clearance=int(Level.TUYET_MAT), public_key=keys.public_key,
                must_change_password=False, created_at=now)
    session.add(user)
    session.flush()
    certs.issue(state, session, user, signer.public_key, admin)
    certs.seal_root_to(state, session, admin, keys.public_key)
    for level in Level:
        level_key = random_key()
        certs.record_level_key(state, session, level, level_key)
        grant = LevelGrant(user_id=user.id, level=int(level), granted_by=admin,
                           granted_at=now,
                           sealed_key=seal(keys.public_key, level_key,
                                           grant_context(keys.vault_id, admin, level)))
        certs.sign_grant(state, grant, admin)
        session.add(grant)
    audit_log.append(session, signer, admin, "vault.create", keys.vault_id,
                     root=state.fingerprint)
    session.flush()


def open_vault(path: Path, user: str | None, password: str,
               accept_rollback: bool = False, read_only: bool = False) -> VaultSession:
    path = Path(path)
    keys = vault_files.unlock(path, user, password)
    return open_with_keys(keys, accept_rollback, read_only)


def open_with_keys(keys: UnlockedKeys, accept_rollback: bool = False,
                   read_only: bool = False) -> VaultSession:
    """read_only: open for reading whatever the media (a backup being checked is not
    changed by its check); a vault on read-only media is always opened so."""
    path = keys.vault_dir
    db_file = vault_files.db_path(path)
    if not db_file.exists():
        raise VaultDamaged("vault.db_damaged", path=str(db_file))
    if db_file.stat().st_size < 1024:
        # SQLite would happily treat an empty file as a new, empty database
        raise VaultDamaged("vault.db_damaged", path=str(db_file))
    read_only = read_only or vault_files.is_read_only(path)
    if not read_only:
        vault_files.make_private(path)
    engine = make_engine(db_file, keys.db_key, read_only=read_only)
    try:
        opening.probe(engine)
        if migrate.current_revision(engine) is None:
            raise VaultDamaged("vault.db_damaged", path=str(db_file))
        if read_only and migrate.pending(engine):
            raise HosoError("vault.read_only_upgrade", path=str(path))
        if migrate.pending(engine):   # a newer program: the vault as it was is kept first
            from desktop.services import backups
            backups.before_upgrade(keys, engine)
        migrate.upgrade(engine, str(db_file))
        vault_id = opening.vault_id(engine)
    except Exception as exc:
        if db_errors.kind(exc) is None:   # not the database's: as it came
            raise
        engine.dispose()
        raise VaultDamaged("vault.db_damaged", path=str(db_file)) from exc
    if vault_id != keys.vault_id:
        engine.dispose()
        raise VaultDamaged("vault.db_mismatch", path=str(db_file))
    try:
        upgraded = "" if read_only else trust_upgrade.upgrade_if_needed(engine, keys)
    except BaseException:
        engine.dispose()
        raise
    vs = open_on(engine, keys, accept_rollback, read_only)
    vs.upgraded_backup = upgraded
    if not read_only:
        vs.presence = presence.register(path, vs.actor.username)
    return vs


def open_on(engine: opening.Engine, keys: UnlockedKeys, accept_rollback: bool = False,
            read_only: bool = False) -> VaultSession:
    """The session over a register's database whose schema is current and whose key file
    `keys` were unlocked from (a vault's file or a department server): who the user is, as
    their certificate says; the audit anchor checked; the login audited."""
    try:
        anchoring.recall(keys)
        vs = session_for(engine, keys)
        problems = anchoring.check_on_open(vs, accept_rollback)
    except BaseException:
        engine.dispose()
        raise
    vs.trust.problems.extend(problems)
    if vs.actor.is_admin:
        # the administrator is told at once of every record that fails its check
        with vs.uow() as uow:
            for item in certs.check_all(vs.trust, uow.session):
                certs._problem(vs.trust, item)
    if read_only:   # reading only: nothing to seal, nobody to tell, no audit row possible
        vs.read_only = True
        return vs
    record_sealing.seal_pending(vs)
    with vs.uow() as uow:
        # every failed attempt since the last login, with its time, by the account it hit
        for attempted_at in keys.failed_times:
            audit_log.append(uow.session, vs.signer, vs.actor.username, "session.failed",
                             vs.actor.username, attempted_at=attempted_at)
        if keys.attempts_tampered:
            audit_log.append(uow.session, vs.signer, vs.actor.username, "attempts.tampered",
                             vs.actor.username)
            vs.trust.problems.append(f"attempts:{vs.actor.username}")
        audit_log.append(uow.session, vs.signer, vs.actor.username, "session.open",
                         failed_attempts_before=keys.failed_before)
        uow.commit()
    return vs


def session_for(engine, keys: UnlockedKeys) -> VaultSession:
    """The acting user as their certificate says, checked back to the root pinned in
    their slot. A row edited behind the program's back does not change who they are."""
    try:
        with opening.reading(engine) as session:
            if not keys.secrets.root_public or not keys.secrets.sign_private:
                raise HosoError("trust.not_enrolled", user=keys.user)
            state = certs.load_trust(session, keys.vault_id, keys.secrets.root_generation,
                                     keys.secrets.root_public)
            state.certs_seen = keys.secrets.certs_seen  # one dict: what is seen is kept
            user, cert = certs.account_by_name(state, session, keys.user)
            if cert.box_public != keys.public_key or cert.sign_public != signing_public(
                    keys.secrets.sign_private):
                # the certificate is for other keys: an older slot or a planted one
                raise HosoError("trust.account_bad", user=keys.user)
            if cert.valid_until and cert.valid_until < certs.now_iso():
                raise HosoError("trust.account_expired", user=keys.user)
    except BaseException:
        engine.dispose()
        raise
    if not cert.active:
        engine.dispose()
        raise HosoError("vault.user_disabled", user=keys.user)
    if state.generation != keys.secrets.root_generation:
        # follow a rotation: pin the newer root (reached through signed links)
        keys.secrets.root_generation, keys.secrets.root_public = state.generation, state.root_public
        vault_files.save_own_slot(keys)
    actor = Actor(user.id, user.username, cert.full_name, Role(cert.role), Level(cert.clearance),
                  user.must_change_password)
    vs = VaultSession(engine=engine, keys=keys, actor=actor,
                      signer=Signer(keys.user, keys.secrets.sign_private), trust=state)
    try:
        levels.install_record_keys(vs)
    except BaseException:
        engine.dispose()
        raise
    return vs


# --- helpers ---------------------------------------------------------------------------

class _disk_errors:
    """Turn "disk full"/"read-only" into one clear message naming the place."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is None:
            return False
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EROFS, errno.EACCES,
                                                      errno.EDQUOT):
            raise HosoError("vault.disk_full", path=str(self.path)) from exc
        if db_errors.out_of_room(exc):
            raise HosoError("vault.disk_full", path=str(self.path)) from exc
        return False


def _remove_partial(path: Path, created_dir: bool) -> None:
    """Undo a half-made vault or backup: only what this call created."""
    if created_dir:
        shutil.rmtree(path, ignore_errors=True)
        return
    for name in (vault_files.DB_NAME, vault_files.DB_NAME + "-wal", vault_files.DB_NAME + "-shm",
                 vault_files.KEYS_NAME, vault_files.BLOBS_NAME):
        target = path / name
        if target.is_dir():
            shutil.rmtree(target, ignore_errors=True)
        elif target.exists():
            target.unlink()


def others_using(vs: VaultSession, lang: str = "vi") -> list[str]:
    """The other programs that have this vault open now (user, machine, since)."""
    return [h.describe(lang) for h in presence.others(vs.vault_dir)]


def is_vault(path: Path) -> bool:
    return vault_files.keys_path(Path(path)).exists()


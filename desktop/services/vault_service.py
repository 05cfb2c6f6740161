"""Creating, opening, backing up and restoring a vault."""

import errno
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import sqlalchemy.exc
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import HosoError, VaultDamaged
from desktop.domain.levels import Level, Role
from desktop.security import vault as vault_files
from desktop.security.audit import audit_key as derive_audit_key
from desktop.security.crypto import random_key, seal
from desktop.security.keyfile import atomic_write
from desktop.security.vault import UnlockedKeys
from desktop.services import audit_log
from desktop.services.context import Actor, VaultSession
from desktop.services.levels import grant_context
from desktop.storage import migrate
from desktop.storage.engine import make_engine
from desktop.storage.orm import LevelGrant, Meta, User


def create_vault(path: Path, admin: str, password: str, full_name: str = "") -> VaultSession:
    """A new vault: keys, schema, the administrator (cleared for every level), level keys."""
    path = Path(path)
    keys = vault_files.new_vault_keys(path, admin, password)
    created_dir = not path.exists()
    try:
        path.mkdir(parents=True, exist_ok=True)
        (path / vault_files.BLOBS_NAME).mkdir(exist_ok=True)
        engine = make_engine(vault_files.db_path(path), keys.db_key)
        with _disk_errors(path):
            migrate.upgrade(engine)
            now = datetime.now()
            with engine.begin() as conn:
                session = Session(bind=conn)
                session.add_all([Meta(key="vault_id", value=keys.vault_id),
                                 Meta(key="created", value=keys.keyfile.created)])
                user = User(username=admin, full_name=full_name or admin, role=Role.ADMIN.value,
                            clearance=int(Level.TUYET_MAT), public_key=keys.public_key,
                            must_change_password=False, created_at=now)
                session.add(user)
                session.flush()
                for level in Level:
                    session.add(LevelGrant(
                        user_id=user.id, level=int(level), granted_by=admin, granted_at=now,
                        sealed_key=seal(keys.public_key, random_key(),
                                        grant_context(keys.vault_id, admin, level))))
                audit_key = derive_audit_key(keys.db_key)
                audit_log.append(session, audit_key, admin, "vault.create", keys.vault_id)
                session.flush()
            keys.keyfile.save(keys.db_key)
    except BaseException:
        _remove_partial(path, created_dir)
        raise
    return _session_for(engine, keys, audit_key)


def open_vault(path: Path, user: str | None, password: str) -> VaultSession:
    path = Path(path)
    keys = vault_files.unlock(path, user, password)
    return open_with_keys(keys)


def open_with_keys(keys: UnlockedKeys) -> VaultSession:
    path = keys.vault_dir
    db_file = vault_files.db_path(path)
    if not db_file.exists():
        raise VaultDamaged("vault.db_damaged", path=str(db_file))
    if db_file.stat().st_size < 1024:
        # SQLite would happily treat an empty file as a new, empty database
        raise VaultDamaged("vault.db_damaged", path=str(db_file))
    engine = make_engine(db_file, keys.db_key)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        if migrate.current_revision(engine) is None:
            raise VaultDamaged("vault.db_damaged", path=str(db_file))
        migrate.upgrade(engine, str(db_file))
        with engine.connect() as conn:
            vault_id = conn.execute(select(Meta.value).where(Meta.key == "vault_id")).scalar()
    except sqlalchemy.exc.DatabaseError as exc:
        engine.dispose()
        raise VaultDamaged("vault.db_damaged", path=str(db_file)) from exc
    if vault_id != keys.vault_id:
        engine.dispose()
        raise VaultDamaged("vault.db_mismatch", path=str(db_file))
    vs = _session_for(engine, keys, derive_audit_key(keys.db_key))
    with vs.uow() as uow:
        audit_log.append(uow.session, vs.audit_key, vs.actor.username, "session.open",
                         failed_attempts_before=keys.failed_before)
        uow.commit()
    return vs


def _session_for(engine, keys: UnlockedKeys, audit_key: bytes) -> VaultSession:
    with Session(engine) as session:
        user = session.execute(select(User).where(User.username == keys.user)).scalar()
    if user is None:
        engine.dispose()
        raise HosoError("vault.no_user", user=keys.user)
    if not user.active:
        engine.dispose()
        raise HosoError("vault.user_disabled", user=keys.user)
    actor = Actor(user.id, user.username, user.full_name, Role(user.role), Level(user.clearance),
                  user.must_change_password)
    return VaultSession(engine=engine, keys=keys, actor=actor, audit_key=audit_key)


# --- backup and restore ----------------------------------------------------------------

def backup(vs: VaultSession, dest: Path) -> Path:
    """An encrypted, consistent copy through SQLite's online backup API (never a file copy):
    dest/ gets hoso.db (same key), keys.json and blobs/."""
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise HosoError("vault.exists", path=str(dest))
    created = not dest.exists()
    try:
        with _disk_errors(dest):
            dest.mkdir(parents=True, exist_ok=True)
            with vs.uow() as uow:
                audit_log.append(uow.session, vs.audit_key, vs.actor.username, "vault.backup",
                                 str(dest))
                uow.commit()
            _copy_vault(vs.keys.db_key, vs.vault_dir, dest)
    except BaseException:
        _remove_partial(dest, created)
        raise
    return dest


def restore(src: Path, dest: Path, user: str | None, password: str) -> VaultSession:
    """Check a backup (password, integrity, audit chain), then copy it into a new vault dir."""
    src, dest = Path(src), Path(dest)
    if not vault_files.keys_path(src).exists() or not vault_files.db_path(src).exists():
        raise HosoError("backup.not_backup", path=str(src))
    source = open_vault(src, user, password)
    try:
        with source.engine.connect() as conn:
            result = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
        if result != "ok":
            raise VaultDamaged("vault.db_damaged", path=str(vault_files.db_path(src)))
        with source.uow() as uow:
            report = audit_log.verify(uow.session, source.audit_key)
        if not report.ok:
            raise HosoError("audit.broken", row=report.broken_at, why=report.why)
        key = source.keys.db_key
    finally:
        source.engine.dispose()
    if dest.exists() and any(dest.iterdir()):
        raise HosoError("vault.exists", path=str(dest))
    created = not dest.exists()
    try:
        with _disk_errors(dest):
            dest.mkdir(parents=True, exist_ok=True)
            _copy_vault(key, src, dest)
    except BaseException:
        _remove_partial(dest, created)
        raise
    restored = open_vault(dest, user, password)
    with restored.uow() as uow:
        audit_log.append(uow.session, restored.audit_key, restored.actor.username,
                         "vault.restore", str(src))
        uow.commit()
    return restored


def _copy_vault(db_key: bytes, src: Path, dest: Path) -> None:
    """Database through the backup API (consistent even while in use), key file, blobs
    (already ciphertext)."""
    _copy_database(db_key, vault_files.db_path(src), vault_files.db_path(dest))
    atomic_write(vault_files.keys_path(dest), vault_files.keys_path(src).read_bytes())
    blobs = src / vault_files.BLOBS_NAME
    if blobs.is_dir():
        shutil.copytree(blobs, dest / vault_files.BLOBS_NAME)
    else:
        (dest / vault_files.BLOBS_NAME).mkdir()


def _copy_database(db_key: bytes, src: Path, dest: Path) -> None:
    import sqlcipher3
    pragma = f"PRAGMA key = \"x'{db_key.hex()}'\""
    source = sqlcipher3.connect(str(src))
    target = sqlcipher3.connect(str(dest))
    try:
        source.execute(pragma)
        target.execute(pragma)
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()


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
        message = str(exc).lower()
        if isinstance(exc, (sqlalchemy.exc.OperationalError, sqlite3.OperationalError)) and (
                "disk is full" in message or "readonly" in message or "disk i/o" in message):
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


def is_vault(path: Path) -> bool:
    return vault_files.keys_path(Path(path)).exists()


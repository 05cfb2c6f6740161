"""Backups and restores that are either whole and verified or not there at all.

A copy is assembled in a hidden folder beside its destination (".NAME.XXXX.hoso-part",
private, with an INCOMPLETE marker), every file is fsynced, the copy is verified — each
database page read back, each document file's bytes hashed again and compared with what
was read from the source, the key file's MAC — and only then is the marker removed and the
folder renamed into place. A killed backup leaves a part folder that restore refuses and
the next backup into that folder sweeps; never a partial backup that looks whole.

A backup first checks the source (pages, document files' headers and sizes, key file) and
refuses a damaged vault, naming what is damaged: a copy of the damage would be useless
and would push the last good backup out of the rotation. A restore checks the backup
completely (pages, audit chain, every document file it can open, key file) before
copying it."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.domain.errors import HosoError
from desktop.security import vault as vault_files
from desktop.security.blobs import TEMP_SUFFIX
from desktop.services import audit_log, integrity
from desktop.services.context import VaultSession
from desktop.storage import opening, vault_file
from desktop.security.crypto import file_sha256

PART_SUFFIX = ".hoso-part"
MANIFEST = "backup.json"
INCOMPLETE = "INCOMPLETE"
_SWEEP_AFTER_S = 600     # a part folder this old is a killed copy's, not one being written
_IO = 1024 * 1024


def backup(vs: VaultSession, dest: Path, reason: str = "manual",
           now: datetime | None = None) -> Path:
    """A verified, encrypted copy of the open vault in `dest` (new or empty)."""
    if vs.server:   # the server's administrator backs it up (pg_dump, pg_basebackup)
        raise HosoError("server.vault_only")
    dest = Path(dest)
    _refuse_non_empty(dest)
    with vs.uow() as uow:
        found, _f, _s = integrity.blob_findings(vs, uow.session, full=False)
    found += integrity.database_findings(vs.keys.db_key, vault_files.db_path(vs.vault_dir))[0]
    found += integrity.keyfile_findings(vs.vault_dir, vs.keys.db_key)
    found = [f for f in found if f.part != integrity.NOTICE]
    if found:
        raise HosoError("backup.source_damaged", first=found[0].message("vi"),
                        first_en=found[0].message("en"))
    with vs.uow() as uow:   # the copy holds its own record
        audit_log.append(uow.session, vs.signer, vs.actor.username, "vault.backup", str(dest),
                         reason=reason)
        uow.commit()
    copy_vault(vs.keys.db_key, vs.vault_dir, dest, {
        "vault_id": vs.keys.vault_id, "made_by": vs.actor.username, "reason": reason,
        "made_at": (now or datetime.now()).replace(microsecond=0).isoformat()})
    return dest


# --- automatic, rotating backups ---------------------------------------------------------------

AUTO_PREFIX = "hoso-tu-dong-"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime | None
    reason: str        # daily | upgrade | manual | "" (made by an older version)
    state: str         # verified | incomplete | unknown (no manifest to check against)
    automatic: bool


def automatic(vs: VaultSession, reason: str = "daily", now: datetime | None = None) -> Path | None:
    """A backup into the administrator's folder: "daily" once a day (the first unlock),
    "upgrade" before a schema upgrade; then the oldest automatic ones beyond the number
    to keep are removed. None when no folder is set or today's backup exists."""
    if vs.server:
        return None
    from desktop.services import settings
    with vs.uow() as uow:
        folder = settings.get(uow.session, "backup_folder")
        keep = settings.get(uow.session, "backup_keep")
    if not folder:
        return None
    folder, now = Path(folder), now or datetime.now()
    mine = [b for b in list_backups(folder, vs.keys.vault_id) if b.automatic]
    if reason == "daily" and any(b.state == "verified" and b.made_at and
                                 b.made_at.date() == now.date() for b in mine):
        return None
    dest = backup(vs, folder / f"{AUTO_PREFIX}{now:%Y%m%d-%H%M%S}", reason, now)
    rotate(folder, vs.keys.vault_id, keep)
    return dest


def before_upgrade(keys, engine) -> Path:
    """The vault as it was, before a newer program changes its schema: into the backup
    folder when one is set, else beside the vault."""
    folder = opening.backup_folder(engine)
    now = datetime.now()
    dest = (Path(folder) / f"{AUTO_PREFIX}truoc-nang-cap-{now:%Y%m%d-%H%M%S}" if folder else
            keys.vault_dir.parent / f"{keys.vault_dir.name}-truoc-nang-cap-{now:%Y%m%d-%H%M%S}")
    copy_vault(keys.db_key, keys.vault_dir, dest, {
        "vault_id": keys.vault_id, "made_by": keys.user, "reason": "upgrade",
        "made_at": now.replace(microsecond=0).isoformat()})
    return dest


def list_backups(folder: Path, vault_id: str | None = None) -> list[BackupInfo]:
    """The backups in `folder` (of this vault when vault_id is given), newest first."""
    found = []
    folder = Path(folder)
    for path in folder.iterdir() if folder.is_dir() else []:
        if not path.is_dir() or not vault_files.keys_path(path).exists():
            continue
        note = _read_manifest(path)
        if vault_id and note.get("vault_id", vault_id) != vault_id:
            continue
        try:
            made = datetime.fromisoformat(note["made_at"]) if note.get("made_at") else \
                datetime.fromtimestamp(path.stat().st_mtime)
        except (ValueError, OSError):
            made = None
        state = ("incomplete" if (path / INCOMPLETE).exists() or path.name.endswith(PART_SUFFIX)
                 else "verified" if note.get("files") is not None else "unknown")
        found.append(BackupInfo(path, made, str(note.get("reason", "")), state,
                                path.name.startswith(AUTO_PREFIX)))
    return sorted(found, key=lambda b: b.made_at or datetime.min, reverse=True)


def rotate(folder: Path, vault_id: str, keep: int) -> list[Path]:
    """Remove this vault's automatic backups beyond the newest `keep` verified ones."""
    removed = []
    verified = [b for b in list_backups(folder, vault_id) if b.automatic and b.state == "verified"]
    for old in verified[max(1, keep):]:
        shutil.rmtree(old.path, ignore_errors=True)
        removed.append(old.path)
    sweep_parts(folder)
    return removed


def recheck(db_key: bytes, path: Path) -> list[integrity.Finding]:
    """A backup checked again without opening it: every page, and every file against the
    size and SHA-256 its manifest recorded when it was made and verified."""
    path = Path(path)
    if (path / INCOMPLETE).exists():
        return [integrity.Finding("database", "integrity.unreadable",
                                  {"path": str(path), "detail": "INCOMPLETE"})]
    found = integrity.database_findings(db_key, vault_files.db_path(path))[0]
    files = _read_manifest(path).get("files") or {}
    for rel, (size, digest) in sorted(files.items()):
        target = path / vault_files.BLOBS_NAME / rel
        if not target.is_file() or target.stat().st_size != size or file_sha256(target) != digest:
            found.append(integrity.Finding("documents", "integrity.copy_differs",
                                           {"path": str(target)}))
    return found


def _write_manifest(part: Path, manifest: dict, digests: dict[str, str]) -> None:
    blobs = part / vault_files.BLOBS_NAME
    data = dict(manifest, files={rel: [(blobs / rel).stat().st_size, digest]
                                 for rel, digest in digests.items()})
    fd = os.open(part / MANIFEST, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)


def _read_manifest(path: Path) -> dict:
    try:
        data = json.loads((Path(path) / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def restore(src: Path, dest: Path, user: str | None, password: str) -> VaultSession:
    """Check a backup completely (password, pages, audit chain, document files, key file),
    then copy it into a new vault folder."""
    from desktop.services import vault_service
    src, dest = Path(src), Path(dest)
    if not vault_files.keys_path(src).exists() or not vault_files.db_path(src).exists():
        raise HosoError("backup.not_backup", path=str(src))
    if (src / INCOMPLETE).exists():
        raise HosoError("backup.incomplete", path=str(src))
    _refuse_non_empty(dest)
    # a restore goes back in time by design: the user's newer anchors are expected
    # (read only: checking a backup must not change it — no audit row, no presence file)
    source = vault_service.open_vault(src, user, password, accept_rollback=True, read_only=True)
    try:
        report = integrity.check(source, slots=False)
        key = source.keys.db_key
    finally:
        source.engine.dispose()
    if not report.ok:
        first = report.problems[0]
        raise HosoError("backup.damaged", path=str(src), first=first.message("vi"),
                        first_en=first.message("en"))
    copy_vault(key, src, dest)
    restored = vault_service.open_vault(dest, user, password, accept_rollback=True)
    with restored.uow() as uow:
        audit_log.append(uow.session, restored.signer, restored.actor.username,
                         "vault.restore", str(src))
        uow.commit()
    return restored


# --- the copy -------------------------------------------------------------------------------

def copy_vault(db_key: bytes, src: Path, dest: Path, manifest: dict | None = None) -> None:
    """Copy a vault folder into `dest` (new or empty), atomically and verified; a failure or
    a kill leaves no folder that looks like a vault. With `manifest`, the copy holds a
    backup.json: it plus the size and SHA-256 of every file, so the backup can be checked
    again later without opening it (recheck)."""
    from desktop.services.vault_service import _disk_errors
    src, dest = Path(src), Path(dest)
    _refuse_non_empty(dest)
    part = None
    try:
        with _disk_errors(dest):
            dest.parent.mkdir(parents=True, exist_ok=True)
            sweep_parts(dest.parent)
            part = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=PART_SUFFIX,
                                         dir=dest.parent))
            (part / INCOMPLETE).write_bytes(b"")
            digests = _copy_files(db_key, src, part)
            _verify_copy(db_key, part, digests)
            if manifest is not None:
                _write_manifest(part, manifest, digests)
            _fsync_tree(part)
            (part / INCOMPLETE).unlink()
            _fsync_dir(part)
            if dest.exists():
                dest.rmdir()   # empty (checked): replaced by the whole copy
            os.rename(part, dest)
            part = None
            _fsync_dir(dest.parent)
    finally:
        if part is not None:
            shutil.rmtree(part, ignore_errors=True)


def sweep_parts(folder: Path) -> int:
    """Remove part folders of killed copies (older than a few minutes) in `folder`."""
    removed = 0
    now = time.time()
    for path in Path(folder).glob(f".*{PART_SUFFIX}"):
        try:
            if path.is_dir() and now - path.stat().st_mtime > _SWEEP_AFTER_S:
                shutil.rmtree(path, ignore_errors=True)
                removed += 1
        except OSError:
            continue
    return removed


def _refuse_non_empty(dest: Path) -> None:
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise HosoError("vault.exists", path=str(dest))


def _copy_files(db_key: bytes, src: Path, part: Path) -> dict[str, str]:
    """Database through the online backup API (consistent while in use), key file, each
    document file with the SHA-256 of the bytes read from the source."""
    vault_file.copy_database(db_key, vault_files.db_path(src), vault_files.db_path(part))
    shutil.copyfile(vault_files.keys_path(src), vault_files.keys_path(part))
    os.chmod(vault_files.keys_path(part), 0o600)
    digests: dict[str, str] = {}
    blobs, target = src / vault_files.BLOBS_NAME, part / vault_files.BLOBS_NAME
    target.mkdir(mode=0o700)
    if blobs.is_dir():
        for path in sorted(blobs.rglob("*")):
            if not path.is_file() or path.name.endswith(TEMP_SUFFIX):
                continue
            rel = path.relative_to(blobs)
            (target / rel).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            digests[str(rel)] = _copy_hashing(path, target / rel)
    return digests


def _copy_hashing(src: Path, dest: Path) -> str:
    sha = hashlib.sha256()
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with open(src, "rb") as reader, os.fdopen(fd, "wb") as writer:
        while block := reader.read(_IO):
            sha.update(block)
            writer.write(block)
    return sha.hexdigest()


def _verify_copy(db_key: bytes, part: Path, digests: dict[str, str]) -> None:
    """Read the copy back: every page, the key file's MAC, every document file's bytes."""
    found = integrity.database_findings(db_key, vault_files.db_path(part))[0]
    found = found or integrity.keyfile_findings(part, db_key)
    blobs = part / vault_files.BLOBS_NAME
    for rel, digest in digests.items():
        if found:
            break
        if file_sha256(blobs / rel) != digest:
            found.append(integrity.Finding("documents", "integrity.copy_differs",
                                           {"path": str(blobs / rel)}))
    if found:
        raise HosoError("backup.copy_damaged", first=found[0].message("vi"),
                        first_en=found[0].message("en"))


def _fsync_tree(root: Path) -> None:
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            fd = os.open(os.path.join(dirpath, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(dirpath))


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # pragma: no cover - directories cannot be opened on Windows
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

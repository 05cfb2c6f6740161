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
import os
import shutil
import tempfile
import time
from pathlib import Path

from desktop.domain.errors import HosoError
from desktop.security import vault as vault_files
from desktop.security.blobs import TEMP_SUFFIX
from desktop.security.keyfile import KeyFile
from desktop.services import audit_log, integrity
from desktop.services.context import VaultSession

PART_SUFFIX = ".hoso-part"
INCOMPLETE = "INCOMPLETE"
_SWEEP_AFTER_S = 600     # a part folder this old is a killed copy's, not one being written
_IO = 1024 * 1024


def backup(vs: VaultSession, dest: Path) -> Path:
    """A verified, encrypted copy of the open vault in `dest` (new or empty)."""
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
        audit_log.append(uow.session, vs.signer, vs.actor.username, "vault.backup", str(dest))
        uow.commit()
    copy_vault(vs.keys.db_key, vs.vault_dir, dest)
    return dest


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
    source = vault_service.open_vault(src, user, password, accept_rollback=True)
    try:
        report = _check_backup(source)
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


def _check_backup(vs: VaultSession) -> integrity.Report:
    report = integrity.Report()
    report.findings, report.pages = integrity.database_findings(
        vs.keys.db_key, vault_files.db_path(vs.vault_dir))
    if report.findings:
        return report
    with vs.uow() as uow:
        chain = integrity.anchoring.verify_in(vs, uow.session)
        if not chain.ok:
            report.findings.append(integrity.Finding(
                "audit", "integrity.audit", {"row": chain.broken_at, "why": chain.why}))
        blobs, report.blobs_full, report.blobs_shape = integrity.blob_findings(vs, uow.session)
    report.findings += blobs
    report.findings += integrity.keyfile_findings(vs.vault_dir, vs.keys.db_key)
    return report


# --- the copy -------------------------------------------------------------------------------

def copy_vault(db_key: bytes, src: Path, dest: Path) -> None:
    """Copy a vault folder into `dest` (new or empty), atomically and verified; a failure or
    a kill leaves no folder that looks like a vault."""
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
            _fsync_tree(part)
            _verify_copy(db_key, part, digests)
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


def _copy_files(db_key: bytes, src: Path, part: Path) -> dict[str, bytes]:
    """Database through the online backup API (consistent while in use), key file, each
    document file with the SHA-256 of the bytes read from the source."""
    _copy_database(db_key, vault_files.db_path(src), vault_files.db_path(part))
    shutil.copyfile(vault_files.keys_path(src), vault_files.keys_path(part))
    os.chmod(vault_files.keys_path(part), 0o600)
    digests: dict[str, bytes] = {}
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


def _copy_hashing(src: Path, dest: Path) -> bytes:
    sha = hashlib.sha256()
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with open(src, "rb") as reader, os.fdopen(fd, "wb") as writer:
        while block := reader.read(_IO):
            sha.update(block)
            writer.write(block)
    return sha.digest()


def _copy_database(db_key: bytes, src: Path, dest: Path) -> None:
    import sqlcipher3
    pragma = f"PRAGMA key = \"x'{db_key.hex()}'\""
    os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    source = sqlcipher3.connect(str(src), timeout=30)
    target = sqlcipher3.connect(str(dest))
    try:
        source.execute(pragma)
        target.execute(pragma)
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()


def _verify_copy(db_key: bytes, part: Path, digests: dict[str, bytes]) -> None:
    """Read the copy back: every page, every document file's bytes, the key file's MAC."""
    found = integrity.database_findings(db_key, vault_files.db_path(part))[0]
    if not found:
        try:
            if not KeyFile.load(vault_files.keys_path(part)).verify(db_key):
                found.append(integrity.Finding("keys", "integrity.keyfile", {
                    "path": str(vault_files.keys_path(part)), "detail": "MAC"}))
        except Exception as exc:  # noqa: BLE001 — any unreadable copy is a finding
            found.append(integrity.Finding("keys", "integrity.keyfile", {
                "path": str(vault_files.keys_path(part)), "detail": type(exc).__name__}))
    blobs = part / vault_files.BLOBS_NAME
    for rel, digest in digests.items():
        if found:
            break
        sha = hashlib.sha256()
        with open(blobs / rel, "rb") as reader:
            while block := reader.read(_IO):
                sha.update(block)
        if sha.digest() != digest:
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

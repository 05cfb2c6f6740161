"""Reading a version's content (whole, streamed), exporting a copy, printing, and sweeping
blobs no version refers to."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop.domain.errors import Cancelled, HosoError, InvalidInput
from desktop.domain.levels import Level
from desktop.domain.progress import Progress
from desktop.storage.resource_files import load_state_secret_rules
from desktop.security.blobs import BlobDamaged, BlobReader
from desktop.services import audit_log
from desktop.services.context import VaultSession
from desktop.services.documents.common import (
    _WRITE_BUFFER,
    VIEW_LIMIT,
    _audit_damage,
    _audit_damage_later,
    _audit_export_failed,
    _audit_number,
    _store,
    _target,
    _unlock,
)
from desktop.services.documents.keys import _clear_sha
from desktop.services.documents.register import _clean_name
from desktop.storage.repos import document_files

# --- reading content -------------------------------------------------------------------

def read_content(vs: VaultSession, doc_id: int, version: int | None = None,
                 limit: int = VIEW_LIMIT) -> tuple[bytes, str, str]:
    """(content, MIME type, file name) of a version (default: the latest), whole and
    authenticated, for the viewer. Audited as "doc.open"; a refusal as "doc.denied"."""
    with vs.uow() as uow:
        session = uow.session
        doc, row, content_key = _unlock(vs, session, doc_id, version, "open")
        if row.size > limit:
            raise InvalidInput("blob.too_large", size=row.size, limit=limit)
        store = _store(vs)
        try:
            data = store.read_all(content_key, row.blob_id, limit)
            if not hmac.compare_digest(hashlib.sha256(data).digest(),
                                       _clear_sha(vs, doc.id, row, content_key)):
                raise BlobDamaged(row.blob_id, "checksum", store.path_for(row.blob_id))
        except BlobDamaged as exc:
            _audit_damage(vs, session, doc, row, exc)
            raise
        audit_log.append(session, vs.signer, vs.actor.username, "doc.open", _target(doc),
                         number=_audit_number(doc), level=doc.level, version=row.version, size=row.size)
        uow.commit()
        return data, row.mime_type, row.file_name


class DocumentStream(Iterator[bytes]):
    """Verified clear chunks of one version, for big files (open_stream). Each chunk is
    authenticated before it is handed out, but a later one may still fail: a consumer
    that needs all-or-nothing keeps what it got aside until the iteration ends."""

    def __init__(self, reader: BlobReader, expected_sha256: bytes, file_name: str,
                 mime_type: str, version: int, on_damage: Callable[[BlobDamaged], None]) -> None:
        self._reader = reader
        self._expected = expected_sha256
        self._on_damage = on_damage
        self.size = reader.size
        self.file_name = file_name
        self.mime_type = mime_type
        self.version = version

    def __iter__(self) -> "DocumentStream":
        return self

    def __next__(self) -> bytes:
        try:
            return next(self._reader)
        except StopIteration:
            info = self._reader.info
            if info is None or not hmac.compare_digest(info.sha256, self._expected):
                damage = BlobDamaged(self._reader.blob_id, "checksum")
                self._on_damage(damage)
                raise damage from None
            raise
        except BlobDamaged as exc:
            self._on_damage(exc)
            raise

    def close(self) -> None:
        self._reader.close()

    def __enter__(self) -> "DocumentStream":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_stream(vs: VaultSession, doc_id: int, version: int | None = None) -> DocumentStream:
    """Stream a version's clear content in chunks (bounded memory). Audited as "doc.open"
    (mode "stream") when opened."""
    with vs.uow() as uow:
        session = uow.session
        doc, row, content_key = _unlock(vs, session, doc_id, version, "open")
        try:
            reader = _store(vs).open(content_key, row.blob_id)
        except BlobDamaged as exc:
            _audit_damage(vs, session, doc, row, exc)
            raise
        audit_log.append(session, vs.signer, vs.actor.username, "doc.open", _target(doc),
                         number=_audit_number(doc), level=doc.level, version=row.version, size=row.size,
                         mode="stream")
        uow.commit()
        doc_ref = (doc.id, doc.number, doc.level, row.version)
        expected = _clear_sha(vs, doc.id, row, content_key)
    return DocumentStream(reader, expected, row.file_name, row.mime_type, row.version,
                          lambda exc: _audit_damage_later(vs, doc_ref, exc))


def export_copy(vs: VaultSession, doc_id: int, dest: Path | str, reason: str,
                version: int | None = None, progress: Progress | None = None) -> Path:
    """Write the clear content to `dest` (a directory, or a file name whose directory
    exists): the one sanctioned way out of the vault. The file name is prefixed with the
    level ("MAT_", "TOI-MAT_", "TUYET-MAT_"); an existing file is never overwritten.
    Audited ("doc.export", with the reason) before the first byte is written; a failure
    leaves no file and is audited too. Returns the path written."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput("doc.reason_required")
    rules = load_state_secret_rules()
    with vs.uow() as uow:
        session = uow.session
        doc, row, content_key = _unlock(vs, session, doc_id, version, "export")
        target = _export_target(Path(dest), row.file_name or f"tai-lieu-{doc.id}",
                                rules.export_prefix(Level(doc.level)))
        audit_log.append(session, vs.signer, vs.actor.username, "doc.export", _target(doc),
                         number=_audit_number(doc), level=doc.level, version=row.version, size=row.size,
                         reason=reason, folder=str(target.parent))
        uow.commit()
        doc_ref = (doc.id, doc.number, doc.level, row.version)
        blob_id, expected = row.blob_id, _clear_sha(vs, doc.id, row, content_key)
    partial = target.parent / f".{target.name}.{secrets.token_hex(4)}.part"
    try:
        with open(partial, "xb", buffering=0, opener=_private_opener) as raw:
            with open(raw.fileno(), "wb", buffering=_WRITE_BUFFER, closefd=False) as out:
                _store(vs).copy_to(content_key, blob_id, out, progress=progress,
                                   expected_sha256=expected)
            os.fsync(raw.fileno())
        if target.exists():
            raise HosoError("doc.export_exists", path=str(target))
        os.replace(partial, target)
    except BaseException as exc:
        _unlink(partial)
        _audit_export_failed(vs, doc_ref, exc)
        if isinstance(exc, Cancelled):
            raise Cancelled("doc.export_cancelled") from None
        if isinstance(exc, OSError) and not isinstance(exc, HosoError):
            raise HosoError("doc.export_failed", path=str(target),
                            detail=exc.strerror or type(exc).__name__) from exc
        raise
    return target


def record_print(vs: VaultSession, doc_id: int, version: int | None = None,
                 copies: int = 1) -> None:
    """The viewer printed a document: one audit row ("doc.print"); refused if the user
    is not cleared (and that refusal is audited)."""
    with vs.uow() as uow:
        session = uow.session
        doc, row, _key = _unlock(vs, session, doc_id, version, "print")
        audit_log.append(session, vs.signer, vs.actor.username, "doc.print", _target(doc),
                         number=_audit_number(doc), level=doc.level, version=row.version, copies=copies)
        uow.commit()


def _export_target(dest: Path, file_name: str, prefix: str) -> Path:
    if dest.is_dir():
        folder, name = dest, _clean_name(file_name)
    else:
        folder, name = dest.parent, _clean_name(dest.name)
        if not folder.is_dir():
            raise HosoError("doc.export_no_folder", path=str(folder))
    if prefix and not name.upper().startswith(prefix.upper()):
        name = prefix + name
    target = folder / name
    if target.exists():
        raise HosoError("doc.export_exists", path=str(target))
    return target


def _private_opener(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


# --- housekeeping ----------------------------------------------------------------------

def sweep_orphan_blobs(vs: VaultSession, older_than_s: float = 3600.0) -> int:
    """Delete blob files that no version refers to (a crash between writing the blob and
    committing its row leaves one; without its wrapped key it is unreadable anyway)."""
    import time

    store = _store(vs)
    if not store.dir.is_dir():
        return 0
    with vs.uow() as uow:
        known = document_files.blob_ids(uow.session)
    limit = time.time() - older_than_s
    removed = 0
    for path in store.dir.glob("*/*.blob"):
        blob_id = path.stem
        try:
            if blob_id not in known and path.stat().st_mtime < limit:
                store.destroy(blob_id)
                removed += 1
        except (OSError, ValueError):
            continue
    removed += store.sweep_temp(older_than_s)
    return removed



"""What the document modules share: the blob store, loading a record under the actor's
clearance, unwrapping keys, audit helpers, row builders.
Names with a leading underscore are the package's own, not for callers outside it."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.domain.dates import format_date
from desktop.domain.errors import Cancelled, HosoError, NotFound, PermissionDenied
from desktop.domain.levels import Level
from desktop.domain.state_secrets import Direction, StateSecretRules
from desktop.storage.resource_files import load_state_secret_rules
from desktop.security.blobs import BlobDamaged, BlobStore
from desktop.security.crypto import DecryptionFailed
from desktop.security.vault import BLOBS_NAME
from desktop.services import audit_log
from desktop.services.context import VaultSession
from desktop.services.documents.keys import (
    _clear_sha,
    open_content_key,
    _quiet_content_key,
    wrapping_key,
)
from desktop.services.documents.records import CopyInfo, DocumentRow, EventInfo, VersionInfo
from desktop.services.levels import my_level_keys
from desktop.storage.orm import DocumentCopy, DocumentEvent, DocumentRecord, DocumentVersion
from desktop.storage.repos import DbSession as Session
from desktop.storage.repos import cases as case_rows
from desktop.storage.repos import documents as document_rows

MiB = 1024 * 1024
VIEW_LIMIT = 200 * MiB
_WRITE_BUFFER = MiB
_FILE_NAME_BAD = re.compile(r'[\x00-\x1f<>:"/\\|?*]')



# --- helpers ---------------------------------------------------------------------------

def _store(vs: VaultSession) -> BlobStore:
    if vs.server:   # the files are in the server's database; a copy of the ciphertext here
        from desktop.security.blobs.mirrored import MirroredBlobStore
        from desktop.storage.blob_rows import BlobRows
        return MirroredBlobStore(Path(vs.vault_dir) / BLOBS_NAME, BlobRows(vs.engine))
    return BlobStore(Path(vs.vault_dir) / BLOBS_NAME)


def _target(doc: DocumentRecord) -> str:
    return f"doc:{doc.id}"


def _audit_number(doc: DocumentRecord) -> str:
    """The number in an audit row (readable by every user): only an ordinary document's;
    a classified one is named by its id (the target)."""
    return doc.number if doc.level == Level.THUONG and doc.sealed is None else ""


def _load(session: Session, doc_id: int) -> DocumentRecord:
    try:
        key = int(doc_id)
    except (TypeError, ValueError):
        raise NotFound("doc.not_found", id=doc_id) from None
    doc = session.get(DocumentRecord, key)
    if doc is None:
        raise NotFound("doc.not_found", id=doc_id)
    return doc


def _level_key(vs: VaultSession, session: Session, level: Level) -> bytes:
    key = my_level_keys(vs, session).get(Level(level))
    if key is None and f"grant:{vs.actor.username}/{int(level)}" in vs.trust.problems:
        raise PermissionDenied("trust.grant_bad", level=Level(level).label_vi,
                               user=vs.actor.username)
    if key is None or level > vs.actor.clearance:
        raise PermissionDenied("doc.level_above_own", level=Level(level).label_vi)
    return key


def _cleared(vs: VaultSession, session: Session, level: int) -> bool:
    return level <= vs.actor.clearance and Level(level) in my_level_keys(vs, session)


def _deny(vs: VaultSession, session: Session, doc: DocumentRecord, action: str,
          **detail: object) -> None:
    """Audit a refused attempt (committed on its own) and raise."""
    session.rollback()
    audit_log.append(session, vs.signer, vs.actor.username, "doc.denied", _target(doc),
                     number=_audit_number(doc), level=doc.level, attempt=action,
                     clearance=int(vs.actor.clearance), **detail)
    session.commit()
    raise PermissionDenied("doc.denied", number=doc.number or f"#{doc.id}",
                           level=Level(doc.level).label_vi)


def _require_cleared(vs: VaultSession, session: Session, doc: DocumentRecord,
                     action: str) -> None:
    if not _cleared(vs, session, doc.level):
        _deny(vs, session, doc, action)


def _require_alive(doc: DocumentRecord) -> None:
    if doc.destroyed_at is not None:
        raise HosoError("doc.destroyed", number=doc.number,
                        date=format_date(doc.destroyed_at))


def _pick_version(session: Session, doc: DocumentRecord, version: int | None) -> DocumentVersion:
    row = document_rows.version_of(session, doc.id, None if version is None else int(version))
    if row is None:
        if version is None:
            raise HosoError("doc.no_content", number=doc.number)
        raise NotFound("doc.version_not_found", number=doc.number, version=version)
    return row


def _unwrap(vs: VaultSession, session: Session, doc: DocumentRecord,
            row: DocumentVersion) -> bytes:
    """The version's content key, with the level key it is wrapped under. A doctored
    level (or key) fails here, with a refusal, not with content."""
    key = wrapping_key(vs, session, row)
    if row.wrapped_key is None:
        raise HosoError("doc.destroyed", number=doc.number,
                        date=format_date(doc.destroyed_at) if doc.destroyed_at else "")
    if key is None or row.key_level != doc.level:
        _deny(vs, session, doc, "unwrap", key_level=row.key_level)
    try:
        return open_content_key(vs, doc, row, key)
    except DecryptionFailed:
        session.rollback()
        audit_log.append(session, vs.signer, vs.actor.username, "doc.key_failed",
                         _target(doc), number=_audit_number(doc), level=doc.level, version=row.version)
        session.commit()
        raise HosoError("doc.key_unusable", number=doc.number, version=row.version) from None


def _unlock(vs: VaultSession, session: Session, doc_id: int, version: int | None,
            action: str) -> tuple[DocumentRecord, DocumentVersion, bytes]:
    doc = _load(session, doc_id)
    _require_cleared(vs, session, doc, action)
    _require_alive(doc)
    row = _pick_version(session, doc, version)
    return doc, row, _unwrap(vs, session, doc, row)


def _audit_damage(vs: VaultSession, session: Session, doc: DocumentRecord,
                  row: DocumentVersion, exc: BlobDamaged) -> None:
    session.rollback()
    audit_log.append(session, vs.signer, vs.actor.username, "doc.damaged", _target(doc),
                     number=_audit_number(doc), level=doc.level, version=row.version, why=exc.reason,
                     chunk=exc.chunk)
    session.commit()


def _audit_damage_later(vs: VaultSession, doc_ref: tuple, exc: BlobDamaged) -> None:
    doc_id, number, level, version = doc_ref
    with vs.uow() as uow:
        audit_log.append(uow.session, vs.signer, vs.actor.username, "doc.damaged",
                         f"doc:{doc_id}", number=number, level=level, version=version,
                         why=exc.reason, chunk=exc.chunk)
        uow.commit()


def _audit_export_failed(vs: VaultSession, doc_ref: tuple, exc: BaseException) -> None:
    doc_id, number, level, version = doc_ref
    why = exc.reason if isinstance(exc, BlobDamaged) else (
        "cancelled" if isinstance(exc, Cancelled) else
        exc.key if isinstance(exc, HosoError) else type(exc).__name__)
    try:
        with vs.uow() as uow:
            if isinstance(exc, BlobDamaged):
                audit_log.append(uow.session, vs.signer, vs.actor.username, "doc.damaged",
                                 f"doc:{doc_id}", number=number, level=level, version=version,
                                 why=exc.reason, chunk=exc.chunk)
            audit_log.append(uow.session, vs.signer, vs.actor.username, "doc.export_failed",
                             f"doc:{doc_id}", number=number, level=level, version=version,
                             why=why)
            uow.commit()
    except Exception:  # noqa: BLE001 — the original error is the one to report
        pass


def _audit_listing(vs: VaultSession, session: Session, action: str, rows: list[DocumentRow],
                   **detail: object) -> None:
    classified = sum(1 for r in rows if r.cleared and r.level > Level.THUONG)
    if classified:
        audit_log.append(session, vs.signer, vs.actor.username, action, "",
                         classified_rows=classified, rows=len(rows), **detail)


def _rows_of(vs: VaultSession, session: Session, docs: list[DocumentRecord]) -> list[DocumentRow]:
    if not docs:
        return []
    ids = [d.id for d in docs]
    latest: dict[int, DocumentVersion] = {}
    counts: dict[int, int] = {}
    for v in document_rows.versions_of_documents(session, ids):
        counts[v.document_id] = counts.get(v.document_id, 0) + 1
        if v.document_id not in latest or v.version > latest[v.document_id].version:
            latest[v.document_id] = v
    case_ids = {d.case_id for d in docs if d.case_id is not None}
    cases = {c.id: c for c in case_rows.with_ids(session, case_ids)} \
        if case_ids else {}
    keys = my_level_keys(vs, session)
    clearance = vs.actor.clearance
    rows = []
    for d in docs:
        cleared = d.level <= clearance and Level(d.level) in keys
        case = cases.get(d.case_id) if d.case_id is not None else None
        v = latest.get(d.id)
        rows.append(DocumentRow(
            id=d.id, case_code=case.code if case is not None and case.level <= clearance else None,
            number=d.number, doc_type=d.doc_type, doc_date=d.doc_date, level=Level(d.level),
            direction=Direction(d.direction or "internal"), cleared=cleared,
            summary=d.summary if cleared else None, issuer=d.issuer if cleared else None,
            versions=counts.get(d.id, 0), latest_version=v.version if v else None,
            size=v.size if v and cleared else None,
            file_name=v.file_name if v and cleared else None,
            mime_type=v.mime_type if v and cleared else None,
            destroyed=d.destroyed_at is not None, protection_until=d.protection_until,
            reg_year=d.reg_year, reg_seq=d.reg_seq))
    return rows


def _row_of(vs: VaultSession, session: Session, doc: DocumentRecord) -> DocumentRow:
    return _rows_of(vs, session, [doc])[0]


def _version_info(vs: VaultSession, session: Session, doc: DocumentRecord,
                  v: DocumentVersion) -> VersionInfo:
    """A version as its viewer sees it: the SHA-256 only when they can open the content
    (a destroyed version's digest went with its key)."""
    content_key = _quiet_content_key(vs, session, doc, v)
    try:
        digest = _clear_sha(vs, doc.id, v, content_key).hex() if content_key else ""
    except HosoError:
        digest = ""
    return VersionInfo(v.version, v.size, digest, v.file_name, v.mime_type, v.note,
                       v.created_by, v.created_at, v.index_state, v.wrapped_key is None)


def _event_info(e: DocumentEvent) -> EventInfo:
    return EventInfo(e.kind, e.event_date,
                     Level(e.from_level) if e.from_level is not None else None,
                     Level(e.to_level) if e.to_level is not None else None, e.years, e.until,
                     e.decided_by, e.reference, e.reason, e.recorded_by)


def _copy_info(c: DocumentCopy) -> CopyInfo:
    return CopyInfo(c.id, c.document_id, c.copy_date, c.copies, Level(c.level), c.method,
                    c.approved_by, c.made_by, c.recipients, c.reason)


def rules() -> StateSecretRules:
    """The state-secret rules in force (for the GUI: prefixes, windows, periods)."""
    return load_state_secret_rules()

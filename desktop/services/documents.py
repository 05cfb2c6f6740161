"""Documents: the register record, encrypted content versions, clearance, search, and
the acts the state-secret law asks to record (export, print, copy, level change,
extension, destruction).

Content: each version is a blob (desktop.security.blobs) under its own random content
key, wrapped by the level key of the document's level with
content_key_context(vault id, document id, version, level). A user below a level holds
no key for it (services/levels.py), so the checks here are backed by cryptography: a
doctored level column does not open anything, it only makes the unwrap fail.

Every read of content (open, stream, export), every print and every refused attempt is
an audit row; audit rows carry ids, numbers, levels, sizes and the reasons users give,
never document text or search words.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain import messages_documents  # noqa: F401 — registers the messages
from desktop.domain.dates import format_date
from desktop.domain.errors import Cancelled, HosoError, InvalidInput, NotFound, PermissionDenied
from desktop.domain.folding import fold
from desktop.domain.levels import Level, Role
from desktop.domain.state_secrets import (Direction, StateSecretRules, add_years,
                                          load_state_secret_rules)
from desktop.security import doc_index
from desktop.security.blobs import (BlobDamaged, BlobReader, BlobStore,
                                    content_key_context, new_content_key, unwrap_content_key,
                                    wrap_content_key)
from desktop.security.crypto import DecryptionFailed, aead_decrypt, aead_encrypt, hkdf
from desktop.security.vault import BLOBS_NAME
from desktop.services import audit_log, document_text
from desktop.services.cases import load_case
from desktop.services.context import VaultSession
from desktop.services.levels import current_generation, level_key_ring, my_level_keys
from desktop.storage import doc_search, sealed, search
from desktop.storage.orm import (Case, DocumentCopy, DocumentEvent, DocumentRecord, DocumentText,
                                 DocumentVersion)

MiB = 1024 * 1024
VIEW_LIMIT = 200 * MiB
_WRITE_BUFFER = MiB
_FILE_NAME_BAD = re.compile(r'[\x00-\x1f<>:"/\\|?*]')


# --- inputs and outputs ----------------------------------------------------------------

@dataclass
class DocumentInput:
    """A document's register record. `case_code` None: not attached to a case."""

    number: str
    doc_type: str = ""
    level: Level = Level.THUONG
    case_code: str | None = None
    doc_date: date | None = None
    issuer: str = ""
    summary: str = ""
    note: str = ""
    direction: Direction = Direction.INTERNAL
    received_date: date | None = None   # incoming: ngày đến
    sender: str = ""                    # incoming: nơi gửi (default: the issuer)
    recipient: str = ""                 # outgoing: nơi nhận
    signer: str = ""                    # outgoing: người ký
    handler: str = ""                   # người/đơn vị nhận xử lý, lưu
    copies: int = 1                     # số lượng bản
    classified_on: date | None = None   # default: the document's date


@dataclass(frozen=True)
class DocumentRow:
    """A line of a listing. A viewer below the document's level sees that it exists
    (number, type, date, level, direction) and nothing of what it says: `cleared` is
    False and summary, issuer and file name are None."""

    id: int
    case_code: str | None
    number: str
    doc_type: str
    doc_date: date | None
    level: Level
    direction: Direction
    cleared: bool
    summary: str | None
    issuer: str | None
    versions: int
    latest_version: int | None
    size: int | None
    file_name: str | None
    mime_type: str | None
    destroyed: bool
    protection_until: date | None
    reg_year: int | None
    reg_seq: int | None

    def to_json(self) -> dict:
        return {"id": self.id, "case": self.case_code, "number": self.number,
                "type": self.doc_type, "date": _iso(self.doc_date), "level": self.level.label_vi,
                "level_code": self.level.code, "direction": self.direction.value,
                "cleared": self.cleared, "summary": self.summary, "issuer": self.issuer,
                "versions": self.versions, "latest_version": self.latest_version,
                "size": self.size, "file_name": self.file_name, "mime_type": self.mime_type,
                "destroyed": self.destroyed, "protection_until": _iso(self.protection_until),
                "register": ({"year": self.reg_year, "seq": self.reg_seq}
                             if self.reg_seq is not None else None)}


@dataclass(frozen=True)
class VersionInfo:
    version: int
    size: int
    sha256: str  # hex, of the clear content ("" when the viewer cannot open it)
    file_name: str
    mime_type: str
    note: str
    created_by: str
    created_at: datetime
    index_state: str
    destroyed: bool

    def to_json(self) -> dict:
        return {"version": self.version, "size": self.size, "sha256": self.sha256,
                "file_name": self.file_name, "mime_type": self.mime_type, "note": self.note,
                "created_by": self.created_by, "created_at": self.created_at.isoformat(
                    timespec="seconds"), "index_state": self.index_state,
                "destroyed": self.destroyed}


@dataclass(frozen=True)
class EventInfo:
    kind: str  # classified, level_change, declassified, extended, destroyed
    date: date
    from_level: Level | None
    to_level: Level | None
    years: int | None
    until: date | None
    decided_by: str
    reference: str
    reason: str
    recorded_by: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "date": _iso(self.date),
                "from_level": self.from_level.label_vi if self.from_level is not None else None,
                "to_level": self.to_level.label_vi if self.to_level is not None else None,
                "years": self.years, "until": _iso(self.until), "decided_by": self.decided_by,
                "reference": self.reference, "reason": self.reason,
                "recorded_by": self.recorded_by}


@dataclass(frozen=True)
class CopyInfo:
    id: int
    document_id: int
    copy_date: date
    copies: int
    level: Level
    method: str
    approved_by: str
    made_by: str
    recipients: str
    reason: str

    def to_json(self) -> dict:
        return {"id": self.id, "document_id": self.document_id, "date": _iso(self.copy_date),
                "copies": self.copies, "level": self.level.label_vi, "method": self.method,
                "approved_by": self.approved_by, "made_by": self.made_by,
                "recipients": self.recipients, "reason": self.reason}


@dataclass(frozen=True)
class DocumentDetail:
    row: DocumentRow
    received_date: date | None = None
    sender: str | None = None
    recipient: str | None = None
    signer: str | None = None
    handler: str | None = None
    copies: int | None = None
    note: str | None = None
    classified_on: date | None = None
    created_by: str | None = None
    versions: list[VersionInfo] = field(default_factory=list)
    events: list[EventInfo] = field(default_factory=list)
    copy_records: list[CopyInfo] = field(default_factory=list)

    def to_json(self) -> dict:
        data = self.row.to_json()
        data.update({"received_date": _iso(self.received_date), "sender": self.sender,
                     "recipient": self.recipient, "signer": self.signer,
                     "handler": self.handler, "copies": self.copies, "note": self.note,
                     "classified_on": _iso(self.classified_on), "created_by": self.created_by,
                     "version_list": [v.to_json() for v in self.versions],
                     "events": [e.to_json() for e in self.events],
                     "copy_records": [c.to_json() for c in self.copy_records]})
        return data


@dataclass(frozen=True)
class SearchHit:
    row: DocumentRow
    version: int | None  # the version whose content matched; None: the record matched
    snippet: str

    def to_json(self) -> dict:
        data = self.row.to_json()
        data.update({"matched_version": self.version, "snippet": self.snippet})
        return data


@dataclass(frozen=True)
class ExtensionResult:
    row: DocumentRow
    previous_until: date
    until: date
    late: bool  # decided less than the rules' notice days before the period ended
    notice_days: int


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# --- adding ----------------------------------------------------------------------------

ProgressFn = Callable[[int], None]
CancelFn = Callable[[], bool]
Source = Path | str | BinaryIO


def add_document(vs: VaultSession, data: DocumentInput, source: Source | None = None,
                 file_name: str | None = None, note: str = "",
                 progress: ProgressFn | None = None, cancel: CancelFn | None = None
                 ) -> DocumentRow:
    """Record a document and, if `source` is given (a path or a binary stream read to
    its end), store its content as version 1: streamed, encrypted, never in clear on
    disk. A classified document gets the next number of its year's register."""
    data = _checked(vs, data)
    rules = load_state_secret_rules()
    with vs.uow() as uow:  # refuse early: level key, case access
        _level_key(vs, uow.session, data.level)
        if data.case_code:
            load_case(vs, uow.session, data.case_code)
    staged = _stage_content(vs, data.level, source, file_name, progress, cancel) if source is not None else None
    try:
        with vs.uow() as uow:
            session = uow.session
            case = load_case(vs, session, data.case_code) if data.case_code else None
            now = datetime.now()
            classified_on = (data.classified_on or data.doc_date or data.received_date
                             or date.today()) if data.level > Level.THUONG else None
            doc = DocumentRecord(
                case_id=case.id if case else None, number=data.number, doc_type=data.doc_type,
                doc_date=data.doc_date, issuer=data.issuer, summary=data.summary,
                level=int(data.level), created_at=now, updated_at=now,
                direction=data.direction.value, received_date=data.received_date,
                sender=data.sender or (data.issuer if data.direction is Direction.INCOMING else ""),
                recipient=data.recipient, signer=data.signer, handler=data.handler,
                copies=data.copies, note=data.note, classified_on=classified_on,
                protection_until=rules.protection_until(data.level, classified_on),
                created_by=vs.actor.username, destroyed_by="")
            session.add(doc)
            session.flush()
            _assign_register(session, doc, _register_day(doc))
            if data.level > Level.THUONG:
                session.add(DocumentEvent(
                    document_id=doc.id, kind="classified", event_date=classified_on,
                    to_level=int(data.level), until=doc.protection_until,
                    years=rules.protection_years(data.level, classified_on),
                    decided_by=data.signer or data.issuer, reference=data.number,
                    recorded_by=vs.actor.username, recorded_at=now))
            version = None
            if staged is not None:
                version = _record_version(vs, session, doc, 1, staged, note, now)
            if case is not None:
                search.refresh(session, [case.id])
            audit_log.append(session, vs.signer, vs.actor.username, "doc.add",
                             _target(doc), number=_audit_number(doc), level=doc.level,
                             direction=doc.direction, case=data.case_code or "",
                             size=staged.size if staged else None,
                             version=version.version if version else None)
            uow.commit()
            return _row_of(vs, session, doc)
    except BaseException:
        if staged is not None:
            _store(vs).destroy(staged.blob_id)
        raise


def add_version(vs: VaultSession, doc_id: int, source: Source, note: str = "",
                file_name: str | None = None, progress: ProgressFn | None = None,
                cancel: CancelFn | None = None) -> VersionInfo:
    """A new version of the content; the earlier versions stay as they were."""
    with vs.uow() as uow:
        doc = _load(uow.session, doc_id)
        _require_cleared(vs, uow.session, doc, "version")
        _require_alive(doc)
        level = Level(doc.level)
        # the row's level is not signed: the content already there must open under it,
        # or a lowered level would send the new version to a lower key
        latest = uow.session.execute(
            select(DocumentVersion).where(DocumentVersion.document_id == doc.id,
                                          DocumentVersion.wrapped_key.is_not(None))
            .order_by(DocumentVersion.version.desc()).limit(1)).scalar()
        if latest is not None:
            _unwrap(vs, uow.session, doc, latest)
        # nor may it be below the level its record is sealed at (a document with no content
        # yet has only that to say what it was)
        sealed_at = sealed.keys_of(uow.session).level_of(doc.sealed)
        if sealed_at > level:
            audit_log.append(uow.session, vs.signer, vs.actor.username, "doc.level_tampered",
                             _target(doc), level=int(level), sealed_level=sealed_at)
            uow.commit()
            raise HosoError("doc.level_tampered", number=f"#{doc.id}",
                            level=Level(sealed_at).label_vi)
    staged = _stage_content(vs, level, source, file_name, progress, cancel)
    try:
        with vs.uow() as uow:
            session = uow.session
            doc = _load(session, doc_id)
            _require_alive(doc)
            if doc.level != int(level):  # changed meanwhile: the staged tokens are keyed wrong
                raise HosoError("doc.changed_meanwhile", number=doc.number)
            number = (session.execute(select(func.max(DocumentVersion.version))
                                      .where(DocumentVersion.document_id == doc.id)).scalar() or 0) + 1
            now = datetime.now()
            row = _record_version(vs, session, doc, number, staged, note, now)
            doc.updated_at = now
            audit_log.append(session, vs.signer, vs.actor.username, "doc.version",
                             _target(doc), number=_audit_number(doc), level=doc.level, version=number,
                             size=staged.size)
            uow.commit()
            return _version_info(vs, session, doc, row)
    except BaseException:
        _store(vs).destroy(staged.blob_id)
        raise


@dataclass
class _Staged:
    """Content written to blobs/ before its database rows exist."""

    blob_id: str
    content_key: bytes
    size: int
    sha256: bytes
    file_name: str
    mime_type: str
    text: str | None
    index_state: str
    body: str | None  # keyed tokens for doc_search


def _stage_content(vs: VaultSession, level: Level, source: Source, file_name: str | None,
                   progress: ProgressFn | None, cancel: CancelFn | None) -> _Staged:
    """Encrypt the content into a new blob (no database transaction held meanwhile) and
    extract its text for the index, in memory."""
    with _opened(source, file_name) as (stream, name):
        capture = document_text.Capture(stream, name)
        content_key = new_content_key()
        try:
            info = _store(vs).write(content_key, capture, progress=progress, cancel=cancel)
        except BaseException:
            capture.release()
            raise
    try:
        extracted = document_text.extract(capture)
        body = None
        if extracted.text:
            with vs.uow() as uow:
                level_key = _level_key(vs, uow.session, level)
            blinder = doc_index.Blinder(doc_index.search_key(level_key, vs.keys.vault_id, level))
            body, _count = blinder.body(fold(extracted.text), document_text.MAX_CHARS)
        return _Staged(info.blob_id, content_key, info.size, info.sha256, name,
                       document_text.mime_type(name, capture.head), extracted.text,
                       extracted.state, body)
    except BaseException:
        _store(vs).destroy(info.blob_id)
        raise
    finally:
        capture.release()


@contextmanager
def _opened(source: Source, file_name: str | None) -> Iterator[tuple[BinaryIO, str]]:
    if isinstance(source, (str, Path)):
        path = Path(source)
        try:
            stream = open(path, "rb", buffering=0)
        except FileNotFoundError:
            raise HosoError("doc.source_missing", path=str(path)) from None
        except IsADirectoryError:
            raise HosoError("doc.source_missing", path=str(path)) from None
        except OSError as exc:
            raise HosoError("doc.source_unreadable", path=str(path),
                            detail=exc.strerror or type(exc).__name__) from None
        with stream:
            yield stream, _clean_name(file_name or path.name)
    else:
        yield source, _clean_name(file_name or getattr(source, "name", "") or "")


def _clean_name(name: str) -> str:
    name = Path(str(name).replace("\\", "/")).name
    name = _FILE_NAME_BAD.sub("_", name).strip(" .")
    return name[:200] or "tai-lieu"


def _record_version(vs: VaultSession, session: Session, doc: DocumentRecord, number: int,
                    staged: _Staged, note: str, now: datetime) -> DocumentVersion:
    level = Level(doc.level)
    level_key = _level_key(vs, session, level)
    wrapped = wrap_content_key(level_key, staged.content_key,
                               content_key_context(vs.keys.vault_id, doc.id, number, level))
    row = DocumentVersion(document_id=doc.id, version=number, blob_id=staged.blob_id,
                          wrapped_key=wrapped, key_level=int(level),
                          key_generation=current_generation(vs, session, level), size=staged.size,
                          sha256=seal_digest(vs.keys.vault_id, doc.id, number,
                                             staged.content_key, staged.sha256),
                          file_name=staged.file_name,
                          mime_type=staged.mime_type, note=note or "",
                          index_state=staged.index_state, created_by=vs.actor.username,
                          created_at=now)
    session.add(row)
    session.flush()
    if staged.text is not None and staged.body is not None:
        session.add(DocumentText(version_id=row.id, sealed=doc_index.seal_text(
            staged.content_key, _text_context(vs, doc.id, number), staged.text)))
        doc_search.write(session, row.id, doc.id, int(level), staged.body)
    return row


def _sha_context(vault_id: str, doc_id: int, version: int) -> bytes:
    return b"hoso-doc-sha256|" + content_key_context(vault_id, doc_id, version, 0)


def seal_digest(vault_id: str, doc_id: int, version: int, content_key: bytes,
                digest: bytes) -> bytes:
    """A version's SHA-256 is stored sealed under its content key: a plain digest would
    tell anyone with the DB key whether a file they know is in the vault."""
    return aead_encrypt(hkdf(content_key, b"hoso-version-sha256"), digest,
                        _sha_context(vault_id, doc_id, version))


def _clear_sha(vs: VaultSession, doc_id: int, row: DocumentVersion, content_key: bytes) -> bytes:
    stored = bytes(row.sha256)
    if len(stored) == 32:
        return stored  # a version from before sealed digests
    try:
        return aead_decrypt(hkdf(content_key, b"hoso-version-sha256"), stored,
                            _sha_context(vs.keys.vault_id, doc_id, row.version))
    except DecryptionFailed:
        raise HosoError("doc.key_unusable", number=str(doc_id), version=row.version) from None


def _wrapping_key(vs: VaultSession, session: Session, row: DocumentVersion) -> bytes | None:
    """The level key (of the version's generation) its content key is wrapped under, when
    the actor holds it and is cleared for the level."""
    level = Level(row.key_level)
    key = level_key_ring(vs, session).get((level, row.key_generation or 1))
    return key if key is not None and level <= vs.actor.clearance else None


def _open_content_key(vs: VaultSession, doc: DocumentRecord, row: DocumentVersion,
                      key: bytes) -> bytes:
    """Raises DecryptionFailed for a wrong key or a doctored row."""
    return unwrap_content_key(key, row.wrapped_key, content_key_context(
        vs.keys.vault_id, doc.id, row.version, Level(row.key_level)))


def _quiet_content_key(vs: VaultSession, session: Session, doc: DocumentRecord,
                       row: DocumentVersion) -> bytes | None:
    """The version's content key when the viewer holds its level key; None otherwise
    (no refusal is audited: this only fills in a listing)."""
    key = _wrapping_key(vs, session, row) if row.wrapped_key is not None else None
    if key is None:
        return None
    try:
        return _open_content_key(vs, doc, row, key)
    except DecryptionFailed:
        return None


def _text_context(vs: VaultSession, doc_id: int, version: int) -> bytes:
    return b"hoso-doc-text|" + content_key_context(vs.keys.vault_id, doc_id, version, 0)


def _checked(vs: VaultSession, data: DocumentInput) -> DocumentInput:
    data.number = " ".join((data.number or "").split())
    if not data.number:
        raise InvalidInput("input.required", field="doc_number")
    data.level = Level(data.level)
    data.direction = Direction(data.direction)
    if data.copies is None or data.copies < 1:
        raise InvalidInput("input.bad_number", value=data.copies, field="copies")
    if data.level > vs.actor.clearance:
        raise PermissionDenied("doc.level_above_own", level=data.level.label_vi)
    today = date.today()
    for value in (data.doc_date, data.received_date, data.classified_on):
        if value is not None and value > today:
            raise InvalidInput("input.future_date", value=format_date(value))
    return data


def _register_day(doc: DocumentRecord) -> date:
    if doc.direction == Direction.INCOMING.value and doc.received_date:
        return doc.received_date
    return doc.doc_date or doc.received_date or date.today()


def _assign_register(session: Session, doc: DocumentRecord, day: date) -> None:
    """A classified document's number in its register: per direction, restarting at 1
    each year (classified documents have their own sequence)."""
    if doc.level <= Level.THUONG or doc.reg_seq is not None:
        return
    last = session.execute(select(func.max(DocumentRecord.reg_seq)).where(
        DocumentRecord.direction == doc.direction, DocumentRecord.reg_year == day.year)).scalar()
    doc.reg_year, doc.reg_seq = day.year, (last or 0) + 1
    session.flush()


# --- reading the register --------------------------------------------------------------

def list_documents(vs: VaultSession, case_code: str | None = None, *,
                   include_destroyed: bool = True, limit: int | None = None,
                   offset: int = 0) -> list[DocumentRow]:
    """Documents of a case (or all), newest first. Rows above the viewer's clearance
    show only number, type, date and level."""
    with vs.uow() as uow:
        session = uow.session
        query = select(DocumentRecord).order_by(DocumentRecord.doc_date.desc(),
                                                DocumentRecord.id.desc())
        if case_code:
            case = load_case(vs, session, case_code)
            query = query.where(DocumentRecord.case_id == case.id)
        if not include_destroyed:
            query = query.where(DocumentRecord.destroyed_at.is_(None))
        if limit is not None:
            query = query.limit(limit).offset(offset)
        docs = list(session.execute(query).scalars())
        rows = _rows_of(vs, session, docs)
        _audit_listing(vs, session, "doc.list", rows, case=case_code or "")
        uow.commit()
        return rows


def get_document(vs: VaultSession, doc_id: int) -> DocumentDetail:
    """One document: its register fields, versions, events and copies if the viewer is
    cleared; only that it exists (number, type, date, level) otherwise."""
    with vs.uow() as uow:
        session = uow.session
        doc = _load(session, doc_id)
        row = _row_of(vs, session, doc)
        if not row.cleared:
            return DocumentDetail(row=row)
        versions = [_version_info(vs, session, doc, v) for v in session.execute(
            select(DocumentVersion).where(DocumentVersion.document_id == doc.id)
            .order_by(DocumentVersion.version)).scalars()]
        events = [_event_info(e) for e in session.execute(
            select(DocumentEvent).where(DocumentEvent.document_id == doc.id)
            .order_by(DocumentEvent.event_date, DocumentEvent.id)).scalars()]
        copies = [_copy_info(c) for c in session.execute(
            select(DocumentCopy).where(DocumentCopy.document_id == doc.id)
            .order_by(DocumentCopy.copy_date, DocumentCopy.id)).scalars()]
        if doc.level > Level.THUONG:
            audit_log.append(session, vs.signer, vs.actor.username, "doc.read", _target(doc),
                             number=_audit_number(doc), level=doc.level)
            uow.commit()
        return DocumentDetail(
            row=row, received_date=doc.received_date, sender=doc.sender,
            recipient=doc.recipient, signer=doc.signer, handler=doc.handler, copies=doc.copies,
            note=doc.note, classified_on=doc.classified_on, created_by=doc.created_by,
            versions=versions, events=events, copy_records=copies)


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
                version: int | None = None, progress: ProgressFn | None = None,
                cancel: CancelFn | None = None) -> Path:
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
                _store(vs).copy_to(content_key, blob_id, out, progress=progress, cancel=cancel,
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


# --- acts on a document ----------------------------------------------------------------

def destroy_document(vs: VaultSession, doc_id: int, reason: str, reference: str = "",
                     decided_by: str = "") -> DocumentRow:
    """Recorded destruction (crypto-shredding): every version's wrapped content key is
    erased (secure_delete), its extracted text and index rows too, then the blob files
    are deleted. The register keeps the record; the audit keeps the act."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput("doc.reason_required")
    if vs.actor.role not in (Role.ADMIN, Role.LEADER):
        raise PermissionDenied("doc.destroy_role", role=vs.actor.role.label("vi"))
    with vs.uow() as uow:
        session = uow.session
        doc = _load(session, doc_id)
        _require_cleared(vs, session, doc, "destroy")
        if doc.destroyed_at is not None:
            raise HosoError("doc.already_destroyed", number=doc.number)
        versions = list(session.execute(select(DocumentVersion).where(
            DocumentVersion.document_id == doc.id)).scalars())
        with _secure_delete(session):  # erased keys are overwritten, not just freed
            ids = [v.id for v in versions]
            for v in versions:
                v.wrapped_key = None
                v.index_state = document_text.DESTROYED
            if ids:
                session.query(DocumentText).filter(DocumentText.version_id.in_(ids)).delete(
                    synchronize_session=False)
                doc_search.remove(session, ids)
            now = datetime.now()
            doc.destroyed_at, doc.destroyed_by, doc.updated_at = now, vs.actor.username, now
            session.add(DocumentEvent(
                document_id=doc.id, kind="destroyed", event_date=now.date(),
                from_level=doc.level, decided_by=decided_by, reference=reference, reason=reason,
                recorded_by=vs.actor.username, recorded_at=now))
            audit_log.append(session, vs.signer, vs.actor.username, "doc.destroy",
                             _target(doc), number=_audit_number(doc), level=doc.level,
                             versions=len(versions), reason=reason, reference=reference)
            session.flush()
        uow.commit()
        blob_ids = [v.blob_id for v in versions]
        row = _row_of(vs, session, doc)
    store = _store(vs)
    for blob_id in blob_ids:
        store.destroy(blob_id)
    _checkpoint(vs)
    return row


def change_level(vs: VaultSession, doc_id: int, new_level: Level, reason: str,
                 decided_by: str = "", reference: str = "", when: date | None = None
                 ) -> DocumentRow:
    """Raise, lower or remove (declassify) a document's level. Every version's content
    key is re-wrapped under the new level's key and its index tokens re-keyed, so the
    acting user must hold both level keys. The protection period restarts from `when`
    (rules: level_change.restart_period). Recorded as a document event and audited."""
    new_level = Level(new_level)
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput("doc.reason_required")
    when = when or date.today()
    rules = load_state_secret_rules()
    with vs.uow() as uow:
        session = uow.session
        doc = _load(session, doc_id)
        old_level = Level(doc.level)
        _require_cleared(vs, session, doc, "level")
        _require_alive(doc)
        if new_level == old_level:
            raise InvalidInput("doc.level_same", level=new_level.label_vi)
        keys = my_level_keys(vs, session)
        if new_level > vs.actor.clearance or new_level not in keys:
            _deny(vs, session, doc, "level", to_level=int(new_level))
        vault_id = vs.keys.vault_id
        new_key = keys[new_level]
        blinder = doc_index.Blinder(doc_index.search_key(new_key, vault_id, new_level))
        with _secure_delete(session):  # the old wrapped keys are overwritten
            versions = list(session.execute(select(DocumentVersion).where(
                DocumentVersion.document_id == doc.id)).scalars())
            for v in versions:
                if v.wrapped_key is None:
                    continue
                content_key = _unwrap(vs, session, doc, v)
                v.wrapped_key = wrap_content_key(
                    new_key, content_key, content_key_context(vault_id, doc.id, v.version, new_level))
                v.key_level = int(new_level)
                v.key_generation = current_generation(vs, session, new_level)
                sealed = session.get(DocumentText, v.id)
                if sealed is not None:
                    text = doc_index.open_text(content_key, _text_context(vs, doc.id, v.version),
                                               sealed.sealed)
                    body, _ = blinder.body(fold(text), document_text.MAX_CHARS)
                    doc_search.write(session, v.id, doc.id, int(new_level), body)
            now = datetime.now()
            doc.level, doc.updated_at = int(new_level), now
            regime = rules.regime_for(when)
            if new_level == Level.THUONG:
                kind, doc.protection_until = "declassified", None
            else:
                kind = "level_change"
                if regime.level_change_restarts or doc.classified_on is None:
                    doc.classified_on = when
                doc.protection_until = rules.protection_until(new_level, doc.classified_on)
                _assign_register(session, doc, when)
            session.add(DocumentEvent(
                document_id=doc.id, kind=kind, event_date=when, from_level=int(old_level),
                to_level=int(new_level), until=doc.protection_until, decided_by=decided_by,
                reference=reference, reason=reason, recorded_by=vs.actor.username,
                recorded_at=now))
            session.flush()
            if doc.case_id is not None:
                search.refresh(session, [doc.case_id])
            audit_log.append(session, vs.signer, vs.actor.username, "doc.level", _target(doc),
                             number=_audit_number(doc), before=int(old_level), after=int(new_level),
                             versions=len(versions), reason=reason, reference=reference)
            session.flush()
        uow.commit()
        row = _row_of(vs, session, doc)
    _checkpoint(vs)
    return row


def extend_protection(vs: VaultSession, doc_id: int, years: int, reason: str,
                      decided_by: str = "", reference: str = "", when: date | None = None
                      ) -> ExtensionResult:
    """Extend a classified document's protection period by `years` (at most the rules'
    figure for its level). A decision taken later than the rules' notice (60 days before
    the end) is recorded all the same and flagged `late`."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput("doc.reason_required")
    when = when or date.today()
    rules = load_state_secret_rules()
    with vs.uow() as uow:
        session = uow.session
        doc = _load(session, doc_id)
        _require_cleared(vs, session, doc, "extend")
        _require_alive(doc)
        level = Level(doc.level)
        if level == Level.THUONG:
            raise InvalidInput("doc.not_classified", number=doc.number)
        regime = rules.regime_for(when)
        maximum = regime.extension_max_years[level]
        if years is None or years < 1 or years > maximum:
            raise InvalidInput("doc.bad_years", value=years, maximum=maximum)
        previous = doc.protection_until or rules.protection_until(
            level, doc.classified_on or doc.doc_date or when)
        until = add_years(previous, years)
        late = (previous - when).days < regime.extension_notice_days
        now = datetime.now()
        doc.protection_until, doc.updated_at = until, now
        session.add(DocumentEvent(
            document_id=doc.id, kind="extended", event_date=when, from_level=int(level),
            to_level=int(level), years=years, until=until, decided_by=decided_by,
            reference=reference, reason=reason, recorded_by=vs.actor.username, recorded_at=now))
        audit_log.append(session, vs.signer, vs.actor.username, "doc.extend", _target(doc),
                         number=_audit_number(doc), level=doc.level, years=years,
                         until=until.isoformat(), late=late, reason=reason)
        uow.commit()
        return ExtensionResult(_row_of(vs, session, doc), previous, until, late,
                               regime.extension_notice_days)


def record_copy(vs: VaultSession, doc_id: int, copies: int, reason: str, approved_by: str,
                recipients: str = "", method: str = "sao", made_by: str = "",
                when: date | None = None) -> CopyInfo:
    """Copies made of a document (paper or file), with who approved them: the copy
    register (form 12). Audited."""
    reason = " ".join((reason or "").split())
    approved_by = " ".join((approved_by or "").split())
    if not reason:
        raise InvalidInput("doc.reason_required")
    if not approved_by:
        raise InvalidInput("input.required", field="approved_by")
    if copies is None or copies < 1:
        raise InvalidInput("input.bad_number", value=copies, field="copies")
    when = when or date.today()
    if when > date.today():
        raise InvalidInput("input.future_date", value=format_date(when))
    with vs.uow() as uow:
        session = uow.session
        doc = _load(session, doc_id)
        _require_cleared(vs, session, doc, "copy")
        _require_alive(doc)
        record = DocumentCopy(document_id=doc.id, copy_date=when, copies=copies, level=doc.level,
                              method=method or "", approved_by=approved_by,
                              made_by=made_by or vs.actor.full_name or vs.actor.username,
                              recipients=recipients or "", reason=reason,
                              recorded_by=vs.actor.username, recorded_at=datetime.now())
        session.add(record)
        session.flush()
        audit_log.append(session, vs.signer, vs.actor.username, "doc.copy", _target(doc),
                         number=_audit_number(doc), level=doc.level, copies=copies,
                         approved_by=approved_by, reason=reason)
        uow.commit()
        return _copy_info(record)


# --- search ----------------------------------------------------------------------------

def search_documents(vs: VaultSession, query: str, limit: int = 50) -> list[SearchHit]:
    """Accent-insensitive search of document contents (text and PDF) and records, among
    the documents the searcher is cleared for. Every word must appear (whole words).
    Snippets come only from documents the searcher may open. Audited by count."""
    words = list(doc_index.words(fold(query)))
    if not words:
        return []
    with vs.uow() as uow:
        session = uow.session
        clearance = int(vs.actor.clearance)
        ring = level_key_ring(vs, session)
        found: dict[int, tuple[float, int]] = {}  # document id → (score, version id)
        # every generation the searcher holds: older documents are indexed under older keys
        for level, key in sorted((lv, key) for (lv, _gen), key in ring.items() if lv <= clearance):
            blinder = doc_index.Blinder(doc_index.search_key(key, vs.keys.vault_id, level))
            for version_id, document_id, score in doc_search.hits(
                    session, blinder.query(words), int(level), clearance, limit * 4):
                best = found.get(document_id)
                if best is None or score < best[0] or (score == best[0] and version_id > best[1]):
                    found[document_id] = (score, version_id)
        hits: list[SearchHit] = []
        ranked = sorted(found.items(), key=lambda item: item[1][0])[:limit]
        docs = {d.id: d for d in session.execute(select(DocumentRecord).where(
            DocumentRecord.id.in_([doc_id for doc_id, _ in ranked]))).scalars()} if ranked else {}
        rows = {r.id: r for r in _rows_of(vs, session, list(docs.values()))}
        for doc_id, (_score, version_id) in ranked:
            doc, row = docs.get(doc_id), rows.get(doc_id)
            if doc is None or row is None or not row.cleared:
                continue
            version = session.get(DocumentVersion, version_id)
            snippet = _snippet(vs, session, doc, version, words)
            hits.append(SearchHit(row, version.version if version else None, snippet))
        if len(hits) < limit:
            hits.extend(_record_hits(vs, session, words, limit - len(hits),
                                     exclude={h.row.id for h in hits}))
        audit_log.append(session, vs.signer, vs.actor.username, "doc.search", "",
                         hits=len(hits),
                         classified_hits=sum(1 for h in hits if h.row.level > Level.THUONG))
        uow.commit()
        return hits


def _snippet(vs: VaultSession, session: Session, doc: DocumentRecord,
             version: DocumentVersion | None, words: list[str], width: int = 90) -> str:
    if version is None or version.wrapped_key is None:
        return ""
    sealed = session.get(DocumentText, version.id)
    if sealed is None:
        return ""
    try:
        content_key = _unwrap(vs, session, doc, version)
        text = doc_index.open_text(content_key, _text_context(vs, doc.id, version.version),
                                   sealed.sealed)
    except (DecryptionFailed, PermissionDenied, HosoError):
        return ""
    return snippet_of(text, words, width)


def snippet_of(text: str, words: list[str], width: int = 90) -> str:
    """About `width` characters of `text` around the first of the folded `words`."""
    folded = fold(text)
    position = -1
    for word in words:
        match = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", folded)
        if match and (position < 0 or match.start() < position):
            position = match.start()
    if position < 0:
        position = 0
    if len(folded) != len(text):  # folding changed lengths (ß, stray marks): map back
        position = _original_offset(text, position)
    start = max(0, position - width // 3)
    end = min(len(text), start + width)
    piece = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")


def _original_offset(text: str, folded_position: int) -> int:
    count = 0
    for index, char in enumerate(text):
        if count >= folded_position:
            return index
        count += len(fold(char))
    return len(text)


def _record_hits(vs: VaultSession, session: Session, words: list[str], limit: int,
                 exclude: set[int]) -> list[SearchHit]:
    """Documents whose number, summary, issuer or file name hold every word."""
    haystack = func.hoso_fold(sealed.opened_value(DocumentRecord, "number") + " "
                              + sealed.opened_value(DocumentRecord, "summary") + " "
                              + sealed.opened_value(DocumentRecord, "issuer"))
    query = select(DocumentRecord).where(DocumentRecord.level <= int(vs.actor.clearance))
    for word in words:
        query = query.where(haystack.like(f"%{word}%"))
    if exclude:
        query = query.where(DocumentRecord.id.not_in(exclude))
    docs = list(session.execute(query.order_by(DocumentRecord.doc_date.desc())
                                .limit(limit)).scalars())
    hits = []
    for row in _rows_of(vs, session, docs):
        if row.cleared:
            hits.append(SearchHit(row, None, snippet_of(row.summary or row.number, words)))
    return hits


# --- housekeeping ----------------------------------------------------------------------

def sweep_orphan_blobs(vs: VaultSession, older_than_s: float = 3600.0) -> int:
    """Delete blob files that no version refers to (a crash between writing the blob and
    committing its row leaves one; without its wrapped key it is unreadable anyway)."""
    import time

    store = _store(vs)
    if not store.dir.is_dir():
        return 0
    with vs.uow() as uow:
        known = set(uow.session.execute(select(DocumentVersion.blob_id)).scalars())
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


# --- helpers ---------------------------------------------------------------------------

def _store(vs: VaultSession) -> BlobStore:
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
    query = select(DocumentVersion).where(DocumentVersion.document_id == doc.id)
    if version is None:
        query = query.order_by(DocumentVersion.version.desc()).limit(1)
    else:
        query = query.where(DocumentVersion.version == int(version))
    row = session.execute(query).scalar()
    if row is None:
        if version is None:
            raise HosoError("doc.no_content", number=doc.number)
        raise NotFound("doc.version_not_found", number=doc.number, version=version)
    return row


def _unwrap(vs: VaultSession, session: Session, doc: DocumentRecord,
            row: DocumentVersion) -> bytes:
    """The version's content key, with the level key it is wrapped under. A doctored
    level (or key) fails here, with a refusal, not with content."""
    key = _wrapping_key(vs, session, row)
    if row.wrapped_key is None:
        raise HosoError("doc.destroyed", number=doc.number,
                        date=format_date(doc.destroyed_at) if doc.destroyed_at else "")
    if key is None or row.key_level != doc.level:
        _deny(vs, session, doc, "unwrap", key_level=row.key_level)
    try:
        return _open_content_key(vs, doc, row, key)
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


@contextmanager
def _secure_delete(session: Session) -> Iterator[None]:
    """SQLite overwrites what the enclosed statements delete or replace with zeros (the
    engine turns this on for every connection; said again here because it matters)."""
    session.connection().exec_driver_sql("PRAGMA secure_delete=ON")
    yield


def _checkpoint(vs: VaultSession) -> None:
    """Fold the WAL back into the database and truncate it, so the pages that held an
    erased key do not linger in hoso.db-wal. Best effort (a reader may hold it)."""
    try:
        with vs.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception:  # noqa: BLE001
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
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        for v in session.execute(select(DocumentVersion).where(
                DocumentVersion.document_id.in_(part))).scalars():
            counts[v.document_id] = counts.get(v.document_id, 0) + 1
            if v.document_id not in latest or v.version > latest[v.document_id].version:
                latest[v.document_id] = v
    case_ids = {d.case_id for d in docs if d.case_id is not None}
    cases = {c.id: c for c in session.execute(select(Case).where(Case.id.in_(case_ids))).scalars()} \
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

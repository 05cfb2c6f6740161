"""Adding documents and versions (content staged, encrypted and recorded), and reading the
register."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from desktop.domain.dates import format_date
from desktop.domain.errors import HosoError, InvalidInput, PermissionDenied
from desktop.domain.folding import fold
from desktop.domain.levels import Level
from desktop.domain.progress import Progress
from desktop.domain.state_secrets import Direction
from desktop.storage.resource_files import load_state_secret_rules
from desktop.security import doc_index
from desktop.security.blobs import content_key_context, new_content_key, wrap_content_key
from desktop.services import audit_log, document_text
from desktop.services.cases import load_case
from desktop.services.context import VaultSession
from desktop.services.documents.common import (
    _FILE_NAME_BAD,
    _audit_listing,
    _audit_number,
    _copy_info,
    _event_info,
    _level_key,
    _load,
    _require_alive,
    _require_cleared,
    _row_of,
    _rows_of,
    _store,
    _target,
    _unwrap,
    _version_info,
)
from desktop.services.documents.keys import _text_context, seal_digest
from desktop.services.documents.records import (
    DocumentDetail,
    DocumentInput,
    DocumentRow,
    VersionInfo,
)
from desktop.services.levels import current_generation
from desktop.storage import doc_search, sealed, search
from desktop.storage.orm import DocumentEvent, DocumentRecord, DocumentText, DocumentVersion
from desktop.storage.repos import DbSession as Session
from desktop.storage.repos import documents as document_rows

# --- adding ----------------------------------------------------------------------------

Source = Path | str | BinaryIO


def add_document(vs: VaultSession, data: DocumentInput, source: Source | None = None,
                 file_name: str | None = None, note: str = "",
                 progress: Progress | None = None) -> DocumentRow:
    """Record a document and, if `source` is given (a path or a binary stream read to
    its end), store its content as version 1: streamed, encrypted, never in clear on
    disk. A classified document gets the next number of its year's register.
    progress(bytes stored) may stop the upload (domain.progress): nothing is kept."""
    data = _checked(vs, data)
    rules = load_state_secret_rules()
    with vs.uow() as uow:  # refuse early: level key, case access
        _level_key(vs, uow.session, data.level)
        if data.case_code:
            load_case(vs, uow.session, data.case_code)
    staged = _stage_content(vs, data.level, source, file_name, progress) if source is not None else None
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
                file_name: str | None = None, progress: Progress | None = None
                ) -> VersionInfo:
    """A new version of the content; the earlier versions stay as they were."""
    with vs.uow() as uow:
        doc = _load(uow.session, doc_id)
        _require_cleared(vs, uow.session, doc, "version")
        _require_alive(doc)
        level = Level(doc.level)
        # the row's level is not signed: the content already there must open under it,
        # or a lowered level would send the new version to a lower key
        latest = document_rows.latest_wrapped_version(uow.session, doc.id)
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
    staged = _stage_content(vs, level, source, file_name, progress)
    try:
        with vs.uow() as uow:
            session = uow.session
            doc = _load(session, doc_id)
            _require_alive(doc)
            if doc.level != int(level):  # changed meanwhile: the staged tokens are keyed wrong
                raise HosoError("doc.changed_meanwhile", number=doc.number)
            number = document_rows.last_version_number(session, doc.id) + 1
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
                   progress: Progress | None) -> _Staged:
    """Encrypt the content into a new blob (no database transaction held meanwhile) and
    extract its text for the index, in memory."""
    with _opened(source, file_name) as (stream, name):
        capture = document_text.Capture(stream, name)
        content_key = new_content_key()
        try:
            info = _store(vs).write(content_key, capture, progress=progress)
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
    last = document_rows.last_register_seq(session, doc.direction, day.year)
    doc.reg_year, doc.reg_seq = day.year, last + 1
    session.flush()


# --- reading the register --------------------------------------------------------------

def list_documents(vs: VaultSession, case_code: str | None = None, *,
                   include_destroyed: bool = True, limit: int | None = None,
                   offset: int = 0) -> list[DocumentRow]:
    """Documents of a case (or all), newest first. Rows above the viewer's clearance
    show only number, type, date and level."""
    with vs.uow() as uow:
        session = uow.session
        case_id = load_case(vs, session, case_code).id if case_code else None
        docs = document_rows.page(session, case_id, include_destroyed, limit, offset)
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
        versions = [_version_info(vs, session, doc, v)
                    for v in document_rows.versions_of(session, doc.id)]
        events = [_event_info(e) for e in document_rows.events_of(session, doc.id)]
        copies = [_copy_info(c) for c in document_rows.copies_of(session, doc.id)]
        if doc.level > Level.THUONG:
            audit_log.append(session, vs.signer, vs.actor.username, "doc.read", _target(doc),
                             number=_audit_number(doc), level=doc.level)
            uow.commit()
        return DocumentDetail(
            row=row, received_date=doc.received_date, sender=doc.sender,
            recipient=doc.recipient, signer=doc.signer, handler=doc.handler, copies=doc.copies,
            note=doc.note, classified_on=doc.classified_on, created_by=doc.created_by,
            versions=versions, events=events, copy_records=copies)



"""The acts the state-secret law asks to record: destruction, a change of level, an
extension of protection, a copy."""

from __future__ import annotations

from datetime import date, datetime

from desktop.domain.dates import format_date
from desktop.domain.errors import HosoError, InvalidInput, PermissionDenied
from desktop.domain.folding import fold
from desktop.domain.levels import Level, Role
from desktop.domain.state_secrets import add_years
from desktop.storage.resource_files import load_state_secret_rules
from desktop.security import doc_index
from desktop.security.blobs import content_key_context, wrap_content_key
from desktop.services import audit_log, document_text
from desktop.services.context import VaultSession
from desktop.services.documents.common import (
    _audit_number,
    _copy_info,
    _deny,
    _load,
    _require_alive,
    _require_cleared,
    _row_of,
    _store,
    _target,
    _unwrap,
)
from desktop.services.documents.keys import _text_context
from desktop.services.documents.records import CopyInfo, DocumentRow, ExtensionResult
from desktop.services.documents.register import _assign_register
from desktop.services.levels import current_generation, my_level_keys
from desktop.storage import doc_search, search
from desktop.storage.orm import DocumentCopy, DocumentEvent, DocumentText
from desktop.storage.repos import documents as document_rows

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
        versions = document_rows.versions_of(session, doc.id)
        with document_rows.secure_delete(session):  # erased keys are overwritten, not just freed
            ids = [v.id for v in versions]
            for v in versions:
                v.wrapped_key = None
                v.index_state = document_text.DESTROYED
            if ids:
                document_rows.delete_texts(session, ids)
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
    document_rows.checkpoint(vs.engine)
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
        with document_rows.secure_delete(session):  # the old wrapped keys are overwritten
            versions = document_rows.versions_of(session, doc.id)
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
    document_rows.checkpoint(vs.engine)
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



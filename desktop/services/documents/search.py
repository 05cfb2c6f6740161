"""Full-text search over document text and register fields, with snippets."""

from __future__ import annotations

import re

from desktop.domain.errors import HosoError, PermissionDenied
from desktop.domain.folding import fold
from desktop.domain.levels import Level
from desktop.security import doc_index
from desktop.security.crypto import DecryptionFailed
from desktop.services import audit_log
from desktop.services.context import VaultSession
from desktop.services.documents.common import _rows_of, _unwrap
from desktop.services.documents.keys import _text_context
from desktop.services.documents.records import SearchHit
from desktop.services.levels import level_key_ring
from desktop.storage import doc_search
from desktop.storage.orm import DocumentRecord, DocumentText, DocumentVersion
from desktop.storage.repos import DbSession as Session
from desktop.storage.repos import documents as document_rows

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
        docs = {d.id: d for d in document_rows.with_ids(
            session, [doc_id for doc_id, _ in ranked])} if ranked else {}
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
    docs = document_rows.matching_records(session, words, int(vs.actor.clearance), exclude,
                                          limit)
    hits = []
    for row in _rows_of(vs, session, docs):
        if row.cleared:
            hits.append(SearchHit(row, None, snippet_of(row.summary or row.number, words)))
    return hits



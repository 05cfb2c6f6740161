"""Keys and digests of a document version's content: the content key's wrapping, the sealed
digest and the text index's context."""

from __future__ import annotations

from desktop.domain.errors import HosoError
from desktop.domain.levels import Level
from desktop.security.blobs import content_key_context, unwrap_content_key
from desktop.security.crypto import DecryptionFailed, aead_decrypt, aead_encrypt, hkdf
from desktop.services.context import VaultSession
from desktop.services.levels import level_key_ring
from desktop.storage.orm import DocumentRecord, DocumentVersion
from desktop.storage.repos import DbSession as Session


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


def wrapping_key(vs: VaultSession, session: Session, row: DocumentVersion) -> bytes | None:
    """The level key (of the version's generation) its content key is wrapped under, when
    the actor holds it and is cleared for the level."""
    level = Level(row.key_level)
    key = level_key_ring(vs, session).get((level, row.key_generation or 1))
    return key if key is not None and level <= vs.actor.clearance else None


def open_content_key(vs: VaultSession, doc: DocumentRecord, row: DocumentVersion,
                      key: bytes) -> bytes:
    """Raises DecryptionFailed for a wrong key or a doctored row."""
    return unwrap_content_key(key, row.wrapped_key, content_key_context(
        vs.keys.vault_id, doc.id, row.version, Level(row.key_level)))


def _quiet_content_key(vs: VaultSession, session: Session, doc: DocumentRecord,
                       row: DocumentVersion) -> bytes | None:
    """The version's content key when the viewer holds its level key; None otherwise
    (no refusal is audited: this only fills in a listing)."""
    key = wrapping_key(vs, session, row) if row.wrapped_key is not None else None
    if key is None:
        return None
    try:
        return open_content_key(vs, doc, row, key)
    except DecryptionFailed:
        return None


def _text_context(vs: VaultSession, doc_id: int, version: int) -> bytes:
    return b"hoso-doc-text|" + content_key_context(vs.keys.vault_id, doc_id, version, 0)



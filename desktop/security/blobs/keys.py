"""Content keys: one random key per document version, wrapped by the level key of its
classification under a context naming the vault, document, version and level."""

from __future__ import annotations

import json
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.security.blobs.format import _WRAP_AAD, _WRAP_VERSION, TAG, _check_key
from desktop.security.crypto import KEY_BYTES, NONCE_BYTES, DecryptionFailed

# --- content keys ----------------------------------------------------------------------

def new_content_key() -> bytes:
    return os.urandom(KEY_BYTES)


def new_blob_id() -> str:
    return secrets.token_hex(16)


def content_key_context(vault_id: str, document_id: object, version: int, level: int) -> bytes:
    """Canonical associated data for wrapping a version's content key: the wrapped key
    cannot be moved to another vault, document, version or level unnoticed."""
    return json.dumps(["hoso-content-key", str(vault_id), str(document_id), int(version),
                       int(level)], ensure_ascii=True).encode()


def wrap_content_key(level_key: bytes, content_key: bytes, context: bytes) -> bytes:
    """0x01 ‖ nonce ‖ AES-256-GCM(level key, content key, aad = context)."""
    _check_key(level_key, "level key")
    _check_key(content_key, "content key")
    nonce = os.urandom(NONCE_BYTES)
    return _WRAP_VERSION + nonce + AESGCM(level_key).encrypt(nonce, content_key,
                                                               _WRAP_AAD + context)


def unwrap_content_key(level_key: bytes, wrapped: bytes, context: bytes) -> bytes:
    """Raises DecryptionFailed for a wrong level key, a wrong context or an altered key."""
    _check_key(level_key, "level key")
    if len(wrapped) != 1 + NONCE_BYTES + KEY_BYTES + TAG or wrapped[:1] != _WRAP_VERSION:
        raise DecryptionFailed("not a wrapped content key")
    nonce, body = wrapped[1:1 + NONCE_BYTES], wrapped[1 + NONCE_BYTES:]
    try:
        return AESGCM(level_key).decrypt(nonce, body, _WRAP_AAD + context)
    except InvalidTag as exc:
        raise DecryptionFailed("authentication failed") from exc



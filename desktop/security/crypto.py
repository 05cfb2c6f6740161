"""Cryptographic primitives used by the key hierarchy (desktop/security/SECURITY.md, "Keys").

Argon2id derives a key-encryption key from a password; AES-256-GCM wraps keys;
X25519 + HKDF + AES-GCM seals level keys to a user's public key, so an
administrator can grant clearance without knowing the user's password.
"""

import hashlib
import hmac
import os
import threading
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12


class DecryptionFailed(Exception):
    """Authentication failed: wrong key, or the data was altered."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored with each slot so they can be raised later."""

    salt: bytes
    memory_kib: int = 65536  # 64 MiB: the floor the issue sets
    iterations: int = 3
    lanes: int = 4

    @classmethod
    def fresh(cls) -> "KdfParams":
        return cls(salt=os.urandom(16))


_ARGON2_LOCK = threading.Lock()


def derive_kek(password: str, params: KdfParams) -> bytes:
    kdf = Argon2id(salt=params.salt, length=KEY_BYTES, iterations=params.iterations,
                   lanes=params.lanes, memory_cost=params.memory_kib)
    # two derivations at once in one process hang inside OpenSSL's Argon2 (seen with
    # cryptography 50); one at a time also keeps memory at 64 MiB
    with _ARGON2_LOCK:
        return kdf.derive(password.encode("utf-8"))


def random_key() -> bytes:
    return os.urandom(KEY_BYTES)


def aead_encrypt(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """nonce ‖ ciphertext+tag."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def aead_decrypt(key: bytes, blob: bytes, aad: bytes) -> bytes:
    if len(blob) < NONCE_BYTES + 16:
        raise DecryptionFailed("too short")
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except InvalidTag as exc:
        raise DecryptionFailed("authentication failed") from exc


def hkdf(key: bytes, info: bytes, length: int = KEY_BYTES) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(key)


def hmac_sha256(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


# --- X25519 key pairs and sealed boxes -------------------------------------------------

def new_keypair() -> tuple[bytes, bytes]:
    """(private, public) raw 32-byte keys."""
    private = X25519PrivateKey.generate()
    return _raw_private(private), _raw_public(private.public_key())


def public_from_private(private: bytes) -> bytes:
    return _raw_public(X25519PrivateKey.from_private_bytes(private).public_key())


def seal(recipient_public: bytes, plaintext: bytes, context: bytes) -> bytes:
    """Anonymous sealed box: ephemeral public key ‖ AES-GCM(HKDF(ECDH)).

    `context` (e.g. vault id, user, level) is bound as associated data so a sealed
    key cannot be moved to another user or level row unnoticed.
    """
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key = hkdf(shared, b"hoso-seal-v1" + ephemeral_public + recipient_public)
    return ephemeral_public + aead_encrypt(key, plaintext, context)


def unseal(recipient_private: bytes, sealed: bytes, context: bytes) -> bytes:
    if len(sealed) < KEY_BYTES:
        raise DecryptionFailed("too short")
    ephemeral_public, rest = sealed[:KEY_BYTES], sealed[KEY_BYTES:]
    private = X25519PrivateKey.from_private_bytes(recipient_private)
    recipient_public = _raw_public(private.public_key())
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError as exc:
        raise DecryptionFailed("bad ephemeral key") from exc
    key = hkdf(shared, b"hoso-seal-v1" + ephemeral_public + recipient_public)
    return aead_decrypt(key, rest, context)


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


# --- Ed25519 signatures (accounts, level keys, grants, the audit) ------------------------

def new_signing_key() -> tuple[bytes, bytes]:
    """(private seed, public) raw 32-byte Ed25519 keys."""
    private = Ed25519PrivateKey.generate()
    return (private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                  serialization.NoEncryption()),
            signing_public(private))


def signing_public(private: "Ed25519PrivateKey | bytes") -> bytes:
    if isinstance(private, bytes):
        private = Ed25519PrivateKey.from_private_bytes(private)
    return private.public_key().public_bytes(serialization.Encoding.Raw,
                                             serialization.PublicFormat.Raw)


def sign(private: bytes, domain: bytes, message: bytes) -> bytes:
    """A signature over `domain ‖ 0 ‖ message`: a signature made for one kind of record
    never verifies as another kind."""
    return Ed25519PrivateKey.from_private_bytes(private).sign(domain + b"\0" + message)


def verify_signature(public: bytes | None, domain: bytes, message: bytes,
                     signature: bytes | None) -> bool:
    if not public or not signature or len(public) != 32 or len(signature) != 64:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, domain + b"\0" + message)
        return True
    except (InvalidSignature, ValueError):
        return False


def fingerprint(public: bytes) -> str:
    """A short, readable fingerprint of a public key, to compare on paper or by phone."""
    digest = hashlib.sha256(b"hoso-fingerprint|" + public).hexdigest()[:20].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 20, 4))


def file_sha256(path: "os.PathLike[str] | str") -> str:
    """A file's SHA-256 in hex, read in 1 MiB blocks (files of any size)."""
    digest = hashlib.sha256()
    with open(path, "rb") as reader:
        while block := reader.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()

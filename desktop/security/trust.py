"""The root of trust and what it signs (desktop/security/SECURITY.md, "Keys").

Every user holds the DB key, so every row can be rewritten by every user. What decides
access is therefore signed, and checked back to a key no user can replace:

- the *root*: the administrators' Ed25519 signing key. Its public half is pinned inside
  each user's key slot (AES-GCM under that user's password); its private half is sealed to
  each administrator's X25519 key. A rotation is a link signed by the previous root.
- *account certificates*: name, role, clearance, active, X25519 and Ed25519 public keys,
  validity, signed by the root;
- *level key records*: a fingerprint of each level key, signed by the root;
- *grants*: a level key sealed to one user, signed by the root over the sealed bytes.

This module holds the record formats and their checks only; storage/services keep them.
"""

import hashlib
import json
from dataclasses import asdict, dataclass

from desktop.security.crypto import sign, verify_signature

CERT_DOMAIN = b"hoso-account-cert-v1"
LEVEL_DOMAIN = b"hoso-level-key-v1"
GRANT_DOMAIN = b"hoso-grant-v1"
ROOT_LINK_DOMAIN = b"hoso-root-link-v1"
STATEMENT_DOMAIN = b"hoso-vault-statement-v1"


class TrustError(Exception):
    """A record that decides access is unsigned, badly signed or does not match."""

    def __init__(self, what: str, name: str = "") -> None:
        super().__init__(f"{what}: {name}")
        self.what = what  # "account", "level", "grant", "root"
        self.name = name


def canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class AccountCert:
    """What an administrator vouches for about one account."""

    vault_id: str
    username: str
    full_name: str
    role: str
    clearance: int
    active: bool
    box_key: str       # X25519 public key (hex): level keys are sealed to it
    sign_key: str      # Ed25519 public key (hex): the account's audit rows verify with it
    issued_at: str
    issued_by: str
    valid_from: str
    valid_until: str = ""  # empty: no end
    seq: int = 0           # the account's certificates are numbered: the highest one is current

    def body(self) -> bytes:
        return canonical(asdict(self))

    @classmethod
    def from_body(cls, body: bytes | str) -> "AccountCert":
        data = json.loads(body)
        return cls(**data)

    @property
    def box_public(self) -> bytes:
        return bytes.fromhex(self.box_key)

    @property
    def sign_public(self) -> bytes:
        return bytes.fromhex(self.sign_key) if self.sign_key else b""


def sign_cert(root_private: bytes, cert: AccountCert) -> bytes:
    return sign(root_private, CERT_DOMAIN, cert.body())


def check_cert(root_public: bytes, vault_id: str, body: bytes | str | None,
               signature: bytes | None, username: str) -> AccountCert:
    """The certificate, if the root signed it for this vault and this user name."""
    if not body or signature is None:
        raise TrustError("account", username)
    raw = body.encode() if isinstance(body, str) else body
    if not verify_signature(root_public, CERT_DOMAIN, raw, signature):
        raise TrustError("account", username)
    cert = AccountCert.from_body(raw)
    if cert.vault_id != vault_id or cert.username != username:
        raise TrustError("account", username)
    return cert


# --- level keys -------------------------------------------------------------------------

def level_fingerprint(vault_id: str, level: int, key: bytes) -> bytes:
    """Names a level key without revealing it (SHA-256 of a 256-bit random key)."""
    return hashlib.sha256(f"hoso-level-fp|{vault_id}|{level}|".encode() + key).digest()


def _level_message(vault_id: str, level: int, generation: int, fp: bytes) -> bytes:
    return canonical([vault_id, int(level), int(generation), fp.hex()])


def sign_level(root_private: bytes, vault_id: str, level: int, generation: int,
               fp: bytes) -> bytes:
    return sign(root_private, LEVEL_DOMAIN, _level_message(vault_id, level, generation, fp))


def check_level(root_public: bytes, vault_id: str, level: int, generation: int,
                fp: bytes | None, signature: bytes | None) -> None:
    if fp is None or not verify_signature(root_public, LEVEL_DOMAIN,
                                          _level_message(vault_id, level, generation, fp),
                                          signature):
        raise TrustError("level", f"{int(level)}.{int(generation)}")


# --- grants -----------------------------------------------------------------------------

def _grant_message(vault_id: str, username: str, level: int, generation: int, sealed: bytes,
                   granted_by: str) -> bytes:
    return canonical([vault_id, username, int(level), int(generation),
                      hashlib.sha256(sealed).hexdigest(), granted_by])


def sign_grant(root_private: bytes, vault_id: str, username: str, level: int, generation: int,
               sealed: bytes, granted_by: str) -> bytes:
    return sign(root_private, GRANT_DOMAIN,
                _grant_message(vault_id, username, level, generation, sealed, granted_by))


def check_grant(root_public: bytes, vault_id: str, username: str, level: int, generation: int,
                sealed: bytes, granted_by: str, signature: bytes | None) -> None:
    if not verify_signature(root_public, GRANT_DOMAIN,
                            _grant_message(vault_id, username, level, generation, sealed,
                                           granted_by),
                            signature):
        raise TrustError("grant", f"{username}/{int(level)}")


# --- the root and its rotations -----------------------------------------------------------

def _link_message(vault_id: str, generation: int, public: bytes) -> bytes:
    return canonical([vault_id, int(generation), public.hex()])


def sign_link(previous_private: bytes, vault_id: str, generation: int, public: bytes) -> bytes:
    return sign(previous_private, ROOT_LINK_DOMAIN, _link_message(vault_id, generation, public))


def follow_roots(vault_id: str, pinned_generation: int, pinned_public: bytes,
                 links: list[tuple[int, bytes, bytes | None]]) -> tuple[int, bytes]:
    """The current root, reached from the pinned one through links each signed by the
    root before it. `links` are (generation, public key, signature by the previous root)
    in generation order. A stored root that does not match the pinned one, or a link
    that does not verify, is refused: whoever rewrote it does not hold the root."""
    by_gen = {gen: (public, sig) for gen, public, sig in links}
    stored = by_gen.get(pinned_generation)
    if stored is None or stored[0] != pinned_public:
        raise TrustError("root", str(pinned_generation))
    generation, public = pinned_generation, pinned_public
    while generation + 1 in by_gen:
        nxt, sig = by_gen[generation + 1]
        if not verify_signature(public, ROOT_LINK_DOMAIN,
                                _link_message(vault_id, generation + 1, nxt), sig):
            raise TrustError("root", str(generation + 1))
        generation, public = generation + 1, nxt
    return generation, public


def _statement_message(vault_id: str, generation: int, legacy_rows: int) -> bytes:
    return canonical([vault_id, int(generation), int(legacy_rows)])


def sign_statement(root_private: bytes, vault_id: str, generation: int, legacy_rows: int) -> bytes:
    """What the root says of the vault itself: how many audit rows predate signatures."""
    return sign(root_private, STATEMENT_DOMAIN, _statement_message(vault_id, generation,
                                                                   legacy_rows))


def check_statement(root_public: bytes, vault_id: str, generation: int, legacy_rows: int,
                    signature: bytes | None) -> None:
    if not verify_signature(root_public, STATEMENT_DOMAIN,
                            _statement_message(vault_id, generation, legacy_rows), signature):
        raise TrustError("root", str(generation))

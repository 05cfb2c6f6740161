"""The vault directory and its unlocking: hoso.db, keys.json, blobs/.

Unlocking a user's slot yields the DB key (for SQLCipher) and the user's X25519
private key (to unseal the level keys the user is cleared for). Failed attempts
are counted (security.attempts), slow further attempts down and lock the slot after ten.
"""

import json
import os
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.errors import HosoError, InvalidInput, VaultDamaged, WrongPassword
from desktop.security.attempts import Attempts
from desktop.security.crypto import (DecryptionFailed, KdfParams, aead_decrypt, aead_encrypt,
                                     derive_kek, new_keypair, new_signing_key,
                                     public_from_private, random_key)
from desktop.security.keyfile import KeyFile, KeyStore, Slot, as_store, now_iso

DB_NAME = "hoso.db"
KEYS_NAME = "keys.json"
BLOBS_NAME = "blobs"
MIN_PASSWORD = 8
_USER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass
class SlotSecrets:
    """What a key slot holds, readable only with that user's password.

    Besides the keys, the slot *pins* what the user trusts and has seen, where no other
    user can change it: the root public key (and its generation) and the audit anchor
    (the last row and head this user saw)."""

    db_key: bytes
    box_private: bytes                 # X25519: unseals the user's level keys
    sign_private: bytes = b""          # Ed25519: signs the user's audit rows
    root_public: bytes = b""           # pinned administrators' key ("" = not yet pinned)
    root_generation: int = 0
    anchor_seq: int = 0
    anchor_head: bytes = b""
    anchor_at: str = ""
    attempts_seen: int = 0             # password attempts counted up to this user's last login
    levels_seen: dict[int, int] = field(default_factory=dict)  # newest level key generations
    certs_seen: dict[str, int] = field(default_factory=dict)   # newest certificate per account

    def encode(self) -> bytes:
        return json.dumps({"v": 2, "db_key": self.db_key.hex(), "box": self.box_private.hex(),
                           "sign": self.sign_private.hex(), "root": self.root_public.hex(),
                           "root_gen": self.root_generation, "anchor_seq": self.anchor_seq,
                           "anchor_head": self.anchor_head.hex(),
                           "anchor_at": self.anchor_at,
                           "attempts_seen": self.attempts_seen,
                           "levels_seen": {str(k): v for k, v in self.levels_seen.items()},
                           "certs_seen": self.certs_seen}
                          ).encode()

    @classmethod
    def decode(cls, clear: bytes) -> "SlotSecrets":
        if len(clear) == 64:  # a slot from before signatures: DB key ‖ X25519 key
            return cls(clear[:32], clear[32:])
        data = json.loads(clear)
        if data.get("v") != 2:
            raise ValueError("unknown slot version")
        secrets = cls(bytes.fromhex(data["db_key"]), bytes.fromhex(data["box"]),
                      bytes.fromhex(data["sign"]), bytes.fromhex(data["root"]),
                      int(data["root_gen"]), int(data["anchor_seq"]),
                      bytes.fromhex(data["anchor_head"]), str(data["anchor_at"]),
                      int(data.get("attempts_seen", 0)),
                      {int(k): int(v) for k, v in dict(data.get("levels_seen", {})).items()},
                      {str(k): int(v) for k, v in dict(data.get("certs_seen", {})).items()})
        if len(secrets.db_key) != 32 or len(secrets.box_private) != 32:
            raise ValueError("bad key length")
        return secrets


@dataclass
class UnlockedKeys:
    """Key material of one unlocked session. Dropped on lock (best effort in Python)."""

    vault_dir: Path
    vault_id: str
    user: str
    secrets: SlotSecrets
    keyfile: KeyFile
    failed_before: int = 0  # wrong passwords since the last unlock, for the audit trail
    kek: bytes = b""        # re-seals this user's slot (anchor, pinned root) without the password
    kdf: KdfParams | None = None
    failed_times: list[str] = field(default_factory=list)  # ISO times of those failures
    attempts_tampered: bool = False
    slot_dirty: bool = False  # secrets changed since the slot was sealed: save at close

    @property
    def db_key(self) -> bytes:
        return self.secrets.db_key

    @property
    def private_key(self) -> bytes:
        return self.secrets.box_private

    @property
    def public_key(self) -> bytes:
        return public_from_private(self.private_key)

    def drop(self) -> None:
        self.secrets = SlotSecrets(b"", b"")
        self.kek = b""


def db_path(vault_dir: Path) -> Path:
    return Path(vault_dir) / DB_NAME


def keys_path(vault_dir: Path) -> Path:
    return Path(vault_dir) / KEYS_NAME


def check_user_name(name: str) -> str:
    if not _USER_NAME.match(name or ""):
        raise InvalidInput("user.bad_name", user=name)
    return name


def check_password(password: str) -> str:
    if not password:
        raise InvalidInput("password.missing")
    if len(password) < MIN_PASSWORD:
        raise InvalidInput("password.too_short", n=MIN_PASSWORD)
    return password


def seal_slot(vault_id: str, user: str, kek: bytes, params: KdfParams,
              secrets: SlotSecrets) -> Slot:
    slot = Slot(kdf=params, wrapped=b"", public_key=public_from_private(secrets.box_private),
                updated=now_iso())
    slot.wrapped = aead_encrypt(kek, secrets.encode(), slot.aad(vault_id, user))
    return slot


def make_slot(vault_id: str, user: str, password: str, secrets: SlotSecrets,
              params: KdfParams | None = None) -> tuple[Slot, bytes, KdfParams]:
    """A slot for `password`; returns it with its KEK and KDF parameters."""
    params = params or KdfParams.fresh()
    kek = derive_kek(password, params)
    return seal_slot(vault_id, user, kek, params, secrets), kek, params


def new_account_secrets(db_key: bytes, root_public: bytes, root_generation: int) -> SlotSecrets:
    """Fresh X25519 and Ed25519 key pairs for an account, the root pinned."""
    box_private, _ = new_keypair()
    sign_private, _ = new_signing_key()
    return SlotSecrets(db_key, box_private, sign_private, root_public, root_generation)


def new_vault_keys(vault_dir: Path, admin: str, password: str, root_public: bytes) -> UnlockedKeys:
    """Fresh keys for a new vault. Nothing is written until the caller saves the key file."""
    check_user_name(admin)
    check_password(password)
    vault_dir = Path(vault_dir)
    if vault_dir.exists() and any(vault_dir.iterdir()):
        raise HosoError("vault.exists", path=str(vault_dir))
    return new_keys(keys_path(vault_dir), vault_dir, admin, password, root_public)


def new_keys(store: "Path | KeyStore", vault_dir: Path, admin: str, password: str,
             root_public: bytes, vault_id: str | None = None) -> UnlockedKeys:
    """Fresh keys kept in `store` (the vault's keys.json, or a department server's row).
    The DB key is random: SQLCipher's key in a vault; on a server, where PostgreSQL's own
    logins guard the database, it only keys the key file's HMAC."""
    check_user_name(admin)
    check_password(password)
    vault_id = vault_id or uuid.uuid4().hex
    secrets = new_account_secrets(random_key(), root_public, 1)
    keyfile = KeyFile(path=as_store(store), vault_id=vault_id, created=now_iso(),
                      default_user=admin)
    slot, kek, params = make_slot(vault_id, admin, password, secrets)
    keyfile.slots[admin] = slot
    return UnlockedKeys(vault_dir, vault_id, admin, secrets, keyfile, kek=kek, kdf=params)


def load_keyfile(vault_dir: Path) -> KeyFile:
    vault_dir = Path(vault_dir)
    path = keys_path(vault_dir)
    if not vault_dir.is_dir() or not path.exists():
        if vault_dir.is_dir() and db_path(vault_dir).exists():
            raise VaultDamaged("vault.key_file_damaged", path=str(path), detail="missing")
        raise HosoError("vault.not_found", path=str(vault_dir))
    return KeyFile.load(path)


def unlock(vault_dir: Path, user: str | None, password: str) -> UnlockedKeys:
    return unlock_keyfile(load_keyfile(vault_dir), Path(vault_dir), user, password)


def unlock_keyfile(keyfile: KeyFile, vault_dir: Path, user: str | None,
                   password: str) -> UnlockedKeys:
    """Unlock a slot of `keyfile` wherever it is kept; `vault_dir` is the folder of the
    vault's local files (attempts, blobs) — for a department server, this workstation's
    folder for it."""
    user = user or keyfile.default_user
    slot = keyfile.slots.get(user)
    if slot is None:
        raise HosoError("vault.no_user", user=user)
    throttle = Attempts(Path(vault_dir), keyfile.vault_id)
    throttle.begin(user)  # counted as failed until the password proves right
    try:
        kek = derive_kek(password, slot.kdf)
        clear = aead_decrypt(kek, slot.wrapped, slot.aad(keyfile.vault_id, user))
    except DecryptionFailed:
        raise WrongPassword("vault.wrong_password", user=user) from None
    seen = throttle.succeeded(user)
    keys = open_slot(Path(vault_dir), keyfile, user, kek, slot.kdf, clear, len(seen.failures))
    keys.failed_times = seen.failures
    if keys.secrets.attempts_seen and seen.total <= keys.secrets.attempts_seen:
        # this attempt was counted, so the total must have grown: its files were deleted
        # or edited since this user's last login
        keys.attempts_tampered = True
    keys.secrets.attempts_seen = seen.total
    keys.slot_dirty = True
    return keys


def recheck_password(keys: UnlockedKeys, password: str) -> None:
    """Prove `password` is the acting user's (WrongPassword if not), wherever the key file
    is kept — even when the session came from a remembered device."""
    unlock_keyfile(KeyFile.load(keys.keyfile.path), keys.vault_dir, keys.user, password)


def open_slot(vault_dir: Path, keyfile: KeyFile, user: str, kek: bytes, kdf: KdfParams,
              clear: bytes, failed_before: int = 0) -> UnlockedKeys:
    try:
        secrets = SlotSecrets.decode(clear)
    except (ValueError, KeyError, TypeError):
        raise VaultDamaged("vault.key_file_damaged", path=str(keyfile.path),
                           detail=f"slot “{user}”") from None
    keys = UnlockedKeys(vault_dir, keyfile.vault_id, user, secrets, keyfile, failed_before,
                        kek=kek, kdf=kdf)
    if not keyfile.verify(keys.db_key):
        raise VaultDamaged("vault.key_file_damaged", path=str(keyfile.path), detail="HMAC")
    return keys


def save_slots(keys: UnlockedKeys, users: list[str], devices: Sequence[str] = ()) -> None:
    """Write the named slots (and device slots) of the in-memory key file, keeping every
    other change another program made meanwhile: the file is re-read under a lock and only
    these entries are replaced (a slot missing from memory is removed)."""
    with keys.keyfile.path.lock():
        current = KeyFile.load(keys.keyfile.path)
        if not current.verify(keys.db_key):
            raise VaultDamaged("vault.key_file_damaged", path=str(current.path), detail="HMAC")
        for name in users:
            if name in keys.keyfile.slots:
                current.slots[name] = keys.keyfile.slots[name]
            else:
                current.slots.pop(name, None)
        for name in devices:
            if name in keys.keyfile.device_slots:
                current.device_slots[name] = keys.keyfile.device_slots[name]
            else:
                current.device_slots.pop(name, None)
        current.save(keys.db_key)
        keys.keyfile = current


def save_own_slot(keys: UnlockedKeys) -> None:
    """Re-seal the acting user's slot (new anchor, pinned root, counters) with the KEK kept
    from the unlock."""
    old = keys.keyfile.slots.get(keys.user)
    params = keys.kdf or (old.kdf if old else KdfParams.fresh())
    keys.keyfile.slots[keys.user] = seal_slot(keys.vault_id, keys.user, keys.kek, params,
                                              keys.secrets)
    save_slots(keys, [keys.user])
    keys.slot_dirty = False


def rewrap_password(keys: UnlockedKeys, new_password: str) -> None:
    """Password change: only this user's slot is re-wrapped (fresh salt)."""
    check_password(new_password)
    slot, kek, params = make_slot(keys.vault_id, keys.user, new_password, keys.secrets)
    keys.keyfile.slots[keys.user] = slot
    keys.kek, keys.kdf = kek, params
    save_slots(keys, [keys.user])


def add_user_slot(keys: UnlockedKeys, user: str, password: str) -> SlotSecrets:
    """A new user gets key pairs and a slot pinning the acting administrator's root;
    returns the account's secrets (the caller certifies their public halves)."""
    check_user_name(user)
    check_password(password)
    if user in keys.keyfile.slots:
        raise HosoError("user.exists", user=user)
    return reset_user_slot(keys, user, password)


def reset_user_slot(keys: UnlockedKeys, user: str, password: str) -> SlotSecrets:
    """Administrator's password reset. Fresh key pairs: the old private keys are gone
    with the old password, so the caller re-certifies and re-grants clearance."""
    check_password(password)
    secrets = new_account_secrets(keys.db_key, keys.secrets.root_public,
                                  keys.secrets.root_generation)
    keys.keyfile.slots[user] = make_slot(keys.vault_id, user, password, secrets)[0]
    return secrets


def is_read_only(vault_dir: Path) -> bool:
    """The vault sits on media nobody can write (a CD, a write-protected USB stick, a
    read-only mount): it opens for reading only."""
    path = Path(vault_dir)
    try:
        if hasattr(os, "statvfs") and os.statvfs(path).f_flag & getattr(os, "ST_RDONLY", 1):
            return True
    except OSError:
        pass
    return not os.access(path, os.W_OK)


def make_private(vault_dir: Path) -> None:
    """Only the owner reads a vault's files: the folder and its subfolders 0700, files 0600
    (the database, its journal, the key file and its lock; document files are written
    0600 already). Done at creation and at every open (a vault made by an older version,
    or copied with loose modes, is tightened). No-op on Windows (ACLs, not modes)."""
    if os.name == "nt":  # pragma: no cover
        return
    root = Path(vault_dir)
    for path in [root, *root.iterdir(), *(root / BLOBS_NAME).glob("*")]:
        try:
            wanted = 0o700 if path.is_dir() else 0o600
            if path.is_symlink() or (path.stat().st_mode & 0o777) == wanted:
                continue
            os.chmod(path, wanted)
        except OSError:
            continue   # read-only media: nothing to tighten


def ensure_dir(path: Path) -> None:
    os.makedirs(path, exist_ok=True)

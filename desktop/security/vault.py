"""The vault directory and its unlocking: hoso.db, keys.json, blobs/.

Unlocking a user's slot yields the DB key (for SQLCipher) and the user's X25519
private key (to unseal the level keys the user is cleared for). Failed attempts
are counted per user in attempts.json and slow further attempts down.
"""

import json
import os
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import HosoError, InvalidInput, VaultDamaged, WrongPassword
from desktop.security.crypto import (DecryptionFailed, KdfParams, aead_decrypt, aead_encrypt,
                                     derive_kek, new_keypair, public_from_private, random_key)
from desktop.security.keyfile import KeyFile, Slot, atomic_write, now_iso

DB_NAME = "hoso.db"
KEYS_NAME = "keys.json"
ATTEMPTS_NAME = "attempts.json"
BLOBS_NAME = "blobs"
MIN_PASSWORD = 8
FREE_ATTEMPTS = 3
MAX_DELAY_S = 30.0
_USER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass
class UnlockedKeys:
    """Key material of one unlocked session. Dropped on lock (best effort in Python)."""

    vault_dir: Path
    vault_id: str
    user: str
    db_key: bytes
    private_key: bytes
    keyfile: KeyFile
    failed_before: int = 0  # wrong passwords since the last unlock, for the audit trail

    @property
    def public_key(self) -> bytes:
        return public_from_private(self.private_key)

    def drop(self) -> None:
        self.db_key = b""
        self.private_key = b""


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


def make_slot(vault_id: str, user: str, password: str, db_key: bytes, private_key: bytes,
              params: KdfParams | None = None) -> Slot:
    params = params or KdfParams.fresh()
    slot = Slot(kdf=params, wrapped=b"", public_key=public_from_private(private_key),
                updated=now_iso())
    kek = derive_kek(password, params)
    slot.wrapped = aead_encrypt(kek, db_key + private_key, slot.aad(vault_id, user))
    return slot


def new_vault_keys(vault_dir: Path, admin: str, password: str) -> UnlockedKeys:
    """Fresh keys for a new vault. Nothing is written until the caller saves the key file."""
    check_user_name(admin)
    check_password(password)
    vault_dir = Path(vault_dir)
    if vault_dir.exists() and any(vault_dir.iterdir()):
        raise HosoError("vault.exists", path=str(vault_dir))
    vault_id = uuid.uuid4().hex
    db_key = random_key()
    private_key, _ = new_keypair()
    keyfile = KeyFile(path=keys_path(vault_dir), vault_id=vault_id, created=now_iso(),
                      default_user=admin)
    keyfile.slots[admin] = make_slot(vault_id, admin, password, db_key, private_key)
    return UnlockedKeys(vault_dir, vault_id, admin, db_key, private_key, keyfile)


def load_keyfile(vault_dir: Path) -> KeyFile:
    vault_dir = Path(vault_dir)
    path = keys_path(vault_dir)
    if not vault_dir.is_dir() or not path.exists():
        if vault_dir.is_dir() and db_path(vault_dir).exists():
            raise VaultDamaged("vault.key_file_damaged", path=str(path), detail="missing")
        raise HosoError("vault.not_found", path=str(vault_dir))
    return KeyFile.load(path)


def unlock(vault_dir: Path, user: str | None, password: str) -> UnlockedKeys:
    keyfile = load_keyfile(vault_dir)
    user = user or keyfile.default_user
    slot = keyfile.slots.get(user)
    if slot is None:
        raise HosoError("vault.no_user", user=user)
    throttle = _Attempts(Path(vault_dir))
    throttle.wait(user)
    try:
        kek = derive_kek(password, slot.kdf)
        clear = aead_decrypt(kek, slot.wrapped, slot.aad(keyfile.vault_id, user))
    except DecryptionFailed:
        throttle.failed(user)
        raise WrongPassword("vault.wrong_password", user=user) from None
    failed_before = throttle.succeeded(user)
    if len(clear) != 64:
        raise VaultDamaged("vault.key_file_damaged", path=str(keyfile.path), detail=f"slot “{user}”")
    keys = UnlockedKeys(Path(vault_dir), keyfile.vault_id, user, clear[:32], clear[32:], keyfile,
                        failed_before)
    if not keyfile.verify(keys.db_key):
        raise VaultDamaged("vault.key_file_damaged", path=str(keyfile.path),
                           detail="HMAC")
    return keys


def rewrap_password(keys: UnlockedKeys, new_password: str) -> None:
    """Password change: only this user's slot is re-wrapped (fresh salt)."""
    check_password(new_password)
    keys.keyfile.slots[keys.user] = make_slot(keys.vault_id, keys.user, new_password,
                                              keys.db_key, keys.private_key)
    keys.keyfile.save(keys.db_key)


def add_user_slot(keys: UnlockedKeys, user: str, password: str) -> bytes:
    """A new user gets a key pair and a slot; returns the public key for the register."""
    check_user_name(user)
    check_password(password)
    if user in keys.keyfile.slots:
        raise HosoError("user.exists", user=user)
    private_key, public_key = new_keypair()
    keys.keyfile.slots[user] = make_slot(keys.vault_id, user, password, keys.db_key, private_key)
    return public_key


def reset_user_slot(keys: UnlockedKeys, user: str, password: str) -> bytes:
    """Administrator's password reset. A fresh key pair: the old private key is gone
    with the old password, so clearance must be re-granted by the caller."""
    check_password(password)
    private_key, public_key = new_keypair()
    keys.keyfile.slots[user] = make_slot(keys.vault_id, user, password, keys.db_key, private_key)
    return public_key


class _Attempts:
    """Per-user failure counter. Not a secret; losing it only resets the delay."""

    def __init__(self, vault_dir: Path) -> None:
        self.path = vault_dir / ATTEMPTS_NAME

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _write(self, data: dict) -> None:
        try:
            atomic_write(self.path, json.dumps(data).encode())
        except OSError:
            pass  # a read-only vault still opens; the delay simply is not persisted

    def delay_for(self, user: str) -> float:
        failures = int(self._read().get(user, {}).get("failures", 0))
        if failures < FREE_ATTEMPTS:
            return 0.0
        return min(MAX_DELAY_S, 2.0 ** (failures - FREE_ATTEMPTS))

    def wait(self, user: str) -> None:
        entry = self._read().get(user, {})
        delay = self.delay_for(user)
        remaining = float(entry.get("last", 0)) + delay - time.time()
        if remaining > 0:
            time.sleep(remaining)

    def failed(self, user: str) -> None:
        data = self._read()
        entry = data.get(user, {})
        data[user] = {"failures": int(entry.get("failures", 0)) + 1, "last": time.time()}
        self._write(data)

    def succeeded(self, user: str) -> int:
        """Reset the counter; returns how many failures preceded this success."""
        data = self._read()
        failures = int(data.pop(user, {}).get("failures", 0))
        if failures:
            self._write(data)
        return failures


def ensure_dir(path: Path) -> None:
    os.makedirs(path, exist_ok=True)

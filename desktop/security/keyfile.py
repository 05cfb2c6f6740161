"""keys.json: the vault's key slots. Holds no secret in clear.

Each user's slot wraps {DB key ‖ the user's X25519 private key} under a KEK derived
with Argon2id from the password. The whole file carries an HMAC keyed from the DB
key, checked after every unlock, so an edited slot list or a swapped file shows.
"""

import base64
import errno
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from desktop.domain.errors import VaultDamaged
from desktop.security.crypto import KdfParams, hkdf, hmac_sha256

FORMAT = "hoso-vault-keys"
VERSION = 1


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass
class Slot:
    kdf: KdfParams
    wrapped: bytes
    public_key: bytes
    updated: str

    def to_json(self) -> dict[str, Any]:
        return {"kdf": {"alg": "argon2id", "salt": b64e(self.kdf.salt),
                        "memory_kib": self.kdf.memory_kib, "iterations": self.kdf.iterations,
                        "lanes": self.kdf.lanes},
                "wrapped": b64e(self.wrapped), "public_key": b64e(self.public_key),
                "updated": self.updated}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Slot":
        kdf = data["kdf"]
        if kdf["alg"] != "argon2id":
            raise ValueError("unknown kdf")
        params = KdfParams(salt=b64d(kdf["salt"]), memory_kib=int(kdf["memory_kib"]),
                           iterations=int(kdf["iterations"]), lanes=int(kdf["lanes"]))
        # Argon2's own floors, and ceilings: a planted slot asking for terabytes of memory
        # or a million passes would hang or kill the program at the password prompt
        if (not 8 <= len(params.salt) <= 64 or not 1 <= params.lanes <= 64
                or not 8 * params.lanes <= params.memory_kib <= 4 * 1024 * 1024
                or not 1 <= params.iterations <= 64):
            raise ValueError("bad kdf parameters")
        slot = cls(kdf=params, wrapped=b64d(data["wrapped"]), public_key=b64d(data["public_key"]),
                   updated=str(data.get("updated", "")))
        if len(slot.public_key) != 32:
            raise ValueError("bad public key")
        return slot

    def aad(self, vault_id: str, user: str) -> bytes:
        """Binds the slot to its vault, user and KDF parameters."""
        return json.dumps([FORMAT, vault_id, user, b64e(self.kdf.salt), self.kdf.memory_kib,
                           self.kdf.iterations, self.kdf.lanes]).encode()


class KeyStore(Protocol):
    """Where the key file's text lives: a file in the vault folder, or a row on the
    department server (storage.server_keys). `str()` names it in messages."""

    def read(self) -> bytes: ...          # FileNotFoundError when there is none
    def write(self, data: bytes) -> None: ...
    def lock(self) -> AbstractContextManager[None]: ...


@dataclass(frozen=True)
class FileStore:
    path: Path

    def read(self) -> bytes:
        return self.path.read_bytes()

    def write(self, data: bytes) -> None:
        atomic_write(self.path, data)

    def lock(self) -> AbstractContextManager[None]:
        return file_lock(self.path)

    def __str__(self) -> str:
        return str(self.path)


def as_store(where: "Path | KeyStore") -> KeyStore:
    return FileStore(where) if isinstance(where, Path) else where


@dataclass
class KeyFile:
    path: KeyStore   # a Path given here is made a FileStore
    vault_id: str
    created: str
    default_user: str
    remember_allowed: bool = True
    slots: dict[str, Slot] = field(default_factory=dict)
    # "remember me" copies of a slot, wrapped by a device secret kept in the OS keyring
    device_slots: dict[str, dict[str, Any]] = field(default_factory=dict)
    mac: bytes = b""

    def __post_init__(self) -> None:
        self.path = as_store(self.path)

    # -- (de)serialisation ---------------------------------------------------------
    def _body(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "vault_id": self.vault_id,
                "created": self.created, "default_user": self.default_user,
                "remember_allowed": self.remember_allowed,
                "slots": {name: slot.to_json() for name, slot in sorted(self.slots.items())},
                "device_slots": self.device_slots}

    def _canonical(self) -> bytes:
        return json.dumps(self._body(), sort_keys=True, ensure_ascii=True).encode()

    def sign(self, db_key: bytes) -> None:
        self.mac = hmac_sha256(_mac_key(db_key), self._canonical())

    def verify(self, db_key: bytes) -> bool:
        import hmac as _hmac
        return _hmac.compare_digest(self.mac, hmac_sha256(_mac_key(db_key), self._canonical()))

    def save(self, db_key: bytes) -> None:
        """Sign and write atomically (temp file in the same directory, then rename)."""
        self.sign(db_key)
        data = dict(self._body(), mac=b64e(self.mac))
        text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        self.path.write(text.encode("utf-8"))

    @classmethod
    def load(cls, where: "Path | KeyStore") -> "KeyFile":
        path = as_store(where)
        try:
            raw = path.read()
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise VaultDamaged("vault.key_file_damaged", path=str(path), detail=exc.strerror) from exc
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            detail = f"JSON: {exc.msg}, line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) \
                else "not UTF-8"
            raise VaultDamaged("vault.key_file_damaged", path=str(path), detail=detail) from exc
        try:
            if data.get("format") != FORMAT:
                raise ValueError("not a hoso key file")
            if data.get("version") != VERSION:
                raise ValueError(f"unknown version {data.get('version')!r}")
            slots = {}
            for name, slot in data["slots"].items():
                try:
                    slots[name] = Slot.from_json(slot)
                except (KeyError, TypeError, ValueError) as exc:
                    raise ValueError(f"slot “{name}”: {exc}") from exc
            return cls(path=path, vault_id=str(data["vault_id"]), created=str(data["created"]),
                       default_user=str(data["default_user"]),
                       remember_allowed=bool(data.get("remember_allowed", True)),
                       slots=slots, device_slots=dict(data.get("device_slots", {})),
                       mac=b64d(data["mac"]))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            detail = f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
            raise VaultDamaged("vault.key_file_damaged", path=str(path), detail=detail) from exc


def _mac_key(db_key: bytes) -> bytes:
    return hkdf(db_key, b"hoso-keyfile-mac-v1")


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def atomic_write(path: Path, data: bytes) -> None:
    """Never leaves a half-written file: a full disk leaves the old file intact."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock beside `path` (`path.lock`) held across a read-modify-write, so two
    programs on one vault do not lose each other's changes."""
    lock_path = Path(str(path) + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0),
                     0o600)
    except OSError as exc:
        if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise
        if not lock_path.exists():
            yield   # read-only media: nobody can write here, there is nothing to serialise
            return
        fd = os.open(lock_path, os.O_RDONLY | getattr(os, "O_BINARY", 0))   # a lock still works
    with os.fdopen(fd, "rb" if not os.access(lock_path, os.W_OK) else "a+b") as handle:
        if sys.platform == "win32":  # pragma: no cover - Windows
            import msvcrt
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

"""Audit anchors kept outside the vault: the last (row, head) a user saw, in that user's
OS profile folder, signed with the user's own key.

The key slot keeps the same anchor inside the vault; this copy is what catches a rollback
of the whole vault folder (database and key file copied back from an older day). It also
keeps the slot's memory of the newest certificate number per account and level key
generation per level, so an older copy of the slot put back does not make them go back.
"""

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, overload

from desktop.security.crypto import sign, verify_signature
from desktop.security.keyfile import atomic_write

ANCHOR_DOMAIN = b"hoso-anchor-v1"
_Key = TypeVar("_Key")


@dataclass(frozen=True)
class Anchor:
    seq: int
    head: bytes
    at: str  # ISO time (UTC) of the row

    def later_than(self, other: "Anchor | None") -> bool:
        return other is None or self.seq > other.seq


def profile_dir() -> Path:
    """HOSO_PROFILE_DIR, or the user's data folder (~/.local/share/hoso, %LOCALAPPDATA%…)."""
    configured = os.environ.get("HOSO_PROFILE_DIR")
    if configured:
        return Path(configured)
    import platformdirs
    return Path(platformdirs.user_data_dir("hoso", appauthor=False))


def _path(vault_id: str, user: str) -> Path:
    return profile_dir() / "anchors" / f"{vault_id}-{user}.json"


def _message(vault_id: str, user: str, anchor: Anchor, memory: dict[str, Any]) -> bytes:
    return json.dumps([vault_id, user, anchor.seq, anchor.head.hex(), anchor.at, memory],
                      sort_keys=True).encode()


def read(vault_id: str, user: str, sign_public: bytes) -> tuple[Anchor | None, dict[str, Any]]:
    """The profile's anchor and memory ({"certs": {name: n}, "levels": {level: gen}}) for
    this vault and user, if present and signed by the user."""
    try:
        data = json.loads(_path(vault_id, user).read_text("utf-8"))
        anchor = Anchor(int(data["seq"]), bytes.fromhex(data["head"]), str(data["at"]))
        memory = dict(data.get("memory", {}))
        signature = bytes.fromhex(data["signature"])
    except (OSError, ValueError, KeyError, TypeError):
        return None, {}
    if not verify_signature(sign_public, ANCHOR_DOMAIN,
                            _message(vault_id, user, anchor, memory), signature):
        return None, {}
    return anchor, memory


@overload
def remember_max(into: dict[str, int], seen: Mapping[str, Any]) -> bool: ...


@overload
def remember_max(into: dict[_Key, int], seen: Mapping[str, Any],
                 key: Callable[[str], _Key]) -> bool: ...


def remember_max(into: dict[Any, int], seen: Mapping[str, Any],
                 key: Callable[[str], Any] = str) -> bool:
    """Raise each entry of `into` to the profile's value; True if any went up."""
    raised = False
    for name, value in seen.items():
        try:
            name, value = key(name), int(value)
        except (TypeError, ValueError):
            continue
        if value > into.get(name, 0):
            into[name] = value
            raised = True
    return raised


def write(vault_id: str, user: str, sign_private: bytes, anchor: Anchor,
          memory: dict[str, Any] | None = None) -> bool:
    """Best effort: a read-only profile must not stop the program (the slot keeps a copy)."""
    path = _path(vault_id, user)
    memory = json.loads(json.dumps(memory or {}))  # keys as the file will hold them
    body = {"vault_id": vault_id, "user": user, "seq": anchor.seq, "head": anchor.head.hex(),
            "at": anchor.at, "memory": memory,
            "signature": sign(sign_private, ANCHOR_DOMAIN,
                              _message(vault_id, user, anchor, memory)).hex()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(body, indent=1).encode())
        return True
    except OSError:
        return False

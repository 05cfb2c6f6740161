"""Counting password attempts so that the count survives a deleted or edited file.

Nothing can be authenticated before a password is right, so the count is made hard to
lose rather than impossible to forge:
- two copies: attempts.json in the vault and one in the OS profile folder; the larger
  count wins, so deleting or editing one file resets nothing;
- an attempt is counted *before* the password is tried (under a lock), so parallel
  attempts and attempts killed half-way count as failures;
- a running total per user only grows; the user's slot keeps the total it last saw, so
  at the next successful login a total that went down (files deleted or rolled back) is
  detected and audited, like every failed attempt (with its time);
- after LOCK_AFTER failures the slot is not tried at all until an administrator unlocks it.
What this cannot stop is guessing offline against a copied key file: Argon2id's cost
(64 MiB, t=3) is the defence there (SECURITY.md).
"""

import json
import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from desktop.domain.errors import HosoError
from desktop.security import anchors
from desktop.security.keyfile import atomic_write, file_lock

FILE_NAME = "attempts.json"
FORMAT = "hoso-attempts"
FREE_ATTEMPTS = 3
MAX_DELAY_S = 30.0
LOCK_AFTER = 10


@dataclass
class Seen:
    """What a successful login learns: the earlier failures and the running total."""

    failures: list[str] = field(default_factory=list)  # ISO times, oldest first
    total: int = 0


class Attempts:
    def __init__(self, vault_dir: Path, vault_id: str) -> None:
        self.vault_id = vault_id
        self.paths = [Path(vault_dir) / FILE_NAME,
                      anchors.profile_dir() / "attempts" / f"{vault_id}.json"]
        self._token = ""

    # -- the two copies ---------------------------------------------------------------
    def _read_one(self, path: Path) -> dict[str, Any]:
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("format") != FORMAT or data.get("vault_id") != self.vault_id:
                return {}
            users = data.get("users")
            return users if isinstance(users, dict) else {}
        except (OSError, ValueError, AttributeError):
            return {}

    def _read(self) -> dict[str, dict[str, Any]]:
        merged: dict[str, dict[str, Any]] = {}
        for path in self.paths:
            for user, entry in self._read_one(path).items():
                if not isinstance(entry, dict):
                    continue
                into = merged.setdefault(user, {"total": 0, "failures": {}, "last": 0.0})
                try:
                    into["total"] = max(into["total"], int(entry.get("total", 0)))
                    into["last"] = max(into["last"], float(entry.get("last", 0)))
                    for token, at in dict(entry.get("failures", {})).items():
                        into["failures"][str(token)] = str(at)
                    for token, at in dict(entry.get("released", {})).items():
                        into.setdefault("released", {})[str(token)] = str(at)
                except (TypeError, ValueError):
                    continue
        return merged

    def _write(self, users: dict[str, dict[str, Any]]) -> None:
        data = json.dumps({"format": FORMAT, "vault_id": self.vault_id, "users": users},
                          indent=1).encode()
        for path in self.paths:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(path, data)
            except OSError:
                pass  # a read-only vault or profile still opens; the other copy counts

    # -- the life of one attempt ----------------------------------------------------------
    def failures(self, user: str) -> int:
        return len(self._read().get(user, {}).get("failures", {}))

    def delay_for(self, user: str) -> float:
        failures = self.failures(user)
        if failures < FREE_ATTEMPTS:
            return 0.0
        return min(MAX_DELAY_S, 2.0 ** (failures - FREE_ATTEMPTS))

    def begin(self, user: str) -> None:
        """Refuse a locked slot, wait out the delay, then count this attempt as failed
        until it proves otherwise (succeeded)."""
        entry = self._read().get(user, {})
        if len(entry.get("failures", {})) >= LOCK_AFTER:
            raise HosoError("vault.slot_locked", user=user, n=LOCK_AFTER)
        remaining = float(entry.get("last", 0)) + self.delay_for(user) - time.time()
        if remaining > 0:
            time.sleep(remaining)
        with file_lock(self.paths[0]):
            users = self._read()
            entry = users.setdefault(user, {"total": 0, "failures": {}, "last": 0.0})
            if len(entry["failures"]) >= LOCK_AFTER:  # another program got there first
                raise HosoError("vault.slot_locked", user=user, n=LOCK_AFTER)
            self._token = os.urandom(8).hex()
            entry["total"] += 1
            entry["last"] = time.time()
            entry["failures"][self._token] = datetime.now(timezone.utc).isoformat(
                timespec="seconds")
            self._write(users)

    def succeeded(self, user: str) -> Seen:
        """This attempt was right: clear the failures, return the earlier ones."""
        with file_lock(self.paths[0]):
            users = self._read()
            entry = users.setdefault(user, {"total": 0, "failures": {}, "last": 0.0})
            entry["failures"].pop(self._token, None)
            earlier = {**entry.pop("released", {}), **entry["failures"]}
            seen = Seen(sorted(earlier.values()), entry["total"])
            entry["failures"] = {}
            entry["last"] = 0.0
            self._write(users)
        return seen

    def clear(self, user: str) -> int:
        """An administrator unlocks a slot locked by failures. The failures stop counting
        but are kept, so the user's next login still audits each with its time."""
        with file_lock(self.paths[0]):
            users = self._read()
            entry = users.get(user)
            if not entry:
                return 0
            released = entry["failures"]
            entry.setdefault("released", {}).update(released)
            entry["failures"] = {}
            entry["last"] = 0.0
            self._write(users)
            return len(released)


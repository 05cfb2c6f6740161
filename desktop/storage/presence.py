"""Who has a vault open: one small file per running program in the vault's `in-use/`
folder (user, machine, process, since), written at unlock and removed at lock. When a
write finds the database locked by another program, the message names them. A program
that was killed leaves its file; one whose process is gone (same machine) is ignored and
removed. The file holds no secret: the user name is what the other user's message shows."""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.domain.errors import HosoError

FOLDER = "in-use"


@dataclass(frozen=True)
class Holder:
    user: str
    machine: str
    pid: int
    since: str   # ISO, local time

    def describe(self, lang: str = "vi") -> str:
        try:
            when = datetime.fromisoformat(self.since).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            when = self.since
        if lang == "vi":
            return f"{self.user} trên máy {self.machine} (từ {when})"
        return f"{self.user} on {self.machine} (since {when})"


def register(vault_dir: Path, user: str) -> Path | None:
    """Say this program has the vault open; None on read-only media (nothing to say)."""
    folder = Path(vault_dir) / FOLDER
    path = folder / f"{socket.gethostname()}-{os.getpid()}.json"
    data = {"user": user, "machine": socket.gethostname(), "pid": os.getpid(),
            "since": datetime.now().replace(microsecond=0).isoformat()}
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
    except OSError:
        return None
    return path


def release(path: Path | None) -> None:
    if path is not None:
        try:
            path.unlink()
        except OSError:
            pass


def others(vault_dir: Path) -> list[Holder]:
    """The other programs that have this vault open now."""
    folder = Path(vault_dir) / FOLDER
    found = []
    me = (socket.gethostname(), os.getpid())
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            holder = Holder(str(data["user"]), str(data["machine"]), int(data["pid"]),
                            str(data["since"]))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if (holder.machine, holder.pid) == me:
            continue
        if holder.machine == me[0] and not _alive(holder.pid):
            release(path)   # a program killed on this machine: its file stayed behind
            continue
        found.append(holder)
    return found


BUSY_SECONDS = 5   # the engine's busy_timeout


def is_locked(exc: BaseException) -> bool:
    """A write refused because another program holds the database's write lock."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "database is locked" in text or "database is busy" in text


def busy_error(vault_dir: Path | None) -> HosoError:
    """The refusal naming who holds the vault (vault_dir None: not known here)."""
    from desktop.domain.errors import HosoError
    holders = others(vault_dir) if vault_dir is not None else []
    vi = ", ".join(h.describe("vi") for h in holders) or "một chương trình khác"
    en = ", ".join(h.describe("en") for h in holders) or "another program"
    return HosoError("vault.busy", holders=vi, holders_en=en, seconds=BUSY_SECONDS)


def _alive(pid: int) -> bool:
    if os.name == "nt":  # pragma: no cover - no signal 0 on Windows; keep the entry
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

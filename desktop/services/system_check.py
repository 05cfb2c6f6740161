"""The workstation check (`hoso doctor`, Help → Kiểm tra máy tính): what this computer needs
for the program, each finding with its fix in one line.

Knows nothing of Qt: the desktop platform's facts (does the xcb plugin load, which system
libraries it lacks, which fonts have Vietnamese letters) come from the probe the caller
runs in a separate process (desktop/ui/platform_probe.py), so a plugin that cannot load
cannot take the check down with it."""

from __future__ import annotations

import os
import re
import shutil
import stat
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desktop.domain.dates import format_date
from desktop.domain.messages import render
from desktop.security.secrets import keyring_state
from desktop.storage.engine_info import sqlcipher_facts
from desktop.storage.resource_files import load_default_calendar

OK, WARN, FAIL = "ok", "warn", "fail"
MiB = 1024 * 1024
DISK_FAIL, DISK_WARN = 200 * MiB, 1024 * MiB
CLOCK_SLACK = 10 * 60   # seconds a vault file may seem "from the future" (copies, NFS)

# The Debian/Ubuntu package of a shared library the Qt xcb plugin needs, where the name is
# not lib<name><version>; the rest follow the rule in `debian_package`.
_PACKAGES = {
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libxcb-util.so.1": "libxcb-util1",
}


@dataclass(frozen=True)
class Finding:
    check: str                      # message key: what was checked
    status: str                     # OK, WARN or FAIL
    detail: str                     # message key: what was found
    params: Mapping[str, object] = field(default_factory=dict)
    fix: str = ""                   # message key of the one-line fix ("" : nothing to do)
    fix_params: Mapping[str, object] = field(default_factory=dict)

    def name(self, lang: str) -> str:
        return render(self.check, lang, **self.params)

    def found(self, lang: str) -> str:
        return render(self.detail, lang, **self.params)

    def remedy(self, lang: str) -> str:
        return render(self.fix, lang, **self.fix_params) if self.fix else ""


def debian_package(soname: str) -> str:
    """libxcb-icccm.so.4 → libxcb-icccm4; libfoo2.so.1 → libfoo2-1 (Debian's naming)."""
    if soname in _PACKAGES:
        return _PACKAGES[soname]
    match = re.fullmatch(r"(lib[\w.+-]+?)\.so\.(\d+)(?:\.\d+)*", soname)
    if not match:
        return soname
    name, version = match.group(1).lower(), match.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def check_all(vault: Path | None, platform: Mapping[str, object] | None,
              now: datetime | None = None) -> list[Finding]:
    """Every check, in the order a person reads them. `vault`: the vault folder (or a
    server profile's file); `platform`: the probe's report, None to leave the desktop
    program's checks out."""
    now = now or datetime.now()
    found = [_python()]
    if platform is not None:
        found += [_qt(platform), _display(platform), _fonts(platform)]
    found += [_keyring(), _sqlcipher()]
    if vault is not None:
        found.append(_disk(vault))
        if vault.suffix != ".json":   # a server profile: the register lives on the server
            found.append(_permissions(vault))
    found.append(_clock(vault, now))
    return found


def failures(findings: list[Finding]) -> int:
    return sum(f.status == FAIL for f in findings)


# --- each check ---------------------------------------------------------------------------

def _python() -> Finding:
    where = "bundle" if getattr(sys, "frozen", False) else sys.executable
    return Finding("doctor.python", OK, "doctor.python.ok",
                   {"version": sys.version.split()[0], "where": where})


def _qt(platform: Mapping[str, object]) -> Finding:
    plugin = str(platform.get("plugin") or "xcb")
    params = {"plugin": plugin, "qt": platform.get("qt", ""),
              "reason": platform.get("reason", "")}
    if not platform.get("pyside"):
        return Finding("doctor.qt", FAIL, "doctor.qt.no_pyside", params,
                       "doctor.qt.fix_reinstall")
    missing = [str(m) for m in platform.get("missing") or []]   # type: ignore[attr-defined]
    if missing:
        packages = " ".join(dict.fromkeys(debian_package(m) for m in missing))
        return Finding("doctor.qt", FAIL, "doctor.qt.missing",
                       {**params, "libraries": ", ".join(missing)},
                       "doctor.qt.fix_apt", {"packages": packages})
    if not platform.get("loaded"):
        return Finding("doctor.qt", FAIL, "doctor.qt.failed", params, "doctor.qt.fix_reinstall")
    return Finding("doctor.qt", OK, "doctor.qt.ok", params)


def _display(platform: Mapping[str, object]) -> Finding:
    display = str(platform.get("display") or "")
    if display or sys.platform == "win32":
        return Finding("doctor.display", OK, "doctor.display.ok",
                       {"display": display or "Windows"})
    return Finding("doctor.display", WARN, "doctor.display.none", {}, "doctor.display.fix")


def _fonts(platform: Mapping[str, object]) -> Finding:
    fonts = [str(f) for f in platform.get("fonts") or []]   # type: ignore[attr-defined]
    if not fonts:   # none found, or no Qt to look with
        return Finding("doctor.fonts", FAIL, "doctor.fonts.none", {}, "doctor.fonts.fix")
    return Finding("doctor.fonts", OK, "doctor.fonts.ok",
                   {"count": len(fonts), "examples": ", ".join(fonts[:3])})


def _keyring() -> Finding:
    state, backend = keyring_state()
    if state == "plaintext":
        return Finding("doctor.keyring", FAIL, "doctor.keyring.plaintext", {"backend": backend},
                       "doctor.keyring.fix_plaintext")
    if state == "none":
        return Finding("doctor.keyring", WARN, "doctor.keyring.none", {},
                       "doctor.keyring.fix_none")
    return Finding("doctor.keyring", OK, "doctor.keyring.ok", {"backend": backend})


def _sqlcipher() -> Finding:
    facts = sqlcipher_facts()
    params = {"cipher": facts["cipher"], "sqlite": facts["sqlite"],
              "reason": facts["error"] or "PRAGMA cipher_version"}
    fix = "doctor.sqlcipher.fix"
    if facts["error"] or not facts["cipher"]:
        return Finding("doctor.sqlcipher", FAIL, "doctor.sqlcipher.missing", params, fix)
    major = re.match(r"\d+", str(facts["cipher"]))
    if not major or int(major.group()) < 4:
        return Finding("doctor.sqlcipher", FAIL, "doctor.sqlcipher.old", params, fix)
    if not facts["fts5"]:
        return Finding("doctor.sqlcipher", FAIL, "doctor.sqlcipher.no_fts5", params, fix)
    return Finding("doctor.sqlcipher", OK, "doctor.sqlcipher.ok", params)


def _size(n: int) -> str:
    return f"{n / (1024 * MiB):.1f} GB" if n >= 1024 * MiB else f"{n // MiB} MB"


def _disk(vault: Path) -> Finding:
    folder = vault.parent if vault.suffix == ".json" else vault
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent   # a vault not made yet: the disk it will be made on
    free = shutil.disk_usage(folder).free
    params = {"free": _size(free), "folder": str(folder)}
    if free < DISK_FAIL:
        return Finding("doctor.disk", FAIL, "doctor.disk.full", params, "doctor.disk.fix",
                       {"need": _size(DISK_WARN - free)})
    if free < DISK_WARN:
        return Finding("doctor.disk", WARN, "doctor.disk.low", params, "doctor.disk.fix",
                       {"need": _size(DISK_WARN - free)})
    return Finding("doctor.disk", OK, "doctor.disk.ok", params)


def _permissions(vault: Path) -> Finding:
    params: dict[str, object] = {"folder": str(vault)}
    if os.name == "nt":  # pragma: no cover
        return Finding("doctor.perms", OK, "doctor.perms.windows", params)
    if not vault.is_dir():
        return Finding("doctor.perms", OK, "doctor.perms.none", params)
    loose = []
    for root, dirs, files in os.walk(vault):
        for name in [*dirs, *files]:
            path = Path(root) / name
            try:
                mode = path.lstat().st_mode
            except OSError:
                continue
            if not stat.S_ISLNK(mode) and mode & 0o077:
                loose.append(f"{path.relative_to(vault)} ({stat.S_IMODE(mode):o})")
    if vault.stat().st_mode & 0o077:
        loose.insert(0, f". ({stat.S_IMODE(vault.stat().st_mode):o})")
    if loose:
        shown = ", ".join(loose[:4]) + (f" … (+{len(loose) - 4})" if len(loose) > 4 else "")
        return Finding("doctor.perms", FAIL, "doctor.perms.loose", {**params, "paths": shown},
                       "doctor.perms.fix", params)
    return Finding("doctor.perms", OK, "doctor.perms.ok", params)


def _clock(vault: Path | None, now: datetime) -> Finding:
    shown = f"{format_date(now.date())} {now:%H:%M}"
    params: dict[str, object] = {"now": shown}
    last = _last_write(vault) if vault is not None else None
    if last is not None and last.timestamp() - now.timestamp() > CLOCK_SLACK:
        return Finding("doctor.clock", FAIL, "doctor.clock.behind",
                       {**params, "last": f"{format_date(last.date())} {last:%H:%M}"},
                       "doctor.clock.fix")
    calendar = load_default_calendar()
    if not calendar.covers(now.date()):
        year = {"year": now.year}
        return Finding("doctor.clock", WARN, "doctor.clock.no_calendar",
                       {**params, **year, "first": calendar.first.year,
                        "last": calendar.last.year}, "doctor.clock.fix_calendar", year)
    return Finding("doctor.clock", OK, "doctor.clock.ok", params)


def _last_write(vault: Path) -> datetime | None:
    """When the program last wrote the vault (its files' newest time), on this clock."""
    folder = vault if vault.is_dir() else vault.parent if vault.exists() else None
    if folder is None:
        return None
    times = [p.stat().st_mtime for p in folder.iterdir() if p.is_file()]
    return datetime.fromtimestamp(max(times)) if times else None

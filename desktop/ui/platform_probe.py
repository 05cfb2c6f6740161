"""The desktop platform's facts for the workstation check: does Qt's display plugin (xcb on
Linux) load, which system libraries it lacks, which installed fonts carry every Vietnamese
letter.

`report()` runs `probe()` in a separate process of the program (`hoso doctor
--platform-probe`): a plugin that cannot load makes Qt abort the process that tries, and
the check must outlive that to say why."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# every letter Vietnamese adds to ASCII, lower and upper case
VIETNAMESE = ("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")
VIETNAMESE += VIETNAMESE.upper()
_PLUGINS = {"linux": ("xcb", "libqxcb.so"), "win32": ("windows", "qwindows.dll"),
            "darwin": ("cocoa", "libqcocoa.dylib")}


def own_command() -> list[str]:
    """How to start this program again: the bundle's executable, or Python with the
    package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "desktop"]


def report(timeout: float = 60) -> dict[str, object]:
    """The probe's findings, from a process of its own (offscreen: no window opens)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        done = subprocess.run([*own_command(), "doctor", "--platform-probe"], env=env,
                              capture_output=True, text=True, timeout=timeout, check=False)
        found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
        return found
    except (OSError, subprocess.SubprocessError, ValueError, IndexError) as exc:
        return {"pyside": "", "reason": f"{type(exc).__name__}: {exc}"[:300]}


def probe(plugin_file: Path | None = None) -> dict[str, object]:
    """Runs in the probe's own process only: it makes a QGuiApplication, which a process
    that later wants widgets cannot have. `plugin_file`: the display plugin to try (tests
    give one that lacks a library); by default Qt's own for this system."""
    found: dict[str, object] = {"display": os.environ.get("DISPLAY")
                                or os.environ.get("WAYLAND_DISPLAY") or ""}
    try:
        import PySide6
        from PySide6.QtCore import QLibraryInfo, QPluginLoader, qVersion
    except ImportError as exc:
        return {**found, "pyside": "", "reason": str(exc)}
    plugin, name = _PLUGINS.get(sys.platform, _PLUGINS["linux"])
    if plugin_file is None:
        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
        plugin_file = plugins / "platforms" / name
    found.update(pyside=PySide6.__version__, qt=qVersion(), plugin=plugin,
                 missing=missing_libraries(plugin_file))
    loader = QPluginLoader(str(plugin_file))
    found["loaded"] = loader.load()
    found["reason"] = "" if found["loaded"] else loader.errorString()
    if not found["missing"] and not found["loaded"]:
        # without ldd the loader's message names the first missing library
        first = re.search(r"(lib[\w.+-]+\.so[.\d]*): cannot open", str(found["reason"]))
        found["missing"] = [first.group(1)] if first else []
    found["fonts"] = vietnamese_fonts()
    return found


def missing_libraries(plugin_file: Path) -> list[str]:
    """Shared libraries the plugin needs that the system lacks (ldd, Linux only)."""
    ldd = shutil.which("ldd")
    if sys.platform != "linux" or ldd is None or not plugin_file.exists():
        return []
    done = subprocess.run([ldd, str(plugin_file)], capture_output=True, text=True,
                          check=False, timeout=30)
    return sorted({m.group(1) for m in re.finditer(r"^\s*(\S+) => not found", done.stdout,
                                                   re.MULTILINE)})


def vietnamese_fonts() -> list[str]:
    """Installed font families that hold every Vietnamese letter (the first 20)."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QGuiApplication
    app = QGuiApplication.instance() or QGuiApplication([])   # noqa: F841 — fonts need it
    families = []
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.Vietnamese):
        metrics = QFontMetrics(QFont(family))
        if all(metrics.inFontUcs4(ord(c)) for c in VIETNAMESE):
            families.append(family)
            if len(families) == 20:
                break
    return families


def main() -> int:
    print(json.dumps(probe(), ensure_ascii=False))
    return 0

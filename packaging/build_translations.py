"""Refresh and compile the translations.

    python packaging/build_translations.py          # update hoso_en.ts from the sources, compile .qm
    python packaging/build_translations.py --check  # exit 1 if a .qm is stale or a string untranslated

Vietnamese is the source language of the program's strings; hoso_en.ts holds English.
qt_vi.ts gives Vietnamese to Qt's own dialogs (Qt ships none). The compiled .qm files
are committed so an installed program needs no Qt tools; tests check they are current.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = ROOT / "desktop" / "ui"


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).with_name(f"pyside6-{name}"))
    return found


def lupdate(ts: Path) -> None:
    files = sorted(str(p) for p in SOURCES.rglob("*.py"))
    subprocess.run([tool("lupdate"), *files, "-ts", str(ts), "-no-obsolete", "-locations", "none",
                    "-source-language", "vi_VN", "-target-language", "en_GB"],
                   check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def unfinished(ts: Path) -> list[str]:
    import xml.etree.ElementTree as ET
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished",) or not (translation.text or "").strip():
            missing.append(message.findtext("source"))
    return missing


def check() -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "hoso_en.ts"
        shutil.copy(TRANSLATIONS / "hoso_en.ts", fresh)
        lupdate(fresh)
        problems += [f"untranslated: {s!r}" for s in unfinished(fresh)]
        for ts in TRANSLATIONS.glob("*.ts"):
            qm = Path(tmp) / (ts.stem + ".qm")
            lrelease(ts, qm)
            committed = TRANSLATIONS / qm.name
            if not committed.exists() or committed.read_bytes() != qm.read_bytes():
                problems.append(f"stale: {committed.name} (run packaging/build_translations.py)")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if args.check:
        problems = check()
        print("\n".join(problems) or "translations are current")
        return 1 if problems else 0
    lupdate(TRANSLATIONS / "hoso_en.ts")
    for ts in TRANSLATIONS.glob("*.ts"):
        lrelease(ts, TRANSLATIONS / (ts.stem + ".qm"))
    missing = unfinished(TRANSLATIONS / "hoso_en.ts")
    print(f"{len(missing)} strings still need English")
    return 0


if __name__ == "__main__":
    sys.exit(main())

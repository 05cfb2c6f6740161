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
    known = translations(ts)
    files = sorted(str(p) for p in SOURCES.rglob("*.py"))
    command = [tool("lupdate"), *files, "-ts", str(ts), "-no-obsolete", "-locations", "none",
               "-source-language", "vi_VN", "-target-language", "en_GB"]
    subprocess.run(command, check=True, capture_output=True)
    if carry(ts, known):
        subprocess.run(command, check=True, capture_output=True)   # lupdate's own layout again


def translations(ts: Path) -> dict[str, str]:
    """source → English of every finished message, whatever its class (context)."""
    import xml.etree.ElementTree as ET
    if not ts.exists():
        return {}
    found: dict[str, str] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and translation.text:
            found.setdefault(message.findtext("source") or "", translation.text)
    return found


def carry(ts: Path, known: dict[str, str]) -> bool:
    """A string whose code moved to another class keeps its English: lupdate sees a new
    context and would otherwise leave it unfinished (and drop the old one)."""
    import xml.etree.ElementTree as ET
    tree = ET.parse(ts)
    changed = False
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is not None and translation.get("type") == "unfinished" and source in known:
            translation.text = known[source]
            del translation.attrib["type"]
            changed = True
    if changed:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return changed


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

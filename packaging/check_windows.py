"""Windows on paper: is a Windows wheelhouse folder complete down to its DLLs? Opens the
wheels (zip files), reads the import table of every DLL and PYD the program loads on
Windows — its Python extension modules and the Qt plugins it needs — and follows each
imported DLL through the wheels. A DLL found nowhere in the wheels that is not Windows' or
Python's own is a gap: the program would fail on the workstation with "DLL load failed".

    python packaging/check_windows.py FOLDER        (e.g. packaging/wheelhouse/win-cp312)

Prints what it checked and each gap; exit 0 when there are none. Reads PE files itself (no
Windows, no extra package needed)."""

from __future__ import annotations

import re
import struct
import sys
import zipfile
from pathlib import Path

# what the program imports on Windows (a PySide6 module, an extension module's package)
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport")
QT_PLUGINS = ("platforms/qwindows.dll", "imageformats/qsvg.dll", "iconengines/qsvgicon.dll",
              "styles/qmodernwindowsstyle.dll")
PACKAGES = ("sqlcipher3", "psycopg_binary", "cryptography", "python_calamine", "markupsafe",
            "sqlalchemy", "_cffi_backend")
# Windows' own and the Python installation's DLLs (never shipped in a wheel); Qt 6 uses the
# ICU that Windows 10 (1703 and later) carries as icuuc.dll / icuin.dll
SYSTEM = re.compile(
    r"(api-ms-win-.*|ext-ms-win-.*|kernel32|kernelbase|user32|gdi32|gdiplus|advapi32|shell32|"
    r"ole32|oleaut32|ws2_32|crypt32|bcrypt|bcryptprimitives|ncrypt|secur32|d3d9|d3d11|d3d12|"
    r"dxgi|dwmapi|uxtheme|imm32|winmm|version|shlwapi|comdlg32|winspool|setupapi|"
    r"netapi32|userenv|wtsapi32|dwrite|d2d1|opengl32|iphlpapi|dnsapi|mpr|authz|comctl32|"
    r"rpcrt4|ntdll|normaliz|wldap32|winhttp|msimg32|powrprof|shcore|dbghelp|propsys|"
    r"cfgmgr32|hid|mf|mfplat|mfreadwrite|evr|dxva2|wininet|urlmon|usp10|oleacc|credui|"
    r"ucrtbase|msvcrt|vcruntime140|vcruntime140_1|python3|python3\d+|dcomp|d3dcompiler_47|"
    r"winmmbase|avrt|ksuser|wevtapi|pdh|psapi|dbgeng|sspicli|cryptbase|netutils|"
    r"uiautomationcore|icuuc|icuin|icu)"
    r"\.(dll|drv)", re.IGNORECASE)


def pe_imports(data: bytes) -> list[str]:
    """The DLL names a PE file imports (normal and delay-loaded)."""
    if data[:2] != b"MZ":
        raise ValueError("not a PE file")
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0":
        raise ValueError("no PE signature")
    sections, optional_size = struct.unpack_from("<H12xH", data, pe + 6)
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    directories = optional + (112 if magic == 0x20B else 96)   # PE32+ or PE32
    table = []
    start = optional + optional_size
    for i in range(sections):
        size, address, raw_size, raw = struct.unpack_from("<IIII", data, start + 40 * i + 8)
        table.append((address, max(size, raw_size), raw))

    def offset(rva: int) -> int:
        for address, size, raw in table:
            if address <= rva < address + size:
                return rva - address + raw
        raise ValueError(f"RVA {rva:#x} outside the sections")

    def name_at(rva: int) -> str:
        at = offset(rva)
        return data[at:data.index(b"\0", at)].decode("ascii", "replace")

    names = []
    for index, width, name_field in ((1, 20, 12), (13, 32, 4)):   # imports, delay imports
        rva, size = struct.unpack_from("<II", data, directories + 8 * index)
        if not rva:
            continue
        at = offset(rva)
        while True:
            entry = data[at:at + width]
            if len(entry) < width or not any(entry):
                break
            names.append(name_at(struct.unpack_from("<I", entry, name_field)[0]))
            at += width
    return names


def wheel_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """Every DLL and PYD in the folder's wheels: lower-case file name → (wheel, member)."""
    found = {}
    for wheel in sorted(folder.glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            for member in archive.namelist():
                if member.lower().endswith((".dll", ".pyd")):
                    found.setdefault(member.rsplit("/", 1)[-1].lower(), (wheel, member))
    return found


def roots(files: dict[str, tuple[Path, str]]) -> list[str]:
    chosen = []
    for name, (wheel, member) in files.items():
        top = member.split("/", 1)[0]
        if member.startswith("PySide6/") and name.endswith(".pyd") \
                and name.split(".")[0] in {m.lower() for m in QT_MODULES}:
            chosen.append(name)
        elif member.startswith("PySide6/") and any(member.endswith("plugins/" + p)
                                                    for p in QT_PLUGINS):
            chosen.append(name)
        elif name.endswith(".pyd") and top.split(".")[0] in PACKAGES:
            chosen.append(name)
    return sorted(chosen)


def check(folder: Path) -> tuple[list[str], list[str], int]:
    """(the roots, the gaps as "needed.dll (by what)", DLLs followed)."""
    files = wheel_files(folder)
    start = roots(files)
    wanted = [f"{m}.pyd" for m in QT_MODULES] + [p.rsplit("/", 1)[-1] for p in QT_PLUGINS]
    gaps = [f"{w} (the program loads it; no wheel has it)" for w in wanted
            if w.lower() not in files]
    seen: set[str] = set()
    todo = list(start)
    archives: dict[Path, zipfile.ZipFile] = {}
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        wheel, member = files[name]
        archive = archives.setdefault(wheel, zipfile.ZipFile(wheel))
        for needed in pe_imports(archive.read(member)):
            key = needed.lower()
            if key in files:
                todo.append(key)
            elif not SYSTEM.fullmatch(key):
                gaps.append(f"{needed} (imported by {member} in {wheel.name})")
    for archive in archives.values():
        archive.close()
    return start, sorted(set(gaps)), len(seen)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    start, gaps, followed = check(Path(argv[0]))
    print(f"{len(start)} files the program loads ({', '.join(start)}), {followed} DLL/PYD "
          f"files followed")
    for gap in gaps:
        print(f"MISSING {gap}")
    print("complete" if not gaps else f"{len(gaps)} missing")
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

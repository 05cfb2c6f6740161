"""Windows on paper: the Windows wheelhouse is built here and checked down to its DLLs —
every DLL and PYD the program loads on Windows finds what it imports (packaging/
check_windows.py reads the PE import tables itself). What cannot run here is listed in
packaging/README.md with the steps for IT staff."""

import subprocess
import sys
import zipfile

from tests.packaging.conftest import PACKAGING


def check(folder):
    return subprocess.run([sys.executable, str(PACKAGING / "check_windows.py"), str(folder)],
                          capture_output=True, text=True)


def test_the_windows_wheelhouse_is_complete_down_to_its_dlls(windows_wheelhouse):
    names = {w.name.split("-")[0] for w in windows_wheelhouse.glob("*.whl")}
    assert {"pywin32_ctypes", "tzdata", "sqlcipher3", "pyside6_essentials"} <= names
    assert all(w.name.endswith(("win_amd64.whl", "none-any.whl"))
               for w in windows_wheelhouse.glob("*.whl"))
    done = check(windows_wheelhouse)
    assert done.returncode == 0, done.stdout
    assert "qwindows.dll" in done.stdout and "_sqlite3." in done.stdout
    assert done.stdout.strip().endswith("complete")


def test_a_dll_missing_from_a_wheel_is_named_with_what_needs_it(windows_wheelhouse, tmp_path):
    import shutil
    copy = tmp_path / "win"
    shutil.copytree(windows_wheelhouse, copy)
    wheel = next(copy.glob("pyside6_addons-*.whl"))
    stripped = tmp_path / wheel.name
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(stripped, "w") as target:
        for item in source.infolist():
            if not item.filename.endswith("/Qt6Pdf.dll"):
                target.writestr(item, source.read(item))
    stripped.replace(wheel)
    done = check(copy)
    assert done.returncode == 1
    assert "MISSING Qt6Pdf.dll (imported by PySide6/" in done.stdout

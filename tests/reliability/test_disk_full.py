"""Disk full and read-only media, on real small file systems: a tmpfs with a size limit
mounted in a private mount namespace (`unshare -rm`, no root needed where the kernel allows
user namespaces). An import, a document add, a backup and an export that run out of space
end with one clear line and leave nothing partial; the vault still opens and verifies.
Skipped, naming why, where such a mount cannot be made."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import PASSWORD, cannot_mount_tmpfs


_WHY = cannot_mount_tmpfs()
pytestmark = pytest.mark.skipif(bool(_WHY), reason=f"disk-full tests need a small tmpfs: {_WHY}")

# Runs inside the namespace, after the tmpfs mounts: every step through the real command
# line, the outcome of each as JSON.
_SCRIPT = textwrap.dedent("""
    import json, os, subprocess, sys
    from pathlib import Path
    work, small, tiny = map(Path, sys.argv[1:4])
    pw = sys.argv[4]

    def hoso(*args, stdin=pw + "\\n"):
        r = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], input=stdin,
                           capture_output=True, text=True, encoding="utf-8")
        return {"rc": r.returncode, "err": r.stderr.strip(), "out": r.stdout.strip()}

    out = {}
    vault = small / "vault"
    out["init"] = hoso("init", vault, "--admin", "admin", "--password-stdin")
    out["add"] = hoso("--vault", vault, "case", "add", "--code", "D-1", "--title", "Đầy đĩa",
                      "--password-stdin")
    free = os.statvfs(small).f_bavail * os.statvfs(small).f_frsize
    big = work / "lon.bin"
    with open(big, "wb") as f:
        f.write(os.urandom(free + 2 * 1024 * 1024))
    out["doc"] = hoso("--vault", vault, "doc", "add", "D-1", big, "--number", "01/BC",
                      "--password-stdin")
    out["import"] = hoso("--vault", vault, "import", "--kind", "cases", work / "nhap.xlsx",
                         "--password-stdin")
    out["left_in_vault"] = sorted(str(p.relative_to(vault)) for p in vault.rglob("*")
                                  if p.is_file() and p.name.endswith((".tmp", ".part")))
    # a vault elsewhere, with a document, backed up and exported onto the tiny one
    other = work / "other"
    hoso("init", other, "--admin", "admin", "--password-stdin")
    hoso("--vault", other, "case", "add", "--code", "E-1", "--title", "Xuất", "--password-stdin")
    doc = work / "vua.bin"
    doc.write_bytes(os.urandom(3 * 1024 * 1024))
    out["doc_other"] = hoso("--vault", other, "doc", "add", "E-1", doc, "--number", "02/BC",
                            "--password-stdin")
    out["backup"] = hoso("--vault", other, "backup", tiny / "sao-luu", "--password-stdin")
    out["left_after_backup"] = sorted(p.name for p in tiny.iterdir())
    filler = tiny / "filler"   # leaves the export a few kilobytes
    st = os.statvfs(tiny)
    with open(filler, "wb") as f:
        f.write(bytes(st.f_bavail * st.f_frsize - 6 * 1024))
    out["export"] = hoso("--vault", other, "export", "cases", tiny / "so.xlsx",
                         "--password-stdin")
    filler.unlink()
    out["left_on_tiny"] = sorted(p.name for p in tiny.iterdir())
    out["verify_small"] = hoso("--vault", vault, "verify", "--password-stdin")
    out["list_small"] = hoso("--vault", vault, "case", "list", "--password-stdin")
    print(json.dumps(out))
""")


def test_running_out_of_space_is_one_clear_line_and_nothing_partial(tmp_path):
    import openpyxl
    work = tmp_path
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Nội dung"])
    for i in range(20_000):   # far more than the small file system holds once imported
        ws.append([f"N-{i:05d}", f"Thanh tra đơn vị số {i}", "x" * 400])
    wb.save(work / "nhap.xlsx")
    (work / "script.py").write_text(_SCRIPT, encoding="utf-8")
    small, tiny = work / "small", work / "tiny"
    small.mkdir()
    tiny.mkdir()
    shell = (f"mount -t tmpfs -o size=6m none {small} && mount -t tmpfs -o size=2m none {tiny} && "
             f"{sys.executable} {work / 'script.py'} {work} {small} {tiny} {PASSWORD}")
    run = subprocess.run(["unshare", "-rm", "sh", "-c", shell], capture_output=True, text=True,
                         encoding="utf-8", timeout=600,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["init"]["rc"] == 0 and out["add"]["rc"] == 0, out
    for step in ("doc", "import", "backup", "export"):
        result = out[step]
        assert result["rc"] != 0, (step, result)
        lines = result["err"].splitlines()
        assert len(lines) == 1 and "ổ đĩa đầy" in lines[0], (step, result["err"])
        assert "Traceback" not in result["err"] and "không mong đợi" not in result["err"]
    assert out["left_in_vault"] == []
    assert out["left_after_backup"] == [] and out["left_on_tiny"] == [], out
    assert out["verify_small"]["rc"] == 0, out["verify_small"]
    assert "D-1" in out["list_small"]["out"] and "N-00000" not in out["list_small"]["out"]


def test_a_vault_on_read_only_media_opens_for_reading_and_refuses_writes(tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    script = textwrap.dedent(f"""
        import json, subprocess, sys
        def hoso(*args):
            r = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)],
                               input={PASSWORD!r} + "\\n", capture_output=True, text=True,
                               encoding="utf-8")
            return {{"rc": r.returncode, "err": r.stderr.strip(), "out": r.stdout.strip()}}
        v = {str(media / "v")!r}
        if sys.argv[1] == "make":
            hoso("init", v, "--admin", "admin", "--password-stdin")
            print(json.dumps(hoso("--vault", v, "case", "add", "--code", "R-1", "--title",
                                  "Chỉ đọc", "--password-stdin")))
        else:
            print(json.dumps({{"list": hoso("--vault", v, "case", "list", "--password-stdin"),
                              "add": hoso("--vault", v, "case", "add", "--code", "R-2",
                                          "--title", "x", "--password-stdin"),
                              "verify": hoso("--vault", v, "verify", "--password-stdin")}}))
        """)
    (tmp_path / "ro.py").write_text(script, encoding="utf-8")
    py = f"{sys.executable} {tmp_path / 'ro.py'}"
    shell = (f"mount -t tmpfs -o size=20m none {media} && {py} make && "
             f"mount -o remount,ro {media} && {py} use")
    run = subprocess.run(["unshare", "-rm", "sh", "-c", shell], capture_output=True, text=True,
                         encoding="utf-8", timeout=300,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert run.returncode == 0, run.stderr
    made, used = (json.loads(line) for line in run.stdout.strip().splitlines()[-2:])
    assert made["rc"] == 0, made
    assert used["list"]["rc"] == 0 and "R-1" in used["list"]["out"]
    assert "ổ chỉ đọc" in used["list"]["err"]                 # said at once
    assert used["add"]["rc"] == 1 and "không ghi được" in used["add"]["err"]
    assert "không mong đợi" not in used["add"]["err"]
    assert used["verify"]["rc"] == 0, used["verify"]


def test_the_desktop_program_shows_a_read_only_vault_with_a_banner(tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        from desktop.services import cases, vault_service
        v = {str(media / "v")!r}
        if sys.argv[1] == "make":
            vs = vault_service.create_vault(v, "admin", {PASSWORD!r})
            cases.add_case(vs, cases.CaseInput(code="R-1", title="Chỉ đọc"))
            vs.close()
            sys.exit(0)
        app = QApplication([])
        from desktop.ui.context import AppContext
        from desktop.ui.shell.main_window import MainWindow
        from desktop.ui.settings import Settings
        from desktop.ui.tasks import TaskRunner
        runner = TaskRunner()
        ctx = AppContext(Settings(QSettings({str(tmp_path / "h.ini")!r}, QSettings.Format.IniFormat)),
                         runner, "vi", v)
        ctx.set_session(vault_service.open_vault(v, "admin", {PASSWORD!r}))
        window = MainWindow(ctx)
        window.show()
        for _ in range(40):
            app.processEvents()
        print("banner" if window.read_only_banner.isVisible() else "no banner",
              "read-only" if ctx.session.read_only else "writable")
        ctx.lock()
        runner.wait()
        """)
    (tmp_path / "gui.py").write_text(script, encoding="utf-8")
    py = f"{sys.executable} {tmp_path / 'gui.py'}"
    shell = (f"mount -t tmpfs -o size=20m none {media} && {py} make && "
             f"mount -o remount,ro {media} && {py} show")
    run = subprocess.run(["unshare", "-rm", "sh", "-c", shell], capture_output=True, text=True,
                         encoding="utf-8", timeout=300,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "banner read-only"

"""The one-folder bundle (packaging/build-bundle.sh): small enough to carry, checked by its
SHA256SUMS, and working from a folder outside the source tree with no Python on PATH — every
step of the command-line workflow, the workstation check, the desktop program under a real X
server, and all of it in a namespace without network."""

import os
import shutil
import subprocess
import sys
import tarfile
import textwrap

import pytest

from tests.packaging.conftest import PACKAGING

PW = "mat-khau-goi-1"


@pytest.fixture(scope="module")
def bundle(bundle_release, tmp_path_factory):
    """The bundle unpacked where a user would put it: far from the source tree."""
    place = tmp_path_factory.mktemp("opt")
    archive = next(bundle_release.glob("hoso-*-linux-x86_64.tar.gz"))
    with tarfile.open(archive) as tar:
        tar.extractall(place, filter="tar")
    return place / "hoso"


def run(bundle, *args, stdin="", home):
    """The bundle's hoso with an empty environment: no Python, nothing of the build."""
    env = {"HOME": str(home), "PATH": "/nonexistent", "LANG": "C.UTF-8"}
    return subprocess.run([str(bundle / "hoso"), *map(str, args)], input=stdin, env=env,
                          capture_output=True, text=True, timeout=300, cwd=home)


def test_the_archive_is_small_and_matches_its_sums(bundle_release):
    archive = next(bundle_release.glob("hoso-*-linux-x86_64.tar.gz"))
    assert archive.stat().st_size <= 200 * 1024 * 1024
    check = subprocess.run(["sha256sum", "--check", "SHA256SUMS"], cwd=bundle_release,
                           capture_output=True, text=True)
    assert check.returncode == 0 and ": OK" in check.stdout


def test_the_bundle_holds_only_the_qt_it_uses(bundle):
    internal = bundle / "_internal"
    names = {p.name for p in internal.rglob("*")}
    assert "libQt6Widgets.so.6" in names and "libQt6Pdf.so.6" in names
    assert "libqxcb.so" in names and "libxcb-cursor.so.0" in names   # a plain desktop lacks it
    assert not [n for n in names if "WebEngine" in n or "Qt6Quick" in n or "Qt6Qml" in n]
    assert (internal / "resources" / "rules" / "law-84-2025.json").exists()
    assert not [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]


def test_every_command_line_step_runs_from_the_bundle(bundle, tmp_path):
    assert run(bundle, "--version", home=tmp_path).stdout.strip().startswith("hoso ")
    vault = tmp_path / "kho"
    assert run(bundle, "init", vault, "--admin", "admin", "--password-stdin", stdin=PW + "\n",
               home=tmp_path).returncode == 0

    def hoso(*args):
        done = run(bundle, "--vault", vault, *args, "--password-stdin", stdin=PW + "\n",
                   home=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout
    hoso("case", "add", "--code", "HS-01", "--title", "Thanh tra đất đai xã Yên Hòa",
         "--decision-date", "02/01/2025")
    hoso("case", "event", "HS-01", "announced", "--date", "06/01/2025")
    assert "HS-01" in hoso("case", "list", "--search", "dat dai yen hoa")
    assert "hạn 08/04/2025" in hoso("case", "deadlines", "HS-01")   # 60 working days
    hoso("export", "cases", tmp_path / "ds.xlsx")
    assert "1" in hoso("import", tmp_path / "ds.xlsx", "--kind", "cases", "--dry-run")
    (tmp_path / "to-trinh.txt").write_text("Tờ trình về kết quả thanh tra đất đai")
    hoso("doc", "add", "HS-01", tmp_path / "to-trinh.txt", "--type", "Tờ trình", "--number",
         "12/TTr", "--level", "mat")
    assert "12/TTr" in hoso("doc", "search", "ket qua thanh tra")
    assert "OK" in hoso("audit", "verify")
    hoso("verify")
    hoso("backup", tmp_path / "sao-luu")
    # every group of commands once: each loads its own modules in the frozen program
    for args in (("user", "add", "tv1", "--role", "inspector", "--clearance", "mat"),
                 ("user", "list"), ("trust", "show"), ("trust", "check"),
                 ("case", "show", "HS-01"), ("case", "history", "HS-01"),
                 ("case", "edit", "HS-01", "--party", "UBND xã Yên Hòa"),
                 ("case", "stages"),
                 ("opinion", "send", "--case", "HS-01", "--to", "Bộ Tài chính", "--date",
                  "10/01/2025"), ("opinion", "list"),
                 ("directive", "add", "--case", "HS-01", "--issuer", "Tổng Thanh tra",
                  "--content", "Báo cáo tiến độ", "--date", "12/01/2025"), ("directive", "list"),
                 ("overdue",), ("plan", "create", "2026"), ("plan", "show", "2026"),
                 ("report", "period", "--from", "01/01/2025", "--to", "30/06/2025"),
                 ("calendar", "show", "2026"), ("rules",), ("settings", "list"),
                 ("audit", "list"), ("doc", "list"), ("register", "in", "--year", "2026"),
                 ("export", "summary", tmp_path / "tong-hop.xlsx", "--by", "stage"),
                 ("export", "overdue", tmp_path / "qua-han.ods", "--format", "ods"),
                 ("doc", "export", "1", tmp_path / "ban-sao.txt", "--reason", "kiểm tra")):
        hoso(*args)
    assert (tmp_path / "MAT_ban-sao.txt").read_text() == "Tờ trình về kết quả thanh tra đất đai"
    restored = run(bundle, "restore", tmp_path / "sao-luu", tmp_path / "khoi-phuc",
                   "--password-stdin", stdin=PW + "\n", home=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert "Hồ sơ Thanh tra" in run(bundle, "--help", home=tmp_path).stdout
    demo = run(bundle, "demo", tmp_path / "demo", "--password-stdin", stdin=PW + "\n",
               home=tmp_path)
    assert demo.returncode == 0, demo.stderr
    doctor = run(bundle, "doctor", "--vault", vault, "--json", home=tmp_path)
    assert doctor.returncode in (0, 1), doctor.stderr
    assert '"check": "qt"' in doctor.stdout and "(bundle)" in doctor.stdout


_GRAB = textwrap.dedent("""
    import subprocess, sys, time
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication(sys.argv[:1] + ["-platform", "xcb"])
    program = subprocess.Popen([sys.argv[1], "--demo"], env={
        "HOME": sys.argv[3], "PATH": "/nonexistent", "LANG": "C.UTF-8",
        "DISPLAY": __import__("os").environ["DISPLAY"],
        "XAUTHORITY": __import__("os").environ.get("XAUTHORITY", "")})
    try:
        for _ in range(60):
            time.sleep(1)
            image = QGuiApplication.primaryScreen().grabWindow(0).toImage()
            colours = {image.pixel(x, y) for x in range(0, image.width(), 20)
                       for y in range(0, image.height(), 20)}
            if len(colours) > 8 or program.poll() is not None:
                break
        time.sleep(2)   # let it finish drawing
        QGuiApplication.primaryScreen().grabWindow(0).save(sys.argv[2])
        print("running" if program.poll() is None else f"ended {program.returncode}")
    finally:
        program.terminate()
        program.wait(30)
""")


@pytest.mark.skipif(shutil.which("xvfb-run") is None,
                    reason="xvfb-run is not installed (Debian: apt install xvfb xauth)")
def test_the_desktop_program_opens_from_the_bundle_under_a_real_x_server(bundle, tmp_path):
    from PySide6.QtGui import QImage
    script = tmp_path / "grab.py"
    script.write_text(_GRAB)
    shot = tmp_path / "bundle-login.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable,
                           str(script), str(bundle / "hoso"), str(shot), str(tmp_path)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().endswith("running")   # it did not crash or quit
    image = QImage(str(shot))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 10)
               for y in range(0, image.height(), 10)}
    assert len(colours) > 8, "the screen stayed blank: no window was drawn"


def test_the_bundle_runs_in_a_namespace_without_network(wheelhouse, bundle):
    done = subprocess.run(["bash", str(PACKAGING / "test-offline.sh"), str(wheelhouse),
                           str(bundle)], capture_output=True, text=True, timeout=1800,
                          env={**os.environ, "PYTHON": sys.executable})
    if done.returncode == 77:
        pytest.skip(done.stdout.strip())
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert f"-- {bundle}/hoso" in done.stdout
    assert "PASSED: installed and used with no network" in done.stdout

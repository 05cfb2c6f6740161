"""No network, proven: the command line works in a network namespace with no interface at
all, and no Internet socket is opened by the command line or the desktop program (socket
creation patched to refuse). Also the small things of a machine without a terminal: no
standard input is a clear message, and probing the credential store starts no program."""

import io
import shutil
import socket
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout

import pytest

from desktop.cli import main as hoso_main
from tests.conftest import PASSWORD, run_hoso

_INTERNET = (socket.AF_INET, socket.AF_INET6)


@pytest.fixture
def no_internet(monkeypatch):
    """Every AF_INET/AF_INET6 socket made in this process is recorded and refused."""
    made: list[int] = []
    real = socket.socket

    class Guarded(real):
        def __init__(self, family=-1, *args, **kwargs):
            if family in _INTERNET or family == -1:
                made.append(family)
                raise OSError("no network in this test")
            super().__init__(family, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", Guarded)
    monkeypatch.setattr(socket, "create_connection",
                        lambda *a, **k: made.append("connect") or (_ for _ in ()).throw(
                            OSError("no network in this test")))
    yield made
    assert made == []


def _hoso(*args, stdin: str = PASSWORD + "\n") -> str:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = hoso_main([str(a) for a in args])
    finally:
        sys.stdin = old
    assert code in (0, None), err.getvalue()
    return out.getvalue()


def test_the_command_line_opens_no_internet_socket(tmp_path, no_internet):
    vault = tmp_path / "vault"
    _hoso("init", vault, "--admin", "admin", "--password-stdin")
    _hoso("--vault", vault, "case", "add", "--code", "N-1", "--title", "Thanh tra không mạng",
          "--decision-date", "01/03/2024", "--password-stdin")
    _hoso("--vault", vault, "case", "event", "N-1", "announced", "--date", "10/03/2024",
          "--password-stdin")
    assert "N-1" in _hoso("--vault", vault, "case", "list", "--password-stdin")
    _hoso("--vault", vault, "export", "cases", tmp_path / "so.xlsx", "--password-stdin")
    _hoso("--vault", vault, "backup", tmp_path / "backup", "--password-stdin")
    assert "nguyên vẹn" in _hoso("--vault", vault, "verify", "--password-stdin")


def test_the_desktop_program_opens_no_internet_socket(qtbot, tmp_path, no_internet):
    from PySide6.QtCore import QSettings

    from desktop.services import vault_service
    from desktop.ui.context import AppContext
    from desktop.ui.shell.main_window import MainWindow
    from desktop.ui.settings import Settings
    from desktop.ui.tasks import TaskRunner
    path = tmp_path / "vault"
    vault_service.create_vault(path, "admin", PASSWORD).close()
    settings = Settings(QSettings(str(tmp_path / "hoso.ini"), QSettings.Format.IniFormat))
    runner = TaskRunner()
    ctx = AppContext(settings, runner, "vi", path)
    ctx.set_session(vault_service.open_vault(path, "admin", PASSWORD))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    for key, *_rest in window._factories:   # every page shown, each loading its data
        window.go(key)
        qtbot.waitUntil(lambda: not runner.busy, timeout=20000)
    assert len(window.pages) == len(window._factories)
    ctx.lock()
    runner.wait()


@pytest.mark.skipif(shutil.which("unshare") is None
                    or subprocess.run(["unshare", "-rn", "true"]).returncode != 0,
                    reason="no user network namespaces here (unshare -rn)")
def test_the_command_line_works_with_no_network_interface(tmp_path):
    vault = tmp_path / "vault"

    def offline(*args):
        result = subprocess.run(["unshare", "-rn", sys.executable, "-m", "desktop", *map(str, args)],
                                input=PASSWORD + "\n", capture_output=True, text=True,
                                encoding="utf-8", timeout=300)
        assert result.returncode == 0, result.stderr
        return result.stdout
    interfaces = subprocess.run(["unshare", "-rn", "cat", "/proc/net/dev"], capture_output=True,
                                text=True).stdout
    assert "eth" not in interfaces and "lo:" in interfaces   # only a loopback, and it is down
    offline("init", vault, "--admin", "admin", "--password-stdin")
    offline("--vault", vault, "case", "add", "--code", "N-2", "--title", "Không mạng",
            "--password-stdin")
    offline("--vault", vault, "demo", tmp_path / "demo", "--password-stdin")
    assert "N-2" in offline("--vault", vault, "case", "list", "--password-stdin")
    assert "nguyên vẹn" in offline("--vault", vault, "verify", "--password-stdin")


def test_no_standard_input_is_a_clear_message(tmp_path):
    vault = tmp_path / "vault"
    assert run_hoso(["init", vault, "--admin", "admin", "--password-stdin"],
                    PASSWORD + "\n").returncode == 0
    result = subprocess.run([sys.executable, "-m", "desktop", "--vault", str(vault), "case",
                             "list"], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            encoding="utf-8", start_new_session=True, timeout=120)
    assert result.returncode == 1
    assert "Không đọc được mật khẩu: không có đầu vào chuẩn" in result.stderr
    assert "không mong đợi" not in result.stderr


def test_probing_the_credential_store_starts_no_program():
    code = ("import subprocess\n"
            "def refuse(*a, **k): raise SystemExit('a program was started: %r' % (a,))\n"
            "subprocess.Popen.__init__ = refuse\n"
            "from desktop.security import secrets\n"
            "print(secrets.keyring_usable())\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr + result.stdout

"""One vault, two programs: while one has it open the other reads and writes; while one
holds the write lock the other waits where SQLite can (busy timeout), and then, or at once
where it cannot, says who holds it (user, machine, since) and changes nothing; no damage
either way."""

import socket
import subprocess
import sys
import textwrap

from desktop.services import cases, integrity, vault_service
from desktop.storage import presence
from tests.conftest import PASSWORD, run_hoso


def test_a_second_program_writes_while_the_first_has_the_vault_open(tmp_path):
    path = tmp_path / "vault"
    vault_service.create_vault(path, "admin", PASSWORD).close()
    first = vault_service.open_vault(path, "admin", PASSWORD)   # the desktop program, say
    try:
        result = run_hoso(["--vault", path, "case", "add", "--code", "H-1", "--title", "Hai chương trình",
                           "--password-stdin"], PASSWORD + "\n")
        assert result.returncode == 0, result.stderr
        assert cases.get_case(first, "H-1").row.title == "Hai chương trình"
        assert integrity.verify_vault(first).ok
    finally:
        first.close()


def test_a_held_write_lock_makes_the_other_wait_then_name_the_holder(tmp_path):
    path = tmp_path / "vault"
    vault_service.create_vault(path, "admin", PASSWORD).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from desktop.services import vault_service
        vs = vault_service.open_vault({str(path)!r}, "admin", {PASSWORD!r})
        with vs.engine.connect() as conn:
            conn.exec_driver_sql("COMMIT")          # leave SQLAlchemy's own transaction
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # a long write, as a big import holds it
            print("holding", flush=True)
            time.sleep(9)
            conn.exec_driver_sql("COMMIT")
        vs.close()
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        assert [h.user for h in presence.others(path)] == ["admin"]
        # (a write that began as a read cannot wait for the lock: SQLite refuses at once
        # rather than risk a deadlock; a write that begins writing waits the busy timeout)
        result = run_hoso(["--vault", path, "case", "add", "--code", "H-2", "--title", "Chờ",
                           "--password-stdin"], PASSWORD + "\n")
        assert result.returncode == 1
        assert "Kho dữ liệu đang bận" in result.stderr, result.stderr
        assert f"admin trên máy {socket.gethostname()}" in result.stderr
        assert "không có gì thay đổi" in result.stderr
    finally:
        holder.wait(timeout=60)
    again = run_hoso(["--vault", path, "case", "add", "--code", "H-2", "--title", "Chờ",
                      "--password-stdin"], PASSWORD + "\n")
    assert again.returncode == 0, again.stderr
    vs = vault_service.open_vault(path, "admin", PASSWORD)
    try:
        assert [c.code for c in cases.list_cases(vs)] == ["H-2"]
        assert integrity.verify_vault(vs).ok
        assert presence.others(path) == []   # the holder said goodbye
    finally:
        vs.close()


def test_a_killed_programs_presence_is_forgotten(tmp_path):
    path = tmp_path / "vault"
    vault_service.create_vault(path, "admin", PASSWORD).close()
    gone = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os
        from desktop.services import vault_service
        vault_service.open_vault({str(path)!r}, "admin", {PASSWORD!r})
        os._exit(0)   # killed: no lock, no goodbye
        """)], timeout=120)
    assert gone.returncode == 0
    assert len(list((path / presence.FOLDER).glob("*.json"))) == 1
    assert presence.others(path) == []
    assert list((path / presence.FOLDER).glob("*.json")) == []


def test_the_desktop_program_says_who_else_has_the_vault_open(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.ui.context import AppContext
    from desktop.ui.shell.main_window import MainWindow
    from desktop.ui.settings import Settings
    from desktop.ui.tasks import TaskRunner
    path = tmp_path / "vault"
    vault_service.create_vault(path, "admin", PASSWORD).close()
    other = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from desktop.services import vault_service
        vs = vault_service.open_vault({str(path)!r}, "admin", {PASSWORD!r})
        print("open", flush=True)
        time.sleep(20)
        vs.close()
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "open"
        runner = TaskRunner()
        ctx = AppContext(Settings(QSettings(str(tmp_path / "h.ini"), QSettings.Format.IniFormat)),
                         runner, "vi", path)
        ctx.set_session(vault_service.open_vault(path, "admin", PASSWORD))
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        # said in the status bar as soon as the worker has looked (the window opens first)
        qtbot.waitUntil(lambda: "Cũng đang mở kho dữ liệu này"
                        in window.statusBar().currentMessage(), timeout=10000)
        message = window.statusBar().currentMessage()
        assert f"admin trên máy {socket.gethostname()}" in message
        ctx.lock()
        runner.wait()
    finally:
        other.kill()
        other.wait()

"""One sentence per error for both front ends (services.error_text.describe): the
command line prints it, the desktop program shows it; the unexpected one is logged
without values."""

import errno
import sqlite3
from pathlib import Path

import sqlalchemy.exc

from desktop.domain.errors import HosoError
from desktop.services import error_text


def test_known_errors_in_both_languages(tmp_path):
    assert error_text.describe(HosoError("error.interrupted"), "en") == "Cancelled."
    assert error_text.describe(KeyboardInterrupt(), "vi") == "Đã hủy."
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out.xlsx"))
    assert error_text.describe(full, "vi").startswith(f"Không ghi được vào {tmp_path / 'out.xlsx'}")
    damaged = sqlalchemy.exc.DatabaseError("SELECT 1", {}, sqlite3.DatabaseError(
        "file is not a database"))
    assert error_text.describe(damaged, "en", tmp_path) == (
        f"The database file {tmp_path / 'hoso.db'} is damaged or was tampered with; "
        "it cannot be opened.")
    disk = sqlalchemy.exc.OperationalError("INSERT", {}, sqlite3.OperationalError(
        "database or disk is full"))
    assert "the disk is full" in error_text.describe(disk, "en", tmp_path)


def test_an_unexpected_error_is_logged_without_its_values(tmp_path, monkeypatch):
    monkeypatch.setenv("HOSO_LOG_DIR", str(tmp_path))
    try:
        {"secret": 1}["Tối mật: nội dung"]
    except KeyError as exc:
        text = error_text.describe(exc, "vi")
    log = tmp_path / "errors.log"
    assert text == f"Lỗi không mong đợi (KeyError); chi tiết đã ghi vào nhật ký lỗi {log}."
    written = log.read_text(encoding="utf-8")
    assert "builtins.KeyError" in written and "test_error_text.py" in written
    assert "Tối mật" not in written and "secret" not in written


def test_the_desktop_program_says_what_the_command_line_says():
    from desktop.ui import errors
    assert errors.describe is error_text.describe
    assert Path(error_text.__file__).parent.name == "services"   # below the UI, Qt-free

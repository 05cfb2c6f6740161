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


def test_messages_name_no_command_the_desktop_user_could_not_type():
    """The services' messages reach the desktop program too: no "hoso user reset", no
    "--copies". The command line adds its commands as hints (cli/hints.py). Only
    messages the command line alone raises may name its options."""
    import re

    import desktop.domain.messages_documents  # noqa: F401
    import desktop.domain.messages_integrity  # noqa: F401
    import desktop.domain.messages_workflow  # noqa: F401
    import desktop.exchange.excel.import_messages  # noqa: F401
    import desktop.exchange.excel.messages  # noqa: F401
    import desktop.security.blob_messages  # noqa: F401
    import desktop.services.exporter  # noqa: F401
    import desktop.services.register_export  # noqa: F401
    import desktop.services.summary  # noqa: F401
    from desktop.cli.hints import HINTS, with_hint
    from desktop.domain.messages import MESSAGES, render
    command_line_only = {"password.no_input", "import.kind_unknown"}
    naming = re.compile(r"hoso [a-z]|(^|\s)--[a-z]")
    assert [k for k, (vi, en) in MESSAGES.items()
            if k not in command_line_only and naming.search(vi + " " + en)] == []
    assert set(HINTS) <= set(MESSAGES)
    locked = render("vault.slot_locked", "en", user="lan", n=10)
    assert with_hint("vault.slot_locked", locked, "en", {"user": "lan"}) == \
        locked + " An administrator runs “hoso user unlock lan”."
    assert render("input.bad_number", "vi", value="x", field="copies") == \
        "Giá trị “x” của số bản không phải là số hợp lệ."

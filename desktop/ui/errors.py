"""Errors from any layer reach the user as a dialog in their language; an unexpected
error is logged (type and code location only, never values) and the program goes on."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.calendar import DataFileError
from desktop.domain.errors import HosoError
from desktop.domain.messages import describe_problems, render

_log = logging.getLogger("hoso.ui")


def log_file() -> Path:
    import platformdirs
    folder = Path(os.environ.get("HOSO_LOG_DIR") or platformdirs.user_log_dir("hoso", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "errors.log"


def describe(exc: BaseException, lang: str) -> str:
    if isinstance(exc, HosoError):
        return exc.message(lang)
    if isinstance(exc, DataFileError):
        return render("data.file_error", lang, path=str(exc.path), where=exc.where, detail=exc.message)
    import sqlalchemy.exc
    if isinstance(exc, sqlalchemy.exc.DatabaseError):
        from desktop.storage import presence
        if presence.is_locked(exc):   # (inside a unit of work the holder is named already)
            return presence.busy_error(None).message(lang)
        return render("vault.db_damaged", lang, path="hoso.db")
    return render("error.unexpected", lang, kind=type(exc).__name__, log=str(_log_unexpected(exc)))


def _log_unexpected(exc: BaseException) -> Path:
    path = log_file()
    frames = getattr(exc, "__hoso_trace__", None) or traceback.extract_tb(exc.__traceback__)
    lines = [f"{type(exc).__module__}.{type(exc).__name__}"] + [
        f"  {f.filename}:{f.lineno} in {f.name}" for f in frames]
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    except OSError:
        pass
    return path


def show(parent: QWidget | None, exc: BaseException, lang: str = "vi") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "Hồ sơ Thanh tra" , describe(exc, lang),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.open()


def is_rollback(exc: BaseException) -> bool:
    return isinstance(exc, HosoError) and exc.key == "vault.rolled_back"


def confirm_rollback(parent: QWidget, exc: HosoError, lang: str, then) -> QMessageBox:
    """The vault is older than what this user saw: say so, and open it only when the
    user says it is a deliberate restore (then(), which opens with the rollback audited)."""
    from PySide6.QtCore import QCoreApplication
    question = QCoreApplication.translate("errors", "Mở kho dữ liệu này?")
    box = QMessageBox(QMessageBox.Icon.Warning, "Hồ sơ Thanh tra",
                      exc.message(lang) + "\n\n" + question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("rollbackQuestion")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.finished.connect(lambda result: then() if result == QMessageBox.StandardButton.Yes
                         else None)
    box.open()
    return box


def security_warnings(session, lang: str) -> str:
    """What the login found for the user to hear at once ("" when nothing)."""
    parts = []
    if session.upgraded_backup:
        parts.append(render("trust.upgraded", lang, path=session.upgraded_backup))
    if session.trust.problems:
        parts.append(describe_problems(session.trust.problems, lang))
    return "\n\n".join(parts)


def install_excepthook(lang_of) -> None:
    """Uncaught exceptions in slots: log, show, keep running."""
    def hook(kind, exc, tb):
        exc.__hoso_trace__ = traceback.extract_tb(tb)
        try:
            show(None, exc, lang_of())
        except Exception:  # noqa: BLE001 — never let the hook itself crash the program
            sys.__excepthook__(kind, exc, tb)
    sys.excepthook = hook

"""Errors from any layer reach the user as a dialog in their language; an unexpected
error is logged (type and code location only, never values) and the program goes on."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.errors import HosoError
from desktop.domain.messages import describe_problems, render
from desktop.services import error_text

_log = logging.getLogger("hoso.ui")


# one sentence per error for both front ends (the command line prints the same)
describe = error_text.describe


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

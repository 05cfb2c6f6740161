"""Pieces of the small forms the pages open: date fields in dd/mm/yyyy, framed notes that
turn red for a warning, and FormDialog, whose OK runs one task on the database worker."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QFrame, QLabel,
                               QVBoxLayout)

from desktop.ui import errors
from desktop.ui.widgets import busy_bar, error_label

def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(value: date, object_name: str) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setObjectName(object_name)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def notice_frame(object_name: str) -> tuple[QFrame, QLabel]:
    """A framed, word-wrapped note; `set_warning(frame, True)` turns it red."""
    frame = QFrame()
    frame.setObjectName(object_name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 8, 10, 8)
    label = QLabel()
    label.setObjectName(object_name + "Text")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(label)
    set_warning(frame, False)
    return frame, label


def set_warning(frame: QFrame, warning: bool) -> None:
    frame.setProperty("warning", warning)
    name = frame.objectName()
    if warning:
        frame.setStyleSheet(f"QFrame#{name} {{ border: 2px solid #c00000; border-radius: 4px;"
                            f" background: #fdecea; }} QFrame#{name} QLabel {{ color: #8b0000; }}")
    else:
        frame.setStyleSheet(f"QFrame#{name} {{ border: 1px solid #b9c4d0; border-radius: 4px;"
                            f" background: #f3f6f9; }}")


class FormDialog(QDialog):
    """A small form whose OK runs one task on the database worker: busy bar while it runs,
    the dialog closes when it succeeds (the result is in `outcome`), an error is shown as
    a dialog and the form stays open to be corrected."""

    def __init__(self, ctx, title: str, object_name: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.outcome: Any = None
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(self.form)
        self.message = error_label("formMessage", plain_text=False)
        layout.addWidget(self.message)
        self.busy = busy_bar()
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def task(self) -> Callable[[Any, Any], Any] | None:
        """The work to run (vs, control) → result; None after saying what is missing."""
        raise NotImplementedError

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def submit(self) -> None:
        self.say("")
        fn = self.task()
        if fn is None:
            return
        handle = self.ctx.db(fn, done=self._done, error=self._failed)
        if handle is None:  # locked meanwhile
            self.reject()
            return
        self.busy.show()
        self.buttons.setEnabled(False)

    def _done(self, result: Any) -> None:
        self.busy.hide()
        self.buttons.setEnabled(True)
        self.outcome = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.buttons.setEnabled(True)
        errors.show(self, exc, self.ctx.lang)

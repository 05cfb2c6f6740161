"""Pieces of the small forms the pages open: date fields in dd/mm/yyyy, framed notes that
turn red for a warning, and FormDialog, whose OK runs one task on the database worker."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QFrame, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

from desktop.domain.dates import parse_date
from desktop.domain.errors import HosoError
from desktop.domain.folding import fold
from desktop.ui import errors
from desktop.ui.widgets import busy_bar, error_label

_MARKED = "border: 2px solid #c00000;"

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
    the dialog closes when it succeeds (the result is in `outcome`). A refusal is shown
    under the field it is about (found from the message's value or field name, or from
    `error_fields`: message key → field), else under the form; the form stays open to be
    corrected and nothing was written."""

    error_fields: dict[str, str] = {}

    def __init__(self, ctx, title: str, object_name: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.outcome: Any = None
        self.fields: dict[str, tuple[str, QWidget, QLabel]] = {}
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

    def add_field(self, name: str, label: str, widget: QWidget,
                  form: QFormLayout | None = None) -> None:
        """A row whose own red line under the widget says what is wrong with it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = error_label(f"error_{name}")
        column.addWidget(error)
        (form or self.form).addRow(label, box)
        self.fields[name] = (label, widget, error)

    def task(self) -> Callable[[Any, Any], Any] | None:
        """The work to run (vs, control) → result; None after saying what is missing."""
        raise NotImplementedError

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def clear_errors(self) -> None:
        self.say("")
        for _label, widget, error in self.fields.values():
            error.hide()
            error.clear()
            widget.setStyleSheet("")

    def mark(self, name: str, text: str) -> None:
        _label, widget, error = self.fields[name]
        error.setText(text)
        error.show()
        widget.setStyleSheet(f"{type(widget).__name__} {{ {_MARKED} }}")
        widget.setFocus()

    def show_error(self, exc: BaseException, field: str | None = None) -> None:
        text = errors.describe(exc, self.ctx.lang)
        name = field if field in self.fields else self.field_of(exc)
        if name:
            self.mark(name, text)
        else:
            self.say(text)

    def field_of(self, exc: BaseException) -> str | None:
        """The field a refusal is about: by the message key, the value quoted, or the field
        named (a service names it as a command-line flag or in words)."""
        if not isinstance(exc, HosoError):
            return None
        if self.error_fields.get(exc.key) in self.fields:
            return self.error_fields[exc.key]
        params = exc.params
        for key in ("value", "end"):
            quoted = str(params.get(key, "")).strip()
            if quoted:
                for name, (_label, widget, _error) in self.fields.items():
                    if _same_value(_text_of(widget), quoted):
                        return name
        named = str(params.get("field", ""))
        for part in (p.strip() for p in named.split("/")):
            wanted = fold(part.lstrip("-").replace("-", "_").rstrip(":"))
            if not wanted:
                continue
            for name, (label, _widget, _error) in self.fields.items():
                if wanted in (name, fold(label).rstrip(":").strip()):
                    return name
        return None

    def submit(self) -> None:
        self.clear_errors()
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
        if isinstance(exc, HosoError):
            self.show_error(exc)
        else:   # not the user's input: the full report with where it was logged
            errors.show(self, exc, self.ctx.lang)


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentText().strip()
    return ""


def _same_value(typed: str, quoted: str) -> bool:
    """A value as typed against the value a message quotes (dates normalised: 5/3/2024 is
    the 05/03/2024 a service quotes)."""
    if not typed:
        return False
    if typed == quoted:
        return True
    try:
        return parse_date(typed) == parse_date(quoted)
    except Exception:  # noqa: BLE001 — not two dates
        return False

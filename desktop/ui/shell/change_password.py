"""Changing the password (enforced at first login): only the user's own key slot is
re-wrapped, on the worker thread."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout)

from desktop.services import users
from desktop.ui import errors
from desktop.ui.context import AppContext
from desktop.ui.widgets import busy_bar, password_strength


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx: AppContext, current: str = "", first_login: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Đổi mật khẩu"))
        layout = QVBoxLayout(self)
        if first_login:
            note = QLabel(self.tr("Đây là lần đăng nhập đầu tiên: hãy đặt mật khẩu của riêng bạn."))
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.old = QLineEdit(current)
        self.new = QLineEdit()
        self.again = QLineEdit()
        for name, edit in (("old", self.old), ("new", self.new), ("again", self.again)):
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel()
        self.new.textChanged.connect(lambda text: self.strength.setText(password_strength(text)[1]))
        form.addRow(self.tr("Mật khẩu hiện tại:"), self.old)
        form.addRow(self.tr("Mật khẩu mới:"), self.new)
        form.addRow("", self.strength)
        form.addRow(self.tr("Nhập lại:"), self.again)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.busy = busy_bar()
        layout.addWidget(self.busy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        (self.new if current else self.old).setFocus()

    def submit(self) -> None:
        if self.new.text() != self.again.text():
            self.message.setText(self.tr("Hai lần nhập mật khẩu không khớp."))
            return
        old, new = self.old.text(), self.new.text()
        self.busy.show()
        self.buttons.setEnabled(False)
        self.ctx.db(lambda vs, control: users.change_password(vs, old, new), done=self._done,
                    error=self._failed)

    def _done(self, _result) -> None:
        self.busy.hide()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.buttons.setEnabled(True)
        self.message.setText(errors.describe(exc, self.ctx.lang))

"""Login: user and password; the key derivation (Argon2id) runs off the UI thread
with a busy indicator; a wrong password is said inline and nothing else happens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout)

from desktop import bootstrap
from desktop.domain.errors import HosoError
from desktop.services import server_service
from desktop.services.context import VaultSession
from desktop.ui import errors
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import busy_bar


class LoginDialog(QDialog):
    unlocked = Signal(object)  # VaultSession

    def __init__(self, runner: TaskRunner, vault_path: Path, user: str = "", lang: str = "vi",
                 parent=None, hint: str = "") -> None:
        super().__init__(parent)
        self.runner, self.vault_path, self.lang = runner, Path(vault_path), lang
        self.session: VaultSession | None = None
        self.hand_over = False   # True: stay open after unlocking until closed by the caller
        # the system adds the program's name after it ("Đăng nhập — Hồ sơ Thanh tra")
        self.setWindowTitle(self.tr("Đăng nhập"))
        self.setObjectName("loginDialog")
        layout = QVBoxLayout(self)
        self.place = QLabel()
        self.place.setObjectName("loginPlace")
        self.place.setWordWrap(True)
        layout.addWidget(self.place)
        self._show_place()
        if hint:
            # a password in the hint ("…: demo-password") gets a line of its own: word wrap
            # would break it at its hyphen (rich-text "nobr" does not stop that in a QLabel)
            head, sep, tail = hint.rpartition(": ")
            hint_label = QLabel(f"{head}:\n{tail}" if sep else hint)
            hint_label.setTextFormat(Qt.TextFormat.PlainText)
            hint_label.setObjectName("loginHint")
            hint_label.setWordWrap(True)
            hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(hint_label)
        form = QFormLayout()
        self.user = QLineEdit(user)
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Người dùng:"), self.user)
        form.addRow(self.tr("Mật khẩu:"), self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.busy = busy_bar()
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đăng nhập"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # the department server instead of (or back from it to) the vault on this machine
        self.elsewhere = QPushButton()
        self.elsewhere.setObjectName("connectServer")
        self.elsewhere.setFlat(True)
        self.elsewhere.clicked.connect(self._choose_elsewhere)
        layout.addWidget(self.elsewhere, 0, Qt.AlignmentFlag.AlignLeft)
        self._show_place()
        (self.password if user else self.user).setFocus()
        self.setMinimumWidth(420)

    def _show_place(self) -> None:
        on_server = bootstrap.is_server_profile(self.vault_path)
        if hasattr(self, "elsewhere"):
            self.elsewhere.setText(self.tr("Dùng kho dữ liệu trên máy này…") if on_server
                                   else self.tr("Kết nối máy chủ của đơn vị…"))
        if on_server:
            try:
                name = server_service.profile_label(self.vault_path)
            except HosoError as exc:
                name = exc.message(self.lang)
            self.place.setText(self.tr("Máy chủ của đơn vị: %1").replace("%1", name))
        else:
            self.place.setText(self.tr("Kho dữ liệu: %1").replace("%1", str(self.vault_path)))

    def _choose_elsewhere(self) -> None:
        """On a vault: the connection profile (.json) the administrator handed out (its CA
        certificate beside it); on a server: a vault's folder on this machine."""
        if bootstrap.is_server_profile(self.vault_path):
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Chọn thư mục"), str(bootstrap.default_vault()),
                QFileDialog.Option.DontUseNativeDialog)
        else:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Tệp cấu hình máy chủ"), str(self.vault_path.parent),
                self.tr("Cấu hình máy chủ (*.json)"),
                options=QFileDialog.Option.DontUseNativeDialog)
        if chosen:
            self.use_place(Path(chosen))

    def use_place(self, path: Path) -> None:
        """Sign in to another register: a vault's folder or a server's profile."""
        self.vault_path = Path(path)
        self.message.clear()
        self._show_place()
        self.user.setFocus()

    def submit(self, accept_rollback: bool = False) -> None:
        user, password = self.user.text().strip(), self.password.text()
        if not password:
            self.message.setText(self.tr("Hãy nhập mật khẩu."))
            return
        self._busy(True)
        path = self.vault_path
        self.runner.run(lambda control: bootstrap.open_session(
                            path, user or None, password, accept_rollback=accept_rollback),
                        done=self._opened, error=self._failed)

    def _busy(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.buttons.setEnabled(not on)
        self.user.setEnabled(not on)
        self.password.setEnabled(not on)

    def _opened(self, session: VaultSession) -> None:
        self.session = session
        self.password_used = self.password.text()
        self.password.clear()
        if self.hand_over:
            # the launcher closes this window once the main window has painted: no moment
            # with nothing on the screen (the busy bar keeps moving meanwhile)
            self.unlocked.emit(session)
            return
        self._busy(False)
        self.unlocked.emit(session)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.message.setText(errors.describe(exc, self.lang))
        self.adjustSize()  # a long message is read whole, not cut
        if errors.is_rollback(exc):
            self.question = errors.confirm_rollback(self, exc, self.lang,
                                                    lambda: self.submit(accept_rollback=True))
        self.password.selectAll()
        self.password.setFocus()

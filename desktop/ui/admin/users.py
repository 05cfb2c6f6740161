"""Users ("Người dùng", administrators only): the list of users, adding one with a first
password generated and shown once, resetting a password, changing role and clearance.
Key-slot work (Argon2) runs on the worker; errors from the services (e.g. granting a
clearance above one's own) are shown as dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QVBoxLayout)

from desktop.domain.levels import Level, Role
from desktop.services import users
from desktop.services.users import UserInfo
from desktop.ui import errors
from desktop.ui import settings as opts
from desktop.domain.changes import Area
from desktop.ui.page import Page
from desktop.ui.forms import FormDialog
from desktop.ui.tables import GREY, RED, Col, RowsModel, RowsProxy, fit_columns, make_table, selected_row
from desktop.ui.widgets import busy_bar


def _is_admin(ctx) -> bool:
    return ctx.session is not None and ctx.session.actor.is_admin


def _role_combo(lang: str, current: Role | None, name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for role in Role:
        combo.addItem(role.label(lang), role.value)
    combo.setCurrentIndex(combo.findData((current or Role.INSPECTOR).value))
    return combo


def _level_combo(lang: str, current: Level, name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for level in Level:
        combo.addItem(level.label(lang), int(level))
    combo.setCurrentIndex(combo.findData(int(current)))
    return combo


class UsersPage(Page):
    watches = frozenset({Area.USERS, Area.STAFF})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("usersPage")
        self._gen = 0
        self.dialog = None
        self.password_dialog: PasswordDialog | None = None
        lang = ctx.lang

        self.refused = QLabel(self.tr("Chỉ quản trị viên được quản lý người dùng."))
        self.refused.setObjectName("usersRefused")
        self.refused.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refused.setStyleSheet("font-size: 12pt; color: #555;")
        self.refused.hide()

        self.add_button = QPushButton(self.tr("Thêm người dùng…"))
        self.add_button.setObjectName("addUser")
        self.add_button.clicked.connect(self.add_user)
        self.reset_button = QPushButton(self.tr("Đặt lại mật khẩu…"))
        self.reset_button.setObjectName("resetPassword")
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button = QPushButton(self.tr("Đổi vai trò, độ mật…"))
        self.role_button.setObjectName("changeRole")
        self.role_button.clicked.connect(self.change_role)
        self.active_button = QPushButton(self.tr("Khóa tài khoản…"))
        self.active_button.setObjectName("toggleActive")
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button = QPushButton(self.tr("Mở khóa đăng nhập"))
        self.unlock_button.setObjectName("unlockSlot")
        self.unlock_button.setToolTip(self.tr("Cho đăng nhập lại sau 10 lần nhập sai mật khẩu"))
        self.unlock_button.clicked.connect(self.unlock_slot)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.role_button, self.active_button,
                       self.unlock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.busy = busy_bar()
        self.model = RowsModel([
            Col(self.tr("Tên đăng nhập"), lambda u: u.username),
            Col(self.tr("Họ và tên"), lambda u: u.full_name),
            Col(self.tr("Vai trò"), lambda u: u.role.label(lang)),
            Col(self.tr("Độ mật được tiếp cận"), lambda u: u.clearance.label(lang),
                sort=lambda u: int(u.clearance)),
            Col(self.tr("Phải đổi mật khẩu"),
                lambda u: self.tr("Có") if u.must_change_password else self.tr("Không")),
            Col(self.tr("Trạng thái"), self._state),
        ], color=lambda u: RED if not u.trusted else (None if u.active else GREY), parent=self)
        self.model.setObjectName("usersModel")
        self.proxy = RowsProxy(self.model, self)
        self.table = make_table(self.proxy, "usersTable")
        self.table.activated.connect(lambda _i: self.change_role())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._buttons())

        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Người dùng và độ mật"))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        note = QLabel(self.tr("Người dùng mới nhận một mật khẩu đầu tiên (chỉ hiện một lần) và phải "
                              "đổi mật khẩu khi đăng nhập lần đầu. Độ mật quyết định những tài liệu "
                              "mật mà người đó giải mã được."))
        note.setWordWrap(True)
        note.setObjectName("usersNote")
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.busy)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.refused, 1)
        self._buttons()

    def _state(self, user: UserInfo) -> str:
        if user.problem == "altered":
            return self.tr("Bản ghi bị sửa ngoài chương trình — hiện theo chứng thư đã ký")
        if user.problem == "unsigned":
            return self.tr("Không có chữ ký hợp lệ — không được tin cậy")
        if user.problem == "not_enrolled":
            return self.tr("Cần đặt lại mật khẩu (từ trước khi nâng cấp)")
        return self.tr("Đang dùng") if user.active else self.tr("Đã khóa")

    # --- Page ---
    def refresh(self) -> None:
        admin = _is_admin(self.ctx)
        self.refused.setVisible(not admin)
        self.table.setVisible(admin)
        self._buttons()
        if not admin:
            self.model.clear()
            return
        self._gen += 1
        gen = self._gen
        if self.ctx.db(lambda vs, control: users.list_users(vs),
                       done=lambda rows: self._loaded(gen, rows),
                       error=lambda exc: self._failed(gen, exc)) is not None:
            self.busy.show()

    def _loaded(self, gen: int, rows: list[UserInfo]) -> None:
        if gen != self._gen:
            return
        self.busy.hide()
        self.model.set_rows(rows)
        fit_columns(self.table)
        self._buttons()

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._gen:
            self.busy.hide()
            errors.show(self, exc, self.ctx.lang)

    def clear(self) -> None:
        super().clear()
        self._gen += 1
        self.busy.hide()
        self.model.clear()
        if self.password_dialog is not None:
            self.password_dialog.close()
        self._buttons()

    def _buttons(self) -> None:
        admin = _is_admin(self.ctx)
        for button in (self.add_button, self.reset_button, self.role_button, self.active_button,
                       self.unlock_button):
            button.setVisible(admin)
        user = selected_row(self.table)
        chosen = user is not None
        for button in (self.reset_button, self.role_button, self.active_button,
                       self.unlock_button):
            button.setEnabled(chosen)
        self.active_button.setText(self.tr("Mở lại tài khoản…") if chosen and not user.active
                                   else self.tr("Khóa tài khoản…"))

    def _written(self, message: str) -> None:
        self.status.emit(message)

    # --- actions ---
    def add_user(self) -> None:
        if not _is_admin(self.ctx):
            return
        dialog = AddUserDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._added(dialog.outcome))
        self.dialog = dialog
        dialog.open()

    def _added(self, outcome: tuple[UserInfo, str]) -> None:
        info, password = outcome
        self._written(self.tr("Đã thêm người dùng %1.").replace("%1", info.username))
        self._show_password(info.username, password, first=True)

    def _show_password(self, username: str, password: str, first: bool) -> None:
        self.password_dialog = PasswordDialog(self.ctx, username, password, first, self)
        self.password_dialog.open()

    def reset_password(self) -> None:
        user = selected_row(self.table)
        if user is None or not _is_admin(self.ctx):
            return
        if user.username == self.ctx.username:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Đặt lại mật khẩu"),
                              self.tr("Để đổi mật khẩu của chính bạn, dùng “Tệp → Đổi mật khẩu…”."),
                              QMessageBox.StandardButton.Ok, self)
            box.open()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Đặt lại mật khẩu"),
                          self.tr("Đặt lại mật khẩu của %1? Mật khẩu cũ sẽ không dùng được nữa; "
                                  "người dùng phải đổi mật khẩu mới khi đăng nhập.")
                          .replace("%1", user.username),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmReset")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._confirmed_reset(user.username, result))
        self.dialog = box
        box.open()

    def _confirmed_reset(self, username: str, result: int) -> None:
        if result != QMessageBox.StandardButton.Yes:
            return

        def work(vs, control):
            password = users.generate_password()
            users.reset_password(vs, username, password)
            return password

        if self.ctx.db(work, done=lambda pw: self._reset_done(username, pw),
                       error=self._write_failed) is not None:
            self.busy.show()

    def _reset_done(self, username: str, password: str) -> None:
        self.busy.hide()
        self._written(self.tr("Đã đặt lại mật khẩu của %1.").replace("%1", username))
        self._show_password(username, password, first=False)

    def _write_failed(self, exc: BaseException) -> None:
        self.busy.hide()
        errors.show(self, exc, self.ctx.lang)

    def toggle_active(self) -> None:
        user = selected_row(self.table)
        if user is None or not _is_admin(self.ctx):
            return
        enable = not user.active
        text = (self.tr("Mở lại tài khoản %1? Quyền tiếp cận theo độ mật được cấp lại.") if enable
                else self.tr("Khóa tài khoản %1? Người này không đăng nhập được nữa và các khóa "
                             "độ mật của họ bị thu hồi."))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Khóa, mở lại tài khoản"),
                          text.replace("%1", user.username),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmActive")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        name = user.username

        def answered(result: int) -> None:
            if result != QMessageBox.StandardButton.Yes:
                return
            done = (self.tr("Đã mở lại tài khoản %1.") if enable
                    else self.tr("Đã khóa tài khoản %1.")).replace("%1", name)
            if self.ctx.db(lambda vs, control: users.set_active(vs, name, enable),
                           done=lambda _info: self._done(done),
                           error=self._write_failed) is not None:
                self.busy.show()

        box.finished.connect(answered)
        self.dialog = box
        box.open()

    def unlock_slot(self) -> None:
        user = selected_row(self.table)
        if user is None or not _is_admin(self.ctx):
            return
        name = user.username
        message = self.tr("Đã mở khóa đăng nhập cho %1.").replace("%1", name)
        if self.ctx.db(lambda vs, control: users.unlock_slot(vs, name),
                       done=lambda _r: self._done(message), error=self._write_failed) is not None:
            self.busy.show()

    def _done(self, message: str) -> None:
        self.busy.hide()
        self._written(message)
        self.refresh()

    def change_role(self) -> None:
        user = selected_row(self.table)
        if user is None or not _is_admin(self.ctx):
            return
        dialog = RoleDialog(self.ctx, user, self)
        dialog.accepted.connect(lambda: self._written(
            self.tr("Đã cập nhật vai trò, độ mật của %1.").replace("%1", user.username)))
        self.dialog = dialog
        dialog.open()

    def open_code(self, code: str) -> None:
        pass

    def focus_search(self) -> None:
        pass


# --- dialogs -------------------------------------------------------------------------

class AddUserDialog(FormDialog):
    error_fields = {"user.exists": "name", "perm.level_above_own": "clearance"}

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, "", "addUserDialog", parent)
        self.setWindowTitle(self.tr("Thêm người dùng"))
        lang = ctx.lang
        self.name = QLineEdit()
        self.name.setObjectName("newUserName")
        self.name.setPlaceholderText(self.tr("không dấu, không khoảng trắng, ví dụ nguyenvana"))
        self.full_name = QLineEdit()
        self.full_name.setObjectName("newUserFullName")
        self.role = _role_combo(lang, None, "newUserRole")
        self.clearance = _level_combo(lang, Level.THUONG, "newUserClearance")
        self.add_field("name", self.tr("Tên đăng nhập:"), self.name)
        self.add_field("full_name", self.tr("Họ và tên:"), self.full_name)
        self.add_field("role", self.tr("Vai trò:"), self.role)
        self.add_field("clearance", self.tr("Độ mật được tiếp cận:"), self.clearance)
        note = QLabel(self.tr("Mật khẩu đầu tiên được tạo ngẫu nhiên và chỉ hiện một lần."))
        note.setWordWrap(True)
        self.form.addRow("", note)

    def task(self):
        name, full_name = self.name.text().strip(), self.full_name.text().strip()
        if not name:
            self.mark("name", self.tr("Hãy nhập tên đăng nhập."))
            return None
        role, level = Role(self.role.currentData()), Level(self.clearance.currentData())

        def work(vs, control):
            password = users.generate_password()
            return users.add_user(vs, name, role, level, password, full_name), password

        return work


class RoleDialog(FormDialog):
    def __init__(self, ctx, user: UserInfo, parent=None) -> None:
        super().__init__(ctx, "", "roleDialog", parent)
        self.setWindowTitle(self.tr("Vai trò và độ mật của %1").replace("%1", user.username))
        self.user = user
        self.role = _role_combo(ctx.lang, user.role, "userRole")
        self.clearance = _level_combo(ctx.lang, user.clearance, "userClearance")
        self.form.addRow(self.tr("Người dùng:"), QLabel(f"{user.username} — {user.full_name}"))
        self.form.addRow(self.tr("Vai trò:"), self.role)
        self.form.addRow(self.tr("Độ mật được tiếp cận:"), self.clearance)

    def task(self):
        role, level = Role(self.role.currentData()), Level(self.clearance.currentData())
        if self.user.username == self.ctx.username and role is not Role.ADMIN:
            self.say(self.tr("Bạn không thể tự bỏ quyền quản trị của chính mình."))
            return None
        name = self.user.username
        return lambda vs, control: users.set_clearance(vs, name, level, role)


class PasswordDialog(QDialog):
    """Shows a one-time password once; copying it counts as classified (cleared later)."""

    def __init__(self, ctx, username: str, password: str, first: bool, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("oneTimePasswordDialog")
        self.setWindowTitle(self.tr("Mật khẩu dùng một lần"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        text = (self.tr("Mật khẩu đầu tiên của %1:") if first
                else self.tr("Mật khẩu mới của %1:")).replace("%1", username)
        layout.addWidget(QLabel(text))
        self.password = QLineEdit(password)
        self.password.setObjectName("oneTimePassword")
        self.password.setReadOnly(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.4)
        font.setWeight(QFont.Weight.Bold)
        self.password.setFont(font)
        self.copy_button = QPushButton(self.tr("Sao chép"))
        self.copy_button.setObjectName("copyPassword")
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        seconds = ctx.settings.get(opts.CLIPBOARD_SECONDS)
        note = QLabel(self.tr("Mật khẩu chỉ hiện lần này. Hãy trao tận tay người dùng; họ phải đổi "
                              "mật khẩu khi đăng nhập lần đầu. Bản sao trong bộ nhớ tạm tự xóa sau "
                              "%1 giây.").replace("%1", str(seconds)))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.copied = QLabel()
        self.copied.setObjectName("copiedNote")
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy(self) -> None:
        self.ctx.copy_text(self.password.text(), classified=True)
        self.copied.setText(self.tr("Đã sao chép."))

    def done(self, result: int) -> None:
        self.password.setText("")  # shown once: nothing left on screen or in the widget
        super().done(result)

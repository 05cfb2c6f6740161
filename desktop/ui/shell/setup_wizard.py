"""First start: create a vault (location, administrator, password with a strength
hint), open an existing one, or connect to the department server (its profile file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QVBoxLayout, QWizard, QWizardPage)

from desktop.domain.errors import HosoError
from desktop.services import server_service, vault_service
from desktop.ui import errors
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets import busy_bar, password_strength


class SetupWizard(QWizard):
    def __init__(self, runner: TaskRunner, default_path: Path, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.runner, self.lang = runner, lang
        self.session = None
        self.chosen_path: Path | None = None
        self.setObjectName("setupWizard")
        # the system adds the program's name after it ("Bắt đầu — Hồ sơ Thanh tra")
        self.setWindowTitle(self.tr("Bắt đầu"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.mode_page = _ModePage()
        self.place_page = _PlacePage(default_path)
        self.admin_page = _AdminPage(self)
        self.addPage(self.mode_page)
        self.addPage(self.place_page)
        self.addPage(self.admin_page)
        self.setMinimumSize(560, 380)

    @property
    def creating(self) -> bool:
        return self.mode_page.create.isChecked()

    @property
    def to_server(self) -> bool:
        return self.mode_page.server.isChecked()


class _ModePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Chào mừng"))
        self.setSubTitle(self.tr("Chương trình lưu hồ sơ thanh tra trong một kho dữ liệu mã hóa trên máy này."))
        layout = QVBoxLayout(self)
        self.create = QRadioButton(self.tr("Tạo kho dữ liệu mới"))
        self.create.setObjectName("createVault")
        self.open = QRadioButton(self.tr("Mở kho dữ liệu có sẵn"))
        self.open.setObjectName("openVault")
        self.server = QRadioButton(self.tr("Kết nối máy chủ của đơn vị (tệp cấu hình do quản "
                                           "trị viên cấp)"))
        self.server.setObjectName("connectServer")
        self.create.setChecked(True)
        layout.addWidget(self.create)
        layout.addWidget(self.open)
        layout.addWidget(self.server)


class _PlacePage(QWizardPage):
    def __init__(self, default_path: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Thư mục kho dữ liệu"))
        layout = QHBoxLayout(self)
        self.path = QLineEdit(str(default_path))
        self.path.setObjectName("vaultPath")
        browse = QPushButton(self.tr("Chọn…"))
        browse.clicked.connect(self._browse)
        layout.addWidget(self.path)
        layout.addWidget(browse)
        # not a mandatory ("path*") field: Qt counts a mandatory field as filled only once
        # it differs from its first value, so the suggested folder kept Next disabled
        self.registerField("path", self.path)
        self.path.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802 — Qt's name
        return bool(self.path.text().strip())

    def initializePage(self) -> None:  # noqa: N802 — Qt's name
        wizard: SetupWizard = self.wizard()
        self.setTitle(self.tr("Tệp cấu hình máy chủ") if wizard.to_server
                      else self.tr("Thư mục kho dữ liệu"))
        if wizard.to_server and not self.path.text().lower().endswith(".json"):
            self.path.clear()

    def _browse(self) -> None:
        wizard: SetupWizard = self.wizard()
        if wizard.to_server:
            chosen, _f = QFileDialog.getOpenFileName(
                self, self.tr("Tệp cấu hình máy chủ"), self.path.text(),
                self.tr("Cấu hình máy chủ (*.json)"),
                options=QFileDialog.Option.DontUseNativeDialog)
        else:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục"),
                                                      self.path.text(),
                                                      QFileDialog.Option.DontUseNativeDialog)
        if chosen:
            self.path.setText(chosen)

    def validatePage(self) -> bool:  # noqa: N802 — Qt's name
        wizard: SetupWizard = self.wizard()
        path = Path(self.path.text()).expanduser()
        if wizard.to_server:
            try:
                server_service.profile_label(path)
            except HosoError as exc:
                self.setSubTitle(exc.message(wizard.lang))
                return False
            wizard.chosen_path = path
            return True
        if not wizard.creating:
            if not vault_service.is_vault(path):
                self.setSubTitle(self.tr("Không có kho dữ liệu trong thư mục này."))
                return False
            wizard.chosen_path = path
        return True

    def nextId(self) -> int:  # noqa: N802
        wizard: SetupWizard = self.wizard()
        return 2 if wizard.creating else -1


class _AdminPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setTitle(self.tr("Quản trị viên"))
        self.setSubTitle(self.tr("Người quản trị tạo tài khoản cho những người dùng khác."))
        form = QFormLayout(self)
        self.admin = QLineEdit("admin")
        self.admin.setObjectName("adminName")
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.again = QLineEdit()
        self.again.setObjectName("adminPasswordAgain")
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel(password_strength("")[1])
        self.strength.setObjectName("strength")
        self.password.textChanged.connect(lambda t: self.strength.setText(password_strength(t)[1]))
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.busy = busy_bar()
        form.addRow(self.tr("Tên đăng nhập:"), self.admin)
        form.addRow(self.tr("Họ và tên:"), self.full_name)
        form.addRow(self.tr("Mật khẩu:"), self.password)
        form.addRow(self.tr("Độ mạnh:"), self.strength)
        form.addRow(self.tr("Nhập lại mật khẩu:"), self.again)
        form.addRow(self.message)
        form.addRow(self.busy)
        self._done = False
        # a message about the password is about the password typed then: typing clears it
        for edit in (self.password, self.again):
            edit.textChanged.connect(lambda _t: self.message.clear())

    def validatePage(self) -> bool:  # noqa: N802
        """Creating runs Argon2id and writes the vault: on the worker; Finish is pressed
        again automatically once it is done."""
        if self._done:
            return True
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("Hai lần nhập mật khẩu không khớp."))
            return False
        wizard: SetupWizard = self.wizard()
        path = Path(wizard.place_page.path.text()).expanduser()
        admin, full, password = self.admin.text().strip(), self.full_name.text().strip(), self.password.text()
        self.busy.show()
        self.setEnabled(False)

        def done(session) -> None:
            self.busy.hide()
            self.setEnabled(True)
            wizard.session, wizard.chosen_path = session, path
            self._done = True
            wizard.accept()

        def failed(exc) -> None:
            self.busy.hide()
            self.setEnabled(True)
            self.message.setText(errors.describe(exc, wizard.lang))

        wizard.runner.run(lambda control: vault_service.create_vault(path, admin, password, full),
                          done=done, error=failed)
        return False

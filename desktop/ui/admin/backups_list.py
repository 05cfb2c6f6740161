"""The automatic backups (Tệp → Các bản sao lưu…): the folder an administrator set and
how many are kept, each backup with its time, why it was made and whether it was verified;
"Kiểm tra lại" reads the selected one back (every page, every file against the sizes and
SHA-256 recorded when it was verified), "Sao lưu ngay" makes one now. Everything runs on
the database worker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from desktop.services import backups, settings
from desktop.ui import errors
from desktop.ui.widgets import busy_bar, error_label

_GREEN, _RED = "#1b5e20", "#b00020"


class BackupsDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[backups.BackupInfo] = []
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Các bản sao lưu"))
        self.setMinimumSize(760, 420)
        admin = ctx.session is not None and ctx.session.actor.is_admin
        self.folder = QLineEdit()
        self.folder.setObjectName("backupFolder")
        self.folder.setPlaceholderText(self.tr("để trống: không sao lưu tự động"))
        self.folder.setReadOnly(not admin)
        browse = QPushButton(self.tr("Chọn…"))
        browse.setEnabled(admin)
        browse.clicked.connect(self._browse)
        self.keep = QSpinBox()
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, 365)
        self.keep.setEnabled(admin)
        self.save_button = QPushButton(self.tr("Lưu thiết lập"))
        self.save_button.setObjectName("saveBackupSettings")
        self.save_button.setVisible(admin)
        self.save_button.clicked.connect(self.save_settings)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Thư mục sao lưu tự động:")))
        top.addWidget(self.folder, 1)
        top.addWidget(browse)
        top.addWidget(QLabel(self.tr("Giữ lại:")))
        top.addWidget(self.keep)
        top.addWidget(self.save_button)
        note = QLabel(self.tr("Mỗi ngày, lần mở khóa đầu tiên sao lưu vào thư mục này, và trước "
                              "mỗi lần nâng cấp kho dữ liệu; bản sao lưu được kiểm tra lại trước "
                              "khi được coi là xong."))
        note.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("backupsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Thời gian"), self.tr("Lý do"),
                                              self.tr("Tình trạng"), self.tr("Thư mục")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.message = error_label("backupsMessage")
        self.busy = busy_bar()
        self.recheck_button = QPushButton(self.tr("Kiểm tra lại"))
        self.recheck_button.setObjectName("recheckBackup")
        self.recheck_button.clicked.connect(self.recheck)
        self.now_button = QPushButton(self.tr("Sao lưu ngay"))
        self.now_button.setObjectName("backupNow")
        self.now_button.clicked.connect(self.backup_now)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.recheck_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.now_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)
        ctx.locked.connect(self.reject)
        self.refresh()

    # --- loading ---
    def refresh(self) -> None:
        def load(vs, control):
            with vs.uow() as uow:
                folder = settings.get(uow.session, "backup_folder")
                keep = settings.get(uow.session, "backup_keep")
            found = backups.list_backups(folder, vs.keys.vault_id) if folder else []
            return folder, keep, found
        self._run(load, self._loaded)

    def _loaded(self, result) -> None:
        folder, keep, found = result
        self.folder.setText(folder)
        self.keep.setValue(keep)
        self.items = found
        self.table.setRowCount(len(found))
        reasons = {"daily": self.tr("hằng ngày"), "upgrade": self.tr("trước khi nâng cấp"),
                   "manual": self.tr("sao lưu ngay")}
        states = {"verified": self.tr("đã kiểm tra"), "incomplete": self.tr("chưa chép xong"),
                  "unknown": self.tr("chưa kiểm tra")}
        for row, item in enumerate(found):
            when = item.made_at.strftime("%d/%m/%Y %H:%M") if item.made_at else ""
            cells = [when, reasons.get(item.reason, item.reason), states[item.state],
                     item.path.name]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(str(item.path))
                if column == 2:
                    cell.setForeground(Qt.GlobalColor.darkGreen if item.state == "verified"
                                       else Qt.GlobalColor.red)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        for column in range(3):   # room for the bold header and a little air
            self.table.setColumnWidth(column, self.table.columnWidth(column) + 16)
        if not folder:
            self._say(self.tr("Chưa đặt thư mục sao lưu tự động."), _RED)

    # --- actions ---
    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Thư mục sao lưu tự động"), self.folder.text(),
            QFileDialog.Option.DontUseNativeDialog | QFileDialog.Option.ShowDirsOnly)
        if chosen:
            self.folder.setText(chosen)

    def save_settings(self) -> None:
        folder, keep = self.folder.text().strip(), str(self.keep.value())

        def work(vs, control):
            settings.set_value(vs, "backup_folder", folder)
            settings.set_value(vs, "backup_keep", keep)
        self._run(work, lambda _r: (self._say(self.tr("Đã lưu thiết lập sao lưu."), _GREEN),
                                    self.refresh()))

    def backup_now(self) -> None:
        def work(vs, control):
            return backups.automatic(vs, "manual")
        self._run(work, self._made)

    def _made(self, path) -> None:
        if path is None:
            self._say(self.tr("Chưa đặt thư mục sao lưu tự động."), _RED)
            return
        self.refresh()
        self._say(self.tr("Đã sao lưu và kiểm tra: %1").replace("%1", str(path)), _GREEN)

    def recheck(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.items):
            self._say(self.tr("Chọn một bản sao lưu trong bảng."), _RED)
            return
        path = self.items[row].path
        self._run(lambda vs, control: backups.recheck(vs.keys.db_key, path),
                  lambda found: self._rechecked(path, found))

    def _rechecked(self, path, found) -> None:
        if not found:
            self._say(self.tr("Bản sao lưu %1 nguyên vẹn.").replace("%1", path.name), _GREEN)
        else:
            self._say("\n".join(f.message(self.ctx.lang) for f in found), _RED)

    # --- helpers ---
    def _run(self, work, done) -> None:
        self._say("", _GREEN)
        if self.ctx.db(work, done=lambda r: (self.busy.hide(), done(r)),
                       error=self._failed) is not None:
            self.busy.show()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self._say(errors.describe(exc, self.ctx.lang), _RED)

    def _say(self, text: str, color: str) -> None:
        self.message.setStyleSheet(f"color: {color};")
        self.message.setText(text)
        self.message.setVisible(bool(text))

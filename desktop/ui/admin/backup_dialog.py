"""Backing the vault up: the user picks an empty (or new) folder; the copy is made on the
database worker through SQLite's online backup (backups.backup: checked, copied, verified) while a busy window
shows; then a message names the folder written — or says what went wrong."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.services import backups
from desktop.ui import errors
from desktop.ui.busy import BusyDialog
from desktop.ui.settings import Option
from desktop.ui.tasks import TaskHandle

BACKUP_FOLDER = Option("backup/last_folder", str, "")


def backup_target(folder: Path, now: datetime | None = None) -> Path:
    """The folder itself when it is new or empty; otherwise a new dated folder inside it
    (a backup never mixes with other files). Runs on the worker: it lists the folder."""
    folder = Path(folder)
    if not folder.exists() or (folder.is_dir() and not any(folder.iterdir())):
        return folder
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"hoso-sao-luu-{stamp}"
    n = 2
    while target.exists():
        target = folder / f"hoso-sao-luu-{stamp}-{n}"
        n += 1
    return target


class BackupRunner(QObject):
    """One backup: asks for the folder, runs it, reports. `finished` carries the folder
    written (a Path) or the error."""

    finished = Signal(object)

    def __init__(self, ctx, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parent_widget = parent
        self.handle: TaskHandle | None = None
        self.busy: BusyDialog | None = None
        self.box: QMessageBox | None = None
        self.dest: Path | None = None
        self.error: BaseException | None = None

    def choose(self) -> Path | None:
        start = self.ctx.settings.get(BACKUP_FOLDER) or str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, self.tr("Chọn thư mục trống hoặc mới để lưu bản sao lưu"), start,
            QFileDialog.Option.DontUseNativeDialog | QFileDialog.Option.ShowDirsOnly)
        return Path(folder) if folder else None

    def start(self, folder: Path) -> TaskHandle | None:
        def work(vs, control):
            control.check()
            return backups.backup(vs, backup_target(folder))

        self.handle = self.ctx.db(work, self._done, self._failed)
        if self.handle is None:  # locked meanwhile
            return None
        self.ctx.settings.set(BACKUP_FOLDER, str(folder))
        self.busy = BusyDialog(self.tr("Đang sao lưu kho dữ liệu…"), self.parent_widget)
        self.busy.setObjectName("backupBusy")
        self.busy.setWindowModality(Qt.WindowModality.WindowModal)
        self.busy.show()
        return self.handle

    def _close_busy(self) -> None:
        if self.busy is not None:
            self.busy.hide()
            self.busy.deleteLater()
            self.busy = None

    def _done(self, dest: Path) -> None:
        self._close_busy()
        self.dest = Path(dest)
        text = (self.tr("Đã sao lưu kho dữ liệu vào thư mục:") + "\n" + str(self.dest) + "\n\n"
                + self.tr("Bản sao lưu được mã hóa như kho dữ liệu và mở bằng cùng mật khẩu. Hãy cất "
                          "giữ ở nơi an toàn, tách khỏi máy này."))
        self.box = QMessageBox(QMessageBox.Icon.Information, self.tr("Sao lưu"), text,
                               QMessageBox.StandardButton.Ok, self.parent_widget)
        self.box.setObjectName("backupResult")
        self.box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.box.open()
        self.finished.emit(self.dest)

    def _failed(self, exc: BaseException) -> None:
        self._close_busy()
        self.error = exc
        errors.show(self.parent_widget, exc, self.ctx.lang)
        self.finished.emit(exc)


def run_backup(ctx, parent: QWidget | None) -> BackupRunner | None:
    """Ask for a folder and back the vault up into it; None when the user chose nothing."""
    if ctx.is_locked:
        return None
    runner = BackupRunner(ctx, parent)
    folder = runner.choose()
    if folder is None or runner.start(folder) is None:
        runner.deleteLater()
        return None
    runner.finished.connect(lambda _result: runner.deleteLater())
    return runner


__all__ = ["run_backup", "BackupRunner", "backup_target", "BACKUP_FOLDER"]

"""Starting the desktop program: language, first-start wizard or login, first-login
password change, main window, auto-lock."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from desktop import bootstrap
from desktop.services import vault_service
from desktop.ui import errors, i18n
from desktop.ui import settings as opts
from desktop.ui.context import AppContext
from desktop.ui.idle import IdleWatcher
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.ui.shell.main_window import MainWindow

DEMO_PASSWORD = "demo-password"


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("HoSoThanhTra")
    QCoreApplication.setApplicationName("hoso")
    app.setApplicationDisplayName("Hồ sơ Thanh tra")
    return app


def _preload_pages(then: Callable[[], None] | None = None) -> None:
    """Import the pages' modules while the login window waits for the password, one per
    turn of the event loop (on the GUI thread: no import races), so the main window
    appears at once after the password and each page opens without a pause; then
    `then` (the launcher builds the main window itself)."""
    import importlib

    from desktop.ui.shell.main_window import page_modules
    pending = page_modules()

    def next_one() -> None:
        if pending:
            importlib.import_module(pending.pop(0))
            QTimer.singleShot(0, next_one)
        else:
            if then is not None:
                then()
            freeze_startup_heap()

    QTimer.singleShot(0, next_one)


def freeze_startup_heap() -> None:
    """What start-up made (modules, classes, Qt's wrappers) lives as long as the program:
    move it out of the garbage collector's sight. A full collection over it took 60-70 ms
    and fell, now and then, in the middle of a search or of the main window's first
    paint; afterwards a collection scans only what came later."""
    import gc
    gc.collect()
    gc.freeze()


class Launcher:
    """Owns the start-up sequence; kept separate from main() so tests can drive it."""

    def __init__(self, app: QApplication, vault: Path | None, user: str | None, lang: str | None,
                 demo: bool = False, settings: Settings | None = None) -> None:
        self.app = app
        self.settings = settings or Settings()
        self.lang = lang or self.settings.get(opts.LANGUAGE) or "vi"
        i18n.install(app, self.lang)
        errors.install_excepthook(lambda: self.lang)
        self.runner = TaskRunner(parent=app)
        self.demo_dir: tempfile.TemporaryDirectory | None = None
        if demo:
            self.demo_dir = tempfile.TemporaryDirectory(prefix="hoso-demo-")
            vault = Path(self.demo_dir.name) / "vault"
        self.vault = bootstrap.vault_location(vault, self.settings.get(opts.LAST_VAULT))
        self.user = user or self.settings.get(opts.LAST_USER) or ""
        self.demo = demo
        self.window = None
        self.ctx: AppContext | None = None
        self.password_used = ""
        # (language, vault, window) built while the login window waits (_prepare_window)
        self._prepared: tuple[str, Path, MainWindow] | None = None

    def start(self) -> None:
        if self.demo:
            self._make_demo()
        elif not (vault_service.is_vault(self.vault) or bootstrap.is_server_profile(self.vault)):
            self._setup()
        else:
            self._login()

    def _make_demo(self) -> None:
        from desktop.ui.busy import BusyDialog
        from desktop.services.demo import fill_demo
        path = self.vault

        def build(control):
            vs = vault_service.create_vault(path, "admin", DEMO_PASSWORD, "Quản trị hệ thống")
            fill_demo(vs)
            vs.close()

        busy = BusyDialog(QCoreApplication.translate("Launcher", "Đang tạo kho dữ liệu mẫu…"))
        busy.show()

        def done(_):
            busy.close()
            self.user = "admin"
            self._login(hint=QCoreApplication.translate(
                "Launcher", "Kho dữ liệu mẫu (sẽ bị xóa khi thoát). Mật khẩu của admin: %1")
                .replace("%1", DEMO_PASSWORD))

        self.runner.run(build, done=done, error=lambda exc: errors.show(None, exc, self.lang))

    def _setup(self) -> None:
        from desktop.ui.shell.setup_wizard import SetupWizard
        wizard = SetupWizard(self.runner, self.vault, self.lang)
        self._keep = wizard

        def finished(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                self.app.quit()
                return
            self.vault = wizard.chosen_path or self.vault
            if wizard.session is not None:
                self.password_used = ""
                self._open_main(wizard.session)
            else:
                self._login()

        wizard.finished.connect(finished)
        wizard.show()

    def _login(self, hint: str = "") -> None:
        from desktop.ui.shell.login import LoginDialog
        _preload_pages(then=self._prepare_window)
        dialog = LoginDialog(self.runner, self.vault, self.user, self.lang, hint=hint)
        dialog.hand_over = True
        self._keep = dialog
        self.login_dialog = dialog

        def unlocked(session) -> None:
            # the main window is built and painted while the login window (and its busy
            # bar) is still up; then the login window goes
            self.password_used = dialog.password_used
            self.vault = dialog.vault_path   # the user may have chosen the server there
            self._open_main(session)
            self.window.repaint()
            dialog.accept()

        def finished(result: int) -> None:
            if result != QDialog.DialogCode.Accepted or dialog.session is None:
                self.app.quit()

        dialog.unlocked.connect(unlocked)
        dialog.finished.connect(finished)
        dialog.show()

    def _prepare_window(self) -> None:
        """The main window built, locked and hidden, while the login window waits for the
        password (it holds nothing until a session is set): after the password it only
        opens — 7 ms instead of 25-30 for building the first window of the program."""
        from desktop.ui.shell.main_window import MainWindow
        if self.window is None and self._prepared is None:
            ctx = AppContext(self.settings, self.runner, self.lang, self.vault)
            self._prepared = (self.lang, self.vault, MainWindow(ctx))

    def _open_main(self, session) -> None:
        if not self.demo:
            self.settings.set(opts.LAST_VAULT, str(self.vault))
            self.settings.set(opts.LAST_USER, session.actor.username)
        prepared, self._prepared = self._prepared, None
        if prepared is not None and prepared[:2] == (self.lang, self.vault):
            window = prepared[2]
            self.ctx = window.ctx
            self.ctx.set_session(session)   # the window unlocks as after a lock
            self._show_window(prepared=window)
        else:
            if prepared is not None:
                prepared[2].deleteLater()
            self.ctx = AppContext(self.settings, self.runner, self.lang, self.vault)
            self.ctx.set_session(session)
            self._show_window()
        if session.actor.must_change_password:
            from desktop.ui.shell.change_password import ChangePasswordDialog
            dialog = ChangePasswordDialog(self.ctx, self.password_used, first_login=True, parent=self.window)
            dialog.rejected.connect(self.ctx.lock)  # no way around the first change
            dialog.open()
            self.first_login_dialog = dialog
        self.password_used = ""

    def _switch_language(self, code: str) -> None:
        """Every string in the chosen language at once: the translators are swapped and the
        main window rebuilt on the same session, at the same page and size."""
        old = self.window
        i18n.install(self.app, code)
        self.lang = self.ctx.lang = code
        self._show_window(old, old.current_key())
        old.retire()

    def _show_window(self, replaced=None, page: "str | None" = None, prepared=None) -> None:
        """The main window on the open session (where and as large as the window it
        replaces, if any; the one `prepared` during the login if given), watched for
        idleness, given the keyboard at once (Ctrl+F, Ctrl+E work without a click)."""
        from desktop.ui.shell.main_window import MainWindow
        self.window = prepared if prepared is not None else MainWindow(self.ctx)
        self.window.relaunch = self._switch_language
        if replaced is not None:   # a saved geometry came back at another size offscreen
            self.window.resize(replaced.size())
            self.window.move(replaced.pos())
            if replaced.isMaximized():
                self.window.setWindowState(Qt.WindowState.WindowMaximized)
        if page is not None:
            self.window.go(page)
        self.idle = IdleWatcher(self.app, self.settings.get(opts.IDLE_MINUTES), self.window)
        self.idle.idle.connect(self.ctx.lock)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def cleanup(self) -> None:
        self.runner.wait(10000)
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir.name, ignore_errors=True)


def run(vault: str | None = None, user: str | None = None, lang: str | None = None,
        demo: bool = False) -> int:
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = make_app()
    launcher = Launcher(app, Path(vault) if vault else None, user, lang, demo)
    launcher.start()
    try:
        return app.exec()
    finally:
        launcher.cleanup()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(os.environ.get("HOSO_VAULT")))

"""What every window and page is given (git-cola's ApplicationContext): settings, the
task runner, the open vault session, the language; no global singletons."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from desktop.domain.changes import Changes
from desktop.services import live_updates
from desktop.services.context import VaultSession
from desktop.ui import settings as opts
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskControl, TaskHandle, TaskRunner


class AppContext(QObject):
    locked = Signal()
    unlocked = Signal()
    data_changed = Signal(object)   # a write's Changes (domain.changes): pages decide
    server_connection = Signal(bool)  # the department server's connection lost / back
    _heard = Signal(object)           # from the watcher's thread: queued to this one
    _connection = Signal(bool)

    def __init__(self, settings: Settings, runner: TaskRunner, lang: str, vault_path: Path) -> None:
        super().__init__()
        self.settings, self.runner, self.lang, self.vault_path = settings, runner, lang, Path(vault_path)
        self.session: VaultSession | None = None
        self.username = ""
        self.as_of: date | None = None   # the vault's "today" (the demo's 30/06/2024), once known
        self._clipboard_timer = QTimer(self)
        self._clipboard_timer.setSingleShot(True)
        self._clipboard_timer.timeout.connect(self._clear_clipboard)
        self._clipboard_text = ""
        self._watcher: live_updates.Watcher | None = None
        self._heard.connect(self._on_heard)
        self._connection.connect(self._on_connection)

    # --- session -------------------------------------------------------------------
    def set_session(self, session: VaultSession) -> None:
        self.session = session
        self.username = session.actor.username
        # on a department server, other workstations' writes reach the pages too
        self._watcher = live_updates.watch(session, self._heard.emit, self._connection.emit)
        self.unlocked.emit()

    def _on_heard(self, changes: Changes) -> None:
        if self.session is not None:
            self.data_changed.emit(changes)

    def _on_connection(self, connected: bool) -> None:
        if self.session is not None:
            self.server_connection.emit(connected)

    @property
    def is_locked(self) -> bool:
        return self.session is None

    def lock(self) -> None:
        """Hide data, drop keys. The session closes on the worker after queued work."""
        session, self.session = self.session, None
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        if session is not None:
            self.runner.run(lambda control: session.close())
            self.locked.emit()
        self._clear_clipboard()

    def db(self, fn: Callable[[VaultSession, TaskControl], Any], done: Callable[[Any], None] | None = None,
           error: Callable[[BaseException], None] | None = None,
           progress: Callable[[int, int, str], None] | None = None,
           cancelled: Callable[[], None] | None = None) -> TaskHandle | None:
        """Run fn(session, control) on the database worker; None when locked. What the job's
        commits changed (VaultSession.take_changes) is told to every page after `done`
        (or `error`, `cancelled`: a job may have committed before it stopped)."""
        session = self.session
        if session is None:
            return None
        told: list[Changes] = []

        def job(control: TaskControl) -> Any:
            try:
                return fn(session, control)
            finally:
                told.append(session.take_changes())

        def then(callback: Callable[..., None] | None) -> Callable[..., None]:
            def run(*args: Any) -> None:
                try:
                    if callback is not None:
                        callback(*args)
                finally:
                    if told and told[0]:
                        self.data_changed.emit(told[0])
            return run

        return self.runner.run(job, then(done), then(error or self.runner.on_error),
                               progress, then(cancelled))

    # --- clipboard -----------------------------------------------------------------
    def copy_text(self, text: str, classified: bool) -> None:
        """Copy; text from classified records is wiped from the clipboard after 30 s."""
        QGuiApplication.clipboard().setText(text)
        if classified:
            self._clipboard_text = text
            self._clipboard_timer.start(self.settings.get(opts.CLIPBOARD_SECONDS) * 1000)

    def _clear_clipboard(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self._clipboard_text and clipboard.text() == self._clipboard_text:
            clipboard.clear()
        self._clipboard_text = ""

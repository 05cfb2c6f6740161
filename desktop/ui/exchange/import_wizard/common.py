"""What the wizard's pages share: its settings and page numbers, the message line, the page
that runs its work as a task on the worker, the commit's cancel gate."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QWizardPage,
)

from desktop.ui import errors
from desktop.ui.settings import Option
from desktop.ui.tasks import TaskHandle
from desktop.ui.widgets import busy_bar

if TYPE_CHECKING:   # the wizard imports the pages
    from desktop.ui.exchange.import_wizard.wizard import ImportWizard


IMPORT_FOLDER = Option("import/last_folder", str, "")
KIND_ORDER = ("cases", "plan", "opinions", "staff")
PAGE_FILE, PAGE_KIND, PAGE_MAPPING, PAGE_PREVIEW, PAGE_DONE = range(5)
MAX_COLUMNS = 300        # columns offered in the mapping combos (hand-made files have ~30)
SAMPLE_ROWS = 50         # data rows looked at for a column's example value
NO_COLUMN = -1


class CommitGate:
    """Cancel-before-start for the one-transaction commit: the worker starts the commit
    only if the user has not cancelled; once started, cancelling is refused (and the UI
    says so) — the UI thread never waits for the worker, the lock is held for a moment."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.started = False
        self.cancelled = False

    def start(self) -> bool:
        with self._lock:
            if self.cancelled:
                return False
            self.started = True
            return True

    def cancel(self) -> bool:
        with self._lock:
            if self.started:
                return False
            self.cancelled = True
            return True


# --- pages -------------------------------------------------------------------------------

def _message_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class _TaskPage(QWizardPage):
    """A page whose Next may first run a task on the worker: while it runs the page shows
    a busy bar and Next is disabled; the wizard moves on when the task is done."""

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.w = wizard
        self.handle: TaskHandle | None = None
        self._passed = False
        self.message = _message_label(type(self).__name__[1:] + "Message")
        self.busy = busy_bar()

    @property
    def running(self) -> bool:
        return self.handle is not None and not self.handle.done

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def ready(self) -> bool:
        return True

    def isComplete(self) -> bool:  # noqa: N802
        return not self.running and self.ready()

    def start(self, fn: Callable, done: Callable[[Any], None], *, db: bool = True,
              progress: Callable[[int, int, str], None] | None = None,
              error: Callable[[BaseException], None] | None = None) -> bool:
        """Run fn on the worker — fn(vs, control) with db, fn(control) without; done(result)
        then moves the wizard on. False: the page stays (validatePage's answer)."""
        self.say("")

        def finished(result: Any) -> None:
            done(result)  # plain data on the wizard (a commit's result counts even if closed)
            if self.w.closed:
                return
            self._busy(False)
            if self.w.currentPage() is self:  # the user may have gone back meanwhile
                self._passed = True
                self.w.next()

        def failed(exc: BaseException) -> None:
            if self.w.closed:
                return
            self._busy(False)
            (error or self.show_error)(exc)

        def stopped() -> None:
            if self.w.closed:
                return
            self._busy(False)
            self.say(self.stopped_text())

        if db:
            handle = self.w.ctx.db(fn, finished, failed, progress, stopped)
        else:
            handle = self.w.ctx.runner.run(fn, finished, failed, progress, stopped)
        if handle is None:  # the vault locked meanwhile
            self.w.force_close()
            return False
        self.handle = handle
        self._busy(True)
        return False

    def _busy(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.completeChanged.emit()

    def show_error(self, exc: BaseException) -> None:
        self.say(errors.describe(exc, self.w.ctx.lang))

    def stopped_text(self) -> str:
        return self.tr("Đã dừng.")

    def passed(self) -> bool:
        """True once, right after the page's task succeeded (validatePage lets go)."""
        if self._passed:
            self._passed = False
            return True
        return False

    def cancel_task(self) -> None:
        if self.running:
            self.handle.cancel()



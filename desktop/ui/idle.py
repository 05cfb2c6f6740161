"""Auto-lock after a period without keyboard or mouse input (default 5 minutes)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QWindow

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    """Input reaches a top-level window (QWindow) before the widget it is for, so the
    watcher filters the windows, not the application: an application-wide filter would
    run Python for every paint, timer and layout event of every widget (it made the main
    window 40 % slower to appear and every search slower to show)."""

    idle = Signal()

    def __init__(self, app, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        for window in app.topLevelWindows():
            self._watch(window)
        app.focusWindowChanged.connect(self._watch)   # dialogs, windows opened later

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.start()

    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)   # once per window: Qt ignores a repeat

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 — Qt's name
        if event.type() in _INPUT:
            self.timer.start()
        return False

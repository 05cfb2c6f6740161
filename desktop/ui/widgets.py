"""Small shared widgets: busy indicator, error line, level mark, password strength."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar

from desktop.domain.levels import Level


def busy_bar() -> QProgressBar:
    return _busy_look(QProgressBar())


def _busy_look(bar: QProgressBar) -> QProgressBar:
    bar.setRange(0, 0)  # indeterminate: shows movement while work runs off the UI thread
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.hide()
    return bar


class LateBusyBar(QProgressBar):
    """A busy bar for work that is usually quick (a search): it appears only when the work
    lasts longer than SHOW_AFTER_MS, and goes at once. Flashing it for a 40 ms query was
    noise to the eye and, animated, woke the window's Python event filter 60 times a
    second while the worker needed Python's lock for the query."""

    SHOW_AFTER_MS = 300

    def __init__(self) -> None:
        super().__init__()
        _busy_look(self)
        self._late = QTimer(self)
        self._late.setSingleShot(True)
        self._late.setInterval(self.SHOW_AFTER_MS)
        self._late.timeout.connect(self.show)

    def set_busy(self, busy: bool) -> None:
        if busy:
            if self.isHidden() and not self._late.isActive():
                self._late.start()
        else:
            self._late.stop()
            self.hide()


def error_label(object_name: str, plain_text: bool = True) -> QLabel:
    """A red, word-wrapped line for what went wrong, hidden until there is something to
    say. Plain text by default: messages quote file names and cell values as typed."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    if plain_text:
        label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def level_mark(level: Level) -> QLabel:
    """The red stamp of a classified record ("MẬT", "TỐI MẬT", "TUYỆT MẬT")."""
    label = QLabel(level.label_vi.upper() if level > Level.THUONG else "")
    label.setObjectName("levelMark")
    label.setStyleSheet("color: #c00000; font-weight: bold; border: 2px solid #c00000; padding: 2px 6px;"
                        if level > Level.THUONG else "")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    if level <= Level.THUONG:
        label.hide()  # not show(): without a parent yet, show() would open a window
    return label


def password_strength(password: str) -> tuple[int, str]:
    """0-4 and a word: length matters most; mixing kinds of characters helps."""
    kinds = sum(any(test(c) for c in password) for test in
                (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum()))
    score = 0
    if len(password) >= 8:
        score = 1
    if len(password) >= 12:
        score = 2
    if len(password) >= 12 and kinds >= 3 or len(password) >= 16:
        score = 3
    if len(password) >= 16 and kinds >= 3 or len(password) >= 20:
        score = 4
    words = [QCoreApplication.translate("Password", "Quá ngắn (ít nhất 8 ký tự)"),
             QCoreApplication.translate("Password", "Yếu"),
             QCoreApplication.translate("Password", "Trung bình"),
             QCoreApplication.translate("Password", "Mạnh"),
             QCoreApplication.translate("Password", "Rất mạnh")]
    return score, words[score]

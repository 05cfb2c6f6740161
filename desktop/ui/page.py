"""A page of the main window. Pages get the AppContext, load their data on the worker
when shown, and drop everything they show when the vault locks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from desktop.domain.changes import EVERYTHING, Area, Changes
from desktop.ui.context import AppContext


class Page(QWidget):
    open_case = Signal(str)   # a page asks the main window to open a case by its code
    status = Signal(str)      # a line for the status bar
    # what the page shows: a write that touches none of these leaves it as it is
    watches: frozenset[Area] = EVERYTHING

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stale = True
        ctx.data_changed.connect(self._changed)

    def activate(self) -> None:
        """Called when the page is shown: refresh if the data may have changed."""
        if self.stale and not self.ctx.is_locked:
            self.stale = False
            self.refresh()

    def refresh(self) -> None:
        """Load the page's data (on the worker)."""

    def focus_first(self) -> None:
        """Keyboard focus to the page's first control (a page chosen with Ctrl+1…8 is
        worked with the keyboard at once)."""
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if (self.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def apply_as_of(self, day) -> None:
        """The vault's "today" became known (None: the calendar's): pages that count from
        a day take it; the page reloads when next shown."""
        self.stale = True

    def clear(self) -> None:
        """The vault locked: forget everything shown."""
        self.stale = True

    def _changed(self, changes: Changes) -> None:
        if not changes.touches(self.watches):
            return
        self.stale = True
        if self.isVisible():
            self.activate()

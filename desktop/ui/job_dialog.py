"""Dialogs whose OK starts a cancellable task on the worker (exports with a reason)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox


class JobDialogMixin:
    """Cancel stops a running task before it closes the dialog; end_job() puts the dialog
    back at rest. The dialog provides self.handle, self.progress and self.buttons."""

    handle = None

    def cancel(self) -> None:
        if self.handle is not None and not self.handle.done:
            self.handle.cancel()
            return
        self.reject()

    def end_job(self) -> None:
        self.handle = None
        self.progress.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

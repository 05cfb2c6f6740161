"""Placeholder page (being written)."""

from PySide6.QtWidgets import QLabel, QVBoxLayout

from desktop.ui.views.base import Page


class CasesPage(Page):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        QVBoxLayout(self).addWidget(QLabel("CasesPage"))

    def open_code(self, code: str) -> None:
        pass

    def focus_search(self) -> None:
        pass

"""Read-only tables of a few rows (a case's timeline, team, deadlines; the dashboard's
lists): set up once, filled from lists of strings. Long lists use tables.RowsModel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desktop.ui.cut_text import show_cut_text


def table(name: str, headers: list[str], stretch: tuple[int, ...] = ()) -> QTableWidget:
    """A read-only table of a few rows: `stretch` columns share the width and wrap their
    text, the others fit their contents; rows grow to fit."""
    widget = QTableWidget(0, len(headers))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setTabKeyNavigation(False)   # Tab leaves the table; arrows move in it
    widget.verticalHeader().setVisible(False)
    widget.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.setAlternatingRowColors(True)
    widget.setWordWrap(True)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                                        if stretch else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    header = widget.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    show_cut_text(widget)
    return widget


def fill(widget: QTableWidget, rows: list[list[str]], tips: list[str] | None = None,
         colors: list[QColor | None] | None = None) -> None:
    widget.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if tips and tips[r]:
                item.setToolTip(tips[r])
            if colors and colors[r] is not None:
                item.setForeground(QBrush(colors[r]))
            widget.setItem(r, c, item)

"""Tables over lists of row objects, as the pages show them: columns (Col), a model
(RowsModel) and a sorting/filtering proxy, table set-up and sizing, the colours that mark
late rows, and the date and number formats users read (dd/mm/yyyy, 1.234.567)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import (QAbstractTableModel, QEvent, QModelIndex, QObject,
                            QSortFilterProxyModel, Qt)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.domain.numbers import format_int, format_number
from desktop.ui.cut_text import show_cut_text

RED = QColor("#b00020")
ORANGE = QColor("#9a5b00")
GREY = QColor("#6b6b6b")
ROW_ROLE = Qt.ItemDataRole.UserRole          # the row's DTO
SORT_ROLE = Qt.ItemDataRole.UserRole + 1     # the column's sort key


# one number formatter per language, in the domain (exports and the CLI share it)
fmt_int = format_int
fmt_num = format_number


@dataclass(frozen=True)
class Col:
    """A column over row objects: its title, text, sort key and alignment."""

    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    right: bool = False
    tooltip: Callable[[Any], str] | None = None


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of DTOs (rows are small lists: tens to thousands;
    the audit page appends pages of rows as it scrolls)."""

    def __init__(self, columns: Sequence[Col], color: Callable[[Any], QColor | None] | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.color = color
        self._rows: list[Any] = []

    # --- content ---
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[Any]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def clear(self) -> None:
        self.set_rows([])

    def row(self, number: int) -> Any:
        return self._rows[number]

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def sort_key(self, number: int, column: int) -> Any:
        col, item = self.columns[column], self._rows[number]
        return (col.sort or col.text)(item)

    # --- Qt ---
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        item, col = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:   # a cut cell's text: ui.cut_text
            tip = col.tooltip(item) if col.tooltip is not None else None
            text = col.text(item)
            if tip and text and not tip.startswith(text.rstrip("…")):
                tip = f"{text}\n\n{tip}"   # the cell may be cut: its text first
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.color(item) if self.color is not None else None
        if role == ROW_ROLE:
            return item
        if role == SORT_ROLE:
            return (col.sort or col.text)(item)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RowsProxy(QSortFilterProxyModel):
    """Sorts on the columns' Python sort keys (None last); filters with a predicate."""

    def __init__(self, source: RowsModel, parent=None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.accept: Callable[[Any], bool] | None = None

    def set_filter(self, accept: Callable[[Any], bool] | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9
            self.beginFilterChange()
            self.accept = accept
            self.endFilterChange()
        else:
            self.accept = accept
            self.invalidateFilter()

    def lessThan(self, left, right) -> bool:  # noqa: N802
        source: RowsModel = self.sourceModel()
        a = source.sort_key(left.row(), left.column())
        b = source.sort_key(right.row(), right.column())
        if a is None or b is None:  # blanks sort as the smallest
            return a is None and b is not None
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)

    def filterAcceptsRow(self, row, parent) -> bool:  # noqa: N802
        if self.accept is None:
            return True
        source: RowsModel = self.sourceModel()
        return bool(self.accept(source.row(row)))

    def row_at(self, index) -> Any:
        return self.sourceModel().row(self.mapToSource(index).row())


def make_table(model, object_name: str, sortable: bool = True, stretch: int | None = None
               ) -> QTableView:
    """A read-only, row-selecting table. Sortable tables start in the model's own order
    (the services' order: worst first, newest first…) until a header is clicked.
    `stretch`: the column that takes the spare width (default: the last one)."""
    table = QTableView()
    table.setObjectName(object_name)
    table.setModel(model)
    style_table(table, stretch)
    if sortable:
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
    return table


def style_table(table: QTableView, stretch: int | None = None) -> None:
    """How every list looks: whole rows selected, nothing edited in place, alternating
    rows, one line per row, columns the user can resize, `stretch` taking the spare width."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)   # Tab leaves the list; arrows move in it
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    header.setMinimumSectionSize(40)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    # every column at least as wide as its title ("Số cuộc thanh tra" read "Số cuộc th…"
    # before the first report filled the table)
    for column in range(header.count()):
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
            header.resizeSection(column, max(header.sectionSize(column),
                                             header.sectionSizeHint(column)))
    _room_for_stretched(table)
    show_cut_text(table)


def fit_columns(table: QTableView, widest: int = 420, widths: dict[int, int] | None = None) -> None:
    """Columns to their contents, none wider than `widest` pixels (long titles) or than
    its own cap in `widths`; stretched columns are left to the header."""
    header = table.horizontalHeader()
    last = header.count() - 1
    for column in range(header.count()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
        if column == last and header.stretchLastSection():
            continue
        table.resizeColumnToContents(column)
        cap = (widths or {}).get(column, widest)
        if header.sectionSize(column) > cap:
            header.resizeSection(column, cap)
    _room_for_stretched(table)


def _room_for_stretched(table: QTableView) -> None:
    """The stretched column (a summary, a title) keeps room to be read."""
    header = table.horizontalHeader()
    room = table.findChild(_Room, "room")
    if room is not None and room.scrolled:   # the stretched column, made to scroll
        header.setSectionResizeMode(room.column, QHeaderView.ResizeMode.Stretch)
        room.scrolled = False
    for column in range(header.count()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            keep_room(table, column, max(160, header.sectionSizeHint(column) + 40))
            return


def keep_room(table: QTableView, column: int, least: int) -> None:
    """Give the stretched `column` up to `least` pixels by narrowing the widest other
    columns, none below its title or 120 px (at 1024 px the dashboard's "Việc phải làm"
    read "V…" beside "Quá hạn 1950 ngày"). Call it once the columns have their natural
    widths; on each resize the table starts again from those. Cut cells read whole in
    their tooltips (ui.cut_text)."""
    room = table.findChild(_Room, "room")
    if room is None:
        room = _Room(column, least, table)
        table.installEventFilter(room)
    header = table.horizontalHeader()
    room.natural = {c: header.sectionSize(c) for c in range(header.count())
                    if c != column and not header.isSectionHidden(c)}
    room.apply(table)


class _Room(QObject):
    def __init__(self, column: int, least: int, table: QTableView) -> None:
        super().__init__(table)
        self.setObjectName("room")
        self.column, self.least = column, least
        self.natural: dict[int, int] = {}
        self.scrolled = False   # the column set to `least` and the table scrolls sideways

    def apply(self, table: QTableView) -> None:
        header = table.horizontalHeader()
        stretched = header.sectionResizeMode(self.column) == QHeaderView.ResizeMode.Stretch
        if not stretched and not self.scrolled:
            return   # not a stretched column: nothing to keep room for
        if self.scrolled:
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Stretch)
            self.scrolled = False
        for c, width in self.natural.items():
            header.resizeSection(c, width)
        short = self.least - (table.viewport().width() - sum(self.natural.values()))
        # a table that cannot scroll sideways must fit: its columns may go down to their
        # titles; else none below 120 px unless it is narrower by nature
        fixed = (table.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for c in sorted(self.natural, key=self.natural.get, reverse=True):
            if short <= 0:
                break
            floor = header.sectionSizeHint(c)
            if not fixed:
                floor = max(floor, min(self.natural[c], 120))
            give = min(short, self.natural[c] - floor)
            if give > 0:
                header.resizeSection(c, self.natural[c] - give)
                short -= give
        if short > 0 and not fixed:   # still short: the column keeps its room; the table scrolls
            header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self.column, self.least)
            self.scrolled = True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.apply(watched)
        return False


def row_of(table: QTableView, index) -> Any:
    """The DTO behind a view index (through a proxy if any)."""
    return index.data(ROW_ROLE) if index.isValid() else None


def selected_row(table: QTableView) -> Any:
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    return row_of(table, rows[0]) if rows else None

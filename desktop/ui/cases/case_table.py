"""The case list's model (Anki's browser table model): it holds the ordered case ids and
fetches rows on demand, so a 100 000-row table stays fast.

* ids come from cases.list_ids: one screen (FIRST) with its rows for a new query, then
  batches of BATCH (canFetchMore/fetchMore ask the worker for the next batch; fetchMore
  never blocks);
* rows come from cases.rows_by_ids a page (PAGE rows) at a time, on the worker; data()
  for a row not yet loaded answers "…" and schedules its page once; dataChanged follows
  when the page arrives, with the page's overdue flags (services.case_flags);
* sorting re-queries the ids in SQL (sort()); a newer query makes the answers of older
  ones be ignored (a generation number) and cancels them if they have not started.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, NamedTuple

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QTimer,
                            QPersistentModelIndex, Qt, Signal)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.dates import format_date
from desktop.domain.levels import Level
from desktop.services import case_flags, cases
from desktop.services.cases import CaseFilter, CaseRow
from desktop.ui import icons
from desktop.ui.context import AppContext
from desktop.ui.tasks import TaskHandle

RED = QColor("#b00020")
LEVEL_RED = QColor("#c00000")
PLACEHOLDER = "…"


def _t(text: str) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP("CaseTableModel", …)."""
    return QCoreApplication.translate("CaseTableModel", text)


class Column(NamedTuple):
    key: str          # stable name (settings: CASE_COLUMNS)
    title: str        # Vietnamese source text (translated when shown)
    sort: str | None  # cases.list_ids sort key; None: not sortable


COLUMNS: tuple[Column, ...] = (
    Column("code", QT_TRANSLATE_NOOP("CaseTableModel", "Mã"), "code"),
    Column("title", QT_TRANSLATE_NOOP("CaseTableModel", "Tên cuộc thanh tra"), "title"),
    Column("party", QT_TRANSLATE_NOOP("CaseTableModel", "Đối tượng thanh tra"), "inspected_party"),
    Column("stage", QT_TRANSLATE_NOOP("CaseTableModel", "Giai đoạn"), "stage"),
    Column("decision_date", QT_TRANSLATE_NOOP("CaseTableModel", "Ngày QĐ"), "decision_date"),
    Column("level", QT_TRANSLATE_NOOP("CaseTableModel", "Độ mật"), "level"),
    Column("overdue", QT_TRANSLATE_NOOP("CaseTableModel", "Quá hạn"), None),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
DEFAULT_SORT = "decision_date"


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
_ABSENT = object()
_LOOKS: dict[str, Any] = {}   # brushes, a bold font, the warning icon: made once, shared


def _look(name: str) -> Any:
    if not _LOOKS:
        bold = QFont()
        bold.setBold(True)
        _LOOKS.update(level=QBrush(LEVEL_RED), late=QBrush(RED), bold=bold,
                      warning=icons.icon("warning"))
    return _LOOKS[name]


@dataclass(frozen=True)
class _Item:
    """One loaded row, every cell's look computed once: a search repaints a screen of
    rows, and the view asks each cell for six roles (a dict lookup each, not a chain of
    comparisons)."""

    row: CaseRow
    overdue: bool
    texts: tuple[str, ...]
    tips: tuple[str, ...]
    cells: tuple[dict[int, Any], ...] = ()

    @property
    def classified(self) -> bool:
        return self.row.level > Level.THUONG


class CaseTableModel(QAbstractTableModel):
    BATCH = 1000   # ids per list_ids request
    PAGE = 200     # rows per rows_by_ids request
    FIRST = 60     # rows fetched with a new query: one screen, so typing feels instant
    FOLLOW_UP_MS = 40   # then the count and the next ids, after the first paint
    MAX_PENDING_PAGES = 6  # older page requests not yet started are dropped (fast scrolling)

    CodeRole = int(Qt.ItemDataRole.UserRole)
    IdRole = int(Qt.ItemDataRole.UserRole) + 1
    ClassifiedRole = int(Qt.ItemDataRole.UserRole) + 2
    OverdueRole = int(Qt.ItemDataRole.UserRole) + 3
    LoadedRole = int(Qt.ItemDataRole.UserRole) + 4

    reset_done = Signal()        # a query's first batch (with its first page) is shown
    page_loaded = Signal(int)    # rows of this page arrived
    total_changed = Signal(int)  # number of matching cases (-1: not known yet)
    busy_changed = Signal(bool)
    failed = Signal(object)      # an exception from the worker

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.as_of: date | None = None  # "today" for the overdue flags (tests, demo)
        self._filter = CaseFilter()
        self._sort = DEFAULT_SORT
        self._descending = True
        self._ids: list[int] = []
        self._known: set[int] = set()
        self._items: dict[int, _Item | None] = {}   # None: the row is gone / not readable
        self._total = 0
        self._exhausted = True
        self._gen = 0
        self._following = False   # the count and first page wait for the first paint
        self._query: TaskHandle | None = None
        self._count: TaskHandle | None = None
        self._fetch: TaskHandle | None = None
        self._pages: dict[int, TaskHandle] = {}     # page → pending request (this generation)
        self._busy = False

    # --- queries ---------------------------------------------------------------------
    @property
    def filter(self) -> CaseFilter:
        return self._filter

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def total(self) -> int:
        return self._total

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def generation(self) -> int:
        return self._gen

    def set_filter(self, flt: CaseFilter) -> None:
        self._filter = replace(flt, limit=None, offset=0)
        self.reload()

    def set_sort(self, key: str, descending: bool) -> None:
        self._sort, self._descending = key, descending
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort is None:
            return
        key = COLUMNS[column].sort
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and self._query is not None:
            return  # the same query is already on its way
        self.set_sort(key, descending)

    def sort_column(self) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c.sort == self._sort)

    def reload(self) -> None:
        """Ask the worker for the ids in the current filter and order (the table keeps
        showing the old rows until the answer arrives)."""
        self._new_generation()
        # one screen of ids first: a rare word's thousand matches may lie across the
        # whole register, its first screen near the top (the rest come in _follow_up)
        page = self.FIRST
        flt = replace(self._filter, limit=page, offset=0)
        sort, descending, today, gen = self._sort, self._descending, self.as_of, self._gen

        def work(vs, control):
            control.check()
            found = cases.list_rows(vs, flt, sort, descending)
            flags = case_flags.overdue_codes(vs, [r.code for r in found], today)
            return [r.id for r in found], {r.id: r for r in found}, flags

        self._query = self.ctx.db(work, lambda result: self._query_done(gen, result),
                                  lambda exc: self._failed(gen, exc),
                                  cancelled=lambda: self._query_cancelled(gen))
        self._update_busy()

    def clear(self) -> None:
        """Forget everything (the vault locked): no ids, no rows."""
        self._new_generation()
        self.beginResetModel()
        self._ids, self._known, self._items = [], set(), {}
        self._total, self._exhausted = 0, True
        self.endResetModel()
        self.total_changed.emit(0)
        self._update_busy()

    def _new_generation(self) -> None:
        self._gen += 1
        self._following = False
        for handle in [self._query, self._count, self._fetch, *self._pages.values()]:
            if handle is not None:
                handle.cancel()
        self._query = self._count = self._fetch = None
        self._pages = {}

    def _query_done(self, gen: int, result) -> None:
        if gen != self._gen:
            return
        self._query = None
        ids, rows, flags = result
        self.beginResetModel()
        self._ids = list(ids)
        self._known = set(self._ids)
        self._items = {}
        self._store(self._ids, rows, flags)
        self._exhausted = len(self._ids) < self.FIRST
        self._total = len(self._ids) if self._exhausted else -1
        self.endResetModel()
        self.reset_done.emit()
        self.total_changed.emit(self._total)
        # the count and the next ids once the first screen is painted: on the worker
        # they would hold Python's lock while the table paints
        self._following = True
        QTimer.singleShot(self.FOLLOW_UP_MS, lambda: self._follow_up(gen))
        self._update_busy()

    def _follow_up(self, gen: int) -> None:
        if gen != self._gen:
            return
        self._following = False
        if not self._exhausted:
            self._request_count(gen)
            self.fetchMore()   # the next ids; their rows load as they come into view
        self._update_busy()

    def _query_cancelled(self, gen: int) -> None:
        if gen == self._gen:
            self._query = None
        self._update_busy()

    def _request_count(self, gen: int) -> None:
        flt = replace(self._filter, limit=None, offset=0)

        def work(vs, control):
            control.check()
            return cases.count_cases(vs, flt)

        def done(total: int) -> None:
            if gen != self._gen:
                return
            self._count = None
            self._total = max(total, len(self._ids))
            self._exhausted = len(self._ids) >= self._total
            self.total_changed.emit(self._total)
            self._update_busy()

        self._count = self.ctx.db(work, done, lambda exc: self._failed(gen, exc),
                                  cancelled=self._update_busy)

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._query = self._count = self._fetch = None
        self._pages = {}
        self._update_busy()
        self.failed.emit(exc)

    # --- more ids (fetchMore) ---------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: N802
        if parent.isValid():
            return False
        return not self._exhausted and self._query is None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or not self.canFetchMore(parent) or self._fetch is not None:
            return
        flt = replace(self._filter, limit=self.BATCH, offset=len(self._ids))
        sort, descending, gen = self._sort, self._descending, self._gen

        def work(vs, control):
            control.check()
            return cases.list_ids(vs, flt, sort, descending)

        def done(more: list[int]) -> None:
            if gen != self._gen:
                return
            fresh = [i for i in more if i not in self._known]
            if fresh:  # (self._fetch stays set meanwhile: views may call fetchMore from the signals)
                first = len(self._ids)
                self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
                self._ids.extend(fresh)
                self._known.update(fresh)
                self.endInsertRows()
                if first % self.PAGE and self.loaded(first - first % self.PAGE):
                    self._request_page(first // self.PAGE)   # the rest of a page begun
            self._fetch = None
            if len(more) < self.BATCH or not fresh:
                self._exhausted = True
                if self._total < len(self._ids):
                    self._total = len(self._ids)
                    self.total_changed.emit(self._total)
            elif self._total >= 0:
                self._exhausted = len(self._ids) >= self._total
            self._update_busy()

        self._fetch = self.ctx.db(work, done, lambda exc: self._failed(gen, exc),
                                  cancelled=self._update_busy)
        self._update_busy()

    # --- rows, a page at a time ---------------------------------------------------------
    def _request_page(self, page: int) -> None:
        if page in self._pages or self.ctx.is_locked:
            return
        # the rows of the page not loaded yet (the first screen comes with its ids)
        ids = [i for i in self._ids[page * self.PAGE:(page + 1) * self.PAGE]
               if i not in self._items]
        if not ids:
            return
        gen, today = self._gen, self.as_of
        while len(self._pages) >= self.MAX_PENDING_PAGES:  # the user scrolled past them
            oldest = next(iter(self._pages))
            self._pages.pop(oldest).cancel()

        def work(vs, control):
            control.check()
            rows = cases.rows_by_ids(vs, ids)
            flags = case_flags.overdue_codes(vs, [r.code for r in rows.values()], today)
            return rows, flags

        def done(result) -> None:
            if gen != self._gen:
                return
            self._pages.pop(page, None)
            rows, flags = result
            self._store(ids, rows, flags)
            first = page * self.PAGE
            last = min(first + self.PAGE, len(self._ids)) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
            self.page_loaded.emit(page)
            if any(i not in self._items for i in self._ids[first:last + 1]):
                self._request_page(page)   # ids of this page arrived meanwhile
            self._update_busy()

        def cancelled() -> None:
            if gen == self._gen and self._pages.get(page) is handle:
                self._pages.pop(page, None)
            self._update_busy()

        handle = self.ctx.db(work, done, lambda exc: self._failed(gen, exc), cancelled=cancelled)
        if handle is not None:
            self._pages[page] = handle
            self._update_busy()

    def _store(self, ids: list[int], rows: dict[int, CaseRow], flags: set[str]) -> None:
        lang = self.ctx.lang
        for case_id in ids:
            row = rows.get(case_id)
            self._items[case_id] = None if row is None else self._item(row, row.code in flags, lang)

    @staticmethod
    def _item(row: CaseRow, overdue: bool, lang: str) -> _Item:
        texts = (row.code, row.title, row.inspected_party, row.stage.label(lang),
                 format_date(row.decision_date), row.level.label(lang),
                 QCoreApplication.translate("CaseTableModel", "Quá hạn") if overdue else "")
        stage_tip = (QCoreApplication.translate("CaseTableModel", "%1 từ ngày %2")
                     .replace("%1", row.stage.label(lang)).replace("%2", format_date(row.stage_date))
                     if row.stage_date else row.stage.label(lang))
        decision_tip = (QCoreApplication.translate("CaseTableModel", "Quyết định số %1 ngày %2")
                        .replace("%1", row.decision_number).replace("%2", format_date(row.decision_date))
                        if row.decision_number else "")
        overdue_tip = (QCoreApplication.translate("CaseTableModel", "Có thời hạn đã quá hạn")
                       if overdue else "")
        tips = (row.code, row.title, row.inspected_party, stage_tip, decision_tip,
                row.level.label(lang), overdue_tip)
        classified = row.level > Level.THUONG
        cells = []
        for column, key in enumerate(COLUMN_KEYS):
            cell: dict[int, Any] = {_DISPLAY: texts[column]}
            if tips[column]:
                cell[_TIP] = tips[column]
            if key == "level" and classified:
                cell[_FOREGROUND], cell[_FONT] = _look("level"), _look("bold")
            elif overdue:
                cell[_FOREGROUND] = _look("late")
            if key == "overdue" and overdue:
                cell[_DECORATION] = _look("warning")
            if key in ("decision_date", "level"):
                cell[_ALIGNMENT] = _CENTRED
            cells.append(cell)
        return _Item(row, overdue, texts, tips, tuple(cells))

    def _update_busy(self) -> None:
        busy = bool(self._query or self._count or self._fetch or self._pages or self._following)
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    # --- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _t(COLUMNS[section].title)
            if role == Qt.ItemDataRole.InitialSortOrderRole and COLUMNS[section].key in (
                    "decision_date", "level"):
                return int(Qt.SortOrder.DescendingOrder.value)
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].sort is None:
                return QCoreApplication.translate(
                    "CaseTableModel", "Cuộc thanh tra có thời hạn đã quá hạn (không sắp xếp theo cột này)")
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if row < 0 or row >= len(self._ids):
            return None
        case_id = self._ids[row]
        item = self._items.get(case_id, _ABSENT)
        if item is _ABSENT:
            if role == _DISPLAY:
                self._request_page(row // self.PAGE)
                return PLACEHOLDER
            return case_id if role == self.IdRole else False if role == self.LoadedRole else None
        if item is None:   # gone meanwhile (deleted, or no longer cleared)
            return ("" if role == _DISPLAY else case_id if role == self.IdRole
                    else True if role == self.LoadedRole else None)
        column = index.column()
        if 0 <= column < len(item.cells):
            value = item.cells[column].get(role)
            if value is not None:
                return value
        if role == self.LoadedRole:
            return True
        if role == self.IdRole:
            return case_id
        if role == self.CodeRole:
            return item.row.code
        if role == self.ClassifiedRole:
            return item.classified
        if role == self.OverdueRole:
            return item.overdue
        return None

    # --- for the page -----------------------------------------------------------------
    def case_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def item(self, row: int) -> _Item | None:
        case_id = self.case_id(row)
        return None if case_id is None else self._items.get(case_id)

    def row_of_code(self, code: str) -> int | None:
        """The row of a case whose row is loaded, else None."""
        for row, case_id in enumerate(self._ids):
            item = self._items.get(case_id)
            if item is not None and item.row.code == code:
                return row
        return None

    def row_of_id(self, case_id: int) -> int | None:
        if case_id not in self._known:
            return None
        return self._ids.index(case_id)

    def loaded(self, row: int) -> bool:
        case_id = self.case_id(row)
        return case_id is not None and case_id in self._items

    def ids(self) -> list[int]:
        return list(self._ids)

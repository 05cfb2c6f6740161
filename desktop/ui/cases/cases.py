"""The case list: type-to-search (without diacritics), filters, a table that stays fast at
100 000 cases (CaseTableModel: ids in SQL order, rows loaded a page at a time), and the
case in detail beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMenu, QPushButton, QSpinBox, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from desktop.domain.levels import Level
from desktop.domain.numbers import format_number
from desktop.domain.stages import Stage
from desktop.services.cases import CaseFilter
from desktop.ui import errors
from desktop.ui import settings as opts
from desktop.ui.context import AppContext
from desktop.ui.cases.case_table import COLUMN_KEYS, COLUMNS, CaseTableModel
from desktop.domain.changes import Area
from desktop.ui.page import Page
from desktop.ui.cases.case_view import CaseView
from desktop.ui.widgets import LateBusyBar, error_label

SEARCH_DELAY_MS = 150
_WIDTHS = {"code": 130, "title": 380, "party": 220, "stage": 170, "decision_date": 90,
           "level": 80, "overdue": 80}


class YearSpin(QSpinBox):
    """A year, or "every year" (the minimum); the first step up goes to this year."""

    ANY = 1999

    def __init__(self) -> None:
        super().__init__()
        self.setRange(self.ANY, date.today().year + 1)
        self.setValue(self.ANY)

    def stepBy(self, steps: int) -> None:  # noqa: N802
        if self.value() == self.ANY and steps > 0:
            self.setValue(date.today().year)
        else:
            super().stepBy(steps)

    def year(self) -> int | None:
        return None if self.value() == self.ANY else self.value()


class CaseTableView(QTableView):
    """The list's view: Ctrl+C copies through the page (which knows about classified
    rows) even where the shortcut does not reach, never Qt's copy of the current cell."""

    copy_requested = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class CasesPage(Page):
    watches = frozenset({Area.CASES, Area.EVENTS, Area.OPINIONS, Area.DIRECTIVES,
                         Area.RESULTS, Area.DOCUMENTS, Area.STAFF, Area.RULES})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("casesPage")
        self._as_of: date | None = None
        self._restore_code = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(self.tr("Tìm theo mã, tên, đối tượng, số quyết định, người "
                                               "(gõ không dấu được)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        bar.addWidget(self.search, 1)
        # the filters on a row of their own: on one row with the search the page needed
        # 1 124 px and the window outgrew a 1024 px screen
        filters = QHBoxLayout()
        self.stage_filter = QComboBox()
        self.stage_filter.setObjectName("stageFilter")
        self.stage_filter.addItem(self.tr("Mọi giai đoạn"), None)
        for stage in Stage:
            if stage.is_milestone:
                self.stage_filter.addItem(stage.label(ctx.lang), stage.value)
        filters.addWidget(self.stage_filter)
        self.level_filter = QComboBox()
        self.level_filter.setObjectName("levelFilter")
        self.level_filter.addItem(self.tr("Mọi độ mật"), None)
        cleared = ctx.session.actor.clearance if ctx.session is not None else Level.TUYET_MAT
        for level in Level:
            if level <= cleared:
                self.level_filter.addItem(level.label(ctx.lang), int(level))
        filters.addWidget(self.level_filter)
        self.leader_filter = QLineEdit()
        self.leader_filter.setObjectName("leaderFilter")
        self.leader_filter.setPlaceholderText(self.tr("Lãnh đạo phụ trách"))
        self.leader_filter.setClearButtonEnabled(True)
        # wide enough for its placeholder and the clear button in either language (at
        # 1024 px it shrank to "Lãn…")
        placeholder = self.leader_filter.fontMetrics().horizontalAdvance(
            self.leader_filter.placeholderText())
        self.leader_filter.setMinimumWidth(placeholder + 40)
        self.leader_filter.setToolTip(self.leader_filter.placeholderText())
        filters.addWidget(self.leader_filter, 1)
        self.year_filter = YearSpin()
        self.year_filter.setObjectName("yearFilter")
        self.year_filter.setSpecialValueText(self.tr("Mọi năm"))
        self.year_filter.setToolTip(self.tr("Năm của quyết định thanh tra"))
        filters.addWidget(self.year_filter)
        filters.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")
        self.count_label.setMinimumWidth(110)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self.count_label)
        self.new_button = QPushButton(self.tr("Thêm hồ sơ…"))
        self.new_button.setObjectName("newCaseButton")
        self.new_button.setToolTip(self.tr("Thêm một cuộc thanh tra (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_case)
        bar.addWidget(self.new_button)
        self.new_action = QAction(self.tr("Thêm hồ sơ…"), self)
        self.new_action.setObjectName("newCaseAction")
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.new_case)
        self.addAction(self.new_action)
        layout.addLayout(bar)
        layout.addLayout(filters)
        # a new vault: say what to do first instead of an empty table
        self.empty_hint = QLabel(self.tr(
            "Chưa có cuộc thanh tra nào. Bấm “Thêm hồ sơ…” (Ctrl+N) để nhập cuộc đầu tiên, "
            "nhập danh sách từ tệp Excel (Tệp → Nhập từ Excel), hoặc bắt đầu từ một mục của "
            "kế hoạch năm (trang Kế hoạch)."))
        self.empty_hint.setObjectName("casesEmptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #444; padding: 12px; background: #f3f6f9; "
                                      "border: 1px solid #b9c4d0; border-radius: 4px;")
        self.empty_hint.hide()
        layout.addWidget(self.empty_hint)
        self.busy = LateBusyBar()   # a search is usually over before it would show
        self.busy.setObjectName("casesBusy")
        layout.addWidget(self.busy)
        self.message = error_label("casesMessage", plain_text=False)
        layout.addWidget(self.message)

        self.model = CaseTableModel(ctx, self)
        self.table = CaseTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTabKeyNavigation(False)   # Tab leaves the table; arrows move in it
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for i, column in enumerate(COLUMNS):
            header.resizeSection(i, _WIDTHS.get(column.key, 120))
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        self._sort_indicator = (self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        self.table.activated.connect(self._activated)
        self.copy_action = QAction(self.tr("Chép mã và tên"), self.table)
        self.copy_action.setObjectName("copyCasesAction")
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_selected)
        self.table.copy_requested.connect(self.copy_selected)
        self.open_action = QAction(self.tr("Xem chi tiết"), self.table)
        self.open_action.triggered.connect(lambda: self._activated(self.table.currentIndex()))
        self.table.addAction(self.open_action)
        self.table.addAction(self.copy_action)
        # a menu for the row under the pointer; none over the empty part of the table
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self._apply_columns(self._visible_columns())

        self.case_view = CaseView(ctx)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("caseSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.case_view)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([560, 520])
        self.case_view.hide()  # the list gets the whole width until a case is opened
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.leader_filter.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_filters)
        self.leader_filter.returnPressed.connect(self.apply_filters)
        self.stage_filter.currentIndexChanged.connect(self.apply_filters)
        self.level_filter.currentIndexChanged.connect(self.apply_filters)
        self.year_filter.valueChanged.connect(self._search_timer.start)
        self.model.total_changed.connect(self._show_count)
        self.model.busy_changed.connect(self.busy.set_busy)
        self.model.failed.connect(self._failed)
        self.model.reset_done.connect(self._reset_done)
        self.case_view.loaded.connect(self._case_shown)
        self._show_count(0)
        self.empty_hint.hide()  # until the first count says the vault is empty

    # --- "today" for the overdue marks (tests, demo) -------------------------------------
    def apply_as_of(self, day) -> None:
        super().apply_as_of(day)
        self.as_of = day

    @property
    def as_of(self) -> date | None:
        return self._as_of

    @as_of.setter
    def as_of(self, value: date | None) -> None:
        self._as_of = value
        self.model.as_of = value
        self.case_view.as_of = value

    # --- what the main window calls ---------------------------------------------------
    def open_code(self, code: str) -> None:
        """Show this case in the detail pane (and select its row if it is listed)."""
        self._show_detail()
        self.case_view.load(code)
        self._select_code(code)

    def _show_detail(self) -> None:
        if self.case_view.isHidden():
            self.case_view.show()
            width = max(self.splitter.width(), 800)
            self.splitter.setSizes([width * 52 // 100, width * 48 // 100])

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh(self) -> None:
        self.apply_filters()
        self.case_view.reload()

    def clear(self) -> None:
        super().clear()
        self._search_timer.stop()
        self.model.clear()
        self.case_view.clear()
        self.case_view.hide()
        self.message.hide()
        self.busy.set_busy(False)

    # --- filters ------------------------------------------------------------------------
    def current_filter(self) -> CaseFilter:
        stage = self.stage_filter.currentData()
        level = self.level_filter.currentData()
        return CaseFilter(search=self.search.text().strip(),
                          stage=Stage(stage) if stage else None,
                          level=Level(level) if level is not None else None,
                          year=self.year_filter.year(),
                          supervisor=self.leader_filter.text().strip())

    def apply_filters(self) -> None:
        """Run the query now (the search box calls it 150 ms after the last key)."""
        self._search_timer.stop()
        if self.ctx.is_locked:
            return
        self.stale = False
        self.message.hide()
        self._remember_selection()
        self.model.set_filter(self.current_filter())

    def new_case(self) -> None:
        """The case form; the new case is opened once saved."""
        if self.ctx.is_locked:
            return
        from desktop.ui.cases.case_form import CaseFormDialog
        dialog = CaseFormDialog(self.ctx, parent=self)
        self.form = dialog
        dialog.accepted.connect(lambda: self._case_saved(dialog.outcome))
        dialog.open()

    def _case_saved(self, code: str) -> None:
        # the list reloads when the save's changes are told (AppContext.db), after this
        self.open_code(code)

    def _show_count(self, total: int) -> None:
        no_filter = self.current_filter() == CaseFilter()
        self.empty_hint.setVisible(total == 0 and no_filter)
        if total < 0:
            text = self.tr("Hơn %1 hồ sơ").replace("%1", format_number(self.model.rowCount(), self.ctx.lang))
        else:
            text = self.tr("%1 hồ sơ").replace("%1", format_number(total, self.ctx.lang))
        self.count_label.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(errors.describe(exc, self.ctx.lang))
        self.message.show()

    # --- sorting --------------------------------------------------------------------------
    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        if COLUMNS[column].sort is None:  # the overdue marks are not a column of the table
            header.blockSignals(True)
            header.setSortIndicator(*self._sort_indicator)
            header.blockSignals(False)
            return
        self._sort_indicator = (column, order)
        self._remember_selection()
        self.model.sort(column, order)

    # --- selection and opening ---------------------------------------------------------------
    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        code = index.siblingAtColumn(0).data(CaseTableModel.CodeRole)
        if code:
            self._show_detail()
        if code and code != self.case_view.code:
            self.case_view.load(code)
        elif code:
            self.case_view.reload()

    def _remember_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            code = rows[0].data(CaseTableModel.CodeRole)
            if code:
                self._restore_code = code

    def _reset_done(self) -> None:
        if self._restore_code:
            self._select_code(self._restore_code)

    def _case_shown(self, code: str) -> None:
        self._select_code(code)

    def _select_code(self, code: str) -> None:
        row = self.model.row_of_code(code)
        if row is None:
            return
        self._restore_code = ""
        index = self.model.index(row, 0)
        selection = self.table.selectionModel()
        if row in {i.row() for i in selection.selectedRows()}:
            return
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    # --- copy -----------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.table.selectionModel().selectedRows())

    def copy_selected(self) -> None:
        lines, classified = [], False
        for row in self.selected_rows():
            item = self.model.item(row)
            if item is None:
                continue
            lines.append(f"{item.row.code}\t{item.row.title}")
            classified = classified or item.classified
        if not lines:
            return
        self.ctx.copy_text("\n".join(lines), classified=classified)
        if classified:
            seconds = self.ctx.settings.get(opts.CLIPBOARD_SECONDS)
            self.status.emit(self.tr("Đã chép %1 hồ sơ; có hồ sơ mật nên bộ nhớ tạm sẽ được xóa sau %2 giây.")
                             .replace("%1", str(len(lines))).replace("%2", str(seconds)))
        else:
            self.status.emit(self.tr("Đã chép %1 hồ sơ.").replace("%1", str(len(lines))))

    # --- columns ----------------------------------------------------------------------------
    def _visible_columns(self) -> list[str]:
        saved = self.ctx.settings.get(opts.CASE_COLUMNS)
        keys = [k for k in saved.split(",") if k in COLUMN_KEYS] if saved else []
        return keys or list(COLUMN_KEYS)

    def _apply_columns(self, keys: list[str]) -> None:
        for i, column in enumerate(COLUMNS):
            self.table.setColumnHidden(i, column.key not in keys)

    def visible_columns(self) -> list[str]:
        return [c.key for i, c in enumerate(COLUMNS) if not self.table.isColumnHidden(i)]

    def set_column_visible(self, key: str, visible: bool) -> None:
        keys = self.visible_columns()
        if visible and key not in keys:
            keys.append(key)
        elif not visible and key in keys:
            if len(keys) == 1:
                return  # keep at least one column
            keys.remove(key)
        keys = [k for k in COLUMN_KEYS if k in keys]
        self._apply_columns(keys)
        self.ctx.settings.set(opts.CASE_COLUMNS, ",".join(keys))

    def column_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("columnMenu")
        visible = self.visible_columns()
        for i, column in enumerate(COLUMNS):
            action = menu.addAction(self.model.headerData(i, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(column.key in visible)
            action.setEnabled(not (column.key in visible and len(visible) == 1))
            action.toggled.connect(lambda on, key=column.key: self.set_column_visible(key, on))
        return menu

    def row_menu(self, pos) -> "QMenu | None":
        """The menu of the row at `pos` (viewport coordinates), or None off the rows."""
        index = self.table.indexAt(pos)
        if not index.isValid():
            return None
        self.table.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addAction(self.copy_action)
        return menu

    def _row_menu(self, pos) -> None:
        menu = self.row_menu(pos)
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _column_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

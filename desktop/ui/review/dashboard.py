"""The first page: what is overdue or due soon (worst first), cases by stage, and the
conclusions issued vs the cases open, month by month. Everything loads on the worker:
the window is usable at once, the figures come in as they are ready (the quick SQL
aggregates first, the deadline scan over every open case after)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.domain.dates import format_date
from desktop.domain.deadlines import Deadline, DeadlineState
from desktop.domain.numbers import format_number
from desktop.domain.stages import Stage
from desktop.services import dashboard, deadlines_service, secret_registers
from desktop.services.deadlines_service import Alarms
from desktop.ui import errors
from desktop.ui.context import AppContext
from desktop.ui.tables import ORANGE, RED, keep_room
from desktop.domain.changes import Area
from desktop.ui.page import Page
from desktop.ui.few_rows import table
from desktop.ui.review.chart import MonthlyChart
from desktop.ui.documents.expiring import WITHIN_DAYS, ExpiringDocumentsBox
from desktop.ui.widgets import busy_bar, error_label

MAX_ITEMS = 500  # rows listed; the summary counts them all
CODE_ROLE = Qt.ItemDataRole.UserRole


class DashboardPage(Page):
    watches = frozenset({Area.CASES, Area.EVENTS, Area.OPINIONS, Area.DIRECTIVES,
                         Area.DOCUMENTS, Area.RULES})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("dashboardPage")
        self.as_of: date | None = None   # the day the figures are "as of" (tests, demo)
        self.months = 24
        self.items: list[Deadline] = []
        self.counts: dict[str, int] = {}
        self.monthly: list[tuple[int, int, int, int]] = []
        self._gen = 0
        self._pending = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        title = QLabel(self.tr("Tổng quan"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        top.addWidget(title)
        self.as_of_label = QLabel()
        self.as_of_label.setObjectName("dashboardAsOf")
        self.as_of_label.setStyleSheet("color: #555;")
        top.addWidget(self.as_of_label)
        top.addStretch()
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.refresh_button.setObjectName("dashboardRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.busy = busy_bar()
        self.busy.setObjectName("dashboardBusy")
        layout.addWidget(self.busy)
        self.message = error_label("dashboardMessage", plain_text=False)
        layout.addWidget(self.message)

        # left: overdue and due soon
        due_box = QGroupBox(self.tr("Quá hạn và sắp đến hạn"))
        due_layout = QVBoxLayout(due_box)
        self.summary = QLabel(self.tr("Đang tính thời hạn…"))
        self.summary.setObjectName("overdueSummary")
        self.summary.setWordWrap(True)
        due_layout.addWidget(self.summary)
        self.overdue_table = table("overdueTable", [self.tr("Hồ sơ"), self.tr("Việc phải làm"),
                                                    self.tr("Hạn"), self.tr("Tình trạng")], stretch=(1,))
        self.overdue_table.setToolTip(self.tr("Nhấp đúp hoặc nhấn Enter để mở hồ sơ"))
        self.overdue_table.setWordWrap(False)
        self.overdue_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.overdue_table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.overdue_table.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.overdue_table.itemActivated.connect(self._item_activated)
        due_layout.addWidget(self.overdue_table, 1)

        # right: by stage, and the chart
        stage_box = QGroupBox(self.tr("Hồ sơ theo giai đoạn hiện tại"))
        stage_layout = QVBoxLayout(stage_box)
        self.stage_table = table("stageTable", [self.tr("Giai đoạn"), self.tr("Số hồ sơ"),
                                                self.tr("Tỷ lệ")], stretch=(0,))
        self.stage_table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        stage_layout.addWidget(self.stage_table)
        chart_box = QGroupBox(self.tr("Kết luận ban hành và hồ sơ đang thực hiện theo tháng"))
        chart_layout = QVBoxLayout(chart_box)
        self.chart = MonthlyChart(ctx.lang)
        chart_layout.addWidget(self.chart)
        top_row = QSplitter(Qt.Orientation.Horizontal)
        top_row.addWidget(due_box)
        top_row.addWidget(stage_box)
        top_row.setStretchFactor(0, 3)
        top_row.setStretchFactor(1, 2)
        top_row.setChildrenCollapsible(False)
        top_row.setSizes([600, 400])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("dashboardSplitter")
        self.splitter.addWidget(top_row)
        self.expiring_box = ExpiringDocumentsBox(ctx)   # documents whose protection ends soon
        bottom_row = QSplitter(Qt.Orientation.Horizontal)
        bottom_row.addWidget(chart_box)
        bottom_row.addWidget(self.expiring_box)
        bottom_row.setChildrenCollapsible(False)
        bottom_row.setStretchFactor(0, 3)
        bottom_row.setStretchFactor(1, 2)
        bottom_row.setSizes([600, 400])
        self.splitter.addWidget(bottom_row)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([420, 300])
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

    # --- loading ------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._pending > 0

    def apply_as_of(self, day) -> None:
        super().apply_as_of(day)
        self.as_of = day

    def refresh(self) -> None:
        if self.ctx.is_locked:
            return
        self.stale = False
        self._gen += 1
        gen = self._gen
        today = self.as_of or date.today()
        months = self.months
        self.as_of_label.setText(self.tr("tình hình đến ngày %1").replace("%1", format_date(today)))
        self.message.hide()
        if not self.items:
            self.summary.setText(self.tr("Đang tính thời hạn…"))
        self._pending = 0

        def figures(vs, control):
            control.check()
            counts = dashboard.stage_counts(vs)
            control.check()
            return counts, dashboard.monthly(vs, months, today)

        def deadlines(vs, control):
            control.check()
            return deadlines_service.alarms(vs, today=today, limit=MAX_ITEMS)

        def expiring(vs, control):
            control.check()
            return secret_registers.expiring(vs, WITHIN_DAYS, today=today)

        for work, done in ((figures, self._figures_loaded), (deadlines, self._deadlines_loaded),
                           (expiring, self.expiring_box.set_rows)):
            handle = self.ctx.db(work, lambda result, d=done: self._done(gen, d, result),
                                 lambda exc: self._failed(gen, exc), cancelled=lambda: self._done(gen))
            if handle is not None:
                self._pending += 1
        self.busy.setVisible(self._pending > 0)
        self.refresh_button.setEnabled(self._pending == 0)

    def _done(self, gen: int, apply=None, result=None) -> None:
        if gen != self._gen:
            return
        self._pending = max(0, self._pending - 1)
        if apply is not None:
            apply(result)
        self.busy.setVisible(self._pending > 0)
        self.refresh_button.setEnabled(self._pending == 0)

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._done(gen)
        self.message.setText(errors.describe(exc, self.ctx.lang))
        self.message.show()

    def clear(self) -> None:
        super().clear()
        self._gen += 1
        self._pending = 0
        self.items, self.counts, self.monthly = [], {}, []
        self.busy.hide()
        self.refresh_button.setEnabled(True)
        self.message.hide()
        self.overdue_table.setRowCount(0)
        self.stage_table.setRowCount(0)
        self.expiring_box.clear()
        self.summary.setText("")
        self.as_of_label.clear()
        self.chart.clear()

    # --- showing ------------------------------------------------------------------------
    def _figures_loaded(self, result) -> None:
        counts, monthly = result
        self.counts, self.monthly = counts, monthly
        total = sum(counts.values())
        rows = [(stage, counts[stage.value]) for stage in Stage if counts.get(stage.value)]
        self.stage_table.setRowCount(len(rows) + 1)
        for r, (stage, count) in enumerate(rows):
            percent = count * 100 / total if total else 0.0
            lang = self.ctx.lang   # 8,3 % in Vietnamese, 8.3 % in English
            share = (f"< {format_number(0.1, lang, 1)} %" if 0 < percent < 0.05 else
                     format_number(round(percent, 1), lang, 1) + " %") if total else ""
            self._set_row(self.stage_table, r, [stage.label(self.ctx.lang), format_number(count, self.ctx.lang), share])
        bold = QFont(self.font())
        bold.setBold(True)
        self._set_row(self.stage_table, len(rows), [self.tr("Tổng cộng"), format_number(total, self.ctx.lang), ""], font=bold)
        self.stage_table.resizeRowsToContents()
        self.chart.set_data(monthly)

    def _deadlines_loaded(self, alarms: Alarms) -> None:
        self.items = shown = alarms.items   # the worst MAX_ITEMS; the summary counts all
        lang = self.ctx.lang
        if not alarms.total:
            self.summary.setText(self.tr("Không có việc nào quá hạn hay sắp đến hạn."))
        else:
            text = (self.tr("%1 việc quá hạn, %2 việc sắp đến hạn (xếp từ việc trễ nhất).")
                    .replace("%1", format_number(alarms.overdue, lang))
                    .replace("%2", format_number(alarms.due_soon, lang)))
            if alarms.total > len(shown):
                text += " " + self.tr("Hiển thị %1 việc đầu tiên.").replace("%1", format_number(len(shown), lang))
            self.summary.setText(text)
        self.overdue_table.setUpdatesEnabled(False)
        self.overdue_table.setRowCount(len(shown))
        for r, d in enumerate(shown):
            what = d.label(lang) + (f" – {d.subject}" if d.subject else "")
            color = RED if d.state is DeadlineState.OVERDUE else ORANGE
            self._set_row(self.overdue_table, r,
                          [d.case_code or self.tr("(không gắn hồ sơ)"), what, format_date(d.due),
                           d.status_text(lang)],
                          tip=d.explanation(lang), color=color, code=d.case_code or "")
        for column in (0, 2, 3):
            self.overdue_table.resizeColumnToContents(column)
        keep_room(self.overdue_table, 1, 220)   # what is due, beside long statuses
        self.overdue_table.setUpdatesEnabled(True)

    @staticmethod
    def _set_row(widget: QTableWidget, r: int, values: list[str], tip: str = "", color=None,
                 code: str = "", font: QFont | None = None) -> None:
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            # a cell cut by its column still reads whole in its tooltip (two rows may differ
            # only past the cut: "… Bộ Tài chính" / "… Bộ Tài nguyên")
            if tip:   # else ui.cut_text shows a cut cell's text
                item.setToolTip(f"{value}\n\n{tip}" if value else tip)
            if color is not None:
                item.setForeground(QBrush(color))
            if font is not None:
                item.setFont(font)
            if code:
                item.setData(CODE_ROLE, code)
            if widget.objectName() == "stageTable" and c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            widget.setItem(r, c, item)

    def _item_activated(self, item: QTableWidgetItem) -> None:
        code = item.data(CODE_ROLE)
        if code:
            self.open_case.emit(code)

    def open_row(self, row: int) -> None:
        """Open the case of this row (as a double-click does)."""
        item = self.overdue_table.item(row, 0)
        if item is not None:
            self._item_activated(item)

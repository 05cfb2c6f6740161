"""The period review ("Báo cáo"): table 01/TTr's indicators for a period and the lists a
review meeting discusses — cases without a conclusion and what they wait for, opinion
requests and directives overdue, plan items not started.

This module also holds the small table helpers the other pages of this group use
(RowsModel over a list of DTOs, a sorting/filtering proxy, date and number formats)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Sequence

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QDate, QModelIndex,
                            QSortFilterProxyModel, Qt)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QFrame, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSpinBox, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from desktop.services import report, report_units
from desktop.ui import errors
from desktop.ui.views.base import Page
from desktop.ui.widgets import busy_bar

# --- shared helpers --------------------------------------------------------------------

RED = QColor("#b00020")
ORANGE = QColor("#9a5b00")
GREY = QColor("#6b6b6b")
ROW_ROLE = Qt.ItemDataRole.UserRole          # the row's DTO
SORT_ROLE = Qt.ItemDataRole.UserRole + 1     # the column's sort key


def fmt_date(value: date | None) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year}" if value else ""


def fmt_iso_date(text: str | None) -> str:
    return fmt_date(date.fromisoformat(text)) if text else ""


def fmt_int(value: int | None, lang: str = "vi") -> str:
    if value is None:
        return ""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "vi" else text


def fmt_num(value: float | None, lang: str = "vi", decimals: int = 3) -> str:
    """1.234,5 (vi) / 1,234.5 (en); trailing zeros dropped."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(value: date, object_name: str) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setObjectName(object_name)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


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
        if role == Qt.ItemDataRole.ToolTipRole:
            if col.tooltip is not None:
                return col.tooltip(item)
            text = col.text(item)
            return text if len(text) > 30 else None
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
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
    if sortable:
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
    return table


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


def row_of(table: QTableView, index) -> Any:
    """The DTO behind a view index (through a proxy if any)."""
    return index.data(ROW_ROLE) if index.isValid() else None


def selected_row(table: QTableView) -> Any:
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    return row_of(table, rows[0]) if rows else None


def notice_frame(object_name: str) -> tuple[QFrame, QLabel]:
    """A framed, word-wrapped note; `set_warning(frame, True)` turns it red."""
    frame = QFrame()
    frame.setObjectName(object_name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 8, 10, 8)
    label = QLabel()
    label.setObjectName(object_name + "Text")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(label)
    set_warning(frame, False)
    return frame, label


def set_warning(frame: QFrame, warning: bool) -> None:
    frame.setProperty("warning", warning)
    name = frame.objectName()
    if warning:
        frame.setStyleSheet(f"QFrame#{name} {{ border: 2px solid #c00000; border-radius: 4px;"
                            f" background: #fdecea; }} QFrame#{name} QLabel {{ color: #8b0000; }}")
    else:
        frame.setStyleSheet(f"QFrame#{name} {{ border: 1px solid #b9c4d0; border-radius: 4px;"
                            f" background: #f3f6f9; }}")


class FormDialog(QDialog):
    """A small form whose OK runs one task on the database worker: busy bar while it runs,
    the dialog closes when it succeeds (the result is in `outcome`), an error is shown as
    a dialog and the form stays open to be corrected."""

    def __init__(self, ctx, title: str, object_name: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.outcome: Any = None
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(self.form)
        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.busy = busy_bar()
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def task(self) -> Callable[[Any, Any], Any] | None:
        """The work to run (vs, control) → result; None after saying what is missing."""
        raise NotImplementedError

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def submit(self) -> None:
        self.say("")
        fn = self.task()
        if fn is None:
            return
        handle = self.ctx.db(fn, done=self._done, error=self._failed)
        if handle is None:  # locked meanwhile
            self.reject()
            return
        self.busy.show()
        self.buttons.setEnabled(False)

    def _done(self, result: Any) -> None:
        self.busy.hide()
        self.buttons.setEnabled(True)
        self.outcome = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.buttons.setEnabled(True)
        errors.show(self, exc, self.ctx.lang)


# --- the review page -----------------------------------------------------------------

def presets(year: int) -> list[tuple[str, date, date]]:
    """(name, from, to) of the usual reporting periods of `year`: calendar quarters and
    halves, and the sector's cut-offs (15/12 of the previous year to the 14th)."""
    prev = year - 1
    return [
        (QCoreApplication.translate("ReviewPage", "6 tháng đầu năm"),
         date(year, 1, 1), date(year, 6, 30)),
        (QCoreApplication.translate("ReviewPage", "9 tháng"),
         date(year, 1, 1), date(year, 9, 30)),
        (QCoreApplication.translate("ReviewPage", "Cả năm"),
         date(year, 1, 1), date(year, 12, 31)),
        (QCoreApplication.translate("ReviewPage", "Quý I"),
         date(year, 1, 1), date(year, 3, 31)),
        (QCoreApplication.translate("ReviewPage", "Quý II"),
         date(year, 4, 1), date(year, 6, 30)),
        (QCoreApplication.translate("ReviewPage", "Quý III"),
         date(year, 7, 1), date(year, 9, 30)),
        (QCoreApplication.translate("ReviewPage", "Quý IV"),
         date(year, 10, 1), date(year, 12, 31)),
        (QCoreApplication.translate("ReviewPage", "Quý I (số liệu 15/12 – 14/3)"),
         date(prev, 12, 15), date(year, 3, 14)),
        (QCoreApplication.translate("ReviewPage", "6 tháng (số liệu 15/12 – 14/6)"),
         date(prev, 12, 15), date(year, 6, 14)),
        (QCoreApplication.translate("ReviewPage", "9 tháng (số liệu 15/12 – 14/9)"),
         date(prev, 12, 15), date(year, 9, 14)),
        (QCoreApplication.translate("ReviewPage", "Cả năm (số liệu 15/12 – 14/12)"),
         date(prev, 12, 15), date(year, 12, 14)),
    ]


@dataclass(frozen=True)
class Indicator:
    label: str
    value: str
    depth: int = 0
    code: str = ""


class ReviewPage(Page):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("reviewPage")
        self.report: report.PeriodReport | None = None
        self._gen = 0
        lang = ctx.lang
        today = date.today()

        # --- period and unit ---
        self.year = QSpinBox()
        self.year.setObjectName("reviewYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.preset = QComboBox()
        self.preset.setObjectName("reviewPreset")
        self.start = date_edit(date(today.year, 1, 1), "reviewFrom")
        self.end = date_edit(date(today.year, 6, 30), "reviewTo")
        self.unit = QComboBox()
        self.unit.setObjectName("reviewUnit")
        self.unit.setEditable(True)
        self.unit.setMinimumContentsLength(28)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit.addItem(self.tr("(Tất cả đơn vị)"), "")
        self.run_button = QPushButton(self.tr("Lập báo cáo"))
        self.run_button.setObjectName("runReport")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run_report)
        self.export_button = QPushButton(self.tr("Xuất Excel…"))
        self.export_button.setObjectName("exportExcel")
        self.export_button.clicked.connect(self.export_excel)

        row1 = QHBoxLayout()
        row1.addWidget(QLabel(self.tr("Kỳ báo cáo:")))
        row1.addWidget(self.preset, 1)
        row1.addWidget(QLabel(self.tr("năm")))
        row1.addWidget(self.year)
        row1.addSpacing(12)
        row1.addWidget(QLabel(self.tr("Từ ngày:")))
        row1.addWidget(self.start)
        row1.addWidget(QLabel(self.tr("đến ngày:")))
        row1.addWidget(self.end)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("Đơn vị chủ trì:")))
        row2.addWidget(self.unit, 1)
        row2.addWidget(self.run_button)
        row2.addWidget(self.export_button)

        self.busy = busy_bar()
        self.summary = QLabel(self.tr("Chọn kỳ báo cáo rồi bấm “Lập báo cáo”."))
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")

        # --- indicators (table 01/TTr): activity on the left, results on the right ---
        def label(i: Indicator | None) -> str:
            return ("    " * i.depth + i.label) if i is not None else ""

        self.indicators: list[Indicator] = []
        self.indicators_model = RowsModel([
            Col(self.tr("Số cuộc thanh tra"), lambda r: label(r[0])),
            Col(self.tr("Số liệu"), lambda r: r[0].value if r[0] else "", right=True),
            Col(self.tr("Kết quả (tiền: triệu đồng; đất: m²)"), lambda r: label(r[1])),
            Col(self.tr("Số liệu"), lambda r: r[1].value if r[1] else "", right=True),
        ], parent=self)
        self.indicators_model.setObjectName("indicatorsModel")
        self.indicators_table = make_table(self.indicators_model, "indicatorsTable", sortable=False,
                                           stretch=2)
        self.indicators_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.indicators_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        rows = 8
        self.indicators_table.setFixedHeight(
            self.indicators_table.verticalHeader().defaultSectionSize() * rows
            + self.indicators_table.horizontalHeader().sizeHint().height() + 4)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Biểu 01/TTr — Tổng hợp kết quả thanh tra hành chính"))
        caption.setStyleSheet("font-weight: bold;")
        top_layout.addWidget(caption)
        top_layout.addWidget(self.indicators_table)

        # --- the lists ---
        def stage_text(w: report.Waiting) -> str:
            return w.stage.label(lang) if w.stage else ""

        self.waiting_model = RowsModel([
            Col(self.tr("Mã"), lambda w: w.code),
            Col(self.tr("Cuộc thanh tra"), lambda w: w.title),
            Col(self.tr("Giai đoạn"), stage_text),
            Col(self.tr("Từ ngày"), lambda w: fmt_date(w.since), sort=lambda w: w.since),
            Col(self.tr("Số ngày"), lambda w: fmt_int(w.days, lang), sort=lambda w: w.days, right=True),
            Col(self.tr("Đang chờ"), lambda w: w.waiting_on if lang == "vi" else w.waiting_on_en),
        ], parent=self)
        self.waiting_model.setObjectName("waitingModel")
        self.opinions_model = RowsModel([
            Col(self.tr("Cuộc thanh tra"), lambda o: o["case"] or ""),
            Col(self.tr("Nơi xin ý kiến"), lambda o: o["addressee"]),
            Col(self.tr("Ngày gửi"), lambda o: fmt_iso_date(o["sent"]), sort=lambda o: o["sent"]),
            Col(self.tr("Hạn trả lời"), lambda o: fmt_iso_date(o["due"]), sort=lambda o: o["due"]),
            Col(self.tr("Quá hạn (ngày)"), lambda o: fmt_int(o["days_late"], lang),
                sort=lambda o: o["days_late"], right=True),
        ], color=lambda o: RED, parent=self)
        self.opinions_model.setObjectName("reviewOpinionsModel")
        self.directives_model = RowsModel([
            Col(self.tr("Cơ quan chỉ đạo"), lambda d: d["issuer"]),
            Col(self.tr("Nội dung"), lambda d: d["content"]),
            Col(self.tr("Cuộc thanh tra"), lambda d: d["case"] or ""),
            Col(self.tr("Hạn"), lambda d: fmt_iso_date(d["due"]), sort=lambda d: d["due"]),
            Col(self.tr("Quá hạn (ngày)"), lambda d: fmt_int(d["days_late"], lang),
                sort=lambda d: d["days_late"], right=True),
        ], color=lambda d: RED, parent=self)
        self.directives_model.setObjectName("reviewDirectivesModel")
        self.plan_model = RowsModel([
            Col(self.tr("Năm"), lambda p: str(p["year"]), sort=lambda p: p["year"]),
            Col(self.tr("Đối tượng thanh tra"), lambda p: p["inspected_party"]),
            Col(self.tr("Nội dung"), lambda p: p["content"]),
            Col(self.tr("Quý"), lambda p: _quarter(p["quarter"]), sort=lambda p: p["quarter"] or 0),
        ], parent=self)
        self.plan_model.setObjectName("reviewPlanModel")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tables: dict[str, QTableView] = {}
        self.proxies: dict[str, RowsProxy] = {}
        self._caps = {"waiting": {1: 360, 2: 300}}
        for key, model, name, stretch in (
                ("waiting", self.waiting_model, "waitingTable", None),
                ("opinions", self.opinions_model, "reviewOpinionsTable", 1),
                ("directives", self.directives_model, "reviewDirectivesTable", 1),
                ("plan", self.plan_model, "reviewPlanTable", 2)):
            proxy = RowsProxy(model, self)
            table = make_table(proxy, name, stretch=stretch)
            table.doubleClicked.connect(lambda index, k=key: self._open(k, index))
            self.tables[key], self.proxies[key] = table, proxy
            self.tabs.addTab(table, "")
        self._tab_titles()

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("reviewSplit")
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Báo cáo sơ kết, tổng kết"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.busy)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

        self._fill_presets()
        self.year.valueChanged.connect(lambda _v: self._fill_presets())
        self.preset.activated.connect(self._apply_preset)
        self.start.dateChanged.connect(self._dates_edited)
        self.end.dateChanged.connect(self._dates_edited)

    # --- period presets ---
    def _fill_presets(self) -> None:
        current = self.preset.currentIndex()
        self.preset.blockSignals(True)
        self.preset.clear()
        self.preset.addItem(self.tr("Tùy chọn"), None)
        for name, start, end in presets(self.year.value()):
            self.preset.addItem(f"{name} ({fmt_date(start)} – {fmt_date(end)})", (start, end))
        self.preset.setCurrentIndex(current if current > 0 else 1)
        self.preset.blockSignals(False)
        self._apply_preset(self.preset.currentIndex())

    def _apply_preset(self, index: int) -> None:
        period = self.preset.itemData(index)
        if not period:
            return
        self._setting = True
        self.start.setDate(to_qdate(period[0]))
        self.end.setDate(to_qdate(period[1]))
        self._setting = False

    def _dates_edited(self) -> None:
        if getattr(self, "_setting", False):
            return
        period = (from_qdate(self.start.date()), from_qdate(self.end.date()))
        for i in range(1, self.preset.count()):
            if self.preset.itemData(i) == period:
                self.preset.setCurrentIndex(i)
                return
        self.preset.setCurrentIndex(0)

    def set_period(self, start: date, end: date, unit: str | None = None) -> None:
        """Choose a period (and unit) as a user would; tests and other pages use it."""
        self.year.setValue(end.year)
        self.start.setDate(to_qdate(start))
        self.end.setDate(to_qdate(end))
        if unit is not None:
            self.unit.setCurrentText(unit)

    # --- Page ---
    def refresh(self) -> None:
        """Only the unit list loads by itself; the report runs when asked (it is audited)."""
        self.ctx.db(lambda vs, control: report_units.chairing_units(vs), done=self._units)
        if self.report is not None:
            self.summary.setText(self.summary.text().split("\n")[0] + "\n" + self.tr(
                "Dữ liệu đã thay đổi sau khi lập báo cáo: bấm “Lập báo cáo” để cập nhật."))

    def _units(self, names: list[str]) -> None:
        text = self.unit.currentText()
        self.unit.blockSignals(True)
        while self.unit.count() > 1:
            self.unit.removeItem(1)
        for name in names:
            self.unit.addItem(name, name)
        self.unit.setCurrentText(text)
        self.unit.blockSignals(False)

    def clear(self) -> None:
        super().clear()
        self._gen += 1
        self.report = None
        self.indicators = []
        for model in (self.indicators_model, self.waiting_model, self.opinions_model,
                      self.directives_model, self.plan_model):
            model.clear()
        self.summary.setText(self.tr("Chọn kỳ báo cáo rồi bấm “Lập báo cáo”."))
        self._tab_titles()
        self._busy(False)

    # --- running the report ---
    def _unit_name(self) -> str:
        text = self.unit.currentText().strip()
        return "" if text == self.unit.itemText(0) else text

    def run_report(self) -> None:
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        unit = self._unit_name()
        self._gen += 1
        gen = self._gen
        handle = self.ctx.db(lambda vs, control: report.period_report(vs, start, end, unit or None),
                             done=lambda result: self._shown(gen, result),
                             error=lambda exc: self._failed(gen, exc))
        if handle is not None:
            self._busy(True)
            self.status.emit(self.tr("Đang lập báo cáo…"))

    def _busy(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.run_button.setEnabled(not on)

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._busy(False)
        errors.show(self, exc, self.ctx.lang)

    def _shown(self, gen: int, result: report.PeriodReport) -> None:
        if gen != self._gen:
            return
        self._busy(False)
        self.report = result
        lang = self.ctx.lang
        self.indicators = self._indicator_rows(result.indicators)
        half = len(self.indicators) // 2
        self.indicators_model.set_rows(list(zip(self.indicators[:half], self.indicators[half:])))
        self.waiting_model.set_rows(result.without_conclusion)
        self.opinions_model.set_rows(result.opinions_overdue)
        self.directives_model.set_rows(result.directives_overdue)
        self.plan_model.set_rows(result.plan_items_not_started)
        for key, table in self.tables.items():
            fit_columns(table, 300, self._caps.get(key))
        fit_columns(self.indicators_table)
        unit = result.unit or self.tr("tất cả đơn vị")
        self.summary.setText(
            self.tr("Kỳ %1 – %2 · %3 · %4 cuộc thanh tra chưa có kết luận")
            .replace("%1", fmt_date(result.start)).replace("%2", fmt_date(result.end))
            .replace("%3", unit).replace("%4", fmt_int(len(result.without_conclusion), lang)))
        self._tab_titles()
        self.status.emit(self.tr("Đã lập báo cáo."))

    def _tab_titles(self) -> None:
        titles = (self.tr("Chưa có kết luận (%1)"), self.tr("Xin ý kiến quá hạn (%1)"),
                  self.tr("Chỉ đạo quá hạn (%1)"), self.tr("Kế hoạch chưa triển khai (%1)"))
        models = (self.waiting_model, self.opinions_model, self.directives_model, self.plan_model)
        for i, (title, model) in enumerate(zip(titles, models)):
            self.tabs.setTabText(i, title.replace("%1", str(model.rowCount())))

    def _indicator_rows(self, ind: report.Indicators) -> list[Indicator]:
        lang = self.ctx.lang
        n = lambda v: fmt_int(v, lang)  # noqa: E731
        million = lambda v: fmt_num(v / 1_000_000, lang)  # noqa: E731
        land = lambda v: fmt_num(v, lang, 1)  # noqa: E731
        return [
            Indicator(self.tr("Số cuộc thanh tra đã triển khai"), n(ind.carried_out), 0, "carried_out"),
            Indicator(self.tr("Kỳ trước chuyển sang"), n(ind.carried_over), 1, "carried_over"),
            Indicator(self.tr("Triển khai trong kỳ"), n(ind.started), 1, "started"),
            Indicator(self.tr("Theo kế hoạch"), n(ind.started_planned), 2, "started_planned"),
            Indicator(self.tr("Đột xuất"), n(ind.started_ad_hoc), 2, "started_ad_hoc"),
            Indicator(self.tr("Đã kết thúc thanh tra trực tiếp"), n(ind.onsite_finished), 0,
                      "onsite_finished"),
            Indicator(self.tr("Đã ban hành kết luận"), n(ind.conclusions_issued), 0,
                      "conclusions_issued"),
            Indicator(self.tr("Số đơn vị được thanh tra"), n(ind.units_inspected), 0,
                      "units_inspected"),
            Indicator(self.tr("Sai phạm về kinh tế: tiền (triệu đồng)"), million(ind.violation_money),
                      0, "violation_money"),
            Indicator(self.tr("Sai phạm về kinh tế: đất (m²)"), land(ind.violation_land_m2), 0,
                      "violation_land"),
            Indicator(self.tr("Kiến nghị thu hồi: tiền (triệu đồng)"), million(ind.recovery_money),
                      0, "recovery_money"),
            Indicator(self.tr("Kiến nghị thu hồi: đất (m²)"), land(ind.recovery_land_m2), 0,
                      "recovery_land"),
            Indicator(self.tr("Kiến nghị xử lý hành chính: tổ chức"), n(ind.disciplined_orgs), 0,
                      "disciplined_orgs"),
            Indicator(self.tr("Kiến nghị xử lý hành chính: cá nhân"), n(ind.disciplined_persons), 0,
                      "disciplined_persons"),
            Indicator(self.tr("Chuyển cơ quan điều tra: vụ"), n(ind.referral_cases), 0,
                      "referral_cases"),
            Indicator(self.tr("Chuyển cơ quan điều tra: đối tượng"), n(ind.referral_persons), 0,
                      "referral_persons"),
        ]

    # --- actions ---
    def _open(self, key: str, index) -> None:
        item = row_of(self.tables[key], index)
        if item is None:
            return
        code = item.code if key == "waiting" else (item.get("case") if isinstance(item, dict) else None)
        if code:
            self.open_case.emit(code)

    def export_excel(self) -> None:
        window = self.window()
        export = getattr(window, "export_excel", None)
        if callable(export) and window is not self:
            export()
        else:
            self.status.emit(self.tr("Chức năng xuất Excel chưa sẵn sàng trong cửa sổ này."))

    def open_code(self, code: str) -> None:
        pass

    def focus_search(self) -> None:
        pass


def _quarter(value: int | None) -> str:
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
    return roman.get(value or 0, "")


__all__ = ["ReviewPage", "RowsModel", "RowsProxy", "Col", "fmt_date", "fmt_int", "fmt_num",
           "make_table", "fit_columns", "notice_frame", "set_warning", "presets", "FormDialog",
           "date_edit", "to_qdate", "from_qdate", "selected_row", "row_of"]

"""The state-secret documents page ("Tài liệu mật"): the registers of a year — incoming
(form 15), outgoing (form 14), classified documents kept here, copies (form 12) — the
yearly statistics (form 18, 15/12 to 14/12), and a search of the documents' contents.

Rows a user is not cleared for show their number, type, date and level only (the
register is complete; what the document says is not shown). A double-click opens the
viewer. "Xuất Excel…" writes the register as its form (services/register_export.py:
level banner, level prefix on the file name, a reason for a classified register, audit).
Everything runs on the database worker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox, QTabWidget,
                               QVBoxLayout, QWidget)

from desktop.domain.dates import format_date
from desktop.domain.levels import Level
from desktop.services import documents, register_export
from desktop.services.register_export import RegisterExport
from desktop.ui import errors
from desktop.ui.job_dialog import JobDialogMixin
from desktop.ui.documents.document_viewer import DocumentViewer, open_viewer
from desktop.ui.exchange.export_dialog import EXPORT_FOLDER, default_folder
from desktop.ui.tasks import TaskHandle
from desktop.domain.changes import Area
from desktop.ui.page import Page
from desktop.ui.documents.case_documents import LevelRowsModel, row_color
from desktop.ui.tables import (Col, RowsModel, RowsProxy, fit_columns, fmt_int, make_table,
                               selected_row)
from desktop.ui.widgets import busy_bar, error_label

REGISTERS = ("incoming", "outgoing", "internal", "copies")


@dataclass(frozen=True)
class StatLine:
    """One line of form 18: a level and its counts."""

    level: Level
    incoming: int
    outgoing: int
    internal: int
    copies_made: int
    level_changes: int
    declassified: int
    extended: int
    destroyed: int
    held_at_end: int


def stat_lines(stats) -> list[StatLine]:
    lines = []
    for level in (lv for lv in Level if lv > Level.THUONG):
        code = level.code
        reg = stats.registered.get(code, {})
        lines.append(StatLine(level, reg.get("incoming", 0), reg.get("outgoing", 0),
                              reg.get("internal", 0), stats.copies_made.get(code, 0),
                              stats.level_changes.get(code, 0), stats.declassified.get(code, 0),
                              stats.extended.get(code, 0), stats.destroyed.get(code, 0),
                              stats.held_at_end.get(code, 0)))
    return lines


class DocumentsPage(Page):
    watches = frozenset({Area.DOCUMENTS})

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("documentsPage")
        self._gen = 0
        self._search_gen = 0
        self.data: dict[str, list] = {}
        self.stats = None
        self.viewer: DocumentViewer | None = None
        self.export_dialog: RegisterExportDialog | None = None
        lang = ctx.lang
        hidden = self.tr("(không đủ độ mật)")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        title = QLabel(self.tr("Tài liệu mật"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Năm:")))
        self.year = QSpinBox()
        self.year.setObjectName("documentsYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setToolTip(self.tr("Năm của sổ đăng ký (sổ ghi số lại từ 01 mỗi năm)"))
        self.year.setKeyboardTracking(False)
        self.year.valueChanged.connect(lambda _v: self._year_changed())
        top.addWidget(self.year)
        top.addStretch()
        self.refresh_button = QPushButton(self.tr("Làm mới"))
        self.refresh_button.setObjectName("documentsRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.busy = busy_bar()
        self.busy.setObjectName("documentsPageBusy")
        layout.addWidget(self.busy)
        self.message = error_label("documentsPageMessage")
        layout.addWidget(self.message)

        def shown(value_of):
            return lambda r: (value_of(r) or "") if r.cleared else ""

        def summary(r) -> str:
            return (r.summary or "") if r.cleared else hidden

        level_col = Col(self.tr("Độ mật"), lambda r: r.level.label(lang), sort=lambda r: int(r.level))
        self.models: dict[str, RowsModel] = {
            "incoming": LevelRowsModel([
                Col(self.tr("Số đến"), lambda r: str(r.seq), sort=lambda r: r.seq, right=True),
                Col(self.tr("Ngày đến"), lambda r: format_date(r.received_date),
                    sort=lambda r: r.received_date),
                Col(self.tr("Nơi gửi"), shown(lambda r: r.sender)),
                Col(self.tr("Số, ký hiệu"), lambda r: r.number),
                Col(self.tr("Ngày"), lambda r: format_date(r.doc_date), sort=lambda r: r.doc_date),
                Col(self.tr("Loại"), lambda r: r.doc_type),
                Col(self.tr("Trích yếu"), summary),
                level_col,
                Col(self.tr("Số bản"), lambda r: str(r.copies), sort=lambda r: r.copies, right=True),
                Col(self.tr("Người nhận, xử lý"), shown(lambda r: r.handler)),
                Col(self.tr("Hồ sơ"), lambda r: r.case_code or ""),
            ], 7, parent=self),
            "outgoing": LevelRowsModel(self._out_columns(summary, shown, level_col), 7, parent=self),
            "internal": LevelRowsModel(self._out_columns(summary, shown, level_col), 7, parent=self),
            "copies": LevelRowsModel([
                Col(self.tr("STT"), lambda r: str(r.seq), sort=lambda r: r.seq, right=True),
                Col(self.tr("Ngày sao, chụp"), lambda r: format_date(r.copy_date),
                    sort=lambda r: r.copy_date),
                Col(self.tr("Số, ký hiệu"), lambda r: r.number),
                Col(self.tr("Loại"), lambda r: r.doc_type),
                Col(self.tr("Trích yếu"), summary),
                level_col,
                Col(self.tr("Số bản"), lambda r: str(r.copies), sort=lambda r: r.copies, right=True),
                Col(self.tr("Hình thức"), lambda r: r.method),
                Col(self.tr("Người cho phép"), lambda r: r.approved_by),
                Col(self.tr("Người thực hiện"), lambda r: r.made_by),
                Col(self.tr("Nơi nhận bản sao"), shown(lambda r: r.recipients)),
                Col(self.tr("Lý do"), shown(lambda r: r.reason)),
            ], 5, parent=self),
        }
        count = lambda name: Col(name[0], lambda s, a=name[1]: fmt_int(getattr(s, a), lang),  # noqa: E731
                                 sort=lambda s, a=name[1]: getattr(s, a), right=True)
        self.stats_model = RowsModel([
            Col(self.tr("Độ mật"), lambda s: s.level.label(lang), sort=lambda s: int(s.level)),
            count((self.tr("Đến"), "incoming")),
            count((self.tr("Đi"), "outgoing")),
            count((self.tr("Nội bộ"), "internal")),
            count((self.tr("Bản sao, chụp"), "copies_made")),
            count((self.tr("Điều chỉnh độ mật"), "level_changes")),
            count((self.tr("Giải mật"), "declassified")),
            count((self.tr("Gia hạn"), "extended")),
            count((self.tr("Tiêu hủy"), "destroyed")),
            count((self.tr("Đang quản lý cuối kỳ"), "held_at_end")),
        ], parent=self)
        self.search_model = LevelRowsModel([
            Col(self.tr("Số, ký hiệu"), lambda h: h.row.number),
            Col(self.tr("Loại"), lambda h: h.row.doc_type),
            Col(self.tr("Ngày"), lambda h: format_date(h.row.doc_date), sort=lambda h: h.row.doc_date),
            Col(self.tr("Độ mật"), lambda h: h.row.level.label(lang), sort=lambda h: int(h.row.level)),
            Col(self.tr("Hồ sơ"), lambda h: h.row.case_code or ""),
            Col(self.tr("Phiên bản"), lambda h: str(h.version) if h.version else self.tr("hồ sơ ghi"),
                tooltip=lambda h: (self.tr("Nội dung phiên bản %1 chứa các từ tìm").replace(
                    "%1", str(h.version)) if h.version else
                    self.tr("Số, trích yếu hoặc cơ quan ban hành chứa các từ tìm"))),
            Col(self.tr("Đoạn trích"), lambda h: h.snippet, tooltip=lambda h: h.snippet),
        ], 3, level_of=lambda h: h.row.level, color=lambda h: row_color(h.row), parent=self)
        for key, model in self.models.items():
            model.setObjectName(f"{key}RegisterModel")
        self.stats_model.setObjectName("statisticsModel")
        self.search_model.setObjectName("searchModel")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("documentsTabs")
        self.proxies: dict[str, RowsProxy] = {}
        self.tables = {}
        self.counts: dict[str, QLabel] = {}
        self.export_buttons: dict[str, QPushButton] = {}
        titles = {"incoming": self.tr("Sổ đến (mẫu 15)"), "outgoing": self.tr("Sổ đi (mẫu 14)"),
                  "internal": self.tr("Tài liệu mật nội bộ"),
                  "copies": self.tr("Sổ sao, chụp (mẫu 12)")}
        stretch = {"incoming": 6, "outgoing": 3, "internal": 3, "copies": 4}
        for key in REGISTERS:
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(4, 6, 4, 4)
            proxy = RowsProxy(self.models[key], self)
            table = make_table(proxy, f"{key}Register", stretch=stretch[key])
            table.activated.connect(lambda _i, k=key: self.open_selected(k))
            self.proxies[key], self.tables[key] = proxy, table
            bar = QHBoxLayout()
            label = QLabel()
            label.setObjectName(f"{key}Count")
            self.counts[key] = label
            bar.addWidget(label)
            bar.addStretch()
            open_button = QPushButton(self.tr("Mở"))
            open_button.setObjectName(f"{key}Open")
            open_button.clicked.connect(lambda _=False, k=key: self.open_selected(k))
            export = QPushButton(self.tr("Xuất Excel…"))
            export.setObjectName(f"{key}Export")
            export.clicked.connect(lambda _=False, k=key: self.export_register(k))
            self.export_buttons[key] = export
            bar.addWidget(open_button)
            bar.addWidget(export)
            page_layout.addLayout(bar)
            page_layout.addWidget(table, 1)
            self.tabs.addTab(page, titles[key])

        # statistics (form 18)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(4, 6, 4, 4)
        bar = QHBoxLayout()
        self.stats_period = QLabel()
        self.stats_period.setObjectName("statisticsPeriod")
        self.stats_period.setWordWrap(True)
        bar.addWidget(self.stats_period, 1)
        export = QPushButton(self.tr("Xuất Excel…"))
        export.setObjectName("statisticsExport")
        export.clicked.connect(lambda: self.export_register("statistics"))
        self.export_buttons["statistics"] = export
        bar.addWidget(export)
        page_layout.addLayout(bar)
        self.stats_table = make_table(self.stats_model, "statisticsTable", sortable=False)
        page_layout.addWidget(self.stats_table, 1)
        self.tabs.addTab(page, self.tr("Thống kê năm (mẫu 18)"))

        # search
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(4, 6, 4, 4)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("documentSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Tìm trong nội dung tài liệu (văn bản, PDF) và số, "
                                               "trích yếu – gõ không dấu được"))
        self.search.returnPressed.connect(self.run_search)
        self.search_button = QPushButton(self.tr("Tìm"))
        self.search_button.setObjectName("documentSearchButton")
        self.search_button.clicked.connect(self.run_search)
        open_button = QPushButton(self.tr("Mở"))
        open_button.setObjectName("searchOpen")
        open_button.clicked.connect(lambda: self.open_selected("search"))
        bar.addWidget(self.search, 1)
        bar.addWidget(self.search_button)
        bar.addWidget(open_button)
        page_layout.addLayout(bar)
        self.search_summary = QLabel(self.tr("Chỉ tìm trong các tài liệu bạn đủ độ mật để xem."))
        self.search_summary.setObjectName("searchSummary")
        self.search_summary.setStyleSheet("color: #555;")
        page_layout.addWidget(self.search_summary)
        self.search_proxy = RowsProxy(self.search_model, self)
        self.search_table = make_table(self.search_proxy, "searchResults", stretch=6)
        self.search_table.activated.connect(lambda _i: self.open_selected("search"))
        page_layout.addWidget(self.search_table, 1)
        self.tables["search"] = self.search_table
        self.search_tab = self.tabs.addTab(page, self.tr("Tìm trong tài liệu"))
        layout.addWidget(self.tabs, 1)
        self._loaded_year: int | None = None

    def _out_columns(self, summary, shown, level_col) -> list[Col]:
        return [
            Col(self.tr("Số"), lambda r: str(r.seq), sort=lambda r: r.seq, right=True),
            Col(self.tr("Ngày"), lambda r: format_date(r.doc_date), sort=lambda r: r.doc_date),
            Col(self.tr("Số, ký hiệu"), lambda r: r.number),
            Col(self.tr("Trích yếu"), summary),
            Col(self.tr("Người ký"), shown(lambda r: r.signer)),
            Col(self.tr("Nơi nhận"), shown(lambda r: r.recipient)),
            Col(self.tr("Số bản"), lambda r: str(r.copies), sort=lambda r: r.copies, right=True),
            level_col,
            Col(self.tr("Lưu tại"), shown(lambda r: r.handler)),
            Col(self.tr("Hồ sơ"), lambda r: r.case_code or ""),
        ]

    # --- loading ------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self.busy.isVisibleTo(self)

    def apply_as_of(self, day) -> None:
        """The demo's registers are of 2024: its "today" decides the year first shown."""
        super().apply_as_of(day)
        self.year.blockSignals(True)   # the page reloads when shown, not now
        self.year.setValue((day or date.today()).year)
        self.year.blockSignals(False)

    def _year_changed(self) -> None:
        if self.year.value() != self._loaded_year and not self.ctx.is_locked:
            self.refresh()

    def refresh(self) -> None:
        if self.ctx.is_locked:
            return
        self.stale = False
        self._gen += 1
        gen, year = self._gen, self.year.value()
        self._loaded_year = year
        self.message.hide()

        def work(vs, control):
            found = {}
            for kind in REGISTERS:
                control.check()
                found[kind] = register_export.fetch(vs, kind, year)
            control.check()
            found["statistics"] = register_export.fetch(vs, "statistics", year)
            return found

        handle = self.ctx.db(work, lambda found: self._loaded(gen, found),
                             lambda exc: self._failed(gen, exc), cancelled=lambda: self._idle(gen))
        if handle is not None:
            self.busy.show()
            self.refresh_button.setEnabled(False)

    def _idle(self, gen: int) -> None:
        if gen == self._gen:
            self.busy.hide()
            self.refresh_button.setEnabled(True)

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self._idle(gen)
        self.message.setText(errors.describe(exc, self.ctx.lang))
        self.message.show()

    def _loaded(self, gen: int, found: dict) -> None:
        if gen != self._gen:
            return
        self._idle(gen)
        lang = self.ctx.lang
        year = self._loaded_year
        for kind in REGISTERS:
            rows = found[kind]
            self.data[kind] = rows
            self.models[kind].set_rows(rows)
            fit_columns(self.tables[kind], widest=300)
            hidden = sum(1 for r in rows if not r.cleared)
            text = (self.tr("Năm %1: %2 dòng").replace("%1", str(year))
                    .replace("%2", fmt_int(len(rows), lang)) if rows
                    else self.tr("Sổ năm %1 chưa có dòng nào.").replace("%1", str(year)))
            if hidden:
                text += " " + self.tr("(%1 dòng cao hơn độ mật của bạn: chỉ hiện số, loại, ngày, "
                                      "độ mật)").replace("%1", fmt_int(hidden, lang))
            self.counts[kind].setText(text)
            self.export_buttons[kind].setEnabled(bool(rows))
        stats = found["statistics"][0]
        self.stats = stats
        self.stats_model.set_rows(stat_lines(stats))
        fit_columns(self.stats_table, widest=200)
        period = (self.tr("Số liệu thống kê từ %1 đến %2").replace("%1", format_date(stats.period_from))
                  .replace("%2", format_date(stats.period_to)))
        if stats.verify:
            period += " " + self.tr("(kỳ số liệu theo quy định cần đối chiếu văn bản gốc)")
        self.stats_period.setText(period)

    def clear(self) -> None:
        super().clear()
        self._gen += 1
        self._search_gen += 1
        self._loaded_year = None
        self.data, self.stats = {}, None
        for model in (*self.models.values(), self.stats_model, self.search_model):
            model.clear()
        for label in (*self.counts.values(), self.stats_period, self.message):
            label.clear()
        self.search.clear()
        self.search_summary.setText(self.tr("Chỉ tìm trong các tài liệu bạn đủ độ mật để xem."))
        self.busy.hide()
        self.refresh_button.setEnabled(True)
        for dialog in (self.export_dialog,):
            if dialog is not None:
                dialog.reject()

    # --- search -----------------------------------------------------------------------------
    def run_search(self) -> None:
        query = self.search.text().strip()
        if not query or self.ctx.is_locked:
            return
        self._search_gen += 1
        gen = self._search_gen
        self.search_summary.setText(self.tr("Đang tìm…"))
        handle = self.ctx.db(lambda vs, control: documents.search_documents(vs, query, 200),
                             lambda hits: self._found(gen, query, hits),
                             lambda exc: self._search_failed(gen, exc))
        if handle is not None:
            self.search_button.setEnabled(False)

    def _found(self, gen: int, query: str, hits) -> None:
        if gen != self._search_gen:
            return
        self.search_button.setEnabled(True)
        self.search_model.set_rows(hits)
        fit_columns(self.search_table, widest=260)
        self.search_summary.setText(
            self.tr("%1 tài liệu chứa “%2”.").replace("%1", fmt_int(len(hits), self.ctx.lang))
            .replace("%2", query) if hits
            else self.tr("Không tìm thấy tài liệu nào chứa “%1”.").replace("%1", query))

    def _search_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._search_gen:
            return
        self.search_button.setEnabled(True)
        self.search_summary.setText(errors.describe(exc, self.ctx.lang))

    # --- acts -------------------------------------------------------------------------------
    def open_selected(self, kind: str) -> DocumentViewer | None:
        row = selected_row(self.tables[kind])
        if row is None:
            return None
        doc_id = row.row.id if kind == "search" else row.document_id
        version = row.version if kind == "search" else None
        return self.open_document(doc_id, version)

    def open_document(self, doc_id: int, version: int | None = None) -> DocumentViewer:
        self.viewer = open_viewer(self.ctx, doc_id, version, self.window())
        return self.viewer

    def export_register(self, kind: str) -> "RegisterExportDialog":
        rows = self.data.get(kind, [])
        level = register_export.export_level(kind, rows) if kind != "statistics" else Level.THUONG
        dialog = RegisterExportDialog(self.ctx, kind, self._loaded_year or self.year.value(),
                                      level, self)
        self.export_dialog = dialog
        dialog.open()
        return dialog


class RegisterExportDialog(JobDialogMixin, QDialog):
    """Where to write the register and, for a classified one, why (required)."""

    def __init__(self, ctx, kind: str, year: int, level: Level, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind, self.year, self.level = kind, year, level
        self.handle: TaskHandle | None = None
        self.result: RegisterExport | None = None
        self.setObjectName("registerExportDialog")
        self.setWindowTitle(self.tr("Xuất sổ ra Excel"))
        self.setMinimumWidth(560)
        title = register_export.register_title(kind, ctx.lang)
        form_no = register_export.form_number(kind)
        if form_no:
            title += " – " + self.tr("mẫu %1").replace("%1", form_no)
        layout = QVBoxLayout(self)
        heading = QLabel(f"{title} – {year}")
        heading.setObjectName("registerExportTitle")
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        if level > Level.THUONG:
            warning = QLabel(self.tr("Sổ có tài liệu %1: tệp được đóng dấu %1, tên tệp có tiền tố độ "
                                     "mật; phải ghi lý do xuất.").replace("%1", level.label_vi.upper()))
            warning.setObjectName("registerExportLevel")
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #c00000; font-weight: bold;")
            layout.addWidget(warning)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.path = QLineEdit(str(default_folder(ctx.settings) / self.default_name()))
        self.path.setObjectName("registerExportPath")
        browse = QPushButton(self.tr("Chọn…"))
        browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Tệp Excel:"), row)
        self.reason = QLineEdit()
        self.reason.setObjectName("registerExportReason")
        self.reason.setPlaceholderText(self.tr("bắt buộc với sổ có tài liệu mật") if level > Level.THUONG
                                       else self.tr("không bắt buộc"))
        form.addRow(self.tr("Lý do xuất:"), self.reason)
        self.unit = QLineEdit()
        self.unit.setObjectName("registerExportUnit")
        self.unit.setPlaceholderText(self.tr("Tên cơ quan, đơn vị in ở đầu sổ (không bắt buộc)"))
        form.addRow(self.tr("Đơn vị:"), self.unit)
        layout.addLayout(form)
        self.error = error_label("registerExportError")
        layout.addWidget(self.error)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Xuất"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.cancel)
        layout.addWidget(self.buttons)

    def default_name(self) -> str:
        names = {"incoming": "so-den", "outgoing": "so-di", "internal": "tai-lieu-mat-noi-bo",
                 "copies": "so-sao-chup", "statistics": "thong-ke-bmnn"}
        return f"{names[self.kind]}-{self.year}.xlsx"

    def choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu sổ ra tệp Excel"), self.path.text(),
                                              self.tr("Tệp Excel (*.xlsx)"),
                                              options=QFileDialog.Option.DontUseNativeDialog)
        if name:
            self.path.setText(name if name.lower().endswith(".xlsx") else name + ".xlsx")

    def say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def submit(self) -> None:
        if self.handle is not None:
            return
        text = self.path.text().strip()
        reason = " ".join(self.reason.text().split())
        if not text:
            self.say(self.tr("Chọn tệp để lưu."))
            return
        path = Path(text).expanduser()
        if not path.parent.is_dir():
            self.say(self.tr("Không có thư mục %1.").replace("%1", str(path.parent)))
            return
        if self.level > Level.THUONG and not reason:
            self.say(self.tr("Sổ có tài liệu %1: phải ghi lý do xuất.")
                     .replace("%1", self.level.label(self.ctx.lang)))
            self.reason.setFocus()
            return
        self.say("")
        kind, year, lang, unit = self.kind, self.year, self.ctx.lang, self.unit.text().strip()

        def work(vs, control):
            return register_export.export_register(
                vs, kind, year, path, reason, lang=lang, unit_name=unit,
                progress=lambda done, _total=0: control.progress(done, 0, ""))

        self.handle = self.ctx.db(work, self._done, self._failed, cancelled=self._stopped)
        if self.handle is None:
            self.say(self.tr("Kho dữ liệu đang khóa."))
            return
        self.progress.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _stopped(self) -> None:
        self.end_job()
        self.say(self.tr("Đã hủy; không có tệp nào được tạo."))

    def _failed(self, exc: BaseException) -> None:
        self.end_job()
        self.say(errors.describe(exc, self.ctx.lang))

    def _done(self, result: RegisterExport) -> None:
        self.end_job()
        self.result = result
        self.ctx.settings.set(EXPORT_FOLDER, str(result.path.parent))
        parent = self.parent()
        if isinstance(parent, Page):
            parent.status.emit(self.tr("Đã xuất %1 dòng vào %2").replace("%1", str(result.rows))
                               .replace("%2", str(result.path)))
        self.accept()

"""The period review ("Báo cáo"): table 01/TTr's indicators for a period and the lists a
review meeting discusses — cases without a conclusion and what they wait for, opinion
requests and directives overdue, plan items not started."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import zip_longest

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from desktop.domain.messages import in_language
from desktop.domain.dates import format_date, format_iso_date
from desktop.services import recommendations, report, report_units
from desktop.ui import errors
from desktop.domain.changes import Area
from desktop.ui.page import Page
from desktop.ui.widgets import busy_bar

from desktop.ui.forms import FormDialog, date_edit, from_qdate, notice_frame, set_warning, to_qdate
from desktop.ui.tables import (RED, Col, RowsModel, RowsProxy, fit_columns, fmt_int, fmt_num,
                               make_table, row_of, selected_row)


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
    watches = frozenset({Area.CASES, Area.EVENTS, Area.OPINIONS, Area.DIRECTIVES,
                         Area.RESULTS, Area.PLAN, Area.RULES})

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
        # as wide as the row allows, not as its longest period: the page fits 1024 px
        self.preset.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preset.setMinimumContentsLength(22)
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
        rows = 9
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
            Col(self.tr("Từ ngày"), lambda w: format_date(w.since), sort=lambda w: w.since),
            Col(self.tr("Số ngày"), lambda w: fmt_int(w.days, lang), sort=lambda w: w.days, right=True),
            Col(self.tr("Đang chờ"), lambda w: in_language((w.waiting_on, w.waiting_on_en), lang)),
        ], parent=self)
        self.waiting_model.setObjectName("waitingModel")
        self.opinions_model = RowsModel([
            Col(self.tr("Cuộc thanh tra"), lambda o: o["case"] or ""),
            Col(self.tr("Nơi xin ý kiến"), lambda o: o["addressee"]),
            Col(self.tr("Ngày gửi"), lambda o: format_iso_date(o["sent"]), sort=lambda o: o["sent"]),
            Col(self.tr("Hạn trả lời"), lambda o: format_iso_date(o["due"]), sort=lambda o: o["due"]),
            Col(self.tr("Quá hạn (ngày)"), lambda o: fmt_int(o["days_late"], lang),
                sort=lambda o: o["days_late"], right=True),
        ], color=lambda o: RED, parent=self)
        self.opinions_model.setObjectName("reviewOpinionsModel")
        self.directives_model = RowsModel([
            Col(self.tr("Cơ quan chỉ đạo"), lambda d: d["issuer"]),
            Col(self.tr("Nội dung"), lambda d: d["content"]),
            Col(self.tr("Cuộc thanh tra"), lambda d: d["case"] or ""),
            Col(self.tr("Hạn"), lambda d: format_iso_date(d["due"]), sort=lambda d: d["due"]),
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
        # the follow-up of conclusions: per conclusion, what was recommended, recovered and
        # is outstanding at the period's end (recommendations.follow_up)
        self.follow_up_model = RowsModel([
            Col(self.tr("Mã"), lambda f: f.case_code),
            Col(self.tr("Cuộc thanh tra"), lambda f: f.title),
            Col(self.tr("Ngày kết luận"), lambda f: format_date(f.concluded), sort=lambda f: f.concluded),
            Col(self.tr("Kiến nghị đã xong"), lambda f: f"{f.settled}/{len(f.items)}",
                sort=lambda f: f.settled, right=True),
            Col(self.tr("Kiến nghị thu hồi (đồng)"), lambda f: fmt_int(f.recommended_money, lang),
                sort=lambda f: f.recommended_money, right=True),
            Col(self.tr("Đã thu hồi (đồng)"), lambda f: fmt_int(f.recovered_money, lang),
                sort=lambda f: f.recovered_money, right=True),
            Col(self.tr("Còn phải thu (đồng)"), lambda f: fmt_int(f.outstanding_money, lang),
                sort=lambda f: f.outstanding_money, right=True),
        ], color=lambda f: RED if f.outstanding_money else None, parent=self)
        self.follow_up_model.setObjectName("followUpModel")

        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tables: dict[str, QTableView] = {}
        self.proxies: dict[str, RowsProxy] = {}
        self._caps = {"waiting": {1: 360, 2: 300}}
        for key, model, name, stretch in (
                ("waiting", self.waiting_model, "waitingTable", None),
                ("opinions", self.opinions_model, "reviewOpinionsTable", 1),
                ("directives", self.directives_model, "reviewDirectivesTable", 1),
                ("plan", self.plan_model, "reviewPlanTable", 2),
                ("follow_up", self.follow_up_model, "followUpTable", 1)):
            proxy = RowsProxy(model, self)
            table = make_table(proxy, name, stretch=stretch)
            table.activated.connect(lambda index, k=key: self._open(k, index))
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

    def apply_as_of(self, day) -> None:
        """The demo's half-year (or today's year): the period a review would look at."""
        super().apply_as_of(day)
        if day is not None:
            self.year.setValue(day.year)
            self.start.setDate(to_qdate(date(day.year, 1, 1 if day.month <= 6 else 7)))
            self.end.setDate(to_qdate(day))

    # --- period presets ---
    def _fill_presets(self) -> None:
        current = self.preset.currentIndex()
        self.preset.blockSignals(True)
        self.preset.clear()
        self.preset.addItem(self.tr("Tùy chọn"), None)
        for name, start, end in presets(self.year.value()):
            self.preset.addItem(f"{name} ({format_date(start)} – {format_date(end)})", (start, end))
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
                      self.directives_model, self.plan_model, self.follow_up_model):
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
        def work(vs, control):
            found = report.period_report(vs, start, end, unit or None)
            control.check()
            return found, recommendations.follow_up(vs, start, end)

        handle = self.ctx.db(work, done=lambda result: self._shown(gen, *result),
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

    def _shown(self, gen: int, result: report.PeriodReport, follow_up=()) -> None:
        if gen != self._gen:
            return
        self._busy(False)
        self.report = result
        lang = self.ctx.lang
        self.indicators = self._indicator_rows(result.indicators)
        # left the counts of inspections, right the results (one more row than the counts)
        counts = [i for i in self.indicators if i.code in _COUNT_KEYS]
        results = [i for i in self.indicators if i.code not in _COUNT_KEYS]
        self.indicators_model.set_rows(list(zip_longest(counts, results)))
        self.waiting_model.set_rows(result.without_conclusion)
        self.opinions_model.set_rows(result.opinions_overdue)
        self.directives_model.set_rows(result.directives_overdue)
        self.plan_model.set_rows(result.plan_items_not_started)
        self.follow_up_model.set_rows(list(follow_up))
        for key, table in self.tables.items():
            fit_columns(table, 300, self._caps.get(key))
        fit_columns(self.indicators_table)
        unit = result.unit or self.tr("tất cả đơn vị")
        self.summary.setText(
            self.tr("Kỳ %1 – %2 · %3 · %4 cuộc thanh tra chưa có kết luận")
            .replace("%1", format_date(result.start)).replace("%2", format_date(result.end))
            .replace("%3", unit).replace("%4", fmt_int(len(result.without_conclusion), lang)))
        self._tab_titles()
        self.status.emit(self.tr("Đã lập báo cáo."))

    def _tab_titles(self) -> None:
        titles = (self.tr("Chưa có kết luận (%1)"), self.tr("Xin ý kiến quá hạn (%1)"),
                  self.tr("Chỉ đạo quá hạn (%1)"), self.tr("Kế hoạch chưa triển khai (%1)"),
                  self.tr("Theo dõi thực hiện kết luận (%1)"))
        models = (self.waiting_model, self.opinions_model, self.directives_model, self.plan_model,
                  self.follow_up_model)
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
            Indicator(self.tr("Kiến nghị sửa đổi cơ chế, chính sách (văn bản)"),
                      n(ind.policy_recommendations), 0, "policy_recommendations"),
        ]

    # --- actions ---
    def _open(self, key: str, index) -> None:
        item = row_of(self.tables[key], index)
        if item is None:
            return
        code = (item.code if key == "waiting" else item.case_code if key == "follow_up"
                else (item.get("case") if isinstance(item, dict) else None))
        if code:
            self.open_case.emit(code)

    def export_excel(self) -> None:
        window = self.window()
        export = getattr(window, "export_excel", None)
        if callable(export) and window is not self:
            # the tab shown says what to export: the follow-up tab its own list, else 01/TTr
            follow_up = self.tabs.currentWidget() is self.tables["follow_up"]
            export(kind="followup" if follow_up else "report",
                   period=(from_qdate(self.start.date()), from_qdate(self.end.date())))
        else:
            self.status.emit(self.tr("Chức năng xuất Excel chưa sẵn sàng trong cửa sổ này."))

    def open_code(self, code: str) -> None:
        pass

    def focus_search(self) -> None:
        pass


_COUNT_KEYS = frozenset(("carried_out", "carried_over", "started", "started_planned",
                         "started_ad_hoc", "onsite_finished", "conclusions_issued",
                         "units_inspected"))


def _quarter(value: int | None) -> str:
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
    return roman.get(value or 0, "")


__all__ = ["ReviewPage", "RowsModel", "RowsProxy", "Col", "format_date", "fmt_int", "fmt_num",
           "make_table", "fit_columns", "notice_frame", "set_warning", "presets", "FormDialog",
           "date_edit", "to_qdate", "from_qdate", "selected_row", "row_of"]

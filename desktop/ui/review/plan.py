"""The annual inspection plan ("Kế hoạch"): its items and whether each has started,
the cases carried over from earlier years, and the capacity check (the seed's "cân đối
lực lượng") shown prominently — in red when the plan asks for more staff-days than the
department has. Leaders and administrators add items and turn an item into a case."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout)

from desktop.domain.dates import format_date, parse_date
from desktop.domain.errors import HosoError
from desktop.services import cases, plan_changes, plans, report_units
from desktop.ui import errors
from desktop.domain.changes import Area
from desktop.ui.page import Page
from desktop.ui.forms import FormDialog, date_edit, from_qdate, notice_frame, set_warning, to_qdate
from desktop.ui.tables import (RED, Col, RowsModel, RowsProxy, fit_columns, fmt_int, make_table,
                               row_of, selected_row)
from desktop.ui.widgets import busy_bar

GREEN = QColor("#1b5e20")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def can_write_plan(ctx) -> bool:
    session = ctx.session
    return session is not None and session.actor.role.value in ("admin", "leader")


class PlanPage(Page):
    watches = frozenset({Area.PLAN, Area.CASES, Area.EVENTS})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("planPage")
        self.status_data: plans.PlanStatus | None = None
        self.plan_years: list[int] = []
        self.units: list[str] = []
        self.last_unit = ""
        self.dialog = None
        self._gen = 0
        lang = ctx.lang

        self.year = QComboBox()
        self.year.setObjectName("planYear")
        self.year.setMinimumContentsLength(24)
        self.year.activated.connect(lambda _i: self._load_year())
        self.as_of = date_edit(date.today(), "planAsOf")
        self.as_of.setToolTip(self.tr("Tình trạng các mục (chậm triển khai hay chưa) tính đến ngày này."))
        self.as_of.dateChanged.connect(lambda _d: self._load_year())
        self.create_button = QPushButton(self.tr("Lập kế hoạch năm…"))
        self.create_button.setObjectName("createPlan")
        self.create_button.clicked.connect(self.create_plan)
        self.add_button = QPushButton(self.tr("Thêm mục…"))
        self.add_button.setObjectName("addPlanItem")
        self.add_button.clicked.connect(self.add_item)
        self.start_button = QPushButton(self.tr("Triển khai thành cuộc thanh tra…"))
        self.start_button.setObjectName("startPlanItem")
        self.start_button.clicked.connect(self.start_item)
        # changes of the plan: free before approval, amendments (with their decision) after
        self.approve_button = QPushButton(self.tr("Phê duyệt…"))
        self.approve_button.setObjectName("approvePlan")
        self.approve_button.clicked.connect(self.approve_plan)
        self.edit_button = QPushButton(self.tr("Sửa mục…"))
        self.edit_button.setObjectName("editPlanItem")
        self.edit_button.clicked.connect(lambda: self.change_item("change"))
        self.remove_button = QPushButton(self.tr("Bỏ mục…"))
        self.remove_button.setObjectName("removePlanItem")
        self.remove_button.clicked.connect(lambda: self.change_item("remove"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Năm kế hoạch:")))
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Tính đến ngày:")))
        top.addWidget(self.as_of)
        top.addStretch(1)
        top.addWidget(self.create_button)

        self.busy = busy_bar()
        self.title = QLabel()
        self.title.setObjectName("planTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.no_plan = QLabel()
        self.no_plan.setObjectName("noPlanLabel")
        self.no_plan.setWordWrap(True)
        self.no_plan.setStyleSheet("font-size: 12pt; color: #555;")
        self.no_plan.hide()
        self.capacity_frame, self.capacity_label = notice_frame("capacityFrame")
        self.capacity_label.setStyleSheet("font-size: 10.5pt;")
        self.capacity_label.setTextFormat(Qt.TextFormat.RichText)
        self.counts = QLabel()
        self.counts.setObjectName("planCounts")
        self.counts.setStyleSheet("font-weight: bold;")
        self.counts.setWordWrap(True)   # beside five buttons: wraps rather than widen the page

        self.items_model = RowsModel([
            Col(self.tr("Đối tượng thanh tra"), lambda i: i.inspected_party),
            Col(self.tr("Nội dung"), lambda i: i.content),
            Col(self.tr("Quý"), lambda i: _ROMAN.get(i.quarter or 0, ""), sort=lambda i: i.quarter or 0),
            Col(self.tr("Số ngày"), lambda i: fmt_int(i.days, lang), sort=lambda i: i.days or 0,
                right=True),
            Col(self.tr("Số người"), lambda i: fmt_int(i.team_size, lang),
                sort=lambda i: i.team_size or 0, right=True),
            Col(self.tr("Ngày công"), lambda i: fmt_int(_staff_days(i), lang),
                sort=lambda i: _staff_days(i) or 0, right=True),
            Col(self.tr("Tình trạng"), self._status_text, tooltip=self._status_tip),
        ], color=_item_color, parent=self)
        self.items_model.setObjectName("planItemsModel")
        self.items_proxy = RowsProxy(self.items_model, self)
        self.items = make_table(self.items_proxy, "planItemsTable", stretch=1)
        self.items.activated.connect(self._open_item)
        self.items.selectionModel().selectionChanged.connect(lambda *_: self._buttons())

        # changes to the approved plan, each with its amending decision
        action_names = {"add": self.tr("Thêm mục"), "change": self.tr("Sửa mục"),
                        "remove": self.tr("Bỏ mục")}
        self.amendments_model = RowsModel([
            Col(self.tr("Quyết định điều chỉnh"), lambda a: a.decision_number),
            Col(self.tr("Ngày"), lambda a: format_date(a.decision_date),
                sort=lambda a: a.decision_date or date.min),
            Col(self.tr("Thay đổi"), lambda a: action_names.get(a.action, a.action)),
            Col(self.tr("Trước"), lambda a: a.before, tooltip=lambda a: a.before),
            Col(self.tr("Sau"), lambda a: a.after, tooltip=lambda a: a.after),
        ], parent=self)
        self.amendments_model.setObjectName("planAmendmentsModel")
        self.amendments = make_table(RowsProxy(self.amendments_model, self), "planAmendmentsTable",
                                     stretch=4)
        self.amendments.setMaximumHeight(150)
        self.amendments_title = QLabel()
        self.amendments_title.setObjectName("planAmendmentsTitle")
        self.amendments_title.setStyleSheet("font-weight: bold;")

        self.carried = QLabel()
        self.carried.setObjectName("carriedLabel")
        self.carried.setWordWrap(True)
        self.carried.setTextFormat(Qt.TextFormat.RichText)
        self.carried.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.carried.linkActivated.connect(self.open_case.emit)

        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Kế hoạch thanh tra năm"))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.busy)
        layout.addWidget(self.title)
        layout.addWidget(self.no_plan, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.capacity_frame)
        actions = QHBoxLayout()
        actions.addWidget(self.counts, 1)
        actions.addWidget(self.approve_button)
        actions.addWidget(self.add_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.remove_button)
        actions.addWidget(self.start_button)
        layout.addLayout(actions)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.amendments_title)
        layout.addWidget(self.amendments)
        layout.addWidget(self.carried)
        self._show_plan(None)

    # --- helpers for the table ---
    def _status_text(self, item: plans.ItemStatus) -> str:
        if item.status == "started":
            return self.tr("Đã triển khai (%1)").replace("%1", item.case_code or "")
        if item.status == "late":
            return self.tr("Chậm triển khai")
        return self.tr("Chưa triển khai")

    def _status_tip(self, item: plans.ItemStatus) -> str:
        if item.status == "started":
            stage = item.case_stage.label(self.ctx.lang) if item.case_stage else ""
            return self.tr("Cuộc thanh tra %1, giai đoạn: %2. Bấm đúp để mở.") \
                .replace("%1", item.case_code or "").replace("%2", stage)
        if item.status == "late":
            return self.tr("Đã hết quý %1 mà chưa có quyết định thanh tra.") \
                .replace("%1", _ROMAN.get(item.quarter or 0, ""))
        return self.tr("Chưa có quyết định thanh tra.")

    # --- Page ---
    def _chosen_year(self) -> int | None:
        data = self.year.currentData()
        return int(data) if data is not None else None

    def apply_as_of(self, day) -> None:
        super().apply_as_of(day)
        self.as_of.blockSignals(True)   # the page reloads when shown, not now
        self.as_of.setDate(to_qdate(day or date.today()))
        self.as_of.blockSignals(False)

    def refresh(self) -> None:
        wanted = self._chosen_year()
        today = from_qdate(self.as_of.date())
        self._gen += 1
        gen = self._gen

        def load(vs, control):
            listed = plans.list_plans(vs)
            years = [y for y, _t, _n in listed]
            year = wanted
            if year is None:
                year = today.year if today.year in years or not years else years[-1]
            status = _plan_and_amendments(vs, year, today) if year in years else None
            units = report_units.chairing_units(vs)
            return listed, year, status, units

        if self.ctx.db(load, done=lambda r: self._loaded(gen, *r),
                       error=lambda exc: self._failed(gen, exc)) is not None:
            self.busy.show()

    def _load_year(self) -> None:
        year = self._chosen_year()
        if year is None or self.ctx.is_locked:
            return
        if year not in self.plan_years:
            self._show_plan(None)
            return
        today = from_qdate(self.as_of.date())
        self._gen += 1
        gen = self._gen
        if self.ctx.db(lambda vs, control: _plan_and_amendments(vs, year, today),
                       done=lambda s: self._status_loaded(gen, s),
                       error=lambda exc: self._failed(gen, exc)) is not None:
            self.busy.show()

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._gen:
            self.busy.hide()
            errors.show(self, exc, self.ctx.lang)

    def _loaded(self, gen: int, listed, year: int, status, units: list[str]) -> None:
        if gen != self._gen:
            return
        self.busy.hide()
        self.units = units
        self.plan_years = [y for y, _t, _n in listed]
        this_year = date.today().year
        choices = [(y, self.tr("%1 — %2 mục").replace("%1", str(y)).replace("%2", str(n)))
                   for y, _t, n in listed]
        for extra in (this_year, this_year + 1, year):
            if extra not in self.plan_years and all(extra != y for y, _ in choices):
                choices.append((extra, self.tr("%1 (chưa có kế hoạch)").replace("%1", str(extra))))
        choices.sort()
        self.year.blockSignals(True)
        self.year.clear()
        for y, text in choices:
            self.year.addItem(text, y)
        self.year.setCurrentIndex(self.year.findData(year))
        self.year.blockSignals(False)
        self._show_plan(status)

    def _status_loaded(self, gen: int, status) -> None:
        if gen != self._gen:
            return
        self.busy.hide()
        self._show_plan(status)

    def _show_plan(self, loaded: tuple | None) -> None:
        status, amendments = loaded if loaded is not None else (None, [])
        self.status_data = status
        self.amendments_model.set_rows(amendments)
        self.amendments_title.setText(
            self.tr("Điều chỉnh kế hoạch đã phê duyệt (%1)").replace("%1", str(len(amendments))))
        for widget in (self.amendments_title, self.amendments):
            widget.setVisible(bool(amendments))
        year = self._chosen_year()
        has_plan = status is not None
        for widget in (self.title, self.capacity_frame, self.counts, self.items, self.carried):
            widget.setVisible(has_plan)
        self.no_plan.setVisible(not has_plan and year is not None)
        if not has_plan:
            self.items_model.clear()
            if year is not None:
                self.no_plan.setText(self.tr("Năm %1 chưa có kế hoạch thanh tra.").replace("%1", str(year))
                                     + ("  " + self.tr("Bấm “Lập kế hoạch năm…” để lập.")
                                        if can_write_plan(self.ctx) else ""))
            self._buttons()
            return
        lang = self.ctx.lang
        approved = ""
        if status.approved_number or status.approved_date:
            approved = self.tr("phê duyệt tại Quyết định số %1 ngày %2") \
                .replace("%1", status.approved_number or "…").replace("%2", format_date(status.approved_date))
        parts = [f"<b>{escape(status.title)}</b>"] + [escape(p) for p in (approved, status.unit) if p]
        self.title.setText(" · ".join(parts))
        self.last_unit = status.unit or self.last_unit
        capacity = status.capacity
        text = capacity.explanation(lang)
        if capacity.unknown_items:
            text += " " + self.tr("(%1 mục chưa có số ngày hoặc số người, chưa được tính.)") \
                .replace("%1", str(capacity.unknown_items))
        capacity_title = self.tr("Cân đối lực lượng:")
        self.capacity_label.setText(f"<b>{escape(capacity_title)}</b> {escape(text)}")
        set_warning(self.capacity_frame, capacity.over_committed)
        counts = status.counts()
        self.counts.setText(
            self.tr("%1 mục: %2 đã triển khai · %3 chưa triển khai · %4 chậm triển khai")
            .replace("%1", fmt_int(len(status.items), lang)).replace("%2", fmt_int(counts["started"], lang))
            .replace("%3", fmt_int(counts["not_started"], lang))
            .replace("%4", fmt_int(counts["late"], lang)))
        self.items_model.set_rows(status.items)
        fit_columns(self.items, 320)
        if status.carried_codes:
            links = ", ".join(f'<a href="{escape(c)}">{escape(c)}</a>' for c in status.carried_codes)
            self.carried.setText(
                escape(self.tr("Cuộc thanh tra chưa kết thúc chuyển sang năm %1 (%2): ")
                       .replace("%1", str(status.year)).replace("%2", str(len(status.carried_codes))))
                + links)
        else:
            self.carried.setText(escape(self.tr("Không có cuộc thanh tra nào chưa kết thúc chuyển sang.")))
        self._buttons()

    def _buttons(self) -> None:
        writer = can_write_plan(self.ctx)
        year = self._chosen_year()
        for button in (self.create_button, self.add_button, self.start_button):
            button.setVisible(writer)
        self.create_button.setEnabled(year is not None and year not in self.plan_years)
        shown = writer and self.status_data is not None
        for button in (self.add_button, self.start_button, self.edit_button, self.remove_button):
            button.setVisible(shown)
        self.approve_button.setVisible(shown and not self.status_data.approved_number)
        item = selected_row(self.items)
        self.start_button.setEnabled(item is not None and item.status != "started")
        self.edit_button.setEnabled(item is not None)
        self.remove_button.setEnabled(item is not None and item.status != "started")

    def clear(self) -> None:
        super().clear()
        self._gen += 1
        self.busy.hide()
        self.plan_years = []
        self.year.clear()
        self.title.clear()
        self.counts.clear()
        self.capacity_label.clear()
        self.carried.clear()
        self._show_plan(None)

    # --- actions ---
    def _open_item(self, index) -> None:
        item = row_of(self.items, index)
        if item is not None and item.case_code:
            self.open_case.emit(item.case_code)

    def _written(self, message: str) -> None:
        self.status.emit(message)

    def create_plan(self) -> None:
        year = self._chosen_year() or date.today().year
        unit = self.status_data.unit if self.status_data else self.last_unit
        dialog = CreatePlanDialog(self.ctx, year, unit, self.units, self)
        dialog.accepted.connect(lambda: self._plan_created(dialog.created_year))
        self.dialog = dialog
        dialog.open()

    def _plan_created(self, year: int) -> None:
        if self.year.findData(year) < 0:  # the reload shows it with its item count
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(self.year.findData(year))
        self._written(self.tr("Đã lập kế hoạch năm %1.").replace("%1", str(year)))

    def add_item(self) -> None:
        if self.status_data is None:
            return
        dialog = AddItemDialog(self.ctx, self.status_data.year, self,
                               approved=bool(self.status_data.approved_number))
        dialog.accepted.connect(lambda: self._written(self.tr("Đã thêm mục vào kế hoạch.")))
        self.dialog = dialog
        dialog.open()

    def approve_plan(self) -> None:
        if self.status_data is None:
            return
        from desktop.ui.cases import register_forms as forms
        dialog = forms.approve_plan(self.ctx, self.status_data.year, self)
        dialog.accepted.connect(lambda: self._written(self.tr("Đã ghi phê duyệt kế hoạch.")))
        self.dialog = dialog
        dialog.open()

    def change_item(self, action: str) -> None:
        """Change or remove the selected item (an amendment once the plan is approved)."""
        item = selected_row(self.items)
        if item is None or self.status_data is None:
            return
        from desktop.ui.cases import register_forms as forms
        approved = bool(self.status_data.approved_number)
        dialog = forms.change_plan_item(self.ctx, item, action, approved, self)
        dialog.accepted.connect(lambda: self._written(self.tr("Đã cập nhật kế hoạch.")))
        self.dialog = dialog
        dialog.open()

    def start_item(self) -> None:
        item = selected_row(self.items)
        if item is None or item.status == "started" or self.status_data is None:
            return
        dialog = StartItemDialog(self.ctx, item, self.status_data.unit, self)
        dialog.accepted.connect(lambda: self._written(
            self.tr("Đã tạo cuộc thanh tra %1 từ kế hoạch.").replace("%1", dialog.outcome.code)))
        self.dialog = dialog
        dialog.open()

    def open_code(self, code: str) -> None:
        pass

    def focus_search(self) -> None:
        pass


def _plan_and_amendments(vs, year: int, today: date) -> tuple:
    return plans.plan_status(vs, year, today), plan_changes.amendments(vs, year)


def _staff_days(item: plans.ItemStatus) -> int | None:
    return item.days * item.team_size if item.days and item.team_size else None


def _item_color(item: plans.ItemStatus) -> QColor | None:
    return RED if item.status == "late" else GREEN if item.status == "started" else None


# --- dialogs -------------------------------------------------------------------------

class CreatePlanDialog(FormDialog):
    error_fields = {"plan.exists": "year"}

    def __init__(self, ctx, year: int, unit: str, units: list[str], parent=None) -> None:
        super().__init__(ctx, "", "createPlanDialog", parent)
        self.setWindowTitle(self.tr("Lập kế hoạch thanh tra năm"))
        self.year = QSpinBox()
        self.year.setObjectName("planYearField")
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.title = QLineEdit()
        self.title.setObjectName("planTitleField")
        self.title.setPlaceholderText(self.tr("Kế hoạch thanh tra năm %1").replace("%1", str(year)))
        self.year.valueChanged.connect(lambda y: self.title.setPlaceholderText(
            self.tr("Kế hoạch thanh tra năm %1").replace("%1", str(y))))
        self.number = QLineEdit()
        self.number.setObjectName("planNumberField")
        self.number.setPlaceholderText(self.tr("ví dụ 612/QĐ-TTCP"))
        self.approved = QCheckBox(self.tr("Đã phê duyệt, ngày:"))
        self.approved_date = date_edit(date.today(), "planDateField")
        self.approved_date.setEnabled(False)
        self.approved.toggled.connect(self.approved_date.setEnabled)
        approved_row = QHBoxLayout()
        approved_row.addWidget(self.approved)
        approved_row.addWidget(self.approved_date, 1)
        self.unit = QComboBox()
        self.unit.setObjectName("planUnitField")
        self.unit.setEditable(True)
        self.unit.addItems(units)
        self.unit.setCurrentText(unit)
        self.staff = QSpinBox()
        self.staff.setObjectName("planStaffField")
        self.staff.setRange(0, 100000)
        self.staff.setSpecialValueText(self.tr("theo danh sách công chức của đơn vị"))
        self.add_field("year", self.tr("Năm:"), self.year)
        self.add_field("title", self.tr("Tên kế hoạch:"), self.title)
        self.add_field("number", self.tr("Quyết định phê duyệt số:"), self.number)
        self.form.addRow("", approved_row)
        self.add_field("unit", self.tr("Đơn vị:"), self.unit)
        self.add_field("staff", self.tr("Số công chức:"), self.staff)
        self.created_year = year

    def task(self):
        year, title = self.year.value(), self.title.text().strip()
        number, unit = self.number.text().strip(), self.unit.currentText().strip()
        approved = from_qdate(self.approved_date.date()) if self.approved.isChecked() else None
        staff = self.staff.value() or None
        self.created_year = year
        return lambda vs, control: plans.create_plan(vs, year, title, number, approved, unit, staff)


class AddItemDialog(FormDialog):
    error_fields = {"plan.bad_quarter": "quarter"}

    def __init__(self, ctx, year: int, parent=None, approved: bool = False) -> None:
        super().__init__(ctx, "", "addPlanItemDialog", parent)
        self.setWindowTitle(self.tr("Thêm mục vào kế hoạch năm %1").replace("%1", str(year)))
        self.year = year
        self.party = QLineEdit()
        self.party.setObjectName("itemParty")
        self.content = QPlainTextEdit()
        self.content.setObjectName("itemContent")
        self.content.setFixedHeight(70)
        self.quarter = QComboBox()
        self.quarter.setObjectName("itemQuarter")
        self.quarter.addItem(self.tr("Chưa xác định"), None)
        for q in (1, 2, 3, 4):
            self.quarter.addItem(self.tr("Quý %1").replace("%1", _ROMAN[q]), q)
        self.days = QSpinBox()
        self.days.setObjectName("itemDays")
        self.days.setRange(0, 999)
        self.days.setSpecialValueText(self.tr("chưa xác định"))
        self.team = QSpinBox()
        self.team.setObjectName("itemTeam")
        self.team.setRange(0, 999)
        self.team.setSpecialValueText(self.tr("chưa xác định"))
        self.add_field("party", self.tr("Đối tượng thanh tra:"), self.party)
        self.add_field("content", self.tr("Nội dung:"), self.content)
        self.add_field("quarter", self.tr("Quý dự kiến:"), self.quarter)
        self.add_field("days", self.tr("Số ngày thanh tra:"), self.days)
        self.add_field("team", self.tr("Số người trong đoàn:"), self.team)
        # an item added to an approved plan by an amending decision (empty: the approved
        # plan's own items being typed in)
        self.amendment = QLineEdit()
        self.amendment.setObjectName("itemAmendment")
        self.amendment_date = QLineEdit()
        self.amendment_date.setObjectName("itemAmendmentDate")
        self.amendment_date.setPlaceholderText("dd/mm/yyyy")
        if approved:
            self.add_field("amendment", self.tr("Số quyết định điều chỉnh:"), self.amendment)
            self.add_field("amendment_date", self.tr("Ngày quyết định điều chỉnh:"),
                           self.amendment_date)

    def task(self):
        party = self.party.text().strip()
        if not party:
            self.mark("party", self.tr("Hãy nhập đối tượng thanh tra."))
            return None
        year, content = self.year, self.content.toPlainText().strip()
        quarter = self.quarter.currentData()
        days, team = self.days.value() or None, self.team.value() or None
        number, day_text = self.amendment.text().strip(), self.amendment_date.text().strip()
        try:
            day = parse_date(day_text) if day_text else None
        except HosoError as exc:  # the date's own message, at the field
            self.show_error(exc, field="amendment_date")
            return None
        return lambda vs, control: plan_changes.add_item(vs, year, party, content, quarter, days,
                                                         team, number, day)


class StartItemDialog(FormDialog):
    error_fields = {"case.exists": "code"}

    def __init__(self, ctx, item: plans.ItemStatus, unit: str, parent=None) -> None:
        super().__init__(ctx, "", "startPlanItemDialog", parent)
        self.setWindowTitle(self.tr("Triển khai thành cuộc thanh tra"))
        self.setMinimumWidth(560)
        self.item, self.unit = item, unit
        about = QLabel(f"<b>{escape(item.inspected_party)}</b><br>{escape(item.content)}")
        about.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("caseCode")
        self.title = QLineEdit(self._suggest_title(item))
        self.title.setObjectName("caseTitle")
        self.title.setCursorPosition(0)
        self.number = QLineEdit()
        self.number.setObjectName("decisionNumber")
        self.number.setPlaceholderText(self.tr("ví dụ 215/QĐ-TTCP"))
        self.decided = date_edit(date.today(), "decisionDate")
        self.decided.setMaximumDate(self.decided.date())  # a decision is not dated in the future
        self.form.addRow(self.tr("Mục kế hoạch:"), about)
        self.add_field("code", self.tr("Mã hồ sơ:"), self.code)
        self.add_field("title", self.tr("Tên cuộc thanh tra:"), self.title)
        self.add_field("number", self.tr("Quyết định thanh tra số:"), self.number)
        self.add_field("decided", self.tr("Ngày quyết định:"), self.decided)

    def task(self):
        code, title = self.code.text().strip(), self.title.text().strip()
        if not code or not title:
            self.mark("code" if not code else "title",
                      self.tr("Hãy nhập mã hồ sơ và tên cuộc thanh tra."))
            return None
        data = cases.CaseInput(code=code, title=title, decision_number=self.number.text().strip(),
                               decision_date=from_qdate(self.decided.date()), chaired_by=self.unit)
        item_id = self.item.id
        return lambda vs, control: plans.start_item(vs, item_id, data)

    def _suggest_title(self, item: plans.ItemStatus) -> str:
        content = item.content.strip()
        if not content:
            return self.tr("Thanh tra %1").replace("%1", item.inspected_party)
        return (self.tr("Thanh tra %1 tại %2").replace("%1", content[0].lower() + content[1:])
                .replace("%2", item.inspected_party))


__all__ = ["PlanPage", "CreatePlanDialog", "AddItemDialog", "StartItemDialog"]

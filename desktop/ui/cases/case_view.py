"""One inspection case in detail: header with its classification, the stage timeline
with a form to record the next event, its deadlines (state and how each was computed),
the team, opinion requests, directives, documents and results.

Everything is read on the database worker (cases.get_case, deadlines_service.for_case);
a refused event is said inline, under the form, and nothing else changes.

Why one module of 790 lines: its tabs share one loaded case and one refresh; it is the
next to split, one module per tab, inside ui/cases/."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QFormLayout, QFrame,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QScrollArea, QSizePolicy, QSpinBox, QStackedWidget, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from desktop.domain.changes import Area, Changes
from desktop.domain import case_fields
from desktop.domain.dates import format_date, format_iso_date
from desktop.domain.deadlines import Deadline, DeadlineState
from desktop.domain.levels import Level
from desktop.domain.numbers import format_number
from desktop.domain.stages import Stage, TeamRole
from desktop.domain import recommendations as rec_kinds
from desktop.services import case_edit, cases, deadlines_service, documents, recommendations
from desktop.services.cases import CaseDetail
from desktop.ui import errors
from desktop.ui.context import AppContext
from desktop.ui.cut_text import show_cut_text
from desktop.ui.documents.case_documents import CaseDocumentsPanel
from desktop.ui.tables import GREY, RED
from desktop.ui.widgets import busy_bar, error_label, level_mark

ORANGE = QColor("#b35c00")
GREEN = QColor("#2e7d32")
STATE_COLORS = {DeadlineState.OVERDUE: RED, DeadlineState.DUE_SOON: ORANGE,
                DeadlineState.MET_LATE: ORANGE, DeadlineState.MET: GREEN}
STATE_ORDER = {DeadlineState.OVERDUE: 0, DeadlineState.DUE_SOON: 1, DeadlineState.ON_TIME: 2,
               DeadlineState.MET_LATE: 3, DeadlineState.MET: 4}
_WITH_DAYS = (Stage.EXTENDED, Stage.SUSPENDED)


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


class CaseView(QWidget):
    loaded = Signal(str)        # the case with this code is shown
    event_added = Signal(str)   # an event was recorded on this case
    load_failed = Signal(str)   # the message shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("caseView")
        self.as_of: date | None = None   # "today" for the deadlines (tests, demo)
        self.detail: CaseDetail | None = None
        self.deadlines: list[Deadline] = []
        self._code = ""
        self._gen = 0
        self._adding = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.busy = busy_bar()
        self.busy.setObjectName("caseBusy")
        outer.addWidget(self.busy)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)

        self.empty = QLabel(self.tr("Chọn một cuộc thanh tra trong danh sách (nhấp đúp hoặc Enter) "
                                    "để xem chi tiết."))
        self.empty.setObjectName("caseEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #666; padding: 24px;")
        self.stack.addWidget(self.empty)

        self.content = QWidget()
        self.stack.addWidget(self.content)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(6, 4, 6, 4)
        self._build_header(layout)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self._build_timeline_tab()
        self._build_deadlines_tab()
        self._build_general_tab()
        self._build_opinions_tab()
        self._build_documents_tab()
        self._build_results_tab()
        self._build_history_tab()
        self.stack.setCurrentWidget(self.empty)

    # --- building ----------------------------------------------------------------------
    def _build_header(self, layout: QVBoxLayout) -> None:
        top = QHBoxLayout()
        names = QVBoxLayout()
        self.code_label = QLabel()
        self.code_label.setObjectName("caseCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet("color: #444; font-weight: bold;")
        self.title_label = QLabel()
        self.title_label.setObjectName("caseTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        names.addWidget(self.code_label)
        names.addWidget(self.title_label)
        top.addLayout(names, 1)
        self.level_box = QVBoxLayout()
        self.level_label = level_mark(Level.THUONG)
        self.level_box.addWidget(self.level_label)
        self.edit_button = QPushButton(self.tr("Sửa…"))
        self.edit_button.setObjectName("editCaseButton")
        self.edit_button.setToolTip(self.tr("Sửa thông tin hồ sơ (mỗi thay đổi được ghi lịch sử)"))
        self.edit_button.clicked.connect(self.edit_case)
        self.level_box.addWidget(self.edit_button)
        self.level_box.addStretch()
        top.addLayout(self.level_box)
        layout.addLayout(top)
        self.facts_label = QLabel()
        self.facts_label.setObjectName("caseFacts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.facts_label)

    def _build_timeline_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 6, 4, 4)
        self.timeline = table("caseTimeline", [self.tr("Ngày"), self.tr("Giai đoạn"),
                                               self.tr("Văn bản, ghi chú")], stretch=(1, 2))
        layout.addWidget(self.timeline, 1)
        fix_row = QHBoxLayout()
        self.fix_button = QPushButton(self.tr("Sửa, hủy sự kiện đã chọn…"))
        self.fix_button.setObjectName("fixEventButton")
        self.fix_button.setToolTip(self.tr("Một sự kiện ghi sai được sửa hoặc hủy, có lý do; "
                                           "không bao giờ bị xóa"))
        self.fix_button.clicked.connect(self.fix_event)
        fix_row.addWidget(self.fix_button)
        fix_row.addStretch(1)
        layout.addLayout(fix_row)

        box = QGroupBox(self.tr("Ghi nhận sự kiện mới"))
        box.setObjectName("addEventBox")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.stage_combo = QComboBox()
        self.stage_combo.setObjectName("eventStage")
        for stage in Stage:
            self.stage_combo.addItem(stage.label(self.ctx.lang), stage.value)
        self.stage_combo.currentIndexChanged.connect(self._stage_chosen)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("eventDate")
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.days_spin = QSpinBox()
        self.days_spin.setObjectName("eventDays")
        self.days_spin.setRange(0, 999)
        self.days_spin.setSpecialValueText(self.tr("—"))
        self.days_spin.setSuffix(self.tr(" ngày"))
        self.days_spin.setToolTip(self.tr("Số ngày gia hạn hoặc tạm dừng (nếu có)"))
        first = QHBoxLayout()
        first.addWidget(self.date_edit)
        first.addWidget(QLabel(self.tr("Số ngày:")))
        first.addWidget(self.days_spin)
        first.addStretch()
        self.doc_edit = QLineEdit()
        self.doc_edit.setObjectName("eventDocument")
        self.doc_edit.setPlaceholderText(self.tr("Số, ký hiệu văn bản (ví dụ 45/TTr-TTCP)"))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("eventNote")
        self.note_edit.setPlaceholderText(self.tr("Ghi chú (không bắt buộc)"))
        self.add_button = QPushButton(self.tr("Ghi nhận"))
        self.add_button.setObjectName("addEventButton")
        self.add_button.clicked.connect(self.add_event)
        self.doc_edit.returnPressed.connect(self.add_event)
        self.note_edit.returnPressed.connect(self.add_event)
        last = QHBoxLayout()
        last.addWidget(self.note_edit, 1)
        last.addWidget(self.add_button)
        form.addRow(self.tr("Giai đoạn:"), self.stage_combo)
        form.addRow(self.tr("Ngày:"), first)
        form.addRow(self.tr("Văn bản:"), self.doc_edit)
        form.addRow(self.tr("Ghi chú:"), last)
        self.event_busy = busy_bar()
        form.addRow(self.event_busy)
        self.event_error = error_label("eventError")
        form.addRow(self.event_error)
        layout.addWidget(box)
        self._stage_chosen()
        self.tabs.addTab(page, self.tr("Tiến trình"))

    def _build_deadlines_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 6, 4, 4)
        self.deadline_table = table("caseDeadlines", [self.tr("Thời hạn"), self.tr("Hạn"),
                                                      self.tr("Tình trạng")], stretch=(0, 2))
        self.deadline_table.itemSelectionChanged.connect(self._deadline_chosen)
        layout.addWidget(self.deadline_table, 1)
        self.explanation = QLabel()
        self.explanation.setObjectName("deadlineExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setFrameShape(QFrame.Shape.StyledPanel)
        self.explanation.setStyleSheet("padding: 6px;")
        self.explanation.setMinimumHeight(60)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.explanation)
        self.deadlines_tab = self.tabs.addTab(page, self.tr("Thời hạn"))

    def _build_general_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 6, 4, 4)
        self.general = QFormLayout()
        self.general.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_labels: dict[str, QLabel] = {}
        for key, title in (("party", self.tr("Đối tượng thanh tra:")),
                           ("content", self.tr("Nội dung:")),
                           ("period", self.tr("Thời kỳ thanh tra:")),
                           ("basis", self.tr("Căn cứ:")),
                           ("decision", self.tr("Quyết định:")),
                           ("chaired", self.tr("Đơn vị chủ trì:")),
                           ("supervisor", self.tr("Lãnh đạo phụ trách:")),
                           ("inspecting", self.tr("Cấp thanh tra:"))):
            label = QLabel()
            label.setObjectName(f"case_{key}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.general.addRow(title, label)
            self.general_labels[key] = label
        layout.addLayout(self.general)
        layout.addWidget(QLabel(self.tr("Đoàn thanh tra:")))
        self.team_table = table("caseTeam", [self.tr("Họ và tên"), self.tr("Vai trò"),
                                             self.tr("Từ ngày"), self.tr("Đến ngày")],
                                stretch=(0,))
        layout.addWidget(self.team_table, 1)
        buttons = QHBoxLayout()
        for key, text in (("add", self.tr("Thêm thành viên…")),
                          ("leader", self.tr("Thay trưởng đoàn…")),
                          ("remove", self.tr("Rút khỏi đoàn…"))):
            button = QPushButton(text)
            button.setObjectName(f"team_{key}")
            button.clicked.connect(lambda _c=False, k=key: self._team(k))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.tabs.addTab(page, self.tr("Thông tin"))

    def _build_opinions_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(QLabel(self.tr("Xin ý kiến:")))
        self.opinion_table = table("caseOpinions", [
            self.tr("Nơi nhận"), self.tr("Nội dung, văn bản"), self.tr("Ngày")], stretch=(0, 1))
        layout.addWidget(self.opinion_table, 1)
        layout.addWidget(QLabel(self.tr("Chỉ đạo:")))
        self.directive_table = table("caseDirectives", [
            self.tr("Người chỉ đạo"), self.tr("Nội dung, văn bản"), self.tr("Hạn, tình trạng")],
            stretch=(0, 1))
        layout.addWidget(self.directive_table, 1)
        buttons = QHBoxLayout()
        self.send_opinion_button = QPushButton(self.tr("Gửi xin ý kiến…"))
        self.send_opinion_button.setObjectName("caseSendOpinion")
        self.send_opinion_button.clicked.connect(lambda: self._record("send"))
        self.add_directive_button = QPushButton(self.tr("Ghi chỉ đạo…"))
        self.add_directive_button.setObjectName("caseAddDirective")
        self.add_directive_button.clicked.connect(lambda: self._record("directive"))
        buttons.addWidget(self.send_opinion_button)
        buttons.addWidget(self.add_directive_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.opinions_tab = self.tabs.addTab(page, self.tr("Ý kiến & chỉ đạo").replace("&", "&&"))

    def _build_documents_tab(self) -> None:
        # the documents, their versions, add (button or drop), open, export: case_documents.py
        self.documents_panel = CaseDocumentsPanel(self.ctx)
        self.document_table = self.documents_panel.table
        self.documents_panel.counted.connect(self._documents_counted)
        self.documents_tab = self.tabs.addTab(self.documents_panel, self.tr("Tài liệu"))

    def _build_results_tab(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        self.results_form = QFormLayout(page)
        self.result_labels: dict[str, QLabel] = {}
        for key, title in (("violation_money", self.tr("Sai phạm về kinh tế:")),
                           ("violation_land", self.tr("Sai phạm về đất đai:")),
                           ("recovery_money", self.tr("Kiến nghị thu hồi tiền:")),
                           ("recovery_land", self.tr("Kiến nghị thu hồi đất:")),
                           ("disciplined", self.tr("Kiến nghị xử lý kỷ luật:")),
                           ("referral", self.tr("Chuyển cơ quan điều tra:"))):
            label = QLabel()
            label.setObjectName(f"result_{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.results_form.addRow(title, label)
            self.result_labels[key] = label
        # the conclusion's recommendations and their follow-up
        self.recommendation_table = table("caseRecommendations", [
            self.tr("Kiến nghị"), self.tr("Đơn vị thực hiện"), self.tr("Số tiền, diện tích"),
            self.tr("Đã thu"), self.tr("Hạn"), self.tr("Tình trạng")], stretch=(0, 1))
        self.recommendation_table.setMinimumHeight(140)
        self.results_form.addRow(self.recommendation_table)
        buttons = QHBoxLayout()
        for key, text in (("add", self.tr("Thêm kiến nghị…")),
                          ("update", self.tr("Ghi tiến độ kiến nghị…"))):
            button = QPushButton(text)
            button.setObjectName(f"recommendation_{key}")
            button.clicked.connect(lambda _c=False, k=key: self._recommendation(k))
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.results_form.addRow(buttons)
        self.results_message = error_label("resultsMessage")
        self.results_form.addRow(self.results_message)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, self.tr("Kết quả"))

    def _build_history_tab(self) -> None:
        self.history_table = table("caseHistory", [self.tr("Lúc"), self.tr("Người sửa"),
                                                   self.tr("Mục"), self.tr("Cũ"), self.tr("Mới"),
                                                   self.tr("Lý do")], stretch=(3, 4))
        self.history_tab = self.tabs.addTab(self.history_table, self.tr("Lịch sử"))

    # --- loading -----------------------------------------------------------------------
    @property
    def code(self) -> str:
        return self._code

    def load(self, code: str) -> None:
        """Show this case (read on the worker)."""
        if code != self._code:
            self.event_error.hide()
            self.event_error.clear()
        self._code = code
        self._gen += 1
        gen, today = self._gen, self.as_of or date.today()
        self.busy.show()

        def work(vs, control):
            control.check()
            detail = cases.get_case(vs, code)
            control.check()
            found = deadlines_service.for_case(vs, code, today)
            control.check()
            changes = case_edit.history(vs, code, audited=False)  # get_case audited the read
            items = recommendations.list_for(vs, code, audited=False)
            return detail, found, documents.list_documents(vs, code), changes, items

        handle = self.ctx.db(work, lambda result: self._loaded(gen, result),
                             lambda exc: self._failed(gen, exc), cancelled=lambda: self._idle(gen))
        if handle is None:
            self.busy.hide()

    def reload(self) -> None:
        if self._code:
            self.load(self._code)

    def clear(self) -> None:
        """Forget the case shown (the vault locked)."""
        self._gen += 1
        self._code = ""
        self.detail, self.deadlines = None, []
        self.busy.hide()
        self.event_busy.hide()
        self.add_button.setEnabled(True)
        self._adding = False
        for widget in (self.timeline, self.deadline_table, self.team_table, self.opinion_table,
                       self.directive_table, self.history_table, self.recommendation_table):
            widget.setRowCount(0)
        self.documents_panel.clear()
        for label in (self.code_label, self.title_label, self.facts_label, self.explanation,
                      self.event_error, *self.general_labels.values(), *self.result_labels.values()):
            label.clear()
        self.event_error.hide()
        self.doc_edit.clear()
        self.note_edit.clear()
        self._set_level(Level.THUONG)
        self.stack.setCurrentWidget(self.empty)

    def _idle(self, gen: int) -> None:
        if gen == self._gen:
            self.busy.hide()

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self.busy.hide()
        message = errors.describe(exc, self.ctx.lang)
        self.detail = None
        self.stack.setCurrentWidget(self.empty)
        self.empty.setText(message)
        self.load_failed.emit(message)

    def _loaded(self, gen: int, result) -> None:
        if gen != self._gen:
            return
        self.busy.hide()
        detail, deadlines, document_rows, changes, items = result
        self.detail = detail
        self.deadlines = sorted(deadlines, key=lambda d: (STATE_ORDER[d.state], d.due))
        lang = self.ctx.lang
        row = detail.row
        self.code_label.setText(row.code)
        self.title_label.setText(row.title)
        self._set_level(row.level)
        facts = [self.tr("Đối tượng: %1").replace("%1", row.inspected_party or "—"),
                 self.tr("Giai đoạn: %1").replace("%1", row.stage.label(lang))
                 + (self.tr(" (từ %1)").replace("%1", format_date(row.stage_date)) if row.stage_date else "")]
        if row.decision_number or row.decision_date:
            facts.append(self.tr("QĐ số %1 ngày %2").replace("%1", row.decision_number or "—")
                         .replace("%2", format_date(row.decision_date) or "—"))
        self.facts_label.setText(" · ".join(facts))
        self._show_timeline(detail)
        self._show_deadlines()
        self._show_general(detail)
        self._show_opinions(detail)
        self.documents_panel.show_case(row.code, row.level, document_rows)
        self._show_results(detail)
        self._show_recommendations(items)
        self._show_history(changes)
        self._preselect_next_stage(row.stage)
        self.stack.setCurrentWidget(self.content)
        self.loaded.emit(row.code)

    def _set_level(self, level: Level) -> None:
        old = self.level_label
        self.level_label = level_mark(level)
        self.level_box.replaceWidget(old, self.level_label)
        old.deleteLater()

    def _show_timeline(self, detail: CaseDetail) -> None:
        lang = self.ctx.lang
        events = sorted(enumerate(detail.events), key=lambda pair: (pair[1].date, pair[0]))
        self.timeline_events = [e for _i, e in events]
        rows, tips, colors = [], [], []
        for _i, e in events:
            stage = e.stage.label(lang)
            if e.days:
                stage += self.tr(" (%1 ngày)").replace("%1", str(e.days))
            text = " – ".join(p for p in (e.doc_ref, e.note) if p)
            if e.voided:
                stage = self.tr("%1 (đã hủy)").replace("%1", stage)
                text = " – ".join(p for p in (text, self.tr("Lý do: %1").replace(
                    "%1", e.void_reason)) if p)
            elif e.corrects_id:
                stage = self.tr("%1 (đã sửa)").replace("%1", stage)
            rows.append([format_date(e.date), stage, text])
            tips.append(self.tr("Người ghi: %1").replace("%1", e.recorded_by) if e.recorded_by else "")
            colors.append(GREY if e.voided else None)
        fill(self.timeline, rows, tips, colors)
        for r, e in enumerate(self.timeline_events):
            if e.voided:  # struck through: shown, never counted
                for c in range(self.timeline.columnCount()):
                    font = self.timeline.item(r, c).font()
                    font.setStrikeOut(True)
                    self.timeline.item(r, c).setFont(font)
        if rows:
            self.timeline.scrollToBottom()

    def _show_deadlines(self) -> None:
        lang = self.ctx.lang
        rows, tips, colors = [], [], []
        for d in self.deadlines:
            label = d.label(lang) + (f" – {d.subject}" if d.subject else "")
            due = format_date(d.due)
            if d.met_on is not None:
                due += "\n" + self.tr("xong %1").replace("%1", format_date(d.met_on))
            rows.append([label, due, d.status_text(lang)])
            tips.append(d.explanation(lang))
            colors.append(STATE_COLORS.get(d.state))
        fill(self.deadline_table, rows, tips, colors)
        overdue = sum(1 for d in self.deadlines if d.state is DeadlineState.OVERDUE)
        title = self.tr("Thời hạn")
        if overdue:
            title = self.tr("Thời hạn (%1 quá hạn)").replace("%1", str(overdue))
        self.tabs.setTabText(self.deadlines_tab, title)
        self.tabs.tabBar().setTabTextColor(self.deadlines_tab, RED if overdue else QColor())
        if self.deadlines:
            self.deadline_table.selectRow(0)
            self._deadline_chosen()
        else:
            self.explanation.setText(self.tr("Chưa có thời hạn nào được tính cho cuộc thanh tra này "
                                             "(cần có quyết định và ngày công bố)."))

    def _deadline_chosen(self) -> None:
        rows = self.deadline_table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.deadlines):
            self.explanation.setText(self.deadlines[rows[0].row()].explanation(self.ctx.lang))

    def _show_general(self, detail: CaseDetail) -> None:
        lang = self.ctx.lang
        row = detail.row
        period = ""
        if detail.period_from or detail.period_to:
            period = f"{format_date(detail.period_from) or '…'} – {format_date(detail.period_to) or '…'}"
        basis = detail.basis.label(lang)
        if detail.assignment_ref:
            basis += f": {detail.assignment_ref}"
        decision = ""
        if row.decision_number or row.decision_date:
            decision = (self.tr("Số %1 ngày %2").replace("%1", row.decision_number or "—")
                        .replace("%2", format_date(row.decision_date) or "—"))
        values = {"party": row.inspected_party, "content": detail.content, "period": period,
                  "basis": basis, "decision": decision, "chaired": detail.chaired_by,
                  "supervisor": detail.supervisor,
                  "inspecting": detail.inspecting_level.label(lang)}
        for key, label in self.general_labels.items():
            label.setText(values.get(key) or "—")
        # every membership, with its dates; former members in grey
        today = self.as_of or date.today()
        members = detail.team_history
        self.team_members = members
        fill(self.team_table, [[m["name"], TeamRole(m["role"]).label(lang),
                                format_iso_date(m["from"]), format_iso_date(m["to"])] for m in members],
             colors=[GREY if m["to"] and date.fromisoformat(m["to"]) < today else None
                     for m in members])

    def _show_opinions(self, detail: CaseDetail) -> None:
        today = self.as_of or date.today()
        rows, colors = [], []
        for o in detail.opinions:
            answered = format_iso_date(o.get("answered")) or self.tr("chưa có")
            days = [self.tr("Gửi %1").replace("%1", format_iso_date(o.get("sent")))]
            if o.get("due"):
                days.append(self.tr("Hạn %1").replace("%1", format_iso_date(o.get("due"))))
            days.append(self.tr("Trả lời %1").replace("%1", answered))
            subject = o.get("subject", "")
            if o.get("doc"):
                subject += f" ({o['doc']})"
            rows.append([o.get("addressee", ""), subject, "\n".join(days)])
            late = (not o.get("answered") and o.get("due") and
                    date.fromisoformat(o["due"]) < today)
            colors.append(RED if late else None)
        fill(self.opinion_table, rows, colors=colors)
        statuses = {"open": self.tr("Đang thực hiện"), "done": self.tr("Đã thực hiện"),
                    "cancelled": self.tr("Đã hủy")}
        rows, tips = [], []
        for d in detail.directives:
            status = statuses.get(d.get("status", ""), d.get("status", ""))
            if d.get("done"):
                status += self.tr(" (%1)").replace("%1", format_iso_date(d["done"]))
            content = d.get("content", "")
            if d.get("doc"):
                content += f" ({d['doc']})"
            due = self.tr("Hạn %1").replace("%1", format_iso_date(d.get("due"))) if d.get("due") else ""
            rows.append([d.get("issuer", ""), content, "\n".join(p for p in (due, status) if p)])
            tips.append(self.tr("Ngày chỉ đạo: %1").replace("%1", format_iso_date(d.get("issued")))
                        if d.get("issued") else "")
        fill(self.directive_table, rows, tips)
        count = len(detail.opinions) + len(detail.directives)
        title = (self.tr("Ý kiến & chỉ đạo (%1)").replace("%1", str(count)) if count
                 else self.tr("Ý kiến & chỉ đạo"))
        self.tabs.setTabText(self.opinions_tab, title.replace("&", "&&"))

    def _documents_counted(self, count: int) -> None:
        self.tabs.setTabText(self.documents_tab,
                             self.tr("Tài liệu (%1)").replace("%1", str(count)) if count
                             else self.tr("Tài liệu"))

    def _show_results(self, detail: CaseDetail) -> None:
        r = detail.results
        money = self.tr("%1 đồng")
        land = self.tr("%1 m²")
        values = {
            "violation_money": money.replace("%1", format_number(r.get("violation_money") or 0, self.ctx.lang)),
            "violation_land": land.replace("%1", format_number(r.get("violation_land_m2") or 0, self.ctx.lang)),
            "recovery_money": money.replace("%1", format_number(r.get("recovery_money") or 0, self.ctx.lang)),
            "recovery_land": land.replace("%1", format_number(r.get("recovery_land_m2") or 0, self.ctx.lang)),
            "disciplined": self.tr("%1 tổ chức, %2 cá nhân")
            .replace("%1", format_number(r.get("disciplined_orgs") or 0, self.ctx.lang))
            .replace("%2", format_number(r.get("disciplined_persons") or 0, self.ctx.lang)),
            "referral": self.tr("%1 vụ, %2 đối tượng")
            .replace("%1", format_number(r.get("referral_cases") or 0, self.ctx.lang))
            .replace("%2", format_number(r.get("referral_persons") or 0, self.ctx.lang)),
        }
        keys = ("violation_money", "violation_land_m2", "recovery_money", "recovery_land_m2",
                "disciplined_orgs", "disciplined_persons", "referral_cases", "referral_persons")
        recorded = any(r.get(k) for k in keys)
        for key, label in self.result_labels.items():
            # nothing recorded yet (no conclusion's figures): a dash, not a row of zeros
            label.setText(values[key] if recorded else "—")

    # --- recording an event ---------------------------------------------------------------
    def _stage_chosen(self) -> None:
        stage = Stage(self.stage_combo.currentData())
        self.days_spin.setEnabled(stage in _WITH_DAYS)

    def _preselect_next_stage(self, current: Stage) -> None:
        following = [s for s in Stage if s.rank > current.rank and s.is_milestone]
        target = following[0] if following else current
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(target.value))

    def add_event(self) -> None:
        if not self._code or self._adding:
            return
        stage = Stage(self.stage_combo.currentData())
        when = self.date_edit.date().toPython()
        doc, note = self.doc_edit.text().strip(), self.note_edit.text().strip()
        days = self.days_spin.value() if stage in _WITH_DAYS and self.days_spin.value() > 0 else None
        code = self._code

        def work(vs, control):
            return cases.add_event(vs, code, stage, when, doc, note, days)

        self.event_error.hide()
        handle = self.ctx.db(work, lambda _event: self._event_added(code),
                             lambda exc: self._event_refused(code, exc))
        if handle is not None:
            self._adding = True
            self.add_button.setEnabled(False)
            self.event_busy.show()

    def _event_done(self) -> None:
        self._adding = False
        self.add_button.setEnabled(True)
        self.event_busy.hide()

    def _event_refused(self, code: str, exc: BaseException) -> None:
        self._event_done()
        if code != self._code:
            return
        self.event_error.setText(errors.describe(exc, self.ctx.lang))
        self.event_error.show()

    def _show_recommendations(self, items) -> None:
        lang = self.ctx.lang
        self.recommendation_items = list(items)
        rows = []
        for i in items:
            amount = [self.tr("%1 đồng").replace("%1", format_number(i.amount_money, self.ctx.lang))] if i.amount_money else []
            if i.area_m2:
                amount.append(self.tr("%1 m²").replace("%1", format_number(i.area_m2, self.ctx.lang)))
            recovered = [self.tr("%1 đồng").replace("%1", format_number(i.recovered_money, self.ctx.lang))] \
                if i.recovered_money else []
            if i.recovered_area_m2:
                recovered.append(self.tr("%1 m²").replace("%1", format_number(i.recovered_area_m2, self.ctx.lang)))
            rows.append([" – ".join(p for p in (rec_kinds.label(rec_kinds.KINDS, i.kind, lang),
                                                i.content) if p),
                         i.addressee, ", ".join(amount), ", ".join(recovered), format_date(i.due),
                         rec_kinds.label(rec_kinds.STATUSES, i.status, lang)])
        fill(self.recommendation_table, rows)

    def _team(self, action: str) -> None:
        """Add a member, replace the leader, or take the selected member off the team."""
        if self.detail is None or self.ctx.is_locked:
            return
        from desktop.ui.cases import register_forms as forms
        name = ""
        if action == "remove":
            row = self.team_table.currentRow()
            members = getattr(self, "team_members", [])
            if not 0 <= row < len(members) or members[row]["to"]:
                return
            name = members[row]["name"]
        dialog = forms.team_change(self.ctx, self.detail.row.code, action, name, parent=self)
        self.form = dialog
        dialog.accepted.connect(lambda: self._edited(self.detail.row.code,
                                                     Changes(Area.CASES, Area.STAFF)))
        dialog.open()

    def _recommendation(self, action: str) -> None:
        """Add a recommendation, or record the follow-up of the selected one."""
        if self.detail is None or self.ctx.is_locked:
            return
        from desktop.ui.cases import register_forms as forms
        row = self.recommendation_table.currentRow()
        items = getattr(self, "recommendation_items", [])
        if action == "add":
            dialog = forms.add_recommendation(self.ctx, self.detail.row.code, parent=self)
        elif 0 <= row < len(items):
            dialog = forms.update_recommendation(self.ctx, items[row], parent=self)
        else:
            self.results_message.setText(self.tr("Chọn một kiến nghị trong bảng."))
            self.results_message.show()
            return
        self.results_message.hide()
        self.form = dialog
        dialog.accepted.connect(lambda: self._edited(self.detail.row.code, Changes(Area.RESULTS)))
        dialog.open()

    def _show_history(self, changes) -> None:
        lang = self.ctx.lang
        fill(self.history_table, [
            [c.at.strftime("%d/%m/%Y %H:%M"), c.by, case_fields.label(c.field, lang),
             case_fields.shown(c.field, c.old, lang), case_fields.shown(c.field, c.new, lang),
             c.reason] for c in reversed(changes)])
        self.tabs.setTabText(self.history_tab, self.tr("Lịch sử (%1)").replace(
            "%1", str(len(changes))) if changes else self.tr("Lịch sử"))

    def edit_case(self) -> None:
        """The case form over what is shown; saved changes reload the case and the list."""
        if self.detail is None or self.ctx.is_locked:
            return
        from desktop.ui.cases.case_form import CaseFormDialog
        dialog = CaseFormDialog(self.ctx, self.detail, parent=self)
        self.form = dialog
        dialog.accepted.connect(lambda: self._edited(dialog.outcome, Changes(Area.CASES)))
        dialog.open()

    def _record(self, action: str) -> None:
        """A request for opinions or a directive of this case (the page has the replies,
        reminders, notes and completions)."""
        if self.detail is None or self.ctx.is_locked:
            return
        from desktop.ui.cases import register_forms as forms
        make = forms.send_opinion if action == "send" else forms.add_directive
        dialog = make(self.ctx, self.detail.row.code, parent=self)
        self.form = dialog
        changed = Changes(Area.OPINIONS if action == "send" else Area.DIRECTIVES)
        dialog.accepted.connect(lambda: self._edited(self.detail.row.code, changed))
        dialog.open()

    def fix_event(self) -> None:
        """Correct (date, document) or void the selected event, with a reason."""
        row = self.timeline.currentRow()
        events = getattr(self, "timeline_events", [])
        if self.detail is None or not 0 <= row < len(events) or events[row].voided:
            self.event_error.setText(self.tr("Chọn một sự kiện còn hiệu lực trong bảng."))
            self.event_error.show()
            return
        from desktop.ui.cases.event_fix import EventFixDialog
        dialog = EventFixDialog(self.ctx, self.detail.row.code, events[row], parent=self)
        self.form = dialog
        dialog.accepted.connect(lambda: self._edited(self.detail.row.code, Changes(Area.EVENTS)))
        dialog.open()

    def _edited(self, code: str, changes: Changes) -> None:
        """A form saved: the case again, and every page that shows what it changed."""
        self.load(code)
        self.ctx.data_changed.emit(changes)

    def _event_added(self, code: str) -> None:
        self._event_done()
        if code == self._code:
            self.event_error.clear()
            self.event_error.hide()
            self.doc_edit.clear()
            self.note_edit.clear()
            self.days_spin.setValue(0)
            self.reload()
        self.event_added.emit(code)
        self.ctx.data_changed.emit(Changes(Area.EVENTS))

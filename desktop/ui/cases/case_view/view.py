"""One inspection case in detail: a header with its classification over tabs — timeline
and the next event, deadlines, general facts and team, opinions and directives, documents,
results, history. Each tab is a module of this package holding its widgets, how they are
filled and its actions (a mixin of CaseView); this module loads the case and shares it.

Everything is read on the database worker (cases.get_case, deadlines_service.for_case) in
one job, so the tabs always show the same state of the case."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy, QStackedWidget,
                               QTabWidget, QVBoxLayout, QWidget)

from desktop.domain.dates import format_date
from desktop.domain.rules import Limit
from desktop.domain.deadlines import Deadline
from desktop.domain.levels import Level
from desktop.services import case_edit, cases, deadlines_service, documents, recommendations
from desktop.services.cases import CaseDetail
from desktop.ui import errors
from desktop.ui.cases.case_view.deadlines import STATE_ORDER, DeadlinesTab
from desktop.ui.cases.case_view.general import GeneralTab
from desktop.ui.cases.case_view.history import HistoryTab
from desktop.ui.cases.case_view.opinions import OpinionsTab
from desktop.ui.cases.case_view.results import ResultsTab
from desktop.ui.cases.case_view.timeline import TimelineTab
from desktop.ui.context import AppContext
from desktop.ui.documents.case_documents import CaseDocumentsPanel
from desktop.ui.widgets import busy_bar, level_mark


class CaseView(TimelineTab, DeadlinesTab, GeneralTab, OpinionsTab, ResultsTab, HistoryTab,
               QWidget):
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
        self.missing_figures: list[Limit] = []   # limits the law sets without a figure
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

    def _build_documents_tab(self) -> None:
        # the documents, their versions, add (button or drop), open, export: case_documents.py
        self.documents_panel = CaseDocumentsPanel(self.ctx)
        self.document_table = self.documents_panel.table
        self.documents_panel.counted.connect(self._documents_counted)
        self.documents_tab = self.tabs.addTab(self.documents_panel, self.tr("Tài liệu"))

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
            missing = deadlines_service.missing_figures(vs, code)
            control.check()
            changes = case_edit.history(vs, code, audited=False)  # get_case audited the read
            items = recommendations.list_for(vs, code, audited=False)
            return detail, (found, missing), documents.list_documents(vs, code), changes, items

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
        self.detail, self.deadlines, self.missing_figures = None, [], []
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
        detail, (deadlines, missing), document_rows, changes, items = result
        self.detail = detail
        self.deadlines = sorted(deadlines, key=lambda d: (STATE_ORDER[d.state], d.due))
        self.missing_figures = missing
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

    def _documents_counted(self, count: int) -> None:
        self.tabs.setTabText(self.documents_tab,
                             self.tr("Tài liệu (%1)").replace("%1", str(count)) if count
                             else self.tr("Tài liệu"))

    def edit_case(self) -> None:
        """The case form over what is shown; saved changes reload the case and the list."""
        if self.detail is None or self.ctx.is_locked:
            return
        from desktop.ui.cases.case_form import CaseFormDialog
        dialog = CaseFormDialog(self.ctx, self.detail, parent=self)
        self.form = dialog
        dialog.accepted.connect(lambda: self._edited(dialog.outcome))
        dialog.open()

    def _edited(self, code: str) -> None:
        """A form saved: the case again (other pages hear what it changed from
        AppContext.db)."""
        self.load(code)

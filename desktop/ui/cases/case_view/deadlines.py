"""The case's "Thời hạn" tab: each deadline with its state (overdue first) and, for the
one selected, how it was computed — the article, the start event, the days counted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.domain.dates import format_date
from desktop.domain.deadlines import DeadlineState
from desktop.services import deadlines_service
from desktop.ui.few_rows import fill, table
from desktop.ui.tables import ORANGE, RED

GREEN = QColor("#2e7d32")
STATE_COLORS = {DeadlineState.OVERDUE: RED, DeadlineState.DUE_SOON: ORANGE,
                DeadlineState.MET_LATE: ORANGE, DeadlineState.MET: GREEN}
# the order the tab lists them in: what needs acting on first
STATE_ORDER = {DeadlineState.OVERDUE: 0, DeadlineState.DUE_SOON: 1, DeadlineState.ON_TIME: 2,
               DeadlineState.MET_LATE: 3, DeadlineState.MET: 4}


class DeadlinesTab:
    """Part of CaseView (view.py): the attributes it uses are the view's."""

    def _build_deadlines_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 6, 4, 4)
        self.deadline_table = table("caseDeadlines", [self.tr("Thời hạn"), self.tr("Hạn"),
                                                      self.tr("Tình trạng")], stretch=(0, 2))
        self.deadline_table.itemSelectionChanged.connect(self._deadline_chosen)
        layout.addWidget(self.deadline_table, 1)
        # figures still to verify, and limits the law sets without a known figure
        self.deadline_notes = QLabel()
        self.deadline_notes.setObjectName("deadlineNotes")
        self.deadline_notes.setWordWrap(True)
        self.deadline_notes.setTextFormat(Qt.TextFormat.PlainText)
        self.deadline_notes.setStyleSheet("color: #8a4b00;")
        self.deadline_notes.hide()
        layout.addWidget(self.deadline_notes)
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

    def _show_deadlines(self) -> None:
        lang = self.ctx.lang
        rows, tips, colors = [], [], []
        for d in self.deadlines:
            label = d.label(lang) + (f" – {d.subject}" if d.subject else "")
            due = format_date(d.due) + (" *" if d.verify else "")
            if d.met_on is not None:
                due += "\n" + self.tr("xong %1").replace("%1", format_date(d.met_on))
            rows.append([label, due, d.status_text(lang)])
            tips.append(d.explanation(lang))
            colors.append(STATE_COLORS.get(d.state))
        fill(self.deadline_table, rows, tips, colors)
        notes = [deadlines_service.no_figure_text(limit, lang)
                 for limit in self.missing_figures]
        if any(d.verify for d in self.deadlines):
            notes.insert(0, self.tr("* Hạn tính theo số liệu chưa đối chiếu được với văn bản "
                                    "luật (cần kiểm tra)."))
        self.deadline_notes.setText("\n".join(notes))
        self.deadline_notes.setVisible(bool(notes))
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

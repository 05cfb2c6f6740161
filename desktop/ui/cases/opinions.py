"""Opinion requests and directives ("Ý kiến & chỉ đạo"): every request for opinions
sent to ministries, localities or the Prime Minister, and every directive or assigned
task, with its due date and state as of a day. Overdue rows are red; a double-click
opens the case."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPushButton, QTabWidget,
                               QVBoxLayout)

from desktop.domain.dates import format_date
from desktop.domain.deadlines import DeadlineState
from desktop.services import opinions_directives
from desktop.services.opinions_directives import DirectiveLine, OpinionLine
from desktop.ui import errors
from desktop.domain.changes import Area
from desktop.ui.page import Page
from desktop.ui.forms import date_edit, from_qdate, to_qdate
from desktop.ui.tables import (GREY, ORANGE, RED, Col, RowsModel, RowsProxy, fit_columns, fmt_int,
                               make_table, row_of)
from desktop.ui.widgets import busy_bar

_PENDING = (DeadlineState.OVERDUE, DeadlineState.DUE_SOON)


def _color(line):
    deadline = line.deadline
    if deadline is None:
        return GREY
    if deadline.state is DeadlineState.OVERDUE:
        return RED
    if deadline.state is DeadlineState.DUE_SOON:
        return ORANGE
    return None


def _severity(line):
    """Worst first: overdue by most days, due soon, on time, met late, met, no deadline."""
    return line.deadline.severity[:2] if line.deadline is not None else (9, 0)


def _pending(line) -> bool:
    return line.deadline is not None and line.deadline.state in _PENDING


class OpinionsPage(Page):
    watches = frozenset({Area.OPINIONS, Area.DIRECTIVES, Area.CASES, Area.RULES})

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("opinionsPage")
        self._gen = 0
        lang = ctx.lang

        self.as_of = date_edit(date.today(), "opinionsAsOf")
        self.as_of.setToolTip(self.tr("Hạn và tình trạng được tính đến ngày này."))
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        self.only_pending = QCheckBox(self.tr("Chỉ việc quá hạn / sắp đến hạn"))
        self.only_pending.setObjectName("onlyPending")
        self.only_pending.toggled.connect(self._filter)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Tính đến ngày:")))
        top.addWidget(self.as_of)
        top.addSpacing(16)
        top.addWidget(self.only_pending)
        top.addStretch(1)
        # what a secretary records day to day; the buttons follow the tab shown
        self.actions_bar = QHBoxLayout()
        self.buttons = {}
        for key, tab, text in (
                ("send", "opinions", self.tr("Gửi xin ý kiến…")),
                ("reply", "opinions", self.tr("Ghi trả lời…")),
                ("received", "opinions", self.tr("Ngày nhận…")),
                ("remind", "opinions", self.tr("Đôn đốc…")),
                ("directive", "directives", self.tr("Ghi chỉ đạo…")),
                ("note", "directives", self.tr("Ghi tiến độ…")),
                ("done", "directives", self.tr("Hoàn thành…"))):
            button = QPushButton(text)
            button.setObjectName(f"{key}Button")
            button.setProperty("tab", tab)
            button.clicked.connect(lambda _checked=False, k=key: self.record(k))
            self.buttons[key] = button
            self.actions_bar.addWidget(button)
        self.actions_bar.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("opinionsSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.busy = busy_bar()

        def state(line) -> str:
            if line.deadline is None:
                return self._no_deadline(line)
            return line.deadline.status_text(lang)

        def explain(line) -> str:
            return line.deadline.explanation(lang) if line.deadline is not None else state(line)

        def due(line) -> str:
            return format_date(line.deadline.due if line.deadline is not None else line.due)

        def due_key(line):
            return line.deadline.due if line.deadline is not None else line.due

        self.opinions_model = RowsModel([
            Col(self.tr("Cuộc thanh tra"), lambda o: o.case_code or ""),
            Col(self.tr("Nơi xin ý kiến"), lambda o: o.addressee),
            Col(self.tr("Tình trạng"), state, sort=_severity, tooltip=explain),
            Col(self.tr("Hạn trả lời"), due, sort=due_key),
            Col(self.tr("Ngày gửi"), lambda o: format_date(o.sent), sort=lambda o: o.sent),
            Col(self.tr("Ngày trả lời"), lambda o: format_date(o.answered), sort=lambda o: o.answered,
                tooltip=lambda o: o.answer_ref or None),
            Col(self.tr("Văn bản"), lambda o: o.doc_ref),
            Col(self.tr("Nội dung"), lambda o: o.subject),
        ], color=_color, parent=self)
        self.opinions_model.setObjectName("opinionsModel")
        self.directives_model = RowsModel([
            Col(self.tr("Cơ quan chỉ đạo"), lambda d: d.issuer),
            Col(self.tr("Nội dung"), lambda d: d.content),
            Col(self.tr("Tình trạng"), state, sort=_severity, tooltip=explain),
            Col(self.tr("Hạn"), due, sort=due_key),
            Col(self.tr("Cuộc thanh tra"), lambda d: d.case_code or ""),
            Col(self.tr("Ngày giao"), lambda d: format_date(d.issued), sort=lambda d: d.issued),
            Col(self.tr("Ngày hoàn thành"), lambda d: format_date(d.done), sort=lambda d: d.done),
            Col(self.tr("Văn bản"), lambda d: d.doc_ref),
        ], color=_color, parent=self)
        self.directives_model.setObjectName("directivesModel")
        self._state_column = {"opinions": 2, "directives": 2}
        self._caps = {"opinions": {1: 260}, "directives": {0: 220, 1: 380}}

        self.tabs = QTabWidget()
        self.tabs.setObjectName("opinionsTabs")
        self.proxies: dict[str, RowsProxy] = {}
        self.tables = {}
        for key, model, name in (("opinions", self.opinions_model, "opinionsTable"),
                                 ("directives", self.directives_model, "directivesTable")):
            proxy = RowsProxy(model, self)
            table = make_table(proxy, name)
            table.sortByColumn(self._state_column[key], Qt.SortOrder.AscendingOrder)  # worst first
            table.activated.connect(lambda index, t=table: self._open(t, index))
            self.proxies[key], self.tables[key] = proxy, table
            self.tabs.addTab(table, "")

        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Xin ý kiến và chỉ đạo, nhiệm vụ được giao"))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.busy)
        layout.addWidget(self.summary)
        layout.addLayout(self.actions_bar)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _i: self._show_buttons())
        self._show_buttons()
        self._titles()

    def _show_buttons(self) -> None:
        tab = "opinions" if self.tabs.currentIndex() == 0 else "directives"
        for button in self.buttons.values():
            button.setVisible(button.property("tab") == tab)

    def selected(self, key: str):
        table = self.tables[key]
        return row_of(table, table.currentIndex()) if table.currentIndex().isValid() else None

    def record(self, action: str) -> None:
        """Open the form of `action`; a saved form refreshes the page (and the others)."""
        from desktop.ui.cases import register_forms as forms
        if self.ctx.is_locked:
            return
        if action in ("send", "directive"):
            make = forms.send_opinion if action == "send" else forms.add_directive
            dialog = make(self.ctx, parent=self)
        else:
            line = self.selected("opinions" if action in ("reply", "remind", "received")
                                 else "directives")
            if line is None:
                self.summary.setText(self.tr("Chọn một dòng trong bảng trước."))
                return
            make = {"reply": forms.reply_opinion, "remind": forms.remind_opinion,
                    "received": forms.receive_opinion,
                    "note": forms.note_directive, "done": forms.finish_directive}[action]
            dialog = make(self.ctx, line, parent=self)
        self.form = dialog
        dialog.accepted.connect(self._recorded)
        dialog.open()

    def _recorded(self) -> None:
        self.refresh()

    def _no_deadline(self, line) -> str:
        if isinstance(line, DirectiveLine):
            if line.status == "cancelled":
                return self.tr("Đã hủy")
            return self.tr("Không có hạn")
        return self.tr("Chưa xác định được hạn")

    # --- Page ---
    def apply_as_of(self, day) -> None:
        super().apply_as_of(day)
        self.as_of.blockSignals(True)   # the page reloads when shown, not now
        self.as_of.setDate(to_qdate(day or date.today()))
        self.as_of.blockSignals(False)

    def refresh(self) -> None:
        today = from_qdate(self.as_of.date())
        self._gen += 1
        gen = self._gen
        if self.ctx.db(lambda vs, control: opinions_directives.register(vs, today),
                       done=lambda r: self._loaded(gen, *r),
                       error=lambda exc: self._failed(gen, exc)) is not None:
            self.busy.show()

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._gen:
            self.busy.hide()
            errors.show(self, exc, self.ctx.lang)

    def _loaded(self, gen: int, opinions: list[OpinionLine], directives: list[DirectiveLine]) -> None:
        if gen != self._gen:
            return
        self.busy.hide()
        self.opinions_model.set_rows(opinions)
        self.directives_model.set_rows(directives)
        for key, table in self.tables.items():
            fit_columns(table, 300, self._caps[key])
        self._titles()

    def _filter(self) -> None:
        accept = _pending if self.only_pending.isChecked() else None
        for proxy in self.proxies.values():
            proxy.set_filter(accept)
        self._titles()

    def _titles(self) -> None:
        lang = self.ctx.lang
        shown = {key: proxy.rowCount() for key, proxy in self.proxies.items()}
        self.tabs.setTabText(0, self.tr("Xin ý kiến (%1)").replace("%1", fmt_int(shown["opinions"], lang)))
        self.tabs.setTabText(1, self.tr("Chỉ đạo, nhiệm vụ (%1)")
                             .replace("%1", fmt_int(shown["directives"], lang)))

        def count(model, state):
            return sum(1 for r in model.rows if r.deadline is not None and r.deadline.state is state)

        if not self.opinions_model.rows and not self.directives_model.rows:
            # a new vault: what to do first
            self.summary.setText(self.tr("Chưa có văn bản xin ý kiến hay chỉ đạo nào. Bấm "
                                         "“Gửi xin ý kiến…” hoặc, ở thẻ Chỉ đạo, “Ghi chỉ đạo…”."))
            return
        self.summary.setText(
            self.tr("Xin ý kiến: %1 quá hạn, %2 sắp đến hạn · Chỉ đạo, nhiệm vụ: %3 quá hạn, %4 sắp đến hạn")
            .replace("%1", fmt_int(count(self.opinions_model, DeadlineState.OVERDUE), lang))
            .replace("%2", fmt_int(count(self.opinions_model, DeadlineState.DUE_SOON), lang))
            .replace("%3", fmt_int(count(self.directives_model, DeadlineState.OVERDUE), lang))
            .replace("%4", fmt_int(count(self.directives_model, DeadlineState.DUE_SOON), lang)))

    def clear(self) -> None:
        super().clear()
        self._gen += 1
        self.busy.hide()
        self.opinions_model.clear()
        self.directives_model.clear()
        self._titles()

    def _open(self, table, index) -> None:
        line = row_of(table, index)
        if line is not None and line.case_code:
            self.open_case.emit(line.case_code)

    def open_code(self, code: str) -> None:
        pass

    def focus_search(self) -> None:
        pass

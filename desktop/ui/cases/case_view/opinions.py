"""The case's "Ý kiến & chỉ đạo" tab: its requests for opinions (late ones in red) and its
directives; sending a request or recording a directive from here (replies, reminders and
progress are on the Opinions page)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.dates import format_iso_date
from desktop.services.cases import CaseDetail
from desktop.ui.few_rows import fill, table
from desktop.ui.tables import RED


class OpinionsTab:
    """Part of CaseView (view.py): the attributes it uses are the view's."""

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

    def _record(self, action: str) -> None:
        """A request for opinions or a directive of this case (the page has the replies,
        reminders, notes and completions)."""
        if self.detail is None or self.ctx.is_locked:
            return
        from desktop.ui.cases import register_forms as forms
        make = forms.send_opinion if action == "send" else forms.add_directive
        dialog = make(self.ctx, self.detail.row.code, parent=self)
        self.form = dialog
        dialog.accepted.connect(lambda: self._edited(self.detail.row.code))
        dialog.open()

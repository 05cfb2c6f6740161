"""The case's "Kết quả" tab: the conclusion's figures (a dash until recorded) and its
recommendations with their follow-up — adding one, recording its progress."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

from desktop.domain import recommendations as rec_kinds
from desktop.domain.dates import format_date
from desktop.domain.numbers import format_number
from desktop.services.cases import CaseDetail
from desktop.ui.few_rows import fill, table
from desktop.ui.widgets import error_label


class ResultsTab:
    """Part of CaseView (view.py): the attributes it uses are the view's."""

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
        dialog.accepted.connect(lambda: self._edited(self.detail.row.code))
        dialog.open()

"""The case's "Thông tin" tab: what the case is (party, content, period, basis, decision,
units) and its team over time — adding a member, replacing the leader, taking a member off."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.dates import format_date, format_iso_date
from desktop.domain.stages import TeamRole
from desktop.services.cases import CaseDetail
from desktop.ui.few_rows import fill, table
from desktop.ui.tables import GREY


class GeneralTab:
    """Part of CaseView (view.py): the attributes it uses are the view's."""

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
        dialog.accepted.connect(lambda: self._edited(self.detail.row.code))
        dialog.open()

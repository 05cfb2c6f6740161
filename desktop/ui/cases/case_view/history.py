"""The case's "Lịch sử" tab: every change of its fields — when, by whom, old and new value,
the reason — newest first."""

from __future__ import annotations

from desktop.domain import case_fields
from desktop.ui.few_rows import fill, table


class HistoryTab:
    """Part of CaseView (view.py): the attributes it uses are the view's."""

    def _build_history_tab(self) -> None:
        self.history_table = table("caseHistory", [self.tr("Lúc"), self.tr("Người sửa"),
                                                   self.tr("Mục"), self.tr("Cũ"), self.tr("Mới"),
                                                   self.tr("Lý do")], stretch=(3, 4))
        self.history_tab = self.tabs.addTab(self.history_table, self.tr("Lịch sử"))

    def _show_history(self, changes) -> None:
        lang = self.ctx.lang
        fill(self.history_table, [
            [c.at.strftime("%d/%m/%Y %H:%M"), c.by, case_fields.label(c.field, lang),
             case_fields.shown(c.field, c.old, lang), case_fields.shown(c.field, c.new, lang),
             c.reason] for c in reversed(changes)])
        self.tabs.setTabText(self.history_tab, self.tr("Lịch sử (%1)").replace(
            "%1", str(len(changes))) if changes else self.tr("Lịch sử"))

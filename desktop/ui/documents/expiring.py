"""The dashboard's list of classified documents whose protection period ends within 60
days (secret_registers.expiring): an extension must be decided at least 60 days before
the end, or the document declassified when it ends. Periods already ended while the
document still carries its level come first, in red. A double-click opens the document
(the viewer says so if the user is not cleared for it)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.domain.dates import format_date
from desktop.ui.documents.document_viewer import DocumentViewer, open_viewer
from desktop.ui.tables import (ORANGE, RED, Col, RowsModel, fit_columns, fmt_int, make_table,
                               selected_row)

WITHIN_DAYS = 60


class ExpiringDocumentsBox(QGroupBox):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("expiringBox")
        self.setTitle(self.tr("Tài liệu sắp hết thời hạn bảo vệ (60 ngày)"))
        self.rows: list = []
        self.viewer: DocumentViewer | None = None
        lang = ctx.lang
        hidden = self.tr("(không đủ độ mật)")

        def left(r) -> str:
            if r.days_left < 0:
                return self.tr("đã hết %1 ngày").replace("%1", fmt_int(-r.days_left, lang))
            if r.days_left == 0:
                return self.tr("hết hôm nay")
            return self.tr("còn %1 ngày").replace("%1", fmt_int(r.days_left, lang))

        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("expiringSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RowsModel([
            Col(self.tr("Số, ký hiệu"), lambda r: r.number),
            Col(self.tr("Hết hạn bảo vệ"), lambda r: f"{format_date(r.protection_until)} ({left(r)})",
                sort=lambda r: r.protection_until),
            Col(self.tr("Độ mật"), lambda r: r.level.label(lang), sort=lambda r: int(r.level)),
            Col(self.tr("Trích yếu"), lambda r: (r.summary or "") if r.cleared else hidden),
            Col(self.tr("Hồ sơ"), lambda r: r.case_code or ""),
        ], color=lambda r: RED if r.days_left < 0 else ORANGE, parent=self)
        self.model.setObjectName("expiringModel")
        # the last column takes the spare width: a stretched summary had none at 1024 px
        self.table = make_table(self.model, "expiringTable", sortable=False)
        self.table.setToolTip(self.tr("Nhấp đúp hoặc nhấn Enter để mở tài liệu. Gia hạn phải "
                                      "được quyết định chậm nhất 60 ngày trước khi hết thời hạn."))
        self.table.activated.connect(lambda _i: self.open_selected())
        layout.addWidget(self.table, 1)

    def set_rows(self, rows: list) -> None:
        self.rows = list(rows)
        self.model.set_rows(self.rows)
        fit_columns(self.table, widest=200, widths={0: 120})
        lang = self.ctx.lang
        ended = sum(1 for r in self.rows if r.days_left < 0)
        if not self.rows:
            self.summary.setText(self.tr("Không có tài liệu nào sắp hết thời hạn bảo vệ."))
        else:
            text = self.tr("%1 tài liệu sắp hết thời hạn bảo vệ").replace(
                "%1", fmt_int(len(self.rows) - ended, lang))
            if ended:
                text += self.tr(", %1 tài liệu đã hết hạn nhưng chưa giải mật").replace(
                    "%1", fmt_int(ended, lang))
            self.summary.setText(text + ".")

    def clear(self) -> None:
        self.rows = []
        self.model.clear()
        self.summary.clear()

    def open_selected(self) -> DocumentViewer | None:
        row = selected_row(self.table)
        if row is None:
            return None
        self.viewer = open_viewer(self.ctx, row.document_id, None, self.window())
        return self.viewer


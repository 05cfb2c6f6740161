"""Correct or void a workflow event (never deleted): the right date or document, or a
void; a reason either way. The case's deadlines are recomputed by the service."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit

from desktop.domain.dates import format_date, parse_date
from desktop.domain.errors import HosoError
from desktop.services import event_fix
from desktop.ui.forms import FormDialog


class EventFixDialog(FormDialog):
    error_fields = {"input.reason_required": "reason", "input.required": "date"}

    def __init__(self, ctx, code: str, event, parent=None) -> None:
        super().__init__(ctx, "", "eventFixForm", parent)
        self.setWindowTitle(self.tr("Sửa, hủy sự kiện"))
        self.code, self.event = code, event
        self.form.addRow(QLabel(self.tr("%1 ngày %2").replace("%1", event.stage.label(ctx.lang))
                                .replace("%2", format_date(event.date))))
        self.date = QLineEdit(format_date(event.date))
        self.date.setObjectName("fixDate")
        self.date.setPlaceholderText("dd/mm/yyyy")
        self.doc = QLineEdit(event.doc_ref)
        self.doc.setObjectName("fixDocument")
        self.void = QCheckBox(self.tr("Hủy sự kiện này (ghi nhầm, không xảy ra)"))
        self.void.setObjectName("fixVoid")
        self.void.toggled.connect(lambda on: (self.date.setEnabled(not on),
                                              self.doc.setEnabled(not on)))
        self.reason = QLineEdit()
        self.reason.setObjectName("fixReason")
        self.reason.setPlaceholderText(self.tr("bắt buộc"))
        self.add_field("date", self.tr("Ngày đúng:"), self.date)
        self.add_field("doc", self.tr("Văn bản đúng:"), self.doc)
        self.form.addRow(self.void)
        self.add_field("reason", self.tr("Lý do:"), self.reason)

    def task(self):
        code, event_id, reason = self.code, self.event.id, self.reason.text()
        if self.void.isChecked():
            return lambda vs, _c: event_fix.fix_event(vs, code, event_id, void=True, reason=reason)
        try:
            when = parse_date(self.date.text().strip())
        except HosoError as exc:  # the date's own message, at the field, at once
            self.show_error(exc, field="date")
            return None
        doc = self.doc.text()
        changed_doc = doc if doc.strip() != self.event.doc_ref else None
        changed_day = when if when != self.event.date else None
        return lambda vs, _c: event_fix.fix_event(vs, code, event_id, when=changed_day,
                                                  doc_ref=changed_doc, reason=reason)

"""The case's "Tiến trình" tab: its events in date order (voided ones struck through, never
counted), the form that records the next one, and correcting or voiding an event. A refused
event is said under the form and nothing else changes."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from desktop.domain.dates import format_date
from desktop.domain.stages import Stage
from desktop.services import cases
from desktop.services.cases import CaseDetail
from desktop.ui import errors
from desktop.ui.few_rows import fill, table
from desktop.ui.tables import GREY
from desktop.ui.widgets import busy_bar, error_label

_WITH_DAYS = (Stage.EXTENDED, Stage.SUSPENDED)   # the stages recorded with a number of days


class TimelineTab:
    """Part of CaseView (view.py): the attributes it uses are the view's."""

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
        dialog.accepted.connect(lambda: self._edited(self.detail.row.code))
        dialog.open()

"""Adding a document (its register record and, if a file is chosen, its content as
version 1) and adding a new version of a document's content.

The file is read, encrypted and indexed by the service on the database worker
(documents.add_document / add_version), with progress; "Hủy" while it runs stops it and
nothing is stored. Refusals (a level above the user's clearance, a date in the future, a
missing number…) are said inside the dialog, which stays open to be corrected. The level
list offers only the levels up to the user's clearance."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QProgressBar, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from desktop.domain.levels import Level
from desktop.domain.state_secrets import Direction
from desktop.services import documents
from desktop.ui import errors
from desktop.ui.documents.document_viewer import fmt_size
from desktop.ui.settings import Option
from desktop.ui.tasks import TaskHandle
from desktop.ui.widgets import error_label

SOURCE_FOLDER = Option("documents/source_folder", str, "")
# the usual types (Decree 30/2020); the list is editable
DOC_TYPES = ("QĐ", "KL", "BC", "KH", "TB", "TTr", "BB", "CV", "DTKL", "GM", "Khác")


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class _UploadDialog(QDialog):
    """The part both dialogs share: a file field, progress, Hủy that stops the work, an
    inline message."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.handle: TaskHandle | None = None
        self.outcome = None
        self._size = 0
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.layout_.addLayout(self.form)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("docFile")
        self.file_edit.setPlaceholderText(self.tr("Tệp nội dung (PDF, ảnh, văn bản…)"))
        self.browse = QPushButton(self.tr("Chọn tệp…"))
        self.browse.setObjectName("docBrowse")
        self.browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse)
        self.file_row = row
        self.message = error_label("docError")
        self.progress = QProgressBar()
        self.progress.setObjectName("docProgress")
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Lưu"))
        self.ok_button.setObjectName("docSave")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.cancel)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.progress)
        self.layout_.addWidget(self.buttons)

    # --- file ---
    def choose_file(self) -> None:
        start = self.file_edit.text() or self.ctx.settings.get(SOURCE_FOLDER) or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp tài liệu"), start,
                                              self.tr("Mọi tệp (*)"),
                                              options=QFileDialog.Option.DontUseNativeDialog)
        if name:
            self.set_file(name)

    def set_file(self, path: str | Path) -> None:
        self.file_edit.setText(str(path))

    def source(self) -> Path | None:
        text = self.file_edit.text().strip()
        return Path(text).expanduser() if text else None

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- running ---
    @property
    def running(self) -> bool:
        return self.handle is not None and not self.handle.done

    def run(self, work, size: int) -> None:
        self._size = size
        self.say("")
        self.handle = self.ctx.db(work, self._done, self._failed, self._progress, self._stopped)
        if self.handle is None:
            self.say(self.tr("Kho dữ liệu đang khóa."))
            return
        if size:
            self.progress.setRange(0, 1000)
            self.progress.setValue(0)
        else:
            self.progress.setRange(0, 0)
        self.progress.show()
        self.ok_button.setEnabled(False)
        self.browse.setEnabled(False)

    def _progress(self, done: int, _total: int, _text: str) -> None:
        if self._size:
            self.progress.setValue(min(1000, int(done * 1000 / self._size)))
            self.progress.setFormat(f"{fmt_size(done, self.ctx.lang)} / "
                                    f"{fmt_size(self._size, self.ctx.lang)}")

    def cancel(self) -> None:
        if self.running:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
            return
        self.reject()

    def _idle(self) -> None:
        self.handle = None
        self.progress.hide()
        self.ok_button.setEnabled(True)
        self.browse.setEnabled(True)
        self.cancel_button.setEnabled(True)

    def _stopped(self) -> None:
        self._idle()
        self.say(self.tr("Đã hủy; không có gì được lưu."))

    def _failed(self, exc: BaseException) -> None:
        self._idle()
        self.say(errors.describe(exc, self.ctx.lang))

    def _done(self, outcome) -> None:
        self._idle()
        self.outcome = outcome
        source = self.source()
        if source is not None:
            self.ctx.settings.set(SOURCE_FOLDER, str(source.parent))
        self.succeeded(outcome)
        self.accept()

    def succeeded(self, outcome) -> None:
        """Hook for subclasses."""

    def _checked_source(self) -> tuple[Path | None, int] | None:
        """(path, size) of the chosen file; None after saying what is wrong."""
        source = self.source()
        if source is None:
            return None, 0
        try:
            if not source.is_file():
                self.say(self.tr("Không tìm thấy tệp %1.").replace("%1", str(source)))
                return None
            return source, os.stat(source).st_size
        except OSError as exc:
            self.say(self.tr("Không đọc được tệp %1 (%2).").replace("%1", str(source))
                     .replace("%2", exc.strerror or type(exc).__name__))
            return None


def _upload(fn):
    """Run an upload on the worker: the task's progress is the service's (domain.progress);
    cancelling the task raises Cancelled from it, and the service removes what it wrote."""

    def work(vs, control):
        def progress(done: int, _total: int = 0) -> None:
            control.progress(done, 0, "")

        return fn(vs, progress)

    return work


class AddDocumentDialog(_UploadDialog):
    """A document of a case (or of none): the register fields and, optionally, its file."""

    added = Signal(object)   # the DocumentRow stored

    def __init__(self, ctx, case_code: str | None = None, level: Level = Level.THUONG,
                 path: str | Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.case_code = case_code
        self.setObjectName("addDocumentDialog")
        self.setWindowTitle(self.tr("Thêm tài liệu") + (f" – {case_code}" if case_code else ""))
        self.setMinimumWidth(600)
        actor = ctx.session.actor if ctx.session is not None else None
        clearance = actor.clearance if actor is not None else Level.THUONG
        lang = ctx.lang
        today = date.today()

        self.form.addRow(self.tr("Tệp:"), self.file_row)
        self.doc_type = QComboBox()
        self.doc_type.setObjectName("docType")
        self.doc_type.setEditable(True)
        self.doc_type.addItems(list(DOC_TYPES))
        self.doc_type.setCurrentIndex(-1)
        self.doc_type.setEditText("")
        self.number = QLineEdit()
        self.number.setObjectName("docNumber")
        self.number.setPlaceholderText(self.tr("ví dụ 12/KL-TTCP"))
        self.doc_date = QDateEdit(_qdate(today))
        self.doc_date.setObjectName("docDate")
        self.doc_date.setDisplayFormat("dd/MM/yyyy")
        self.doc_date.setCalendarPopup(True)
        self.doc_date.setMaximumDate(_qdate(today))
        first = QHBoxLayout()
        first.addWidget(self.doc_type)
        first.addWidget(QLabel(self.tr("Số, ký hiệu:")))
        first.addWidget(self.number, 1)
        first.addWidget(QLabel(self.tr("Ngày:")))
        first.addWidget(self.doc_date)
        self.form.addRow(self.tr("Loại:"), first)
        self.issuer = QLineEdit()
        self.issuer.setObjectName("docIssuer")
        self.issuer.setPlaceholderText(self.tr("Cơ quan, đơn vị ban hành"))
        self.form.addRow(self.tr("Cơ quan ban hành:"), self.issuer)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("docSummary")
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.form.addRow(self.tr("Trích yếu:"), self.summary)

        self.level = QComboBox()
        self.level.setObjectName("docLevel")
        for lv in Level:
            if lv <= clearance:
                self.level.addItem(lv.label(lang), int(lv))
        self.level.setCurrentIndex(self.level.findData(int(min(Level(level), clearance))))
        self.level.currentIndexChanged.connect(self._level_chosen)
        self.direction = QComboBox()
        self.direction.setObjectName("docDirection")
        for direction, title in ((Direction.INCOMING, self.tr("Văn bản đến")),
                                 (Direction.OUTGOING, self.tr("Văn bản đi")),
                                 (Direction.INTERNAL, self.tr("Nội bộ"))):
            self.direction.addItem(title, direction.value)
        self.direction.setCurrentIndex(self.direction.findData(Direction.INTERNAL.value))
        self.direction.currentIndexChanged.connect(self._direction_chosen)
        self.copies = QSpinBox()
        self.copies.setObjectName("docCopies")
        self.copies.setRange(1, 999)
        self.copies.setToolTip(self.tr("Số lượng bản (sổ đăng ký)"))
        second = QHBoxLayout()
        second.addWidget(self.level)
        second.addWidget(QLabel(self.tr("Hướng:")))
        second.addWidget(self.direction)
        second.addWidget(QLabel(self.tr("Số bản:")))
        second.addWidget(self.copies)
        second.addStretch()
        self.form.addRow(self.tr("Độ mật:"), second)
        self.level_hint = QLabel(self.tr("Chỉ chọn được độ mật đến mức %1 của bạn.")
                                 .replace("%1", clearance.label(lang)))
        self.level_hint.setStyleSheet("color: #666;")
        self.form.addRow("", self.level_hint)

        # incoming (form 15) and outgoing (form 14) fields
        self.received = QDateEdit(_qdate(today))
        self.received.setObjectName("docReceived")
        self.received.setDisplayFormat("dd/MM/yyyy")
        self.received.setCalendarPopup(True)
        self.received.setMaximumDate(_qdate(today))
        self.sender = QLineEdit()
        self.sender.setObjectName("docSender")
        self.sender.setPlaceholderText(self.tr("để trống: cơ quan ban hành"))
        incoming = QHBoxLayout()
        incoming.addWidget(self.received)
        incoming.addWidget(QLabel(self.tr("Nơi gửi:")))
        incoming.addWidget(self.sender, 1)
        self.incoming_label = QLabel(self.tr("Ngày đến:"))
        self.form.addRow(self.incoming_label, incoming)
        self.incoming_row = incoming
        self.signer = QLineEdit()
        self.signer.setObjectName("docSigner")
        self.recipient = QLineEdit()
        self.recipient.setObjectName("docRecipient")
        outgoing = QHBoxLayout()
        outgoing.addWidget(self.signer, 1)
        outgoing.addWidget(QLabel(self.tr("Nơi nhận:")))
        outgoing.addWidget(self.recipient, 2)
        self.outgoing_label = QLabel(self.tr("Người ký:"))
        self.form.addRow(self.outgoing_label, outgoing)
        self.outgoing_row = outgoing
        self.handler = QLineEdit()
        self.handler.setObjectName("docHandler")
        self.handler.setPlaceholderText(self.tr("Đơn vị, người nhận xử lý hoặc lưu"))
        self.form.addRow(self.tr("Xử lý, lưu:"), self.handler)
        self.note = QLineEdit()
        self.note.setObjectName("docNote")
        self.note.setPlaceholderText(self.tr("Ghi chú (không bắt buộc)"))
        self.form.addRow(self.tr("Ghi chú:"), self.note)
        self.finish_layout()
        self._direction_chosen()
        self._level_chosen()
        if path is not None:
            self.set_file(path)

    def set_file(self, path: str | Path) -> None:
        super().set_file(path)
        if not self.summary.toPlainText().strip():
            self.summary.setPlainText(Path(str(path)).stem.replace("_", " "))

    def _direction_chosen(self) -> None:
        direction = self.direction.currentData()
        for label, row, shown in ((self.incoming_label, self.incoming_row,
                                   direction == Direction.INCOMING.value),
                                  (self.outgoing_label, self.outgoing_row,
                                   direction == Direction.OUTGOING.value)):
            label.setVisible(shown)
            for i in range(row.count()):
                widget = row.itemAt(i).widget()
                if widget is not None:
                    widget.setVisible(shown)

    def _level_chosen(self) -> None:
        classified = (self.level.currentData() or 0) > 0
        self.level.setStyleSheet("color: #c00000; font-weight: bold;" if classified else "")

    def data(self) -> documents.DocumentInput | None:
        number = " ".join(self.number.text().split())
        if not number:
            self.say(self.tr("Phải nhập số, ký hiệu của tài liệu."))
            self.number.setFocus()
            return None
        direction = Direction(self.direction.currentData())
        incoming = direction is Direction.INCOMING
        outgoing = direction is Direction.OUTGOING
        return documents.DocumentInput(
            number=number, doc_type=self.doc_type.currentText().strip(),
            level=Level(self.level.currentData() or 0), case_code=self.case_code,
            doc_date=self.doc_date.date().toPython(), issuer=self.issuer.text().strip(),
            summary=self.summary.toPlainText().strip(), note=self.note.text().strip(),
            direction=direction,
            received_date=self.received.date().toPython() if incoming else None,
            sender=self.sender.text().strip() if incoming else "",
            recipient=self.recipient.text().strip() if outgoing else "",
            signer=self.signer.text().strip() if outgoing else "",
            handler=self.handler.text().strip(), copies=self.copies.value())

    def submit(self) -> None:
        if self.running:
            return
        self.say("")
        data = self.data()
        if data is None:
            return
        checked = self._checked_source()
        if checked is None:
            return
        source, size = checked
        self.run(_upload(lambda vs, progress: documents.add_document(
            vs, data, source, progress=progress) if source is not None
            else documents.add_document(vs, data)), size)

    def succeeded(self, outcome) -> None:
        self.added.emit(outcome)


class NewVersionDialog(_UploadDialog):
    """A new version of a document's content; the earlier versions stay."""

    added = Signal(object)   # the VersionInfo stored

    def __init__(self, ctx, doc_id: int, number: str = "", path: str | Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.doc_id = int(doc_id)
        self.setObjectName("newVersionDialog")
        self.setWindowTitle(self.tr("Phiên bản mới") + (f" – {number}" if number else ""))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("Các phiên bản trước được giữ nguyên."))
        intro.setStyleSheet("color: #555;")
        self.form.addRow(intro)
        self.form.addRow(self.tr("Tệp:"), self.file_row)
        self.note = QLineEdit()
        self.note.setObjectName("versionNote")
        self.note.setPlaceholderText(self.tr("Ví dụ: bản đã ký, bản sửa theo ý kiến thẩm định"))
        self.form.addRow(self.tr("Ghi chú:"), self.note)
        self.finish_layout()
        if path is not None:
            self.set_file(path)

    def submit(self) -> None:
        if self.running:
            return
        self.say("")
        checked = self._checked_source()
        if checked is None:
            return
        source, size = checked
        if source is None:
            self.say(self.tr("Chọn tệp của phiên bản mới."))
            return
        doc_id, note = self.doc_id, self.note.text().strip()
        self.run(_upload(lambda vs, progress: documents.add_version(
            vs, doc_id, source, note, progress=progress)), size)

    def succeeded(self, outcome) -> None:
        self.added.emit(outcome)

"""The built-in viewer of a document's content, and the "decrypted copy" export.

The content comes from documents.read_content on the database worker (authenticated,
audited as "doc.open") and stays in memory: a PDF is handed to QtPdf through a QBuffer
(QPdfDocument.load(QIODevice)), an image through QImage.fromData, text is decoded into a
read-only editor. Nothing is written to a temporary file. Other kinds can only be
exported ("Xuất bản giải mã…"), which asks for a reason and a folder; the service
prefixes the file name with the level (MAT_…) and audits it. Printing is audited by the
service (record_print) before a page goes to the printer, and every printed page carries
the level mark. A user below the document's level sees the record (number, type, date,
level) and the service's refusal, said plainly.

Copying text from a classified document goes through AppContext.copy_text(classified=True)
(the clipboard is cleared after a while); dragging text out of it is not offered.

Why one module of 680 lines: the three renderers, the export and the printing share the
content held in memory and the level marks; keeping them together keeps that content in
one object that nothing else can reach."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QKeySequence, QPainter, QPixmap, QTextDocument
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMenu, QPlainTextEdit,
                               QProgressBar, QPushButton, QScrollArea,
                               QStackedWidget, QVBoxLayout, QWidget)

from desktop.domain.dates import format_date
from desktop.domain.errors import Cancelled, HosoError
from desktop.domain.levels import Level
from desktop.domain.numbers import format_number
from desktop.services import documents
from desktop.services.document_text import decode_text
from desktop.ui import errors
from desktop.ui.job_dialog import JobDialogMixin
from desktop.ui.settings import Option
from desktop.ui.tasks import TaskHandle
from desktop.ui.widgets import busy_bar, error_label, level_mark

DOCUMENT_FOLDER = Option("documents/last_folder", str, "")
MARK_RED = QColor("#c00000")


def fmt_size(size: int | None, lang: str = "vi") -> str:
    """1.234.567 byte → "1,2 MB" (vi) / "1.2 MB" (en)."""
    if size is None:
        return ""
    value, unit = float(size), "B"
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    return format_number(round(value) if unit == "B" else round(value, 1), lang,
                         0 if unit == "B" else 1) + " " + unit


def default_folder(settings) -> Path:
    saved = settings.get(DOCUMENT_FOLDER)
    if saved and Path(saved).is_dir():
        return Path(saved)
    from desktop.ui.exchange.export_dialog import default_folder as export_folder
    return export_folder(settings)


def open_viewer(ctx, doc_id: int, version: int | None = None,
                parent: QWidget | None = None) -> "DocumentViewer":
    """Open a viewer window (not modal: several documents may be open side by side)."""
    viewer = DocumentViewer(ctx, doc_id, version, parent)
    viewer.show()
    return viewer


# --- text that knows it is classified --------------------------------------------------

class ClassifiedTextEdit(QPlainTextEdit):
    """A read-only text view whose copies go through the context: a classified text is
    wiped from the clipboard after the set time, and cannot be dragged out."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.classified = True
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)

    def copy_selection(self) -> None:
        text = self.textCursor().selectedText().replace("\u2029", "\n")
        if text:
            self.ctx.copy_text(text, classified=self.classified)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(QKeySequence.StandardKey.Cut):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        menu = QMenu(self)
        copy = menu.addAction(self.tr("Sao chép"))
        copy.setEnabled(self.textCursor().hasSelection())
        copy.triggered.connect(self.copy_selection)
        select = menu.addAction(self.tr("Chọn tất cả"))
        select.triggered.connect(self.selectAll)
        menu.exec(event.globalPos())

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802
        # Qt's own copy, drag and X11 selection: nothing of a classified text leaves this way
        if self.classified:
            return QMimeData()
        return super().createMimeDataFromSelection()


class ImageView(QScrollArea):
    """An image, shrunk to the window's width when it is wider."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewerImage")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidgetResizable(False)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.label)
        self.image = QImage()

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._fit()

    def clear(self) -> None:
        self.image = QImage()
        self.label.clear()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.image.isNull():
            return
        width = max(50, self.viewport().width() - 4)
        shown = self.image if self.image.width() <= width else self.image.scaledToWidth(
            width, Qt.TransformationMode.SmoothTransformation)
        self.label.setPixmap(QPixmap.fromImage(shown))
        self.label.resize(shown.size())


# --- the viewer --------------------------------------------------------------------------

class DocumentViewer(QDialog):
    loaded = Signal(str)      # what is shown: pdf, image, text, other, refused, error
    printed = Signal(int)     # copies recorded
    exported = Signal(str)    # the path written

    def __init__(self, ctx, doc_id: int, version: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc_id = int(doc_id)
        self.version = version
        self.state = "loading"
        self.detail: documents.DocumentDetail | None = None
        self.level = Level.THUONG
        self.mime = ""
        self.file_name = ""
        self.size = 0
        self.error: BaseException | None = None
        self.export_dialog: ExportCopyDialog | None = None
        self._bytes: QByteArray | None = None
        self._buffer: QBuffer | None = None
        self.pdf = QPdfDocument(self)
        self.setObjectName("documentViewer")
        self.setWindowTitle(self.tr("Xem tài liệu"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(900, 760)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.mark_box = QHBoxLayout()
        self.mark = level_mark(Level.THUONG)
        self.mark_box.addStretch()
        self.mark_box.addWidget(self.mark)
        self.mark_box.addStretch()
        layout.addLayout(self.mark_box)
        self.heading = QLabel(self.tr("Đang mở tài liệu…"))
        self.heading.setObjectName("viewerHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.facts = QLabel()
        self.facts.setObjectName("viewerFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setStyleSheet("color: #444;")
        layout.addWidget(self.facts)
        self.busy = busy_bar()
        self.busy.setObjectName("viewerBusy")
        layout.addWidget(self.busy)

        self.stack = QStackedWidget()
        self.stack.setObjectName("viewerStack")
        layout.addWidget(self.stack, 1)
        # message page: loading, refusal, "only exportable"
        self.message_page = QWidget()
        message_layout = QVBoxLayout(self.message_page)
        message_layout.addStretch()
        self.message = QLabel(self.tr("Đang giải mã nội dung…"))
        self.message.setObjectName("viewerMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("padding: 16px; font-size: 11pt;")
        message_layout.addWidget(self.message)
        self.message_export = QPushButton(self.tr("Xuất bản giải mã…"))
        self.message_export.setObjectName("viewerMessageExport")
        self.message_export.clicked.connect(self.export_copy)
        self.message_export.hide()
        message_layout.addWidget(self.message_export, 0, Qt.AlignmentFlag.AlignHCenter)
        message_layout.addStretch()
        self.stack.addWidget(self.message_page)
        # PDF
        self.pdf_view = QPdfView()
        self.pdf_view.setObjectName("viewerPdf")
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setDocument(self.pdf)
        self.stack.addWidget(self.pdf_view)
        # image
        self.image_view = ImageView()
        self.stack.addWidget(self.image_view)
        # text
        self.text_view = ClassifiedTextEdit(ctx)
        self.text_view.setObjectName("viewerText")
        self.text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.stack.addWidget(self.text_view)

        self.error_label = error_label("viewerError")
        layout.addWidget(self.error_label)

        bottom = QHBoxLayout()
        self.zoom = QComboBox()
        self.zoom.setObjectName("viewerZoom")
        self.zoom.addItem(self.tr("Vừa chiều rộng"), "width")
        self.zoom.addItem(self.tr("Vừa trang"), "page")
        for percent in (50, 75, 100, 125, 150, 200):
            self.zoom.addItem(f"{percent} %", percent)
        self.zoom.currentIndexChanged.connect(self._zoom_chosen)
        self.zoom.hide()
        self.pages_label = QLabel()
        self.pages_label.setObjectName("viewerPages")
        bottom.addWidget(self.zoom)
        bottom.addWidget(self.pages_label)
        bottom.addStretch()
        self.print_button = QPushButton(self.tr("In…"))
        self.print_button.setObjectName("viewerPrint")
        self.print_button.clicked.connect(self.print_document)
        self.export_button = QPushButton(self.tr("Xuất bản giải mã…"))
        self.export_button.setObjectName("viewerExport")
        self.export_button.setToolTip(self.tr("Ghi một bản không mã hóa ra thư mục bạn chọn "
                                              "(phải nêu lý do; việc xuất được ghi nhật ký)."))
        self.export_button.clicked.connect(self.export_copy)
        self.close_button = QPushButton(self.tr("Đóng"))
        self.close_button.setObjectName("viewerClose")
        self.close_button.clicked.connect(self.reject)
        for button in (self.print_button, self.export_button, self.close_button):
            bottom.addWidget(button)
        self.print_button.setEnabled(False)
        self.export_button.setEnabled(False)
        layout.addLayout(bottom)

        ctx.locked.connect(self._locked)
        self.load()

    # --- loading ---------------------------------------------------------------------
    def load(self) -> None:
        doc_id, version = self.doc_id, self.version

        def work(vs, control):
            detail = documents.get_document(vs, doc_id)
            control.check()
            try:
                content = documents.read_content(vs, doc_id, version)
            except HosoError as exc:  # refused, destroyed, no content, too large…
                return detail, None, exc
            return detail, content, None

        self.state = "loading"
        self.busy.show()
        handle = self.ctx.db(work, self._loaded, self._failed, cancelled=self._cancelled)
        if handle is None:
            self.busy.hide()
            self._show_message(self.tr("Kho dữ liệu đang khóa."), "error")

    def _cancelled(self) -> None:
        self.busy.hide()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.error = exc
        self.heading.setText(self.tr("Không mở được tài liệu"))
        self._show_message(errors.describe(exc, self.ctx.lang), "error", red=True)

    def _loaded(self, result) -> None:
        self.busy.hide()
        detail, content, refusal = result
        self.detail = detail
        row = detail.row
        self.level = row.level
        self._set_mark(row.level)
        lang = self.ctx.lang
        self.setWindowTitle(self.tr("Tài liệu %1").replace("%1", row.number))
        self.heading.setText(" · ".join(p for p in (row.doc_type, row.number) if p))
        facts = [self.tr("Ngày: %1").replace("%1", format_date(row.doc_date) or "—"),
                 self.tr("Độ mật: %1").replace("%1", row.level.label(lang))]
        if row.cleared and row.issuer:
            facts.append(self.tr("Cơ quan ban hành: %1").replace("%1", row.issuer))
        if row.case_code:
            facts.append(self.tr("Hồ sơ: %1").replace("%1", row.case_code))
        lines = [" · ".join(facts)]
        if row.cleared and row.summary:
            lines.append(row.summary)
        if content is None:
            self.facts.setText("\n".join(lines))
            self.error = refusal
            state = "refused" if not row.cleared else "error"
            self._show_message(errors.describe(refusal, lang), state, red=True)
            return
        data, mime, name = content
        self.mime, self.file_name, self.size = mime, name, len(data)
        shown_version = self.version or row.latest_version
        lines.append(self.tr("Tệp: %1 · phiên bản %2 · %3").replace("%1", name)
                     .replace("%2", str(shown_version or "")).replace("%3", fmt_size(len(data), lang)))
        self.facts.setText("\n".join(lines))
        self.export_button.setEnabled(True)
        self.text_view.classified = row.level > Level.THUONG
        if mime == "application/pdf" or data[:5] == b"%PDF-":
            self._show_pdf(data)
        elif mime.startswith("image/") and self._show_image(data):
            pass
        elif mime.startswith("text/") or name.lower().endswith((".txt", ".csv", ".md", ".log")):
            self.text_view.setPlainText(decode_text(data))
            self.stack.setCurrentWidget(self.text_view)
            self.print_button.setEnabled(True)
            self._shown("text")
        else:
            self._show_message(self.tr("Chương trình không hiển thị được loại tệp này (%1). "
                                       "Chỉ có thể xuất bản giải mã để mở bằng chương trình khác.")
                               .replace("%1", mime or name), "other")
            self.message_export.show()
        del data

    def _show_pdf(self, data: bytes) -> None:
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)   # from memory: no file anywhere
        if self.pdf.status() == QPdfDocument.Status.Error:
            self._show_message(self.tr("Không đọc được tệp PDF (%1). Có thể xuất bản giải mã để mở "
                                       "bằng chương trình khác.").replace("%1", self.pdf.error().name),
                               "other")
            self.message_export.show()
            return
        self.stack.setCurrentWidget(self.pdf_view)
        self.zoom.show()
        self.pages_label.setText(self.tr("%1 trang").replace("%1", str(self.pdf.pageCount())))
        self.print_button.setEnabled(True)
        self._shown("pdf")

    def _show_image(self, data: bytes) -> bool:
        image = QImage.fromData(data)
        if image.isNull():
            return False
        self.image_view.set_image(image)
        self.stack.setCurrentWidget(self.image_view)
        self.pages_label.setText(f"{image.width()} × {image.height()}")
        self.print_button.setEnabled(True)
        self._shown("image")
        return True

    def _show_message(self, text: str, state: str, red: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("padding: 16px; font-size: 11pt;"
                                   + (" color: #b00020;" if red else ""))
        self.stack.setCurrentWidget(self.message_page)
        self._shown(state)

    def _shown(self, state: str) -> None:
        self.state = state
        self.loaded.emit(state)

    def _set_mark(self, level: Level) -> None:
        """The red stamp, updated in place (as widgets.level_mark draws it)."""
        classified = level > Level.THUONG
        self.mark.setText(level.label_vi.upper() if classified else "")
        self.mark.setStyleSheet("color: #c00000; font-weight: bold; border: 2px solid #c00000;"
                                " padding: 2px 6px;" if classified else "")
        font = self.mark.font()
        font.setBold(True)
        font.setPointSizeF(self.font().pointSizeF() * 1.3)
        self.mark.setFont(font)
        self.mark.setVisible(level > Level.THUONG)

    def _zoom_chosen(self) -> None:
        value = self.zoom.currentData()
        if value == "width":
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value == "page":
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.pdf_view.setZoomFactor(value / 100)

    # --- printing --------------------------------------------------------------------
    def print_document(self) -> None:
        """The print dialog; once the service has recorded the print, the pages go out."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name or "tai-lieu")
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("viewerPrintDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.record_print(max(1, printer.copyCount()), lambda: self.paint_to(printer))

    def record_print(self, copies: int = 1, then=None) -> TaskHandle | None:
        """Record the print (documents.record_print, audited) on the worker; `then` runs
        when the service has accepted it."""
        doc_id, version = self.doc_id, self.version

        def work(vs, control):
            documents.record_print(vs, doc_id, version, copies)
            return copies

        def done(count):
            self.error_label.hide()
            if then is not None:
                then()
            self.printed.emit(count)

        return self.ctx.db(work, done, self._action_failed)

    def _action_failed(self, exc: BaseException) -> None:
        self.error_label.setText(errors.describe(exc, self.ctx.lang))
        self.error_label.show()

    def paint_to(self, device) -> int:
        """Paint the document on a printer (or any QPagedPaintDevice), the level mark at
        the top of every page. Returns the number of pages painted."""
        mark = self.level.label_vi.upper() if self.level > Level.THUONG else ""
        painter = QPainter()
        if not painter.begin(device):
            return 0
        try:
            page = QRectF(0, 0, device.width(), device.height())
            band = page.height() * 0.05 if mark else 0.0
            body = page.adjusted(0, band, 0, 0)
            pages = 0
            if self.state == "pdf":
                for number in range(self.pdf.pageCount()):
                    if pages:
                        device.newPage()
                    size = self.pdf.pagePointSize(number)
                    scale = min(body.width() / max(1.0, size.width()),
                                body.height() / max(1.0, size.height()))
                    target = QSize(int(size.width() * scale), int(size.height() * scale))
                    image = self.pdf.render(number, target)
                    painter.drawImage(body.left() + (body.width() - target.width()) / 2,
                                      body.top(), image)
                    self._paint_mark(painter, page, band, mark)
                    pages += 1
            elif self.state == "image":
                image = self.image_view.image.scaled(
                    body.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation)
                painter.drawImage(body.left() + (body.width() - image.width()) / 2, body.top(), image)
                self._paint_mark(painter, page, band, mark)
                pages = 1
            elif self.state == "text":
                text = QTextDocument()
                font = QFont(self.text_view.font())
                font.setPixelSize(max(8, int(page.height() / 70)))
                text.setDefaultFont(font)
                text.setPlainText(self.text_view.toPlainText())
                text.setPageSize(body.size())
                count = max(1, text.pageCount())
                for number in range(count):
                    if pages:
                        device.newPage()
                    painter.save()
                    painter.translate(body.left(), body.top() - number * body.height())
                    text.drawContents(painter, QRectF(0, number * body.height(),
                                                      body.width(), body.height()))
                    painter.restore()
                    self._paint_mark(painter, page, band, mark)
                    pages += 1
            return pages
        finally:
            painter.end()

    @staticmethod
    def _paint_mark(painter: QPainter, page: QRectF, band: float, mark: str) -> None:
        if not mark:
            return
        painter.save()
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(10, int(band * 0.55)))
        painter.setFont(font)
        painter.setPen(MARK_RED)
        painter.drawText(QRectF(page.left(), page.top(), page.width(), band),
                         Qt.AlignmentFlag.AlignCenter, mark)
        painter.restore()

    # --- export ----------------------------------------------------------------------
    def export_copy(self) -> "ExportCopyDialog":
        dialog = ExportCopyDialog(self.ctx, self.doc_id, self.version, self.level,
                                  self.file_name, self)
        dialog.exported.connect(self.exported.emit)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    # --- closing ---------------------------------------------------------------------
    def _locked(self) -> None:
        self.wipe()
        self.reject()

    def wipe(self) -> None:
        """Forget the content shown."""
        self.pdf.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
        self._buffer = self._bytes = None
        self.text_view.clear()
        self.image_view.clear()

    def done(self, result: int) -> None:
        self.wipe()
        try:
            self.ctx.locked.disconnect(self._locked)
        except (RuntimeError, TypeError):
            pass
        super().done(result)


# --- the decrypted copy ------------------------------------------------------------------

class ExportCopyDialog(JobDialogMixin, QDialog):
    """A reason (required) and a folder; the copy is written on the worker with progress
    and can be stopped (no file is left behind)."""

    exported = Signal(str)

    def __init__(self, ctx, doc_id: int, version: int | None = None,
                 level: Level = Level.THUONG, file_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc_id, self.version, self.level = doc_id, version, level
        self.handle: TaskHandle | None = None
        self.result_path: Path | None = None
        self.setObjectName("exportCopyDialog")
        self.setWindowTitle(self.tr("Xuất bản giải mã"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Bản xuất ra không được mã hóa. Việc xuất, người xuất và lý do được "
                               "ghi vào nhật ký; tên tệp có tiền tố độ mật."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if level > Level.THUONG:
            warning = QLabel(self.tr("Tài liệu %1: bản xuất phải được quản lý như tài liệu mật.")
                             .replace("%1", level.label(ctx.lang).upper()))
            warning.setObjectName("exportLevelWarning")
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #c00000; font-weight: bold;")
            layout.addWidget(warning)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.reason = QLineEdit()
        self.reason.setObjectName("exportReason")
        self.reason.setPlaceholderText(self.tr("Bắt buộc, ví dụ: gửi Vụ Pháp chế theo Công văn 12/TTCP"))
        form.addRow(self.tr("Lý do xuất:"), self.reason)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(default_folder(ctx.settings)))
        self.folder.setObjectName("exportFolder")
        browse = QPushButton(self.tr("Chọn…"))
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self.choose_folder)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("Thư mục lưu:"), folder_row)
        if file_name:
            name = QLabel(file_name)
            name.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(self.tr("Tệp:"), name)
        layout.addLayout(form)
        self.error = error_label("exportError")
        layout.addWidget(self.error)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 0)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Xuất"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.cancel)
        layout.addWidget(self.buttons)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục lưu bản giải mã"), self.folder.text(),
            QFileDialog.Option.DontUseNativeDialog | QFileDialog.Option.ShowDirsOnly)
        if folder:
            self.folder.setText(folder)

    def say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def submit(self) -> None:
        if self.handle is not None:
            return
        reason = " ".join(self.reason.text().split())
        if not reason:
            self.say(self.tr("Phải ghi lý do xuất bản giải mã."))
            self.reason.setFocus()
            return
        folder = Path(self.folder.text().strip()).expanduser()
        if not self.folder.text().strip() or not folder.is_dir():
            self.say(self.tr("Chọn một thư mục có sẵn để lưu bản giải mã."))
            return
        self.say("")
        doc_id, version = self.doc_id, self.version

        def work(vs, control):
            def progress(done: int, _total: int = 0) -> None:
                control.progress(done, 0, "")   # raises Cancelled once the user stops

            return documents.export_copy(vs, doc_id, folder, reason, version, progress=progress)

        self.handle = self.ctx.db(work, self._done, self._failed, self._progress, self._stopped)
        if self.handle is None:
            self.say(self.tr("Kho dữ liệu đang khóa."))
            return
        self.progress.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _progress(self, done: int, _total: int, _text: str) -> None:
        self.progress.setFormat(fmt_size(done, self.ctx.lang))

    def _stopped(self) -> None:
        self.end_job()
        self.say(self.tr("Đã hủy; không có tệp nào được ghi."))

    def _failed(self, exc: BaseException) -> None:
        self.end_job()
        if isinstance(exc, Cancelled):
            self._stopped()
            return
        self.say(errors.describe(exc, self.ctx.lang))

    def _done(self, path) -> None:
        self.end_job()
        self.result_path = Path(path)
        self.ctx.settings.set(DOCUMENT_FOLDER, str(self.result_path.parent))
        self.exported.emit(str(path))
        self.accept()


__all__ = ["ClassifiedTextEdit", "DocumentViewer", "ExportCopyDialog", "fmt_size", "open_viewer"]

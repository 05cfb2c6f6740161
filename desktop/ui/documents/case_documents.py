"""The documents tab of a case: its documents (a user below a document's level sees the
row — number, type, date, level — and nothing it says), the versions of the one
selected (who, when, size, SHA-256, note), and the acts on them: add a document (button
or by dropping files on the tab), a new version, open it in the viewer, export a
decrypted copy. All service calls run on the database worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from desktop.domain.dates import format_date
from desktop.domain.levels import Level
from desktop.services import documents
from desktop.services.documents import DocumentRow, VersionInfo
from desktop.ui import errors
from desktop.ui.documents.add_document import AddDocumentDialog, NewVersionDialog
from desktop.ui.documents.document_viewer import (DocumentViewer, ExportCopyDialog, fmt_size,
                                                open_viewer)
from desktop.ui.tables import Col, RowsModel, fit_columns, selected_row, style_table
from desktop.ui.widgets import busy_bar, error_label

GREY = "#6b6b6b"
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class DocumentTable(QTableView):
    """The documents' table; rowCount() as a QTableWidget has it (tests, callers)."""

    def rowCount(self) -> int:  # noqa: N802
        model = self.model()
        return model.rowCount() if model is not None else 0


LEVEL_RED = QColor("#c00000")


def row_color(r) -> object:
    """Destroyed documents are grey (their record stays, their content is gone)."""
    return QColor(GREY) if getattr(r, "destroyed", False) else None


class LevelRowsModel(RowsModel):
    """RowsModel whose level column is red and bold for a classified row (as in the
    case list)."""

    def __init__(self, columns, level_column: int, level_of=lambda r: r.level, color=row_color,
                 parent=None) -> None:
        super().__init__(columns, color=color, parent=parent)
        self.level_column = level_column
        self.level_of = level_of

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole) and index.isValid()
                and index.column() == self.level_column and 0 <= index.row() < self.rowCount()):
            if self.level_of(self.row(index.row())) > Level.THUONG:
                if role == Qt.ItemDataRole.FontRole:
                    font = QFont()
                    font.setBold(True)
                    return font
                return QBrush(LEVEL_RED)
        return super().data(index, role)


class CaseDocumentsPanel(QWidget):
    counted = Signal(int)          # the number of documents listed
    documents_changed = Signal()   # one was added or got a new version

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("caseDocumentsPanel")
        self.setAcceptDrops(True)
        self.code = ""
        self.case_level = Level.THUONG
        self.detail: documents.DocumentDetail | None = None
        self.dialog: AddDocumentDialog | NewVersionDialog | None = None
        self.export_dialog: ExportCopyDialog | None = None
        self.viewer: DocumentViewer | None = None
        self.queued: list[Path] = []
        self._gen = 0          # listings
        self._detail_gen = 0   # the versions of the selected document
        lang = ctx.lang

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm tài liệu…"))
        self.add_button.setObjectName("addDocumentButton")
        self.add_button.clicked.connect(lambda: self.add_document())
        self.version_button = QPushButton(self.tr("Phiên bản mới…"))
        self.version_button.setObjectName("newVersionButton")
        self.version_button.clicked.connect(lambda: self.new_version())
        self.open_button = QPushButton(self.tr("Mở"))
        self.open_button.setObjectName("openDocumentButton")
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.export_button = QPushButton(self.tr("Xuất bản giải mã…"))
        self.export_button.setObjectName("exportDocumentButton")
        self.export_button.clicked.connect(lambda: self.export_selected())
        for button in (self.add_button, self.version_button, self.open_button, self.export_button):
            bar.addWidget(button)
        bar.addStretch()
        self.hint = QLabel(self.tr("Có thể kéo thả tệp vào đây để thêm tài liệu."))
        self.hint.setObjectName("dropHint")
        self.hint.setStyleSheet("color: #666;")
        bar.addWidget(self.hint)
        layout.addLayout(bar)
        self.busy = busy_bar()
        self.busy.setObjectName("documentsBusy")
        layout.addWidget(self.busy)
        self.message = error_label("documentsMessage")
        layout.addWidget(self.message)

        self.model = LevelRowsModel(self._columns(lang), 3, parent=self)
        self.model.setObjectName("caseDocumentsModel")
        self.table = DocumentTable()
        self.table.setObjectName("caseDocuments")
        self.table.setModel(self.model)
        style_table(self.table, stretch=5)
        self.table.horizontalHeader().setDefaultAlignment(_LEFT)
        self.table.activated.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._selected)

        versions_box = QWidget()
        versions_layout = QVBoxLayout(versions_box)
        versions_layout.setContentsMargins(0, 4, 0, 0)
        self.versions_title = QLabel(self.tr("Phiên bản"))
        self.versions_title.setObjectName("versionsTitle")
        self.versions_title.setTextFormat(Qt.TextFormat.PlainText)
        self.versions_title.setStyleSheet("font-weight: bold;")
        versions_layout.addWidget(self.versions_title)

        def sha(v: VersionInfo) -> str:
            return v.sha256[:12] + "…" if v.sha256 else ""

        self.versions_model = RowsModel([
            Col(self.tr("Phiên bản"), lambda v: str(v.version), sort=lambda v: v.version, right=True),
            Col(self.tr("Tệp"), lambda v: v.file_name),
            Col(self.tr("Kích thước"), lambda v: fmt_size(v.size, lang), sort=lambda v: v.size,
                right=True),
            Col(self.tr("Người tạo"), lambda v: v.created_by),
            Col(self.tr("Thời điểm"), lambda v: v.created_at.strftime("%d/%m/%Y %H:%M"),
                sort=lambda v: v.created_at),
            Col(self.tr("SHA-256"), sha, tooltip=lambda v: v.sha256),
            Col(self.tr("Ghi chú"), lambda v: (self.tr("đã tiêu hủy") if v.destroyed else v.note)),
        ], parent=self)
        self.versions_model.setObjectName("caseVersionsModel")
        self.versions = QTableView()
        self.versions.setObjectName("caseDocumentVersions")
        self.versions.setModel(self.versions_model)
        style_table(self.versions, stretch=6)
        self.versions.horizontalHeader().setDefaultAlignment(_LEFT)
        self.versions.activated.connect(lambda _i: self.open_version())
        versions_layout.addWidget(self.versions)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("caseDocumentsSplit")
        split.addWidget(self.table)
        split.addWidget(versions_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self._buttons()

    def _columns(self, lang: str) -> list[Col]:
        hidden = self.tr("(không đủ độ mật)")

        def summary(r: DocumentRow) -> str:
            return (r.summary or "") if r.cleared else hidden

        def content(r: DocumentRow) -> str:
            if r.destroyed:
                return self.tr("đã tiêu hủy")
            if not r.versions:
                return self.tr("chưa có tệp")
            if not r.cleared:
                return self.tr("%1 phiên bản").replace("%1", str(r.versions))
            text = f"{r.file_name or ''} · {fmt_size(r.size, lang)}"
            if r.versions > 1:
                text += " · " + self.tr("%1 phiên bản").replace("%1", str(r.versions))
            return text

        return [
            Col(self.tr("Số, ký hiệu"), lambda r: r.number),
            Col(self.tr("Loại"), lambda r: r.doc_type),
            Col(self.tr("Ngày"), lambda r: format_date(r.doc_date), sort=lambda r: r.doc_date),
            Col(self.tr("Độ mật"), lambda r: r.level.label(lang), sort=lambda r: int(r.level)),
            Col(self.tr("Hướng"), lambda r: r.direction.label(lang)),
            Col(self.tr("Trích yếu"), summary),
            Col(self.tr("Tệp"), content, sort=lambda r: r.size or 0),
        ]

    # --- content -----------------------------------------------------------------------
    def show_case(self, code: str, level: Level, rows: list[DocumentRow],
                  select_id: int | None = None) -> None:
        """The documents of this case (read with the case, on the worker)."""
        keep = self.current() if code == self.code else None
        self.code, self.case_level = code, Level(level)
        self._gen += 1
        self.message.hide()
        self.model.set_rows(rows)
        fit_columns(self.table, widest=240, widths={0: 150, 6: 200})
        self.counted.emit(len(rows))
        wanted = select_id if select_id is not None else (keep.id if keep is not None else None)
        if wanted is not None:
            self.select(wanted)
        if self.current() is None:
            self._show_versions(None)
        self._buttons()

    @property
    def loading(self) -> bool:
        return self.busy.isVisibleTo(self)

    def reload(self, select_id: int | None = None) -> None:
        """Read the case's documents again (after an add)."""
        if not self.code:
            return
        code, level = self.code, self.case_level
        self._gen += 1
        gen = self._gen
        self.busy.show()
        handle = self.ctx.db(lambda vs, control: documents.list_documents(vs, code),
                             lambda rows: self._reloaded(gen, code, level, rows, select_id),
                             lambda exc: self._failed(gen, exc), cancelled=self.busy.hide)
        if handle is None:
            self.busy.hide()

    def _reloaded(self, gen: int, code: str, level: Level, rows, select_id) -> None:
        if gen != self._gen:
            return
        self.busy.hide()
        self.show_case(code, level, rows, select_id)

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self.busy.hide()
        self.message.setText(errors.describe(exc, self.ctx.lang))
        self.message.show()

    def clear(self) -> None:
        self._gen += 1
        self._detail_gen += 1
        self.code = ""
        self.detail = None
        self.queued = []
        self.model.clear()
        self.versions_model.clear()
        self.versions_title.setText(self.tr("Phiên bản"))
        self.message.hide()
        self.busy.hide()
        for dialog in (self.dialog, self.export_dialog):
            if dialog is not None:
                dialog.reject()
        self._buttons()

    def current(self) -> DocumentRow | None:
        return selected_row(self.table)

    def select(self, doc_id: int) -> bool:
        for r, row in enumerate(self.model.rows):
            if row.id == doc_id:
                self.table.selectRow(r)
                return True
        return False

    def _buttons(self) -> None:
        row = self.current()
        usable = row is not None and row.cleared and not row.destroyed
        self.add_button.setEnabled(bool(self.code))
        self.version_button.setEnabled(usable)
        self.open_button.setEnabled(row is not None)
        self.export_button.setEnabled(usable and row.versions > 0)

    def _selected(self, *_args) -> None:
        self._buttons()
        row = self.current()
        if row is None or not row.cleared:
            self._show_versions(None, row)
            return
        self._detail_gen += 1
        gen, doc_id = self._detail_gen, row.id
        self.versions_model.clear()   # not another document's versions while this one loads
        self.versions_title.setText(self.tr("Phiên bản của %1: đang đọc…").replace("%1", row.number))
        self.ctx.db(lambda vs, control: documents.get_document(vs, doc_id),
                    lambda detail: self._detail(gen, detail), lambda exc: self._detail_failed(gen, exc))

    def _detail(self, gen: int, detail) -> None:
        if gen != self._detail_gen:
            return
        self._show_versions(detail)

    def _detail_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._detail_gen:
            return
        self._show_versions(None)
        self.message.setText(errors.describe(exc, self.ctx.lang))
        self.message.show()

    def _show_versions(self, detail, row: DocumentRow | None = None) -> None:
        self.detail = detail
        if detail is None:
            self.versions_model.clear()
            if row is not None and not row.cleared:
                self.versions_title.setText(self.tr("Phiên bản: không hiển thị (tài liệu %1, "
                                                    "cao hơn độ mật của bạn)")
                                            .replace("%1", row.level.label(self.ctx.lang)))
            else:
                self.versions_title.setText(self.tr("Phiên bản"))
            return
        self.versions_model.set_rows(list(reversed(detail.versions)))
        fit_columns(self.versions, widest=240)
        self.versions_title.setText(self.tr("Phiên bản của %1 (%2)")
                                    .replace("%1", detail.row.number)
                                    .replace("%2", str(len(detail.versions))))

    # --- acts ----------------------------------------------------------------------------
    def add_document(self, path: str | Path | None = None) -> AddDocumentDialog | None:
        if not self.code or self.ctx.is_locked:
            return None
        dialog = AddDocumentDialog(self.ctx, self.code, self.case_level, path, self)
        dialog.added.connect(self._added)
        dialog.finished.connect(lambda _r: self._next_queued())
        self.dialog = dialog
        dialog.open()
        return dialog

    def add_files(self, paths: list[str | Path]) -> AddDocumentDialog | None:
        """Files dropped on the tab: one dialog each, one after the other."""
        files = [Path(p) for p in paths if Path(p).is_file()]
        if not files:
            return None
        self.queued.extend(files[1:])
        return self.add_document(files[0])

    def _next_queued(self) -> None:
        if self.queued and self.code:
            path = self.queued.pop(0)
            self.add_document(path)

    def _added(self, row) -> None:
        self.reload(row.id if row is not None else None)
        self.documents_changed.emit()

    def new_version(self, path: str | Path | None = None) -> NewVersionDialog | None:
        row = self.current()
        if row is None or not row.cleared or row.destroyed:
            return None
        dialog = NewVersionDialog(self.ctx, row.id, row.number, path, self)
        dialog.added.connect(lambda _v: self._version_added(row.id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _version_added(self, doc_id: int) -> None:
        self.reload(doc_id)
        self.documents_changed.emit()

    def open_selected(self) -> DocumentViewer | None:
        row = self.current()
        if row is None:
            return None
        self.viewer = open_viewer(self.ctx, row.id, None, self.window())
        return self.viewer

    def open_version(self) -> DocumentViewer | None:
        row, version = self.current(), selected_row(self.versions)
        if row is None or version is None:
            return None
        self.viewer = open_viewer(self.ctx, row.id, version.version, self.window())
        return self.viewer

    def export_selected(self) -> ExportCopyDialog | None:
        row = self.current()
        if row is None or not row.cleared:
            return None
        dialog = ExportCopyDialog(self.ctx, row.id, None, row.level, row.file_name or "", self)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    # --- drag and drop ---------------------------------------------------------------------
    @staticmethod
    def _local_files(mime) -> list[str]:
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()
                and Path(u.toLocalFile()).is_file()]

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self.code and self._local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if self.code and event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        files = self._local_files(event.mimeData())
        if not self.code or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(files)

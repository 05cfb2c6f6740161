"""Importing another department's workbook, step by step: the file (chosen or dropped) →
what it holds → which column of the file is which field → what the import would do
(inserts, updates with their cell-level changes, rejected rows and why) → the import
itself, in one transaction → the result.

Every read of the file and every use of the vault runs on the database worker; the pages
only show what the tasks bring back. A page whose Next needs work starts its task and
returns False from validatePage; when the task is done the wizard moves on by itself."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QComboBox,
                               QFileDialog, QGridLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QProgressBar, QPushButton, QRadioButton,
                               QSpinBox, QStyledItemDelegate, QTableView, QTabWidget,
                               QVBoxLayout, QWidget, QWizard, QWizardPage)

from desktop.domain.errors import Cancelled
from desktop.exchange.excel import importspec, shown
from desktop.exchange.excel.header import header_cells
from desktop.exchange.excel.reader import Sheet, Workbook
from desktop.services import importer
from desktop.ui import errors
from desktop.ui.settings import Option
from desktop.ui.tasks import TaskHandle
from desktop.ui.forms import notice_frame, set_warning
from desktop.ui.tables import RED, Col, RowsModel, fit_columns, fmt_int, make_table
from desktop.ui.widgets import busy_bar

IMPORT_FOLDER = Option("import/last_folder", str, "")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".csv")
KIND_ORDER = ("cases", "plan", "opinions", "staff")
PAGE_FILE, PAGE_KIND, PAGE_MAPPING, PAGE_PREVIEW, PAGE_DONE = range(5)
MAX_COLUMNS = 300        # columns offered in the mapping combos (hand-made files have ~30)
SAMPLE_ROWS = 50         # data rows looked at for a column's example value
NO_COLUMN = -1


# --- plain helpers (run on the worker or on plain data) ----------------------------------

def is_excel_name(path: str) -> bool:
    return path.lower().endswith(EXCEL_SUFFIXES)


def value_text(value: Any, lang: str = "vi", limit: int = 60) -> str:
    """A cell or field value as the user reads it (dd/mm/yyyy, 1.234,5)."""
    return shown.value_text(value, lang, limit)


class CommitGate:
    """Cancel-before-start for the one-transaction commit: the worker starts the commit
    only if the user has not cancelled; once started, cancelling is refused (and the UI
    says so) — the UI thread never waits for the worker, the lock is held for a moment."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.started = False
        self.cancelled = False

    def start(self) -> bool:
        with self._lock:
            if self.cancelled:
                return False
            self.started = True
            return True

    def cancel(self) -> bool:
        with self._lock:
            if self.started:
                return False
            self.cancelled = True
            return True


# --- the mapping table ---------------------------------------------------------------------

class MappingModel(QAbstractTableModel):
    """One row per field of the kind: its name (required ones marked *), the file's column
    it is read from (editable) and an example value from that column."""

    mapping_changed = Signal()

    def __init__(self, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.fields: list[importspec.Field] = []
        self.cells: list[tuple[int, str, Any]] = []
        self.mapping: dict[str, int] = {}
        self._cell_of: dict[int, tuple[int, str, Any]] = {}

    def load(self, fields, cells, mapping: dict[str, int]) -> None:
        self.beginResetModel()
        self.fields = list(fields)
        self.cells = list(cells)
        self._cell_of = {c[0]: c for c in self.cells}
        self.mapping = {name: col for name, col in mapping.items()
                        if col in self._cell_of and any(f.name == name for f in self.fields)}
        self.endResetModel()
        self.mapping_changed.emit()

    def field_name(self, field: importspec.Field) -> str:
        return field.vi if self.lang == "vi" else field.en

    def column_label(self, col: int | None) -> str:
        if col is None or col < 0:
            return self.tr("— không nhập —")
        letter = Sheet.cell_ref(0, col)[:-1]
        cell = self._cell_of.get(col)
        text = cell[1] if cell else ""
        return f"{letter} · {text}" if text else self.tr("Cột %1").replace("%1", letter)

    def choices(self) -> list[tuple[int, str]]:
        return [(NO_COLUMN, self.column_label(None))] + [(c[0], self.column_label(c[0]))
                                                         for c in self.cells]

    def columns(self) -> dict[str, int]:
        return dict(self.mapping)

    def missing_required(self) -> list[importspec.Field]:
        return [f for f in self.fields if f.required and f.name not in self.mapping]

    def unused(self) -> list[tuple[int, str]]:
        """Header cells no field is read from (their text, with the column letter)."""
        used = set(self.mapping.values())
        return [(c, text) for c, text, _s in self.cells if text and c not in used]

    def set_column(self, name: str, col: int) -> None:
        row = next(i for i, f in enumerate(self.fields) if f.name == name)
        self.setData(self.index(row, 1), col)

    # --- Qt ---
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.fields)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.fields)) \
                or not (0 <= index.column() < 3):
            return None
        field = self.fields[index.row()]
        col = self.mapping.get(field.name)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.field_name(field) + (" *" if field.required else "")
            if column == 1:
                return self.column_label(col)
            cell = self._cell_of.get(col) if col is not None else None
            return value_text(cell[2], self.lang) if cell else ""
        if role == Qt.ItemDataRole.EditRole and column == 1:
            return NO_COLUMN if col is None else col
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            names = [field.vi, field.en, *field.aliases]
            tip = self.tr("Tên cột được nhận ra: %1").replace("%1", ", ".join(f"“{n}”" for n in names))
            if field.required:
                tip += "\n" + self.tr("Bắt buộc: mỗi dòng phải có giá trị.")
            return tip
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and field.required and col is None:
            return RED
        if role == Qt.ItemDataRole.FontRole and column == 0 and field.required:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 1 \
                or not (0 <= index.row() < len(self.fields)):
            return False
        try:
            col = int(value) if value is not None else NO_COLUMN
        except (TypeError, ValueError):
            return False
        if col != NO_COLUMN and col not in self._cell_of:
            return False
        name = self.fields[index.row()].name
        if self.mapping.get(name, NO_COLUMN) == col:
            return True
        if col == NO_COLUMN:
            self.mapping.pop(name, None)
        else:
            # a column feeds one field: taking it from another field clears that one
            for other, other_col in list(self.mapping.items()):
                if other_col == col and other != name:
                    del self.mapping[other]
                    row = next(i for i, f in enumerate(self.fields) if f.name == other)
                    self.dataChanged.emit(self.index(row, 0), self.index(row, 2))
            self.mapping[name] = col
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
        self.mapping_changed.emit()
        return True

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            titles = (self.tr("Trường dữ liệu"), self.tr("Cột trong tệp"), self.tr("Giá trị dòng đầu"))
            return titles[section] if 0 <= section < 3 else None
        return str(section + 1)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 1:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags


class ColumnDelegate(QStyledItemDelegate):
    """A combo of the file's header cells for the "column in the file" cells."""

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        combo.setObjectName("mappingCombo")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(18)
        for value, label in index.model().choices():
            combo.addItem(label, value)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index) -> None:  # noqa: N802
        editor.setGeometry(option.rect)


# --- pages -------------------------------------------------------------------------------

def _message_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class _TaskPage(QWizardPage):
    """A page whose Next may first run a task on the worker: while it runs the page shows
    a busy bar and Next is disabled; the wizard moves on when the task is done."""

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.w = wizard
        self.handle: TaskHandle | None = None
        self._passed = False
        self.message = _message_label(type(self).__name__[1:] + "Message")
        self.busy = busy_bar()

    @property
    def running(self) -> bool:
        return self.handle is not None and not self.handle.done

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def ready(self) -> bool:
        return True

    def isComplete(self) -> bool:  # noqa: N802
        return not self.running and self.ready()

    def start(self, fn: Callable, done: Callable[[Any], None], *, db: bool = True,
              progress: Callable[[int, int, str], None] | None = None,
              error: Callable[[BaseException], None] | None = None) -> bool:
        """Run fn on the worker — fn(vs, control) with db, fn(control) without; done(result)
        then moves the wizard on. False: the page stays (validatePage's answer)."""
        self.say("")

        def finished(result: Any) -> None:
            done(result)  # plain data on the wizard (a commit's result counts even if closed)
            if self.w.closed:
                return
            self._busy(False)
            if self.w.currentPage() is self:  # the user may have gone back meanwhile
                self._passed = True
                self.w.next()

        def failed(exc: BaseException) -> None:
            if self.w.closed:
                return
            self._busy(False)
            (error or self.show_error)(exc)

        def stopped() -> None:
            if self.w.closed:
                return
            self._busy(False)
            self.say(self.stopped_text())

        if db:
            handle = self.w.ctx.db(fn, finished, failed, progress, stopped)
        else:
            handle = self.w.ctx.runner.run(fn, finished, failed, progress, stopped)
        if handle is None:  # the vault locked meanwhile
            self.w.force_close()
            return False
        self.handle = handle
        self._busy(True)
        return False

    def _busy(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.completeChanged.emit()

    def show_error(self, exc: BaseException) -> None:
        self.say(errors.describe(exc, self.w.ctx.lang))

    def stopped_text(self) -> str:
        return self.tr("Đã dừng.")

    def passed(self) -> bool:
        """True once, right after the page's task succeeded (validatePage lets go)."""
        if self._passed:
            self._passed = False
            return True
        return False

    def cancel_task(self) -> None:
        if self.running:
            self.handle.cancel()


class _FilePage(_TaskPage):
    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.setObjectName("importFilePage")
        self.setTitle(self.tr("Chọn tệp Excel"))
        self.setSubTitle(self.tr("Tệp .xlsx, .xlsm, .ods hoặc .csv do đơn vị khác lập. Chương "
                                 "trình chỉ đọc tệp; chưa có gì được ghi vào kho dữ liệu cho đến "
                                 "bước cuối."))
        self.setAcceptDrops(True)
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.setAcceptDrops(False)  # the page takes the drop, not the text field
        self.path.setPlaceholderText(self.tr("Đường dẫn tệp Excel"))
        self.path.textChanged.connect(self._edited)
        browse = QPushButton(self.tr("Chọn tệp…"))
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Tệp:")))
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.drop_zone = QLabel(self.tr("Hoặc kéo thả tệp Excel vào đây"))
        self.drop_zone.setObjectName("importDropZone")
        self.drop_zone.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_zone.setMinimumHeight(110)
        self._zone_style(False)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.drop_zone)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addStretch()

    def _zone_style(self, active: bool) -> None:
        color, back = ("#1f5fa8", "#e8f0fb") if active else ("#9aa7b4", "#f6f8fa")
        self.drop_zone.setStyleSheet(f"QLabel#importDropZone {{ border: 2px dashed {color};"
                                     f" border-radius: 6px; background: {back}; color: #44505c; }}")

    def _edited(self) -> None:
        self.say("")
        self.completeChanged.emit()

    def ready(self) -> bool:
        return bool(self.path.text().strip())

    def browse(self) -> None:
        start = self.path.text().strip() or self.w.ctx.settings.get(IMPORT_FOLDER) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp Excel"), start,
            self.tr("Bảng tính Excel, OpenDocument hoặc CSV (*.xlsx *.xlsm *.ods *.csv)"),
            options=QFileDialog.Option.DontUseNativeDialog)
        if path:
            self.path.setText(path)

    # --- drag and drop ---
    @staticmethod
    def _dropped_path(mime) -> str | None:
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and is_excel_name(url.toLocalFile()):
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._dropped_path(event.mimeData()):
            self._zone_style(True)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if self._dropped_path(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self._zone_style(False)

    def dropEvent(self, event) -> None:  # noqa: N802
        self._zone_style(False)
        path = self._dropped_path(event.mimeData())
        if path:
            self.path.setText(path)
            event.acceptProposedAction()
        else:
            event.ignore()

    # --- next ---
    def validatePage(self) -> bool:  # noqa: N802
        if self.passed():
            return True
        if self.running:
            return False
        path = Path(self.path.text().strip()).expanduser()
        if not is_excel_name(path.name):
            self.say(self.tr("Chỉ nhập được tệp .xlsx, .xlsm, .ods hoặc .csv. Tệp .xls: hãy mở bằng "
                             "Excel rồi lưu lại dạng .xlsx."))
            return False
        if self.w.workbook is not None and self.w.path == path:
            return True

        def read(control):
            workbook = importer.open_workbook(path)  # the guard first: hostile files stop here
            control.check()
            return workbook, importer.guess_kind(workbook)

        def done(result) -> None:
            self.w.set_workbook(path, *result)
            self.w.ctx.settings.set(IMPORT_FOLDER, str(path.parent))

        return self.start(read, done, db=False)


class _KindPage(_TaskPage):
    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.setObjectName("importKindPage")
        self.setTitle(self.tr("Loại dữ liệu"))
        self.setSubTitle(self.tr("Tệp này chứa dữ liệu gì?"))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        row = 0
        texts = self.kind_texts()
        for kind in KIND_ORDER:
            title, text = texts[kind]
            button = QRadioButton(title)
            button.setObjectName("kind" + kind.capitalize())
            font = button.font()
            font.setBold(True)
            button.setFont(font)
            self.group.addButton(button)
            self.buttons[kind] = button
            note = QLabel(text)
            note.setWordWrap(True)
            note.setStyleSheet("color: #44505c;")
            note.setContentsMargins(24, 0, 0, 6)
            grid.addWidget(button, row, 0, 1, 2)
            grid.addWidget(note, row + 1, 0, 1, 2)
            row += 2
            if kind == "plan":
                self.year = QSpinBox()
                self.year.setObjectName("importYear")
                self.year.setRange(2000, 2100)
                self.year.setValue(date.today().year)
                year_row = QHBoxLayout()
                year_row.setContentsMargins(24, 0, 0, 8)
                self.year_label = QLabel(self.tr("Năm kế hoạch:"))
                year_row.addWidget(self.year_label)
                year_row.addWidget(self.year)
                year_row.addStretch()
                grid.addLayout(year_row, row, 0, 1, 2)
                row += 1
        self.buttons["cases"].setChecked(True)
        self.group.buttonToggled.connect(self._kind_changed)
        self.guess = QLabel()
        self.guess.setObjectName("importKindGuess")
        self.guess.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(self.guess)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addStretch()
        self._kind_changed()

    def kind_texts(self) -> dict[str, tuple[str, str]]:
        return {
            "cases": (self.tr("Cuộc thanh tra"),
                      self.tr("Danh sách các cuộc thanh tra: mã hồ sơ, tên cuộc thanh tra, quyết định, "
                              "đối tượng, kết quả. Hồ sơ đã có trong kho (cùng mã hồ sơ) được cập nhật.")),
            "plan": (self.tr("Kế hoạch thanh tra năm"),
                     self.tr("Các mục của kế hoạch: đối tượng thanh tra, nội dung, quý triển khai, số "
                             "ngày, số người. Nếu tệp không có cột “Năm”, dùng năm ghi dưới đây.")),
            "opinions": (self.tr("Văn bản xin ý kiến"),
                         self.tr("Các lần xin ý kiến của từng cuộc thanh tra: mã hồ sơ, cơ quan được "
                                 "xin ý kiến, ngày gửi, hạn trả lời. Hồ sơ phải có sẵn trong kho.")),
            "staff": (self.tr("Cán bộ"),
                      self.tr("Danh sách cán bộ: họ và tên, chức vụ, đơn vị. Người đã có (cùng họ tên) "
                              "được cập nhật chức vụ, đơn vị.")),
        }

    @property
    def kind(self) -> str:
        return next(k for k, b in self.buttons.items() if b.isChecked())

    def set_kind(self, kind: str) -> None:
        self.buttons[kind].setChecked(True)

    def _kind_changed(self, *_args) -> None:
        plan = self.buttons["plan"].isChecked()
        self.year.setEnabled(plan)
        self.year_label.setEnabled(plan)
        self.say("")

    def initializePage(self) -> None:  # noqa: N802
        guess = self.w.guessed_kind
        if guess is not None:
            self.set_kind(guess)
            self.guess.setText(self.tr("Theo các cột của tệp, chương trình đoán đây là: %1.")
                               .replace("%1", self.kind_texts()[guess][0]))
        else:
            self.guess.setText(self.tr("Chương trình không nhận ra các cột của tệp: hãy chọn loại "
                                       "dữ liệu."))

    def validatePage(self) -> bool:  # noqa: N802
        if self.passed():
            return True
        if self.running:
            return False
        kind, workbook = self.kind, self.w.workbook
        if self.w.located is not None and self.w.located[0] == kind:
            return True

        def locate(control):
            sheet, match = importer.locate_header(workbook, kind)
            return kind, sheet, match, header_cells(sheet, match, MAX_COLUMNS, SAMPLE_ROWS)

        return self.start(locate, self.w.set_located, db=False)


class _MappingPage(_TaskPage):
    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.setObjectName("importMappingPage")
        self.setTitle(self.tr("Ghép cột"))
        self.setSubTitle(self.tr("Chương trình đã tự ghép các cột của tệp với các trường dữ liệu. "
                                 "Kiểm tra và sửa nếu cần; trường có dấu * là bắt buộc."))
        self.where = QLabel()
        self.where.setObjectName("mappingWhere")
        self.where.setWordWrap(True)
        self.model = MappingModel(wizard.ctx.lang, self)
        self.model.setObjectName("mappingModel")
        self.model.mapping_changed.connect(self._mapping_changed)
        self.table = QTableView()
        self.table.setObjectName("mappingTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(1, ColumnDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        combo_height = QComboBox().sizeHint().height()
        self.table.verticalHeader().setDefaultSectionSize(max(combo_height + 2,
                                                              self.table.fontMetrics().height() + 10))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.unused = QLabel()
        self.unused.setObjectName("mappingUnused")
        self.unused.setWordWrap(True)
        self.unused.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.allow_foreign = QCheckBox(self.tr("Vẫn nhập tệp được xuất từ một kho dữ liệu khác"))
        self.allow_foreign.setObjectName("allowForeign")
        self.allow_foreign.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("analyseProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.stop = QPushButton(self.tr("Dừng"))
        self.stop.setObjectName("analyseStop")
        self.stop.clicked.connect(self.cancel_task)
        self.stop.hide()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.stop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unused)
        layout.addWidget(self.allow_foreign)
        layout.addLayout(progress_row)
        layout.addWidget(self.message)
        self._loaded_for: tuple | None = None

    def initializePage(self) -> None:  # noqa: N802
        kind, sheet, match, cells = self.w.located
        key = (self.w.file_serial, kind)
        if self._loaded_for == key:
            return  # back and forth: keep the user's corrections
        self._loaded_for = key
        self.model.load(importspec.KINDS[kind], cells, match.columns)
        for row in range(self.model.rowCount()):
            self.table.openPersistentEditor(self.model.index(row, 1))
        self.table.resizeColumnToContents(0)
        header = self.table.horizontalHeader()
        header.resizeSection(0, min(max(header.sectionSize(0) + 16, 200), 300))
        header.resizeSection(1, 320)
        self.where.setText(self.tr("Trang “%1”, dòng tiêu đề %2; dữ liệu từ dòng %3.")
                           .replace("%1", sheet.name).replace("%2", str(match.row_index + 1))
                           .replace("%3", str(match.data_start + 1)))
        self.allow_foreign.setChecked(False)
        self.allow_foreign.hide()
        self._mapping_changed()

    def _mapping_changed(self) -> None:
        unused = self.model.unused()
        if unused:
            names = ", ".join(f"{Sheet.cell_ref(0, c)[:-1]} “{text}”" for c, text in unused)
            self.unused.setText(self.tr("Cột không dùng đến (bỏ qua khi nhập): %1").replace("%1", names))
        else:
            self.unused.setText(self.tr("Mọi cột có tiêu đề trong tệp đều đã được ghép."))
        missing = self.model.missing_required()
        if missing:
            self.say(self.tr("Chưa chọn cột cho trường bắt buộc: %1.").replace(
                "%1", ", ".join(f"“{self.model.field_name(f)}”" for f in missing)))
        else:
            self.say("")
        self.completeChanged.emit()

    def ready(self) -> bool:
        return not self.model.missing_required()

    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.stop.setVisible(on)
        self.table.setEnabled(not on)
        if on:
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("Đang kiểm tra các dòng…"))
        super()._busy(on)

    def _progress(self, done: int, total: int, _text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        self.progress.setFormat(self.tr("Đã kiểm tra %1 dòng").replace("%1", fmt_int(done, self.w.ctx.lang)))

    def show_error(self, exc: BaseException) -> None:
        if getattr(exc, "key", "") == "import.foreign":
            self.allow_foreign.show()
            self.say(self.tr("Tệp này được xuất từ một kho dữ liệu khác. Nếu vẫn muốn nhập, đánh "
                             "dấu ô “Vẫn nhập…” rồi bấm Tiếp."))
            return
        super().show_error(exc)

    def validatePage(self) -> bool:  # noqa: N802
        if self.passed():
            return True
        if self.running:
            return False
        w = self.w
        kind, sheet, match, _cells = w.located
        path, workbook, mapping = w.path, w.workbook, self.model.columns()
        year = w.kind_page.year.value() if kind == "plan" else None
        allow = self.allow_foreign.isChecked()
        total = max(sheet.height - match.data_start, 0)

        # kept for the preview page, which may analyse again (dates swapped back)
        w.analysis = dict(kind=kind, year=year, allow_foreign=allow, mapping=mapping,
                          workbook=workbook)

        def analyse(vs, control):
            control.progress(0, total, "")
            return importer.analyse(vs, path, kind, year=year, allow_foreign=allow, mapping=mapping,
                                    workbook=workbook,
                                    progress=lambda n: control.progress(n, total, ""))

        return self.start(analyse, w.set_plan, progress=self._progress)


class _PreviewPage(_TaskPage):
    def reanalyse(self, *_args) -> None:
        """The same analysis with the user's word on swapped date columns (swap back or
        not) and on legacy-encoded text columns (convert or keep)."""
        w = self.w
        keep = {name for name, box in self.encoding_boxes.items() if not box.isChecked()}
        args = dict(getattr(w, "analysis", {}),
                    swap_dates=self.swap_fields if self.swap.isChecked() else set(),
                    keep_encoding=keep)
        path = w.path

        def done(plan) -> None:
            self.busy.hide()
            w.set_plan(plan)
            self.initializePage()
            self.completeChanged.emit()

        def failed(exc: BaseException) -> None:
            self.busy.hide()
            self.show_error(exc)
        if w.ctx.db(lambda vs, control: importer.analyse(vs, path, **args), done, failed):
            self.busy.show()

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.setObjectName("importPreviewPage")
        self.setTitle(self.tr("Xem trước"))
        self.setSubTitle(self.tr("Chưa có gì được ghi. Kiểm tra những gì sẽ thay đổi trong kho dữ "
                                 "liệu, rồi bấm “Nhập dữ liệu”."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Nhập dữ liệu"))
        lang = wizard.ctx.lang
        counts = QHBoxLayout()
        self.counts: dict[str, QLabel] = {}
        for key, name in (("insert", "countInsert"), ("update", "countUpdate"),
                          ("unchanged", "countUnchanged"), ("reject", "countReject")):
            label = QLabel()
            label.setObjectName(name)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setMinimumWidth(120)
            label.setStyleSheet("QLabel { border: 1px solid #b9c4d0; border-radius: 4px;"
                                " background: #f3f6f9; padding: 6px 10px; }")
            self.counts[key] = label
            counts.addWidget(label)
        counts.addStretch()
        self.unknown = QLabel()
        self.unknown.setObjectName("previewUnknown")
        self.unknown.setWordWrap(True)
        # notes, totals, signatures, repeated headers under the table: not data, not errors
        self.skipped = QLabel()
        self.skipped.setObjectName("previewSkipped")
        self.skipped.setWordWrap(True)
        self.skipped.setStyleSheet("color: #555;")

        self.insert_model = RowsModel([
            Col(self.tr("Dòng"), lambda r: str(r.row + 1), sort=lambda r: r.row, right=True),
            Col(self.tr("Khóa"), lambda r: r.key),
        ], parent=self)
        self.insert_model.setObjectName("insertModel")
        self.update_model = RowsModel([
            Col(self.tr("Dòng"), lambda r: str(r.row + 1), sort=lambda r: r.row, right=True),
            Col(self.tr("Khóa"), lambda r: r.key),
            Col(self.tr("Thay đổi (cột: cũ → mới)"), lambda r: "; ".join(self.change_texts(r)),
                tooltip=lambda r: "\n".join(self.change_texts(r))),
        ], parent=self)
        self.update_model.setObjectName("updateModel")
        self.problem_model = RowsModel([
            Col(self.tr("Trang"), lambda p: p.sheet),
            Col(self.tr("Ô"), lambda p: p.cell, sort=lambda p: (p.row, p.col if p.col is not None else -1)),
            Col(self.tr("Lỗi"), lambda p: p.message(lang), tooltip=lambda p: p.message(lang)),
        ], color=lambda p: RED, parent=self)
        self.problem_model.setObjectName("problemModel")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("previewTabs")
        self.problem_table = make_table(self.problem_model, "problemTable", sortable=False)
        self.update_table = make_table(self.update_model, "updateTable", sortable=False)
        self.insert_table = make_table(self.insert_model, "insertTable", sortable=False)
        for table in (self.problem_table, self.update_table, self.insert_table):
            self.tabs.addTab(table, "")

        self.save_errors_button = QPushButton(self.tr("Lưu bảng lỗi…"))
        self.save_errors_button.setObjectName("saveErrors")
        self.save_errors_button.setToolTip(self.tr("Ghi một bản sao của tệp, tô đỏ và ghi chú vào "
                                                   "từng ô lỗi, để gửi lại đơn vị lập tệp."))
        self.save_errors_button.clicked.connect(self.choose_error_file)
        self.errors_saved = QLabel()
        self.errors_saved.setObjectName("errorsSaved")
        self.errors_saved.setWordWrap(True)
        self.errors_saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a date column a month/day spreadsheet swapped: the user says whether to swap back
        self.swap = QCheckBox(self.tr("Đảo lại ngày/tháng ở cột ngày bị bảng tính kiểu Mỹ đảo"))
        self.swap.setObjectName("swapDates")
        self.swap.hide()
        self.swap.toggled.connect(self.reanalyse)
        # text columns typed in TCVN3 / VNI: converted to Unicode, one box per column to keep
        # a column as it is
        self.encodings = QWidget()
        self.encodings.setObjectName("previewEncodings")
        self.encodings_layout = QVBoxLayout(self.encodings)
        self.encodings_layout.setContentsMargins(0, 0, 0, 0)
        self.encoding_boxes: dict[str, QCheckBox] = {}
        self.skip = QCheckBox(self.tr("Bỏ qua dòng lỗi (chỉ nhập các dòng hợp lệ)"))
        self.skip.setObjectName("skipRejected")
        self.skip.toggled.connect(lambda _on: self._update_note())
        self.note_frame, self.note = notice_frame("previewNote")
        errors_row = QHBoxLayout()
        errors_row.addWidget(self.swap)
        errors_row.addWidget(self.skip)
        errors_row.addStretch()
        errors_row.addWidget(self.save_errors_button)

        self.commit_status = QLabel()
        self.commit_status.setObjectName("commitStatus")
        self.commit_status.setWordWrap(True)
        self.commit_status.hide()
        self.cancel_commit = QPushButton(self.tr("Hủy nhập"))
        self.cancel_commit.setObjectName("cancelCommit")
        self.cancel_commit.clicked.connect(self.cancel)
        self.cancel_commit.hide()
        commit_row = QHBoxLayout()
        commit_row.addWidget(self.busy, 1)
        commit_row.addWidget(self.cancel_commit)

        layout = QVBoxLayout(self)
        layout.addLayout(counts)
        layout.addWidget(self.unknown)
        layout.addWidget(self.skipped)
        layout.addWidget(self.encodings)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(errors_row)
        layout.addWidget(self.errors_saved)
        layout.addWidget(self.note_frame)
        layout.addWidget(self.commit_status)
        layout.addLayout(commit_row)
        layout.addWidget(self.message)
        self.gate: CommitGate | None = None
        self._save_handle: TaskHandle | None = None

    # --- showing the plan ---
    def key_title(self, kind: str) -> str:
        return {"cases": self.tr("Mã hồ sơ"), "plan": self.tr("Năm: đối tượng"),
                "opinions": self.tr("Hồ sơ → nơi nhận"), "staff": self.tr("Họ và tên")}.get(kind, "")

    def _show_encodings(self, plan) -> None:
        """A box per text column found typed in TCVN3 or VNI: ticked, it is converted (the
        preview shows the Unicode); unticked, it is imported as typed."""
        fields = {f.name: f for f in importspec.KINDS[plan.kind]}
        lang = self.w.ctx.lang
        for name in list(self.encoding_boxes):
            if name not in plan.converted:
                self.encoding_boxes.pop(name).deleteLater()
        for name, found in plan.converted.items():
            box = self.encoding_boxes.get(name)
            if box is None:
                box = self.encoding_boxes[name] = QCheckBox()
                box.setObjectName(f"convert_{name}")
                box.setChecked(name not in plan.keep_encoding)
                box.toggled.connect(self.reanalyse)
                self.encodings_layout.addWidget(box)
            field = fields.get(name)
            column = (field.vi if lang == "vi" else field.en) if field else name
            before, after = found.samples[0] if found.samples else ("", "")
            box.setToolTip(f"{before} → {after}")
            before, after = value_text(before, lang, 32), value_text(after, lang, 32)
            box.setText(self.tr("Chuyển cột “%1” từ bảng mã %2 sang Unicode (%3 ô; ví dụ “%4” → "
                                "“%5”)").replace("%1", column)
                        .replace("%2", {"tcvn3": "TCVN3", "vni": "VNI"}[found.encoding])
                        .replace("%3", fmt_int(found.cells, lang)).replace("%4", before)
                        .replace("%5", after))
        self.encodings.setVisible(bool(plan.converted))

    def value_columns(self, plan) -> list[Col]:
        """One column per mapped field (the key excepted: it has its own)."""
        lang = self.w.ctx.lang
        key = _KEY_FIELD.get(plan.kind)
        columns = []
        for f in importspec.KINDS[plan.kind]:
            if f.name not in plan.columns or f.name == key:
                continue
            columns.append(Col(
                f.vi if lang == "vi" else f.en,
                lambda r, n=f.name: shown.field_text(n, r.values.get(n), lang, 60),
                sort=lambda r, n=f.name: r.values.get(n),
                right=f.read in (importspec.to_money, importspec.to_int),
                tooltip=lambda r, n=f.name: shown.field_text(n, r.values.get(n), lang) or None))
        return columns

    def change_texts(self, outcome) -> list[str]:
        fields = {f.name: f for f in importspec.KINDS[self.w.kind]}
        lang = self.w.ctx.lang
        out = []
        for change in outcome.changes:
            field = fields.get(change.field)
            name = (field.vi if lang == "vi" else field.en) if field else change.field
            old = value_text(change.old, lang) or self.tr("(trống)")
            new = value_text(change.new, lang) or self.tr("(trống)")
            out.append(f"{name}: {old} → {new}")
        return out

    def initializePage(self) -> None:  # noqa: N802
        plan = self.w.plan
        lang = self.w.ctx.lang
        counts = plan.counts()
        texts = {"insert": self.tr("Thêm mới: %1"), "update": self.tr("Cập nhật: %1"),
                 "unchanged": self.tr("Không đổi: %1"), "reject": self.tr("Bị loại: %1")}
        for key, label in self.counts.items():
            label.setText(texts[key].replace("%1", fmt_int(counts[key], lang)))
        reject = self.counts["reject"]
        reject.setStyleSheet(reject.styleSheet().split("}")[0] + (" color: #b00020; font-weight: bold; }"
                                                                 if counts["reject"] else "}"))
        if plan.unknown:
            self.unknown.setText(self.tr("Cột không dùng đến (bỏ qua): %1").replace(
                "%1", ", ".join(f"“{name}”" for name in plan.unknown)))
        else:
            self.unknown.setText("")
        self.unknown.setVisible(bool(plan.unknown))
        row_word = self.tr("dòng")
        lang = self.w.ctx.lang
        self.skipped.setText(self.tr("Bỏ qua %1 dòng không phải dữ liệu: %2").replace(
            "%1", str(len(plan.skipped))).replace("%2", "; ".join(
                f"{row_word} {k.row + 1} ({k.label(lang)})" for k in plan.skipped[:12])
            + ("; …" if len(plan.skipped) > 12 else "")) if plan.skipped else "")
        self.skipped.setVisible(bool(plan.skipped))
        self._show_encodings(plan)
        swappable = {p.params["field"] for p in plan.problems if p.key == "import.dates_swapped"}
        self.swap_fields = swappable | set(plan.dates_swapped)
        self.swap.setVisible(bool(self.swap_fields))
        key_title = self.key_title(plan.kind)
        # every value the file gives, as it will be stored (dd/mm/yyyy, 1.234.567, levels)
        values = self.value_columns(plan)
        self.insert_model.columns[1:] = [Col(key_title, lambda r: r.key), *values]
        self.update_model.columns[1:] = [Col(key_title, lambda r: r.key),
                                         self.update_model.columns[2], *values]
        self.insert_model.set_rows([r for r in plan.rows if r.action == "insert"])
        self.update_model.set_rows([r for r in plan.rows if r.action == "update"])
        self.problem_model.set_rows(plan.problems)
        titles = (self.tr("Lỗi (%1)"), self.tr("Cập nhật (%1)"), self.tr("Thêm mới (%1)"))
        models = (self.problem_model, self.update_model, self.insert_model)
        for i, (title, model) in enumerate(zip(titles, models)):
            self.tabs.setTabText(i, title.replace("%1", fmt_int(model.rowCount(), lang)))
        self.tabs.setCurrentIndex(0 if plan.problems else (1 if counts["update"] else 2))
        for table, caps in ((self.problem_table, {0: 160, 1: 80}), (self.update_table, {1: 220}),
                            (self.insert_table, {1: 220})):
            fit_columns(table, 360, caps)
        self.save_errors_button.setEnabled(bool(plan.problems))
        self.errors_saved.clear()
        self.errors_saved.hide()
        self.skip.setEnabled(counts["reject"] > 0)
        self.skip.setChecked(False)
        self.commit_status.hide()
        self.cancel_commit.hide()
        self._update_note()

    def _update_note(self) -> None:
        counts = self.w.plan.counts() if self.w.plan is not None else {}
        rejected = counts.get("reject", 0)
        writes = counts.get("insert", 0) + counts.get("update", 0)
        lang = self.w.ctx.lang
        if rejected and not self.skip.isChecked():
            self.note.setText(self.tr("Có %1 dòng lỗi. Sửa tệp rồi nhập lại, hoặc đánh dấu “Bỏ qua "
                                      "dòng lỗi” để chỉ nhập các dòng hợp lệ.")
                              .replace("%1", fmt_int(rejected, lang)))
            set_warning(self.note_frame, True)
        elif writes == 0:
            self.note.setText(self.tr("Không có gì để thêm hay cập nhật: kho dữ liệu đã có đủ các dòng "
                                      "của tệp."))
            set_warning(self.note_frame, False)
        else:
            text = self.tr("Sẽ thêm %1 và cập nhật %2 dòng trong một lần ghi; nếu có lỗi, không "
                           "dòng nào được ghi.").replace("%1", fmt_int(counts["insert"], lang)) \
                .replace("%2", fmt_int(counts["update"], lang))
            if rejected:
                text += " " + self.tr("%1 dòng lỗi sẽ bị bỏ qua.").replace("%1", fmt_int(rejected, lang))
            self.note.setText(text)
            set_warning(self.note_frame, False)
        self.completeChanged.emit()

    def ready(self) -> bool:
        plan = self.w.plan
        return plan is not None and (plan.counts()["reject"] == 0 or self.skip.isChecked())

    # --- the error workbook ---
    def choose_error_file(self) -> None:
        plan = self.w.plan
        default = plan.path.with_name(plan.path.stem + "-loi.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu bảng lỗi"), str(default),
                                              self.tr("Tệp Excel (*.xlsx)"),
                                              options=QFileDialog.Option.DontUseNativeDialog)
        if path:
            self.save_errors(Path(path))

    def save_errors(self, dest: Path) -> TaskHandle | None:
        """Write the file again with each bad cell marked red and commented (on the worker)."""
        dest = Path(dest)
        if dest.suffix.lower() != ".xlsx":
            dest = dest.with_name(dest.name + ".xlsx")
        plan, lang = self.w.plan, self.w.ctx.lang
        self.save_errors_button.setEnabled(False)
        self.errors_saved.setStyleSheet("")
        self.errors_saved.setText(self.tr("Đang ghi bảng lỗi…"))
        self.errors_saved.show()

        def saved(_result) -> None:
            if self.w.closed:
                return
            self.save_errors_button.setEnabled(True)
            self.errors_saved.setText(self.tr("Đã lưu bảng lỗi vào %1").replace("%1", str(dest)))

        def failed(exc: BaseException) -> None:
            if self.w.closed:
                return
            self.save_errors_button.setEnabled(True)
            self.errors_saved.setStyleSheet("color: #b00020;")
            self.errors_saved.setText(errors.describe(exc, lang))

        self._save_handle = self.w.ctx.runner.run(
            lambda control: importer.write_errors(plan, dest, lang), saved, failed)
        return self._save_handle

    # --- commit ---
    def validatePage(self) -> bool:  # noqa: N802
        if self.passed():
            return True
        if self.running or not self.ready():
            return False
        plan, skip = self.w.plan, self.skip.isChecked()
        gate = self.gate = CommitGate()

        def commit(vs, control):
            if not gate.start():
                raise Cancelled()
            control.progress(0, 0, "started")
            return importer.commit(vs, plan, skip_rejected=skip)

        return self.start(commit, lambda counts: self.w.set_result(counts, plan.kind),
                          progress=self._started)

    def _busy(self, on: bool) -> None:
        self.cancel_commit.setVisible(on)
        self.cancel_commit.setEnabled(on)
        self.commit_status.setVisible(on)
        if on:
            self.commit_status.setText(self.tr("Đang chờ ghi vào kho dữ liệu…"))
        for widget in (self.skip, self.save_errors_button, self.tabs):
            widget.setEnabled(not on)
        if not on and self.w.plan is not None:
            self.skip.setEnabled(self.w.plan.counts()["reject"] > 0)
            self.save_errors_button.setEnabled(bool(self.w.plan.problems))
        self.w.button(QWizard.WizardButton.CancelButton).setEnabled(not on)
        super()._busy(on)

    def _started(self, *_args) -> None:
        self.cancel_commit.setEnabled(False)
        self.commit_status.setText(self.tr("Đang ghi vào kho dữ liệu (một lần ghi, không dừng giữa "
                                           "chừng được)…"))

    @property
    def committing(self) -> bool:
        return self.running and self.gate is not None and not self.gate.cancelled

    def cancel(self) -> bool:
        """Cancel the import if it has not started writing; True when cancelled."""
        if not self.running or self.gate is None:
            return False
        if self.gate.cancel():
            self.handle.cancel()
            self.cancel_commit.setEnabled(False)
            return True
        self._started()
        return False

    def stopped_text(self) -> str:
        return self.tr("Đã hủy nhập; kho dữ liệu không thay đổi.")


_KEY_FIELD = {"cases": "code", "staff": "full_name"}   # shown in the key column already


class _DonePage(QWizardPage):
    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.w = wizard
        self.setObjectName("importDonePage")
        self.setTitle(self.tr("Đã nhập xong"))
        self.setFinalPage(True)
        self.frame, self.result = notice_frame("importResult")
        layout = QVBoxLayout(self)
        layout.addWidget(self.frame)
        layout.addStretch()

    def initializePage(self) -> None:  # noqa: N802
        counts, plan, lang = self.w.result, self.w.plan, self.w.ctx.lang
        self.result.setText(
            self.tr("Đã nhập tệp %1 vào kho dữ liệu: thêm mới %2, cập nhật %3, không đổi %4, bỏ qua "
                    "%5 dòng lỗi.").replace("%1", plan.path.name)
            .replace("%2", fmt_int(counts["insert"], lang)).replace("%3", fmt_int(counts["update"], lang))
            .replace("%4", fmt_int(counts["unchanged"], lang)).replace("%5", fmt_int(counts["reject"], lang))
            + "\n" + self.tr("Lần nhập đã được ghi vào nhật ký."))


# --- the wizard --------------------------------------------------------------------------

class ImportWizard(QWizard):
    imported = Signal(dict)   # the counts, after a successful commit

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.closed = False
        self.path: Path | None = None
        self.workbook: Workbook | None = None
        self.guessed_kind: str | None = None
        self.located: tuple | None = None        # (kind, sheet, HeaderMatch, header cells)
        self.plan: importer.ImportPlan | None = None
        self.result: dict[str, int] | None = None
        self.file_serial = 0                     # which file read the mapping page was built for
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Nhập dữ liệu từ Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Tiếp >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Quay lại"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Hủy"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Xong"))
        self.file_page = _FilePage(self)
        self.kind_page = _KindPage(self)
        self.mapping_page = _MappingPage(self)
        self.preview_page = _PreviewPage(self)
        self.done_page = _DonePage(self)
        for page_id, page in ((PAGE_FILE, self.file_page), (PAGE_KIND, self.kind_page),
                              (PAGE_MAPPING, self.mapping_page), (PAGE_PREVIEW, self.preview_page),
                              (PAGE_DONE, self.done_page)):
            self.setPage(page_id, page)
        self.setStartId(PAGE_FILE)
        self.setMinimumSize(820, 600)
        self.resize(940, 680)
        ctx.locked.connect(self.force_close)

    @property
    def kind(self) -> str:
        return self.located[0] if self.located else self.kind_page.kind

    def task_pages(self) -> list[_TaskPage]:
        return [self.file_page, self.kind_page, self.mapping_page, self.preview_page]

    # --- results of the pages' tasks ---
    def set_workbook(self, path: Path, workbook: Workbook, guess: str | None) -> None:
        self.path, self.workbook, self.guessed_kind = path, workbook, guess
        self.file_serial += 1
        self.located = None
        self.plan = None

    def set_located(self, located: tuple) -> None:
        self.located = located
        self.plan = None

    def set_plan(self, plan: importer.ImportPlan) -> None:
        self.plan = plan

    def set_result(self, counts: dict[str, int], kind: str) -> None:
        self.result = counts
        self.ctx.data_changed.emit("cases")
        if kind != "cases":
            self.ctx.data_changed.emit(kind)
        if not self.closed:
            self.imported.emit(counts)

    # --- closing ---
    def reject(self) -> None:
        """Cancel: whatever runs is cancelled — except a commit already writing."""
        if self.preview_page.running and not self.preview_page.cancel():
            return  # writing: one transaction, it finishes (the page says so)
        for page in self.task_pages():
            page.cancel_task()
        self.closed = True
        super().reject()

    def done(self, result: int) -> None:
        self.closed = True
        super().done(result)

    def force_close(self) -> None:
        """The vault locked: nothing of it stays on screen."""
        for page in self.task_pages():
            if page is not self.preview_page or not self.preview_page.committing:
                page.cancel_task()
        self.closed = True
        self.plan = None
        self.workbook = None
        QWizard.reject(self)


__all__ = ["ImportWizard", "MappingModel", "ColumnDelegate", "CommitGate", "value_text",
           "IMPORT_FOLDER"]

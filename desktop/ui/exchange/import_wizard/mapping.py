"""Which column of the file is which field: the mapping table (a model and its combo-box
delegate) and its page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
)

from desktop.exchange.excel import importspec, shown
from desktop.exchange.excel.reader import Sheet
from desktop.services import importer
from desktop.ui.exchange.import_wizard.common import NO_COLUMN, _TaskPage
from desktop.ui.tables import RED, fmt_int

if TYPE_CHECKING:   # the wizard imports the pages
    from desktop.ui.exchange.import_wizard.wizard import ImportWizard


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
        return field.label(self.lang)

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
            return shown.value_text(cell[2], self.lang) if cell else ""
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



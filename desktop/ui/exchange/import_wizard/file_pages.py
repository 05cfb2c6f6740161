"""The first two pages: the file (chosen or dropped) and what it holds."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from desktop.exchange.excel.header import header_cells
from desktop.exchange.excel.reader import is_readable_name
from desktop.services import importer
from desktop.ui.exchange.import_wizard.common import (
    IMPORT_FOLDER,
    KIND_ORDER,
    MAX_COLUMNS,
    SAMPLE_ROWS,
    _TaskPage,
)

if TYPE_CHECKING:   # the wizard imports the pages
    from desktop.ui.exchange.import_wizard.wizard import ImportWizard


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
            if url.isLocalFile() and is_readable_name(url.toLocalFile()):
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
        if not is_readable_name(path.name):
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



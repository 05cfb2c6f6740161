"""Exporting to Excel: the case register, the overdue list, the annual plan, the period
report (table 01/TTr) or the follow-up of conclusions' recommendations. The export runs on the database worker; the case register shows its
progress and can be stopped (no file is left behind). Classified content needs a reason —
the service says so, the dialog shows it next to the field and stays open — and the file
name gets the level in front (MAT_…), so the dialog ends by naming the file written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QFileDialog, QGridLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from desktop.domain.errors import Cancelled
from desktop.services import cases, exporter, report_units
from desktop.ui import errors
from desktop.ui.settings import Option
from desktop.ui.tasks import TaskHandle
from desktop.ui.forms import date_edit, from_qdate, notice_frame, to_qdate
from desktop.ui.tables import fmt_int
from desktop.ui.widgets import error_label

EXPORT_FOLDER = Option("export/last_folder", str, "")
KINDS = ("cases", "overdue", "plan", "report", "followup", "summary")


def default_folder(settings) -> Path:
    saved = settings.get(EXPORT_FOLDER)
    if saved:
        return Path(saved)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


class ExportDialog(QDialog):
    def __init__(self, ctx, parent=None, kind: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.handle: TaskHandle | None = None
        self.result = None            # ExportResult of the last export
        self.closed = False
        self._auto_path = ""
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Xuất ra Excel"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setMinimumWidth(700)

        # --- what ---
        what = QGroupBox(self.tr("Nội dung xuất"))
        grid = QGridLayout(what)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(10)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        titles = {"cases": self.tr("Sổ theo dõi cuộc thanh tra"),
                  "overdue": self.tr("Việc quá hạn và sắp đến hạn"),
                  "plan": self.tr("Kế hoạch thanh tra năm"),
                  "report": self.tr("Báo cáo kỳ (biểu 01/TTr)"),
                  "followup": self.tr("Theo dõi thực hiện kết luận (kiến nghị)"),
                  "summary": self.tr("Tổng hợp kết quả theo nhóm")}
        for kind_key in KINDS:
            button = QRadioButton(titles[kind_key])
            button.setObjectName("exportKind" + kind_key.capitalize())
            self.group.addButton(button)
            self.buttons[kind_key] = button

        self.search = QLineEdit()
        self.search.setObjectName("exportSearch")
        self.search.setPlaceholderText(self.tr("để trống: mọi hồ sơ bạn được xem"))
        self.within = QSpinBox()
        self.within.setObjectName("exportWithin")
        self.within.setRange(-1, 365)
        self.within.setValue(-1)
        self.within.setSpecialValueText(self.tr("theo cài đặt của kho dữ liệu"))
        self.within.setSuffix(self.tr(" ngày làm việc"))
        self.year = QSpinBox()
        self.year.setObjectName("exportYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        today = date.today()
        self.start = date_edit(date(today.year, 1, 1), "exportFrom")
        self.end = date_edit(today, "exportTo")
        self.unit = QComboBox()
        self.unit.setObjectName("exportUnit")
        self.unit.setEditable(True)
        self.unit.addItem(self.tr("Tất cả đơn vị"), "")
        self.unit.setMinimumContentsLength(18)

        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("đến ngày")))
        period.addWidget(self.end)
        period.addStretch()
        self.options: dict[str, list[QWidget]] = {}
        rows = (("cases", self.tr("Chỉ hồ sơ khớp với:"), self.search),
                ("overdue", self.tr("Sắp đến hạn trong:"), self.within),
                ("plan", self.tr("Năm:"), self.year),
                ("report", self.tr("Từ ngày:"), period))
        for row, (kind_key, label_text, widget) in enumerate(rows):
            label = QLabel(label_text)
            grid.addWidget(self.buttons[kind_key], row, 0)
            grid.addWidget(label, row, 1, Qt.AlignmentFlag.AlignRight)
            if isinstance(widget, QWidget):
                holder = QHBoxLayout()
                holder.addWidget(widget)
                if widget in (self.within, self.year):
                    holder.addStretch()
                grid.addLayout(holder, row, 2)
                self.options[kind_key] = [label, widget]
            else:
                grid.addLayout(widget, row, 2)
                self.options[kind_key] = [label, self.start, self.end]
        unit_label = QLabel(self.tr("Đơn vị chủ trì:"))
        grid.addWidget(unit_label, len(rows), 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.unit, len(rows), 2)
        self.options["report"] += [unit_label, self.unit]
        # the follow-up report lists the recommendations open during the same period
        same_period = QLabel(self.tr("trong cùng khoảng ngày ở trên"))
        grid.addWidget(self.buttons["followup"], len(rows) + 1, 0)
        grid.addWidget(same_period, len(rows) + 1, 1, 1, 2)
        self.options["followup"] = [same_period, self.start, self.end, self.options["report"][0]]
        # summaries: table 01/TTr's figures by a field, then by a second, in the same period
        fields = {"unit": self.tr("đơn vị chủ trì"), "stage": self.tr("giai đoạn"),
                  "year": self.tr("năm"), "leader": self.tr("lãnh đạo phụ trách"),
                  "level": self.tr("độ mật"), "party": self.tr("đối tượng thanh tra")}
        self.by = QComboBox()
        self.by.setObjectName("exportBy")
        self.then = QComboBox()
        self.then.setObjectName("exportThen")
        self.then.addItem(self.tr("(không chia tiếp)"), None)
        for key, text in fields.items():
            self.by.addItem(text, key)
            self.then.addItem(text, key)
        by_row = QHBoxLayout()
        by_row.addWidget(self.by)
        then_label = QLabel(self.tr("rồi theo"))
        by_row.addWidget(then_label)
        by_row.addWidget(self.then)
        by_row.addStretch()
        by_label = QLabel(self.tr("Theo:"))
        summary_row = len(rows) + 2
        grid.addWidget(self.buttons["summary"], summary_row, 0)
        grid.addWidget(by_label, summary_row, 1, Qt.AlignmentFlag.AlignRight)
        grid.addLayout(by_row, summary_row, 2)
        self.options["summary"] = [by_label, self.by, then_label, self.then, self.start,
                                   self.end, self.options["report"][0]]
        self.by.currentIndexChanged.connect(lambda _i: self._fill_name())

        # --- where and why ---
        where = QGroupBox(self.tr("Tệp xuất"))
        form = QGridLayout(where)
        form.setColumnStretch(1, 1)
        self.path = QLineEdit()
        self.path.setObjectName("exportPath")
        browse = QPushButton(self.tr("Chọn…"))
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self.browse)
        # Excel or OpenDocument (LibreOffice's format, a national standard for state documents)
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        self.format.addItem(self.tr("Excel (.xlsx)"), ".xlsx")
        self.format.addItem(self.tr("OpenDocument (.ods)"), ".ods")
        self.format.currentIndexChanged.connect(self._format_changed)
        self.reason = QLineEdit()
        self.reason.setObjectName("exportReason")
        self.reason.setPlaceholderText(self.tr("bắt buộc khi dữ liệu có nội dung mật"))
        self.reason.textChanged.connect(lambda _t: self._reason_error(""))
        self.reason_error = error_label("exportReasonError", plain_text=False)
        reason_note = QLabel(self.tr("Lý do được ghi vào nhật ký cùng người xuất và nội dung xuất."))
        reason_note.setStyleSheet("color: #5a6570;")
        reason_note.setWordWrap(True)
        form.addWidget(QLabel(self.tr("Lưu vào:")), 0, 0)
        form.addWidget(self.path, 0, 1)
        form.addWidget(browse, 0, 2)
        form.addWidget(self.format, 0, 3)
        form.addWidget(QLabel(self.tr("Lý do xuất:")), 1, 0)
        form.addWidget(self.reason, 1, 1, 1, 3)
        form.addWidget(self.reason_error, 2, 1, 1, 3)
        form.addWidget(reason_note, 3, 1, 1, 3)

        # --- progress, result, buttons ---
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        self.result_frame, self.result_label = notice_frame("exportResult")
        self.result_frame.hide()
        self.open_folder = QPushButton(self.tr("Mở thư mục"))
        self.open_folder.setObjectName("exportOpenFolder")
        self.open_folder.clicked.connect(self._open_folder)
        self.open_folder.hide()
        self.export_button = QPushButton(self.tr("Xuất"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.submit)
        self.close_button = QPushButton(self.tr("Đóng"))
        self.close_button.setObjectName("exportClose")
        self.close_button.clicked.connect(self._close_or_stop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder)
        buttons.addStretch()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(where)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.result_frame)
        layout.addStretch()
        layout.addLayout(buttons)

        self.buttons[kind if kind in KINDS else "cases"].setChecked(True)
        self.group.buttonToggled.connect(self._kind_changed)
        self.year.valueChanged.connect(lambda _v: self._fill_name())
        self.start.dateChanged.connect(lambda _d: self._fill_name())
        self.end.dateChanged.connect(lambda _d: self._fill_name())
        self._kind_changed()
        ctx.locked.connect(self._locked)
        ctx.db(lambda vs, control: report_units.chairing_units(vs), done=self._units,
               error=lambda exc: None)

    # --- the choices ---
    @property
    def kind(self) -> str:
        return next(k for k, b in self.buttons.items() if b.isChecked())

    def set_kind(self, kind: str) -> None:
        self.buttons[kind].setChecked(True)

    def set_period(self, start: date, end: date) -> None:
        self.start.setDate(to_qdate(start))
        self.end.setDate(to_qdate(end))

    def _kind_changed(self, *_args) -> None:
        wanted = self.options.get(self.kind, [])
        for widgets in self.options.values():
            for widget in widgets:
                widget.setEnabled(widget in wanted)
        self._fill_name()

    @property
    def suffix(self) -> str:
        """.xlsx or .ods, as chosen."""
        return self.format.currentData() or ".xlsx"

    def file_name(self) -> str:
        return self._stem() + self.suffix

    def _stem(self) -> str:
        kind = self.kind
        if kind == "overdue":
            return "viec-qua-han"
        if kind == "plan":
            return f"ke-hoach-thanh-tra-{self.year.value()}"
        if kind == "report":
            start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
            return f"bao-cao-01-TTr-{start:%Y%m%d}-{end:%Y%m%d}"
        if kind == "followup":
            start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
            return f"theo-doi-kien-nghi-{start:%Y%m%d}-{end:%Y%m%d}"
        if kind == "summary":
            return f"tong-hop-theo-{self.by.currentData()}"
        return "so-theo-doi-cuoc-thanh-tra"

    def _format_changed(self, *_args) -> None:
        """The file's extension follows the chosen format (a typed name keeps its stem)."""
        text = self.path.text().strip()
        if text and Path(text).suffix.lower() in (".xlsx", ".ods"):
            changed = str(Path(text).with_suffix(self.suffix))
            if text == self._auto_path:
                self._auto_path = changed
            self.path.setText(changed)
        else:
            self._fill_name()

    def _fill_name(self) -> None:
        """A default name for the kind; a name the user typed is kept (only its folder used)."""
        current = self.path.text().strip()
        if current and current != self._auto_path:
            return
        folder = Path(current).parent if current else default_folder(self.ctx.settings)
        self._auto_path = str(folder / self.file_name())
        self.path.setText(self._auto_path)

    def _units(self, names: list[str]) -> None:
        if self.closed:
            return
        text = self.unit.currentText()
        for name in names:
            self.unit.addItem(name, name)
        self.unit.setCurrentText(text)

    def browse(self) -> None:
        current = self.path.text().strip() or str(default_folder(self.ctx.settings) / self.file_name())
        excel, ods = self.tr("Tệp Excel (*.xlsx)"), self.tr("Bảng tính OpenDocument (*.ods)")
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Lưu tệp xuất"), current, f"{excel};;{ods}",
            ods if self.suffix == ".ods" else excel,
            options=QFileDialog.Option.DontUseNativeDialog)
        if path:
            suffix = Path(path).suffix.lower()
            if suffix not in (".xlsx", ".ods"):
                suffix = ".ods" if chosen == ods else ".xlsx"
                path += suffix
            self.format.setCurrentIndex(self.format.findData(suffix))
            self.path.setText(path)

    def _unit_name(self) -> str:
        text = self.unit.currentText().strip()
        return "" if text == self.unit.itemText(0) else text

    # --- running ---
    @property
    def running(self) -> bool:
        return self.handle is not None and not self.handle.done

    def _reason_error(self, text: str) -> None:
        self.reason_error.setText(text)
        self.reason_error.setVisible(bool(text))
        self.reason.setStyleSheet("QLineEdit { border: 2px solid #c00000; }" if text else "")

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)
        self.status.setVisible(bool(text))
        if text:
            self._grow()

    def submit(self) -> TaskHandle | None:
        if self.running:
            return None
        self._reason_error("")
        self._say("")
        self.result_frame.hide()
        self.open_folder.hide()
        text = self.path.text().strip()
        if not text:
            self._say(self.tr("Chọn nơi lưu tệp."), error=True)
            return None
        path = Path(text).expanduser()
        if path.suffix.lower() not in (".xlsx", ".ods"):
            path = path.with_name(path.name + self.suffix)
        kind, reason, lang = self.kind, self.reason.text().strip(), self.ctx.lang
        search, year = self.search.text().strip(), self.year.value()
        within = self.within.value() if self.within.value() >= 0 else None
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        unit = self._unit_name() or None
        by, then = self.by.currentData(), self.then.currentData()
        if kind == "summary" and then == by:
            self._say(self.tr("Hãy chọn hai trường khác nhau để tổng hợp."), error=True)
            return None
        if kind in ("report", "followup", "summary") and start > end:
            self._say(self.tr("Ngày bắt đầu kỳ báo cáo phải trước ngày kết thúc."), error=True)
            return None

        def work(vs, control):
            control.check()  # stopped before it started: nothing happens
            if kind == "cases":
                total = cases.count_cases(vs, cases.CaseFilter(search=search))
                control.progress(0, total, "")
                return exporter.export_cases(
                    vs, path, reason, lang, search,
                    progress=lambda done, _total=0: control.progress(done, total, ""))
            if kind == "overdue":
                return exporter.export_overdue(vs, path, reason, lang, within=within)
            if kind == "plan":
                return exporter.export_plan(vs, path, year, reason, lang)
            if kind == "followup":
                return exporter.export_follow_up(vs, path, start, end, reason, lang)
            if kind == "summary":
                return exporter.export_summary(vs, path, by, then, start, end, reason, lang)
            return exporter.export_report(vs, path, start, end, unit, reason, lang)

        handle = self.ctx.db(work, self._done, self._failed, self._progress, self._cancelled)
        if handle is None:
            self.reject()
            return None
        self.handle = handle
        self._busy(True)
        return handle

    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        if on:
            self.progress.setRange(0, 0)
            self._say(self.tr("Đang xuất…"))
        self.export_button.setEnabled(not on)
        self.close_button.setText(self.tr("Dừng") if on else self.tr("Đóng"))
        for widget in self.findChildren(QGroupBox):
            widget.setEnabled(not on)

    def _progress(self, done: int, total: int, _text: str) -> None:
        if self.closed:
            return
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        self._say(self.tr("Đã ghi %1 dòng…").replace("%1", fmt_int(done, self.ctx.lang)))

    def _done(self, result) -> None:
        if self.closed:
            return
        self._busy(False)
        self._say("")
        self.result = result
        self.ctx.settings.set(EXPORT_FOLDER, str(Path(result.path).parent))
        text = self.tr("Đã xuất %1 dòng vào tệp:").replace("%1", fmt_int(result.rows, self.ctx.lang))
        text += "\n" + str(result.path)
        if int(result.level) > 0:
            text += "\n" + self.tr("Dữ liệu có nội dung %1: tên tệp mang dấu độ mật; lần xuất và lý do "
                                   "đã được ghi vào nhật ký. Bảo quản tệp theo quy định bảo vệ bí mật "
                                   "nhà nước.").replace("%1", result.level.label(self.ctx.lang))
        self.result_label.setText(text)
        self.result_frame.show()
        self.open_folder.show()
        self._grow()

    def _grow(self) -> None:
        """Room for what was just shown, without shrinking what the user sized."""
        self.layout().activate()
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    def _failed(self, exc: BaseException) -> None:
        if self.closed:
            return
        self._busy(False)
        if isinstance(exc, Cancelled):
            self._cancelled()
            return
        message = errors.describe(exc, self.ctx.lang)
        if getattr(exc, "key", "") == "export.reason_required":
            self._say("")
            self._reason_error(message)
            self.reason.setFocus()
            self._grow()
            return
        self._say(message, error=True)

    def _cancelled(self) -> None:
        if self.closed:
            return
        self._busy(False)
        self._say(self.tr("Đã dừng xuất; không có tệp nào được tạo."))

    def _close_or_stop(self) -> None:
        if self.running:
            self.handle.cancel()
            self._say(self.tr("Đang dừng…"))
        else:
            self.reject()

    def _open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.result.path).parent)))

    # --- closing ---
    def done(self, code: int) -> None:
        if self.running:
            self.handle.cancel()
        self.closed = True
        super().done(code)

    def _locked(self) -> None:
        self.reject()


__all__ = ["ExportDialog", "EXPORT_FOLDER"]

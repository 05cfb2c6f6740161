"""What the import would do (inserts, updates with their changes, rejected rows and why),
the import itself in one transaction, and the result."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.domain.errors import Cancelled
from desktop.exchange.excel import importspec, shown
from desktop.services import importer
from desktop.ui import errors
from desktop.ui.forms import notice_frame, set_warning
from desktop.ui.exchange.import_wizard.common import CommitGate, _TaskPage
from desktop.ui.tables import RED, Col, RowsModel, fit_columns, fmt_int, make_table
from desktop.ui.tasks import TaskHandle

if TYPE_CHECKING:   # the wizard imports the pages
    from desktop.ui.exchange.import_wizard.wizard import ImportWizard


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
            column = field.label(lang) if field else name
            before, after = found.samples[0] if found.samples else ("", "")
            box.setToolTip(f"{before} → {after}")
            before, after = shown.value_text(before, lang, 32), shown.value_text(after, lang, 32)
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
                f.label(lang),
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
            name = field.label(lang) if field else change.field
            old = shown.value_text(change.old, lang) or self.tr("(trống)")
            new = shown.value_text(change.new, lang) or self.tr("(trống)")
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



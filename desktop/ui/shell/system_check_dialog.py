"""Help → Kiểm tra máy tính: the same checks as `hoso doctor`, as a table with each fix
beside what it fixes. The display plugin's probe runs in a process of its own, started
from a thread of this dialog (the database's worker stays free)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from desktop import __version__
from desktop.domain.messages import render
from desktop.services import system_check
from desktop.ui import platform_probe
from desktop.ui.tasks import TaskRunner

_COLOURS = {system_check.OK: "#1b6e20", system_check.WARN: "#8a4b00",
            system_check.FAIL: "#b00020"}


class SystemCheckDialog(QDialog):
    def __init__(self, lang: str, vault: Path | None, parent=None) -> None:
        super().__init__(parent)
        self.lang, self.vault = lang, vault
        self.setObjectName("systemCheckDialog")
        self.setWindowTitle(self.tr("Kiểm tra máy tính"))
        self.resize(980, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Đang kiểm tra…"))
        self.summary.setObjectName("systemCheckSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("systemCheckTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kết quả"), self.tr("Mục kiểm tra"), self.tr("Tình trạng"),
             self.tr("Cách sửa")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Chép kết quả"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.findings: list[system_check.Finding] = []
        self._runner = TaskRunner(1, self)
        self.task = self._runner.run(lambda _control: self._check(), done=self.show_findings)

    def _check(self) -> list[system_check.Finding]:   # worker thread
        return system_check.check_all(self.vault, platform_probe.report())

    def show_findings(self, findings: list[system_check.Finding]) -> None:
        self.findings = findings
        self.table.setRowCount(len(findings))
        for row, f in enumerate(findings):
            status = QTableWidgetItem(render(f"doctor.status.{f.status}", self.lang))
            status.setForeground(QColor(_COLOURS[f.status]))
            font = status.font()
            font.setBold(True)
            status.setFont(font)
            cells = [status, QTableWidgetItem(f.name(self.lang)),
                     QTableWidgetItem(f.found(self.lang)),
                     QTableWidgetItem(f.remedy(self.lang) if f.status != system_check.OK else "")]
            for column, item in enumerate(cells):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        problems = system_check.failures(findings)
        self.summary.setText(render("doctor.problems", self.lang, count=problems) if problems
                             else render("doctor.all_well", self.lang))
        self.copy_button.setEnabled(True)

    def as_text(self) -> str:
        """What `hoso doctor` prints, for a message to IT staff."""
        lines = [render("doctor.title", self.lang, version=__version__)]
        for f in self.findings:
            lines.append(f"[{render(f'doctor.status.{f.status}', self.lang)}] "
                         f"{f.name(self.lang)}: {f.found(self.lang)}")
            if f.status != system_check.OK and f.fix:
                lines.append("    " + render("doctor.fix", self.lang, fix=f.remedy(self.lang)))
        return "\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())

    def done(self, result: int) -> None:
        self._runner.wait(60000)   # the probe's process ends by itself (timeout 60 s)
        super().done(result)

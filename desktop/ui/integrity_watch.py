"""The check of every database page after unlock, on a thread of its own (not the
database worker: the window and its pages keep working while it reads), its findings
shown as a red banner over the pages. A lock while it runs discards its answer."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from desktop.services import integrity


class IntegrityWatch(QObject):
    found = Signal(int, list)    # generation, findings

    def __init__(self, banner: QLabel, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.banner = banner
        self.lang = lang
        self.generation = 0
        self.thread: threading.Thread | None = None
        self.found.connect(self._show)

    def start(self, session) -> None:
        db_key, db_file = integrity.database_of(session)
        self.generation += 1
        generation = self.generation

        def run() -> None:
            try:
                findings, _pages = integrity.database_findings(db_key, db_file)
            except Exception as exc:  # noqa: BLE001 — a check that cannot run is a finding
                findings = [integrity.Finding("database", "integrity.unreadable",
                                              {"path": str(db_file), "detail": type(exc).__name__})]
            self.found.emit(generation, findings)

        self.thread = threading.Thread(target=run, name="hoso-page-check", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """The vault locked: whatever the running check finds is not shown."""
        self.generation += 1
        self.banner.hide()

    def wait(self, timeout: float = 30.0) -> None:
        if self.thread is not None:
            self.thread.join(timeout)

    def _show(self, generation: int, findings: list) -> None:
        if generation != self.generation or not findings:
            return
        lines = [f.message(self.lang) for f in findings[:3]]
        more = len(findings) - len(lines)
        head = self.tr("Kho dữ liệu bị hỏng — kiểm tra sau khi mở khóa đã tìm thấy:")
        tail = self.tr("Chạy “Kiểm tra toàn bộ kho dữ liệu” trên trang Nhật ký để xem hết; "
                       "đừng sao lưu đè lên bản sao lưu tốt.")
        text = "\n".join([head, *("• " + line for line in lines)]
                         + ([self.tr("… và %1 lỗi khác.").replace("%1", str(more))] if more > 0 else [])
                         + [tail])
        self.banner.setText(text)
        self.banner.show()

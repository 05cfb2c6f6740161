"""The check of every database page after unlock, on a thread of its own (not the
database worker: the window and its pages keep working while it reads), its findings
shown as a red banner over the pages. It begins a moment after the unlock (DELAY_MS):
reading the whole file at once would compete with the first page's own queries, and
starting a thread while the worker holds Python's lock stalled the window's first
paint. A lock before it begins, or while it runs, discards its answer."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from desktop.services import integrity


def _lowest_priority() -> None:
    """This thread yields the processor to the window and the database worker: reading
    every page of a large vault takes seconds of CPU that the first searches need more.
    (Linux gives each thread its own nice value; elsewhere the thread runs as is.)"""
    import os
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        except OSError:
            pass


class IntegrityWatch(QObject):
    found = Signal(int, list)    # generation, findings
    DELAY_MS = 1500

    def __init__(self, banner: QLabel, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.banner = banner
        self.lang = lang
        self.generation = 0
        self.thread: threading.Thread | None = None
        self.found.connect(self._show)

    def start(self, session) -> None:
        """Check this session's database after DELAY_MS."""
        self.generation += 1
        generation = self.generation
        QTimer.singleShot(self.DELAY_MS, self, lambda: self._begin(session, generation))

    def _begin(self, session, generation: int) -> None:
        if generation != self.generation:
            return   # locked meanwhile
        db_key, db_file = integrity.database_of(session)

        def run() -> None:
            _lowest_priority()
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

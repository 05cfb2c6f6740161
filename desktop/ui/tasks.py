"""Background work: one small task layer (QThreadPool + QRunnable + a QObject channel).

Database work runs on a single dedicated worker thread (desktop/docs/architecture.md:
one worker thread at a time uses the database), so the UI thread never waits on SQL or on
Argon2. A task reports progress, can be cancelled, and delivers its result or error as
signals on the UI thread.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.domain.errors import Cancelled


class TaskControl:
    """Handed to the task function: report progress, ask whether to stop."""

    def __init__(self, channel: "Channel") -> None:
        self._channel = channel
        self.cancelled = False

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        if self.cancelled:
            raise Cancelled()
        self._channel.progress.emit(done, total, text)

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()


class Channel(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskControl], Any], channel: Channel, control: TaskControl) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.fn, self.channel, self.control = fn, channel, control

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(self.control)
        except Cancelled:
            self.channel.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 — delivered to the UI as an error
            exc.__hoso_trace__ = traceback.extract_tb(exc.__traceback__)
            self.channel.failed.emit(exc)
        else:
            self.channel.finished.emit(result)


class TaskHandle:
    def __init__(self, runner: "TaskRunner", channel: Channel, control: TaskControl) -> None:
        self.runner, self.channel, self.control = runner, channel, control
        self.done = False

    def cancel(self) -> None:
        self.control.cancelled = True


class TaskRunner(QObject):
    """Runs tasks on its pool; keeps channels alive until their task ends."""

    def __init__(self, threads: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self.pool.setExpiryTimeout(-1)  # keep the thread: its DB connection stays with it
        self._live: set[TaskHandle] = set()
        self.on_error: Callable[[BaseException], None] | None = None

    def run(self, fn: Callable[[TaskControl], Any], done: Callable[[Any], None] | None = None,
            error: Callable[[BaseException], None] | None = None,
            progress: Callable[[int, int, str], None] | None = None,
            cancelled: Callable[[], None] | None = None) -> TaskHandle:
        channel = Channel()
        control = TaskControl(channel)
        handle = TaskHandle(self, channel, control)
        self._live.add(handle)

        def finish(result: Any) -> None:
            self._end(handle)
            if done is not None:
                done(result)

        def fail(exc: BaseException) -> None:
            self._end(handle)
            handler = error or self.on_error
            if handler is not None:
                handler(exc)

        def stop() -> None:
            self._end(handle)
            if cancelled is not None:
                cancelled()

        channel.finished.connect(finish)
        channel.failed.connect(fail)
        channel.cancelled.connect(stop)
        if progress is not None:
            channel.progress.connect(progress)
        self.pool.start(_Runnable(fn, channel, control))
        return handle

    def _end(self, handle: TaskHandle) -> None:
        handle.done = True
        self._live.discard(handle)

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

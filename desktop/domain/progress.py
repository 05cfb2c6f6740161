"""One way for a long job to say how far it has come, and to be stopped.

A job that may take long (an upload, an export, an import, a check of every page) takes
`progress: Progress | None` and calls `progress(done)` — `progress(done, total)` when it
knows the total — at the points where it can stop cleanly; its docstring says what
`done` counts (bytes, rows, pages). The caller stops it by raising
`domain.errors.Cancelled` from that call: the job removes what it had begun (a temporary
file, a partial blob) and lets the cancellation through, with its own key saying what
was left behind. There is no separate "should I stop?" callback.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def __call__(self, done: int, total: int = 0, /) -> None: ...

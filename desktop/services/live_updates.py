"""Other workstations' writes, told to this one's pages: on a department server a watcher
thread hears the server's change notices (storage.server_notices) and hands the areas they
touch (domain.changes) to `tell` — the desktop program's pages then load what they show
again, as after a write of their own. A vault needs none (one program per window)."""

from __future__ import annotations

import threading
from typing import Callable

from desktop.domain.changes import EVERYTHING, Changes
from desktop.services.context import VaultSession
from desktop.storage.change_areas import area_of
from desktop.storage.server_notices import ChangeListener, ConnectionLost

RETRY_SECONDS = 2.0


class Watcher:
    def __init__(self, vs: VaultSession, tell: Callable[[Changes], None],
                 connection: Callable[[bool], None] | None = None) -> None:
        """`connection(False)` when the listening connection is lost, `connection(True)`
        when it is back (the program says so in one line and keeps working)."""
        self._listener = ChangeListener(vs.engine)
        self._tell, self._connection = tell, connection
        self._stop = threading.Event()
        self.ready = threading.Event()   # listening (a write from now on will be heard)
        self._thread = threading.Thread(target=self._run, name="hoso-changes", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        lost = False
        while not self._stop.is_set():
            try:
                self._listener.connect()
                self.ready.set()
                tables = self._listener.wait(timeout=0.5)
            except ConnectionLost:
                if not lost and self._connection is not None:
                    self._connection(False)
                lost = True
                self._stop.wait(RETRY_SECONDS)
                continue
            areas = {area for area in map(area_of, tables) if area is not None}
            if lost:
                lost = False
                if self._connection is not None:
                    self._connection(True)
                areas = set(EVERYTHING)   # what changed while it was down is not known
            if areas and not self._stop.is_set():
                self._tell(Changes(*areas))
        self._listener.close()

    def stop(self) -> None:
        self._stop.set()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)


def watch(vs: VaultSession, tell: Callable[[Changes], None],
          connection: Callable[[bool], None] | None = None) -> Watcher | None:
    """A watcher for a server session; None for a vault."""
    return Watcher(vs, tell, connection) if vs.server else None

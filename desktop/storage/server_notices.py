"""The department server's change notices (migration 0018: each committed write sends its
table's name on "hoso_changes"), heard on a connection of their own so that another
workstation's write reaches this one's open pages within moments. The notices of this
program's own connections are left out (its pages were told by the write itself)."""

from __future__ import annotations

import weakref
from typing import Any

from sqlalchemy import Engine

CHANNEL = "hoso_changes"

# backend process ids of each engine's own connections (filled as they are made)
_OWN: weakref.WeakKeyDictionary[Engine, set[int]] = weakref.WeakKeyDictionary()


def note_connection(engine: Engine, dbapi_conn: Any) -> None:
    """Called for each new connection of a server engine (storage.server._opening)."""
    _OWN.setdefault(engine, set()).add(int(dbapi_conn.info.backend_pid))


class ConnectionLost(Exception):
    """The listening connection broke (network, server restart): make a new one."""


class ChangeListener:
    """LISTEN on a connection taken out of `engine`'s pool for good (autocommit: a notice
    is delivered between transactions)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._conn: Any = None

    def connect(self) -> Any:
        """Listening from now on (made again after a loss)."""
        if self._conn is None:
            try:
                raw = self.engine.raw_connection()
                conn: Any = raw.driver_connection
                raw.detach()   # never back in the pool: it only listens
                conn.autocommit = True
                conn.execute(f"LISTEN {CHANNEL}")
            except Exception as exc:   # the driver's errors, whatever broke
                raise ConnectionLost(str(exc)) from exc
            self._conn = conn
        return self._conn

    def wait(self, timeout: float, gather: float = 0.2) -> set[str]:
        """The tables others changed: blocks until a notice (at most `timeout` seconds),
        then gathers what follows for `gather` seconds (one reload for a burst)."""
        conn = self.connect()
        own = _OWN.get(self.engine, set())
        tables: set[str] = set()
        try:
            for notice in conn.notifies(timeout=timeout, stop_after=1):
                if notice.pid not in own:
                    tables.add(notice.payload)
            if tables:
                for notice in conn.notifies(timeout=gather):
                    if notice.pid not in own:
                        tables.add(notice.payload)
        except Exception as exc:
            self.close()
            raise ConnectionLost(str(exc)) from exc
        return tables

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:   # already broken: nothing to release
                pass

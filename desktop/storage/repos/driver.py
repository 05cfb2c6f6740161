"""The driver's own cursor, in the session's transaction: for reads of 100 000 rows and bulk
inserts, where SQLAlchemy's per-row processing costs more than the database's own work.
Statements through it are the engine's own SQL (SQLite's "?" and ":name" parameters)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy.orm import Session

# a row as the driver returns it (its values are whatever the column holds)
Row = Sequence[Any]
Params = Sequence[Any] | Mapping[str, Any]


class Cursor(Protocol):
    """What the repositories use of a DB-API cursor."""

    def execute(self, sql: str, params: Params = ..., /) -> Cursor: ...

    def executemany(self, sql: str, rows: Iterable[Params], /) -> object: ...

    def fetchone(self) -> Row | None: ...

    def __iter__(self) -> Iterator[Row]: ...


def cursor(session: Session) -> Cursor:
    connection = session.connection().connection.driver_connection
    assert connection is not None, "a session's connection has its driver's"
    found: Cursor = connection.cursor()
    return found

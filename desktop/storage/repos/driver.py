"""The driver's own cursor, in the session's transaction: for reads of 100 000 rows and bulk
inserts, where SQLAlchemy's per-row processing costs more than the database's own work.
Statements through it are the engine's own SQL (SQLite's "?" and ":name" parameters)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
import re
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session
from desktop.storage.migrations.server_policies import POLICIES

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
    if session.get_bind().dialect.name == "postgresql":
        return ServerCursor(found)
    return found


def analyze_after_bulk(session: Session, rows: int, *tables: str) -> None:
    """After many rows at once, the server's planner learns of them now, not when autovacuum
    gets round to it: searches in the minute after an import were 2× slower without."""
    if rows >= BULK and session.get_bind().dialect.name == "postgresql":
        session.connection().exec_driver_sql(f"ANALYZE {', '.join(tables)}")


BULK = 1000


def new_ids(session: Session, table: str, count: int) -> list[int]:
    """`count` ids for new rows of `table` (whose ids are needed before the insert: sealed
    fields are bound to their row's id). The server's sequence hands them out, whatever
    other users insert meanwhile; the vault's writer is alone, after its highest id."""
    if count <= 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        return [int(v) for v in session.execute(
            text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) "
                 f"FROM generate_series(1, :n)"), {"n": count}).scalars()]
    highest = session.execute(text(f"SELECT max(id) FROM {table}")).scalar() or 0
    return list(range(highest + 1, highest + 1 + count))


# SQLite's spellings the repositories' hand-written statements use, in PostgreSQL's
_JSON_EACH = re.compile(r"json_each\(\?\)")
_UPSERT = re.compile(r"INSERT OR REPLACE INTO (\w+) \((\w+)((?:, \w+)*)\)(.*)", re.S)
_ORDER_DESC = re.compile(r"(ORDER BY [\w.]+) DESC(?! NULLS)")
_PLAIN_INSERT = re.compile(r"INSERT INTO (\w+) ?\(([\w, ]+)\) VALUES \((?:\?, ?)*\?\)")
_DELETE_BY_KEY = re.compile(r"DELETE FROM (\w+) WHERE (\w+) = \?")
_PARAMS = re.compile(r"'[^']*'|\?|(?<!:):(\w+)|%")


def server_sql(sql: str) -> str:
    """A statement written for SQLite, for psycopg: "?" and ":name" parameters in its
    style, json_each over a JSON array, INSERT OR REPLACE as an upsert on the first column
    (each table written so has it as its key). Parameters in quoted text stay text."""
    sql = _JSON_EACH.sub("json_array_elements_text(CAST(? AS json)) AS value", sql)
    # SQLite sorts NULL as the smallest value; PostgreSQL as the largest
    sql = _ORDER_DESC.sub(r"\1 DESC NULLS LAST", sql)
    upsert = _UPSERT.fullmatch(sql.strip())
    if upsert:
        table, key, rest, tail = upsert.groups()
        others = [c.strip() for c in rest.split(",") if c.strip()]
        update = ", ".join(f"{c} = excluded.{c}" for c in others)
        sql = (f"INSERT INTO {table} ({key}{rest}){tail} ON CONFLICT ({key}) "
               + (f"DO UPDATE SET {update}" if others else "DO NOTHING"))

    def styled(found: re.Match[str]) -> str:
        token = found.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        if found.group(1):
            return f"%({found.group(1)})s"
        return token.replace("%", "%%")   # quoted text: psycopg reads every "%"
    return _PARAMS.sub(styled, sql)


class ServerCursor:
    """psycopg's cursor, taking the statements written for SQLite (server_sql) and giving
    back what SQLite's driver gives: dates and times as their ISO text."""

    def __init__(self, inner: Any) -> None:
        from psycopg.types.string import TextLoader
        self.inner = inner
        for type_name in ("date", "timestamp"):
            inner.adapters.register_loader(type_name, TextLoader)

    def execute(self, sql: str, params: Params = (), /) -> ServerCursor:
        self.inner.execute(server_sql(sql), params)   # always parsed: "%%" is one "%"
        return self

    def executemany(self, sql: str, rows: Iterable[Params], /) -> object:
        """Many rows inserted by COPY, many rows deleted by key in one statement: a round
        trip per row is what a network costs (4/5 of an import's time, measured)."""
        plain = _PLAIN_INSERT.fullmatch(sql.strip())
        if plain:
            table, columns = plain.group(1), plain.group(2)
            if table not in POLICIES:
                self._copy(table, columns, rows)
                return None
            # COPY FROM refuses a table under row-level security: the rows are copied
            # into a table of this session's own, then inserted through the policies
            stage = f"hoso_stage_{table}"
            self.inner.execute(f"CREATE TEMP TABLE {stage} AS SELECT {columns} FROM {table} "
                               f"WITH NO DATA")
            self._copy(stage, columns, rows)
            self.inner.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {stage}")
            self.inner.execute(f"DROP TABLE {stage}")
            return None
        by_key = _DELETE_BY_KEY.fullmatch(sql.strip())
        if by_key:
            keys = [row[0] for row in rows]   # type: ignore[index]
            return self.inner.execute(f"DELETE FROM {by_key.group(1)} WHERE {by_key.group(2)} "
                                      f"= ANY(%s)", (keys,))
        return self.inner.executemany(server_sql(sql), list(rows))

    def _copy(self, table: str, columns: str, rows: Iterable[Params]) -> None:
        with self.inner.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def fetchone(self) -> Row | None:
        found: Row | None = self.inner.fetchone()
        return found

    def __iter__(self) -> Iterator[Row]:
        return iter(self.inner)

"""Engines over SQLCipher (the vault) or plain SQLite (benchmarks' baseline only).

The DB key is 32 random bytes handed to SQLCipher as a raw key, so SQLCipher's
own PBKDF2 does not run on every connection.
"""

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from desktop.domain.folding import fold
from desktop.storage import sealed

_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA temp_store=MEMORY",   # sorts and temp tables never reach the disk in clear
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA busy_timeout=5000",   # presence.BUSY_SECONDS: then the holder is named
    # what an update or delete replaces is zeroed, not left in the page's free space: the
    # clear text of a row sealed later must not stay readable to a DB-key holder
    "PRAGMA secure_delete=ON",
    "PRAGMA cache_size=-262144",  # up to 256 MiB of decrypted pages (RAM only): SQLCipher pays per page read
)
_quieted = False


def _quiet_sqlcipher() -> None:
    """SQLCipher logs decryption failures to stderr; the user gets our message instead."""
    global _quieted
    if not _quieted:
        import sqlcipher3
        conn = sqlcipher3.connect(":memory:")
        conn.execute("PRAGMA cipher_log_level=NONE")
        conn.close()
        _quieted = True


def make_engine(db_file: Path, key: bytes | None, read_only: bool = False) -> Engine:
    """key=None gives an unencrypted engine (stdlib sqlite3), for benchmarks only.
    read_only: a vault on read-only media, opened immutable (no journal, no lock files);
    every write fails ("readonly database"), which the unit of work says clearly."""
    # One connection, kept: its page cache of decrypted pages is what makes repeated
    # queries fast. Work is serialised (the CLI's one thread, the GUI's one DB worker),
    # so the connection is never used by two threads at once.
    options = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    if key is None:
        engine = create_engine(URL.create("sqlite", database=str(db_file)), **options)
    else:
        if len(key) != 32:
            raise ValueError("DB key must be 32 bytes")
        _quiet_sqlcipher()
        url = URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(db_file))
        if read_only:
            url = url.set(database=f"file:{db_file}",
                          query={"mode": "ro", "immutable": "1", "uri": "true"})
        engine = create_engine(url, **options)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:
        # dbapi_conn: the driver's own connection (sqlcipher3, sqlite3), untyped
        # Let SQLAlchemy own transactions: the driver's implicit BEGIN skips DDL, and a
        # migration or a multi-step write must be one transaction.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        for pragma in _PRAGMAS:
            if read_only and "journal_mode" in pragma:
                continue
            cursor.execute(pragma)
        cursor.close()
        dbapi_conn.create_function("hoso_fold", 1, fold, deterministic=True)
        sealed.register(engine, dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def is_read_only(bind: Engine | Connection) -> bool:
    """An engine (or a connection of one) opened by make_engine(read_only=True)."""
    return bind.engine.url.query.get("mode") == "ro"

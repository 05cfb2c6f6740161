"""The database before a VaultSession holds it: while a vault is created, opened or
upgraded, services work on the engine itself — a session of its own to read with, one
transaction on a connection of its own, and the few values read first, each on a
connection of its own. `Engine` is the type services name an engine by."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from desktop.storage.orm import Meta

__all__ = ["Engine", "backup_folder", "probe", "reading", "transaction", "vault_id"]


def reading(engine: Engine) -> Session:
    """A session of its own, for a `with` block: closed at its end, nothing committed."""
    return Session(engine)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session bound to a connection in one transaction: committed when the block ends,
    rolled back when it raises (what the session flushed included)."""
    with engine.begin() as conn:
        yield Session(bind=conn)


def probe(engine: Engine) -> None:
    """Read the schema: a wrong key, or a file that is not a database, raises (a database
    error: storage.db_errors.kind names it)."""
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()


def vault_id(engine: Engine) -> str | None:
    """The vault's id as its database records it."""
    with engine.connect() as conn:
        return conn.execute(select(Meta.value).where(Meta.key == "vault_id")).scalar()


def backup_folder(engine: Engine) -> str:
    """The administrator's backup folder ("" when none is set), read before a newer
    program upgrades the schema."""
    with engine.connect() as conn:
        folder: str | None = conn.execute(
            text("SELECT value FROM meta WHERE key = 'setting.backup_folder'")).scalar()
    return folder or ""

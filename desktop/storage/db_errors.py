"""What a database error means for the user, decided where the engine is known: the
services and both front ends name it without importing the driver."""

from __future__ import annotations


def kind(exc: BaseException) -> str | None:
    """"locked" (another program holds the write lock), "full" (no room on the disk),
    "damaged" (a page failed its check or the file is not a database), "server" (the
    department server refused a statement), or None when `exc` is not a database error."""
    import sqlalchemy.exc
    from desktop.storage import presence
    if not isinstance(exc, sqlalchemy.exc.DatabaseError):
        return None
    if type(getattr(exc, "orig", None)).__module__.startswith("psycopg"):
        return "server"   # the department server refused: its own words, not a damaged file
    if presence.is_locked(exc):
        return "locked"
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "full" if "full" in text else "damaged"


def out_of_room(exc: BaseException) -> bool:
    """A write the disk refused ("disk is full", "readonly", "disk i/o"), through SQLAlchemy
    or the standard library's driver."""
    import sqlite3

    import sqlalchemy.exc
    message = str(exc).lower()
    return isinstance(exc, (sqlalchemy.exc.OperationalError, sqlite3.OperationalError)) and (
        "disk is full" in message or "readonly" in message or "disk i/o" in message)

"""Repositories: every query the services need, by area, written once per engine where
they differ (the vault's SQLite, the department server's PostgreSQL). Each is a module of
functions taking the unit of work's session and returning ORM rows, values or tuples.

Services hold the session (`DbSession`) only to add, flush, get or delete rows — the ORM's
unit of work, the same on both engines; they build no SQL and import no driver."""

from sqlalchemy.orm import Session as DbSession

__all__ = ["DbSession"]

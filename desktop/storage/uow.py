"""Unit of work: one Session per user action; commit is explicit, anything else rolls back.
A committed unit of work adds the areas it wrote (storage.change_areas) to its sink, which
the caller reads to tell the pages what changed (domain.changes)."""

from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desktop.domain.changes import Area
from desktop.storage import presence
from desktop.storage.change_areas import area_of

_PENDING = "hoso.changes.pending"   # session.info keys: areas written, not yet committed
_SINK = "hoso.changes.sink"         # where they go on commit


class UnitOfWork:
    def __init__(self, engine: Engine, sink: set[Area] | None = None) -> None:
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self._sink = sink
        self.session: Session | None = None

    def __enter__(self) -> "UnitOfWork":
        self.session = self._factory()
        if self._sink is not None:
            self.session.info[_PENDING] = set()
            self.session.info[_SINK] = self._sink
        return self

    def changed(self, *areas: Area) -> None:
        assert self.session is not None
        note_changes(self.session, *areas)

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        assert self.session is not None
        engine = self.session.get_bind()
        self.session.rollback()
        self.session.close()
        self.session = None
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            # the server's connection broke mid-work (network, restart): the transaction
            # is gone whole; the pool makes a new connection for the next try
            from desktop.domain.errors import HosoError
            url = engine.engine.url
            raise HosoError("server.connection_lost",
                            host=url.host or str(url.query.get("host", ""))) from exc
        if isinstance(exc, StaleDataError):
            # a row's version moved on between reading and writing it (orm.Case)
            from desktop.domain.errors import ChangedMeanwhile
            raise ChangedMeanwhile() from exc
        if isinstance(exc, OperationalError) and presence.is_locked(exc):
            # another program holds the write lock past the busy timeout: say who
            raise presence.busy_error(_vault_dir(engine)) from exc
        if isinstance(exc, OperationalError) and "readonly database" in str(exc):
            from desktop.domain.errors import HosoError
            raise HosoError("vault.read_only", path=str(_vault_dir(engine))) from exc

    def commit(self) -> None:
        assert self.session is not None
        self.session.commit()


def _vault_dir(bind: Engine | Connection) -> Path:
    database = bind.engine.url.database or ""
    return Path(database[5:] if database.startswith("file:") else database).parent


def note_changes(session: Session, *areas: Area) -> None:
    """Writes the session cannot see (a bulk insert through the driver's cursor or a
    Connection): counted with the session's own at its commit."""
    pending = session.info.get(_PENDING)
    if pending is not None:
        pending.update(areas)


def _note(session: Session, table: Any) -> None:
    area = area_of(getattr(table, "name", ""))
    if area is not None:
        session.info[_PENDING].add(area)


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _context: Any) -> None:
    if _PENDING not in session.info:
        return
    for obj in (*session.new, *session.deleted):
        _note(session, getattr(obj, "__table__", None))
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            _note(session, getattr(obj, "__table__", None))


@event.listens_for(Session, "do_orm_execute")
def _executed(state: ORMExecuteState) -> None:
    if _PENDING in state.session.info and (state.is_insert or state.is_update
                                           or state.is_delete):
        _note(state.session, getattr(state.statement, "table", None))


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    pending = session.info.get(_PENDING)
    if pending:
        session.info[_SINK].update(pending)
        pending.clear()


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    pending = session.info.get(_PENDING)
    if pending:
        pending.clear()

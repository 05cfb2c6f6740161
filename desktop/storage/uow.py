"""Unit of work: one Session per user action; commit is explicit, anything else rolls back."""

from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.storage import presence


class UnitOfWork:
    def __init__(self, engine: Engine) -> None:
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self.session: Session | None = None

    def __enter__(self) -> "UnitOfWork":
        self.session = self._factory()
        return self

    def __exit__(self, kind, exc, tb) -> None:
        assert self.session is not None
        engine = self.session.get_bind()
        self.session.rollback()
        self.session.close()
        self.session = None
        if isinstance(exc, OperationalError) and presence.is_locked(exc):
            # another program holds the write lock past the busy timeout: say who
            raise presence.busy_error(_vault_dir(engine)) from exc
        if isinstance(exc, OperationalError) and "readonly database" in str(exc):
            from desktop.domain.errors import HosoError
            raise HosoError("vault.read_only", path=str(_vault_dir(engine))) from exc

    def commit(self) -> None:
        assert self.session is not None
        self.session.commit()


def _vault_dir(engine: Engine) -> Path:
    database = engine.url.database or ""
    return Path(database[5:] if database.startswith("file:") else database).parent

"""Schema migrations (Alembic) run by the program itself when a vault is created or opened."""

from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from desktop.domain.errors import HosoError

_SCRIPTS = Path(__file__).parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def pending(engine: Engine) -> bool:
    """A known older schema that upgrade() would change (a backup is taken first)."""
    current = current_revision(engine)
    return current is not None and current != head_revision()


def upgrade(engine: Engine, db_label: str = "") -> None:
    """Bring the schema to head in one transaction; refuse a schema from the future."""
    from alembic import command

    script = ScriptDirectory.from_config(_config())
    head = script.get_current_head()
    current = current_revision(engine)
    if current == head:
        return
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:  # alembic's ResolutionError: a revision we do not know
            raise HosoError("vault.newer_schema", path=db_label) from exc
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def known_revision(revision: str) -> bool:
    """A revision this program ships (an older schema), not one from a newer program."""
    try:
        ScriptDirectory.from_config(_config()).get_revision(revision)
    except Exception:  # alembic's ResolutionError
        return False
    return True

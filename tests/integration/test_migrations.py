"""The Alembic migrations build exactly the schema the ORM describes."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from desktop.storage import migrate
from desktop.storage.engine import make_engine
from desktop.storage.orm import Base


def test_migrated_schema_matches_the_orm(tmp_path):
    engine = make_engine(tmp_path / "plain.db", None)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # the FTS5 search tables and their shadow tables are made by hand, not by the ORM
    unexpected = [d for d in diff if not (d[0] == "remove_table"
                                          and d[1].name.startswith(("case_search", "doc_search")))]
    assert unexpected == []
    assert migrate.current_revision(engine) == migrate.head_revision()

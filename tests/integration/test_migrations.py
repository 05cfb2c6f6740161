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


def _server_database(pg_cluster, name):
    from sqlalchemy import create_engine, text
    with create_engine(pg_cluster.url(), isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    return create_engine(pg_cluster.url(name))


def test_the_same_migrations_build_the_schema_on_a_postgresql_server(pg_cluster):
    import pytest
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    engine = _server_database(pg_cluster, "hoso_schema")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # the search tables (their words vector indexed) are made by hand, not by the ORM, and so
    # is the server's index for the register's order (NULL last, as SQLite sorts it)
    unexpected = [d for d in diff if not (
        d[0] == "remove_table" and d[1].name.startswith(("case_search", "doc_search"))
        or d[0] == "remove_table" and d[1].name == "server_access"   # the server's own
        or d[0] == "remove_index" and d[1].table.name.startswith(("case_search", "doc_search"))
        or d[0] == "remove_index" and d[1].name == "ix_cases_newest_first")]
    assert unexpected == []
    assert migrate.current_revision(engine) == migrate.head_revision()
    # the server refuses to rewrite, delete or empty the audit trail, as the vault does
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO audit_log (at, username, action, target, detail, "
                          "prev_hash, hash) VALUES ('2026-12-05T10:00:00', 'admin', 'test', '', "
                          "'{}', '\\x00', '\\x01')"))
    for statement in ("UPDATE audit_log SET username = 'other'", "DELETE FROM audit_log",
                      "TRUNCATE audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT username FROM audit_log")).scalars().all() == ["admin"]
    engine.dispose()


def test_the_deadline_index_forgets_a_changed_case_on_the_server_too(pg_cluster):
    """The trigger that drops a case's cached deadlines when its facts change works on
    PostgreSQL as in the vault (storage/deadline_index.py relies on it)."""
    from datetime import date, datetime

    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from desktop.storage.orm import Case, DeadlineIndexCase, DeadlineIndexRow

    engine = _server_database(pg_cluster, "hoso_trigger")
    migrate.upgrade(engine)
    now = datetime(2026, 12, 5, 9, 0)
    with Session(engine) as session, session.begin():
        case = Case(code="C-1", title="Thanh tra đất đai", created_at=now, updated_at=now)
        session.add(case)
        session.flush()
        session.add_all([DeadlineIndexCase(case_id=case.id, volatile=False),
                         DeadlineIndexRow(case_id=case.id, code="C-1", level=0, kind="onsite",
                                          due=date(2027, 1, 5), working=True)])

    def cached() -> int:
        with Session(engine) as session:
            return session.execute(select(func.count()).select_from(DeadlineIndexRow)).scalar()

    assert cached() == 1
    with Session(engine) as session, session.begin():   # a fact the deadlines do not read
        session.execute(select(Case)).scalar_one().content = "Nội dung"
    assert cached() == 1
    with Session(engine) as session, session.begin():   # one they do
        session.execute(select(Case)).scalar_one().decision_date = date(2026, 11, 1)
    assert cached() == 0
    engine.dispose()

"""A vault's register copied row for row into a new department server database (hoso server
import-vault): every table with its ids, so what is bound to them stays valid — sealed
fields, wrapped content keys, certificates, grants and the audit chain — then the server's
sequences moved past the copied ids. Caches the server rebuilds (the deadline index) are
left behind; the search tables are copied as they are (their bodies are folded words, or
keyed tokens the server cannot read)."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, Integer, insert, select, text

from desktop.storage.orm import Base

LEFT_BEHIND = frozenset({"deadline_index", "deadline_index_cases", "blob_chunks"})
SEARCH_TABLES = ("case_search", "case_search_sealed", "doc_search")
_BATCH = 2000


def copied_tables() -> list[str]:
    return [t.name for t in Base.metadata.sorted_tables if t.name not in LEFT_BEHIND] \
        + list(SEARCH_TABLES)


def copy(source: Engine, target: Connection) -> None:
    """Every row of the copied tables, in the target's transaction (parents first)."""
    with source.connect() as src:
        for table in Base.metadata.sorted_tables:
            if table.name in LEFT_BEHIND:
                continue
            # a column naming a row of the same table (a unit's parent) is filled in after
            # every row is there: a parent may come after its child
            own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
            later: list[dict[str, object]] = []
            result = src.execution_options(yield_per=_BATCH).execute(select(table))
            for batch in result.mappings().partitions(_BATCH):
                rows = [dict(row) for row in batch]
                for row in rows:
                    if any(row[c] is not None for c in own):
                        later.append({"row_id": row["id"], **{c: row[c] for c in own}})
                        row.update({c: None for c in own})
                target.execute(insert(table), rows)
            if later:
                sets = ", ".join(f"{c} = :{c}" for c in own)
                target.execute(text(f"UPDATE {table.name} SET {sets} WHERE id = :row_id"),
                               later)
        for name in SEARCH_TABLES:
            found = src.exec_driver_sql(f"SELECT rowid, body FROM {name}").fetchall()
            if found:
                target.execute(text(f"INSERT INTO {name} (rowid, body) VALUES (:r, :b)"),
                               [{"r": r, "b": b} for r, b in found])
    for table in Base.metadata.sorted_tables:
        key = table.primary_key.columns.values()
        if len(key) == 1 and isinstance(key[0].type, Integer) and key[0].autoincrement:
            target.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{key[0].name}'), "
                f"(SELECT max({key[0].name}) FROM {table.name})) "
                f"WHERE EXISTS (SELECT 1 FROM {table.name})"))


def counts(bind: Engine | Connection, names: list[str]) -> dict[str, int]:
    """Rows per table, to show that the copy holds what the vault held."""
    def count(conn: Connection) -> dict[str, int]:
        return {name: int(conn.execute(text(f"SELECT count(*) FROM {name}")).scalar() or 0)
                for name in names}
    if isinstance(bind, Connection):
        return count(bind)
    with bind.connect() as conn:
        return count(conn)


def is_empty(engine: Engine) -> bool:
    """No register yet: no schema, or a schema without any row of meta."""
    with engine.connect() as conn:
        exists = conn.execute(text("SELECT to_regclass('public.meta') IS NOT NULL")).scalar()
        return not exists or not conn.execute(text("SELECT count(*) FROM meta")).scalar()

"""What the migrations write differently for the two engines: the workstation's vault
(SQLite/SQLCipher) and the department server (PostgreSQL). A server database is created
at the newest revision, so data carried over by an older revision is SQLite's alone."""

from __future__ import annotations

from alembic import op


def on_sqlite() -> bool:
    return bool(op.get_bind().dialect.name == "sqlite")


def append_only(table: str, prefix: str, message: str) -> None:
    """The database itself refuses to change or delete a row of `table` (the audit trail);
    on the server, emptying it (TRUNCATE) too."""
    if on_sqlite():
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {prefix}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{message}'); END")
        return
    op.execute(f"""CREATE FUNCTION {prefix}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '{message}'; END $$""")
    for verb, each in (("UPDATE", "ROW"), ("DELETE", "ROW"), ("TRUNCATE", "STATEMENT")):
        op.execute(f"CREATE TRIGGER {prefix}_no_{verb.lower()} BEFORE {verb} ON {table} "
                   f"FOR EACH {each} EXECUTE FUNCTION {prefix}_append_only()")


def search_table(name: str, sqlite_options: str) -> None:
    """A search table: rowid (the record's id) and body (folded words or keyed tokens).
    SQLite: FTS5 with `sqlite_options`; PostgreSQL: a plain table whose `words` column holds
    the body's words exactly as FTS5 splits them (runs of letters and digits; no stemming,
    no stop words: a text search vector made from the array, not parsed) under a GIN index,
    matched with prefix queries (storage.search) — cheaper to keep than a trigram index."""
    if on_sqlite():
        op.execute(f"CREATE VIRTUAL TABLE {name} USING fts5(body, {sqlite_options})"
                   if sqlite_options else f"CREATE VIRTUAL TABLE {name} USING fts5(body)")
        return
    op.execute(f"""CREATE TABLE {name} (rowid BIGINT PRIMARY KEY, body TEXT NOT NULL DEFAULT '',
  words tsvector GENERATED ALWAYS AS
    (array_to_tsvector(array_remove(regexp_split_to_array(body, '\\W+'), ''))) STORED)""")
    op.execute(f"CREATE INDEX ix_{name}_words ON {name} USING gin (words)")


def drop_search_table(name: str) -> None:
    op.execute(f"DROP TABLE IF EXISTS {name}")


def row_trigger(name: str, table: str, columns: str, body: str) -> None:
    """AFTER UPDATE OF `columns` ON `table`, for each row: `body` (statements ending in ';',
    the row's new values as NEW)."""
    if on_sqlite():
        op.execute(f"CREATE TRIGGER {name} AFTER UPDATE OF {columns} ON {table} "
                   f"BEGIN {body} END")
        return
    op.execute(f"""CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN {body} RETURN NULL; END $$""")
    op.execute(f"CREATE TRIGGER {name} AFTER UPDATE OF {columns} ON {table} "
               f"FOR EACH ROW EXECUTE FUNCTION {name}()")


def drop_row_trigger(name: str, table: str) -> None:
    if on_sqlite():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS {name}()")


def fold_function() -> None:
    """hoso_fold(text) on the server, folding as domain.folding does (the vault registers
    the Python function on each connection): every accented Latin letter to its base letter,
    đ to d, combining marks dropped, then lower case. Written out as one translate() so the
    function is plain SQL, IMMUTABLE (usable in indexes), needing no extension."""
    if on_sqlite():
        return
    from desktop.domain.folding import fold
    source, target, marks = [], [], []
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00), *range(0x300, 0x370)]:
        char = chr(code)
        folded = fold(char)
        if folded == "":
            marks.append(char)   # combining marks: no counterpart, so translate drops them
        elif len(folded) == 1 and folded != char:
            source.append(char)
            target.append(folded)
    mapping = "".join(source) + "".join(marks)
    op.execute(f"""CREATE FUNCTION hoso_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
AS $$ SELECT lower(translate(value, '{mapping}', '{"".join(target)}')) $$""")


def server_functions() -> None:
    """What the vault's connections get from Python (storage.engine, storage.sealed), as
    SQL on the server, so one query text serves both engines:
    - group_concat(text, sep): SQLite's aggregate, in the rows' order;
    - hoso_open(sealed, table, id, field): cannot open anything on the server, which holds
      no key; it hands the sealed bytes back inside a marker that the client's connection
      opens as it reads the row (storage.sealed.register_server)."""
    if on_sqlite():
        return
    op.execute("""CREATE FUNCTION hoso_concat_step(acc text, value text, sep text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value
                  ELSE acc || sep || value END $$""")
    op.execute("CREATE AGGREGATE group_concat(text, text) "
               "(SFUNC = hoso_concat_step, STYPE = text)")
    op.execute("""CREATE FUNCTION hoso_open(sealed bytea, tbl text, row_id bigint, field text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT chr(1) || 'hoso-sealed:' || tbl || ':' || row_id || ':' || field || ':'
             || encode(sealed, 'hex') || chr(2) $$""")

"""Accent-insensitive case search: one FTS5 row per case (in the vault; on the department
server a plain table whose words are indexed as a text search vector, matched by prefix
queries that keep FTS5's rules: every word, as a word prefix, in any order — same rows for
the same data).

The folded text covers code, title, inspected party, decision number, team members'
names and document numbers and summaries. Queries are folded the same way
(desktop.domain.folding.fold), so "duong" finds "Đường".

Two tables: `case_search` holds the folded words of ordinary cases; a classified case's
row is in `case_search_sealed` as keyed tokens of every word prefix under its level's
search key (desktop.security.records, reached through storage.sealed), so the index tells a DB-key holder nothing they
could not read, and a query matches only the levels whose keys the searcher holds.
"""

import re
from typing import Iterable, Sequence

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from desktop.domain.folding import fold
from desktop.storage import sealed
from desktop.storage.repos import driver

_PARTS_SQL = f"""
    SELECT c.id, c.level, c.sealed, c.code, {sealed.opened_sql('c', 'cases', 'title')},
      {sealed.opened_sql('c', 'cases', 'inspected_party')},
      {sealed.opened_sql('c', 'cases', 'decision_number')},
      (SELECT group_concat(s.full_name, ' ') FROM team_members tm
         JOIN staff s ON s.id = tm.staff_id WHERE tm.case_id = c.id),
      -- a summary above its case's level would let a lower clearance find the case by its words
      (SELECT group_concat({sealed.opened_sql('d', 'documents', 'number')} || ' ' ||
                           {sealed.opened_sql('d', 'documents', 'summary')}, ' ')
         FROM documents d WHERE d.case_id = c.id AND d.level <= c.level)
    FROM cases c WHERE c.id IN ({{ids}})
"""
_CHUNK = 500
_TOKEN = re.compile(r"\w+", re.UNICODE)
_NO_MATCH = '"x"'  # never a token of the sealed index (hex digits only)


def body(parts: Iterable[str | None]) -> str:
    """The folded text indexed for one case (code, title, party, decision, team, documents)."""
    return fold(" ".join(p for p in parts if p))


def on_server(bind: Session | Engine | Connection) -> bool:
    """The department server's PostgreSQL rather than the vault's SQLite."""
    engine = bind.get_bind() if isinstance(bind, Session) else bind
    return bool(engine.dialect.name == "postgresql")


def write(session: Session, rows: Sequence[tuple[int, str]], fresh: bool = False,
          table: str = "case_search") -> None:
    """Replace the index rows (case id, body) of one table; `fresh`: the cases were just
    inserted, so there is nothing to delete (the delete cost a fifth of an import)."""
    cursor = driver.cursor(session)
    if not fresh:
        for name in ("case_search", "case_search_sealed"):
            cursor.executemany(f"DELETE FROM {name} WHERE rowid = ?", [(i,) for i, _ in rows])
    cursor.executemany(f"INSERT INTO {table}(rowid, body) VALUES (?, ?)", rows)
    driver.analyze_after_bulk(session, len(rows), table)


def sealed_body(keys: sealed.RecordKeyring, level: int, folded: str) -> str:
    """The keyed-token body of a classified case (its level's current search key)."""
    return keys.current_maker(level).prefix_body(folded)


def refresh(session: Session, case_ids: Iterable[int]) -> None:
    """Rebuild the index rows of these cases (call after any write touching them)."""
    keys = sealed.keys_of(session)
    ids = sorted(set(int(i) for i in case_ids))
    for start in range(0, len(ids), _CHUNK):
        marks = ",".join(str(i) for i in ids[start:start + _CHUNK])
        plain, hidden = [], []
        for row in session.execute(text(_PARTS_SQL.format(ids=marks))).all():
            case_id, level, blob = row[0], int(row[1] or 0), row[2]
            parts = list(row[3:])
            if level > 0 or blob is not None:
                opened = keys.open("cases", case_id, blob) or {}
                parts += [entry[0] for entry in (opened.get(sealed.EXTRA) or {}).get("team", [])]
                level = max(level, keys.level_of(blob))
                hidden.append((case_id, sealed_body(keys, level, body(parts))))
            else:
                plain.append((case_id, body(parts)))
        if plain:
            write(session, plain)
        if hidden:
            write(session, hidden, table="case_search_sealed")


def remove(session: Session, case_ids: Sequence[int]) -> None:
    cursor = driver.cursor(session)
    for name in ("case_search", "case_search_sealed"):
        cursor.executemany(f"DELETE FROM {name} WHERE rowid = ?", [(int(i),) for i in case_ids])


def match_expression(query: str) -> str | None:
    """Folded query → FTS5 expression over ordinary cases: every word must appear, as
    a word prefix."""
    tokens = _TOKEN.findall(fold(query))
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def _token_groups(keys: sealed.RecordKeyring, query: str, clearance: int
                  ) -> list[list[str]] | None:
    """For every word of `query`, its tokens under each search key the searcher holds up to
    `clearance`; None when some word (or the whole query) can match nothing."""
    makers = keys.token_makers(clearance)
    words = _TOKEN.findall(fold(query))
    if not makers or not words:
        return None
    groups = []
    for word in words:
        tokens = {token for _level, m in makers if (token := m.query_token(word)) is not None}
        if not tokens:
            return None
        groups.append(sorted(tokens))
    return groups


def sealed_expression(keys: sealed.RecordKeyring, query: str, clearance: int) -> str:
    """The same over classified cases: for every word, its token under any search key
    the searcher holds up to `clearance`."""
    groups = _token_groups(keys, query, clearance)
    if groups is None:
        return _NO_MATCH
    return " AND ".join("(" + " OR ".join(f'"{t}"' for t in g) + ")" for g in groups)


def server_expression(query: str) -> str | None:
    """match_expression for the server: a text search query over the words column
    (migrations.ddl.search_table), every word as a word prefix."""
    tokens = _TOKEN.findall(fold(query))
    if not tokens:
        return None
    return " & ".join(f"'{token}':*" for token in tokens)


def server_sealed_expression(keys: sealed.RecordKeyring, query: str, clearance: int) -> str:
    """sealed_expression for the server: for every word, one of its tokens, whole."""
    groups = _token_groups(keys, query, clearance)
    if groups is None:
        return "'x'"   # never a token of the sealed index (hex digits only)
    return " & ".join("(" + " | ".join(f"'{t}'" for t in g) + ")" for g in groups)


def match_params(session_or_engine: Session | Engine | Connection, query: str, clearance: int
                 ) -> dict[str, str]:
    """Parameters for matching_ids_sql(); {} when the query has no words."""
    server = on_server(session_or_engine)
    expression = (server_expression if server else match_expression)(query) if query else None
    if not expression:
        return {}
    keys = sealed.keys_of(session_or_engine)
    return {"match": expression,
            "smatch": (server_sealed_expression if server else sealed_expression)(
                keys, query, clearance)}


def matching_ids_sql(bind: Session | Engine | Connection | None = None) -> str:
    """SQL fragment selecting matching case ids; bind match_params() (same `bind`)."""
    if bind is not None and on_server(bind):
        return ("SELECT rowid FROM case_search WHERE words @@ CAST(:match AS tsquery) "
                "UNION ALL SELECT rowid FROM case_search_sealed "
                "WHERE words @@ CAST(:smatch AS tsquery)")
    return ("SELECT rowid FROM case_search WHERE case_search MATCH :match UNION ALL "
            "SELECT rowid FROM case_search_sealed WHERE case_search_sealed MATCH :smatch")


def optimize(session: Session) -> None:
    """Merge the index segments, so words deleted from it are gone from the file too."""
    if on_server(session):   # PostgreSQL's vacuum reclaims deleted rows by itself
        return
    conn = session.connection()
    conn.exec_driver_sql("INSERT INTO case_search(case_search) VALUES('optimize')")
    conn.exec_driver_sql("INSERT INTO case_search_sealed(case_search_sealed) VALUES('optimize')")



# On the server, matches are read as SQLite's planner reads them: few — their ids, then the
# cases; many, for a page — the register walked in date order, each case's own index rows
# tested (a common word fills a page within the first rows); many, all of them (the ids a
# list loads, a count) — the matches hashed once, each case looked up in the hash.
FEW = 2000
SERVER_MATCHES_SQL = (
    "(EXISTS (SELECT 1 FROM case_search s WHERE s.rowid = cases.id "
    "AND s.words @@ CAST(:match AS tsquery)) OR EXISTS (SELECT 1 FROM case_search_sealed s "
    "WHERE s.rowid = cases.id AND s.words @@ CAST(:smatch AS tsquery)))")
SERVER_PAGE_MATCHES_SQL = (
    "(coalesce((SELECT s.words @@ CAST(:match AS tsquery) FROM case_search s "
    "WHERE s.rowid = cases.id), false) OR coalesce((SELECT s.words @@ CAST(:smatch AS tsquery) "
    "FROM case_search_sealed s WHERE s.rowid = cases.id), false))")


def few_matching_ids(session: Session, params: dict[str, str]) -> list[int] | None:
    """The matching case ids on the server when there are at most FEW, else None."""
    rows = session.execute(text(
        f"SELECT rowid FROM case_search WHERE words @@ CAST(:match AS tsquery) UNION ALL "
        f"SELECT rowid FROM case_search_sealed WHERE words @@ CAST(:smatch AS tsquery) "
        f"LIMIT {FEW + 1}"), params).scalars().all()
    return [int(i) for i in rows] if len(rows) <= FEW else None

"""Content search of documents: one FTS5 row per document version (rowid = version id),
with doc_index_map giving its document and level so "level <= clearance" is SQL.

The indexed body is not the text but keyed tokens (desktop.security.doc_index): each
folded word replaced by an HMAC under a key derived from the level key. The index
inside the encrypted database therefore tells nothing to a user who has the database
key but not the level key, and a query only matches rows of the levels whose keys the
searcher holds.
"""

from collections.abc import Iterable, Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.storage.repos import driver

_HITS_SQL = text("""
    SELECT m.version_id, m.document_id, bm25(doc_search) AS score
    FROM doc_search
    JOIN doc_index_map m ON m.version_id = doc_search.rowid
    JOIN documents d ON d.id = m.document_id
    WHERE doc_search MATCH :match AND m.level = :level AND m.level <= :clearance
      AND d.level = m.level AND d.destroyed_at IS NULL
    ORDER BY score
    LIMIT :limit
""")
# on the department server: the same keyed tokens as a text search vector, every token
# required, whole; newest versions first in place of FTS5's rank
_SERVER_HITS_SQL = text("""
    SELECT m.version_id, m.document_id, 0.0 AS score
    FROM doc_search s
    JOIN doc_index_map m ON m.version_id = s.rowid
    JOIN documents d ON d.id = m.document_id
    WHERE s.words @@ CAST(:tokens AS tsquery)
      AND m.level = :level AND m.level <= :clearance
      AND d.level = m.level AND d.destroyed_at IS NULL
    ORDER BY m.version_id DESC
    LIMIT :limit
""")


def write(session: Session, version_id: int, document_id: int, level: int, body: str) -> None:
    """Replace the index row of one version."""
    remove(session, [version_id])
    cursor = driver.cursor(session)
    cursor.execute("INSERT INTO doc_search(rowid, body) VALUES (?, ?)", (version_id, body))
    cursor.execute("INSERT INTO doc_index_map(version_id, document_id, level) "
                   "VALUES (?, ?, ?)", (version_id, document_id, level))


def remove(session: Session, version_ids: Sequence[int]) -> None:
    if not version_ids:
        return
    cursor = driver.cursor(session)
    params = [(int(i),) for i in version_ids]
    cursor.executemany("DELETE FROM doc_search WHERE rowid = ?", params)
    cursor.executemany("DELETE FROM doc_index_map WHERE version_id = ?", params)


def indexed(session: Session, version_ids: Iterable[int]) -> set[int]:
    ids = [int(i) for i in version_ids]
    if not ids:
        return set()
    marks = ",".join(str(i) for i in ids)
    return set(session.execute(text(
        f"SELECT version_id FROM doc_index_map WHERE version_id IN ({marks})")).scalars())


def match_expression(tokens: Sequence[str]) -> str | None:
    """Keyed tokens → FTS5 expression: every token must appear."""
    if not tokens:
        return None
    return " AND ".join(f'"{t}"' for t in tokens)


def hits(session: Session, tokens: Sequence[str], level: int, clearance: int,
         limit: int) -> list[tuple[int, int, float]]:
    """(version id, document id, score) of live versions of `level` holding every token;
    best first. Rows above `clearance` are never returned."""
    expression = match_expression(tokens)
    if expression is None or level > clearance:
        return []
    if session.get_bind().dialect.name == "postgresql":
        return [tuple(r) for r in session.execute(_SERVER_HITS_SQL, {
            "tokens": " & ".join(f"'{t}'" for t in tokens), "level": int(level), "clearance": int(clearance),
            "limit": int(limit)})]
    return [tuple(r) for r in session.execute(_HITS_SQL, {
        "match": expression, "level": int(level), "clearance": int(clearance),
        "limit": int(limit)})]

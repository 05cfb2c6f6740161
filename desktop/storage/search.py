"""Accent-insensitive case search: one FTS5 row of folded text per case.

The folded text covers code, title, inspected party, decision number, team members'
names and document numbers and summaries; the index lives inside the encrypted
database. Queries are folded the same way (desktop.domain.folding.fold), so
"duong" finds "Đường".
"""

import re
from typing import Iterable, Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.domain.folding import fold

_PARTS_SQL = """
    SELECT c.id, c.code, c.title, c.inspected_party, c.decision_number,
      (SELECT group_concat(s.full_name, ' ') FROM team_members tm
         JOIN staff s ON s.id = tm.staff_id WHERE tm.case_id = c.id),
      -- a summary above its case's level would let a lower clearance find the case by its words
      (SELECT group_concat(d.number || ' ' || d.summary, ' ') FROM documents d
         WHERE d.case_id = c.id AND d.level <= c.level)
    FROM cases c WHERE c.id IN ({ids})
"""
_CHUNK = 500
_TOKEN = re.compile(r"\w+", re.UNICODE)


def body(parts: Iterable[str | None]) -> str:
    """The folded text indexed for one case (code, title, party, decision, team, documents)."""
    return fold(" ".join(p for p in parts if p))


def write(session: Session, rows: Sequence[tuple[int, str]], fresh: bool = False) -> None:
    """Replace the index rows (case id, folded body); `fresh`: the cases were just
    inserted, so there is nothing to delete (the delete cost a fifth of an import)."""
    cursor = session.connection().connection.driver_connection.cursor()
    if not fresh:
        cursor.executemany("DELETE FROM case_search WHERE rowid = ?", [(i,) for i, _ in rows])
    cursor.executemany("INSERT INTO case_search(rowid, body) VALUES (?, ?)", rows)


def refresh(session: Session, case_ids: Iterable[int]) -> None:
    """Rebuild the index rows of these cases (call after any write touching them)."""
    ids = sorted(set(int(i) for i in case_ids))
    for start in range(0, len(ids), _CHUNK):
        marks = ",".join(str(i) for i in ids[start:start + _CHUNK])
        found = session.execute(text(_PARTS_SQL.format(ids=marks))).all()
        if found:
            write(session, [(row[0], body(row[1:])) for row in found])


def remove(session: Session, case_ids: Sequence[int]) -> None:
    session.connection().exec_driver_sql("DELETE FROM case_search WHERE rowid = ?",
                                         [(int(i),) for i in case_ids])


def match_expression(query: str) -> str | None:
    """Folded query → FTS5 expression: every word must appear, as a word prefix."""
    tokens = _TOKEN.findall(fold(query))
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def matching_ids_sql() -> str:
    """SQL fragment selecting matching case ids; bind :match to match_expression()."""
    return "SELECT rowid FROM case_search WHERE case_search MATCH :match"

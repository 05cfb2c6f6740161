"""Accent-insensitive case search: one FTS5 row of folded text per case.

The folded text covers code, title, inspected party, team members' names and
document summaries; the index lives inside the encrypted database. Queries are
folded the same way (desktop.domain.folding.fold, also registered in SQL as
hoso_fold), so "duong" finds "Đường".
"""

import re
from typing import Iterable, Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.domain.folding import fold

_BODY_SQL = """
    hoso_fold(c.code || ' ' || c.title || ' ' || coalesce(c.inspected_party, '') || ' ' ||
      coalesce(c.decision_number, '') || ' ' ||
      coalesce((SELECT group_concat(s.full_name, ' ') FROM team_members tm
                JOIN staff s ON s.id = tm.staff_id WHERE tm.case_id = c.id), '') || ' ' ||
      coalesce((SELECT group_concat(d.number || ' ' || d.summary, ' ') FROM documents d
                WHERE d.case_id = c.id), ''))
"""
_CHUNK = 500
_TOKEN = re.compile(r"\w+", re.UNICODE)


def refresh(session: Session, case_ids: Iterable[int]) -> None:
    """Rebuild the index rows of these cases (call after any write touching them)."""
    ids = sorted(set(case_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ",".join(str(int(i)) for i in chunk)
        session.execute(text(f"DELETE FROM case_search WHERE rowid IN ({marks})"))
        session.execute(text(f"INSERT INTO case_search(rowid, body) SELECT c.id, {_BODY_SQL} "
                             f"FROM cases c WHERE c.id IN ({marks})"))


def refresh_range(session: Session, first_id: int, last_id: int) -> None:
    """Bulk variant for large imports: one statement over an id range."""
    session.execute(text("DELETE FROM case_search WHERE rowid BETWEEN :a AND :b"),
                    {"a": first_id, "b": last_id})
    session.execute(text(f"INSERT INTO case_search(rowid, body) SELECT c.id, {_BODY_SQL} "
                         "FROM cases c WHERE c.id BETWEEN :a AND :b"), {"a": first_id, "b": last_id})


def remove(session: Session, case_ids: Sequence[int]) -> None:
    for case_id in case_ids:
        session.execute(text("DELETE FROM case_search WHERE rowid = :i"), {"i": case_id})


def match_expression(query: str) -> str | None:
    """Folded query → FTS5 expression: every word must appear, as a word prefix."""
    tokens = _TOKEN.findall(fold(query))
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def matching_ids_sql() -> str:
    """SQL fragment selecting matching case ids; bind :match to match_expression()."""
    return "SELECT rowid FROM case_search WHERE case_search MATCH :match"

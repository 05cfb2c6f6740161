"""The deadline index: each open case's pending deadlines by due date, so "what is
overdue or due soon" is counted and ordered in SQL instead of running the deadline
engine on every open case at each start (100 000 cases: ~1.3 s of engine work).

A cache that cannot go stale unnoticed: a trigger (migration 0014) deletes a case's
rows whenever a column its deadlines are computed from changes (decision date, level of
the inspecting body, complexity, event trail, closing date) or the code and
classification copied beside them; a case with no row is recomputed before the index is
read. The engine's stamp (rule book, calendar, stage limits, engine revision) is kept in
meta: a different stamp empties the index. It holds only dates, kinds and codes taken
from columns stored in clear beside it (no title, no sealed field).

A "volatile" case has a deadline whose due date moves with the day itself (an on-site
period under an open suspension): its deadlines are never stored, the engine judges
it live."""

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator

from sqlalchemy.orm import Session

from desktop.storage.repos import driver

STAMP_KEY = "deadline_index.stamp"

_STALE_SQL = """SELECT c.id FROM cases c WHERE c.closed_on IS NULL AND c.level <= ?
    AND NOT EXISTS (SELECT 1 FROM deadline_index_cases d WHERE d.case_id = c.id)"""


@dataclass(frozen=True)
class Pending:
    """One stored pending deadline, with its case."""

    case_id: int
    code: str
    kind: str
    due: date
    working: bool


class NotWritten(Exception):
    """The index could not be written (a read-only vault, a full disk, a lock held)."""


@contextmanager
def _writing(session: Session) -> Iterator[None]:
    """The driver's errors on a write, as NotWritten."""
    try:
        yield
    except session.get_bind().dialect.loaded_dbapi.Error as exc:
        raise NotWritten(str(exc)) from exc


def stale_case_ids(session: Session, max_level: int, stamp: str) -> list[int]:
    """Open cases up to `max_level` whose deadlines are not stored (new, changed, or
    everything when the engine's stamp changed: the index is emptied first)."""
    cursor = driver.cursor(session)
    row = cursor.execute("SELECT value FROM meta WHERE key = ?", (STAMP_KEY,)).fetchone()
    if row is None or row[0] != stamp:
        with _writing(session):
            cursor.execute("DELETE FROM deadline_index")
            cursor.execute("DELETE FROM deadline_index_cases")
            cursor.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                           (STAMP_KEY, stamp))
    cursor.execute(_STALE_SQL, (max_level,))
    return [row[0] for row in cursor]


def store(session: Session, cases: Iterable[tuple[int, bool, list[tuple[str, date, bool]]]]
          ) -> None:
    """Store the pending deadlines of these (stale) cases: (case id, volatile, [(kind,
    due, working)]); code and level are copied from the case row in the same
    transaction as its facts were read."""
    cases = list(cases)
    if not cases:
        return
    with _writing(session):
        _store(driver.cursor(session), cases)


def _store(cursor: driver.Cursor, cases: list[tuple[int, bool, list[tuple[str, date, bool]]]]
           ) -> None:
    cursor.executemany("INSERT OR REPLACE INTO deadline_index_cases (case_id, volatile) "
                       "VALUES (?, ?)", [(case_id, bool(volatile)) for case_id, volatile, _r in cases])
    cursor.executemany(
        "INSERT INTO deadline_index (case_id, code, level, kind, due, working) "
        "SELECT c.id, c.code, c.level, ?, ?, ? FROM cases c WHERE c.id = ?",
        [(kind, due.isoformat(), bool(working), case_id)
         for case_id, volatile, rows in cases if not volatile
         for kind, due, working in rows])


def counts(session: Session, max_level: int, today: date, soon_until: date
           ) -> tuple[int, int, int]:
    """(overdue, due soon, classified cases with either) among stored deadlines."""
    cursor = driver.cursor(session)
    cursor.execute(
        """SELECT sum(CASE WHEN due < :today THEN 1 ELSE 0 END),
                  sum(CASE WHEN due >= :today THEN 1 ELSE 0 END),
                  count(DISTINCT CASE WHEN level > 0 THEN case_id END)
           FROM deadline_index WHERE due <= :until AND level <= :level""",
        {"level": max_level, "today": today.isoformat(), "until": soon_until.isoformat()})
    row = cursor.fetchone()
    assert row is not None, "an aggregate gives one row"
    overdue, soon, classified = row
    return overdue or 0, soon or 0, classified or 0


def alarming(session: Session, max_level: int, soon_until: date) -> Iterator[Pending]:
    """Stored deadlines due on or before `soon_until`, earliest due first (a generator:
    the caller stops reading when it has what it needs)."""
    cursor = driver.cursor(session)
    cursor.execute(
        """SELECT case_id, code, kind, due, working FROM deadline_index
           WHERE due <= :until AND level <= :level ORDER BY due, code, kind""",
        {"level": max_level, "until": soon_until.isoformat()})
    for case_id, code, kind, due, working in cursor:
        yield Pending(case_id, code, kind, date.fromisoformat(due), bool(working))


def volatile_case_ids(session: Session, max_level: int) -> list[int]:
    cursor = driver.cursor(session)
    cursor.execute("""SELECT d.case_id FROM deadline_index_cases d JOIN cases c
                      ON c.id = d.case_id WHERE d.volatile AND c.closed_on IS NULL
                      AND c.level <= ?""", (max_level,))
    return [row[0] for row in cursor]

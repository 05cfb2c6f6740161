"""Dates derived from a case's events, stored on the case so a report over 100 000
cases filters in SQL: started_on (decision date, else the first event) and closed_on
(the first conclusion or cancellation). Refresh after any event write."""

from typing import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

REFRESH_SQL = """
UPDATE cases SET
  started_on = coalesce(decision_date,
                        (SELECT min(e.event_date) FROM case_events e WHERE e.case_id = cases.id)),
  closed_on = (SELECT min(e.event_date) FROM case_events e
               WHERE e.case_id = cases.id AND e.stage IN ('concluded', 'cancelled'))
WHERE {where}
"""


def refresh(session: Session, case_ids: Iterable[int] | None = None) -> None:
    """Recompute for these cases, or for every case when `case_ids` is None."""
    if case_ids is None:
        session.execute(text(REFRESH_SQL.format(where="1")))
        return
    ids = sorted(set(int(i) for i in case_ids))
    for start in range(0, len(ids), 500):
        marks = ",".join(str(i) for i in ids[start:start + 500])
        session.execute(text(REFRESH_SQL.format(where=f"id IN ({marks})")))

"""What is derived from a case's events, stored on the case so a report over 100 000
cases filters in SQL and reads one row per case: started_on (decision date, else the
first event), closed_on (the first conclusion or cancellation) and event_trail (every
event as "stage date days", joined by ";", in date then entry order). Refresh after any
event write."""

from typing import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

# group_concat takes the rows in the ordered subquery's order (an aggregate's ORDER BY
# argument needs SQLite 3.44; the plain SQLite of the benchmarks' baseline is older)
TRAIL_SQL = """(SELECT group_concat(t, ';') FROM (
    SELECT e.stage || ' ' || e.event_date || ' ' || ifnull(e.days, '') AS t FROM case_events e
    WHERE e.case_id = cases.id AND e.voided_at IS NULL ORDER BY e.event_date, e.id))"""

# PostgreSQL's string_agg takes the order as its argument
SERVER_TRAIL_SQL = """(SELECT string_agg(
    e.stage || ' ' || e.event_date::text || ' ' || coalesce(e.days::text, ''), ';'
    ORDER BY e.event_date, e.id) FROM case_events e
    WHERE e.case_id = cases.id AND e.voided_at IS NULL)"""

REFRESH_SQL = """
UPDATE cases SET
  started_on = coalesce(decision_date,
                        (SELECT min(e.event_date) FROM case_events e
                         WHERE e.case_id = cases.id AND e.voided_at IS NULL)),
  closed_on = (SELECT min(e.event_date) FROM case_events e
               WHERE e.case_id = cases.id AND e.voided_at IS NULL
                 AND e.stage IN ('concluded', 'cancelled')),
  event_trail = {trail}
WHERE {where}
"""


def trail_entry(stage: str, day: str, days: int | None = None) -> str:
    """One event as event_trail writes it (for inserts that build the trail themselves)."""
    return f"{stage} {day} {'' if days is None else days}"


def refresh(session: Session, case_ids: Iterable[int] | None = None) -> None:
    """Recompute for these cases, or for every case when `case_ids` is None."""
    on_server = session.get_bind().dialect.name == "postgresql"
    sql = REFRESH_SQL.replace("{trail}", SERVER_TRAIL_SQL if on_server else TRAIL_SQL)
    if case_ids is None:
        session.execute(text(sql.format(where="1 = 1")))
        return
    ids = sorted(set(int(i) for i in case_ids))
    for start in range(0, len(ids), 500):
        marks = ",".join(str(i) for i in ids[start:start + 500])
        session.execute(text(sql.format(where=f"id IN ({marks})")))

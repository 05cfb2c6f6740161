"""Figures for the dashboard, as SQL aggregates (fast at 100 000 cases): cases by current
stage, and per month the conclusions issued and the cases still open at the month's end.

Only cases within the actor's clearance are counted. Counts reveal no content, so they
are not audited (the overdue list, which names cases, is: deadlines_service.overdue)."""

from datetime import date

from sqlalchemy import text

from desktop.services.context import VaultSession

_STAGES_SQL = "SELECT stage, count(*) FROM cases WHERE level <= :level GROUP BY stage"

# (dates are ISO text: the month is their first 7 characters)
# opened per month (cases.started_on) and closed per month (cases.closed_on: the first
# conclusion or cancellation). A case closed "before" it started never counts as open:
# its closing is dated at its start for the running balance.
_STARTED_SQL = """
SELECT substr(started_on, 1, 7) AS ym, count(*) FROM cases
WHERE level <= :level AND started_on IS NOT NULL AND started_on <= :end
GROUP BY ym
"""
_CLOSED_SQL = """
SELECT substr(max(started_on, closed_on), 1, 7) AS ym, count(*) FROM cases
WHERE level <= :level AND started_on IS NOT NULL AND closed_on IS NOT NULL
  AND max(started_on, closed_on) <= :end
GROUP BY ym
"""
_CONCLUDED_SQL = """
SELECT substr(e.event_date, 1, 7) AS ym, count(*) FROM case_events e
JOIN cases c ON c.id = e.case_id
WHERE e.stage = 'concluded' AND e.voided_at IS NULL AND c.level <= :level
  AND e.event_date >= :start
  AND e.event_date <= :end
GROUP BY ym
"""


def stage_counts(vs: VaultSession) -> dict[str, int]:
    """Current stage value → number of cases (stages without cases are left out)."""
    with vs.uow() as uow:
        rows = uow.session.execute(text(_STAGES_SQL), {"level": int(vs.actor.clearance)})
        return {stage: count for stage, count in rows}


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date.fromordinal(date(year, month + 1, 1).toordinal() - 1)


def monthly(vs: VaultSession, months: int = 24, today: date | None = None
            ) -> list[tuple[int, int, int, int]]:
    """(year, month, conclusions issued in the month, cases open at the month's end) for
    the `months` months up to and including the month of `today`, oldest first.
    The current month's "open" figure is as of `today`."""
    from desktop.services import settings
    today = today or settings.view_date(vs)
    months = max(1, int(months))
    index = today.year * 12 + today.month - 1 - (months - 1)
    keys = [(i // 12, i % 12 + 1) for i in range(index, index + months)]
    start = date(keys[0][0], keys[0][1], 1)
    params = {"level": int(vs.actor.clearance), "start": start.isoformat(),
              "end": today.isoformat()}
    with vs.uow() as uow:
        session = uow.session
        started = dict(session.execute(text(_STARTED_SQL), params).all())
        closed = dict(session.execute(text(_CLOSED_SQL), params).all())
        concluded = dict(session.execute(text(_CONCLUDED_SQL), params).all())
    first = f"{start.year:04d}-{start.month:02d}"
    balance = (sum(n for ym, n in started.items() if ym < first)
               - sum(n for ym, n in closed.items() if ym < first))
    out = []
    for year, month in keys:
        ym = f"{year:04d}-{month:02d}"
        balance += started.get(ym, 0) - closed.get(ym, 0)
        out.append((year, month, concluded.get(ym, 0), balance))
    return out

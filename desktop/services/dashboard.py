"""Figures for the dashboard, as SQL aggregates (fast at 100 000 cases): cases by current
stage, and per month the conclusions issued and the cases still open at the month's end.

Only cases within the actor's clearance are counted. Counts reveal no content, so they
are not audited (the overdue list, which names cases, is: deadlines_service.overdue)."""

from datetime import date

from desktop.services.context import VaultSession
from desktop.storage.repos import reports as report_rows


def stage_counts(vs: VaultSession) -> dict[str, int]:
    """Current stage value → number of cases (stages without cases are left out)."""
    with vs.uow() as uow:
        return report_rows.stage_counts(uow.session, int(vs.actor.clearance))


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
    with vs.uow() as uow:
        started, closed, concluded = report_rows.monthly_counts(
            uow.session, int(vs.actor.clearance), start, today)
    first = f"{start.year:04d}-{start.month:02d}"
    balance = (sum(n for ym, n in started.items() if ym < first)
               - sum(n for ym, n in closed.items() if ym < first))
    out = []
    for year, month in keys:
        ym = f"{year:04d}-{month:02d}"
        balance += started.get(ym, 0) - closed.get(ym, 0)
        out.append((year, month, concluded.get(ym, 0), balance))
    return out

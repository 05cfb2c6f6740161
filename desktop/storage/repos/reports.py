"""What the period review and the dashboard count beyond the cases' facts (repos/facts):
the recommendations of concluded cases, the opinion requests unanswered at a day, the plan
items of a year and the cases started from them, the units chairing cases; and the
dashboard's aggregates (cases by stage, started, closed and concluded per month)."""

from __future__ import annotations

import re

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import case, func, select, text
from sqlalchemy.orm import Session

from desktop.storage import sealed
from desktop.storage.orm import AnnualPlan, Case, OpinionRequest, PlanItem, Recommendation, Unit


# --- the period review ----------------------------------------------------------------

def recommended(session: Session, case_ids: Sequence[int]) -> dict[int, tuple[int, float, int]]:
    """Per case, from its recommendations: money and land to recover, and how many ask for
    a change of rules or policy (500 ids a statement)."""
    out: dict[int, tuple[int, float, int]] = {}
    for start in range(0, len(case_ids), 500):
        chunk = case_ids[start:start + 500]
        rows = session.execute(select(
            Recommendation.case_id,
            func.sum(case((Recommendation.kind == "recover_money", Recommendation.amount_money),
                          else_=0)),
            func.sum(case((Recommendation.kind == "recover_land", Recommendation.area_m2),
                          else_=0.0)),
            func.sum(case((Recommendation.kind == "policy", 1), else_=0)),
        ).where(Recommendation.case_id.in_(chunk)).group_by(Recommendation.case_id))
        out.update((cid, (int(m or 0), float(a or 0), int(p or 0))) for cid, m, a, p in rows)
    return out


def unanswered_on(session: Session, end: date) -> Iterable[tuple[int | None, str]]:
    """(case id, addressee opened) of the opinion requests sent by `end` and not answered
    by then."""
    query = select(OpinionRequest.case_id, sealed.opened(OpinionRequest, "addressee")).where(
        OpinionRequest.sent_date <= end,
        (OpinionRequest.answered_date.is_(None)) | (OpinionRequest.answered_date > end))
    return session.execute(query)


def decision_dates_by_item(session: Session) -> dict[int, date | None]:
    """Plan item id → the decision date of the case started from it."""
    return {pid: decided for pid, decided in session.execute(
        select(Case.plan_item_id, Case.decision_date).where(Case.plan_item_id.is_not(None)))
        if pid is not None}


def plan_items_of_year(session: Session, year: int) -> Iterable[tuple[PlanItem, int]]:
    """(item, its plan's year) of the plan of `year`."""
    query = select(PlanItem, AnnualPlan.year).join(AnnualPlan, AnnualPlan.id == PlanItem.plan_id
                                                   ).where(AnnualPlan.year == year)
    return session.execute(query)


def chairing_units(session: Session, clearance: int) -> list[str]:
    """The names of the units chairing at least one case up to `clearance`, sorted."""
    query = (select(Unit.name).distinct().join(Case, Case.chaired_by_unit_id == Unit.id)
             .where(Case.level <= clearance).order_by(Unit.name))
    return list(session.execute(query).scalars())


# --- the dashboard ----------------------------------------------------------------------

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


def _for(session: Session, sql: str) -> str:
    """The month of a date on the server, whose dates are not text; SQLite's two-argument
    max (both values are present where it is used) is PostgreSQL's greatest."""
    if session.get_bind().dialect.name != "postgresql":
        return sql
    return (re.sub(r"substr\(([^()]*(?:\([^()]*\))?), 1, 7\)", r"to_char(\1, 'YYYY-MM')", sql)
            .replace("max(started_on, closed_on)", "greatest(started_on, closed_on)"))


def stage_counts(session: Session, clearance: int) -> dict[str, int]:
    """Current stage value → number of cases up to `clearance` (stages without cases are
    left out)."""
    rows = session.execute(text(_STAGES_SQL), {"level": clearance})
    return {stage: count for stage, count in rows}


def monthly_counts(session: Session, clearance: int, start: date, end: date
                   ) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Per month ("YYYY-MM") of the cases up to `clearance`: those started and those closed
    up to `end` (every month: the caller sums the earlier ones into a balance), and the
    conclusions issued from `start` to `end`."""
    params = {"level": clearance, "start": start.isoformat(), "end": end.isoformat()}
    started = {ym: n for ym, n in session.execute(text(_for(session, _STARTED_SQL)), params).all()}
    closed = {ym: n for ym, n in session.execute(text(_for(session, _CLOSED_SQL)), params).all()}
    concluded = {ym: n for ym, n in session.execute(text(_for(session, _CONCLUDED_SQL)), params).all()}
    return started, closed, concluded

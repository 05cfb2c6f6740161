"""Annual plans: a year's plan with its items, the cases started from items, the plans'
list, their amendments, and what the capacity check counts (active staff, the team seats
of the cases carried into the year)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop.storage.orm import AnnualPlan, Case, PlanAmendment, PlanItem, Staff, TeamMember


def year_taken(session: Session, year: int) -> bool:
    """Whether a plan of `year` exists."""
    return session.execute(select(AnnualPlan.id).where(AnnualPlan.year == year)
                           ).first() is not None


def of_year(session: Session, year: int) -> AnnualPlan | None:
    """The plan of `year`, its items loaded."""
    return session.execute(select(AnnualPlan).where(AnnualPlan.year == year)
                           .options(selectinload(AnnualPlan.items))).scalar()


def case_of_item(session: Session, item_id: int) -> str | None:
    """The code of the case started from the item, if one was."""
    return session.execute(select(Case.code).where(Case.plan_item_id == item_id)).scalar()


def started_items(session: Session) -> list[tuple[int, str, str]]:
    """(plan item id, case code, case stage) of every case started from a plan item."""
    return [(item_id, code, stage) for item_id, code, stage in session.execute(
        select(Case.plan_item_id, Case.code, Case.stage).where(Case.plan_item_id.is_not(None)))
        if item_id is not None]


def with_item_counts(session: Session) -> list[tuple[int, str, int]]:
    """(year, title, number of items) of every plan, by year."""
    rows = session.execute(
        select(AnnualPlan.year, AnnualPlan.title, func.count(PlanItem.id))
        .outerjoin(PlanItem, PlanItem.plan_id == AnnualPlan.id)
        .group_by(AnnualPlan.id).order_by(AnnualPlan.year)).all()
    return [(year, title, count) for year, title, count in rows]


def amendments(session: Session, plan_id: int) -> list[PlanAmendment]:
    """The plan's amendments, in the order they were recorded."""
    return list(session.execute(select(PlanAmendment).where(PlanAmendment.plan_id == plan_id)
                                .order_by(PlanAmendment.id)).scalars())


def active_staff(session: Session, unit_id: int | None) -> int:
    """How many active staff there are (of the unit, when one is given)."""
    query = select(func.count(Staff.id)).where(Staff.active.is_(True))
    if unit_id:
        query = query.where(Staff.unit_id == unit_id)
    return session.execute(query).scalar() or 0


def team_seats(session: Session, case_ids: Sequence[int]) -> int:
    """The team members recorded in clear for these cases (500 ids a statement)."""
    seats = 0
    for start in range(0, len(case_ids), 500):
        seats += session.execute(select(func.count(TeamMember.id)).where(
            TeamMember.case_id.in_(case_ids[start:start + 500]))).scalar() or 0
    return seats

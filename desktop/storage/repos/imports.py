"""What an import compares a workbook with, and updates: the plans' items and the opinion
requests already in the vault (its cases and staff are in repos.cases and repos.staff)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.storage.orm import AnnualPlan, Case, OpinionRequest, PlanItem


def plans(session: Session) -> list[AnnualPlan]:
    return list(session.execute(select(AnnualPlan)).scalars())


def plan_items_with_years(session: Session) -> Iterable[tuple[PlanItem, int]]:
    """(item, its plan's year) of every plan."""
    return session.execute(select(PlanItem, AnnualPlan.year).join(
        AnnualPlan, AnnualPlan.id == PlanItem.plan_id))


def plan_items_of(session: Session, year: int) -> Iterable[PlanItem]:
    """The items of the plans of a year."""
    return session.execute(select(PlanItem).join(AnnualPlan).where(AnnualPlan.year == year)
                           ).scalars()


def opinions_with_codes(session: Session) -> Iterable[tuple[OpinionRequest, str]]:
    """(request, its case's code) of the requests tied to a case."""
    return session.execute(select(OpinionRequest, Case.code).join(
        Case, Case.id == OpinionRequest.case_id))


def opinions_sent(session: Session, case_id: int, sent: date) -> Iterable[OpinionRequest]:
    """A case's requests sent on a day."""
    return session.execute(select(OpinionRequest).where(
        OpinionRequest.case_id == case_id, OpinionRequest.sent_date == sent)).scalars()

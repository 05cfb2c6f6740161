"""What the demo fill looks up besides cases and the directory (repos.cases, repos.staff):
whether it ran, its users, the plan it ties cases to."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.storage.orm import AnnualPlan, AuditRow, User


def filled(session: Session) -> bool:
    """Has a demo fill written its audit row?"""
    return session.execute(select(AuditRow.id).where(AuditRow.action == "demo.fill")
                           .limit(1)).first() is not None


def first_user_among(session: Session, usernames: Sequence[str]) -> str | None:
    """One of these usernames an account has, or None."""
    return session.execute(select(User.username).where(User.username.in_(usernames))).scalar()


def latest_plan(session: Session, year: int, title: str) -> AnnualPlan | None:
    """The newest plan of the year with this title."""
    return session.execute(select(AnnualPlan).where(AnnualPlan.year == year,
                                                    AnnualPlan.title == title)
                           .order_by(AnnualPlan.id.desc())).scalar()

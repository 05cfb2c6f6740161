"""The results of conclusions: recommendations with their cases, their dated updates, and
the conclusion dates the follow-up is measured from."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.stages import Stage
from desktop.storage.orm import Case, CaseEvent, Recommendation, RecommendationUpdate


def with_cases(session: Session, clearance: int, case_id: int | None = None
               ) -> list[tuple[Recommendation, str, int]]:
    """(recommendation, case code, case level) of the cases up to `clearance` (of one case
    when `case_id` is given), by case code and then as recorded."""
    query = (select(Recommendation, Case.code, Case.level)
             .join(Case, Case.id == Recommendation.case_id)
             .where(Case.level <= clearance))
    if case_id is not None:
        query = query.where(Recommendation.case_id == case_id)
    return [(row, code, level) for row, code, level in
            session.execute(query.order_by(Case.code, Recommendation.id)).all()]


def updates_of(session: Session, recommendation_ids: Sequence[int]
               ) -> Iterable[RecommendationUpdate]:
    """The updates of these recommendations, by date and then as recorded."""
    return session.execute(select(RecommendationUpdate).where(
        RecommendationUpdate.recommendation_id.in_(recommendation_ids))
        .order_by(RecommendationUpdate.update_date, RecommendationUpdate.id)).scalars()


def statuses(session: Session, case_id: int) -> list[str]:
    """The status of each recommendation of the case."""
    return list(session.execute(select(Recommendation.status).where(
        Recommendation.case_id == case_id)).scalars())


def conclusion_dates(session: Session) -> dict[int, date]:
    """Case id → the date of its first (not voided) conclusion."""
    # latest first: the dict keeps each case's last row, its earliest conclusion
    return {case_id: day for case_id, day in session.execute(
        select(CaseEvent.case_id, CaseEvent.event_date).where(
            CaseEvent.stage == Stage.CONCLUDED.value, CaseEvent.voided_at.is_(None))
        .order_by(CaseEvent.event_date.desc())).all()}


def cases_with_codes(session: Session, codes: Collection[str]) -> Iterable[Case]:
    """The ORM rows of the cases of these codes."""
    return session.execute(select(Case).where(Case.code.in_(codes))).scalars()


def concluded_on(session: Session, case_id: int) -> date | None:
    """The date of the case's first (not voided) conclusion."""
    return session.execute(select(CaseEvent.event_date).where(
        CaseEvent.case_id == case_id, CaseEvent.stage == Stage.CONCLUDED.value,
        CaseEvent.voided_at.is_(None)).order_by(CaseEvent.event_date)).scalar()

"""Cases: finding one by code or id."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.storage.orm import Case


def code_of(session: Session, case_id: int) -> str | None:
    return session.execute(select(Case.code).where(Case.id == case_id)).scalar()

"""The vault's own settings: values kept in the meta table, and the administrator's
changes to the working-day calendar."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.storage.orm import CalendarOverride, Meta


def meta_value(session: Session, key: str) -> str | None:
    """The value stored under `key` in the meta table, None when there is none."""
    return session.execute(select(Meta.value).where(Meta.key == key)).scalar()


def calendar_overrides(session: Session) -> list[CalendarOverride]:
    """Every day the administrator changed."""
    return list(session.execute(select(CalendarOverride)).scalars())


def calendar_override(session: Session, day: date) -> CalendarOverride | None:
    """The administrator's change of `day`, if any."""
    return session.execute(select(CalendarOverride).where(CalendarOverride.day == day)
                           ).scalar()

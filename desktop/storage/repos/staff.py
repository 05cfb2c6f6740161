"""The directory: staff and units, found by name (cases name their supervisor, team and
chairing unit by name; imports and the demo add them in bulk)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from desktop.domain.changes import Area
from desktop.storage.orm import Staff, Unit
from desktop.storage.uow import note_changes


def id_of(session: Session, full_name: str) -> int | None:
    return session.execute(select(Staff.id).where(Staff.full_name == full_name)).scalar()


def ids_by_name(session: Session) -> dict[str, int]:
    """full name → id, for every staff member."""
    return {name: staff_id for name, staff_id in
            session.execute(select(Staff.full_name, Staff.id))}


def ids_by_name_in(session: Session, unit_id: int | None) -> dict[str, int]:
    """The same for the staff of one unit (None: of no unit)."""
    return {name: staff_id for name, staff_id in session.execute(
        select(Staff.full_name, Staff.id).where(Staff.unit_id == unit_id))}


def names(session: Session) -> set[str]:
    return set(session.execute(select(Staff.full_name)).scalars())


def every(session: Session) -> Iterable[Staff]:
    """Every staff member, streamed (a caller looking for one stops early)."""
    return session.execute(select(Staff)).scalars()


def with_unit_names(session: Session) -> Iterable[tuple[Staff, str | None]]:
    """(staff member, their unit's name)."""
    return session.execute(select(Staff, Unit.name).outerjoin(Unit,
                                                               Unit.id == Staff.unit_id))


def add_names(session: Session, full_names: Sequence[str]) -> None:
    """Active staff with these names and no position, in one statement (past the ORM:
    the caller reads their ids back with ids_by_name)."""
    note_changes(session, Area.STAFF)
    session.connection().execute(insert(cast(Table, Staff.__table__)),
                                 [{"full_name": n, "position": "", "active": True}
                                  for n in full_names])


def add_many(session: Session, rows: Sequence[Mapping[str, str | int | bool | None]]) -> None:
    """Staff rows (full_name, position, unit_id, active) in one ORM insert."""
    session.execute(insert(Staff), rows)


def unit_id_of(session: Session, name: str) -> int | None:
    return session.execute(select(Unit.id).where(Unit.name == name)).scalar()


def unit_ids(session: Session) -> dict[str, int]:
    """unit name → id, for every unit."""
    return {name: unit_id for name, unit_id in session.execute(select(Unit.name, Unit.id))}

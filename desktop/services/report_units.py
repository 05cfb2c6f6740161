"""The units a report can be limited to: those chairing at least one case the actor may see."""

from sqlalchemy import select

from desktop.services.context import VaultSession
from desktop.storage.orm import Case, Unit


def chairing_units(vs: VaultSession) -> list[str]:
    with vs.uow() as uow:
        query = (select(Unit.name).distinct().join(Case, Case.chaired_by_unit_id == Unit.id)
                 .where(Case.level <= int(vs.actor.clearance)).order_by(Unit.name))
        return list(uow.session.execute(query).scalars())

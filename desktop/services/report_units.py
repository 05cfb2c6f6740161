"""The units a report can be limited to: those chairing at least one case the actor may see."""

from desktop.services.context import VaultSession
from desktop.storage.repos import reports as report_rows


def chairing_units(vs: VaultSession) -> list[str]:
    with vs.uow() as uow:
        return report_rows.chairing_units(uow.session, int(vs.actor.clearance))

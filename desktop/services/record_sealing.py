"""Classified rows written in clear before records were sealed (a vault from before
migration 0007, an upgraded version-1 vault) are sealed at the next login of a user who
holds their level's current key; the levels still waiting are listed in meta."""

import json

from desktop.services import audit_log, cases
from desktop.storage import sealed, search
from desktop.storage.orm import Case, Meta
from desktop.storage.repos import DbSession as Session
from desktop.storage.repos import sealing as sealing_rows

PENDING = "records_pending_levels"


def seal_pending(vs) -> int:
    """Seal every waiting row of the levels this user can seal; returns how many."""
    keys = sealed.keys_of(vs.engine)
    with vs.uow() as uow:
        session = uow.session
        meta = session.get(Meta, PENDING)
        pending = set(json.loads(meta.value)) if meta else set()
        levels = {level for level in pending if keys.can_seal(level)}
        if not levels:
            return 0
        count, case_ids = _mark_rows(session, levels)
        session.flush()
        if case_ids:
            search.refresh(session, case_ids)
            search.optimize(session)  # the old words leave the index's pages too
        left = sorted(pending - levels)
        if left:
            meta.value = json.dumps(left)
        else:
            session.delete(meta)
        if count:
            audit_log.append(session, vs.signer, vs.actor.username, "records.seal", "",
                             rows=count, levels=sorted(levels))
        uow.commit()
        return count


def _mark_rows(session: Session, levels: set[int]) -> tuple[int, set[int]]:
    count, case_ids = 0, set()
    wanted = sorted(levels)
    for spec in sealed.SPECS.values():
        for obj in sealing_rows.unsealed(session, spec, wanted):
            if spec.model is Case:
                cases.team_follows_level(session, obj)
                case_ids.add(obj.id)
            elif getattr(obj, "case_id", None):
                case_ids.add(obj.case_id)
            sealed.mark(session, obj)
            count += 1
    return count, case_ids

"""Who may change a case, and the mark a change leaves on it. A clerk reads cases up to
their clearance but changes unclassified ones only; every change moves the case's version
and names its author, which is what a form opened on the older version is told
(case_edit: "changed by X at HH:MM"). The department server's row-level security refuses
the same changes (storage/migrations/server_policies.py)."""

from datetime import datetime

from desktop.domain.errors import PermissionDenied
from desktop.domain.levels import Level, write_ceiling
from desktop.services.context import VaultSession
from desktop.storage.orm import Case


def require_writable(vs: VaultSession, code: str, level: Level) -> None:
    ceiling = write_ceiling(vs.actor.role, vs.actor.clearance)
    if level > ceiling:
        raise PermissionDenied("perm.write", role=vs.actor.role.label("vi"), code=code,
                               level=level.label_vi, ceiling=Level(max(ceiling, 0)).label_vi)


def mark_changed(vs: VaultSession, case: Case, now: datetime) -> None:
    """A new version of the case, by this user."""
    case.version += 1
    case.updated_at = now
    case.updated_by = vs.actor.username

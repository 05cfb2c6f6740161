"""Who may change a case, and the mark a change leaves on it. A clerk reads cases up to
their clearance but changes unclassified ones only; every change moves the case's version
and names its author, which is what a form opened on the older version is told
(case_edit: "changed by X at HH:MM"). The department server's row-level security refuses
the same changes (storage/migrations/server_policies.py). And what a new case's input must
be before anything is written."""

from datetime import date, datetime
from typing import TYPE_CHECKING

from desktop.domain import case_fields
from desktop.domain.dates import format_date
from desktop.domain.errors import InvalidInput, PermissionDenied
from desktop.domain.levels import Level, write_ceiling
from desktop.services.context import VaultSession
from desktop.storage.orm import Case

if TYPE_CHECKING:
    from desktop.services.cases import CaseInput


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


def check_input(vs: VaultSession, data: "CaseInput", today: date | None = None) -> None:
    """A new case's input, refused by what is wrong (before anything is written)."""
    if not data.code.strip():
        raise InvalidInput("input.required", field="code / mã hồ sơ")
    if not data.title.strip():
        raise InvalidInput("input.required", field="title / tên cuộc thanh tra")
    if data.level > vs.actor.clearance:
        raise PermissionDenied("perm.level_above_own", level=data.level.label_vi)
    require_writable(vs, data.code.strip(), data.level)
    if data.period_from and data.period_to and data.period_from > data.period_to:
        raise InvalidInput("input.period_order", start=format_date(data.period_from),
                           end=format_date(data.period_to))
    if data.decision_date and data.decision_date > (today or date.today()):
        raise InvalidInput("input.future_date", value=format_date(data.decision_date))
    case_fields.canonical("consultation_basis", data.consultation_basis)   # refused by name

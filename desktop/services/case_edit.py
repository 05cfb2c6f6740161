"""Changing a case after its creation, and its history: every changed field is a row of
case_changes (old → new, who, when, why), sealed with the case when it is classified; the
audit row names the fields and the history rows, never their values."""

from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain import case_fields
from desktop.domain.errors import ChangedMeanwhile, HosoError, InvalidInput, PermissionDenied
from desktop.domain.levels import Level
from desktop.services import audit_log, case_access, cases
from desktop.services.context import VaultSession
from desktop.storage import case_summary, search
from desktop.storage.orm import Case, CaseChange
from desktop.storage.repos import cases as case_rows

# a change of these needs a reason (it changes who may read the case)
_NEEDS_REASON = {"level"}


@dataclass(frozen=True)
class ChangeInfo:
    id: int
    field: str
    old: str     # canonical (case_fields.canonical)
    new: str
    reason: str
    by: str
    at: datetime

    def to_json(self) -> dict:
        return {"id": self.id, "field": self.field, "field_label": case_fields.label(self.field),
                "old": self.old, "new": self.new, "reason": self.reason, "by": self.by,
                "at": self.at.isoformat(timespec="seconds")}


def current_values(case: Case) -> dict[str, str]:
    """The case's editable fields, canonical."""
    values = {}
    for field in case_fields.FIELDS:
        if field == "chaired_by":
            value = case.chaired_by.name if case.chaired_by else ""
        elif field == "supervisor":
            value = case.supervisor.full_name if case.supervisor else ""
        else:
            value = getattr(case, field)
        values[field] = case_fields.canonical(field, value)
    return values


def edit_case(vs: VaultSession, code: str, changes: dict, reason: str = "",
              base: dict[str, str] | None = None, base_version: int | None = None
              ) -> list[ChangeInfo]:
    """Apply `changes` (field → new value, typed or as typed by a user); refused as a whole
    on the first bad value. Returns the history rows written ([] when nothing changed).
    `base`, `base_version`: the values and version a form showed; when another user has
    changed any of those fields since, nothing is written (ChangedMeanwhile) — a new event
    alone moves the version without touching the form's fields, and does not refuse."""
    wanted = {field: case_fields.canonical(field, value) for field, value in changes.items()}
    reason = (reason or "").strip()
    with vs.uow() as uow:
        session = uow.session
        case = cases.load_case(vs, session, code, load=True, change=True)
        before = current_values(case)
        if base is not None and base_version is not None and case.version != base_version:
            _refuse_if_moved(vs, case, before, base)
        diffs = {f: (before[f], new) for f, new in wanted.items() if before[f] != new}
        if not diffs:
            return []
        _check(vs, session, case, before, diffs, reason)
        for field, (_old, new) in diffs.items():
            _apply(vs, session, case, field, new)
        now = datetime.now()
        rows = [CaseChange(case_id=case.id, field=field, old_value=old, new_value=new,
                           reason=reason, changed_by=vs.actor.username, changed_at=now)
                for field, (old, new) in diffs.items()]
        session.add_all(rows)
        case_access.mark_changed(vs, case, now)
        session.flush()
        case_summary.refresh(session, [case.id])
        search.refresh(session, [case.id])
        detail = {"fields": sorted(diffs), "changes": [r.id for r in rows]}
        if "level" in diffs:
            detail.update(before=int(Level.parse(diffs["level"][0])),
                          after=int(Level.parse(diffs["level"][1])))
        audit_log.append(session, vs.signer, vs.actor.username, "case.edit", case.code, **detail)
        uow.commit()
        return [_info(r) for r in rows]


def _refuse_if_moved(vs: VaultSession, case: Case, current: dict[str, str],
                     base: dict[str, str]) -> None:
    moved = tuple(f for f in case_fields.FIELDS if f in base and current[f] != base[f])
    if not moved:
        return
    raise ChangedMeanwhile("case.changed_meanwhile", fields=moved, current=current,
                           version=case.version, code=case.code,
                           by=case.updated_by or "?",
                           at=case.updated_at.strftime("%H:%M %d/%m/%Y"),
                           what=", ".join(case_fields.label(f, "vi") for f in moved),
                           what_en=", ".join(case_fields.label(f, "en") for f in moved))


def _check(vs, session, case: Case, before: dict, diffs: dict, reason: str) -> None:
    after = {**before, **{f: new for f, (_old, new) in diffs.items()}}
    for field in ("code", "title"):
        if not after[field]:
            raise InvalidInput("input.required", field=case_fields.label(field))
    if "code" in diffs and case_rows.exists(session, after["code"]):
        raise HosoError("case.exists", code=after["code"])
    for field in _NEEDS_REASON & set(diffs):
        if not reason:
            raise InvalidInput("input.reason_required", field=case_fields.label(field))
    if "level" in diffs:
        level = Level.parse(after["level"])
        if level > vs.actor.clearance:
            raise PermissionDenied("perm.level_above_own", level=level.label_vi)
    start, end = after["period_from"], after["period_to"]
    if start and end and start > end:
        raise InvalidInput("input.period_order", start=case_fields.shown("period_from", start),
                           end=case_fields.shown("period_to", end))
    decided = after["decision_date"]
    if "decision_date" in diffs and decided and date.fromisoformat(decided) > date.today():
        raise InvalidInput("input.future_date", value=case_fields.shown("decision_date", decided))


def _apply(vs, session, case: Case, field: str, value: str) -> None:
    kind = case_fields.FIELDS[field][0]
    if field == "chaired_by":
        case.chaired_by_unit_id = cases._unit_id(session, value)
    elif field == "supervisor":
        case.supervisor_id = cases._staff_id(session, value)
    elif field == "level":
        case.level = int(Level.parse(value))
        cases.team_follows_level(session, case)
    elif kind == "date":
        setattr(case, field, date.fromisoformat(value) if value else None)
    elif kind == "int":
        setattr(case, field, int(value or 0))
    elif kind == "float":
        setattr(case, field, float(value or 0))
    else:
        setattr(case, field, value)


def history(vs: VaultSession, code: str, audited: bool = True) -> list[ChangeInfo]:
    """Every change of the case, oldest first; reading a classified one is audited (not
    when the caller has just audited reading the case itself)."""
    with vs.uow() as uow:
        session = uow.session
        case = cases.load_case(vs, session, code)
        found = [_info(r) for r in case_rows.changes_of(session, case.id)]
        if audited and case.level > Level.THUONG:
            audit_log.append(session, vs.signer, vs.actor.username, "case.history", case.code,
                             rows=len(found))
            uow.commit()
        return found


def _info(row: CaseChange) -> ChangeInfo:
    return ChangeInfo(row.id, row.field, row.old_value, row.new_value, row.reason,
                      row.changed_by, row.changed_at)

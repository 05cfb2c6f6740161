"""Changing the annual plan: before approval its items are edited or removed freely (each
audited); approval records the decision's number and date; after it, every change is an
amendment (điều chỉnh) with its own decision, kept with the values before and after."""

from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.dates import format_date
from desktop.domain.errors import HosoError, InvalidInput
from desktop.services import audit_log, plans
from desktop.services.context import VaultSession
from desktop.storage.orm import AnnualPlan, PlanAmendment, PlanItem
from desktop.storage.repos import DbSession
from desktop.storage.repos import plans as plan_rows

_ITEM_FIELDS = {"party": "inspected_party", "content": "content", "quarter": "planned_quarter",
                "days": "planned_days", "team_size": "planned_team_size"}


@dataclass(frozen=True)
class Amendment:
    action: str
    item_id: int | None
    before: str
    after: str
    decision_number: str
    decision_date: date | None
    by: str
    at: datetime

    def to_json(self) -> dict:
        return {"action": self.action, "item": self.item_id, "before": self.before,
                "after": self.after, "decision_number": self.decision_number,
                "decision_date": self.decision_date.isoformat() if self.decision_date else None,
                "by": self.by, "at": self.at.isoformat(timespec="seconds")}


def approve(vs: VaultSession, year: int, number: str, day: date) -> None:
    plans._require_writer(vs)
    number = " ".join((number or "").split())
    if not number:
        raise InvalidInput("input.required", field="decision_number")
    if day > date.today():
        raise InvalidInput("input.future_date", value=format_date(day))
    with vs.uow() as uow:
        plan = plans._plan(uow.session, year)
        if plan.approved_number:
            raise HosoError("plan.approved_already", year=year, number=plan.approved_number)
        plan.approved_number, plan.approved_date = number, day
        audit_log.append(uow.session, vs.signer, vs.actor.username, "plan.approve", str(year))
        uow.commit()


def change_item(vs: VaultSession, item_id: int, changes: dict, decision_number: str = "",
                decision_date: date | None = None) -> None:
    """changes: party, content, quarter, days, team_size → new value."""
    plans._require_writer(vs)
    unknown = set(changes) - set(_ITEM_FIELDS)
    if unknown:
        raise InvalidInput("input.bad_choice", value=", ".join(sorted(unknown)), field="field",
                           choices=", ".join(_ITEM_FIELDS))
    _check_values(changes)
    with vs.uow() as uow:
        session = uow.session
        item, plan = _item(session, item_id)
        before = _describe(item)
        for key, value in changes.items():
            setattr(item, _ITEM_FIELDS[key], value.strip() if isinstance(value, str) else value)
        _amend(vs, session, plan, "change", item.id, before, _describe(item), decision_number,
               decision_date)
        audit_log.append(session, vs.signer, vs.actor.username, "plan.item_change",
                         str(plan.year), item=item.id, fields=sorted(changes))
        uow.commit()


def remove_item(vs: VaultSession, item_id: int, decision_number: str = "",
                decision_date: date | None = None) -> None:
    plans._require_writer(vs)
    with vs.uow() as uow:
        session = uow.session
        item, plan = _item(session, item_id)
        started = plan_rows.case_of_item(session, item.id)
        if started:
            raise HosoError("plan.item_started", item=item.id, code=started)
        _amend(vs, session, plan, "remove", item.id, _describe(item), "", decision_number,
               decision_date)
        session.delete(item)
        audit_log.append(session, vs.signer, vs.actor.username, "plan.item_remove",
                         str(plan.year), item=item_id)
        uow.commit()


def add_item(vs: VaultSession, year: int, party: str, content: str = "", quarter: int | None = None,
             days: int | None = None, team_size: int | None = None, decision_number: str = "",
             decision_date: date | None = None) -> int:
    """An item added. To an approved plan with an amending decision it is recorded as an
    amendment; without one it is taken as entering the approved plan's own items (a plan
    is often typed in after its approval). Changing or removing an item of an approved
    plan always needs the decision."""
    def amend(session: DbSession, plan: AnnualPlan, item: PlanItem) -> None:
        if plan.approved_number and decision_number.strip():
            _amend(vs, session, plan, "add", item.id, "", _describe(item), decision_number,
                   decision_date)

    return plans.add_item(vs, year, party, content, quarter, days, team_size, also=amend)


def amendments(vs: VaultSession, year: int) -> list[Amendment]:
    with vs.uow() as uow:
        plan = plans._plan(uow.session, year)
        rows = plan_rows.amendments(uow.session, plan.id)
        return [Amendment(r.action, r.item_id, r.before, r.after, r.decision_number,
                          r.decision_date, r.recorded_by, r.recorded_at) for r in rows]


def _amend(vs, session: DbSession, plan: AnnualPlan, action: str, item_id: int | None,
           before: str, after: str, number: str, day: date | None) -> None:
    if not plan.approved_number:
        return  # before approval a change is only audited
    if not (number or "").strip():
        raise InvalidInput("plan.amendment_required", year=plan.year)
    session.add(PlanAmendment(plan_id=plan.id, action=action, item_id=item_id, before=before,
                              after=after, decision_number=number.strip(), decision_date=day,
                              recorded_by=vs.actor.username, recorded_at=datetime.now()))


def _item(session: DbSession, item_id: int) -> tuple[PlanItem, AnnualPlan]:
    item = session.get(PlanItem, int(item_id))
    if item is None:
        raise HosoError("plan.item_not_found", item=item_id)
    return item, session.get(AnnualPlan, item.plan_id)


def _check_values(changes: dict) -> None:
    if "party" in changes and not str(changes["party"] or "").strip():
        raise InvalidInput("input.required", field="đối tượng thanh tra / inspected party")
    quarter = changes.get("quarter")
    if quarter is not None and not 1 <= int(quarter) <= 4:
        raise InvalidInput("plan.bad_quarter", value=quarter)
    for key in ("days", "team_size"):
        value = changes.get(key)
        if value is not None and int(value) <= 0:
            raise InvalidInput("input.bad_number", value=value, field=f"--{key.replace('_', '-')}")


def _describe(item: PlanItem) -> str:
    parts = [item.inspected_party, item.content or ""]
    if item.planned_quarter:
        parts.append(f"quý {item.planned_quarter}")
    if item.planned_days:
        parts.append(f"{item.planned_days} ngày")
    if item.planned_team_size:
        parts.append(f"{item.planned_team_size} người")
    return "; ".join(p for p in parts if p)

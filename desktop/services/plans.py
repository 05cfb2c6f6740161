"""Annual inspection plans: items, starting an item as a case, progress and the
capacity check (the seed's "cân đối lực lượng")."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.domain.errors import HosoError, InvalidInput, PermissionDenied
from desktop.domain.stages import Basis, Stage
from desktop.services import audit_log, calendar_service, cases, facts, settings
from desktop.services.context import VaultSession
from desktop.storage import sealed
from desktop.storage.orm import AnnualPlan, PlanItem, Unit
from desktop.storage.repos import DbSession
from desktop.storage.repos import cases as case_rows
from desktop.storage.repos import plans as plan_rows


def _require_writer(vs: VaultSession) -> None:
    if vs.actor.role.value not in ("admin", "leader"):
        raise PermissionDenied("perm.plan_write", role=vs.actor.role.label("vi"))


def create_plan(vs: VaultSession, year: int, title: str, approved_number: str = "",
                approved_date: date | None = None, unit: str = "",
                staff_available: int | None = None) -> None:
    _require_writer(vs)
    with vs.uow() as uow:
        s = uow.session
        if plan_rows.year_taken(s, year):
            raise HosoError("plan.exists", year=year)
        unit_id = cases._unit_id(s, unit)
        s.add(AnnualPlan(year=year, title=title or f"Kế hoạch thanh tra năm {year}", unit_id=unit_id,
                         approved_number=approved_number, approved_date=approved_date,
                         staff_available=staff_available))
        audit_log.append(s, vs.signer, vs.actor.username, "plan.create", str(year))
        uow.commit()


def add_item(vs: VaultSession, year: int, party: str, content: str = "",
             quarter: int | None = None, days: int | None = None, team_size: int | None = None,
             also=None) -> int:
    """`also(session, plan, item)` runs in the same transaction (an amendment's record)."""
    _require_writer(vs)
    if quarter is not None and not 1 <= quarter <= 4:
        raise InvalidInput("plan.bad_quarter", value=quarter)
    if not party.strip():
        raise InvalidInput("input.required", field="đối tượng thanh tra / inspected party")
    for name, value in (("--days", days), ("--team-size", team_size)):
        if value is not None and value <= 0:
            raise InvalidInput("input.bad_number", value=value, field=name)
    with vs.uow() as uow:
        plan = _plan(uow.session, year)
        item = PlanItem(plan_id=plan.id, inspected_party=party.strip(), content=content,
                        planned_quarter=quarter, planned_days=days, planned_team_size=team_size)
        uow.session.add(item)
        uow.session.flush()
        if also is not None:
            also(uow.session, plan, item)
        audit_log.append(uow.session, vs.signer, vs.actor.username, "plan.item_add",
                         str(year), item=item.id)
        uow.commit()
        return item.id


def start_item(vs: VaultSession, item_id: int, data: cases.CaseInput) -> cases.CaseRow:
    """An item becomes a case (basis: plan); its party and content fill the blanks."""
    with vs.uow() as uow:
        item = uow.session.get(PlanItem, item_id)
        if item is None:
            raise HosoError("plan.item_not_found", item=item_id)
        started = plan_rows.case_of_item(uow.session, item_id)
        if started:
            raise HosoError("plan.item_started", item=item_id, code=started)
        data.basis, data.plan_item_id = Basis.PLAN, item_id
        data.inspected_party = data.inspected_party or item.inspected_party
        data.content = data.content or item.content
    return cases.add_case(vs, data)


@dataclass(frozen=True)
class ItemStatus:
    id: int
    inspected_party: str
    content: str
    quarter: int | None
    days: int | None
    team_size: int | None
    case_code: str | None
    case_stage: Stage | None
    status: str   # started / not_started / late (not started and its quarter is over)

    def to_json(self) -> dict:
        return {"id": self.id, "inspected_party": self.inspected_party, "content": self.content,
                "quarter": self.quarter, "planned_days": self.days, "team_size": self.team_size,
                "case": self.case_code, "case_stage": self.case_stage.value if self.case_stage else None,
                "status": self.status}


@dataclass(frozen=True)
class Capacity:
    staff: int
    working_days: int
    share: float
    available: int          # staff × working days × share
    carried_cases: int      # unfinished cases carried into the year
    carried_people: int     # their team members
    tied_up: int            # carried_people × carry_over_days
    required: int           # Σ planned days × team size
    unknown_items: int      # items without days or team size (not counted)

    @property
    def free(self) -> int:
        return self.available - self.tied_up

    @property
    def over_committed(self) -> bool:
        return self.required > self.free

    def explanation(self, lang: str = "vi") -> str:
        if lang == "vi":
            text = (f"Cần {self.required:,} ngày công (tổng số ngày × số người của các mục). "
                    f"Có {self.staff} công chức × {self.working_days} ngày làm việc × "
                    f"{self.share:.0%} = {self.available:,} ngày công; trừ {self.tied_up:,} ngày công "
                    f"cho {self.carried_cases} cuộc chưa kết luận chuyển sang ({self.carried_people} "
                    f"lượt thành viên) còn {self.free:,}.")
            if self.over_committed:
                text += (f" CẢNH BÁO: kế hoạch vượt khả năng {self.required - self.free:,} ngày công "
                         f"({self.required / max(self.free, 1):.0%}).")
        else:
            text = (f"Needs {self.required:,} staff-days (days × people over the items). "
                    f"{self.staff} staff × {self.working_days} working days × {self.share:.0%} = "
                    f"{self.available:,}; minus {self.tied_up:,} for {self.carried_cases} unfinished "
                    f"cases carried over ({self.carried_people} team seats) leaves {self.free:,}.")
            if self.over_committed:
                text += (f" WARNING: the plan over-commits by {self.required - self.free:,} "
                         f"staff-days ({self.required / max(self.free, 1):.0%}).")
        return text.replace(",", ".") if lang == "vi" else text

    def to_json(self) -> dict:
        return {"staff": self.staff, "working_days": self.working_days, "share": self.share,
                "available": self.available, "carried_cases": self.carried_cases,
                "carried_people": self.carried_people, "tied_up": self.tied_up,
                "required": self.required, "free": self.free,
                "over_committed": self.over_committed, "items_without_estimate": self.unknown_items,
                "explanation": self.explanation("vi")}


@dataclass(frozen=True)
class PlanStatus:
    year: int
    title: str
    approved_number: str
    approved_date: date | None
    unit: str
    items: list[ItemStatus]
    capacity: Capacity
    carried_codes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        result = {"started": 0, "not_started": 0, "late": 0}
        for item in self.items:
            result[item.status] += 1
        return result

    def to_json(self) -> dict:
        return {"year": self.year, "title": self.title, "approved_number": self.approved_number,
                "approved_date": self.approved_date.isoformat() if self.approved_date else None,
                "unit": self.unit, "items": [i.to_json() for i in self.items],
                "progress": self.counts(), "carried_over": self.carried_codes,
                "capacity": self.capacity.to_json()}


def plan_status(vs: VaultSession, year: int, today: date | None = None) -> PlanStatus:
    today = today or settings.view_date(vs)
    with vs.uow() as uow:
        s = uow.session
        plan = _plan(s, year)
        started = {item_id: (code, Stage(stage))
                   for item_id, code, stage in plan_rows.started_items(s)}
        items = [_item_status(i, started.get(i.id), today) for i in plan.items]
        unit = s.get(Unit, plan.unit_id).name if plan.unit_id else ""
        capacity, carried = _capacity(s, vs, plan, year, unit)
        return PlanStatus(year, plan.title, plan.approved_number, plan.approved_date, unit, items,
                          capacity, carried)


def list_plans(vs: VaultSession) -> list[tuple[int, str, int]]:
    with vs.uow() as uow:
        return plan_rows.with_item_counts(uow.session)


def _plan(session: DbSession, year: int) -> AnnualPlan:
    plan = plan_rows.of_year(session, year)
    if plan is None:
        raise HosoError("plan.not_found", year=year)
    return plan


def _item_status(item: PlanItem, case: tuple[str, Stage] | None, today: date) -> ItemStatus:
    if case:
        status = "started"
    elif item.planned_quarter and _quarter_end(item.plan.year, item.planned_quarter) < today:
        status = "late"
    else:
        status = "not_started"
    return ItemStatus(item.id, item.inspected_party, item.content, item.planned_quarter,
                      item.planned_days, item.planned_team_size, case[0] if case else None,
                      case[1] if case else None, status)


def _quarter_end(year: int, quarter: int) -> date:
    if quarter == 4:
        return date(year, 12, 31)
    return date(year, quarter * 3 + 1, 1) - timedelta(days=1)


def _capacity(session: DbSession, vs: VaultSession, plan: AnnualPlan, year: int, unit: str
              ) -> tuple[Capacity, list[str]]:
    cal = calendar_service.calendar(session)
    working = calendar_service.working_days_in_year(cal, year)
    share = float(settings.get(session, "inspection_share"))
    owed = int(settings.get(session, "carry_over_days"))
    if plan.staff_available:
        staff = plan.staff_available
    else:
        staff = plan_rows.active_staff(session, plan.unit_id)
    year_start = date(year, 1, 1)
    carried = [r for r in facts.load_cases(session, 3, unit or None)
               if r.start_date and r.start_date < year_start and _open_on(r, year_start)]
    people = 0
    if carried:
        people += plan_rows.team_seats(session, [r.id for r in carried])
        # a classified case's team is sealed with it: counted where the actor holds the key
        secret = [r.id for r in carried if r.level > 0 and r.level <= vs.actor.clearance]
        people += sum(len(sealed.extra(c).get("team", []))
                      for c in case_rows.with_ids(session, secret))
    required = sum((i.planned_days or 0) * (i.planned_team_size or 0) for i in plan.items)
    unknown = sum(1 for i in plan.items if not i.planned_days or not i.planned_team_size)
    capacity = Capacity(staff, working, share, int(staff * working * share), len(carried), people,
                        people * owed, required, unknown)
    # only codes the actor may see are named
    visible = [r.code for r in carried if r.level <= vs.actor.clearance]
    return capacity, visible


def _open_on(record: facts.CaseRecord, day: date) -> bool:
    """No conclusion, closing or cancellation before `day`."""
    return not any(e.date < day and e.stage in (Stage.CONCLUDED, Stage.CLOSED, Stage.CANCELLED)
                   for e in record.facts.events)

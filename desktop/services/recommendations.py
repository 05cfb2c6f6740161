"""Recommendations of a conclusion and their follow-up: each item (kind, addressee,
amount or area, due date) and its dated updates (status, total recovered so far). A case
is closed only when every item is settled or the closing event gives a reason
(cases.add_event). The follow-up report lists, per conclusion, what was recommended,
recovered and is outstanding as of a day."""

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.domain import recommendations as rec
from desktop.domain.dates import format_date
from desktop.domain.errors import HosoError, InvalidInput, NotFound
from desktop.domain.levels import Level
from desktop.services import audit_log, cases
from desktop.services.context import VaultSession
from desktop.storage.orm import Case, Recommendation, RecommendationUpdate
from desktop.storage.repos import DbSession
from desktop.storage.repos import cases as case_rows
from desktop.storage.repos import results as result_rows


@dataclass(frozen=True)
class RecommendationInfo:
    id: int
    case_code: str
    kind: str
    addressee: str
    content: str
    amount_money: int
    area_m2: float
    due: date | None
    status: str
    recovered_money: int
    recovered_area_m2: float
    updates: int = 0

    @property
    def outstanding_money(self) -> int:
        return max(self.amount_money - self.recovered_money, 0)

    @property
    def outstanding_area_m2(self) -> float:
        return max(self.area_m2 - self.recovered_area_m2, 0.0)

    def to_json(self, lang: str = "vi") -> dict:
        return {"id": self.id, "case": self.case_code, "kind": self.kind,
                "kind_label": rec.label(rec.KINDS, self.kind, lang), "addressee": self.addressee,
                "content": self.content, "amount_money": self.amount_money,
                "area_m2": self.area_m2, "due": self.due.isoformat() if self.due else None,
                "status": self.status, "status_label": rec.label(rec.STATUSES, self.status, lang),
                "recovered_money": self.recovered_money,
                "recovered_area_m2": self.recovered_area_m2,
                "outstanding_money": self.outstanding_money,
                "outstanding_area_m2": self.outstanding_area_m2, "updates": self.updates}


def add(vs: VaultSession, code: str, kind: str, addressee: str, content: str,
        amount_money: int = 0, area_m2: float = 0.0, due: date | None = None) -> int:
    kind = rec.parse(rec.KINDS, kind, "--kind")
    if not content.strip() and not addressee.strip():
        raise InvalidInput("input.required", field="content / nội dung kiến nghị")
    if amount_money < 0 or area_m2 < 0:
        raise InvalidInput("input.bad_number", value=min(amount_money, area_m2), field="recommended")
    with vs.uow() as uow:
        session = uow.session
        case = cases.load_case(vs, session, code, change=True)
        concluded = result_rows.concluded_on(session, case.id)
        if concluded is None:
            raise HosoError("recommendation.not_concluded", code=case.code)
        if due is not None and due < concluded:
            raise InvalidInput("input.period_order", start=format_date(concluded),
                               end=format_date(due))
        row = Recommendation(case_id=case.id, kind=kind, addressee=" ".join(addressee.split()),
                             content=content.strip(), amount_money=int(amount_money),
                             area_m2=float(area_m2), due_date=due, status="not_started",
                             created_by=vs.actor.username, created_at=datetime.now())
        session.add(row)
        session.flush()
        audit_log.append(session, vs.signer, vs.actor.username, "recommendation.add", case.code,
                         recommendation=row.id, kind=kind)
        uow.commit()
        return row.id


def update(vs: VaultSession, rec_id: int, day: date, status: str,
           recovered_money: int | None = None, recovered_area_m2: float | None = None,
           note: str = "") -> None:
    """A follow-up: the status on `day` and the totals recovered by then (unchanged when
    not given)."""
    status = rec.parse(rec.STATUSES, status, "--status")
    if day > date.today():
        raise InvalidInput("input.future_date", value=format_date(day))
    with vs.uow() as uow:
        session = uow.session
        row = session.get(Recommendation, int(rec_id))
        if row is None:
            raise NotFound("recommendation.not_found", id=rec_id)
        case = _case_of(vs, session, row, change=True)
        money = row.recovered_money if recovered_money is None else int(recovered_money)
        area = row.recovered_area_m2 if recovered_area_m2 is None else float(recovered_area_m2)
        if money < 0 or area < 0:
            raise InvalidInput("input.bad_number", value=min(money, area), field="recovered")
        row.status, row.recovered_money, row.recovered_area_m2 = status, money, area
        session.add(RecommendationUpdate(recommendation_id=row.id, case_id=row.case_id,
                                         update_date=day, status=status, recovered_money=money,
                                         recovered_area_m2=area, note=note.strip(),
                                         recorded_by=vs.actor.username,
                                         recorded_at=datetime.now()))
        audit_log.append(session, vs.signer, vs.actor.username, "recommendation.update",
                         case.code, recommendation=row.id, status=status)
        uow.commit()


def list_for(vs: VaultSession, code: str | None = None, as_of: date | None = None,
             audited: bool = True) -> list[RecommendationInfo]:
    """Recommendations of one case, or of every case the actor may see; `as_of`: as the
    updates up to that day left them. Reading classified ones is audited (not when the
    caller has just audited reading the case)."""
    with vs.uow() as uow:
        session = uow.session
        case_id = None
        if code is not None:
            case_id = cases.load_case(vs, session, code).id
        found = result_rows.with_cases(session, int(vs.actor.clearance), case_id)
        updates: dict[int, list[RecommendationUpdate]] = {}
        for u in result_rows.updates_of(session, [r.id for r, _c, _l in found]):
            updates.setdefault(u.recommendation_id, []).append(u)
        out = [_info(r, c, updates.get(r.id, []), as_of) for r, c, _l in found]
        if audited and any(level > Level.THUONG for _r, _c, level in found):
            audit_log.append(session, vs.signer, vs.actor.username, "recommendation.list",
                             code or "", rows=len(out))
            uow.commit()
        return out


def open_items(session: DbSession, case_id: int) -> int:
    """How many recommendations of the case are not settled."""
    return sum(1 for status in result_rows.statuses(session, case_id) if status != rec.SETTLED)


@dataclass(frozen=True)
class FollowUpLine:
    case_code: str
    title: str
    concluded: date
    items: list[RecommendationInfo] = field(default_factory=list)

    @property
    def recommended_money(self) -> int:
        return sum(i.amount_money for i in self.items)

    @property
    def recovered_money(self) -> int:
        return sum(i.recovered_money for i in self.items)

    @property
    def outstanding_money(self) -> int:
        return sum(i.outstanding_money for i in self.items)

    @property
    def settled(self) -> int:
        return sum(1 for i in self.items if i.status == rec.SETTLED)

    def to_json(self, lang: str = "vi") -> dict:
        return {"case": self.case_code, "title": self.title,
                "concluded": self.concluded.isoformat(),
                "recommended_money": self.recommended_money,
                "recovered_money": self.recovered_money,
                "outstanding_money": self.outstanding_money, "items": len(self.items),
                "settled": self.settled, "recommendations": [i.to_json(lang) for i in self.items]}


def follow_up(vs: VaultSession, start: date, end: date) -> list[FollowUpLine]:
    """Each conclusion issued by `end` whose recommendations were not all settled before
    `start` (or issued within the period), with what stood on `end`."""
    if start > end:
        raise InvalidInput("input.period_order", start=format_date(start),
                           end=format_date(end))
    items = list_for(vs, as_of=end)
    before = {i.id: i for i in list_for(vs, as_of=start - _ONE_DAY)}
    with vs.uow() as uow:
        session = uow.session
        concluded = result_rows.conclusion_dates(session)
        titles = {c.code: (c.id, c.title) for c in result_rows.cases_with_codes(
            session, {i.case_code for i in items})}
    lines: dict[str, FollowUpLine] = {}
    for item in items:
        case_id, title = titles[item.case_code]
        day = concluded.get(case_id)
        if day is None or day > end:
            continue
        settled_before = before.get(item.id) and before[item.id].status == rec.SETTLED
        line = lines.setdefault(item.case_code, FollowUpLine(item.case_code, title, day))
        if not settled_before or day >= start:
            line.items.append(item)
    return [line for line in sorted(lines.values(), key=lambda x: (x.concluded, x.case_code))
            if line.items]


_ONE_DAY = date.resolution


def _info(row: Recommendation, code: str, updates: list[RecommendationUpdate],
          as_of: date | None) -> RecommendationInfo:
    status, money, area, count = row.status, row.recovered_money, row.recovered_area_m2, len(updates)
    if as_of is not None:
        upto = [u for u in updates if u.update_date <= as_of]
        last = upto[-1] if upto else None
        status = last.status if last else "not_started"
        money = last.recovered_money if last else 0
        area = last.recovered_area_m2 if last else 0.0
        count = len(upto)
    return RecommendationInfo(row.id, code, row.kind, row.addressee, row.content,
                              row.amount_money, row.area_m2, row.due_date, status, money, area,
                              count)


def _case_of(vs: VaultSession, session: DbSession, row: Recommendation,
             change: bool = False) -> Case:
    code = case_rows.code_of(session, row.case_id)
    return cases.load_case(vs, session, code, change=change)


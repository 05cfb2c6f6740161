"""The period review: table 01/TTr's indicators plus the lists a review discusses
(cases without a conclusion and what they wait for, late opinions and directives,
plan items not started)."""

from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

from desktop.domain.bulk import collector_paused
from desktop.domain.dates import format_date
from desktop.domain.errors import InvalidInput
from desktop.domain.stages import Basis, Stage
from desktop.services import audit_log, facts
from desktop.services.context import VaultSession
from desktop.storage.repos import DbSession
from desktop.storage.repos import reports as report_rows

# What a case in a stage is waiting for (who must act next)
_WAITING_ON = {
    Stage.GATHERING: ("Đơn vị chủ trì: ban hành quyết định thanh tra", "Chairing unit: the decision"),
    Stage.DECISION: ("Đoàn thanh tra: công bố quyết định", "Team: the announcement"),
    Stage.PLAN_APPROVED: ("Đoàn thanh tra: công bố quyết định", "Team: the announcement"),
    Stage.ANNOUNCED: ("Đoàn thanh tra: thanh tra trực tiếp", "Team: on-site inspection"),
    Stage.ONSITE_ENDED: ("Trưởng đoàn: báo cáo kết quả thanh tra", "Team leader: the result report"),
    Stage.TEAM_REPORT: ("Người ra quyết định: chỉ đạo xây dựng dự thảo kết luận",
                        "Decider: assign the draft conclusion"),
    Stage.DRAFT: ("Lãnh đạo: cho ý kiến, ký kết luận", "Leadership: review and sign"),
    Stage.REVIEW: ("Đơn vị thẩm định", "Reviewing unit"),
    Stage.CONSULTATION: ("Bộ, ngành, địa phương: ý kiến, giải trình",
                         "Ministries and localities: opinions, explanations"),
    Stage.PM_DRAFT_OPINION: ("Thủ tướng Chính phủ: ý kiến về dự thảo kết luận",
                             "Prime Minister: opinion on the draft"),
    Stage.PM_ISSUE_OPINION: ("Thủ tướng Chính phủ: ý kiến về việc ban hành kết luận",
                             "Prime Minister: opinion on issuing"),
}
_DONE = (Stage.CONCLUDED, Stage.CANCELLED)
_ONSITE_ENDED, _CONCLUDED = Stage.ONSITE_ENDED, Stage.CONCLUDED
_NOT_MILESTONES = frozenset(s for s in Stage if not s.is_milestone)


@dataclass
class Indicators:
    """Table 01/TTr (money in đồng here; the sector's table shows million đồng)."""

    carried_over: int = 0
    started: int = 0
    started_planned: int = 0
    started_ad_hoc: int = 0
    onsite_finished: int = 0
    conclusions_issued: int = 0
    units_inspected: int = 0
    violation_money: int = 0
    violation_land_m2: float = 0.0
    recovery_money: int = 0
    recovery_land_m2: float = 0.0
    disciplined_orgs: int = 0
    disciplined_persons: int = 0
    referral_cases: int = 0
    referral_persons: int = 0
    policy_recommendations: int = 0  # improvements to rules or policies (documents)

    @property
    def carried_out(self) -> int:
        return self.carried_over + self.started


@dataclass(frozen=True)
class Waiting:
    code: str
    title: str
    stage: Stage | None
    since: date | None
    days: int
    waiting_on: str
    waiting_on_en: str
    unanswered: list[str]

    def to_json(self) -> dict:
        return {"code": self.code, "title": self.title,
                "stage": self.stage.value if self.stage else None,
                "stage_label": self.stage.label("vi") if self.stage else None,
                "since": self.since.isoformat() if self.since else None, "days": self.days,
                "waiting_on": self.waiting_on, "unanswered_opinions": self.unanswered}


@dataclass
class PeriodReport:
    start: date
    end: date
    unit: str
    indicators: Indicators
    without_conclusion: list[Waiting] = field(default_factory=list)
    opinions_overdue: list[dict] = field(default_factory=list)
    directives_overdue: list[dict] = field(default_factory=list)
    plan_items_not_started: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        ind = self.indicators
        data = {name: getattr(ind, name) for name in ind.__dataclass_fields__}
        data["carried_out"] = ind.carried_out
        data["violation_money_million"] = round(ind.violation_money / 1e6, 3)
        data["recovery_money_million"] = round(ind.recovery_money / 1e6, 3)
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "unit": self.unit or None,
                "indicators": data,
                "without_conclusion": [w.to_json() for w in self.without_conclusion],
                "opinions_overdue": self.opinions_overdue,
                "directives_overdue": self.directives_overdue,
                "plan_items_not_started": self.plan_items_not_started}


@collector_paused()
def period_report(vs: VaultSession, start: date, end: date, unit: str | None = None) -> PeriodReport:
    check_period(start, end)
    clearance = int(vs.actor.clearance)
    with vs.uow() as uow:
        s = uow.session
        records = facts.load_cases(s, clearance, unit or None, active_between=(start, end))
        report = PeriodReport(start, end, unit or "", Indicators())
        per_case, report.without_conclusion = case_indicators(
            s, records, start, end, _unanswered_by_case(s, end))
        report.indicators = ind = total(own for _record, own in per_case)
        report.without_conclusion.sort(key=lambda w: -w.days)
        report.opinions_overdue = _opinions_overdue(s, clearance, end)
        report.directives_overdue = _directives_overdue(s, clearance, end)
        report.plan_items_not_started = _plan_items_not_started(s, end)
        audit_log.append(s, vs.signer, vs.actor.username, "report.period",
                         f"{start.isoformat()}..{end.isoformat()}", cases=ind.carried_out)
        uow.commit()
    return report


def check_period(start: date, end: date) -> None:
    """A period that ends before it starts is refused, saying both dates."""
    if start > end:
        raise InvalidInput("report.bad_period", start=format_date(start),
                           end=format_date(end))


def case_indicators(session: DbSession, records: list, start: date, end: date,
                    unanswered: "dict[int, list[str]] | None" = None
                    ) -> "tuple[list[tuple[facts.CaseRecord, Indicators]], list[Waiting]]":
    """Each case's own share of table 01/TTr for the period (counts of 0 or 1, its
    conclusion's figures), and the cases without a conclusion at its end. The table is the
    sum of the shares (total); summaries group the same shares, so their totals are the
    table's by construction."""
    per_case: list[tuple[facts.CaseRecord, Indicators]] = []
    waiting: list[Waiting] = []
    concluded_in_period: dict[int, tuple[Indicators, tuple]] = {}
    unanswered = unanswered or {}
    for r in records:
        begun = r.start_date
        if begun is None or begun > end:
            continue
        # one pass over the events: the first of each stage, and the stage at the end
        onsite = concluded = ended = None
        stage_at_end, since = None, None
        for event in r.facts.events:
            stage, day = event.stage, event.date
            if stage is _ONSITE_ENDED and onsite is None:
                onsite = day
            elif stage is _CONCLUDED and concluded is None:
                concluded = day
            if stage in _DONE and ended is None:
                ended = day
            if day <= end and stage not in _NOT_MILESTONES:
                stage_at_end, since = stage, day
        if ended is not None and ended < start:
            continue  # finished before the period
        own = Indicators()
        if begun < start:
            own.carried_over = 1
        else:
            own.started = 1
            if r.basis == Basis.PLAN.value:
                own.started_planned = 1
            else:
                own.started_ad_hoc = 1
        if onsite and start <= onsite <= end:
            own.onsite_finished = 1
        if concluded and start <= concluded <= end:
            concluded_in_period[r.id] = (own, r.results)
        elif ended is None or ended > end:
            waiting.append(_waiting(r, stage_at_end, since, end, unanswered.get(r.id, [])))
        per_case.append((r, own))
    recommended = report_rows.recommended(session, list(concluded_in_period))
    for case_id, (own, results) in concluded_in_period.items():
        _add_results(own, results, recommended.get(case_id))
    return per_case, waiting


def total(shares) -> Indicators:
    """The sum of indicator sets (a group's subtotal, the table's total)."""
    names = list(Indicators.__dataclass_fields__)
    rows = list(map(attrgetter(*names), shares))   # one tuple per share, summed column-wise
    if not rows:
        return Indicators()
    return Indicators(*(sum(column) for column in zip(*rows)))


def _add_results(ind: Indicators, results: tuple, recommended: tuple | None) -> None:
    """A conclusion's figures; the recovery columns fall back on its recommendations when
    the figures were not entered (a user who only listed the recommendations)."""
    (units, v_money, v_land, r_money, r_land, orgs, persons, ref_cases, ref_persons) = results
    rec_money, rec_land, policy = recommended or (0, 0.0, 0)
    r_money, r_land = r_money or rec_money, r_land or rec_land
    ind.policy_recommendations += policy
    ind.conclusions_issued += 1
    ind.units_inspected += units or 0
    ind.violation_money += v_money or 0
    ind.violation_land_m2 += v_land or 0.0
    ind.recovery_money += r_money or 0
    ind.recovery_land_m2 += r_land or 0.0
    ind.disciplined_orgs += orgs or 0
    ind.disciplined_persons += persons or 0
    ind.referral_cases += ref_cases or 0
    ind.referral_persons += ref_persons or 0


def _waiting(r: facts.CaseRecord, stage: Stage | None, since: date | None, end: date,
             unanswered: list[str]) -> Waiting:
    vi, en = _WAITING_ON.get(stage, ("", "")) if stage else ("", "")
    if unanswered and stage in (Stage.CONSULTATION, Stage.DRAFT, Stage.REVIEW):
        vi = en = ", ".join(unanswered)
    days = (end - since).days if since else 0
    return Waiting(r.code, r.title, stage, since, days, vi, en, unanswered)


def _unanswered_by_case(session: DbSession, end: date) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    for case_id, addressee in report_rows.unanswered_on(session, end):
        result.setdefault(case_id, []).append(addressee)
    return result


def _opinions_overdue(session: DbSession, clearance: int, end: date) -> list[dict]:
    from desktop.domain.deadlines import opinion_deadline
    from desktop.services.calendar_service import calendar
    from desktop.services.deadlines_service import rule_book
    cal = None  # read once, and only if a request has no due date of its own
    out = []
    for op, decided in facts.load_opinions(session, clearance):
        if op.sent > end or (op.answered and op.answered <= end):
            continue
        due = op.due
        if due is None:
            cal = cal or calendar(session)
            due = opinion_deadline(op, rule_book(), cal, end, 0, decided).due
        if due < end:
            out.append({"case": op.case_code, "addressee": op.addressee, "sent": op.sent.isoformat(),
                        "due": due.isoformat(), "days_late": (end - due).days,
                        "answered": op.answered.isoformat() if op.answered else None})
    return sorted(out, key=lambda o: -o["days_late"])


def _directives_overdue(session: DbSession, clearance: int, end: date) -> list[dict]:
    out = []
    for d in facts.load_directives(session, clearance):
        if d.due is None or d.status == "cancelled" or d.due >= end:
            continue
        if d.done and d.done <= end:
            continue
        out.append({"case": d.case_code, "issuer": d.issuer, "content": d.content,
                    "due": d.due.isoformat(), "days_late": (end - d.due).days})
    return sorted(out, key=lambda o: -o["days_late"])


def _plan_items_not_started(session: DbSession, end: date) -> list[dict]:
    started = report_rows.decision_dates_by_item(session)
    out = []
    for item, year in report_rows.plan_items_of_year(session, end.year):
        decided = started.get(item.id)
        if decided is None or decided > end:
            out.append({"id": item.id, "year": year, "inspected_party": item.inspected_party,
                        "content": item.content, "quarter": item.planned_quarter})
    return out

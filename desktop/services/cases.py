"""Inspection cases: add, list/search, show, record workflow events (their queries are
in storage.repos.cases).

Adding, listing and recording events share the row shapes and the helpers below;
editing, the team, opinions, directives and results have their own modules (case_edit,
case_team, opinion_requests, directives, recommendations)."""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Iterable, Sequence

from desktop.domain.dates import parse_date
from desktop.domain.deadlines import EventFact
from desktop.domain.workflow import validate_event
from desktop.domain.errors import HosoError, InvalidInput, PermissionDenied
from desktop.domain.folding import fold
from desktop.domain.levels import Level
from desktop.domain.stages import Basis, InspectingLevel, Stage, TeamRole
from desktop.services import audit_log
from desktop.services.case_access import check_input, mark_changed, require_writable
from desktop.services.context import VaultSession
from desktop.storage import case_summary, sealed, search
from desktop.storage.orm import Case, CaseEvent, Staff, TeamMember, Unit
from desktop.storage.repos import DbSession
from desktop.storage.repos import cases as case_rows
from desktop.storage.repos import staff as staff_rows


# --- inputs and outputs ----------------------------------------------------------------

@dataclass
class CaseInput:
    code: str
    title: str
    inspected_party: str = ""
    content: str = ""
    period_from: date | None = None
    period_to: date | None = None
    basis: Basis = Basis.PLAN
    plan_item_id: int | None = None
    assignment_ref: str = ""
    decision_number: str = ""
    decision_date: date | None = None
    inspecting_level: InspectingLevel = InspectingLevel.GOVERNMENT
    complexity: str = "normal"
    consultation_basis: str = ""   # Law 84/2025 Art. 36 (case_fields.CONSULTATION_BASES)
    chaired_by: str = ""
    supervisor: str = ""
    team: list[tuple[str, TeamRole]] = field(default_factory=list)
    level: Level = Level.THUONG
    violation_money: int = 0
    violation_land_m2: float = 0.0
    recovery_money: int = 0
    recovery_land_m2: float = 0.0
    disciplined_orgs: int = 0
    disciplined_persons: int = 0
    referral_cases: int = 0
    referral_persons: int = 0


@dataclass(frozen=True)
class CaseRow:
    id: int
    code: str
    title: str
    inspected_party: str
    stage: Stage
    stage_date: date | None
    decision_number: str
    decision_date: date | None
    level: Level

    def to_json(self) -> dict:
        return {"code": self.code, "title": self.title, "inspected_party": self.inspected_party,
                "stage": self.stage.value, "stage_label": self.stage.label("vi"),
                "stage_date": _iso(self.stage_date), "decision_number": self.decision_number,
                "decision_date": _iso(self.decision_date), "level": self.level.label_vi,
                "level_code": self.level.code}


@dataclass(frozen=True)
class EventInfo:
    stage: Stage
    date: date
    doc_ref: str
    note: str
    days: int | None
    recorded_by: str
    id: int = 0
    voided: bool = False        # voided or replaced by a correction: shown, not counted
    void_reason: str = ""
    corrects_id: int | None = None  # this event replaces that one

    def to_json(self) -> dict:
        return {"id": self.id, "stage": self.stage.value, "stage_label": self.stage.label("vi"),
                "date": _iso(self.date), "doc": self.doc_ref, "note": self.note,
                "days": self.days, "recorded_by": self.recorded_by, "voided": self.voided,
                "void_reason": self.void_reason, "corrects": self.corrects_id}


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    content: str
    period_from: date | None
    period_to: date | None
    basis: Basis
    assignment_ref: str
    inspecting_level: InspectingLevel
    complexity: str
    chaired_by: str
    supervisor: str
    team: list[tuple[str, TeamRole]]
    events: list[EventInfo]
    opinions: list[dict]
    directives: list[dict]
    documents: list[dict]
    results: dict
    team_history: list = field(default_factory=list)  # every membership, with its dates
    version: int = 1          # what a form read: its save is refused if the case moved on
    updated_by: str = ""
    updated_at: datetime | None = None
    consultation_basis: str = ""

    def to_json(self) -> dict:
        data = self.row.to_json()
        data.update({
            "version": self.version, "updated_by": self.updated_by,
            "updated_at": self.updated_at.isoformat(timespec="seconds") if self.updated_at
            else None,
            "content": self.content, "period_from": _iso(self.period_from),
            "period_to": _iso(self.period_to), "basis": self.basis.value,
            "assignment_ref": self.assignment_ref, "inspecting_level": self.inspecting_level.value,
            "complexity": self.complexity, "consultation_basis": self.consultation_basis,
            "chaired_by": self.chaired_by, "supervisor": self.supervisor,
            "team": [{"name": name, "role": role.value} for name, role in self.team],
            "team_history": self.team_history,
            "events": [e.to_json() for e in self.events],
            "opinion_requests": self.opinions, "directives": self.directives,
            "documents": self.documents, "results": self.results,
        })
        return data


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# --- writes ----------------------------------------------------------------------------

def add_case(vs: VaultSession, data: CaseInput) -> CaseRow:
    check_input(vs, data)
    with vs.uow() as uow:
        session = uow.session
        if case_rows.exists(session, data.code):
            raise HosoError("case.exists", code=data.code)
        now = datetime.now()
        case = Case(**_case_columns(data), stage=Stage.GATHERING.value,
                    started_on=data.decision_date,
                    chaired_by_unit_id=_unit_id(session, data.chaired_by),
                    supervisor_id=_staff_id(session, data.supervisor),
                    created_at=now, updated_at=now,
                    updated_by=vs.actor.username)
        session.add(case)
        if data.level > Level.THUONG:
            # a classified case's team travels sealed with it (no names in team_members)
            sealed.extra(case)["team"] = [[_clean(name), role.value] for name, role in data.team]
        session.flush()
        if data.level == Level.THUONG:
            for name, role in data.team:
                session.add(TeamMember(case_id=case.id, staff_id=_staff_id(session, name),
                                       role=role.value))
        if data.decision_date:
            session.add(CaseEvent(case_id=case.id, stage=Stage.DECISION.value,
                                  event_date=data.decision_date, doc_ref=data.decision_number,
                                  recorded_by=vs.actor.username, recorded_at=now))
            case.stage, case.stage_date = Stage.DECISION.value, data.decision_date
        session.flush()
        case_summary.refresh(session, [case.id])
        search.refresh(session, [case.id])
        audit_log.append(session, vs.signer, vs.actor.username, "case.add", data.code,
                         level=int(data.level))
        uow.commit()
        return _row(case)


def add_cases_bulk(vs: VaultSession, items: Sequence[CaseInput]) -> int:
    """Many cases in one transaction (demo data): see insert_cases."""
    with vs.uow() as uow:
        count = insert_cases(vs, uow.session, items)
        audit_log.append(uow.session, vs.signer, vs.actor.username, "case.bulk_add", "",
                         count=count, max_level=max((int(d.level) for d in items), default=0))
        uow.commit()
        return count


def insert_cases(vs: VaultSession, session: DbSession, items: Sequence[CaseInput]) -> int:
    """Insert cases inside the caller's transaction (imports, demo): bulk inserts through
    the driver (case_rows.insert_many), index rows built from the data in hand rather than
    read back. Refuses duplicate codes."""
    today = date.today()
    for data in items:
        check_input(vs, data, today)
    codes = [data.code.strip() for data in items]
    if len(set(codes)) != len(codes):
        seen: set[str] = set()
        raise HosoError("case.exists", code=next(c for c in codes if c in seen or seen.add(c)))
    clash = case_rows.first_clash(session, codes)
    if clash:
        raise HosoError("case.exists", code=clash)
    now = case_rows.stored_time(datetime.now())
    case_ids, event_ids = case_rows.new_ids(session, len(items),
                                            sum(1 for d in items if d.decision_date))
    next_event = iter(event_ids)
    keys = sealed.keys_of(session)
    staff = _ensure_staff(session, {name for d in items if d.level == Level.THUONG
                                    for name, _ in d.team} | {d.supervisor for d in items})
    units = {name: _unit_id(session, name) for name in {d.chaired_by for d in items}}
    decision, gathering = Stage.DECISION.value, Stage.GATHERING.value
    user = vs.actor.username
    folded, clean_name = _FoldMemo(), _NameMemo()
    values_of = {e: e.value for e in (*Basis, *InspectingLevel, *TeamRole)}  # not per row
    rows, team_rows, event_rows, index_rows, sealed_rows = [], [], [], [], []
    # Plain tuples in case_rows.INSERT_COLUMNS' order (the driver takes them as they are),
    # values stored the way the ORM stores them (ISO dates, case_rows.stored_time).
    for case_id, d in zip(case_ids, items):
        decided = d.decision_date.isoformat() if d.decision_date else None
        event_id = next(next_event) if decided else 0
        code, title, party = d.code.strip(), d.title.strip(), d.inspected_party.strip()
        trail = case_summary.trail_entry(decision, decided) if decided else None
        level = int(d.level)
        clear = {"title": title, "inspected_party": party, "content": d.content,
                 "assignment_ref": d.assignment_ref, "decision_number": d.decision_number}
        blob = event_blob = None
        if level:
            # sealed with the case's level key (storage.sealed); the columns hold ""
            blob = keys.seal("cases", case_id, level, {**clear, sealed.EXTRA: {"team": [
                [clean_name[name], values_of[role]] for name, role in d.team]}})
            if decided:
                event_blob = keys.seal("case_events", event_id, level,
                                       {"doc_ref": d.decision_number, "note": ""})
            shown = dict.fromkeys(clear, "")
        else:
            shown = clear
        rows.append((case_id, code, shown["title"], shown["inspected_party"], shown["content"],
                     d.period_from.isoformat() if d.period_from else None,
                     d.period_to.isoformat() if d.period_to else None, values_of[d.basis],
                     d.plan_item_id, shown["assignment_ref"], shown["decision_number"], decided,
                     values_of[d.inspecting_level], d.complexity, units[d.chaired_by],
                     staff.get(clean_name[d.supervisor]), int(d.level),
                     decision if decided else gathering, decided, decided, None,
                     d.violation_money, d.violation_land_m2, d.recovery_money, d.recovery_land_m2,
                     d.disciplined_orgs, d.disciplined_persons, d.referral_cases,
                     d.referral_persons, 1, now, now, 1, trail, blob))
        # the same words as search.body(), folded part by part: parties, numbers and team
        # names repeat from row to row, and each distinct one is folded once
        parts = [folded[code], folded[title], folded[d.inspected_party], folded[d.decision_number]]
        for name, role in d.team:
            if not level:
                team_rows.append((case_id, staff[clean_name[name]], values_of[role]))
            parts.append(folded[name])
        if decided:
            event_rows.append((event_id, case_id, decision, decided, None,
                               "" if level else d.decision_number, "", user, now, event_blob))
        words = " ".join(filter(None, parts))
        if level:
            sealed_rows.append((case_id, search.sealed_body(keys, level, words)))
        else:
            index_rows.append((case_id, words))
    case_rows.insert_many(session, rows, team_rows, event_rows)
    if index_rows:
        search.write(session, index_rows, fresh=True)
    if sealed_rows:
        search.write(session, sealed_rows, fresh=True, table="case_search_sealed")
    return len(rows)


class _FoldMemo(dict):
    def __missing__(self, text: str) -> str:
        folded = self[text] = fold(text)
        return folded


class _NameMemo(dict):
    def __missing__(self, name: str) -> str:
        cleaned = self[name] = _clean(name)
        return cleaned


def add_event(vs: VaultSession, code: str, stage: Stage, when: date, doc_ref: str = "",
              note: str = "", days: int | None = None) -> EventInfo:
    if days is not None and days < 0:
        raise InvalidInput("input.bad_number", value=days, field="days")
    with vs.uow() as uow:
        session = uow.session
        case = load_case(vs, session, code, change=True)
        # order rules (workflow.RULES): refused events write nothing
        existing = [EventFact(Stage(e.stage), e.event_date, e.days) for e in live_events(case)]
        validate_event(existing, EventFact(stage, when, days), case.decision_date, date.today())
        if stage is Stage.CLOSED:
            # the follow-up closes when every recommendation is settled, or with a reason
            from desktop.services.recommendations import open_items
            left = open_items(session, case.id)
            if left and not note.strip():
                raise InvalidInput("recommendation.open_items", count=left, code=case.code)
        now = datetime.now()
        event = CaseEvent(case_id=case.id, stage=stage.value, event_date=when, doc_ref=doc_ref,
                          note=note, days=days, recorded_by=vs.actor.username, recorded_at=now)
        session.add(event)
        if stage is Stage.DECISION:
            case.decision_date = case.decision_date or when
            case.decision_number = case.decision_number or doc_ref
        session.flush()
        session.refresh(case, ["events"])
        update_current_stage(case)
        mark_changed(vs, case, now)
        session.flush()
        case_summary.refresh(session, [case.id])
        search.refresh(session, [case.id])
        audit_log.append(session, vs.signer, vs.actor.username, "case.event", case.code,
                         stage=stage.value, date=when.isoformat())
        uow.commit()
        return _event_info(event)


def team_follows_level(session: DbSession, case: Case) -> None:
    """A case raised above Thường takes its team into its sealed record (no names left in
    team_members); one lowered to Thường gets its team rows back."""
    from desktop.services import case_team
    if (case.level > Level.THUONG and case.team) or (
            case.level == Level.THUONG and sealed.extra(case).get("team")):
        case_team.store(session, case, case_team.memberships(case))


def live_events(case: Case) -> list[CaseEvent]:
    """The events that count (not voided, not replaced by a correction)."""
    return [e for e in case.events if e.voided_at is None]


def update_current_stage(case: Case) -> None:
    """The current stage is the latest live milestone event (by date, then entry order);
    with none left, the case is back to gathering information."""
    milestones = [e for e in live_events(case) if Stage(e.stage).is_milestone]
    if milestones:
        latest = max(milestones, key=lambda e: (e.event_date, e.id))
        case.stage, case.stage_date = latest.stage, latest.event_date
    else:
        case.stage, case.stage_date = Stage.GATHERING.value, None


# --- reads -----------------------------------------------------------------------------

@dataclass
class CaseFilter:
    search: str = ""
    stage: Stage | None = None
    level: Level | None = None
    year: int | None = None
    supervisor: str = ""
    limit: int | None = None
    offset: int = 0


def list_cases(vs: VaultSession, flt: CaseFilter | None = None) -> list[CaseRow]:
    """Cases the actor is cleared for, the newest decision first; reading classified rows
    is audited (count only)."""
    flt = flt or CaseFilter()
    with vs.uow() as uow:
        rows = [_row_from_tuple(t) for t in case_rows.listed(uow.session, _query(vs, flt))]
        classified = sum(1 for r in rows if r.level > Level.THUONG)
        if classified:
            audit_log.append(uow.session, vs.signer, vs.actor.username, "case.list", "",
                             classified_rows=classified, rows=len(rows))
            uow.commit()
        return rows


def list_ids(vs: VaultSession, flt: CaseFilter | None = None, sort: str = "decision_date",
             descending: bool = True) -> list[int]:
    """Ids of the matching cases in display order (the GUI's table fetches rows by id)."""
    flt = flt or CaseFilter()
    with vs.uow() as uow:
        return case_rows.listed_ids(uow.session, _query(vs, flt), sort, descending)


def list_rows(vs: VaultSession, flt: CaseFilter, sort: str = "decision_date",
              descending: bool = True) -> list[CaseRow]:
    """The matching rows themselves in display order, in one query (the first screen of
    a new search: ids then rows would be two); audited as rows_by_ids."""
    with vs.uow() as uow:
        found = [_row_from_tuple(t) for t in case_rows.listed(
            uow.session, _query(vs, flt), sort, descending)]
        _audit_rows(vs, uow, found)
    return found


def rows_by_ids(vs: VaultSession, ids: Sequence[int]) -> dict[int, CaseRow]:
    """Rows for the given ids (one screen page at a time); reading classified rows is
    audited by count."""
    with vs.uow() as uow:
        found = {t.id: _row_from_tuple(t) for t in case_rows.listed_by_ids(
            uow.session, int(vs.actor.clearance), ids)}
        _audit_rows(vs, uow, found.values())
    return found


def _audit_rows(vs: VaultSession, uow, rows) -> None:
    rows = list(rows)
    classified = sum(1 for r in rows if r.level > Level.THUONG)
    if classified:
        audit_log.append(uow.session, vs.signer, vs.actor.username, "case.list", "",
                         classified_rows=classified, rows=len(rows))
        uow.commit()


def count_cases(vs: VaultSession, flt: CaseFilter | None = None) -> int:
    flt = flt or CaseFilter()
    with vs.uow() as uow:
        return case_rows.count(uow.session, _query(vs, flt))


def _query(vs: VaultSession, flt: CaseFilter) -> case_rows.Filter:
    return case_rows.Filter(int(vs.actor.clearance), flt.search,
                            flt.stage.value if flt.stage is not None else None,
                            int(flt.level) if flt.level is not None else None, flt.year,
                            flt.supervisor, flt.limit, flt.offset)


def get_case(vs: VaultSession, code: str) -> CaseDetail:
    with vs.uow() as uow:
        session = uow.session
        case = load_case(vs, session, code, load=True)
        detail = _detail(session, case, vs.actor.clearance)
        if case.level > Level.THUONG:
            audit_log.append(session, vs.signer, vs.actor.username, "case.read", case.code,
                             level=case.level)
            uow.commit()
        return detail


def load_case(vs: VaultSession, session: DbSession, code: str, load: bool = False,
              change: bool = False) -> Case:
    """The case with this code; one above the actor's clearance is refused, and the refusal
    audited. `load`: with its team, events, supervisor and chairing unit. `change`: the
    caller will change it or its records, which a role's write ceiling may forbid."""
    case = case_rows.by_code(session, code, load)
    if case is None:
        raise HosoError("case.not_found", code=code)
    if case.level > vs.actor.clearance:
        audit_log.append(session, vs.signer, vs.actor.username, "case.denied", code,
                         level=case.level)
        session.commit()
        raise PermissionDenied("perm.case_level", code=code, level=Level(case.level).label_vi)
    if change:
        require_writable(vs, code, Level(case.level))
        case_rows.lock(session, case)
    return case


def _detail(session: DbSession, case: Case, clearance: int = Level.TUYET_MAT) -> CaseDetail:
    from desktop.services.case_team import memberships
    members = memberships(case)
    opinions = [{"addressee": o.addressee, "kind": o.addressee_kind, "subject": o.subject,
                 "doc": o.doc_ref, "sent": _iso(o.sent_date), "due": _iso(o.due_date),
                 "answered": _iso(o.answered_date)}
                for o in case_rows.opinion_requests_of(session, case.id)]
    directives = [{"issuer": d.issuer, "doc": d.doc_ref, "content": d.content,
                   "issued": _iso(d.issued_date), "due": _iso(d.due_date), "status": d.status,
                   "done": _iso(d.done_date)}
                  for d in case_rows.directives_of(session, case.id)]
    # a document above the reader's clearance shows that it exists, not what it says
    documents = [{"id": d.id, "number": d.number, "type": d.doc_type, "date": _iso(d.doc_date),
                  "issuer": d.issuer if d.level <= clearance else "",
                  "summary": d.summary if d.level <= clearance else "",
                  "level": Level(d.level).label_vi}
                 for d in case_rows.documents_of(session, case.id)]
    results = {"violation_money": case.violation_money, "violation_land_m2": case.violation_land_m2,
               "recovery_money": case.recovery_money, "recovery_land_m2": case.recovery_land_m2,
               "disciplined_orgs": case.disciplined_orgs,
               "disciplined_persons": case.disciplined_persons,
               "referral_cases": case.referral_cases, "referral_persons": case.referral_persons}
    return CaseDetail(
        row=_row(case), content=case.content, period_from=case.period_from,
        period_to=case.period_to, basis=Basis(case.basis), assignment_ref=case.assignment_ref,
        inspecting_level=InspectingLevel(case.inspecting_level), complexity=case.complexity,
        chaired_by=case.chaired_by.name if case.chaired_by else "",
        supervisor=case.supervisor.full_name if case.supervisor else "",
        team=[(m.name, m.role) for m in members if m.until is None or m.until >= date.today()],
        team_history=[m.to_json() for m in members],
        events=[_event_info(e) for e in case.events], opinions=opinions, directives=directives,
        documents=documents, results=results, version=case.version,
        updated_by=case.updated_by, updated_at=case.updated_at,
        consultation_basis=case.consultation_basis)


# --- helpers ---------------------------------------------------------------------------

_CASE_FIELDS = ("content", "period_from", "period_to", "plan_item_id", "assignment_ref",
                "decision_number", "decision_date", "complexity", "consultation_basis",
                "violation_money", "violation_land_m2", "recovery_money", "recovery_land_m2", "disciplined_orgs",
                "disciplined_persons", "referral_cases", "referral_persons")


def _case_columns(data: CaseInput) -> dict:
    values = {name: getattr(data, name) for name in _CASE_FIELDS}
    values.update(code=data.code.strip(), title=data.title.strip(),
                  inspected_party=data.inspected_party.strip(), basis=data.basis.value,
                  inspecting_level=data.inspecting_level.value, level=int(data.level))
    return values


def _clean(name: str) -> str:
    return " ".join((name or "").split())


def _ensure_staff(session: DbSession, names: set[str]) -> dict[str, int]:
    """name → staff id for every name, adding the missing ones in one statement."""
    wanted = {_clean(n) for n in names} - {""}
    known = staff_rows.ids_by_name(session)
    missing = sorted(wanted - known.keys())
    if missing:
        staff_rows.add_names(session, missing)
        known = staff_rows.ids_by_name(session)
    return {n: known[n] for n in wanted}


def _staff_id(session: DbSession, name: str) -> int | None:
    name = _clean(name)
    if not name:
        return None
    found = staff_rows.id_of(session, name)
    if found is None:
        staff = Staff(full_name=name, position="")
        session.add(staff)
        session.flush()
        found = staff.id
    return found


def _unit_id(session: DbSession, name: str) -> int | None:
    name = " ".join((name or "").split())
    if not name:
        return None
    found = staff_rows.unit_id_of(session, name)
    if found is None:
        unit = Unit(name=name, kind="department")
        session.add(unit)
        session.flush()
        found = unit.id
    return found


def _row(case: Case) -> CaseRow:
    return CaseRow(case.id, case.code, case.title, case.inspected_party, Stage(case.stage),
                   case.stage_date, case.decision_number, case.decision_date, Level(case.level))


def _row_from_tuple(t) -> CaseRow:
    return CaseRow(t.id, t.code, t.title, t.inspected_party, Stage(t.stage), t.stage_date,
                   t.decision_number, t.decision_date, Level(t.level))


def _event_info(e: CaseEvent) -> EventInfo:
    return EventInfo(Stage(e.stage), e.event_date, e.doc_ref, e.note, e.days, e.recorded_by,
                     e.id or 0, e.voided_at is not None, e.void_reason or "", e.corrects_id)


def parse_team(values: Iterable[str]) -> list[tuple[str, TeamRole]]:
    """"Nguyễn Văn A:leader" or "Nguyễn Văn A" (member); Vietnamese role names accepted."""
    from desktop.domain.folding import fold
    aliases = {"truong doan": TeamRole.LEADER, "pho truong doan": TeamRole.DEPUTY,
               "thanh vien": TeamRole.MEMBER, "thu ky": TeamRole.SECRETARY}
    team = []
    for value in values:
        name, _, role_text = value.partition(":")
        name = " ".join(name.split())
        if not name:
            raise InvalidInput("input.bad_team", value=value)
        role_key = fold(role_text).strip() or "member"
        role = aliases.get(role_key) or next((r for r in TeamRole if r.value == role_key), None)
        if role is None:
            raise InvalidInput("input.bad_team", value=value)
        team.append((name, role))
    return team


def parse_optional_date(value: str | None) -> date | None:
    return parse_date(value) if value else None

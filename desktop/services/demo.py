"""Demo data: the situation of Cục II, Thanh tra Chính phủ, at 30/06/2024 (the seed's
half-year review), plus any number of synthetic cases for scale.

The fixed part reproduces the seed: six inspections chaired by Cục II with no conclusion
at the end of the first half of 2024 — one waiting for the Prime Minister's opinion on
issuing the conclusion, four waiting for his opinion on the draft, one still gathering
the opinions of ministries and localities (several of them late) — so the 2024 plan has
not started. Names, numbers and findings are invented (only Phó Tổng Thanh tra Chính phủ
Lê Sỹ Bảy is named by the seed); amounts are plausible, not real.

Everything is deterministic for a given `seed` and `today`; nothing is dated after `today`
(events, documents, answers… that would be are left out, as they had not happened yet).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Iterator, Sequence

from desktop.domain.dates import format_date
from desktop.domain.errors import HosoError, PermissionDenied
from desktop.domain.levels import Level
from desktop.domain.stages import Basis, InspectingLevel, Stage, TeamRole
from desktop.services import audit_log
from desktop.services.cases import CaseInput, add_case, add_cases_bulk, add_event
from desktop.services import demo_data
from desktop.services.context import VaultSession
from desktop.services.users import add_user
from desktop.storage import search
from desktop.storage.orm import Unit
from desktop.storage.repos import DbSession
from desktop.storage.repos import cases as case_rows
from desktop.storage.repos import demo as demo_rows
from desktop.storage.repos import users as user_rows
from desktop.storage.repos import staff as staff_rows

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "CUC_II", "SITUATION_DATE", "FIXED_CASE_CODES",
           "STALLED_CASE_CODES", "fill_demo", "synthetic_inputs"]

DEMO_PASSWORD = "matkhau-demo"
SITUATION_DATE = date(2024, 6, 30)   # end of the first half of 2024 (the seed's review)
TTCP = "Thanh tra Chính phủ"
CUC_II = "Cục II – Thanh tra Chính phủ"
CUC_V = "Cục V – Thanh tra Chính phủ"
PM = "Thủ tướng Chính phủ"
BCD_TW = "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực"
TONG_TT = "Tổng Thanh tra Chính phủ"
SUPERVISOR = "Lê Sỹ Bảy"

_BULK_CHUNK = 20_000


_d = demo_data.parse_day


def _vnd(amount: int) -> str:
    """1.234.567.000 đồng (1,2 tỷ đồng), as users write money."""
    dotted = f"{amount:,}".replace(",", ".")
    billions = amount / 1_000_000_000
    short = f"{billions:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{dotted} đồng (khoảng {short} tỷ đồng)"


# --- the literal data (resources/demo/*.json, services.demo_data) ---------------------------

# units (name, kind, parent name); staff (full name, position, unit); users (username,
# role, clearance, staff name): all start with DEMO_PASSWORD and must change it
_UNITS, _STAFF, DEMO_USERS = demo_data.organisation()
_PLAN_2023, _PLAN_2024 = demo_data.plans()
_Plan, _Fixed = demo_data.Plan, demo_data.Fixed
_FIXED, _RECOVERED_SHARE, _POLICY = demo_data.cases()
FIXED_CASE_CODES: tuple[str, ...] = tuple(f.code for f in _FIXED)
STALLED_CASE_CODES: tuple[str, ...] = FIXED_CASE_CODES[:6]
# directives (issuer, doc_ref, content, issued, due, done or None, case code or None,
# assignee); which stage records which kind of document (type, issuer, summary template)
_DIRECTIVES, _DOCS = demo_data.directives()
S = Stage


# --- the entry point ----------------------------------------------------------------------

def view(vs: VaultSession) -> "tuple[date, bool]":
    """(the day the vault is viewed as of, whether it holds the demo data): what the
    desktop program's status bar says after unlocking."""
    from desktop.services import settings
    day = settings.view_date(vs)
    with vs.uow() as uow:
        filled = demo_rows.filled(uow.session)
    return day, filled


def fill_demo(vs: VaultSession, synthetic_cases: int = 0, today: date | None = None,
              seed: int = 2024) -> int:
    """Fill an open, freshly created vault with the demo; returns the number of cases added.

    The acting user must be an administrator cleared for Tối mật (the vault's creator is).
    """
    if not vs.actor.is_admin:
        raise PermissionDenied("perm.admin_only")
    if vs.actor.clearance < Level.TOI_MAT:
        raise PermissionDenied("perm.level_above_own", level=Level.TOI_MAT.label_vi)
    if synthetic_cases < 0:
        raise ValueError("synthetic_cases must be >= 0")
    # the services refuse dates after the real today, whatever the caller says
    today = min(today or date.today(), date.today())

    _refuse_second_fill(vs)

    staff_pool = _synthetic_staff(random.Random(f"{seed}-staff")) if synthetic_cases else {}
    _add_organisation(vs, today, staff_pool)
    from desktop.services import settings
    settings.set_value(vs, "unit_name", CUC_II)   # the agency named on every export
    # the demo reads as Cục II saw it at the end of its half-year, not years overdue
    settings.set_value(vs, "as_of", format_date(SITUATION_DATE))
    for username, role, clearance, staff_name in DEMO_USERS:
        add_user(vs, username, role, clearance, DEMO_PASSWORD, full_name=staff_name)

    plan_items = _plan_item_ids(vs, _PLAN_2023)
    added = 0
    for spec in _FIXED:
        if _add_fixed_case(vs, spec, today, plan_items):
            added += 1
    _add_records(vs, today)

    if synthetic_cases:
        inputs = synthetic_inputs(synthetic_cases, seed=seed, today=today, staff_pool=staff_pool)
        for start in range(0, len(inputs), _BULK_CHUNK):
            added += add_cases_bulk(vs, inputs[start:start + _BULK_CHUNK])
    return added


def _refuse_second_fill(vs: VaultSession) -> None:
    """Check before writing anything: a second fill would fail half-way through."""
    with vs.uow() as uow:
        session = uow.session
        user = demo_rows.first_user_among(session, [u[0] for u in DEMO_USERS])
        if user:
            raise HosoError("user.exists", user=user)
        codes = case_rows.codes_among(session, FIXED_CASE_CODES)
        if codes:
            raise HosoError("case.exists", code=codes[0])


def _add_organisation(vs: VaultSession, today: date, staff_pool: dict[str, list[tuple[str, str]]]
                      ) -> None:
    """Units and staff (no service for the directory yet: ORM rows, one audit row), then
    the annual plans through their services."""
    with vs.uow() as uow:
        session = uow.session
        unit_ids = _ensure_units(session, [(n, k, p) for n, k, p in _UNITS])
        chairs = [(name, "inspectorate", TTCP if level is InspectingLevel.GOVERNMENT else None)
                  for name, level, _key in _chairs() if name in staff_pool]
        unit_ids.update(_ensure_units(session, chairs))
        known = staff_rows.names(session)
        new_staff = [{"full_name": n, "position": pos, "unit_id": unit_ids[u], "active": True}
                     for n, pos, u in _STAFF if n not in known]
        for unit_name, people in staff_pool.items():
            new_staff += [{"full_name": n, "position": pos, "unit_id": unit_ids[unit_name],
                           "active": True} for n, pos in people if n not in known]
        if new_staff:
            staff_rows.add_many(session, new_staff)
        session.flush()
        audit_log.append(session, vs.signer, vs.actor.username, "demo.fill", "organisation",
                         units=len(unit_ids), staff=len(new_staff))
        uow.commit()
    _add_plans(vs, today)


def _add_plans(vs: VaultSession, today: date) -> None:
    """The annual plans as the Plan page makes them: created, items typed in, approved."""
    from desktop.services import plan_changes, plans
    for plan in (_PLAN_2023, _PLAN_2024):
        if plan.approved_date > today:
            continue
        plans.create_plan(vs, plan.year, plan.title, unit=CUC_II)
        for party, content, quarter, days, size in plan.items:
            plans.add_item(vs, plan.year, party, content, quarter, days, size)
        plan_changes.approve(vs, plan.year, plan.approved_number, plan.approved_date)


def _ensure_units(session: DbSession, units: Sequence[tuple[str, str, str | None]]
                  ) -> dict[str, int]:
    ids = staff_rows.unit_ids(session)
    for name, kind, parent in units:
        if name not in ids:
            unit = Unit(name=name, kind=kind, parent_id=ids.get(parent) if parent else None)
            session.add(unit)
            session.flush()
            ids[name] = unit.id
    # a parent listed after its child (the coffee corporation's ministry)
    for name, _kind, parent in units:
        if parent and parent in ids:
            unit = session.get(Unit, ids[name])
            if unit.parent_id is None:
                unit.parent_id = ids[parent]
    return ids


def _plan_item_ids(vs: VaultSession, plan: _Plan) -> list[int]:
    with vs.uow() as uow:
        row = demo_rows.latest_plan(uow.session, plan.year, plan.title)
        return [item.id for item in row.items] if row else []


def _add_fixed_case(vs: VaultSession, spec: _Fixed, today: date, plan_items: list[int]) -> bool:
    events = [e for e in spec.events if _d(e[1]) <= today]
    if not events:
        return False
    concluded = any(e[0] is S.CONCLUDED for e in events)
    stage, when, number, _note, _days = spec.decision
    team = [(spec.leader, TeamRole.LEADER), (spec.deputy, TeamRole.DEPUTY)]
    team += [(name, TeamRole.MEMBER) for name in spec.members]
    team.append((spec.secretary, TeamRole.SECRETARY))
    plan_item_id = None
    if spec.plan_item is not None and spec.plan_item < len(plan_items):
        plan_item_id = plan_items[spec.plan_item]
    data = CaseInput(
        code=spec.code, title=spec.title, inspected_party=spec.party, content=spec.content,
        period_from=_d(spec.period[0]), period_to=_d(spec.period[1]), basis=spec.basis,
        plan_item_id=plan_item_id, assignment_ref=spec.assignment_ref, decision_number=number,
        decision_date=_d(when), inspecting_level=InspectingLevel.GOVERNMENT,
        complexity=spec.complexity, chaired_by=CUC_II, supervisor=SUPERVISOR, team=team,
        level=spec.level, **(spec.results if concluded else {}))
    add_case(vs, data)   # records the decision event
    closing = [e for e in events[1:] if e[0] is S.CLOSED]
    for stage, when, doc, note, days in events[1:]:
        if stage is not S.CLOSED:
            add_event(vs, spec.code, stage, _d(when), doc_ref=doc, note=note, days=days)
    if concluded:   # the recommendations are followed up before the case can close
        _add_recommendations(vs, spec, today, _d(closing[0][1]) if closing else None)
    for stage, when, doc, note, days in closing:
        add_event(vs, spec.code, stage, _d(when), doc_ref=doc, note=note, days=days)
    return True


# How far each conclusion's recommendations had got: the share of the money recovered at
# the follow-up (a case closed in the demo has all of them done before its closing).


def _add_recommendations(vs: VaultSession, spec: _Fixed, today: date, closed: date | None) -> None:
    """The conclusion's recommendations and their follow-up, through the service the
    Result tab and `hoso recommendation` call."""
    from desktop.services import recommendations
    concluded = _d(next(e[1] for e in spec.events if e[0] is S.CONCLUDED))
    r, party = spec.results, spec.party
    due = concluded + timedelta(days=180)
    items: list[tuple[int, str, int, float]] = []   # id, kind, money, land
    if r.get("recovery_money"):
        items.append((recommendations.add(
            vs, spec.code, "recover_money", party, "Thu hồi về ngân sách nhà nước số tiền sai phạm",
            r["recovery_money"], due=due), "recover_money", r["recovery_money"], 0.0))
    if r.get("recovery_land_m2"):
        items.append((recommendations.add(
            vs, spec.code, "recover_land", party, "Thu hồi diện tích đất giao, cho thuê sai quy định",
            area_m2=r["recovery_land_m2"], due=due), "recover_land", 0, r["recovery_land_m2"]))
    if r.get("disciplined_orgs") or r.get("disciplined_persons"):
        text = (f"Kiểm điểm, xử lý trách nhiệm {r.get('disciplined_orgs', 0)} tổ chức, "
                f"{r.get('disciplined_persons', 0)} cá nhân có sai phạm")
        items.append((recommendations.add(vs, spec.code, "discipline", party, text, due=due),
                      "discipline", 0, 0.0))
    if r.get("referral_cases"):
        text = (f"Chuyển hồ sơ {r['referral_cases']} vụ việc, {r.get('referral_persons', 0)} người "
                "có dấu hiệu tội phạm sang Cơ quan Cảnh sát điều tra, Bộ Công an")
        items.append((recommendations.add(vs, spec.code, "referral", "Cơ quan Cảnh sát điều tra, "
                                          "Bộ Công an", text, due=concluded + timedelta(days=30)),
                      "referral", 0, 0.0))
    if spec.code in _POLICY:
        addressee, text = _POLICY[spec.code]
        items.append((recommendations.add(vs, spec.code, "policy", addressee, text), "policy", 0, 0.0))
    share = _RECOVERED_SHARE.get(spec.code, 0.0)
    day = min(concluded + timedelta(days=120), (closed or today) - timedelta(days=5), today)
    if day <= concluded:
        return
    for rec_id, kind, money, land in items:
        if share >= 1.0:
            recommendations.update(vs, rec_id, day, "done", money or None, land or None)
        elif kind == "recover_money" and share > 0:
            recommendations.update(vs, rec_id, day, "partly_done", int(round(money * share, -6)))
        elif kind in ("recover_land", "discipline") and share > 0:
            recommendations.update(vs, rec_id, day, "in_progress",
                                   recovered_area_m2=round(land * share, 1) if land else None)
        elif kind == "referral":
            recommendations.update(vs, rec_id, day, "done",
                                   note="Cơ quan điều tra đã tiếp nhận hồ sơ")


def _add_opinions_and_directives(vs: VaultSession, today: date, present: set[str]) -> None:
    """Through the services a user's forms call: each letter, reply and directive is
    recorded (and audited) as if typed in (the demo proves they can be)."""
    from desktop.services import directives, opinion_requests
    for spec in _FIXED:
        if spec.code not in present:
            continue
        for op in spec.opinions:
            sent = _d(op.sent)
            if sent > today:
                continue
            [request] = opinion_requests.send(vs, spec.code, [(op.addressee, op.kind)], sent,
                                              op.doc_ref, op.subject, sent + timedelta(days=30))
            if op.answered and _d(op.answered) <= today:
                opinion_requests.reply(vs, request, _d(op.answered), op.answer_ref)
    for issuer, ref, content, issued, due, done, code, assignee in _DIRECTIVES:
        if _d(issued) > today or (code and code not in present):
            continue
        made = directives.add(vs, code or None, issuer, content, _d(due), _d(issued), ref,
                              assignee)
        if done and _d(done) <= today:
            directives.done(vs, made, _d(done))


def _add_records(vs: VaultSession, today: date) -> None:
    """Opinion requests, directives and documents through the services the forms call
    (documents are register records without a file, in date order so that the classified
    ones get their register numbers as a secretary entering them would); the links of the
    directory (inspected unit, the demo users' staff records) directly, having no service."""
    from desktop.services import documents as docs
    with vs.uow() as uow:
        present = set(case_rows.codes_among(uow.session, FIXED_CASE_CODES))
    _add_opinions_and_directives(vs, today, present)
    # (a step with no document number has no register entry: a secretary could not make one)
    papers = [(doc["doc_date"] or date.min, doc["number"], spec.code, doc)
              for spec in _FIXED if spec.code in present for doc in _documents(spec, today)
              if doc["number"].strip()]
    for _day, _number, code, doc in sorted(papers, key=lambda p: (p[0], p[1])):
        docs.add_document(vs, docs.DocumentInput(
            number=doc["number"], doc_type=doc["doc_type"], level=Level(doc["level"]),
            case_code=code, doc_date=doc["doc_date"], issuer=doc["issuer"],
            summary=doc["summary"]))
    with vs.uow() as uow:
        session = uow.session
        cases = {c.code: c for c in case_rows.with_codes(session, FIXED_CASE_CODES)}
        units = staff_rows.unit_ids(session)
        for spec in _FIXED:
            case = cases.get(spec.code)
            if case is not None and case.inspected_unit_id is None and case.level == Level.THUONG:
                # (a classified case's party is sealed: no link to it in clear)
                case.inspected_unit_id = units.get(spec.party)
        # demo users are the staff they are named after
        staff_ids = staff_rows.ids_by_name_in(session, units.get(CUC_II))
        for username, _role, _level, staff_name in DEMO_USERS:
            user = user_rows.by_name(session, username)
            if user is not None and user.staff_id is None:
                user.staff_id = staff_ids.get(staff_name)
        session.flush()
        search.refresh(session, [c.id for c in cases.values()])
        audit_log.append(session, vs.signer, vs.actor.username, "demo.fill", "records",
                         cases=len(cases), documents=len(papers))
        uow.commit()


def _documents(spec: _Fixed, today: date) -> Iterator[dict]:
    conclusion = next((e[2] for e in spec.events if e[0] is S.CONCLUDED), "")
    money = _vnd(spec.results.get("violation_money", 0))
    recovery = _vnd(spec.results.get("recovery_money", 0))
    title_l = spec.title[0].lower() + spec.title[1:]
    draft_no = 0
    for stage, when, doc, _note, days in spec.events:
        if _d(when) > today or stage not in _DOCS:
            continue
        doc_type, issuer, template = _DOCS[stage]
        summary = template.format(title_l=title_l, decision=spec.decision[2], party=spec.party,
                                  days=days, findings=spec.findings, money=money,
                                  recovery=recovery, conclusion=conclusion)
        if stage is S.DRAFT:
            draft_no += 1
            summary = f"{summary} (lần {draft_no})"
        if not doc and stage is S.DRAFT:   # a draft has no number of its own yet
            doc = f"Dự thảo lần {draft_no} ({spec.code})"
        yield {"number": doc, "doc_type": doc_type, "doc_date": _d(when), "issuer": issuer,
               "summary": summary, "level": int(spec.level)}


# --- synthetic cases ----------------------------------------------------------------------

_NAMES = demo_data.names()
_FAMILY, _MIDDLE_M, _MIDDLE_F = _NAMES["family"], _NAMES["middle_m"], _NAMES["middle_f"]
_GIVEN_M, _GIVEN_F = _NAMES["given_m"], _NAMES["given_f"]
_PROVINCES = _NAMES["provinces"]   # (name, is a centrally-run city)
# ministry → (its inspectorate's specialised topics, the bodies it inspects: "{p}" = province)
_MINISTRIES = _NAMES["ministries"]
_GENERAL_TOPICS, _CONTENT_BITS = _NAMES["general_topics"], _NAMES["content_bits"]
_SOES, _COMPANY_WORDS = _NAMES["soes"], _NAMES["company_words"]
_GOV_CHAIRS, _DEPT_KINDS = _NAMES["gov_chairs"], _NAMES["dept_kinds"]
_DEPT_PROVINCES = 10   # department-level inspectorates in the first N provinces


def _province_label(name: str, is_city: bool) -> str:
    return f"thành phố {name}" if is_city else f"tỉnh {name}"


def _in_province(template: str, name: str, is_city: bool) -> str:
    return template.replace("tỉnh {p}", _province_label(name, is_city)).replace("{p}", name)


def _chairs() -> list[tuple[str, InspectingLevel, str]]:
    """Every synthetic chairing inspectorate: (name, level, key for parties/topics)."""
    chairs = [(name, InspectingLevel.GOVERNMENT, "") for name in _GOV_CHAIRS]
    chairs += [(f"Thanh tra {ministry}", InspectingLevel.MINISTRY, ministry) for ministry in _MINISTRIES]
    chairs += [(f"Thanh tra {_province_label(p, c)}", InspectingLevel.PROVINCE, p)
               for p, c in _PROVINCES]
    for p, c in _PROVINCES[:_DEPT_PROVINCES]:
        chairs += [(_in_province(kind, p, c), InspectingLevel.DEPARTMENT, p) for kind in _DEPT_KINDS]
    return chairs


def _synthetic_staff(rng: random.Random) -> dict[str, list[tuple[str, str]]]:
    """Per chairing inspectorate 8 people (head, deputy, inspectors), names unique vault-wide."""
    taken = {name for name, _pos, _unit in _STAFF}
    pool: dict[str, list[tuple[str, str]]] = {}
    for chair, level, _key in _chairs():
        head = "Cục trưởng" if level is InspectingLevel.GOVERNMENT else "Chánh Thanh tra"
        deputy = "Phó " + head
        positions = [head, deputy] + ["Thanh tra viên chính"] * 2 + ["Thanh tra viên"] * 4
        people = []
        for position in positions:
            while True:
                if rng.random() < 0.55:
                    name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE_M)} {rng.choice(_GIVEN_M)}"
                else:
                    name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE_F)} {rng.choice(_GIVEN_F)}"
                if name not in taken:
                    taken.add(name)
                    break
            people.append((name, position))
        pool[chair] = people
    return pool


_FIXED_HOLIDAYS = {(1, 1), (4, 30), (5, 1), (9, 2)}   # Tết and the Hùng Kings' day move yearly


def _plain_working_day(ordinal: int) -> bool:
    """Weekday and not a fixed-date public holiday (synthetic dates need no more)."""
    if (ordinal - 1) % 7 >= 5:      # date.fromordinal(1) is a Monday
        return False
    d = date.fromordinal(ordinal)
    return (d.month, d.day) not in _FIXED_HOLIDAYS


def synthetic_inputs(count: int, seed: int = 2024, today: date | None = None,
                     staff_pool: dict[str, list[tuple[str, str]]] | None = None) -> list[CaseInput]:
    """`count` synthetic cases, deterministic for (count, seed, today); decisions 2019–2024 on
    weekdays, none after `today`, none chaired by Cục II. Codes "TT-<year>-<serial>" and each
    issuer's decision numbers grow with the decision date."""
    today = min(today or date.today(), date.today())
    rng = random.Random(seed)
    rnd = rng.random

    def pick(seq):
        return seq[int(rnd() * len(seq))]

    pool = staff_pool if staff_pool is not None else _synthetic_staff(random.Random(f"{seed}-staff"))
    chairs = _chairs()
    share = {InspectingLevel.GOVERNMENT: 10, InspectingLevel.MINISTRY: 25,
             InspectingLevel.PROVINCE: 45, InspectingLevel.DEPARTMENT: 20}
    per_level = {lvl: sum(1 for _c, other, _k in chairs if other is lvl) for lvl in share}
    weights = [share[lvl] / per_level[lvl] for _name, lvl, _key in chairs]
    # per chair: the teams it fields (a rotation of its inspectors, 3 to 6 people)
    teams: dict[str, list[list[tuple[str, TeamRole]]]] = {}
    for chair, _lvl, _key in chairs:
        inspectors = [name for name, _pos in pool[chair][2:]]
        variants = []
        for turn in range(len(inspectors)):
            ring = inspectors[turn:] + inspectors[:turn]
            for size in range(3, min(6, len(ring)) + 1):
                team = [(ring[0], TeamRole.LEADER)] + [(m, TeamRole.MEMBER) for m in ring[1:size - 1]]
                team.append((ring[size - 1], TeamRole.SECRETARY))
                variants.append(team)
        teams[chair] = variants
    contents = [f"{a[0].upper()}{a[1:]}; {b}" + (f"; {c}" if c else "")
                for i, a in enumerate(_CONTENT_BITS) for j, b in enumerate(_CONTENT_BITS) if j > i
                for c in ("",) + _CONTENT_BITS[j + 1:j + 4]]
    province_label = [(p, _province_label(p, c)) for p, c in _PROVINCES]
    label_of = dict(province_label)
    ubnd = [f"UBND {label}" for _p, label in province_label]
    ministries = tuple(_MINISTRIES)
    departments = ("Sở Tài chính", "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Sở Kế hoạch và Đầu tư",
          "Sở Giao thông vận tải", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Y tế",
          "Ban Quản lý dự án đầu tư xây dựng")
    dept_topics = _GENERAL_TOPICS[:4] + _GENERAL_TOPICS[10:11]
    ministry_parties = {m: [_in_province(body, p, c) for body in bodies for p, c in _PROVINCES]
                        for m, (_topics, bodies) in _MINISTRIES.items()}

    last = min(date(2024, 12, 31), today)
    first = date(2019, 1, 1) if last >= date(2019, 1, 1) else last - timedelta(days=5 * 365)
    lo, hi = first.toordinal(), last.toordinal()
    ordinals = []
    for _ in range(count):
        o = lo + int(rnd() * (hi - lo + 1))
        while not _plain_working_day(o):
            o -= 1
        if o < lo:
            o = lo
            while not _plain_working_day(o):
                o += 1
        ordinals.append(o)
    ordinals.sort()
    day_of: dict[int, date] = {}

    reserved = {(_d(f.decision[1]).year, f.decision[2].split("/")[0]) for f in _FIXED}
    reserved |= {(_d(e[1]).year, e[2].split("/")[0]) for f in _FIXED for e in f.events
                 if e[0] is S.EXTENDED}
    reserved |= {(p.approved_date.year, p.approved_number.split("/")[0])
                 for p in (_PLAN_2023, _PLAN_2024)}
    counters: dict[tuple[str, int], int] = {}
    chosen = rng.choices(range(len(chairs)), weights=weights, k=count)
    gov, ministry, province = (InspectingLevel.GOVERNMENT, InspectingLevel.MINISTRY,
                               InspectingLevel.PROVINCE)
    out: list[CaseInput] = []
    for serial, (o, ci) in enumerate(zip(ordinals, chosen), start=1):
        decided = day_of.get(o) or day_of.setdefault(o, date.fromordinal(o))
        year = decided.year
        chair, inspecting, key = chairs[ci]
        if inspecting is gov:
            roll = rnd()
            party = pick(ubnd) if roll < 0.45 else pick(ministries) if roll < 0.75 else pick(_SOES)
            topic = pick(_GENERAL_TOPICS)
            symbol, counter_key = "QĐ-TTCP", "TTCP"
            assigner = "Thủ tướng Chính phủ", "VPCP-V.I"
        elif inspecting is ministry:
            party = pick(ministry_parties[key])
            topic = pick(_MINISTRIES[key][0])
            symbol, counter_key = "QĐ-TTr", chair
            assigner = f"Bộ trưởng {key}", "VP"
        elif inspecting is province:
            if rnd() < 0.6:
                party = f"{pick(departments)} {label_of[key]}"
            else:
                party = f"Công ty Cổ phần {pick(_COMPANY_WORDS)} {key}"
            topic = pick(_GENERAL_TOPICS)
            symbol, counter_key = "QĐ-TTr", chair
            assigner = f"Chủ tịch UBND {label_of[key]}", "UBND-NC"
        else:
            party = f"Công ty TNHH Xây dựng {pick(_COMPANY_WORDS)}"
            topic = pick(dept_topics)
            symbol, counter_key = "QĐ-TTr", chair
            assigner = "Giám đốc " + chair.removeprefix("Thanh tra "), "VP"
        period_from = date(year - 2 - int(rnd() * 4), 1, 1)
        period_to = date(year - 1, 12, 31)
        # decision number, unique per issuer and year
        ck = (counter_key, year)
        number = counters.get(ck, int(rnd() * 10)) + 1 + int(rnd() * 3)
        while counter_key == "TTCP" and (year, str(number)) in reserved:
            number += 1
        counters[ck] = number
        assignment = ""
        basis = Basis.PLAN
        if rnd() >= 0.7:
            basis = Basis.ASSIGNMENT
            ref_day = decided - timedelta(days=10 + int(rnd() * 30))
            who, sign = assigner
            assignment = (f"Chỉ đạo của {who} tại Văn bản số {100 + int(rnd() * 8900)}/{sign} "
                          f"ngày {ref_day.day:02d}/{ref_day.month}/{ref_day.year}")
        roll = rnd()
        level = Level.THUONG if roll < 0.85 else Level.MAT if roll < 0.97 else Level.TOI_MAT
        roll = rnd()
        complexity = "normal" if roll < 0.7 else "complex" if roll < 0.95 else "very_complex"
        out.append(CaseInput(
            code=f"TT-{year}-{serial:06d}",
            title=f"Thanh tra {topic} tại {party} giai đoạn {period_from.year}–{year - 1}",
            inspected_party=party, content=pick(contents), period_from=period_from,
            period_to=period_to, basis=basis, assignment_ref=assignment,
            decision_number=f"{number}/{symbol}", decision_date=decided,
            inspecting_level=inspecting, complexity=complexity, chaired_by=chair,
            supervisor=pool[chair][1][0], team=list(pick(teams[chair])), level=level))
    return out

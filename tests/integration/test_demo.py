"""The demo vault shows what the seed describes: Cục II at 30/06/2024 with six inspections
without a conclusion (1 waiting for the PM's opinion on issuing, 4 on the draft, 1 still
consulting ministries and localities), late opinions, and a 2024 plan not started."""

import re
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from desktop import bootstrap
from desktop.domain.errors import HosoError
from desktop.domain.levels import Level
from desktop.domain.stages import Stage
from desktop.services import anchoring, audit_log, vault_service
from desktop.services.cases import CaseFilter, count_cases, get_case, list_cases
from desktop.services.demo import (CUC_II, DEMO_PASSWORD, DEMO_USERS, FIXED_CASE_CODES,
                                   SITUATION_DATE, STALLED_CASE_CODES, fill_demo,
                                   synthetic_inputs)
from desktop.services.users import list_users
from tests.conftest import PASSWORD, server_database
from desktop.storage.orm import (AnnualPlan, Case, CaseEvent, Directive, DocumentRecord,
                                 OpinionRequest, PlanItem, Unit)

SYNTHETIC = 200


@pytest.fixture(scope="module", params=["vault", "server"])
def demo(request, tmp_path_factory):
    """The demo in a vault (its folder) and on a department server (its profile)."""
    folder = tmp_path_factory.mktemp("demo")
    if request.param == "vault":
        path = folder / "v"
        vs = vault_service.create_vault(path, "admin", "demo-password")
    else:
        path = server_database(request.getfixturevalue("pg_cluster"), folder, in_process=True)
        vs = bootstrap.open_session(path, "admin", PASSWORD)
    added = fill_demo(vs, synthetic_cases=SYNTHETIC)
    yield vs, added, path
    vs.close()


def _stage_on(detail, cutoff: date) -> Stage | None:
    """The case's stage as a user would have seen it on `cutoff`: latest milestone by then."""
    milestones = [e.stage for e in detail.events if e.date <= cutoff and e.stage.is_milestone]
    return milestones[-1] if milestones else None


def _cuc_ii_codes(vs) -> list[str]:
    with vs.uow() as uow:
        return list(uow.session.execute(
            select(Case.code).join(Unit, Unit.id == Case.chaired_by_unit_id)
            .where(Unit.name == CUC_II).order_by(Case.code)).scalars())


def test_counts_fixed_plus_synthetic(demo):
    vs, added, _path = demo
    assert added == len(FIXED_CASE_CODES) + SYNTHETIC
    assert count_cases(vs) == added


def test_six_cuc_ii_cases_without_conclusion_at_end_of_first_half_2024(demo):
    vs, _added, _path = demo
    codes = _cuc_ii_codes(vs)
    assert sorted(codes) == sorted(FIXED_CASE_CODES)   # synthetic cases are chaired elsewhere
    details = {code: get_case(vs, code) for code in codes}
    stalled = {code: _stage_on(d, SITUATION_DATE) for code, d in details.items()
               if not _stage_on(d, SITUATION_DATE).has_conclusion}
    assert len(stalled) == 6
    assert set(stalled) == set(STALLED_CASE_CODES)
    assert Counter(stalled.values()) == {Stage.PM_ISSUE_OPINION: 1, Stage.PM_DRAFT_OPINION: 4,
                                         Stage.CONSULTATION: 1}
    for code in stalled:
        d = details[code]
        assert d.chaired_by == CUC_II
        assert d.row.stage == stalled[code]          # still there today
        assert d.inspecting_level.value == "government"
        assert d.row.decision_date.year in (2022, 2023)
        assert re.fullmatch(r"\d+/QĐ-TTCP", d.row.decision_number)
        stages = [e.stage for e in d.events]
        for needed in (Stage.DECISION, Stage.PLAN_APPROVED, Stage.ANNOUNCED, Stage.ONSITE_ENDED,
                       Stage.TEAM_REPORT, Stage.DRAFT):
            assert needed in stages
        milestones = [s for s in stages if s.is_milestone]
        assert milestones == sorted(milestones, key=lambda s: s.rank)   # forward only
        roles = Counter(role.value for _name, role in d.team)
        assert roles["leader"] == 1 and len(d.team) >= 6


def test_concluded_cases_have_conclusions_and_results(demo):
    vs, _added, _path = demo
    concluded = [get_case(vs, code) for code in FIXED_CASE_CODES
                 if code not in STALLED_CASE_CODES]
    assert len(concluded) >= 4
    published = 0
    for d in concluded:
        kl = [e for e in d.events if e.stage is Stage.CONCLUDED]
        assert len(kl) == 1 and re.fullmatch(r"\d+/KL-TTCP", kl[0].doc_ref)
        assert date(2023, 1, 1) <= kl[0].date <= SITUATION_DATE
        assert d.results["violation_money"] >= 1_000_000_000
        assert d.results["recovery_money"] > 0
        assert d.results["disciplined_persons"] > 0
        published += any(e.stage is Stage.PUBLISHED for e in d.events)
    assert published >= 3
    levels = Counter(get_case(vs, c).row.level for c in FIXED_CASE_CODES)
    assert levels[Level.THUONG] > len(FIXED_CASE_CODES) / 2
    assert levels[Level.MAT] >= 1 and 1 <= levels[Level.TOI_MAT] <= 2


def test_2024_plan_not_started_and_2023_plan_carried_out(demo):
    vs, _added, _path = demo
    with vs.uow() as uow:
        s = uow.session
        plan_2024 = s.execute(select(AnnualPlan).where(AnnualPlan.year == 2024)).scalar_one()
        assert plan_2024.approved_date < date(2024, 1, 1)
        assert re.fullmatch(r"\d+/QĐ-TTCP", plan_2024.approved_number)
        items = [i.id for i in plan_2024.items]
        assert 6 <= len(items) <= 8
        for item in plan_2024.items:
            assert 45 <= item.planned_days <= 70 and 6 <= item.planned_team_size <= 10
        assert s.execute(select(Case.id).where(Case.plan_item_id.in_(items))).first() is None
        plan_2023 = s.execute(select(AnnualPlan).where(AnnualPlan.year == 2023)).scalar_one()
        linked = s.execute(select(Case.code).join(PlanItem, PlanItem.id == Case.plan_item_id)
                           .where(PlanItem.plan_id == plan_2023.id)).scalars().all()
    assert len(linked) >= 4
    assert set(linked) & set(STALLED_CASE_CODES)


def test_late_and_unanswered_opinion_requests(demo):
    vs, _added, _path = demo
    with vs.uow() as uow:
        rows = uow.session.execute(select(OpinionRequest)).scalars().all()
        uow.session.expunge_all()
    open_at_cutoff = [r for r in rows if r.answered_date is None and r.sent_date <= SITUATION_DATE]
    overdue = [r for r in open_at_cutoff if r.due_date < SITUATION_DATE and r.addressee_kind != "pm"]
    late = [r for r in rows if r.answered_date and r.answered_date > r.due_date]
    to_pm = [r for r in rows if r.addressee_kind == "pm"]
    assert overdue and late
    assert all(r.sent_date.year == 2024 for r in overdue)
    assert {r.addressee_kind for r in overdue} >= {"ministry", "province"}
    assert to_pm and all(r.addressee == "Thủ tướng Chính phủ" for r in to_pm)
    assert sum(1 for r in to_pm if r.answered_date is None) == 5   # the five PM cases wait
    # what a user sees on the case
    detail = get_case(vs, "C2-2023-04")
    assert any(o["answered"] is None for o in detail.opinions)


def test_directives_some_done_some_overdue(demo):
    vs, _added, _path = demo
    with vs.uow() as uow:
        rows = uow.session.execute(select(Directive)).scalars().all()
        uow.session.expunge_all()
    assert {"Thủ tướng Chính phủ", "Tổng Thanh tra Chính phủ",
            "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực"} <= {r.issuer for r in rows}
    assert all(r.due_date.year == 2024 for r in rows)
    assert any(r.status == "done" for r in rows)
    assert any(r.status == "open" and r.due_date < date.today() for r in rows)


def test_documents_per_case_are_searchable(demo):
    vs, _added, _path = demo
    with vs.uow() as uow:
        s = uow.session
        for code in FIXED_CASE_CODES:
            case_id = s.execute(select(Case.id).where(Case.code == code)).scalar_one()
            types = set(s.execute(select(DocumentRecord.doc_type)
                                  .where(DocumentRecord.case_id == case_id)).scalars())
            assert {"QĐ", "BB", "BC", "DTKL"} <= types, code
    # "cát, sỏi vượt quy hoạch" is only in the Quảng Ninh case's report and draft summaries
    found = [r.code for r in list_cases(vs, CaseFilter(search="cat soi vuot quy hoach"))]
    assert found == ["C2-2022-01"]


def test_search_without_accents_finds_team_members(demo):
    vs, _added, _path = demo
    with_duong = {code for code in FIXED_CASE_CODES
                  if any("Đường" in name for name, _role in get_case(vs, code).team)}
    assert len(with_duong) >= 2
    found = {r.code for r in list_cases(vs, CaseFilter(search="duong"))}
    assert with_duong <= found
    found = {r.code for r in list_cases(vs, CaseFilter(search="dang van duong"))}
    assert found & set(FIXED_CASE_CODES) == with_duong


def test_users_and_first_passwords(demo):
    vs, _added, path = demo
    users = {u.username: u for u in list_users(vs)}
    for username, role, clearance, staff in DEMO_USERS:
        assert users[username].role is role and users[username].clearance is clearance
        assert users[username].must_change_password and users[username].full_name == staff
    assert users["lanhdao"].clearance is Level.TOI_MAT
    assert users["vanthu"].clearance is Level.THUONG
    clerk = bootstrap.open_session(path, "vanthu", DEMO_PASSWORD)
    try:
        assert clerk.actor.must_change_password
        seen = {r.code for r in list_cases(clerk, CaseFilter(search="C2"))}
        assert "C2-2023-01" in seen and "C2-2022-02" not in seen   # Thường yes, Tối mật no
    finally:
        clerk.close()
    # an inspector can read every case of the teams they sit on
    for username, _role, clearance, staff in DEMO_USERS:
        for code in FIXED_CASE_CODES:
            detail = get_case(vs, code)
            if any(name == staff for name, _r in detail.team):
                assert detail.row.level <= clearance, (username, code)


def test_nothing_is_dated_in_the_future(demo):
    vs, _added, _path = demo
    today = date.today()
    with vs.uow() as uow:
        s = uow.session
        dates = list(s.execute(select(CaseEvent.event_date)).scalars())
        dates += list(s.execute(select(Case.decision_date)).scalars())
        dates += [d for d in s.execute(select(DocumentRecord.doc_date)).scalars() if d]
        dates += list(s.execute(select(OpinionRequest.sent_date)).scalars())
        dates += [d for d in s.execute(select(OpinionRequest.answered_date)).scalars() if d]
        dates += [d for d in s.execute(select(Directive.issued_date)).scalars() if d]
        dates += [d for d in s.execute(select(Directive.done_date)).scalars() if d]
    assert dates and max(dates) <= today


def test_audit_chain_verifies(demo):
    vs, _added, _path = demo
    with vs.uow() as uow:
        report = anchoring.verify_in(vs, uow.session)
        actions = {e.action for e in audit_log.entries(uow.session, limit=100_000)}
    assert report.ok
    assert {"demo.fill", "case.add", "case.event", "case.bulk_add", "user.add"} <= actions
    # every record a user keeps, entered through the services the forms call
    assert {"opinion.send", "opinion.reply", "directive.add", "directive.done", "plan.create",
            "plan.item_add", "plan.approve", "recommendation.add", "recommendation.update"} <= actions


def test_the_conclusions_are_followed_up_and_the_closed_case_settled_first(demo):
    from desktop.services import recommendations
    vs, _added, _path = demo
    closed = recommendations.list_for(vs, "C2-2022-06")
    assert closed and all(i.status == "done" for i in closed)
    [line] = [x for x in recommendations.follow_up(vs, date(2024, 1, 1), date(2024, 6, 30))
              if x.case_code == "C2-2022-03"]
    assert line.recommended_money == 38_450_000_000
    assert 0 < line.recovered_money < line.recommended_money


def test_an_earlier_today_cuts_everything_after_it(tmp_path):
    vs = vault_service.create_vault(tmp_path / "v", "admin", "demo-password")
    try:
        cutoff = date(2024, 3, 31)
        added = fill_demo(vs, synthetic_cases=30, today=cutoff)
        assert added == len(FIXED_CASE_CODES) + 30
        assert get_case(vs, "C2-2022-01").row.stage is Stage.PM_DRAFT_OPINION
        assert get_case(vs, "C2-2023-04").row.stage is Stage.CONSULTATION
        assert get_case(vs, "C2-2023-06").row.stage is Stage.CONSULTATION   # KL came in April
        assert get_case(vs, "C2-2023-06").results["violation_money"] == 0
        with vs.uow() as uow:
            s = uow.session
            assert max(s.execute(select(CaseEvent.event_date)).scalars()) <= cutoff
            assert max(s.execute(select(DocumentRecord.doc_date)).scalars()) <= cutoff
            answered = [d for d in s.execute(select(OpinionRequest.answered_date)).scalars() if d]
            assert max(answered) <= cutoff
            assert all(d.issued_date <= cutoff and (d.done_date is None or d.done_date <= cutoff)
                       for d in s.execute(select(Directive)).scalars())
    finally:
        vs.close()


def test_synthetic_cases_are_deterministic_and_varied():
    today = date(2024, 12, 31)
    first = synthetic_inputs(300, seed=7, today=today)
    assert first == synthetic_inputs(300, seed=7, today=today)
    assert first != synthetic_inputs(300, seed=8, today=today)
    assert len({c.code for c in first}) == 300
    assert all(re.fullmatch(r"TT-20\d\d-\d{6}", c.code) for c in first)
    assert all(date(2019, 1, 1) <= c.decision_date <= today for c in first)
    assert all(c.decision_date.weekday() < 5 for c in first)
    assert all(c.chaired_by != CUC_II for c in first)
    assert len({c.chaired_by for c in first}) > 20
    assert len({c.inspecting_level for c in first}) == 4
    assert len({(c.chaired_by, c.decision_number, c.decision_date.year) for c in first}) == 300
    assert any(c.level > Level.THUONG for c in first)
    names = {name for c in first for name, _role in c.team}
    assert any(ch in "".join(names) for ch in "Đđươăâêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỷỹỵ")
    assert all(c.decision_date <= date(2021, 6, 30)
               for c in synthetic_inputs(50, seed=7, today=date(2021, 6, 30)))


def test_a_second_fill_is_refused_before_writing(demo):
    vs, added, _path = demo
    with pytest.raises(HosoError):
        fill_demo(vs, synthetic_cases=5)
    assert count_cases(vs) == added


def test_exports_name_the_agency_at_the_top(demo, tmp_path):
    import openpyxl

    from desktop.services import exporter
    from desktop.services.demo import CUC_II
    vs, _added, _path = demo
    result = exporter.export_cases(vs, tmp_path / "so.xlsx", reason="Kiểm tra")
    sheet = openpyxl.load_workbook(result.path).worksheets[0]
    top = [c.value for row in sheet.iter_rows(max_row=4) for c in row if c.value]
    assert any(CUC_II.upper() in str(v).upper() for v in top), top


def test_the_demo_is_viewed_as_of_its_own_date(demo):
    """Not "overdue by 980 days": the demo reads as Cục II saw it on 30/06/2024, unless a
    date is given; a real vault (no as_of setting) reads as of today."""
    from desktop.services import deadlines_service, settings
    vs, _added, _path = demo
    assert settings.view_date(vs) == SITUATION_DATE
    late = [d.days_late for d in deadlines_service.overdue(vs)
            if d.case_code in FIXED_CASE_CODES]
    assert late and max(late) < 365
    assert deadlines_service.overdue(vs, today=date(2024, 3, 1)) != deadlines_service.overdue(vs)
    with pytest.raises(HosoError):
        settings.set_value(vs, "as_of", "31/02/2024")

"""The dashboard reads what is overdue from the deadline index (stored due dates) instead
of running the engine on every open case: it must say exactly what the engine says, on
any day, after any change — an event recorded, a row rewritten behind the services' back,
a holiday added, a case whose clock is stopped — and still work on a vault it cannot
write."""

from datetime import date

import pytest
from sqlalchemy import text

from desktop.domain.deadlines import DeadlineState
from desktop.domain.stages import Stage
from desktop.services import calendar_service, cases, deadlines_service, vault_service
from desktop.services.demo import fill_demo

from tests.conftest import PASSWORD

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server

DAYS = [date(2024, 6, 30), date(2023, 3, 1), date(2026, 1, 5)]


def _key(items):
    return [(d.case_code, d.kind, d.subject, d.due, d.state, d.days) for d in items]


def _same_as_the_engine(vs, today, limit=25):
    live = deadlines_service.overdue(vs, today=today, indexed=False)
    alarms = deadlines_service.alarms(vs, today=today, limit=limit)
    late = sum(1 for d in live if d.state is DeadlineState.OVERDUE)
    assert (alarms.overdue, alarms.due_soon) == (late, len(live) - late)
    assert _key(alarms.items) == _key(live[:limit])
    assert _key(deadlines_service.overdue(vs, today=today)) == _key(live)
    return live


CHAIN = [Stage.ANNOUNCED, Stage.ONSITE_ENDED, Stage.TEAM_REPORT, Stage.DRAFT, Stage.CONCLUDED]


def _histories(vs, seed=5):
    """Give the synthetic cases histories that stop at random stages, with extensions,
    suspensions (some never resumed) and consultations on the way."""
    import random
    from datetime import datetime, timedelta

    from sqlalchemy import insert, select

    from desktop.storage import case_summary
    from desktop.storage.orm import Case, CaseEvent
    rng = random.Random(seed)
    rows = []

    def event(case_id, stage, day, days=None):
        rows.append({"case_id": case_id, "stage": stage.value, "event_date": day,
                     "doc_ref": "", "note": "", "days": days, "recorded_by": "test",
                     "recorded_at": datetime.now()})

    with vs.uow() as uow:
        for case_id, decided in uow.session.execute(
                select(Case.id, Case.decision_date).where(Case.code.like("TT-%"))):
            day = decided
            for stage in CHAIN[: rng.randrange(0, len(CHAIN) + 1)]:
                day += timedelta(days=rng.randrange(3, 60))
                event(case_id, stage, day)
                if stage is Stage.ANNOUNCED and rng.random() < 0.3:
                    event(case_id, Stage.EXTENDED, day + timedelta(days=5), rng.randrange(5, 30))
                if stage is Stage.ANNOUNCED and rng.random() < 0.3:
                    event(case_id, Stage.SUSPENDED, day + timedelta(days=10))
                    if rng.random() < 0.6:
                        event(case_id, Stage.RESUMED, day + timedelta(days=25))
                    else:
                        break   # still suspended
                if stage is Stage.DRAFT and rng.random() < 0.5:
                    event(case_id, Stage.CONSULTATION, day + timedelta(days=4))
        uow.session.connection().execute(insert(CaseEvent.__table__), rows)
        case_summary.refresh(uow.session)
        uow.commit()


@pytest.fixture
def demo(vault):
    fill_demo(vault, synthetic_cases=300)
    _histories(vault)
    return vault


def _stored(vs):
    """(open cases, cases indexed, of which judged live)"""
    with vs.uow() as uow:
        return tuple(uow.session.execute(text(
            "SELECT (SELECT count(*) FROM cases WHERE closed_on IS NULL), count(*), "
            "sum(CASE WHEN volatile THEN 1 ELSE 0 END) FROM deadline_index_cases")).one())


def test_the_dashboard_reading_is_the_engines_on_any_day(demo):
    for today in DAYS:
        live = _same_as_the_engine(demo, today)
        assert len(live) > 25   # enough to cut the list
    open_cases, indexed, live = _stored(demo)
    assert indexed == open_cases > 200 and live > 10


def test_a_recorded_event_changes_the_list_at_once(demo):
    today = date(2024, 6, 30)
    listed = deadlines_service.alarms(demo, today=today, limit=10_000).items
    worst = next(d for d in listed if d.case_code and d.kind == "onsite_end")
    cases.add_event(demo, worst.case_code, Stage.ONSITE_ENDED, today)  # on-site is over
    after = _same_as_the_engine(demo, today)
    assert (worst.case_code, "onsite_end") not in {(d.case_code, d.kind) for d in after}
    cancelled = next(d for d in after if d.case_code).case_code
    cases.add_event(demo, cancelled, Stage.CANCELLED, today)   # a closed case drops off
    assert cancelled not in {d.case_code for d in _same_as_the_engine(demo, today)}


def test_rows_rewritten_behind_the_services_back_are_recomputed(demo):
    """A bulk write (an import, a repair) that rewrites a case's facts in SQL: the
    trigger drops its stored deadlines."""
    today = date(2024, 6, 30)
    _same_as_the_engine(demo, today)
    with demo.uow() as uow:
        uow.session.execute(text(
            "UPDATE cases SET inspecting_level = 'province', complexity = 'complex' "
            "WHERE id IN (SELECT id FROM cases WHERE closed_on IS NULL LIMIT 40)"))
        uow.session.execute(text(
            "UPDATE cases SET level = 0 WHERE id IN (SELECT id FROM cases WHERE level > 0 "
            "AND closed_on IS NULL LIMIT 5)"))
        uow.commit()
    _same_as_the_engine(demo, today)


def test_a_new_holiday_or_stage_limit_recomputes_every_case(demo):
    from desktop.services import settings
    today = date(2024, 6, 30)
    before = _same_as_the_engine(demo, today)
    first_due = before[0].due
    calendar_service.set_day(demo, first_due, "holiday", "Nghỉ bù thử")
    settings.set_value(demo, "stage_limit_decision", "5")
    after = _same_as_the_engine(demo, today)
    assert _key(after) != _key(before)


def test_a_case_whose_clock_is_stopped_is_judged_on_the_day(demo):
    """An open suspension moves the on-site due date with each day: never stored."""
    code = "TAM-DUNG-1"
    cases.add_case(demo, cases.CaseInput(code=code, title="Thanh tra tạm dừng",
                                         decision_date=date(2024, 1, 2)))
    cases.add_event(demo, code, Stage.ANNOUNCED, date(2024, 1, 10))
    cases.add_event(demo, code, Stage.SUSPENDED, date(2024, 1, 20))
    for today in (date(2024, 2, 1), date(2024, 9, 1)):
        live = _same_as_the_engine(demo, today, limit=400)
        assert code not in {d.case_code for d in live}   # the clock is stopped
    cases.add_event(demo, code, Stage.RESUMED, date(2024, 2, 1))
    live = _same_as_the_engine(demo, date(2025, 1, 1), limit=400)
    assert code in {d.case_code for d in live}


def test_a_vault_that_cannot_be_written_is_judged_case_by_case(tmp_path):
    vs = vault_service.create_vault(tmp_path / "vault", "admin", PASSWORD, "Quản trị")
    fill_demo(vs, synthetic_cases=50)
    expected = _key(deadlines_service.overdue(vs, today=DAYS[0], indexed=False))
    vs.close()
    ro = vault_service.open_vault(tmp_path / "vault", "admin", PASSWORD, read_only=True)
    try:
        alarms = deadlines_service.alarms(ro, today=DAYS[0], limit=10_000)
        assert _key(alarms.items) == expected and alarms.total == len(expected)
        assert _key(deadlines_service.overdue(ro, today=DAYS[0])) == expected
    finally:
        ro.close()

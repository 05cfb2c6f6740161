"""What is stored on a case but derived from its events (started_on, closed_on,
event_trail) always equals what the events say, whichever way they were written."""

from datetime import date

from alembic import command
from sqlalchemy import text

from desktop.domain.stages import Stage
from desktop.services import cases, deadlines_service, importer
from desktop.services.demo import fill_demo
from desktop.storage import case_summary, migrate
from desktop.storage.engine import make_engine

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server

_STORED = "SELECT id, started_on, closed_on, event_trail FROM cases ORDER BY id"


def _stored_and_recomputed(vs):
    """(what the cases table holds, what a fresh refresh computes), rolled back after."""
    with vs.uow() as uow:
        stored = uow.session.execute(text(_STORED)).all()
        case_summary.refresh(uow.session)
        fresh = uow.session.execute(text(_STORED)).all()
        uow.session.rollback()
    return stored, fresh


def test_demo_data_add_case_add_event_and_import_keep_the_trail_true(vault, tmp_path):
    fill_demo(vault, synthetic_cases=30)
    cases.add_case(vault, cases.CaseInput(code="TT-X1", title="Thanh tra X", decision_date=date(2024, 3, 1)))
    cases.add_event(vault, "TT-X1", Stage.ANNOUNCED, date(2024, 3, 20))
    cases.add_event(vault, "TT-X1", Stage.EXTENDED, date(2024, 4, 2), days=10)
    # recorded late: its place in the trail is its date's, not its entry's
    cases.add_event(vault, "TT-X1", Stage.PLAN_APPROVED, date(2024, 3, 10))
    stored, fresh = _stored_and_recomputed(vault)
    assert stored == fresh
    trail = dict((row[0], row[3]) for row in stored)
    x1 = next(r.id for r in cases.list_cases(vault) if r.code == "TT-X1")
    assert trail[x1] == ("decision 2024-03-01 ;plan_approved 2024-03-10 ;announced 2024-03-20 ;"
                         "extended 2024-04-02 10")
    # the engine reads the trail: the extension moves the on-site deadline
    onsite = next(d for d in deadlines_service.for_case(vault, "TT-X1", today=date(2024, 4, 3))
                  if d.kind == "onsite_end")
    assert onsite.counted_from_date == date(2024, 3, 20)
    assert onsite.limit_days > 10


def test_imported_cases_carry_their_decision_in_the_trail(vault, tmp_path):
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Ngày QĐ"])
    sheet.append(["NK-1", "Thanh tra A", "08/07/2024"])
    sheet.append(["NK-2", "Thanh tra B", None])
    book.save(tmp_path / "ds.xlsx")
    importer.commit(vault, importer.analyse(vault, tmp_path / "ds.xlsx", "cases"))
    stored, fresh = _stored_and_recomputed(vault)
    assert stored == fresh
    assert [row[3] for row in stored] == ["decision 2024-07-08 ", None]


def test_upgrading_a_vault_of_the_previous_version_fills_the_trail(tmp_path):
    engine = make_engine(tmp_path / "old.db", None)
    config = migrate._config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")
        conn.exec_driver_sql(
            "INSERT INTO cases (id, code, title, inspected_party, content, basis, assignment_ref, "
            "decision_number, inspecting_level, complexity, level, stage, violation_money, "
            "violation_land_m2, recovery_money, recovery_land_m2, disciplined_orgs, "
            "disciplined_persons, referral_cases, referral_persons, units_inspected, created_at, "
            "updated_at, version) VALUES (1, 'C', 'T', '', '', 'plan', '', '', 'government', "
            "'normal', 0, 'announced', 0, 0, 0, 0, 0, 0, 0, 0, 1, '2024-01-01', '2024-01-01', 1)")
        for stage, day in (("announced", "2024-02-05"), ("decision", "2024-01-15")):
            conn.exec_driver_sql(
                "INSERT INTO case_events (case_id, stage, event_date, doc_ref, note, recorded_by, "
                f"recorded_at) VALUES (1, '{stage}', '{day}', '', '', 'x', '2024-01-01')")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        trail = conn.exec_driver_sql("SELECT event_trail FROM cases").scalar()
    assert trail == "decision 2024-01-15 ;announced 2024-02-05 "

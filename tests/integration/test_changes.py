"""A committed write says what it changed (VaultSession.take_changes, filled by the unit of
work from the tables it wrote); a read — even one that appends audit rows or refreshes the
deadline index — changes nothing a page shows; a refused write changes nothing."""

from datetime import date

import pytest

from desktop.domain.changes import Area, Changes
from desktop.domain.errors import HosoError
from desktop.domain.levels import Level
from desktop.domain.stages import Stage, TeamRole
from desktop.services import (audit_browse, case_edit, case_team, cases, dashboard,
                              deadlines_service, directives, documents, opinion_requests,
                              opinions_directives, recommendations, report, settings)
from desktop.services.demo import fill_demo

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


def _after(vs, write) -> Changes:
    vs.take_changes()
    write()
    return vs.take_changes()


def test_each_write_says_what_it_changed(vault):
    assert _after(vault, lambda: cases.add_case(vault, cases.CaseInput(
        code="C-1", title="Thanh tra đất đai", decision_date=date(2024, 3, 1)))).touches(
        {Area.CASES})
    assert Area.EVENTS in _after(vault, lambda: cases.add_event(
        vault, "C-1", Stage.ANNOUNCED, date(2024, 3, 10))).areas
    assert _after(vault, lambda: case_edit.edit_case(
        vault, "C-1", {"title": "Thanh tra đất đai năm 2024"}, reason="sửa tên")) == Changes(
        Area.CASES)
    # a name the register has not seen is added to the staff list too
    assert _after(vault, lambda: case_team.add_member(
        vault, "C-1", "Nguyễn Văn Mới", TeamRole.MEMBER, date(2024, 3, 12))) == Changes(
        Area.CASES, Area.STAFF)
    assert _after(vault, lambda: opinion_requests.send(
        vault, "C-1", [("Sở Tài chính", None)], date(2024, 3, 15))) == Changes(Area.OPINIONS)
    assert _after(vault, lambda: directives.add(
        vault, "C-1", "Chánh Thanh tra", "Báo cáo tiến độ", date(2024, 4, 1))) == Changes(
        Area.DIRECTIVES)
    assert _after(vault, lambda: documents.add_document(vault, documents.DocumentInput(
        number="12/QĐ-TTr", case_code="C-1", level=Level.MAT))) == Changes(Area.DOCUMENTS)
    assert _after(vault, lambda: settings.set_value(vault, "due_soon_days", "7")) == Changes(
        Area.RULES)
    for stage, day in ((Stage.ONSITE_ENDED, date(2024, 5, 15)), (Stage.TEAM_REPORT, date(2024, 6, 1)),
                       (Stage.DRAFT, date(2024, 6, 15)), (Stage.CONCLUDED, date(2024, 7, 1))):
        cases.add_event(vault, "C-1", stage, day)
    assert _after(vault, lambda: recommendations.add(
        vault, "C-1", "recover_money", "UBND", "Thu hồi", 1000)) == Changes(Area.RESULTS)


def test_a_refused_write_changes_nothing(vault):
    cases.add_case(vault, cases.CaseInput(code="C-1", title="Một cuộc"))
    vault.take_changes()
    with pytest.raises(HosoError):
        cases.add_case(vault, cases.CaseInput(code="C-1", title="Trùng mã"))
    with pytest.raises(HosoError):
        recommendations.add(vault, "C-1", "recover_money", "UBND", "Chưa kết luận", 1000)
    assert not vault.take_changes()


def test_reads_change_nothing_a_page_shows(vault):
    fill_demo(vault, synthetic_cases=20)
    vault.take_changes()
    code = cases.list_cases(vault)[0].code
    cases.get_case(vault, code)                      # audited: appends to the audit trail
    cases.list_rows(vault, cases.CaseFilter(search="dat dai"))
    deadlines_service.alarms(vault)                  # brings the deadline index up to date
    deadlines_service.overdue(vault)
    dashboard.stage_counts(vault)
    dashboard.monthly(vault)
    opinions_directives.register(vault)
    recommendations.list_for(vault)
    report.period_report(vault, date(2024, 1, 1), date(2024, 6, 30))
    for row in documents.list_documents(vault)[:5]:
        documents.get_document(vault, row.id)
    audit_browse.page(vault)
    assert vault.take_changes() == Changes()


def test_every_table_has_its_area_or_none_on_purpose():
    """A new table must be placed: else its writes would reload no page."""
    from desktop.storage.change_areas import NO_AREA, TABLE_AREAS
    from desktop.storage.orm import Base
    tables = set(Base.metadata.tables)
    assert tables == set(TABLE_AREAS) | NO_AREA, tables ^ (set(TABLE_AREAS) | NO_AREA)


def test_no_page_tells_a_change_by_hand():
    """Pages hear what writes changed from AppContext.db, never from a hand-written list."""
    from pathlib import Path
    ui = Path(__file__).resolve().parents[2] / "desktop" / "ui"
    emitters = [p.relative_to(ui).as_posix() for p in ui.rglob("*.py")
                if "data_changed.emit" in p.read_text(encoding="utf-8")]
    assert emitters == ["context.py"]

"""A case held in a stage the law gives no limit (a decision never announced) is overdue
after the days an administrator set, with an explanation that says whose limit it is."""

from datetime import date

from desktop.domain import deadlines as engine
from desktop.storage.resource_files import load_default_calendar
from desktop.domain.deadlines import CaseFacts, DeadlineState, EventFact
from desktop.domain.stages import InspectingLevel, Stage


def _facts(*events):
    return CaseFacts("K-1", date(2023, 3, 1), InspectingLevel.GOVERNMENT, "normal",
                     tuple(EventFact(stage, day) for stage, day in events))


def test_a_decision_never_announced_is_overdue_after_the_set_days():
    cal = load_default_calendar()
    case = _facts((Stage.DECISION, date(2023, 3, 1)))
    found = engine.stage_limit_deadline(case, {"decision": 15}, cal, date(2024, 6, 30))
    assert found.state is DeadlineState.OVERDUE and found.due == date(2023, 3, 16)
    assert found.kind == engine.STAGE_LIMIT and found.label("vi") == "Giai đoạn kéo dài quá mức"
    text = found.explanation("vi")
    assert "Quyết định thanh tra" in text and "01/03/2023" in text and "quản trị viên đặt 15 ngày" in text
    assert "administrator set 15 days" in found.explanation("en")
    # on time within the days; nothing once announced, or with the limit off
    assert engine.stage_limit_deadline(case, {"decision": 15}, cal,
                                       date(2023, 3, 2)).state is DeadlineState.ON_TIME
    announced = _facts((Stage.DECISION, date(2023, 3, 1)), (Stage.ANNOUNCED, date(2023, 3, 10)))
    assert engine.stage_limit_deadline(announced, {"decision": 15}, cal, date(2024, 6, 30)) is None
    assert engine.stage_limit_deadline(case, {"decision": 0}, cal, date(2024, 6, 30)) is None


def test_an_imported_case_stuck_at_its_decision_is_on_the_overdue_list(vault, tmp_path):
    from openpyxl import Workbook

    from desktop.services import deadlines_service, importer, settings
    wb = Workbook()
    wb.active.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Ngày quyết định"])
    wb.active.append(["NK-2023", "Thanh tra tồn đọng", "01/03/2023"])
    wb.save(tmp_path / "ds.xlsx")
    importer.commit(vault, importer.analyse(vault, tmp_path / "ds.xlsx", "cases"))
    found = [d for d in deadlines_service.overdue(vault, today=date(2024, 6, 30))
             if d.case_code == "NK-2023"]
    assert [d.kind for d in found] == [engine.STAGE_LIMIT]
    assert "Quyết định thanh tra" in found[0].explanation("vi")
    settings.set_value(vault, "stage_limit_decision", "0")
    assert not [d for d in deadlines_service.overdue(vault, today=date(2024, 6, 30))
                if d.case_code == "NK-2023"]

"""A wrongly recorded workflow event is corrected or voided with a reason, never deleted:
the timeline keeps both, the stage and the deadlines follow, the audit keeps both."""

from datetime import date

import pytest

from desktop.domain.errors import HosoError, InvalidInput
from desktop.domain.levels import Level
from desktop.domain.stages import Stage
from desktop.services import audit_log, case_edit, cases, deadlines_service, event_fix
from tests.conftest import PASSWORD, run_hoso
from tests.raw_db import raw

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


def _case(vault, level=Level.THUONG):
    cases.add_case(vault, cases.CaseInput(code="F-1", title="Thanh tra đất đai", level=level,
                                          decision_date=date(2024, 3, 1), decision_number="12/QĐ"))
    cases.add_event(vault, "F-1", Stage.ANNOUNCED, date(2024, 3, 15))
    cases.add_event(vault, "F-1", Stage.ONSITE_ENDED, date(2024, 4, 15))
    return {e.stage: e.id for e in cases.get_case(vault, "F-1").events}


def _onsite_due(vault):
    found = deadlines_service.for_case(vault, "F-1", date(2024, 4, 30))
    from desktop.domain.deadlines import ONSITE_END
    return next(d.due for d in found if d.kind == ONSITE_END)


def test_a_corrected_date_replaces_the_event_and_moves_the_deadlines(vault):
    ids = _case(vault)
    before = _onsite_due(vault)
    fixed = event_fix.fix_event(vault, "F-1", ids[Stage.ANNOUNCED], when=date(2024, 3, 18),
                                reason="Ghi nhầm ngày công bố")
    assert fixed.corrects_id == ids[Stage.ANNOUNCED] and fixed.date == date(2024, 3, 18)
    events = cases.get_case(vault, "F-1").events
    old = next(e for e in events if e.id == ids[Stage.ANNOUNCED])
    assert old.voided and old.void_reason == "Ghi nhầm ngày công bố"
    assert len(events) == 4
    assert _onsite_due(vault) > before
    with vault.uow() as uow:
        row = audit_log.entries(uow.session, action="case.event_fix", limit=1)[0]
    assert row.detail["event"] == ids[Stage.ANNOUNCED] and row.detail["replaced_by"] == fixed.id


def test_a_void_recomputes_the_stage_and_refusals_change_nothing(vault):
    ids = _case(vault)
    with pytest.raises(InvalidInput):
        event_fix.fix_event(vault, "F-1", ids[Stage.ONSITE_ENDED], void=True, reason="  ")
    with pytest.raises(InvalidInput):   # before the announcement it follows: refused
        event_fix.fix_event(vault, "F-1", ids[Stage.ONSITE_ENDED], when=date(2024, 3, 10),
                            reason="x")
    assert cases.get_case(vault, "F-1").row.stage is Stage.ONSITE_ENDED
    assert event_fix.fix_event(vault, "F-1", ids[Stage.ONSITE_ENDED], void=True,
                               reason="Chưa kết thúc") is None
    detail = cases.get_case(vault, "F-1")
    assert detail.row.stage is Stage.ANNOUNCED
    with pytest.raises(HosoError) as caught:
        event_fix.fix_event(vault, "F-1", ids[Stage.ONSITE_ENDED], void=True, reason="lần hai")
    assert caught.value.key == "case.event_not_found"


def test_fixing_the_decision_carries_the_case_decision_with_it(vault):
    ids = _case(vault)
    event_fix.fix_event(vault, "F-1", ids[Stage.DECISION], when=date(2024, 3, 2), doc_ref="13/QĐ",
                        reason="Sai số quyết định")
    row = cases.get_case(vault, "F-1").row
    assert (row.decision_date, row.decision_number) == (date(2024, 3, 2), "13/QĐ")
    assert {c.field for c in case_edit.history(vault, "F-1")} == {"decision_date", "decision_number"}


def test_a_classified_case_keeps_the_reason_sealed(vault):
    ids = _case(vault, Level.MAT)
    event_fix.fix_event(vault, "F-1", ids[Stage.ONSITE_ENDED], void=True, reason="Lý do mật 7c1")
    conn = raw(vault)
    reasons = [r[0] for r in conn.execute("SELECT void_reason FROM case_events")]
    conn.close()
    assert "Lý do mật 7c1" not in reasons
    assert any(e.void_reason == "Lý do mật 7c1" for e in cases.get_case(vault, "F-1").events)


def test_the_command_line_corrects_and_shows_both(tmp_path):
    path = tmp_path / "vault"
    pw = PASSWORD + "\n"
    assert run_hoso(["init", path, "--admin", "admin", "--password-stdin"], pw).returncode == 0

    def hoso(*args, code=0):
        result = run_hoso(["--vault", path, *args, "--password-stdin"], pw)
        assert result.returncode == code, result.stderr
        return result

    hoso("case", "add", "--code", "C-1", "--title", "A", "--decision-date", "01/03/2024")
    hoso("case", "event", "C-1", "announced", "--date", "15/03/2024")
    hoso("case", "event-fix", "C-1", "2", "--date", "18/03/2024", "--reason", "Ghi nhầm ngày")
    shown = hoso("case", "show", "C-1").stdout
    assert "#2  15/03/2024" in shown and "đã hủy: Ghi nhầm ngày" in shown
    assert "sửa sự kiện #2" in shown
    result = hoso("case", "event-fix", "C-1", "2", "--void", "--reason", "x", code=1)
    assert "không có sự kiện số 2" in result.stderr

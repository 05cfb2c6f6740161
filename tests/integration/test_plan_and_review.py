"""The annual plan and the half-year review on the demo vault: the seed's situation."""

from datetime import date

import pytest

from desktop.domain.errors import HosoError, InvalidInput
from desktop.domain.stages import Stage
from desktop.services import cases, plans, report, vault_service
from desktop.services.demo import CUC_II, STALLED_CASE_CODES, fill_demo
from tests.conftest import PASSWORD

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    vs = vault_service.create_vault(tmp_path_factory.mktemp("demo") / "v", "admin", PASSWORD)
    fill_demo(vs, synthetic_cases=50)
    yield vs
    vs.close()


def test_first_half_2024_shows_the_seeds_situation(demo):
    r = report.period_report(demo, date(2024, 1, 1), date(2024, 6, 30), CUC_II)
    waiting = {w.code: w for w in r.without_conclusion}
    assert sorted(waiting) == sorted(STALLED_CASE_CODES)
    stages = [w.stage for w in waiting.values()]
    assert stages.count(Stage.PM_ISSUE_OPINION) == 1
    assert stages.count(Stage.PM_DRAFT_OPINION) == 4
    assert all(w.days > 0 and w.waiting_on for w in waiting.values())
    assert any("Thủ tướng" in w.waiting_on for w in waiting.values())
    # late opinions from ministries and localities, and the 2024 plan not started
    assert r.opinions_overdue and all(o["days_late"] > 0 for o in r.opinions_overdue)
    assert len(r.plan_items_not_started) >= 6
    ind = r.indicators
    assert ind.carried_over >= 6 and ind.carried_out == ind.carried_over + ind.started
    assert ind.conclusions_issued >= 1 and ind.violation_money > 0


def test_plan_2024_not_started_and_over_committed(demo):
    status = plans.plan_status(demo, 2024, today=date(2024, 6, 30))
    assert status.items and all(i.status in ("not_started", "late") for i in status.items)
    assert status.counts()["started"] == 0
    assert status.capacity.carried_cases >= 6
    assert set(STALLED_CASE_CODES) <= set(status.carried_codes)
    text = status.capacity.explanation("vi")
    assert "ngày công" in text and f"{status.capacity.required:,}".replace(",", ".") in text


def test_plan_item_becomes_a_case_and_capacity_warns(vault):
    plans.create_plan(vault, 2025, "Kế hoạch 2025", staff_available=2)
    item = plans.add_item(vault, 2025, "UBND tỉnh Lạng Sơn", "Quản lý đất đai", quarter=1, days=60,
                          team_size=8)
    status = plans.plan_status(vault, 2025, today=date(2025, 6, 1))
    assert status.items[0].status == "late"
    assert status.capacity.over_committed
    assert "CẢNH BÁO" in status.capacity.explanation("vi")
    assert "WARNING" in status.capacity.explanation("en")
    row = plans.start_item(vault, item, cases.CaseInput(code="KH-01", title="Thanh tra Lạng Sơn"))
    assert row.inspected_party == "UBND tỉnh Lạng Sơn"
    status = plans.plan_status(vault, 2025, today=date(2025, 6, 1))
    assert status.items[0].status == "started" and status.items[0].case_code == "KH-01"
    with pytest.raises(HosoError):
        plans.start_item(vault, item, cases.CaseInput(code="KH-02", title="lần hai"))
    with pytest.raises(InvalidInput):
        plans.add_item(vault, 2025, "X", quarter=5)


def test_report_refuses_a_backwards_period(vault):
    with pytest.raises(InvalidInput):
        report.period_report(vault, date(2024, 6, 30), date(2024, 1, 1))

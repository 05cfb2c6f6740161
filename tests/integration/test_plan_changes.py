"""The annual plan changed as a department does: items edited or removed freely before
approval; approval with its decision; afterwards each change is an amendment with its own
decision, kept with the values before and after; the command line alike."""

import json
from datetime import date

import pytest

from desktop.domain.errors import HosoError, InvalidInput
from desktop.services import cases, plan_changes, plans
from tests.conftest import admin_cli

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


def test_free_before_approval_amendments_after(vault):
    plans.create_plan(vault, 2025, "Kế hoạch 2025")
    first = plan_changes.add_item(vault, 2025, "UBND tỉnh A", "Đất đai", quarter=1, days=45)
    second = plan_changes.add_item(vault, 2025, "Sở B", "Đầu tư", quarter=2)
    plan_changes.change_item(vault, first, {"quarter": 2, "team_size": 6})
    plan_changes.remove_item(vault, second)
    assert plan_changes.amendments(vault, 2025) == []
    plan_changes.approve(vault, 2025, "15/QĐ-TTCP", date(2024, 12, 20))
    with pytest.raises(HosoError):
        plan_changes.approve(vault, 2025, "16/QĐ-TTCP", date(2024, 12, 21))
    with pytest.raises(InvalidInput) as caught:
        plan_changes.change_item(vault, first, {"days": 60})
    assert caught.value.key == "plan.amendment_required"
    plan_changes.change_item(vault, first, {"days": 60}, "88/QĐ-TTCP", date(2025, 5, 2))
    third = plan_changes.add_item(vault, 2025, "Sở C", quarter=3, decision_number="88/QĐ-TTCP",
                                  decision_date=date(2025, 5, 2))
    plans.start_item(vault, first, cases.CaseInput(code="KH-1", title="Thanh tra tỉnh A"))
    with pytest.raises(HosoError):   # started as a case: stays
        plan_changes.remove_item(vault, first, "89/QĐ-TTCP", date(2025, 6, 1))
    found = plan_changes.amendments(vault, 2025)
    assert [(a.action, a.item_id, a.decision_number) for a in found] == [
        ("change", first, "88/QĐ-TTCP"), ("add", third, "88/QĐ-TTCP")]
    assert "45 ngày" in found[0].before and "60 ngày" in found[0].after
    status = plans.plan_status(vault, 2025, today=date(2025, 6, 1))
    assert status.approved_number == "15/QĐ-TTCP"
    assert [i.inspected_party for i in status.items] == ["UBND tỉnh A", "Sở C"]


def test_the_command_line_approves_and_amends(tmp_path):
    hoso = admin_cli(tmp_path / "vault")
    hoso("plan", "create", "2025")
    hoso("plan", "item", "2025", "--party", "UBND tỉnh A", "--quarter", "1")
    hoso("plan", "approve", "2025", "--decision-number", "15/QĐ-TTCP", "--decision-date",
         "20/12/2024")
    hoso("plan", "item-edit", "1", "--quarter", "2", "--amendment-number", "88/QĐ-TTCP",
         "--amendment-date", "02/05/2025")
    [amendment] = json.loads(hoso("plan", "amendments", "2025", "--json"))
    assert (amendment["action"], amendment["decision_number"]) == ("change", "88/QĐ-TTCP")
    assert "quý 1" in amendment["before"] and "quý 2" in amendment["after"]

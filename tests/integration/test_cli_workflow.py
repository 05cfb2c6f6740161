"""Deadlines, the plan, the review and the calendar from the command line, on the demo."""

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import PASSWORD, run_hoso, server_database

PW = "demo-password\n"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", params=["vault", "server"])
def demo(request, tmp_path_factory):
    """The demo register: a vault made by `hoso demo`, or a department server filled
    with the same demo (the same commands run on both)."""
    folder = tmp_path_factory.mktemp("cli-demo")
    if request.param == "vault":
        r = run_hoso(["demo", folder / "vault", "--password-stdin"], PW)
        assert r.returncode == 0, r.stderr
        return ["--vault", folder / "vault"], PW
    from desktop.services import server_service
    from desktop.services.demo import fill_demo
    profile = server_database(request.getfixturevalue("pg_cluster"), folder, in_process=True)
    vs = server_service.sign_in(profile, "admin", PASSWORD)
    try:
        fill_demo(vs)
    finally:
        vs.close()
    return ["--server", profile, "--user", "admin"], PASSWORD + "\n"


def hoso(where, *args, env=None):
    options, password = where
    return run_hoso([*options, *args, "--password-stdin"], password, env=env)


def test_half_year_review_in_json(demo):
    r = hoso(demo, "report", "period", "--from", "01/01/2024", "--to", "30/06/2024",
             "--unit", "Cục II – Thanh tra Chính phủ", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    stages = [w["stage"] for w in data["without_conclusion"]]
    assert len(stages) == 6
    assert stages.count("pm_issue_opinion") == 1 and stages.count("pm_draft_opinion") == 4
    assert data["indicators"]["carried_over"] >= 6
    assert data["plan_items_not_started"]


def test_overdue_worst_first_with_explanations(demo):
    r = hoso(demo, "overdue", "--as-of", "30/06/2024", "--json")
    assert r.returncode == 0, r.stderr
    items = json.loads(r.stdout)
    assert items and items[0]["state"] == "overdue"
    late = [-i["days"] for i in items if i["state"] == "overdue"]
    assert late == sorted(late, reverse=True)
    assert all(i["explanation"] for i in items)
    r = hoso(demo, "overdue", "--as-of", "30/06/2024")
    assert "Quá hạn" in r.stdout


def test_case_deadlines_say_which_rule(demo):
    r = hoso(demo, "case", "deadlines", "C2-2023-01", "--as-of", "30/06/2024", "--json")
    assert r.returncode == 0, r.stderr
    deadlines = json.loads(r.stdout)
    onsite = next(d for d in deadlines if d["kind"] == "onsite_end")
    assert "11/2022" in onsite["explanation"] and "ngày làm việc" in onsite["explanation"]


def test_event_out_of_order_is_refused_and_nothing_written(demo):
    before = json.loads(hoso(demo, "case", "show", "C2-2023-01", "--json").stdout)["events"]
    r = hoso(demo, "case", "event", "C2-2023-01", "concluded", "--date", "01/01/2023")
    assert r.returncode == 1 and "01/01/2023" in r.stderr
    after = json.loads(hoso(demo, "case", "show", "C2-2023-01", "--json").stdout)["events"]
    assert after == before


def test_plan_progress_and_capacity(demo):
    r = hoso(demo, "plan", "show", "2024", "--as-of", "30/06/2024", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["progress"]["started"] == 0 and data["capacity"]["carried_cases"] >= 6


def test_administrator_edits_the_calendar(demo):
    r = hoso(demo, "calendar", "set", "24/11/2026", "--kind", "holiday", "--name", "Ngày Văn hóa")
    assert r.returncode == 0, r.stderr
    r = hoso(demo, "calendar", "show", "2026", "--json")
    days = {d["date"]: d for d in json.loads(r.stdout)["days"]}
    assert days["2026-11-24"]["edited"] and days["2026-11-24"]["kind"] == "holiday"
    r = hoso(demo, "calendar", "set", "25/11/2026", "--kind", "makeup_workday")
    assert r.returncode == 1 and "25/11/2026" in r.stderr


def test_bad_rule_file_names_file_and_key(demo, tmp_path):
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", resources)
    rule = resources / "rules" / "law-11-2022.json"
    data = json.loads(rule.read_text())
    data["limits"][0]["unit"] = "fortnights"
    rule.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    r = hoso(demo, "case", "deadlines", "C2-2023-01", env={"HOSO_RESOURCES": str(resources)})
    assert r.returncode == 1
    assert str(rule) in r.stderr and "unit" in r.stderr and "Traceback" not in r.stderr

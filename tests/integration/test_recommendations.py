"""A conclusion's recommendations followed up to done: items with amounts, dated updates,
the closing refused while items are open (unless a reason is given), the follow-up report
as of a period; sealed with a classified case; the command line alike."""

import json
from datetime import date

import pytest

from desktop.domain.errors import HosoError, InvalidInput
from desktop.domain.levels import Level
from desktop.domain.stages import Stage
from desktop.services import cases, recommendations
from tests.conftest import admin_cli
from tests.raw_db import raw

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


def _concluded(vault, code="R-1", level=Level.THUONG):
    cases.add_case(vault, cases.CaseInput(code=code, title="Thanh tra đất đai", level=level,
                                          decision_date=date(2023, 3, 1)))
    for stage, day in ((Stage.ANNOUNCED, date(2023, 3, 15)), (Stage.ONSITE_ENDED, date(2023, 5, 15)),
                       (Stage.TEAM_REPORT, date(2023, 6, 1)), (Stage.DRAFT, date(2023, 6, 15)),
                       (Stage.CONCLUDED, date(2023, 7, 1))):
        cases.add_event(vault, code, stage, day)


def test_items_followed_up_to_done_and_the_closing_waits_for_them(vault):
    cases.add_case(vault, cases.CaseInput(code="R-0", title="Chưa kết luận"))
    with pytest.raises(HosoError) as caught:
        recommendations.add(vault, "R-0", "recover_money", "UBND", "Thu hồi", 1000)
    assert caught.value.key == "recommendation.not_concluded"
    _concluded(vault)
    money = recommendations.add(vault, "R-1", "Thu hồi tiền", "UBND tỉnh A", "Thu hồi ngân sách",
                                12_500_000_000, due=date(2023, 12, 31))
    land = recommendations.add(vault, "R-1", "recover_land", "UBND huyện B", "Thu hồi đất",
                               area_m2=1500.5)
    staff = recommendations.add(vault, "R-1", "discipline", "Sở TNMT", "Kiểm điểm")
    recommendations.update(vault, money, date(2023, 10, 1), "partly_done", 5_000_000_000)
    recommendations.update(vault, staff, date(2023, 11, 1), "done")
    with pytest.raises(InvalidInput) as caught:
        cases.add_event(vault, "R-1", Stage.CLOSED, date(2024, 3, 1))
    assert caught.value.key == "recommendation.open_items" and caught.value.params["count"] == 2

    lines = recommendations.follow_up(vault, date(2024, 1, 1), date(2024, 6, 30))
    [line] = lines
    assert (line.recommended_money, line.recovered_money, line.outstanding_money) == (
        12_500_000_000, 5_000_000_000, 7_500_000_000)
    assert {i.id for i in line.items} == {money, land}   # settled before the period: left out

    recommendations.update(vault, money, date(2024, 2, 1), "done", 12_500_000_000)
    recommendations.update(vault, land, date(2024, 2, 1), "done", recovered_area_m2=1500.5)
    cases.add_event(vault, "R-1", Stage.CLOSED, date(2024, 3, 1))
    items = {i.id: i for i in recommendations.list_for(vault, "R-1")}
    assert items[money].outstanding_money == 0 and items[land].outstanding_area_m2 == 0
    as_before = {i.id: i for i in recommendations.list_for(vault, "R-1", as_of=date(2023, 12, 31))}
    assert as_before[money].status == "partly_done" and as_before[money].recovered_money == 5_000_000_000


def test_closing_with_open_items_needs_a_reason_and_the_items_are_sealed(vault):
    _concluded(vault, "R-2", Level.MAT)
    recommendations.add(vault, "R-2", "policy", "Bộ Tài nguyên và Môi trường",
                        "Sửa đổi Thông tư số 10 bí mật 5c")
    cases.add_event(vault, "R-2", Stage.CLOSED, date(2024, 3, 1),
                    note="Kiến nghị sửa chính sách chuyển sang theo dõi chung")
    conn = raw(vault)
    stored = conn.execute("SELECT addressee, content FROM recommendations").fetchall()
    conn.close()
    assert stored == [("", "")]
    [item] = recommendations.list_for(vault, "R-2")
    assert item.content == "Sửa đổi Thông tư số 10 bí mật 5c"


def test_the_command_line_keeps_recommendations_and_reports_follow_up(tmp_path):
    path = tmp_path / "vault"
    hoso = admin_cli(path)

    hoso("case", "add", "--code", "C-1", "--title", "Thanh tra A", "--decision-date", "01/03/2023")
    for stage, day in (("announced", "15/03/2023"), ("onsite_ended", "15/05/2023"),
                       ("team_report", "01/06/2023"), ("draft", "15/06/2023"),
                       ("concluded", "01/07/2023")):
        hoso("case", "event", "C-1", stage, "--date", day)
    hoso("case", "result", "C-1", "--violation-money", "20 tỷ", "--recovery-money", "12,5 tỷ")
    added = json.loads(hoso("recommendation", "add", "C-1", "--kind", "recover_money", "--to",
                            "UBND tỉnh A", "--money", "12,5 tỷ", "--json"))
    hoso("recommendation", "update", str(added["id"]), "--date", "01/10/2023", "--status",
         "partly_done", "--recovered-money", "5 tỷ")
    [line] = json.loads(hoso("report", "follow-up", "--from", "01/01/2024", "--to",
                             "30/06/2024", "--json"))
    assert (line["case"], line["recovered_money"], line["outstanding_money"]) == (
        "C-1", 5_000_000_000, 7_500_000_000)
    detail = json.loads(hoso("case", "show", "C-1", "--json"))
    assert detail["results"]["violation_money"] == 20_000_000_000
    # the same as a workbook a leader can open
    hoso("export", "follow-up", tmp_path / "theo-doi.xlsx", "--from", "01/01/2024", "--to",
         "30/06/2024")
    from openpyxl import load_workbook
    sheet = load_workbook(tmp_path / "theo-doi.xlsx").active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "THEO DÕI THỰC HIỆN KẾT LUẬN THANH TRA" in values
    assert {"C-1", 12_500_000_000, 5_000_000_000, 7_500_000_000, "Đã thực hiện một phần"} <= set(values)


def test_table_01_reads_recovery_and_policy_columns_from_the_recommendations(vault):
    from desktop.services import report
    _concluded(vault, "R-3")   # concluded 01/07/2023, no figures entered
    recommendations.add(vault, "R-3", "recover_money", "UBND tỉnh A", "Thu hồi", 2_000_000_000)
    recommendations.add(vault, "R-3", "recover_land", "UBND huyện B", "Thu hồi đất", area_m2=300)
    recommendations.add(vault, "R-3", "policy", "Bộ Tài chính", "Sửa Thông tư 01")
    recommendations.add(vault, "R-3", "policy", "Bộ Xây dựng", "Sửa Thông tư 02")
    _concluded(vault, "R-4")   # figures entered: they win over the items' amounts
    from desktop.services import case_edit
    case_edit.edit_case(vault, "R-4", {"recovery_money": 700_000_000})
    recommendations.add(vault, "R-4", "recover_money", "UBND", "Thu hồi", 9_000_000_000)

    ind = report.period_report(vault, date(2023, 1, 1), date(2023, 12, 31)).indicators
    assert ind.conclusions_issued == 2
    assert ind.recovery_money == 2_700_000_000
    assert ind.recovery_land_m2 == 300
    assert ind.policy_recommendations == 2
    outside = report.period_report(vault, date(2024, 1, 1), date(2024, 6, 30)).indicators
    assert outside.policy_recommendations == 0 and outside.recovery_money == 0

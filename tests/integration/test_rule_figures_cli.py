"""What the checked rule data shows a user (issue: legal rule data checked against the law
texts): `hoso rules` with the day each figure was checked and "chưa có số liệu" for a limit
without a figure; a Law 84/2025 case's deadlines list that limit instead of leaving it out,
and mark every due date that rests on a figure still to verify."""

from tests.conftest import admin_cli


def test_rules_show_the_checked_day_and_a_limit_without_a_figure(tmp_path):
    hoso = admin_cli(tmp_path / "kho")
    listed = hoso("rules")
    lines = [line for line in listed.splitlines() if line.startswith("law-84-2025  draft_conclusion ")]
    assert lines and all("chưa có số liệu" in line and "cần kiểm tra" in line for line in lines)
    signature = next(line for line in listed.splitlines()
                     if line.startswith("law-11-2022  conclusion_signature") and "government" in line)
    assert "04/12/2026" in signature and "cần kiểm tra" not in signature


def test_a_law_84_case_lists_the_drafting_time_as_without_a_figure(tmp_path):
    hoso = admin_cli(tmp_path / "kho")
    hoso("case", "add", "--code", "TT-25", "--title", "Thanh tra đất đai",
         "--decision-date", "04/08/2025", "--inspecting-level", "province")
    for stage, when in (("announced", "11/08/2025"), ("onsite_ended", "01/10/2025"),
                        ("team_report", "10/10/2025")):
        hoso("case", "event", "TT-25", stage, "--date", when)
    shown = hoso("case", "deadlines", "TT-25", "--as-of", "13/10/2025")
    assert ("- Xây dựng dự thảo kết luận: chưa có số liệu — Điều 34 khoản 5 Luật Thanh tra "
            "84/2025/QH15") in shown
    # the on-site duration is not in the texts checked: its due date carries the mark
    assert "* hạn tính theo số liệu chưa đối chiếu được với văn bản luật (cần kiểm tra)." in shown
    onsite = next(line for line in shown.splitlines() if line.startswith("Kết thúc thanh tra"))
    assert "*" in onsite
    english = hoso("case", "deadlines", "TT-25", "--as-of", "13/10/2025", "--lang", "en")
    assert "- Drafting the conclusion: no figure yet — Article 34(5)" in english

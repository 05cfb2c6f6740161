"""What the checked rule data shows a user (issue: legal rule data checked against the law
texts): `hoso rules` with the day each figure was checked and "chưa có số liệu" for a limit
without a figure; a Law 84/2025 case's deadlines list that limit instead of leaving it out,
and mark every due date that rests on a figure still to verify."""

from tests.conftest import PASSWORD, admin_cli, run_hoso


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


def test_the_heads_receipt_recorded_moves_the_reply_deadline(tmp_path):
    import json
    hoso = admin_cli(tmp_path / "kho")
    hoso("case", "add", "--code", "HS-7", "--title", "Thanh tra thuế", "--decision-date",
         "02/01/2024")
    hoso("opinion", "send", "--case", "HS-7", "--to", "Bộ Tài chính", "--date", "01/03/2024")
    before = json.loads(hoso("case", "deadlines", "HS-7", "--json", "--as-of", "10/03/2024"))
    reply = next(d for d in before if d["kind"] == "opinion_reply")
    assert reply["due"] == "2024-04-01"                   # 01/03 + 30 = Sun 31/03 → Mon
    assert "chưa ghi ngày nhận: tính là chính ngày gửi" in reply["explanation"]
    said = hoso("opinion", "received", "1", "--date", "08/03/2024")
    assert "Đã ghi ngày thủ trưởng nhận yêu cầu số 1: 08/03/2024" in said
    after = json.loads(hoso("case", "deadlines", "HS-7", "--json", "--as-of", "10/03/2024"))
    reply = next(d for d in after if d["kind"] == "opinion_reply")
    assert reply["due"] == "2024-04-08" and reply["counted_from_date"] == "2024-03-08"
    assert "chưa ghi ngày nhận" not in reply["explanation"]
    assert "Ghi ngày thủ trưởng nhận văn bản xin ý kiến" in hoso("audit", "list")
    refused = run_hoso(["--vault", tmp_path / "kho", "opinion", "received", "1", "--date",
                        "28/02/2024", "--password-stdin"], PASSWORD + "\n")
    assert refused.returncode == 1
    assert "phải từ ngày gửi (01/03/2024) đến hôm nay" in refused.stderr


def test_a_law_84_case_waits_for_the_heads_opinion_only_on_its_grounds(tmp_path):
    """The case's own "Diện lấy ý kiến thủ trưởng" decides whether a consultation recorded
    under Law 84/2025 holds the conclusion back — in the case's deadlines and in the overdue
    list read from the deadline index (emptied for the case when the field changes)."""
    hoso = admin_cli(tmp_path / "kho")
    hoso("case", "add", "--code", "TT-84", "--title", "Thanh tra đất đai", "--decision-date",
         "04/08/2025", "--inspecting-level", "province")
    for stage, when in (("announced", "11/08/2025"), ("onsite_ended", "01/10/2025"),
                        ("team_report", "10/10/2025"), ("draft", "15/10/2025"),
                        ("consultation", "20/10/2025")):
        hoso("case", "event", "TT-84", stage, "--date", when)
    overdue = hoso("overdue", "--as-of", "27/10/2025")       # fills the index
    assert "TT-84" in overdue and "30/10/2025" in overdue    # 15/10 + 15: no wait
    shown = hoso("case", "deadlines", "TT-84", "--as-of", "27/10/2025")
    assert "không thuộc diện phải lấy ý kiến thủ trưởng" in shown
    hoso("case", "edit", "TT-84", "--consultation-basis", "defence_security")
    assert "TT-84" not in hoso("overdue", "--as-of", "27/10/2025")   # due 19/11 now
    assert "19/11/2025" in hoso("case", "deadlines", "TT-84", "--as-of", "27/10/2025")
    history = hoso("case", "history", "TT-84")
    assert "Diện lấy ý kiến thủ trưởng (Luật 84/2025)" in history
    assert "Vụ việc quốc phòng, an ninh" in history

"""The preview shows every parsed value (issue 13, part 4): what the dry run says a row
will hold is what the vault holds after the import — dates dd/mm/yyyy, amounts with
separators, levels and the team leader — in `--dry-run --json` (`values`), in the dry
run's text and in the wizard's preview tables."""

import json
from datetime import date

import openpyxl

from tests.conftest import admin_cli


def _list(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Ngày quyết định", "Độ mật", "Trưởng đoàn",
               "Sai phạm tiền (đồng)", "Căn cứ", "Thời kỳ từ"])
    ws.append(["PV-01", "Thanh tra Công ty Ánh Dương", "05-3-24", "mat", "Nguyễn Văn An",
               "12,5 tỷ", "Đột xuất", "ngày 1 tháng 1 năm 2023"])
    ws.append(["PV-02", "Thanh tra Sở Y tế", date(2024, 4, 9), "Thường", None, 1234567,
               "Theo kế hoạch", "01.01.2022"])
    wb.save(path)
    return path


def test_the_dry_run_json_gives_every_value_as_it_will_be_stored(tmp_path):
    run = admin_cli(str(tmp_path / "v"))
    out = json.loads(run("import", str(_list(tmp_path / "ds.xlsx")), "--kind", "cases",
                         "--dry-run", "--json"))
    values = {r["key"]: r["values"] for r in out["rows"]}
    assert values["PV-01"] == {
        "code": "PV-01", "title": "Thanh tra Công ty Ánh Dương", "decision_date": "05/03/2024",
        "basis": "Đột xuất", "level": "Mật", "team_leader": "Nguyễn Văn An",
        "period_from": "01/01/2023", "violation_money": "12.500.000.000"}
    assert values["PV-02"]["decision_date"] == "09/04/2024"
    assert values["PV-02"]["violation_money"] == "1.234.567"
    assert values["PV-02"]["basis"] == "Theo kế hoạch"
    assert "team_leader" not in values["PV-02"]          # an empty cell is not a value

    text = run("import", str(tmp_path / "ds.xlsx"), "--kind", "cases", "--dry-run")
    assert "+ PV-01 (dòng 2): " in text and "Ngày quyết định: 05/03/2024" in text
    assert "Sai phạm tiền (đồng): 12.500.000.000" in text

    run("import", str(tmp_path / "ds.xlsx"), "--kind", "cases")
    shown = json.loads(run("case", "show", "PV-01", "--json"))
    assert shown["decision_date"] in ("2024-03-05", "05/03/2024")


def test_an_update_shows_its_changes_and_all_its_values(tmp_path):
    run = admin_cli(str(tmp_path / "v"))
    path = _list(tmp_path / "ds.xlsx")
    run("import", str(path), "--kind", "cases")
    wb = openpyxl.load_workbook(path)
    wb.active["C2"] = "06/03/2024"
    wb.save(path)
    out = json.loads(run("import", str(path), "--kind", "cases", "--dry-run", "--json"))
    (row,) = out["rows"]
    assert row["action"] == "update"
    assert row["changes"] == [{"field": "decision_date", "old": "2024-03-05", "new": "2024-03-06"}]
    assert row["values"]["decision_date"] == "06/03/2024"
    assert row["values"]["level"] == "Mật"
    text = run("import", str(path), "--kind", "cases", "--dry-run")
    assert "Ngày quyết định: 05/03/2024 → 06/03/2024" in text



def test_without_kind_the_command_line_guesses_it_as_the_wizard_does(tmp_path):
    run = admin_cli(str(tmp_path / "v"))
    text = run("import", str(_list(tmp_path / "ds.xlsx")), "--dry-run")
    assert "Tệp được nhận là: cases." in text and "thêm 2" in text
    wb = openpyxl.Workbook()
    wb.active.append(["Tháng", "Nhiệt độ"])
    wb.active.append([1, 20])
    wb.save(tmp_path / "khac.xlsx")
    from tests.conftest import PASSWORD, run_hoso
    result = run_hoso(["--vault", str(tmp_path / "v"), "import", str(tmp_path / "khac.xlsx"),
                       "--password-stdin"], PASSWORD + "\n")
    assert result.returncode != 0 and "--kind" in result.stderr

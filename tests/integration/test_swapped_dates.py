"""Dates swapped by a month/day spreadsheet (issue 13, part 3): a d/m/yyyy list that went
through a US-locale spreadsheet has real date cells (day ≤ 12, day and month swapped) beside
text dates (day > 12). The dry run names each swapped cell and the date it should be; the
import refuses them unless the user says to swap them back."""

import json
from datetime import date, datetime

import openpyxl

from desktop.exchange.excel import swapped_dates
from desktop.services import cases, importer
from tests.conftest import admin_cli

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


def _swapped_list(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Ngày quyết định"])
    # typed as 03/04/2024 (3 April) and 11/02/2024 (11 February): the spreadsheet read
    # them month first and stored real dates 4 March and 2 November
    ws.append(["SW-1", "Thanh tra A", datetime(2024, 3, 4)])
    ws.append(["SW-2", "Thanh tra B", "25/03/2024"])             # day > 12: stayed text
    ws.append(["SW-3", "Thanh tra C", datetime(2024, 11, 2)])
    ws.append(["SW-4", "Thanh tra D", "18/01/2024"])
    wb.save(path)
    return path


def test_the_swap_is_detected_and_nothing_imported_without_a_word(vault, tmp_path):
    plan = importer.analyse(vault, _swapped_list(tmp_path / "ds.xlsx"), "cases")
    rejected = {r.key: r for r in plan.rows if r.action == "reject"}
    assert set(rejected) == {"SW-1", "SW-3"}
    problem = rejected["SW-1"].problems[0]
    assert problem.key == "import.dates_swapped"
    text = problem.message("vi")
    assert "04/03/2024" in text and "03/04/2024" in text and "đảo lại ngày/tháng" in text
    from desktop.cli.hints import with_hint   # the command line says how
    assert with_hint(problem.key, text, "vi", problem.params).endswith(
        "Nhập lại với --swap-dates decision_date.")


def test_swapping_back_gives_the_dates_as_typed(vault, tmp_path):
    plan = importer.analyse(vault, _swapped_list(tmp_path / "ds.xlsx"), "cases",
                            swap_dates=importer.date_fields("cases", ["Ngày quyết định"]))
    assert plan.problems == [] and plan.dates_swapped == {"decision_date": 2}
    importer.commit(vault, plan)
    assert cases.get_case(vault, "SW-1").row.decision_date == date(2024, 4, 3)
    assert cases.get_case(vault, "SW-3").row.decision_date == date(2024, 2, 11)
    assert cases.get_case(vault, "SW-2").row.decision_date == date(2024, 3, 25)


def test_an_ordinary_date_column_is_left_alone():
    cells = [datetime(2024, 3, 25), datetime(2024, 1, 5), "15/02/2024"]
    assert swapped_dates.detect(cells) is None      # a real date with day > 12: not swapped
    assert swapped_dates.detect([datetime(2024, 1, 5), datetime(2024, 2, 6)]) is None


def test_the_command_line_refuses_then_swaps_on_request(tmp_path):
    hoso = admin_cli(tmp_path / "vault")
    path = _swapped_list(tmp_path / "ds.xlsx")
    data = json.loads(hoso("import", "--kind", "cases", path, "--dry-run", "--json"))
    assert data["rejected"] == 2
    data = json.loads(hoso("import", "--kind", "cases", path, "--swap-dates", "decision_date",
                           "--json"))
    assert data["inserted"] == 4 and data["rejected"] == 0

"""Where the table ends (issue 13, part 2): an office's list as it is really sent — title
block, the table, a totals row, a blank line, "Ghi chú: …", the signature block with its
place and date and the names under it, a header repeated on a new printed page, a second
table further down — imports its data rows only, reports every other line with its reason,
and needs no --skip-errors."""

import json

import openpyxl

from desktop.exchange.excel import table_end
from desktop.services import cases, importer
from tests.conftest import admin_cli

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


def _office_list(path, second_table=True):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["THANH TRA TỈNH A"])
    ws.append(["DANH SÁCH CÁC CUỘC THANH TRA NĂM 2024"])
    ws.append([])
    header = ["STT", "Mã hồ sơ", "Tên cuộc thanh tra", "Ngày quyết định", "Sai phạm tiền (đồng)"]
    ws.append(header)
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)"])
    ws.append([1, "TA-01", "Thanh tra Công ty cổ phần A", "05/02/2024", 1_000_000])
    ws.append([2, "TA-02", "Thanh tra Sở Xây dựng", "06/03/2024", 2_000_000])
    ws.append(header)                                  # a new printed page
    ws.append([3, "TA-03", "Thanh tra UBND huyện B", "07/04/2024", None])
    ws.append([None, "Tổng cộng", None, None, 3_000_000])
    ws.append([])
    ws.append(["Ghi chú: số liệu tính đến ngày 30/6/2024"])
    ws.append([None, "Người lập biểu", None, "Hà Nội, ngày 30 tháng 6 năm 2024"])
    ws.append([None, None, None, "Thủ trưởng đơn vị"])
    ws.append([None, "Nguyễn Văn A", None, "Trần Thị B"])
    if second_table:
        ws.append([])
        ws.append(["STT", "Mã hồ sơ", "Tên cuộc thanh tra", "Ngày quyết định"])
        ws.append([1, "TB-99", "Một bảng khác", "01/01/2024"])
    wb.save(path)
    return path


def test_only_the_data_rows_are_read_and_the_rest_is_reported(vault, tmp_path):
    plan = importer.analyse(vault, _office_list(tmp_path / "ds.xlsx"), "cases")
    assert [r.key for r in plan.rows] == ["TA-01", "TA-02", "TA-03"]
    assert plan.counts() == {"insert": 3, "update": 0, "unchanged": 0, "reject": 0}
    assert plan.problems == []
    reasons = {k.row + 1: k.reason for k in plan.skipped}
    assert reasons[5] == "numbers" and reasons[8] == "repeated_header"
    assert reasons[10] == "totals" and reasons[12] == "note"
    assert reasons[13] == "signature" and reasons[15] == "below_table"
    assert "TB-99" not in [r.key for r in plan.rows]
    importer.commit(vault, plan)
    assert {c.code for c in cases.list_cases(vault)} == {"TA-01", "TA-02", "TA-03"}


def test_a_data_row_with_a_code_is_never_taken_for_furniture():
    rows = [["Mã hồ sơ", "Tên cuộc thanh tra", "Đơn vị"],
            ["TT-01", "", "Giám đốc Sở Tài chính"],       # a missing title: an error, not a signature
            ["Cộng", None, None]]
    wanted, skipped = table_end.classify(rows, 1, rows[0], [0, 1, 2], [0, 1])
    assert wanted == [1] and [(k.row, k.reason) for k in skipped] == [(2, "totals")]


def test_the_command_line_says_what_it_skipped_and_needs_no_skip_errors(tmp_path):
    hoso = admin_cli(tmp_path / "vault")
    path = _office_list(tmp_path / "ds.xlsx", second_table=False)
    shown = hoso("import", "--kind", "cases", path, "--dry-run")
    assert "Bỏ qua" in shown and "ghi chú dưới bảng" in shown and "phần ký tên" in shown
    data = json.loads(hoso("import", "--kind", "cases", path, "--json"))
    assert data["inserted"] == 3 and data["rejected"] == 0
    assert {s["reason"] for s in data["skipped"]} >= {"totals", "note", "signature"}


def test_a_unit_merged_down_its_cases_names_every_row_but_an_amount_counts_once(vault, tmp_path):
    """Offices merge the unit's cell over its cases (a group): each case gets the unit. An
    amount merged over rows is one amount: it stays with the first row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Đơn vị chủ trì", "Ngày quyết định",
               "Sai phạm tiền (đồng)"])
    ws.append(["G-01", "Thanh tra Công ty A", "Phòng Nghiệp vụ 1", "05/02/2024", 9_000_000])
    ws.append(["G-02", "Thanh tra Công ty B", None, None, None])
    ws.append(["G-03", "Thanh tra Công ty C", None, None, None])
    ws.append(["G-04", "Thanh tra Sở D", "Phòng Nghiệp vụ 2", "06/03/2024", 1_000])
    ws.merge_cells("C2:C4")
    ws.merge_cells("D2:D4")
    ws.merge_cells("E2:E4")
    wb.save(tmp_path / "nhom.xlsx")
    plan = importer.analyse(vault, tmp_path / "nhom.xlsx", "cases")
    assert plan.problems == []
    by_code = {r.key: r.values for r in plan.rows}
    assert [by_code[c]["chaired_by"] for c in ("G-01", "G-02", "G-03", "G-04")] == [
        "Phòng Nghiệp vụ 1"] * 3 + ["Phòng Nghiệp vụ 2"]
    assert by_code["G-03"]["decision_date"].isoformat() == "2024-02-05"
    assert by_code["G-01"]["violation_money"] == 9_000_000
    assert by_code["G-02"].get("violation_money") is None

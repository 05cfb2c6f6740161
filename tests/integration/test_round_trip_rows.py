"""Row identity in round trips (issue 13, part 1): an exported register sent back with a
row inserted, a row deleted, the rows sorted and one code changed is matched by case code,
never by position: one insert, one rename (checked against existing codes at the dry run),
one case reported missing (not deleted), the rest unchanged."""

import json
import shutil
import subprocess
from datetime import date

import openpyxl
import pytest

from desktop.services import cases, exporter, importer
from tests.conftest import admin_cli

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


def _register(vault, tmp_path, n=8):
    for i in range(n):
        cases.add_case(vault, cases.CaseInput(code=f"R-{i:02d}", title=f"Thanh tra đơn vị {i}",
                                              decision_date=date(2024, 1 + i, 5)))
    path = tmp_path / "so.xlsx"
    exporter.export_cases(vault, path)
    return path


def _edit(path, out):
    """As another department does: a row inserted in the middle, one deleted, the rows
    sorted by title descending, one code corrected."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header = next(r for r in range(1, 15) if ws.cell(r, 1).value == "Mã hồ sơ")
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=header + 1)
            if row[0].value and str(row[0].value).startswith("R-")]
    rows = [r for r in rows if r[0] != "R-03"]                        # deleted
    renamed = next(r for r in rows if r[0] == "R-05")
    renamed[0] = "R-05A"                                             # code corrected
    rows.insert(3, ["R-99", "Thanh tra đơn vị mới"] + [None] * (len(rows[0]) - 2))   # inserted
    rows.sort(key=lambda r: str(r[1]), reverse=True)                  # sorted
    last = ws.max_row
    ws.delete_rows(header + 1, last - header)
    for r in rows:
        ws.append(r)
    wb.save(out)
    return out


def test_inserted_deleted_sorted_and_renamed_rows_are_matched_by_code(vault, tmp_path):
    edited = _edit(_register(vault, tmp_path), tmp_path / "gui-lai.xlsx")
    plan = importer.analyse(vault, edited, "cases")
    assert plan.from_export and plan.problems == []
    by_action = {}
    for row in plan.rows:
        by_action.setdefault(row.action, []).append(row.key)
    assert by_action.get("insert") == ["R-99"]
    [renamed] = [r for r in plan.rows if r.action == "update"]
    assert renamed.key == "R-05" and renamed.changes[0].field == "code"
    assert renamed.changes[0].new == "R-05A"
    assert sorted(by_action["unchanged"]) == ["R-00", "R-01", "R-02", "R-04", "R-06", "R-07"]
    assert plan.missing == ["R-03"]
    importer.commit(vault, plan)
    codes = {c.code for c in cases.list_cases(vault)}
    assert codes == {"R-00", "R-01", "R-02", "R-03", "R-04", "R-05A", "R-06", "R-07", "R-99"}


def test_a_code_renamed_onto_another_case_is_refused_at_the_dry_run(vault, tmp_path):
    path = _register(vault, tmp_path, 4)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for row in ws.iter_rows():
        if row[0].value == "R-01":
            row[0].value = "R-02X"
    wb.save(path)
    cases.add_case(vault, cases.CaseInput(code="R-02X", title="Đã có"))
    plan = importer.analyse(vault, path, "cases")
    [problem] = plan.problems
    assert problem.key == "case.exists" and "R-02X" in problem.message("vi")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_the_round_trip_through_libreoffice(tmp_path):
    hoso = admin_cli(tmp_path / "vault")
    for i in range(6):
        hoso("case", "add", "--code", f"L-{i}", "--title", f"Thanh tra {i}", "--decision-date",
             f"0{i + 1}/02/2024")
    hoso("export", "cases", tmp_path / "so.xlsx")
    edited = _edit_codes(tmp_path / "so.xlsx", tmp_path / "sua.xlsx")
    # the department opens it in LibreOffice and saves it again
    out = tmp_path / "lo"
    run = subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out),
                          str(edited)], capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr
    data = json.loads(hoso("import", "--kind", "cases", out / "sua.xlsx", "--dry-run", "--json"))
    assert (data["inserted"], data["updated"], data["rejected"]) == (1, 0, 0)
    assert data["missing_from_file"] == ["L-2"]


def _edit_codes(path, out):
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header = next(r for r in range(1, 15) if ws.cell(r, 1).value == "Mã hồ sơ")
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=header + 1)
            if row[0].value and str(row[0].value).startswith("L-")]
    rows = [r for r in rows if r[0] != "L-2"]
    rows.append(["L-9", "Thanh tra mới"] + [None] * (len(rows[0]) - 2))
    rows.sort(key=lambda r: r[0], reverse=True)
    ws.delete_rows(header + 1, ws.max_row - header)
    for r in rows:
        ws.append(r)
    wb.save(out)
    return out


def test_the_export_width_the_importer_hashes_is_the_exports():
    assert importer._EXPORT_WIDTH == len(exporter._case_columns("vi"))

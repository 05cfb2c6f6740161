"""CSV files as offices really save them (issue 13, part 6): UTF-8 with and without BOM
and commas, Excel's Vietnamese-locale semicolons in Windows-1258 (tone marks combining),
UTF-16 with tabs ("Unicode text"), LibreOffice's own CSV export — each imported like a
workbook, text normalised to NFC; a CSV named .xlsx is still refused."""

import shutil
import subprocess
import unicodedata

import openpyxl
import pytest

from desktop.exchange.excel.guard import ExcelFileError
from desktop.exchange.excel.reader import read_workbook
from desktop.services import cases, importer
from tests.integration.test_documents import cp1258

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server

ROWS = [["Mã hồ sơ", "Tên cuộc thanh tra", "Ngày quyết định", "Đối tượng thanh tra"],
        ["CS-01", "Thanh tra Sở Tài nguyên và Môi trường", "05/02/2024", "Sở TN&MT"],
        ["CS-02", "Thanh tra việc quản lý đất đai, tỉnh Hà Tĩnh", "06/03/2024", "UBND tỉnh Hà Tĩnh"]]


def _text(sep: str) -> str:
    def cell(v: str) -> str:
        return f'"{v}"' if sep in v or '"' in v else v
    return "\r\n".join(sep.join(cell(v) for v in row) for row in ROWS) + "\r\n"


@pytest.mark.parametrize("name,data", [
    ("utf8-bom.csv", b"\xef\xbb\xbf" + _text(",").encode("utf-8")),
    ("utf8.csv", _text(",").encode("utf-8")),
    ("excel-vn.csv", cp1258(_text(";"))),
    ("unicode-text.csv", _text("\t").encode("utf-16")),
    ("nfd.csv", unicodedata.normalize("NFD", _text(";")).encode("utf-8")),
])
def test_a_csv_is_imported_like_a_workbook(vault, tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    plan = importer.analyse(vault, path, "cases")
    assert plan.counts()["insert"] == 2 and plan.problems == [], plan.problems
    importer.commit(vault, plan)
    case = cases.get_case(vault, "CS-02")
    assert case.row.title == "Thanh tra việc quản lý đất đai, tỉnh Hà Tĩnh"
    assert unicodedata.is_normalized("NFC", case.row.title)
    assert [c.code for c in cases.list_cases(vault, cases.CaseFilter(search="ha tinh"))] == ["CS-02"]


def test_a_csv_named_xlsx_is_still_refused(tmp_path):
    path = tmp_path / "so.xlsx"
    path.write_bytes(_text(",").encode("utf-8"))
    with pytest.raises(ExcelFileError) as refused:
        read_workbook(path)
    assert refused.value.key == "excel.text_file"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffices_own_csv_export_is_read(vault, tmp_path):
    source = tmp_path / "ds.xlsx"
    wb = openpyxl.Workbook()
    for row in ROWS:
        wb.active.append(row)
    wb.save(source)
    run = subprocess.run(["soffice", "--headless", "--convert-to",
                          "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path / "lo"),
                          str(source)], capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr
    plan = importer.analyse(vault, tmp_path / "lo" / "ds.csv", "cases")
    assert [r.key for r in plan.rows] == ["CS-01", "CS-02"] and plan.problems == []

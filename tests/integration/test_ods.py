"""ODS (issue 13, part 6): OpenDocument spreadsheets are imported like .xlsx — checked first
(hostile files refused with a clear message) — and every export can be written as .ods
(`--format ods`, or a name ending .ods), which LibreOffice opens with its values, dates
shown dd/mm/yyyy, merged title block, and the level mark in the printed header and footer;
an exported .ods imported back is recognised as the program's own (manifest) and matched."""

import datetime as dt
import json
import os
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.errors import HosoError
from desktop.exchange.excel.ods_writer import xlsx_to_ods
from desktop.exchange.excel.reader import read_workbook
from desktop.services import cases, importer
from tests.conftest import admin_cli

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not on PATH")

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"')
SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet"


def raw_ods(path: Path, rows_xml: str, mimetype: str = SPREADSHEET, manifest_extra: str = "",
            prolog: str = "") -> Path:
    """An .ods written by hand: the tests' hostile and odd files."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content {NS}>'
               '<office:body><office:spreadsheet><table:table table:name="Trang 1">'
               f'{rows_xml}</table:table></office:spreadsheet></office:body>'
               '</office:document-content>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml",
                    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                    f'<manifest:file-entry manifest:full-path="content.xml">{manifest_extra}'
                    '</manifest:file-entry></manifest:manifest>')
        zf.writestr("content.xml", content)
    return path


def row(*cells: str) -> str:
    return "<table:table-row>" + "".join(cells) + "</table:table-row>"


def text(value: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def refused(path: Path) -> str:
    with pytest.raises(HosoError) as err:
        read_workbook(path)
    message = err.value.message("vi")
    assert path.name in message
    return err.value.key


def office_list(path: Path) -> Path:
    """A department's list as LibreOffice users keep it: title merged over the table, a date
    cell, a text date, an amount, a unit merged down its two cases."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["DANH SÁCH CÁC CUỘC THANH TRA"])
    ws.merge_cells("A1:E1")
    ws.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Ngày quyết định", "Sai phạm tiền (đồng)",
               "Đơn vị chủ trì"])
    ws.append(["OD-01", "Thanh tra Sở Xây dựng", dt.date(2024, 3, 25), 1_234_567, "Phòng 1"])
    ws.append(["OD-02", "Thanh tra UBND huyện Đông Anh", "06/04/2024", 12_500_000, None])
    ws.append(["OD-03", "Thanh tra Công ty Ánh Dương", "17/5/2024", None, "Phòng 2"])
    ws.merge_cells("E3:E4")
    xlsx = path.with_suffix(".xlsx")
    wb.save(xlsx)
    path.write_bytes(xlsx_to_ods(xlsx.read_bytes()))
    return path


# --- reading -------------------------------------------------------------------------------

def test_an_ods_list_imports_like_an_xlsx(vault, tmp_path):
    source = office_list(tmp_path / "danh sach.ods")
    plan = importer.analyse(vault, source, "cases")
    assert plan.problems == []
    values = {r.key: r.values for r in plan.rows}
    assert values["OD-01"]["decision_date"] == dt.date(2024, 3, 25)
    assert values["OD-02"]["decision_date"] == dt.date(2024, 4, 6)
    assert values["OD-01"]["violation_money"] == 1_234_567
    assert values["OD-02"]["chaired_by"] == "Phòng 1"          # merged down the group
    importer.commit(vault, plan)
    assert {c.code for c in cases.list_cases(vault)} == {"OD-01", "OD-02", "OD-03"}


@needs_soffice
def test_a_file_libreoffice_saved_as_ods_is_read(tmp_path):
    xlsx = tmp_path / "lo.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Ngày quyết định"])
    ws.append(["LO-1", "Thanh tra Sở Tài chính", dt.date(2024, 2, 29)])
    ws.merge_cells("B3:C3")
    ws["B3"] = "Ghi chú gộp"
    hidden = wb.create_sheet("An")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "x"
    wb.save(xlsx)
    convert(tmp_path, "ods", xlsx)
    book = read_workbook(tmp_path / "out" / "lo.ods")
    sheet = book.sheets[0]
    assert sheet.rows[:2] == [["Mã hồ sơ", "Tên cuộc thanh tra", "Ngày quyết định"],
                              ["LO-1", "Thanh tra Sở Tài chính", dt.date(2024, 2, 29)]]
    assert (2, 1, 2, 2) in sheet.merged
    assert book.sheets[1].hidden


def test_an_ods_named_xlsx_is_read_as_what_it_is(tmp_path):
    path = office_list(tmp_path / "ds.ods")
    renamed = tmp_path / "ds-that-ra-la-ods.xlsx"
    path.rename(renamed)
    assert read_workbook(renamed).sheets[0].rows[2][0] == "OD-01"


def test_rows_repeated_to_the_end_of_the_sheet_cost_nothing(tmp_path):
    """LibreOffice writes the empty rows under a table as one row repeated a million times."""
    body = (row(text("Mã hồ sơ"), text("Tên cuộc thanh tra")) + row(text("R-1"), text("Một"))
            + '<table:table-row table:number-rows-repeated="1048574"><table:table-cell '
              'table:number-columns-repeated="1024"/></table:table-row>')
    started = time.perf_counter()
    book = read_workbook(raw_ods(tmp_path / "dai.ods", body))
    assert time.perf_counter() - started < 5
    assert book.sheets[0].rows == [["Mã hồ sơ", "Tên cuộc thanh tra"], ["R-1", "Một"]]


def test_hostile_and_wrong_ods_files_are_refused_with_their_reason(tmp_path):
    ok = row(text("Mã hồ sơ"), text("Tên"))
    assert refused(raw_ods(tmp_path / "van-ban.ods", ok,
                           mimetype="application/vnd.oasis.opendocument.text")) \
        == "excel.odf_not_spreadsheet"
    assert refused(raw_ods(tmp_path / "mat-khau.ods", ok, manifest_extra=(
        '<manifest:encryption-data manifest:checksum-type="SHA1"/>'))) == "excel.ods_encrypted"
    assert refused(raw_ods(tmp_path / "thuc-the.ods", ok, prolog=(
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'))) \
        == "excel.xml_entities"
    # one value repeated over a million rows and a thousand columns: refused before calamine
    far = ('<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
           'office:value-type="float" office:value="1" table:number-columns-repeated="1000">'
           '<text:p>1</text:p></table:table-cell></table:table-row>')
    assert refused(raw_ods(tmp_path / "xa.ods", ok + far)) == "excel.sheet_too_large"
    # a zip bomb: a megabytes-long run of nothing compressed a thousand times over
    bomb = tmp_path / "bom.ods"
    raw_ods(bomb, ok)
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("settings.xml", "<a>" + " " * (60 << 20) + "</a>")
    assert refused(bomb) == "excel.zip_bomb"


# --- writing -------------------------------------------------------------------------------

def test_every_export_can_be_ods_and_comes_back_as_the_programs_own(tmp_path):
    run = admin_cli(str(tmp_path / "v"))
    for i in range(3):
        run("case", "add", "--code", f"E-{i}", "--title", f"Thanh tra đơn vị {i} & <cộng sự>",
            "--decision-date", f"0{i + 1}/03/2024", "--level", "mat" if i == 2 else "thuong")
    out = json.loads(run("export", "cases", str(tmp_path / "so"), "--format", "ods",
                         "--reason", "gửi Sở", "--json"))
    path = Path(out["path"])
    assert path.name == "MAT_so.ods" and out["rows"] == 3
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist()[0] == "mimetype" and zf.read("mimetype") == b"application/" \
            b"vnd.oasis.opendocument.spreadsheet"
        assert zf.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
    book = read_workbook(path)
    sheet = book.sheets[0]
    header = next(i for i, r in enumerate(sheet.rows) if r[0] == "Mã hồ sơ")
    by_code = {r[0]: r for r in sheet.rows[header + 2:] if r[0]}
    assert by_code["E-0"][1] == "Thanh tra đơn vị 0 & <cộng sự>"
    assert dt.date(2024, 3, 1) in by_code["E-0"]
    assert sheet.rows[0][0] == "MẬT"                          # the banner row
    assert any(s.hidden and s.name == "_hoso_manifest" for s in book.sheets)
    again = json.loads(run("import", str(path), "--dry-run", "--json"))
    assert again["from_export"] and again["unchanged"] == 3 and again["inserted"] == 0


@needs_soffice
def test_libreoffice_opens_the_ods_export_with_its_formats_and_marks(tmp_path):
    run = admin_cli(str(tmp_path / "v"))
    run("case", "add", "--code", "F-1", "--title", "Thanh tra Sở Y tế", "--decision-date",
        "05/03/2024", "--level", "mat")
    run("export", "cases", str(tmp_path / "so.ods"), "--reason", "kiểm tra")
    ods = tmp_path / "MAT_so.ods"
    convert(tmp_path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", ods)
    lines = (tmp_path / "out" / "MAT_so.csv").read_text("utf-8").splitlines()
    row_f1 = next(line for line in lines if line.startswith("F-1"))
    assert "05/03/2024" in row_f1 and "Thanh tra Sở Y tế" in row_f1
    convert(tmp_path, "xlsx", ods)
    ws = openpyxl.load_workbook(tmp_path / "out" / "MAT_so.xlsx").worksheets[0]
    assert ws.oddHeader.center.text.endswith("MẬT") and ws.oddFooter.left.text.endswith("MẬT")


def test_text_that_looks_like_a_formula_stays_text_in_ods(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["=1+1", "  hai  khoảng", "dòng 1\ndòng 2", 9.7, dt.datetime(2024, 1, 2, 10, 30)])
    xlsx = tmp_path / "f.xlsx"
    wb.save(xlsx)
    ods = tmp_path / "f.ods"
    ods.write_bytes(xlsx_to_ods(xlsx.read_bytes()))
    with zipfile.ZipFile(ods) as zf:
        assert b"table:formula" not in zf.read("content.xml")
    values = read_workbook(ods).sheets[0].rows[0]
    assert values[0] == "=1+1" and values[2] == "dòng 1\ndòng 2" and values[3] == 9.7
    assert values[4] == dt.datetime(2024, 1, 2, 10, 30)


def convert(tmp_path: Path, target: str, source: Path) -> None:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=240,
        env={**os.environ, "HOME": str(tmp_path), "LANG": "C.UTF-8"})
    assert result.returncode == 0, result.stdout + result.stderr

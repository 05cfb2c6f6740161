"""The Excel export (desktop.exchange.excel.writer): real files, read back with openpyxl,
with the program's own reader, and converted by LibreOffice (skipped when soffice is not
installed: `apt-get install libreoffice-calc-nogui`)."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import MergedCell

from desktop.domain.errors import Cancelled
from desktop.domain.levels import Level
from desktop.domain.stages import Stage
from desktop.exchange.excel import writer as writer_mod
from desktop.exchange.excel.layouts import (MAX_WIDTH, MIN_WIDTH, Leaf, header_grid,
                                            header_min_width)
from desktop.exchange.excel.manifest import (SHEET_NAME, canonical, manifest_from_workbook,
                                             parse_manifest)
from desktop.exchange.excel.reader import clean, read_workbook
from desktop.exchange.excel.writer import (Column, Manifest,
                                           classified_file_name, read_manifest, row_hash,
                                           write_period_report, write_register)

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not on PATH; install "
                            "libreoffice-calc-nogui to run the LibreOffice checks")

INJECTIONS = ["=1+1", "+84 912", "-5", "@SUM(A1)", "\t=cmd", "\r=cmd", "=HYPERLINK(\"x\")",
              "-", "+", "=", "@"]

COLUMNS = [
    Column("code", "Mã hồ sơ"),
    Column("title", "Tên cuộc thanh tra"),
    Column("decided", "Ngày quyết định", "date", group="Quyết định thanh tra"),
    Column("number", "Số quyết định", group="Quyết định thanh tra"),
    Column("money", "Sai phạm (đồng)", "money"),
    Column("land", "Đất (m²)", "area"),
    Column("units", "Số đơn vị", "int"),
    Column("level", "Độ mật", "level"),
]

ROWS = [
    ["TTr-2024-001", "Thanh tra việc quản lý, sử dụng đất đai tại huyện Đông Anh",
     dt.date(2024, 3, 5), "12/QĐ-TTr", 1_234_567_000, 12.5, 3, Level.MAT],
    ["TTr-2024-002", "Thanh tra trách nhiệm thực hiện pháp luật về tiếp công dân",
     dt.date(2024, 12, 31), "105/QĐ-TTr", 0, 9.7, 0, Level.TOI_MAT],
    ["TTr-2024-003", "Ghi chú nhiều dòng\nDòng thứ hai", None, None, None, None, None,
     Level.THUONG],
    ["TTr-2024-004", "Đường Nguyễn Trãi – “Quý Đôn”", dt.datetime(2024, 1, 2, 10, 30), "",
     987_654_321_012, 1500.75, 12, 2],
]


def register(path: Path, rows=ROWS, columns=COLUMNS, **kw) -> int:
    args = dict(title="SỔ THEO DÕI CÁC CUỘC THANH TRA", subtitle="Năm 2024",
                unit_name="Thanh tra tỉnh Hà Nam", columns=columns, rows=rows)
    args.update(kw)
    return write_register(path, **args)


def manifest_for(rows, columns=COLUMNS, hashes=True) -> Manifest:
    return Manifest("vault-7f3a", "cases", "2024-06-14T10:00:00+07:00", "admin",
                    [str(r[0]) for r in rows],
                    [row_hash(r, columns) for r in rows] if hashes else [])


def data_rows(path: Path, manifest: Manifest | None = None):
    """The data rows as read_workbook reads them (positions from the manifest)."""
    book = read_workbook(path)
    found = manifest or manifest_from_workbook(book)
    sheet = book.sheet(found.sheet)
    return [sheet.rows[r - 1] for r in found.excel_rows], book


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~hoso-"))


# --- LibreOffice ---------------------------------------------------------------------------

def soffice(tmp_path: Path, target: str, *files: Path, outdir: Path) -> subprocess.CompletedProcess:
    """Convert with a private profile (parallel runs do not share one) and a timeout."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--nolockcheck", "--convert-to", target, "--outdir", str(outdir), *map(str, files)],
        capture_output=True, text=True, timeout=240,
        env={**os.environ, "HOME": str(tmp_path), "LANG": "C.UTF-8"})
    assert result.returncode == 0, result.stdout + result.stderr
    return result


# every sheet (-1), UTF-8 (76), values formatted as shown (9th token true), no formulas
CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'


def csv_sheets(tmp_path: Path, xlsx: Path) -> dict[str, list[list[str]]]:
    out = tmp_path / f"csv-{xlsx.stem}"
    soffice(tmp_path, CSV_ALL_SHEETS, xlsx, outdir=out)
    sheets = {}
    for f in out.glob(f"{xlsx.stem}-*.csv"):
        with open(f, newline="", encoding="utf-8") as fh:
            sheets[f.stem[len(xlsx.stem) + 1:]] = list(csv.reader(fh))
    assert sheets, f"LibreOffice wrote no CSV for {xlsx.name}"
    return sheets


# --- round trip ----------------------------------------------------------------------------

def test_register_round_trip_with_the_reader(tmp_path):
    path = tmp_path / "so.xlsx"
    manifest = manifest_for(ROWS)
    assert register(path, manifest=manifest) == len(ROWS)
    rows, book = data_rows(path)
    assert book.visible_sheets[0].name == "Danh sách"
    assert rows[0] == ["TTr-2024-001", ROWS[0][1], dt.date(2024, 3, 5), "12/QĐ-TTr",
                       1_234_567_000, 12.5, 3, "Mật"]
    assert rows[1][4:8] == [0, 9.7, 0, "Tối mật"]            # 9.7 exactly, not 9.6999…
    assert rows[2][1] == "Ghi chú nhiều dòng\nDòng thứ hai"
    assert rows[2][2:7] == [None] * 5 and rows[2][7] == "Thường"
    assert rows[3][2] == dt.datetime(2024, 1, 2, 10, 30)
    assert rows[3][3] is None                                  # "" reads back as empty
    assert rows[3][4] == 987_654_321_012 and isinstance(rows[3][4], int)
    assert rows[3][7] == "Tối mật"                             # 2 in a level column
    # what the caller hashed is what an unedited file reads back
    assert [row_hash(r) for r in rows] == manifest.row_hashes


def test_numbers_text_and_odd_characters_survive(tmp_path):
    columns = [Column("t", "Văn bản"), Column("n", "Số", "int"), Column("a", "Diện tích", "area")]
    odd = ["a\x01b\x1fc", "_x0041_ stays", "x" * 40_000, "tab\tinside", "dấu tổ hợp"]
    rows = [[odd[0], 2 ** 53 - 1, 0.1 + 0.2], [odd[1], -7, 1e-7], [odd[2], 10 ** 16 + 1, 3.0],
            [odd[3], 0, -0.5], [odd[4], 1, 123456.789]]
    path = tmp_path / "odd.xlsx"
    manifest = manifest_for(rows, columns, hashes=False)        # the writer hashes
    register(path, rows=rows, columns=columns, manifest=manifest)
    back, _ = data_rows(path)
    assert [r[0] for r in back] == [odd[0], odd[1], "x" * 32_767, odd[3], "dấu tổ hợp"]
    assert [r[1] for r in back] == [2 ** 53 - 1, -7, 10 ** 16, 0, 1]  # past 2**53 a double rounds
    assert [r[2] for r in back] == [0.1 + 0.2, 1e-7, 3, -0.5, 123456.789]
    assert [row_hash(r) for r in back] == read_manifest(path).row_hashes


def test_row_hash_is_canonical():
    assert row_hash(["a", 3.0, None, None]) == row_hash([" a ", 3])
    assert row_hash([dt.datetime(2024, 1, 2)]) == row_hash([dt.date(2024, 1, 2)])
    assert row_hash(["Mật"]) == row_hash([Level.MAT])
    assert row_hash([1], [Column("l", "Độ mật", "level")]) == row_hash(["Mật"])
    assert row_hash(["1"]) != row_hash([1])
    assert row_hash(["2024-01-02"]) != row_hash([dt.date(2024, 1, 2)])
    assert row_hash(["a", "b"]) != row_hash(["b", "a"])
    assert re.fullmatch(r"[0-9a-f]{64}", row_hash([]))
    assert canonical(["x\u0301"]) == ["x\u0301"] and canonical(["e\u0301"]) == ["é"]


# --- formula injection ---------------------------------------------------------------------

def _injection_book(tmp_path: Path) -> Path:
    columns = [Column("a", "Văn bản"), Column("b", "Số tiền", "money"), Column("c", "Ngày", "date")]
    rows = [[v, v, v] for v in INJECTIONS] + [["bình thường", 5, dt.date(2024, 1, 1)]]
    path = tmp_path / "inj.xlsx"
    register(path, rows=rows, columns=columns, unit_name="=cmd|' /C calc'!A0",
             title="-2+3", subtitle="@x")
    return path


def test_formula_like_text_is_stored_as_text(tmp_path):
    path = _injection_book(tmp_path)
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<(\w+:)?f[ >/]", zf.read(name)), name
    assert read_manifest(path) is None
    ws = openpyxl.load_workbook(path)["Danh sách"]
    found = 0
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@", "\t", "_"):
                assert cell.data_type == "s"
                assert cell.quotePrefix, cell.coordinate
                found += 1
    assert found >= 3 * len(INJECTIONS) + 3          # data, unit name, title, subtitle
    values = [c.value for c in ws["A"]][-len(INJECTIONS) - 1:-1]
    expected = [writer_mod.cell_text(v) for v in INJECTIONS]  # "\r" is stored as _x000D_
    assert values == expected
    assert ws[f"A{ws.max_row}"].quotePrefix is False  # ordinary text: no prefix
    back = read_workbook(path).sheet("Danh sách").rows
    assert [r[0] for r in back[-len(INJECTIONS) - 1:-1]] == [clean(v) for v in INJECTIONS]


@needs_soffice
def test_libreoffice_shows_formula_like_text_literally(tmp_path):
    path = _injection_book(tmp_path)
    sheet = csv_sheets(tmp_path, path)["Danh sách"]
    data = sheet[-len(INJECTIONS) - 1:-1]
    for value, row in zip(INJECTIONS, data):
        assert row[0] == value, (value, row)          # not evaluated, not altered
        assert row[1] == value and row[2] == value
    assert sheet[0][0] == "=CMD|' /C CALC'!A0"        # the unit name, upper-cased
    assert any(r[0] == "-2+3" for r in sheet) and any(r[0] == "@x" for r in sheet)


# --- layout --------------------------------------------------------------------------------

def test_layout_header_numbers_formats_and_borders(tmp_path):
    path = tmp_path / "so.xlsx"
    register(path, manifest=manifest_for(ROWS))
    first = read_manifest(path).excel_rows[0]
    ws = openpyxl.load_workbook(path)["Danh sách"]
    assert ws["A1"].value == "THANH TRA TỈNH HÀ NAM" and ws["A1"].font.b
    nation = next(c for c in ws[1] if c.value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert nation.column > 1 and ws.cell(2, nation.column).value == "Độc lập - Tự do - Hạnh phúc"
    title = next(r for r in ws.iter_rows() if r[0].value == "SỔ THEO DÕI CÁC CUỘC THANH TRA")[0]
    assert title.font.b and title.alignment.horizontal == "center"
    subtitle = ws.cell(title.row + 1, 1)
    assert subtitle.value == "Năm 2024" and subtitle.font.i
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert f"A{title.row}:H{title.row}" in merged
    # two header rows: the group merged across its columns, the others down both rows
    top, bottom, numbers = first - 3, first - 2, first - 1
    assert ws.cell(top, 3).value == "Quyết định thanh tra" and f"C{top}:D{top}" in merged
    assert ws.cell(bottom, 3).value == "Ngày quyết định"
    assert ws.cell(top, 1).value == "Mã hồ sơ" and f"A{top}:A{bottom}" in merged
    for c in range(1, 9):
        head = ws.cell(top, c)
        if not isinstance(head, MergedCell):  # openpyxl keeps only borders of covered cells
            assert head.font.b and head.fill.fgColor.rgb == "FFD9D9D9"
        assert head.border.top.style == "thin" and ws.cell(bottom, c).border.bottom.style == "thin"
        assert ws.cell(numbers, c).value == f"({c})"
    for r in range(first, first + len(ROWS)):
        for c in range(1, 9):
            cell = ws.cell(r, c)
            assert {cell.border.left.style, cell.border.right.style, cell.border.top.style,
                    cell.border.bottom.style} == {"thin"}, cell.coordinate
    assert ws.cell(first, 3).number_format == "dd/mm/yyyy" and ws.cell(first, 3).is_date
    assert ws.cell(first, 5).number_format == "#,##0"
    assert ws.cell(first, 6).number_format == "#,##0.0"
    assert ws.cell(first + 1, 2).alignment.wrap_text
    assert ws.freeze_panes == f"A{first}"


def test_print_setup(tmp_path):
    path = tmp_path / "so.xlsx"
    register(path, manifest=manifest_for(ROWS))
    first = read_manifest(path).excel_rows[0]
    ws = openpyxl.load_workbook(path)["Danh sách"]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9                   # A4
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${first - 3}:${first - 1}"  # both header rows + numbers
    assert ws.print_options.horizontalCentered
    m = ws.page_margins
    assert 0.3 <= m.left <= 1 and 0.3 <= m.right <= 1 and 0.5 <= m.top <= 1 and m.footer > 0
    assert ws.oddFooter.center.text == "Trang &P/&N"
    assert not ws.oddHeader.center.text and ws.sheet_properties.tabColor is None


def test_widths_fit_and_stay_within_bounds(tmp_path):
    long = "Thanh tra toàn diện việc chấp hành chính sách, pháp luật về quản lý đất đai " * 3
    rows = [["TTr-1", long, dt.date(2024, 1, 1), "1/QĐ", 5, 1.5, 1, "Mật"]] * 3
    path = tmp_path / "w.xlsx"
    register(path, rows=rows)
    ws = openpyxl.load_workbook(path)["Danh sách"]
    widths = {c: ws.column_dimensions[c].width for c in "ABCDEFGH"}
    assert all(MIN_WIDTH <= w <= MAX_WIDTH for w in widths.values()), widths
    assert widths["B"] == MAX_WIDTH                             # long text wraps instead
    assert widths["C"] >= 9.5                                   # dd/mm/yyyy fits
    assert widths["A"] >= len("TTr-1")
    assert widths["E"] >= header_min_width("Sai phạm (đồng)")   # no header word is cut
    assert widths["G"] < widths["E"] < widths["B"]


def test_widths_come_from_a_sample(tmp_path):
    short = [["x", "ngắn", None, None, None, None, None, None]] * 2_000
    long = [["x", "dài " * 30, None, None, None, None, None, None]]
    path = tmp_path / "s.xlsx"
    assert register(path, rows=iter(short + long)) == 2_001
    ws = openpyxl.load_workbook(path, read_only=False)["Danh sách"]
    assert ws.column_dimensions["B"].width < 30                  # row 2 001 was not measured


def test_empty_register_and_english(tmp_path):
    path = tmp_path / "empty.xlsx"
    assert register(path, rows=[], lang="en") == 0
    ws = openpyxl.load_workbook(path)["Danh sách"]
    texts = [c.value for row in ws.iter_rows() for c in row if c.value]
    assert "SOCIALIST REPUBLIC OF VIET NAM" in texts and "(8)" in texts
    assert ws.oddFooter.center.text == "Page &P/&N"


def test_one_column_register(tmp_path):
    path = tmp_path / "one.xlsx"
    register(path, rows=[["a"], ["b"]], columns=[Column("a", "Tên")])
    rows = read_workbook(path).sheets[0].rows
    assert rows[-2:] == [["a"], ["b"]]


def test_header_grid_for_three_levels():
    depth, cells = header_grid([("STT",), ("A", "x"), ("A", "B", "y"), ("A", "B", "z"), ("C", "w")])
    assert depth == 3
    spans = {(c.text, c.row, c.col, c.row2, c.col2) for c in cells}
    assert spans == {("STT", 0, 0, 2, 0), ("A", 0, 1, 0, 3), ("x", 1, 1, 2, 1), ("B", 1, 2, 1, 3),
                     ("y", 2, 2, 2, 2), ("z", 2, 3, 2, 3), ("C", 0, 4, 0, 4), ("w", 1, 4, 2, 4)}
    assert Leaf.of(Column("k", "h", group="g")).path == ("g", "h")
    with pytest.raises(ValueError):
        Column("k", "h", kind="percent")


# --- classified exports --------------------------------------------------------------------

@pytest.mark.parametrize("label, mark", [("MẬT", "MẬT"), ("Tối mật", "TỐI MẬT"),
                                         (Level.TUYET_MAT, "TUYỆT MẬT")])
def test_classified_banner_header_footer_and_tab(tmp_path, label, mark):
    path = tmp_path / "mat.xlsx"
    register(path, level_label=label, manifest=manifest_for(ROWS))
    ws = openpyxl.load_workbook(path)["Danh sách"]
    banner = ws["A1"]
    assert banner.value == mark and banner.font.b and banner.font.color.rgb == "FFFF0000"
    assert "A1:H1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].value == "THANH TRA TỈNH HÀ NAM"                  # the block moved down
    assert ws.oddHeader.center.text == mark and ws.oddHeader.center.color == "FF0000"
    assert ws.oddFooter.left.text == mark and ws.oddFooter.center.text == "Trang &P/&N"
    # page 1 shows the banner once (the sheet's row; its header is empty), the bottom and
    # every later page carry it in the header and footer
    assert ws.HeaderFooter.differentFirst and not ws.HeaderFooter.differentOddEven
    assert not ws.firstHeader.center.text
    assert ws.firstFooter.left.text == mark and ws.firstFooter.center.text == "Trang &P/&N"
    assert ws.sheet_properties.tabColor.rgb == "FFFF0000"
    rows, _ = data_rows(path)                                         # data unchanged
    assert [r[0] for r in rows] == [r[0] for r in ROWS]


def test_ordinary_level_is_not_marked(tmp_path):
    path = tmp_path / "thuong.xlsx"
    register(path, level_label="Thường")
    ws = openpyxl.load_workbook(path)["Danh sách"]
    assert ws["A1"].value == "THANH TRA TỈNH HÀ NAM" and ws.sheet_properties.tabColor is None


def test_classified_file_name():
    assert classified_file_name("/x/so.xlsx", "MẬT") == Path("/x/MAT_so.xlsx")
    assert classified_file_name("/x/so.xlsx", "Tối mật").name == "TOI-MAT_so.xlsx"
    assert classified_file_name("so.xlsx", Level.TUYET_MAT).name == "TUYET-MAT_so.xlsx"
    assert classified_file_name("MAT_so.xlsx", "tối mật").name == "TOI-MAT_so.xlsx"
    assert classified_file_name("so.xlsx", None).name == "so.xlsx"
    assert classified_file_name("MAT_so.xlsx", "Thường").name == "so.xlsx"
    assert classified_file_name("so.xlsx", "MẬT").name.isascii()


# --- manifest ------------------------------------------------------------------------------

def test_manifest_round_trip_and_very_hidden(tmp_path):
    path = tmp_path / "so.xlsx"
    manifest = manifest_for(ROWS)
    register(path, manifest=manifest)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[-1] == SHEET_NAME and wb[SHEET_NAME].sheet_state == "veryHidden"
    assert wb.active.title == "Danh sách"
    back = read_manifest(path)
    assert (back.vault_id, back.kind, back.exported_at, back.exported_by) == \
        (manifest.vault_id, manifest.kind, manifest.exported_at, manifest.exported_by)
    assert back.row_keys == manifest.row_keys and back.row_hashes == manifest.row_hashes
    assert back.sheet == "Danh sách" and back.version == 2
    # the row table is packed: a few cells, not one line per exported row
    assert wb[SHEET_NAME].max_row < 14 + len(ROWS)
    ws = wb["Danh sách"]
    assert [ws.cell(r, 1).value for r in back.excel_rows] == manifest.row_keys
    assert back.rows()["TTr-2024-002"] == (manifest.row_hashes[1], back.excel_rows[1])
    book = read_workbook(path)
    assert book.sheet(SHEET_NAME).very_hidden and manifest_from_workbook(book) == back


def test_manifest_of_the_first_format_still_reads(tmp_path):
    """Version 1 wrote a line per row (key, hash, Excel row): files exported before
    still re-import by their rows."""
    path = tmp_path / "v1.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Danh sách"
    wb.active.append(["Mã"])
    wb.active.append(["TTr-1"])
    ws = wb.create_sheet(SHEET_NAME)
    for row in (["format", "hoso-export-manifest"], ["version", 1], ["vault_id", "v-1"],
                ["kind", "cases"], ["sheet", "Danh sách"], ["first_data_row", 2], [],
                ["row_key", "row_hash", "excel_row"], ["TTr-1", "AB" * 32, 2]):
        ws.append(row)
    ws.sheet_state = "veryHidden"
    wb.save(path)
    back = read_manifest(path)
    assert back.version == 1 and back.rows() == {"TTr-1": ("ab" * 32, 2)}


def _edit_manifest(tmp_path, edit):
    path = tmp_path / "so.xlsx"
    register(path, manifest=manifest_for(ROWS))
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_NAME]
    edit(ws)
    wb.save(tmp_path / "edited-manifest.xlsx")
    return read_manifest(tmp_path / "edited-manifest.xlsx")


def _packed(ws):
    return next(c for c in ws["A"] if isinstance(c.value, str) and c.value.startswith("[["))


def test_a_hand_edited_packed_table_keeps_the_origin_but_no_row_keys(tmp_path):
    """Rows after a broken cell would land on the wrong records: none are matched, but
    the file still says which vault it came from (a foreign file is still refused)."""
    def cut(ws):
        cell = _packed(ws)
        cell.value = cell.value[:-5]
    back = _edit_manifest(tmp_path, cut)
    assert back.vault_id == manifest_for(ROWS).vault_id and back.row_keys == []
    deep = _edit_manifest(tmp_path, lambda ws: setattr(_packed(ws), "value", "[" * 30_000))
    assert deep.vault_id and deep.row_keys == []  # no RecursionError


def test_blank_lines_and_nonsense_numbers_in_the_manifest_are_tolerated(tmp_path):
    def edit(ws):
        ws.append([])
        ws.append(["", ""])
        for row in ws.iter_rows():
            if row[0].value == "first_data_row":
                row[1].value = "1e400"
    back = _edit_manifest(tmp_path, edit)
    assert back.row_keys == manifest_for(ROWS).row_keys
    assert back.excel_rows == [None] * len(ROWS)


def test_packed_cells_stay_under_excels_limit_in_utf16_units():
    from desktop.exchange.excel.manifest import PACKED_CHARS, packed_cells
    keys = [f"𝔸{i}-" + "𠀀" * 40 for i in range(2000)]  # beyond the BMP: two units each
    cells = packed_cells(keys, ["ab" * 32] * len(keys))
    assert len(cells) > 1
    assert all(len(c.encode("utf-16-le")) // 2 <= PACKED_CHARS for c in cells)
    assert [k for c in cells for k, _ in __import__("json").loads(c)] == keys


def test_manifest_survives_edits_and_shows_them(tmp_path):
    path = tmp_path / "so.xlsx"
    register(path, manifest=manifest_for(ROWS))
    wb = openpyxl.load_workbook(path)
    ws = wb["Danh sách"]
    row = read_manifest(path).excel_rows[1]
    ws.cell(row, 7).value = 99                      # the user edits a cell
    ws.insert_cols(20)
    wb.create_sheet("Ghi chú").append(["thêm"])
    wb.move_sheet("Ghi chú", offset=-2)
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    back = read_manifest(edited)
    assert back is not None and back.row_keys == [r[0] for r in ROWS]
    rows, _ = data_rows(edited, back)
    changed = [k for k, r, h in zip(back.row_keys, rows, back.row_hashes) if row_hash(r) != h]
    assert changed == ["TTr-2024-002"]


def test_manifest_read_by_openpyxl_when_calamine_fails(tmp_path, monkeypatch):
    from desktop.exchange.excel import manifest as manifest_mod
    path = tmp_path / "so.xlsx"
    register(path, manifest=manifest_for(ROWS))
    expected = read_manifest(path)

    def broken(data):
        raise RuntimeError("calamine panicked")

    monkeypatch.setattr(manifest_mod, "_calamine_rows", broken)
    assert read_manifest(path) == expected


def test_manifest_absent_or_foreign(tmp_path):
    path = tmp_path / "plain.xlsx"
    register(path)
    assert read_manifest(path) is None
    other = tmp_path / "other.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["x"])
    ws = wb.create_sheet(SHEET_NAME)
    ws.append(["key", "value"])
    ws.append(["format", "something-else"])
    wb.save(other)
    assert read_manifest(other) is None
    newer = [["format", "hoso-export-manifest"], ["version", 9], ["vault_id", "v"]]
    assert parse_manifest(newer) is None
    assert parse_manifest(newer[:1] + [["version", 1]] + newer[2:]).vault_id == "v"


def test_manifest_checks_its_counts(tmp_path):
    bad = Manifest("v", "cases", "now", "me", ["a", "b"], ["h"])
    with pytest.raises(ValueError):
        register(tmp_path / "x.xlsx", rows=ROWS[:2], manifest=bad)
    with pytest.raises(ValueError):
        register(tmp_path / "x.xlsx", manifest=manifest_for(ROWS[:2]))
    assert not (tmp_path / "x.xlsx").exists() and leftovers(tmp_path) == []


@needs_soffice
def test_libreoffice_resave_keeps_a_readable_manifest(tmp_path):
    path = tmp_path / "so.xlsx"
    manifest = manifest_for(ROWS)
    register(path, manifest=manifest, level_label="MẬT")
    out = tmp_path / "resaved"
    soffice(tmp_path, "xlsx:Calc MS Excel 2007 XML", path, outdir=out)
    resaved = out / "so.xlsx"
    state = openpyxl.load_workbook(resaved)[SHEET_NAME].sheet_state
    # LibreOffice 7.x has no "very hidden" state: it writes the sheet back as "hidden"
    assert state in ("hidden", "veryHidden")
    back = read_manifest(resaved)
    assert back.row_keys == manifest.row_keys and back.row_hashes == manifest.row_hashes
    assert back.excel_rows == read_manifest(path).excel_rows
    rows, _ = data_rows(resaved, back)
    assert [row_hash(r) for r in rows] == manifest.row_hashes     # values unchanged


# --- big exports: one pass, cancel, failures -----------------------------------------------

def test_fast_path_is_active_with_this_openpyxl():
    assert writer_mod.INTERNALS.fast_rows and writer_mod.INTERNALS.local_stream


def test_public_fallback_writes_the_same_values(tmp_path, monkeypatch):
    fast = tmp_path / "fast.xlsx"
    register(fast, manifest=manifest_for(ROWS))
    monkeypatch.setattr(writer_mod.INTERNALS, "fast_rows", False)
    monkeypatch.setattr(writer_mod.INTERNALS, "local_stream", False)
    slow = tmp_path / "slow.xlsx"
    register(slow, manifest=manifest_for(ROWS))
    assert [s.rows for s in read_workbook(fast).sheets] == \
        [s.rows for s in read_workbook(slow).sheets]


def test_progress_and_no_clear_part_file_while_exporting(tmp_path):
    seen, during = [], []
    rows = ([f"TTr-{i}", "tên", None, None, i, None, None, None] for i in range(2_500))

    def progress(n):
        seen.append(n)
        during.append(leftovers(tmp_path))

    assert register(tmp_path / "p.xlsx", rows=rows, progress=progress) == 2_500
    # from the start, every 256 rows (the points where the user may stop it), and the end
    assert seen == [0, *range(256, 2_500, 256), 2_500]
    # the sheet is assembled in memory: no clear part file beside it, in /tmp or elsewhere
    assert all(not name.endswith(".xml.part") for names in during for name in names)
    assert leftovers(tmp_path) == [] and (tmp_path / "p.xlsx").exists()


def test_cancel_leaves_no_file(tmp_path):
    written = []

    def progress(done, _total=0):   # the user stops the export after 768 rows
        written.append(done)
        if done >= 768:
            raise Cancelled()

    rows = ([f"TTr-{i}", "tên", None, None, i, None, None, None] for i in range(100_000))
    with pytest.raises(Cancelled) as stopped:
        register(tmp_path / "c.xlsx", rows=rows, progress=progress, manifest=None)
    assert written == [0, 256, 512, 768] and stopped.value.key == "excel.export.cancelled"
    assert list(tmp_path.iterdir()) == []
    assert Cancelled("excel.export.cancelled").message("vi").startswith("Đã hủy")


def test_a_failed_export_keeps_the_previous_file(tmp_path):
    path = tmp_path / "so.xlsx"
    path.write_bytes(b"previous export")

    def rows():
        yield ROWS[0]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        register(path, rows=rows())
    assert path.read_bytes() == b"previous export" and leftovers(tmp_path) == []
    with pytest.raises(ValueError):
        register(path, rows=[ROWS[0] + ["one too many"]])
    assert path.read_bytes() == b"previous export" and leftovers(tmp_path) == []


def test_too_many_rows_for_excel(tmp_path, monkeypatch):
    from desktop.domain.errors import HosoError
    monkeypatch.setattr(writer_mod, "MAX_ROWS", 20)
    with pytest.raises(HosoError) as err:
        register(tmp_path / "big.xlsx", rows=ROWS * 5)
    assert err.value.key == "excel.export.too_many_rows" and list(tmp_path.iterdir()) == []


def test_missing_folder_is_explained(tmp_path):
    from desktop.domain.errors import HosoError
    with pytest.raises(HosoError) as err:
        register(tmp_path / "nope" / "so.xlsx")
    assert err.value.key == "excel.export.no_folder"


# --- table 01/TTr and the review lists -----------------------------------------------------

REPORT = {
    "from": "2023-12-15", "to": "2024-06-14", "unit": "Thanh tra tỉnh",
    "indicators": {"carried_over": 3, "started": 5, "started_planned": 4, "started_ad_hoc": 1,
                   "onsite_finished": 2, "conclusions_issued": 2, "units_inspected": 7,
                   "violation_money": 1_234_567_890, "violation_land_m2": 1500.5,
                   "recovery_money": 500_000_000, "recovery_land_m2": 0.0,
                   "disciplined_orgs": 2, "disciplined_persons": 5, "referral_cases": 1,
                   "referral_persons": 2, "carried_out": 8},
    "without_conclusion": [
        {"code": "TTr-01", "title": "=Thanh tra X", "stage": "draft",
         "stage_label": "Dự thảo kết luận", "since": "2024-04-01", "days": 74,
         "waiting_on": "Lãnh đạo: cho ý kiến, ký kết luận", "unanswered_opinions": []},
        {"code": "TTr-02", "title": "Thanh tra Y", "stage": None, "stage_label": None,
         "since": None, "days": 0, "waiting_on": "", "unanswered_opinions": []}],
    "opinions_overdue": [{"case": "TTr-01", "addressee": "Bộ Tài chính", "sent": "2024-05-01",
                          "due": "2024-05-16", "days_late": 29, "answered": None}],
    "directives_overdue": [],
    "plan_items_not_started": [{"id": 1, "year": 2024, "inspected_party": "Sở Xây dựng",
                                "content": "Thanh tra đầu tư công", "quarter": 2}],
}


def test_period_report_table_01(tmp_path):
    path = tmp_path / "bc.xlsx"
    write_period_report(path, REPORT, unit_name="Thanh tra tỉnh Hà Nam",
                        manifest=Manifest("v", "report.01TTr", "now", "admin"))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["01-TTr", "Chưa kết luận", "Xin ý kiến quá hạn", "Chỉ đạo quá hạn",
                             "Kế hoạch chưa triển khai", SHEET_NAME]
    ws = wb["01-TTr"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    for text in ("TỔNG HỢP KẾT QUẢ THANH TRA HÀNH CHÍNH", "Đơn vị tính: tiền: triệu đồng; đất: m²",
                 "Kỳ báo cáo: từ ngày 15/12/2023 đến ngày 14/06/2024", "Biểu số 01/TTr",
                 "Số cuộc thanh tra", "Tổng số", "Kỳ trước chuyển sang", "Triển khai trong kỳ",
                 "Theo kế hoạch", "Đột xuất", "Số kết luận đã ban hành", "Số đơn vị được thanh tra",
                 "Sai phạm", "Kiến nghị thu hồi về ngân sách nhà nước",
                 "Kiến nghị xử lý hành chính", "Tổ chức", "Cá nhân", "Chuyển cơ quan điều tra",
                 "Vụ", "Người", "TỔNG CỘNG", "THỦ TRƯỞNG ĐƠN VỊ", "(3)=(4)+(5)"):
        assert text in cells, text
    merged = {str(r) for r in ws.merged_cells.ranges}
    top = cells["Số cuộc thanh tra"].row
    assert f"C{top}:H{top}" in merged and f"A{top}:A{top + 2}" in merged   # three header rows
    assert f"E{top + 1}:G{top + 1}" in merged                                # triển khai
    total = cells["TỔNG CỘNG"].row
    unit = total - 1
    values = [ws.cell(unit, c).value for c in range(1, 19)]
    assert values == [1, "Thanh tra tỉnh Hà Nam", 8, 3, 5, 4, 1, 2, 2, 7, 1234.568, 1500.5,
                      500, 0, 2, 5, 1, 2]
    totals = [ws.cell(total, c).value for c in range(3, 19)]
    assert totals == values[2:]
    assert all(ws.cell(total, c).data_type == "n" for c in range(3, 19))   # values, no formulas
    assert ws.cell(total, 11).number_format == "#,##0.0##" and ws.cell(total, 3).font.b
    assert ws.freeze_panes == f"A{unit}"
    assert ws.print_title_rows == f"${top}:${top + 3}"

    lst = wb["Chưa kết luận"]
    rows = [[c.value for c in r] for r in lst.iter_rows(min_row=lst.max_row - 1)]
    assert rows[0][:6] == [1, "TTr-01", "=Thanh tra X", "Dự thảo kết luận",
                           dt.datetime(2024, 4, 1), 74]
    assert lst.cell(lst.max_row - 1, 3).data_type == "s"
    assert lst.cell(lst.max_row - 1, 5).number_format == "dd/mm/yyyy"
    assert rows[1][1] == "TTr-02" and rows[1][4] is None
    assert "Không có." in [c.value for r in wb["Chỉ đạo quá hạn"].iter_rows() for c in r]
    assert read_manifest(path).kind == "report.01TTr"


def test_period_report_classified_in_english(tmp_path):
    path = tmp_path / "bc.xlsx"
    write_period_report(path, REPORT, unit_name="", level_label="TỐI MẬT", lang="en")
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        assert ws["A1"].value == "TỐI MẬT" and ws.sheet_properties.tabColor.rgb == "FFFF0000"
        assert ws.oddHeader.center.text == "TỐI MẬT"
    texts = {c.value for r in wb["01-TTr"].iter_rows() for c in r if c.value}
    assert {"SUMMARY OF ADMINISTRATIVE INSPECTION RESULTS", "TOTAL", "Thanh tra tỉnh"} <= texts
    stages = {c.value for r in wb["Without conclusion"].iter_rows() for c in r}
    assert Stage.DRAFT.label("en") in stages and "Dự thảo kết luận" not in stages


@needs_soffice
def test_libreoffice_reads_every_sheet_of_the_report(tmp_path):
    path = tmp_path / "bc.xlsx"
    write_period_report(path, REPORT, unit_name="Thanh tra tỉnh Hà Nam", level_label="MẬT")
    sheets = csv_sheets(tmp_path, path)
    assert set(sheets) == {"01-TTr", "Chưa kết luận", "Xin ý kiến quá hạn", "Chỉ đạo quá hạn",
                           "Kế hoạch chưa triển khai"}
    main = sheets["01-TTr"]
    total = next(r for r in main if "TỔNG CỘNG" in r)
    assert total[2:10] == ["8", "3", "5", "4", "1", "2", "2", "7"]
    assert total[10] == "1,234.568" and total[11] == "1,500.5"        # formats as shown
    listing = sheets["Chưa kết luận"]
    row = next(r for r in listing if r[1] == "TTr-01")
    assert row[2] == "=Thanh tra X" and row[4] == "01/04/2024" and row[5] == "74"


@needs_soffice
def test_libreoffice_opens_registers_with_formats(tmp_path):
    path = tmp_path / "so.xlsx"
    register(path, manifest=manifest_for(ROWS), level_label="MẬT")
    sheet = csv_sheets(tmp_path, path)["Danh sách"]
    assert sheet[0][0] == "MẬT"
    first = next(i for i, r in enumerate(sheet) if r[0] == "TTr-2024-001")
    assert sheet[first][2:6] == ["05/03/2024", "12/QĐ-TTr", "1,234,567,000", "12.5"]
    assert sheet[first + 3][2] == "02/01/2024 10:30"


@needs_soffice
def test_libreoffice_prints_one_page_wide(tmp_path):
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdfinfo, pdftotext) is not installed")
    columns = COLUMNS + [Column(f"x{i}", f"Thêm{i}", "money") for i in range(8)]
    rows = [row + [i * 1000 for i in range(8)] for row in ROWS * 60]
    path = tmp_path / "wide.xlsx"
    register(path, rows=rows, columns=columns, level_label="MẬT")
    out = tmp_path / "pdf"
    soffice(tmp_path, "pdf", path, outdir=out)
    pdf = out / "wide.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert width > height and abs(width - 841.9) < 2                   # A4 landscape
    assert 2 <= pages <= 12
    for page in range(1, pages + 1):                                   # every page: all columns
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True).stdout
        assert "Mã hồ sơ" in text and "Thêm7" in text, page   # header repeated, whole width
        assert "MẬT" in text and f"Trang {page}/{pages}" in text
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf),
                        str(out / "page")], check=True, timeout=60)
        assert list(out.glob("page*.png"))


def test_rows_written_as_xml_text_equal_what_openpyxl_writes(tmp_path, monkeypatch):
    """The export writes its rows' XML itself (a tree per cell is most of the time of a big
    export): for every kind of value — text to escape, padded text, several lines, formula-
    looking text, empty text, blanks, big and small numbers, dates before and after 1900-03-01,
    times of day, levels — the sheet it writes is, element for element, openpyxl's."""
    rows = ROWS + [[f"X-{i}", text, dt.date(1900, 2, 1) if i == 0 else dt.date(2024, 1, i + 1),
                    "  lề  ", 10 ** 17 + i, 1e-7 * i, -i, 3] for i, text in enumerate(
                        ["a & b < c > d", "  padded ", "=1+1", "", "tab\there", "_x0041_ x"])]
    rows.append(["T", dt.time(9, 30), dt.datetime(2024, 5, 6, 7, 8), None, None, None, None, 0])

    def sheet_tree(path):
        from xml.etree import ElementTree
        with zipfile.ZipFile(path) as zf:
            name = next(n for n in zf.namelist() if n.startswith("xl/worksheets/sheet1"))
            root = ElementTree.fromstring(zf.read(name))
        ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
        return [(row.attrib, [(c.attrib, [(e.tag, e.attrib, e.text) for e in c.iter()][1:])
                              for c in row]) for row in root.iter(ns + "row")]

    register(tmp_path / "fast.xlsx", rows=rows, manifest=manifest_for(rows))
    monkeypatch.setattr(writer_mod.INTERNALS, "row_xml", False)
    register(tmp_path / "openpyxl.xlsx", rows=rows, manifest=manifest_for(rows))
    fast, reference = sheet_tree(tmp_path / "fast.xlsx"), sheet_tree(tmp_path / "openpyxl.xlsx")
    assert len(fast) == len(reference) > len(rows)
    for ours, theirs in zip(fast, reference):
        assert ours == theirs
    assert data_rows(tmp_path / "fast.xlsx")[0] == data_rows(tmp_path / "openpyxl.xlsx")[0]

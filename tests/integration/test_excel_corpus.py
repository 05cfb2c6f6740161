"""read_workbook over every file of the real-world corpus (shared/xlsx-corpus, see its
README): each file gives rows or a HosoError with a clear message, never another exception,
never a hang, never zero sheets for a workbook that has data."""

import time
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop.domain.errors import HosoError
from desktop.exchange.excel import find_header, read_workbook

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "xlsx-corpus"
if not CORPUS.is_dir():
    pytest.skip(f"the xlsx corpus is not beside the clone ({CORPUS})", allow_module_level=True)

FILES = sorted(p for p in CORPUS.iterdir() if p.suffix.lower() in (".xlsx", ".xlsm"))
TIME_LIMIT = 20.0

REFUSED = {  # file → message key, and why
    "exceldatareader__agile_AES256_SHA512_CBC_pwd_password.xlsx": "excel.encrypted",  # OLE + EncryptionInfo
    "poi__poc-xmlbomb.xlsx": "excel.xml_entities",               # billion laughs in sharedStrings
    "exceldatareader__EmptyZipFile.xlsx": "excel.missing_part",  # a zip holding test.txt
    "python-calamine__empty_file.xlsx": "excel.empty",           # 0 bytes
    "poi__poc-shared-strings.xlsx": "excel.text_bomb",           # 1 MB string × 12 000 cells
    "poi__sample-beta.xlsx": "excel.beta_format",                # Excel 2007 beta namespace
    # bad CRC-32 on sheet8: calamine would read it, but the bytes are not what was saved
    "poi__clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx": "excel.corrupt",
}
NO_VALUES = {  # read without error, and rightly hold no cell values
    "sheetjs__BlankSheetTypes.xlsm",                   # blank sheets of every kind
    "poi__60825.xlsx",                                 # its one resolvable sheet is empty
    "calamine__pictures_in_cell_and_over_cell.xlsx",   # pictures in cells: #VALUE! → empty
}


def test_the_corpus_is_there():
    assert len(FILES) >= 60
    assert set(REFUSED) | NO_VALUES <= {p.name for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_gives_rows_or_a_clear_refusal(path):
    start = time.perf_counter()
    try:
        book = read_workbook(path)
    except HosoError as err:
        elapsed = time.perf_counter() - start
        assert path.name in REFUSED, f"unexpected refusal: {err.message('en')}"
        assert err.key == REFUSED[path.name], err.message("en")
        for lang in ("vi", "en"):
            text = err.message(lang)
            assert text != err.key and path.name in text
    else:
        elapsed = time.perf_counter() - start
        assert path.name not in REFUSED, f"should be refused as {REFUSED.get(path.name)}"
        assert book.sheets, "a workbook read with zero sheets"
        for sheet in book.sheets:
            assert all(len(row) == sheet.width for row in sheet.rows)
            if sheet.rows:  # trimmed: the last row and the last column hold something
                assert any(v is not None for v in sheet.rows[-1])
                assert any(row[-1] is not None for row in sheet.rows)
        has_values = any(v is not None for s in book.sheets for row in s.rows for v in row)
        assert has_values or path.name in NO_VALUES
    assert elapsed < TIME_LIMIT, f"{path.name} took {elapsed:.1f} s"


def read(name):
    return read_workbook(CORPUS / name)


def test_strict_ooxml_is_read_not_silently_empty():
    book = read("calamine__strict_iso_paths.xlsx")
    assert book.strict and (book.sheets[0].height, book.sheets[0].width) == (76, 18)
    iso = read("exceldatareader-strict__Test_num_double_date_bool_string.xlsx").sheets[0]
    assert iso.rows[0][:3] == [1, 1.02, date(2009, 5, 11)]       # t="d" ISO date cells
    assert iso.rows[0][5] == datetime(2009, 5, 7, 11, 1, 2)
    flags = [(s.name, s.hidden, s.very_hidden)
             for s in read("sheetjs__sheet_visibility_strict.xlsx").sheets]
    assert flags == [("Visible", False, False), ("Hidden", True, False),
                     ("VeryHidden", True, True)]


def test_a_wrong_or_missing_dimension_loses_no_rows():
    sheet = read("exceldatareader__Test_git_issue_271_InvalidDimension.xlsx").sheets[0]
    assert (sheet.height, sheet.width) == (9, 3)                  # <dimension> says A1:B1
    assert (read("readxl__iris-google-doc.xlsx").sheets[0].height) == 151
    assert read("readxl__Ekaterinburg_IP_9.xlsx").sheets[0].height == 2197
    no_refs = read("exceldatareader__NoDimensionOrCellReferenceAttribute.xlsx").sheets
    assert [(s.height, s.width) for s in no_refs] == [(7, 8), (20, 8)]
    assert read("phpspreadsheet__without_cell_reference.xlsx").sheets[0].height == 10


def test_formatted_extent_is_not_data_extent():
    for name, shape in [("xlsxwriter__comment03.xlsx", (1, 1)),
                        ("tealeg__testFileToSliceValueOnly.xlsx", (2, 2)),
                        ("calamine__issue_174.xlsx", (2, 11)),
                        ("phpspreadsheet__issue.3982.xlsx", (5, 24)),
                        ("calamine__issue_553.xlsx", (20, 2)),
                        ("tealeg__macNumbersTest.xlsx", (1, 1))]:
        sheet = read(name).sheets[0]
        assert (sheet.height, sheet.width) == shape, name


def test_positions_are_absolute_like_in_excel():
    geometry = read("readxl__geometry.xlsx")
    first = geometry.sheets[0]
    assert first.rows[2][1:] == ["var1", "var2", "var3"] and first.cell_ref(2, 1) == "B3"
    far = geometry.sheet("warning_AKE6")
    assert far.width == 967 and far.cell_ref(2, 966) == "AKE3"


def test_1904_dates_are_right():
    assert read("calamine__date_1904.xlsx").sheets[0].rows[:2] == [[date(2021, 1, 1), 15],
                                                                   [date(2021, 1, 2), 16]]
    mac = read("readxl__types.xlsx")
    assert mac.date1904
    assert [row[2] for row in mac.sheets[0].rows[1:3]] == [date(2017, 2, 27), date(2017, 2, 28)]


def test_vietnamese_text_is_intact():
    rows = read("readxl__vietnamese-utf8.xlsx").sheets[0].rows
    texts = [row[0] for row in rows]
    assert texts[:3] == ["Mô tả", "BÙN SÉT", "SÉT lẫn sạn laterite"]
    assert "CÁT THÔ lẫn sạn thạch anh" in texts
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


def test_cached_formula_values_are_used_never_formulas():
    rows = read("xlsxwriter__formula_results01.xlsx").sheets[0].rows
    assert [r[0] for r in rows] == [2, "Foo", True, False]        # error results read as empty
    # a formula without a cached <v> is empty, not evaluated (A2 + B2 would be 3)
    assert read("readxl__missing-v-node-xlsx.xlsx").sheets[0].rows == [["A", "B", "A + B"],
                                                                        [1, 2, None]]


def test_odd_producers_and_paths():
    assert [(s.height, s.width) for s in read("poi__49609.xlsx").sheets] == [(39, 98), (39, 98)]
    assert read("sheetjs__wtf_path.xlsx").sheets[0].height == 6
    assert read("readxl__los-angeles-arrests-xlsx.xlsx").sheets[0].height == 196
    assert read("poi__style-alternate-content.xlsx").sheets[0].height == 39   # Hancell
    assert read("sheetjs__xlsx-stream-d-date-cell.xlsx").sheets[0].height == 13


def test_openpyxl_takes_over_when_calamine_fails():
    book = read("sheetjs__BlankSheetTypes.xlsm")
    assert book.engine == "openpyxl" and book.sheets
    assert read("poi__60825.xlsx").engine == "openpyxl"


def test_hidden_sheets_are_flagged_and_chartsheets_left_out():
    book = read("calamine__any_sheets.xlsx")
    assert [(s.name, s.hidden, s.very_hidden) for s in book.sheets] == [
        ("Visible", False, False), ("Hidden", True, False), ("VeryHidden", True, True)]
    assert [s.name for s in book.visible_sheets] == ["Visible"]


def test_merged_ranges_and_title_rows():
    merge = read("sheetjs__merge_cells.xlsx").sheets[0]
    assert (0, 0, 1, 1) in merge.merged and merge.rows[0][0] == "A1:B2"
    deaths = read("readxl__deaths.xlsx").sheet("arts")
    match = find_header(deaths, {"name": ["Name"], "age": ["Age"], "birth": ["Date of birth"]})
    assert match.row_index == 4 and match.columns == {"name": 0, "age": 2, "birth": 4}
    assert deaths.rows[5][4] == date(1947, 1, 8)
    notes = read("calamine__header-row.xlsx").sheets[0]
    match = find_header(notes, {"a": ["Column A"], "b": ["Column B"], "c": ["Column C"]})
    assert match.row_index == 8 and match.unknown == [(0, "Columns")]

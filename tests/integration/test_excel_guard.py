"""Hostile and broken files built on the spot: each is refused with its own message before a
parser sees it, or read correctly, quickly and within memory."""

import struct
import time
import zipfile
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from desktop.domain.errors import HosoError
from desktop.domain.levels import Level
from desktop.exchange.excel import fill_merged, inspect, read_workbook, require_header
from desktop.exchange.excel.guard import OLE_MAGIC, Limits
from desktop.exchange.excel.values import to_date, to_level, to_money, to_text, try_convert

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def package_parts(shared: bool) -> dict:
    sst_ct = (f'<Override PartName="/xl/sharedStrings.xml" ContentType="{CT}.sharedStrings+xml"/>'
              if shared else "")
    sst_rel = (f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
               if shared else "")
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
            f'"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.'
            f'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="{CT}.'
            f'worksheet+xml"/>{sst_ct}</Types>'),
        "_rels/.rels": (f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                            '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
            f'Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>{sst_rel}</Relationships>'),
    }


def write_xlsx(path, sheet_chunks, shared=None, extra=None):
    """A minimal .xlsx written by hand; sheet_chunks is streamed, never held whole."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, text in package_parts(shared is not None).items():
            zf.writestr(name, text)
        if shared is not None:
            zf.writestr("xl/sharedStrings.xml", shared)
        for name, text in (extra or {}).items():
            zf.writestr(name, text, compresslevel=9)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            for chunk in sheet_chunks:
                fh.write(chunk.encode() if isinstance(chunk, str) else chunk)
    return path


def sheet(rows_xml: str, before: str = "") -> list:
    return [f'<?xml version="1.0" encoding="UTF-8"?>{before}<worksheet xmlns="{MAIN}"><sheetData>',
            rows_xml, "</sheetData></worksheet>"]


def refused(path, key):
    start = time.perf_counter()
    with pytest.raises(HosoError) as err:
        read_workbook(path)
    assert time.perf_counter() - start < 10
    assert err.value.key == key, err.value.message("en")
    for lang in ("vi", "en"):
        assert path.name in err.value.message(lang)
    return err.value


def test_a_hand_written_minimal_package_reads(tmp_path):
    path = write_xlsx(tmp_path / "ok.xlsx", sheet('<row r="2"><c r="B2" t="inlineStr"><is><t>'
                                                  'Xin chào</t></is></c><c r="C2"><v>7</v></c></row>'))
    book = read_workbook(path)
    assert book.sheets[0].rows == [[None, None, None], [None, "Xin chào", 7]]


# --- not a spreadsheet at all ----------------------------------------------------------------

def test_missing_path_folder_and_empty_file(tmp_path):
    refused(tmp_path / "khong-co.xlsx", "excel.not_found")
    (tmp_path / "thu-muc.xlsx").mkdir()
    refused(tmp_path / "thu-muc.xlsx", "excel.not_a_file")
    (tmp_path / "rong.xlsx").write_bytes(b"")
    refused(tmp_path / "rong.xlsx", "excel.empty")


def test_a_csv_renamed_xlsx(tmp_path):
    path = tmp_path / "danh-sach.xlsx"
    path.write_text("STT,Họ và tên,Số tiền\n1,Nguyễn Văn A,1.234.567\n", encoding="utf-8")
    err = refused(path, "excel.text_file")
    assert "CSV" in err.message("vi")


def test_html_and_xml_2003_saved_with_an_excel_name(tmp_path):
    html = tmp_path / "bao-cao.xlsx"
    html.write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
    refused(html, "excel.html_file")
    xml = tmp_path / "xml2003.xlsx"
    xml.write_text('<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook '
                   'xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>')
    refused(xml, "excel.xml2003_file")


def test_random_bytes(tmp_path):
    path = tmp_path / "anh.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    refused(path, "excel.not_excel")


def ole_file(stream_names):
    """A compound file with one FAT sector and one directory sector (MS-CFB v3)."""
    header = bytearray(512)
    header[:8] = OLE_MAGIC
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<III", header, 0x2C, 1, 1, 0)           # 1 FAT sector, directory at 1
    struct.pack_into("<IIIII", header, 0x38, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *[0xFFFFFFFF] * 108)
    fat = struct.pack("<128I", 0xFFFFFFFD, 0xFFFFFFFE, *[0xFFFFFFFF] * 126)
    directory = bytearray(512)
    for i, name in enumerate(["Root Entry", *stream_names]):
        raw = name.encode("utf-16-le") + b"\0\0"
        directory[i * 128:i * 128 + len(raw)] = raw
        struct.pack_into("<H", directory, i * 128 + 64, len(raw))
    return bytes(header) + fat + bytes(directory)


def test_ole_files_say_password_or_old_format(tmp_path):
    enc = tmp_path / "mat-khau.xlsx"
    enc.write_bytes(ole_file(["EncryptionInfo", "EncryptedPackage"]))
    err = refused(enc, "excel.encrypted")
    assert "mật khẩu" in err.message("vi") and "password" in err.message("en")
    xls = tmp_path / "cu.xlsx"
    xls.write_bytes(ole_file(["Workbook", "\x05SummaryInformation"]))
    assert ".xls" in refused(xls, "excel.legacy_xls").message("vi")
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(OLE_MAGIC + b"\xff" * 100)
    refused(broken, "excel.encrypted_or_xls")


# --- zip trouble -----------------------------------------------------------------------------

def test_a_600_mb_zip_bomb_is_refused_from_its_headers(tmp_path):
    path = tmp_path / "bom.xlsx"
    zeros = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            for _ in range(600):
                fh.write(zeros)
    assert path.stat().st_size < 5 * 1024 * 1024
    err = refused(path, "excel.too_much_data")
    assert "600" in err.message("en")


def test_an_entry_compressed_too_well_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "ratio.xlsx", sheet("<row r=\"1\"/>"),
                      extra={"xl/media/blank.xml": bytes(3 * 1024 * 1024)})
    err = refused(path, "excel.zip_bomb")
    assert "xl/media/blank.xml" in err.message("vi")


def test_too_many_entries(tmp_path):
    path = tmp_path / "nhieu.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(10_001):
            zf.writestr(f"x/{i}.xml", "")
    refused(path, "excel.too_many_parts")


def test_limits_can_be_lowered(tmp_path):
    path = write_xlsx(tmp_path / "doc-that.xlsx", sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))
    with pytest.raises(HosoError) as err:
        inspect(path, Limits(max_total=1000))
    assert err.value.key == "excel.too_much_data"


def workbook_bytes(tmp_path):
    book = openpyxl.Workbook()
    for r in range(1, 200):
        book.active.append([r, f"Nội dung dòng {r}", r * 1000])
    book.save(tmp_path / "goc.xlsx")
    return (tmp_path / "goc.xlsx").read_bytes()


def test_a_truncated_copy_is_reported_damaged(tmp_path):
    data = workbook_bytes(tmp_path)
    path = tmp_path / "cat-do.xlsx"
    path.write_bytes(data[: len(data) * 2 // 3])
    err = refused(path, "excel.corrupt")
    assert "sao chép" in err.message("vi")


def test_a_bad_crc_is_reported_damaged(tmp_path):
    data = bytearray(workbook_bytes(tmp_path))
    info = next(i for i in zipfile.ZipFile(tmp_path / "goc.xlsx").infolist()
                if i.filename == "xl/worksheets/sheet1.xml")
    body = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[body + info.compress_size // 2] ^= 0x01   # one flipped bit inside the deflate stream
    path = tmp_path / "loi-bit.xlsx"
    path.write_bytes(bytes(data))
    refused(path, "excel.corrupt")


def test_a_zip_that_is_not_a_workbook(tmp_path):
    empty = tmp_path / "zip-rong.xlsx"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("test.txt", "hello")
    refused(empty, "excel.missing_part")
    no_book = tmp_path / "thieu-workbook.xlsx"
    with zipfile.ZipFile(no_book, "w") as zf:
        zf.writestr("[Content_Types].xml", package_parts(False)["[Content_Types].xml"])
    assert "xl/workbook.xml" in refused(no_book, "excel.missing_part").message("en")
    docx = tmp_path / "van-ban.xlsx"
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="r" Type="'
                                   f'{REL}/officeDocument" Target="word/document.xml"/></Relationships>')
        zf.writestr("word/document.xml", "<document/>")
    refused(docx, "excel.not_excel")


# --- XML trouble -----------------------------------------------------------------------------

LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                    for i in range(1, 10)) + "]>")


def test_billion_laughs_in_a_sheet_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "cuoi.xlsx",
                      sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>',
                            before=LAUGHS))
    err = refused(path, "excel.xml_entities")
    assert "xl/worksheets/sheet1.xml" in err.message("vi")


def test_a_doctype_in_any_part_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "props.xlsx", sheet(""),
                      extra={"docProps/core.xml": '<?xml version="1.0"?><!DOCTYPE x SYSTEM '
                                                  '"http://example.invalid/x.dtd"><x/>'})
    refused(path, "excel.xml_entities")


def test_one_far_cell_does_not_make_a_17_billion_cell_grid(tmp_path):
    """python-calamine would abort the whole process (Rust OOM) allocating A1:XFD1048576."""
    book = openpyxl.Workbook()
    book.active["A1"] = "x"
    book.active["XFD1048576"] = "y"
    book.save(tmp_path / "xa.xlsx")
    err = refused(tmp_path / "xa.xlsx", "excel.sheet_too_large")
    assert "XFD1048576" in err.message("vi")


@pytest.mark.parametrize("rows_xml", [
    '<row r="1"><c r="A1"><v>1</v></c></row><row r="99999999"><c r="A99999999"><v>2</v></c></row>',
    '<row><c><v>1</v></c></row><row r="20000000"><c><v>2</v></c></row>',   # no r= on cells
    '<row r="1"><c r="A1"><v>1</v></c><c r="ZZZZZ1"><v>2</v></c></row>',
])
def test_far_references_of_any_spelling_are_caught(tmp_path, rows_xml):
    refused(write_xlsx(tmp_path / "xa.xlsx", sheet(rows_xml)), "excel.sheet_too_large")


def test_a_shared_string_copied_into_many_cells_is_refused(tmp_path):
    """One 200 kB string used by 1 100 cells: each cell becomes its own Python string."""
    shared = (f'<?xml version="1.0"?><sst xmlns="{MAIN}" count="1100" uniqueCount="1">'
              f'<si><t>{"Đ" * 100_000}</t></si></sst>')
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, 1101))
    path = write_xlsx(tmp_path / "nhan-ban.xlsx", sheet(rows), shared=shared)
    refused(path, "excel.text_bomb")
    few = write_xlsx(tmp_path / "it.xlsx", sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
                     shared=shared)
    assert read_workbook(few).sheets[0].rows[0] == ["Đ" * 100_000]


# --- big but honest --------------------------------------------------------------------------

def test_a_million_formatted_empty_rows_read_in_seconds(tmp_path):
    def chunks():
        yield sheet("")[0]
        yield ('<row r="1"><c r="A1" t="inlineStr"><is><t>Tên</t></is></c></row>'
               '<row r="2"><c r="A2"><v>42</v></c></row>')
        for start in range(3, 1_048_577, 10_000):
            yield "".join(f'<row r="{r}" s="1" customFormat="1"><c r="A{r}" s="1"/></row>'
                          for r in range(start, min(start + 10_000, 1_048_577)))
        yield sheet("")[2]

    path = write_xlsx(tmp_path / "trieu-dong.xlsx", chunks())
    start = time.perf_counter()
    book = read_workbook(path)
    assert time.perf_counter() - start < 15
    assert book.sheets[0].rows == [["Tên"], [42]]


def test_a_merge_over_the_whole_sheet_reads_and_fills_safely(tmp_path):
    path = write_xlsx(tmp_path / "gop.xlsx", [
        sheet("")[0], '<row r="1"><c r="A1"><v>5</v></c></row><row r="2"><c r="B2"><v>6</v></c>'
                      '</row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/>'
                      '</mergeCells></worksheet>'])
    start = time.perf_counter()
    found = inspect(path)
    assert found.merged_area == 1_048_576 * 16_384
    book = read_workbook(path)
    assert book.engine == "calamine"
    assert book.sheets[0].merged == [(0, 0, 1_048_575, 16_383)]
    assert fill_merged(book.sheets[0]).rows == [[5, 5], [5, 6]]
    assert time.perf_counter() - start < 10


# --- a workbook as an inspectorate secretary makes it ----------------------------------------

def secretary_workbook(path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Ket qua"
    ws["A1"] = "BÁO CÁO KẾT QUẢ THANH TRA NĂM 2024"
    ws.merge_cells("A1:G1")
    ws.append([])
    # group headers over two merged rows, no accents, columns not in the importer's order
    ws.append(["STT", "Do mat", "Quyet dinh", None, "Don vi duoc thanh tra",
               "So tien kien nghi thu hoi", "Ghi chu"])
    ws.append([None, None, "So", "Ngay", None, None, None])
    for cols in ("A3:A4", "B3:B4", "C3:D3", "E3:E4", "F3:F4", "G3:G4"):
        ws.merge_cells(cols)
    ws.append([1, "Mật", "12/QĐ-TTr", "08/7/2024", "Sở Y tế", "12,5 tỷ", None])
    ws.append([])
    ws.append([2, "thuong", "15/QĐ-TTr", date(2024, 8, 1), "  UBND huyện Đông Anh ", 300_000_000,
               "=không phải công thức"])
    ws["G7"].data_type = "s"  # openpyxl would write it as a formula otherwise
    ws.append([3, "toi mat", "20/QĐ-TTr", "ngày 01 tháng 9 năm 2024", "Sở Tài chính",
               "300 triệu", None])
    ws.append([4, "Mat", "21/QĐ-TTr", "31/02/2024", "Sở Xây dựng", "mười tỷ", None])
    ws.append([])
    ws.append([])
    book.save(path)
    return path


ALIASES = {
    "stt": ["STT", "Số thứ tự"],
    "so_qd": ["Số quyết định", "Số QĐ", "Quyết định số"],
    "ngay_qd": ["Ngày quyết định", "Ngày QĐ", "Ngày ban hành"],
    "don_vi": ["Đơn vị được thanh tra", "Đối tượng thanh tra"],
    "so_tien": ["Số tiền kiến nghị thu hồi", "Số tiền"],
    "do_mat": ["Độ mật", "Mức độ mật"],
}


def test_a_secretarys_workbook_end_to_end(tmp_path):
    book = read_workbook(secretary_workbook(tmp_path / "ket-qua.xlsx"))
    sheet_ = book.sheet("ket qua")
    assert sheet_.height == 9 and sheet_.width == 7           # trailing blank rows trimmed
    header = require_header(sheet_, ALIASES)
    assert (header.top_row, header.row_index) == (2, 3)
    assert header.columns == {"stt": 0, "do_mat": 1, "so_qd": 2, "ngay_qd": 3, "don_vi": 4,
                              "so_tien": 5}
    assert header.unknown == [(6, "Ghi chu")] and header.missing_required == []

    records, problems = [], []
    for r in range(header.data_start, sheet_.height):
        row = sheet_.rows[r]
        if all(v is None for v in row):
            continue
        c = header.columns
        fields = {}
        for name, convert in (("so_qd", to_text), ("ngay_qd", to_date), ("don_vi", to_text),
                              ("so_tien", to_money), ("do_mat", to_level)):
            value, err = try_convert(convert, row[c[name]], cell=sheet_.cell_ref(r, c[name]))
            fields[name] = value
            if err:
                problems.append(err.message("vi"))
        records.append(fields)
    assert records[0] == {"so_qd": "12/QĐ-TTr", "ngay_qd": date(2024, 7, 8), "don_vi": "Sở Y tế",
                          "so_tien": Decimal(12_500_000_000), "do_mat": Level.MAT}
    assert records[1]["don_vi"] == "UBND huyện Đông Anh"
    assert records[1]["so_tien"] == Decimal(300_000_000)
    assert records[1]["ngay_qd"] == date(2024, 8, 1) and records[1]["do_mat"] == Level.THUONG
    assert records[2]["ngay_qd"] == date(2024, 9, 1) and records[2]["do_mat"] == Level.TOI_MAT
    assert sheet_.rows[6][6] == "=không phải công thức"       # text, never a formula
    assert problems == [
        "Ô D9: “31/02/2024” không phải là ngày hợp lệ; hãy ghi theo dạng dd/mm/yyyy, ví dụ 08/07/2024.",
        "Ô F9: “mười tỷ” không phải là số tiền hợp lệ; ví dụ đúng: 1.234.567 hoặc 12,5 tỷ hoặc 300 triệu.",
    ]


def test_openpyxl_reads_the_same_values_as_calamine(tmp_path):
    """The fallback goes through the same normaliser: same rows, merges and flags."""
    from desktop.exchange.excel import reader
    found = inspect(secretary_workbook(tmp_path / "ket-qua.xlsx"))
    by_calamine = reader._read_calamine(found, Limits())
    by_openpyxl = reader._read_openpyxl(found, Limits())
    assert [s.rows for s in by_calamine] == [s.rows for s in by_openpyxl]
    assert [sorted(s.merged) for s in by_calamine] == [sorted(s.merged) for s in by_openpyxl]

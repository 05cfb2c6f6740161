"""Vietnamese typed in TCVN3 (ABC) or VNI-Windows: every letter converts, columns of such
text are recognised — and ordinary text (Unicode Vietnamese, English, French or German names,
units) never is."""

import unicodedata

import openpyxl
import pytest

from desktop.exchange.excel import vn_legacy as v

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
ALL_SMALL = [unicodedata.normalize("NFC", base + tone) for base in VOWELS for tone in TONES] + ["đ"]


def tcvn3(text: str) -> str:
    """Unicode → TCVN3 as Excel shows it (the inverse of the program's table)."""
    inverse = {letter: chr(code) for code, letter in v._TCVN3_CODES.items()}
    return "".join(inverse.get(ch, ch) for ch in text)


def vni(text: str) -> str:
    inverse = {letter: pair for pair, letter in v._VNI_PAIRS.items()}
    inverse.update({letter: ch for ch, letter in v._VNI_SINGLES.items() if letter != ch})
    return "".join(inverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def test_every_small_letter_with_every_tone_has_a_code_in_both_encodings():
    for letter in ALL_SMALL:
        assert len(tcvn3(letter)) == 1 and v.convert(tcvn3(letter), "tcvn3") == letter, letter
        assert v.convert(vni(letter), "vni") == letter, letter
        capital = letter.upper()
        assert v.convert(vni(capital), "vni") == capital, capital


def test_the_examples_offices_know():
    assert v.convert("UBND Hµ Néi", "tcvn3") == "UBND Hà Nội"
    assert v.convert("UBND tØnh Qu¶ng Nam", "tcvn3") == "UBND tỉnh Quảng Nam"
    assert v.convert("Së X©y dùng", "tcvn3") == "Sở Xây dựng"
    assert v.convert("UBND Haø Noäi", "vni") == "UBND Hà Nội"
    assert v.convert("THANH TRA TÆNH HAØ NOÄI", "vni") == "THANH TRA TỈNH HÀ NỘI"
    assert v.convert("Ñoàng Nai", "vni") == "Đồng Nai"
    # a capital-only font (.VnTimeH) shows in capitals what was typed small
    assert v.convert("thanh tra tØnh", "tcvn3", capitals=True) == "THANH TRA TỈNH"


UNITS = ["UBND tỉnh Quảng Nam", "Sở Xây dựng Hà Nội", "Công ty TNHH Hoàng Long",
         "Bệnh viện Đa khoa tỉnh", "Ban Quản lý dự án đầu tư xây dựng", "Trường THPT Lê Quý Đôn"]


@pytest.mark.parametrize("encode,name", [(tcvn3, "tcvn3"), (vni, "vni")])
def test_a_column_typed_in_a_legacy_encoding_is_recognised(encode, name):
    column = [encode(u) for u in UNITS] + [None, 12, "ABC"]
    found = v.detect(column)
    assert found is not None and found.encoding == name and found.cells == len(UNITS)
    before, after = found.samples[0]
    assert before == encode(UNITS[0]) and after == UNITS[0]


@pytest.mark.parametrize("column", [
    UNITS,                                                        # Unicode Vietnamese
    ["Ministry of Finance", "Department of Construction"],       # ASCII
    ["Société Générale", "Müller GmbH", "José Martí", "Crédit Agricole"],   # European names
    ["5 µg/l", "25 °C", "± 2 %", "½ ngày"],                        # units and signs
    ["Hà Nam", "Cà Mau", "Café Hà Nam"],                          # Unicode with Latin-1 letters only
    [unicodedata.normalize("NFD", u) for u in UNITS],            # Unicode with combining marks
])
def test_ordinary_text_is_never_taken_for_a_legacy_encoding(column):
    assert v.detect(column) is None


def test_the_cell_font_decides_even_for_a_single_cell(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["Mã", "Đơn vị"])
    ws.append(["A", tcvn3("Hà Nam")])
    ws["B2"].font = openpyxl.styles.Font(name=".VnTime")
    ws.append(["B", "Plain"])
    path = tmp_path / "f.xlsx"
    wb.save(path)
    fonts = v.cell_fonts(path.read_bytes(), "Danh sách")
    assert ".VnTime" in fonts[1]
    assert v.detect([tcvn3("Hà Nam")]) is None                    # one cell: not enough alone
    found = v.detect([tcvn3("Hà Nam")], fonts[1])
    assert found is not None and found.by_font and found.samples == [(tcvn3("Hà Nam"), "Hà Nam")]
    assert v.font_encoding(["VNI-Times"]) == ("vni", False)
    assert v.font_encoding([".VnTimeH"]) == ("tcvn3", True)

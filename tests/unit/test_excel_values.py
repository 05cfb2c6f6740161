"""Cell converters and header matching: values as secretaries type them, messages they read."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from desktop.domain.errors import InvalidInput
from desktop.domain.levels import Level
from desktop.exchange.excel.header import find_header, header_key
from desktop.exchange.excel.reader import Sheet, clean, fill_merged
from desktop.exchange.excel.values import (to_date, to_int, to_level, to_money, to_text,
                                           try_convert)


@pytest.mark.parametrize("value,expected", [
    (date(2024, 7, 8), date(2024, 7, 8)),
    (datetime(2024, 7, 8, 14, 30), date(2024, 7, 8)),
    (45481, date(2024, 7, 8)),                 # Excel serial of a cell not formatted as date
    (45481.75, date(2024, 7, 8)),
    ("08/7/2024", date(2024, 7, 8)),
    ("8-7-2024", date(2024, 7, 8)),
    ("08.07.2024", date(2024, 7, 8)),
    ("ngày 08/7/2024", date(2024, 7, 8)),
    ("Ngày 8/7/2024", date(2024, 7, 8)),
    ("ngày 08 tháng 7 năm 2024", date(2024, 7, 8)),
    ("NGÀY 8 THÁNG 7 NĂM 2024", date(2024, 7, 8)),
    ("2024-07-08", date(2024, 7, 8)),
    ("  08/07/2024 ", date(2024, 7, 8)),
    ("08-7-24", date(2024, 7, 8)),             # two-digit years, as offices write them
    ("8.7.24", date(2024, 7, 8)),
    ("08/07/98", date(1998, 7, 8)),
    ("ngày 8 tháng 7 năm 24", date(2024, 7, 8)),
    ("8 / 7 / 2024", date(2024, 7, 8)),
    ("08/07/2024 14:30", date(2024, 7, 8)),     # a date-and-time text: the day is kept
    ("08/07/2024 9:05:00", date(2024, 7, 8)),
])
def test_dates_as_people_type_them(value, expected):
    assert to_date(value) == expected


def test_serial_numbers_follow_the_workbooks_date_system():
    assert to_date(44195, date1904=True) == date(2024, 12, 31)
    assert to_date(45657) == date(2024, 12, 31)


@pytest.mark.parametrize("value,key", [
    ("31/02/2024", "excel.value.bad_date"),
    ("hôm qua", "excel.value.bad_date"),
    ("31/02/24", "excel.value.bad_date"),
    (2024, "excel.value.date_number"),         # a year typed into a date column
    (12, "excel.value.date_number"),
    (True, "excel.value.bad_date"),
])
def test_bad_dates_get_a_message_that_quotes_the_value(value, key):
    with pytest.raises(InvalidInput) as err:
        to_date(value)
    assert err.value.key == key
    assert str(value) in err.value.message("vi")
    assert str(value) in err.value.message("en")


def test_a_message_names_the_cell_when_told_which():
    with pytest.raises(InvalidInput) as err:
        to_date("hôm qua", cell="C7")
    assert err.value.message("vi").startswith("Ô C7: “hôm qua” không phải là ngày")
    assert err.value.message("en").startswith("Cell C7: “hôm qua” is not a valid date")


@pytest.mark.parametrize("value,expected", [
    (1234567, Decimal(1234567)),
    (1234567.0, Decimal(1234567)),
    ("1.234.567", Decimal(1234567)),
    ("1.234.567 đồng", Decimal(1234567)),
    ("1.234.567đ", Decimal(1234567)),
    ("1.234.567 VNĐ", Decimal(1234567)),
    ("12,5 tỷ", Decimal(12_500_000_000)),
    ("12,5 tỉ", Decimal(12_500_000_000)),
    ("1,5 tỷ đồng", Decimal(1_500_000_000)),
    ("300 triệu", Decimal(300_000_000)),
    ("300tr", Decimal(300_000_000)),
    ("300 TRIEU", Decimal(300_000_000)),
    ("0", Decimal(0)),
])
def test_money_as_people_type_it(value, expected):
    assert to_money(value) == expected


def test_a_column_in_millions_scales_plain_numbers_only():
    assert to_money(12.5, unit=1_000_000) == Decimal(12_500_000)
    assert to_money("12,5", unit=1_000_000) == Decimal(12_500_000)
    assert to_money("2 tỷ", unit=1_000_000) == Decimal(2_000_000_000)
    assert to_money("3.000 đồng", unit=1_000_000) == Decimal(3000)


@pytest.mark.parametrize("value,key", [
    ("mười triệu", "excel.value.bad_money"),
    ("12/5", "excel.value.bad_money"),
    (True, "excel.value.bad_money"),
    (date(2024, 1, 1), "excel.value.bad_money"),
    (-5, "excel.value.negative_money"),
])
def test_bad_money_is_explained(value, key):
    value_out, err = try_convert(to_money, value, cell="E9")
    assert value_out is None and err.key == key + ".at"
    assert err.message("vi").startswith("Ô E9: ")


def test_empty_cells_are_none_unless_required():
    for convert in (to_date, to_money, to_int, to_text, to_level):
        assert convert(None) is None
        assert convert("   ") is None
        with pytest.raises(InvalidInput) as err:
            convert(None, required=True, cell="A2")
        assert err.value.key == "excel.value.required.at"


def test_integers():
    assert to_int(12) == 12 and to_int(12.0) == 12 and to_int("1.234") == 1234
    for bad in (12.5, "12,5", "mười", True):
        with pytest.raises(InvalidInput):
            to_int(bad)


def test_text_is_kept_as_typed_even_when_it_looks_like_a_formula():
    assert to_text("=1+1") == "=1+1"
    assert to_text("  Nguyễn Văn A ") == "Nguyễn Văn A"
    assert to_text(123) == "123" and to_text(123.0) == "123" and to_text(1.5) == "1.5"
    assert to_text(date(2024, 7, 8)) == "08/07/2024"


@pytest.mark.parametrize("value,level", [
    ("Thường", Level.THUONG), ("thuong", Level.THUONG), ("Mật", Level.MAT), ("MAT", Level.MAT),
    ("Tối mật", Level.TOI_MAT), ("toi mat", Level.TOI_MAT), ("TUYỆT MẬT", Level.TUYET_MAT),
    ("tuyet  mat", Level.TUYET_MAT),
])
def test_levels_with_or_without_accents(value, level):
    assert to_level(value) == level


def test_an_unknown_level_lists_the_accepted_ones():
    _, err = try_convert(to_level, "bí mật")
    assert "Tuyệt mật" in err.message("vi") and "bí mật" in err.message("en")


def test_the_reader_normalises_engine_values():
    assert clean("  x ") == "x" and clean("   ") is None and clean("") is None
    assert clean(3.0) == 3 and type(clean(3.0)) is int and clean(2.5) == 2.5
    assert clean(datetime(2024, 7, 8)) == date(2024, 7, 8)
    assert clean(datetime(2024, 7, 8, 9, 30)) == datetime(2024, 7, 8, 9, 30)
    assert clean(time(9, 30)) == time(9, 30) and clean(True) is True
    assert clean("Nguye\u0302\u0303n") == "Nguyễn"          # decomposed marks → NFC


def test_cell_refs():
    assert Sheet.cell_ref(0, 0) == "A1" and Sheet.cell_ref(6, 1) == "B7"
    assert Sheet.cell_ref(9, 26) == "AA10" and Sheet.cell_ref(1_048_575, 16_383) == "XFD1048576"


# --- header matching -------------------------------------------------------------------------

ALIASES = {
    "so_qd": ["Số quyết định", "Số QĐ"],
    "ngay_qd": ["Ngày quyết định", "Ngày QĐ", "Ngày ban hành"],
    "doi_tuong": ["Đối tượng thanh tra", "Đơn vị được thanh tra"],
    "so_tien": ["Số tiền kiến nghị thu hồi", "Số tiền"],
}


@pytest.mark.parametrize("text", ["Số quyết định", "so quyet dinh", "SỐ QUYẾT ĐỊNH", "Số QĐ",
                                  "so QD", "SỐ QĐ", "Số Q.Đ", "so_qd"])
def test_header_words_match_without_accents_spacing_or_punctuation(text):
    assert header_key(text) in {header_key("Số quyết định"), header_key("Số QĐ")}


def test_title_rows_are_skipped_and_columns_found_in_any_order():
    sheet = Sheet("DS", [
        ["ỦY BAN NHÂN DÂN TỈNH X", None, None, None, None],
        ["DANH SÁCH CÁC CUỘC THANH TRA", None, None, None, None],
        [None] * 5,
        ["STT", "so tien (dong)", "Don vi duoc thanh tra", "SỐ QĐ", "Ghi chú"],
        [1, 1000, "Sở Y tế", "12/QĐ-TTr", None],
    ])
    match = find_header(sheet, ALIASES)
    assert match.row_index == 3 and match.data_start == 4
    assert match.columns == {"so_tien": 1, "doi_tuong": 2, "so_qd": 3}
    assert match.unknown == [(0, "STT"), (4, "Ghi chú")]
    assert match.missing_required == ["ngay_qd"]
    assert find_header(sheet, ALIASES, required=["so_qd"]).missing_required == []


def test_a_group_header_over_two_merged_rows_is_combined():
    sheet = Sheet("DS", [
        ["KẾT QUẢ THANH TRA", None, None, None],
        ["STT", "Quyết định", None, "Đối tượng thanh tra"],
        [None, "Số", "Ngày", None],
        [1, "12/QĐ", "08/7/2024", "Sở Y tế"],
    ], merged=[(0, 0, 0, 3), (1, 0, 2, 0), (1, 1, 1, 2), (1, 3, 2, 3)])
    aliases = {"so_qd": ["Số quyết định"], "ngay_qd": ["Ngày quyết định"],
               "doi_tuong": ["Đối tượng thanh tra"]}
    match = find_header(sheet, aliases)
    assert (match.top_row, match.row_index) == (1, 2)
    assert match.columns == {"so_qd": 1, "ngay_qd": 2, "doi_tuong": 3}
    assert match.unknown == [(0, "STT")]
    assert sheet.rows[2][0] is None  # find_header works on a copy


def test_no_header_gives_none():
    sheet = Sheet("S", [["a", "b"], [1, 2]])
    assert find_header(sheet, ALIASES) is None


def test_fill_merged_copies_the_top_left_value_only_as_far_as_asked():
    sheet = Sheet("S", [["A", None, None], [None, None, "x"]], merged=[(0, 0, 1, 1)])
    fill_merged(sheet, through_row=0)
    assert sheet.rows == [["A", "A", None], [None, None, "x"]]
    fill_merged(sheet)
    assert sheet.rows == [["A", "A", None], ["A", "A", "x"]]


def test_a_merge_over_the_whole_sheet_is_clipped_to_the_data():
    sheet = Sheet("S", [["T", None], [None, None]], merged=[(0, 0, 1_048_575, 16_383)])
    assert fill_merged(sheet).rows == [["T", "T"], ["T", "T"]]


# --- the quick path for the common money spellings agrees with the general one --------------

from hypothesis import given, strategies as st  # noqa: E402

from desktop.exchange.excel import values as values_module  # noqa: E402

_grouped = st.integers(0, 10 ** 15).map(lambda n: f"{n:,}".replace(",", "."))
_scaled = st.builds(lambda w, f, s, sp: f"{w}{',' + str(f) if f is not None else ''}{sp}{s}",
                    st.integers(0, 999_999), st.none() | st.integers(0, 999_999),
                    st.sampled_from(["tỷ", "triệu"]), st.sampled_from(["", " "]))


@given(_grouped | _scaled | st.integers(0, 10 ** 15 - 1).map(str), st.sampled_from([1, 1000, 10 ** 6]))
def test_quick_money_reads_as_the_general_parser_does(text, unit):
    quick = values_module._quick_money(text, unit)
    assert quick is not None
    general = values_module._quick_money
    try:
        values_module._quick_money = lambda _text, _unit: None
        if abs(quick) < 10 ** 18:
            assert to_money(text, unit=unit) == quick
        else:  # beyond what the vault stores: refused on both paths
            with pytest.raises(InvalidInput):
                to_money(text, unit=unit)
    finally:
        values_module._quick_money = general
    if abs(quick) >= 10 ** 18:
        with pytest.raises(InvalidInput):
            to_money(text, unit=unit)


def test_amounts_and_counts_beyond_what_the_vault_stores_are_refused_at_the_preview():
    for value in (10 ** 20, "1.000.000.000.000.000.000.000", 1e30, "9.999.999.999 tỷ"):
        with pytest.raises(InvalidInput) as err:
            to_money(value, cell="H9")
        assert err.value.key == "excel.value.too_large.at"
    with pytest.raises(InvalidInput) as err:
        to_int(10 ** 19)
    assert err.value.key == "excel.value.too_large"
    assert to_money(999_999_999_999_999_999) == Decimal(999_999_999_999_999_999)

from datetime import date
from decimal import Decimal

import pytest

from desktop.domain.dates import format_date, parse_date
from desktop.domain.errors import InvalidInput
from desktop.domain.folding import fold
from desktop.domain.levels import Level, Role
from desktop.domain.numbers import parse_decimal, parse_money
from desktop.domain.stages import Stage


@pytest.mark.parametrize("text,folded", [
    ("Đoàn thanh tra", "doan thanh tra"),
    ("Đường", "duong"),
    ("UBND Hà Nội", "ubnd ha noi"),
    ("Nguyễn Văn A", "nguyen van a"),
    ("TUYỆT MẬT", "tuyet mat"),
    ("Quảng Ngãi", "quang ngai"),
])
def test_fold_removes_vietnamese_diacritics_including_d_stroke(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("text,expected", [
    ("08/7/2024", date(2024, 7, 8)),
    ("01/03/2024", date(2024, 3, 1)),
    ("ngày 01/3/2024", date(2024, 3, 1)),
    ("2024-07-08", date(2024, 7, 8)),
    ("8.7.2024", date(2024, 7, 8)),
])
def test_dates_as_vietnamese_users_write_them(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("bad", ["31/02/2024", "2024/07/08", "", "hôm qua", "13/13/2024"])
def test_bad_dates_are_refused_with_a_message(bad):
    with pytest.raises(InvalidInput) as err:
        parse_date(bad)
    assert "dd/mm/yyyy" in err.value.message("vi")


def test_dates_print_as_dd_mm_yyyy():
    assert format_date(date(2024, 7, 8)) == "08/07/2024"


@pytest.mark.parametrize("text,value", [
    ("1.234.567", Decimal(1234567)), ("1.234.567.000 đồng", Decimal(1234567000)),
    ("12,5 tỷ", Decimal(12_500_000_000)), ("300 triệu", Decimal(300_000_000)),
    ("2.000", Decimal(2000)), ("0", Decimal(0)),
])
def test_money_as_written_in_vietnamese(text, value):
    assert parse_money(text) == value


def test_decimal_comma():
    assert parse_decimal("12,5") == Decimal("12.5")
    with pytest.raises(ValueError):
        parse_decimal("mười hai")


def test_levels_parse_with_or_without_accents_and_are_ordered():
    assert Level.parse("Tối mật") is Level.TOI_MAT
    assert Level.parse("toi mat") is Level.TOI_MAT
    assert Level.parse("toi_mat") is Level.TOI_MAT
    assert Level.parse("TUYỆT MẬT") is Level.TUYET_MAT
    assert Level.parse("thuong") is Level.THUONG
    assert Level.THUONG < Level.MAT < Level.TOI_MAT < Level.TUYET_MAT
    with pytest.raises(ValueError):
        Level.parse("bí mật quốc gia")


def test_roles_and_stages_parse():
    assert Role.parse("inspector") is Role.INSPECTOR
    assert Role.parse("Văn thư") is Role.CLERK
    assert Stage.parse("announced") is Stage.ANNOUNCED
    assert Stage.parse("cong bo quyet dinh") is Stage.ANNOUNCED
    assert Stage.parse("Ban hành kết luận") is Stage.CONCLUDED

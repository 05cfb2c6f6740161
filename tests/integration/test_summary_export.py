"""Summaries secretaries are asked for (issue 13, part 9): table 01/TTr's figures grouped by
unit, stage, year, leader, level or party, split again with --then, subtotals and a grand
total — the grand total equal to table 01/TTr for the same period, every subtotal the sum
of its lines — written in the sector's layout (title, column numbers, signature block)."""

from datetime import date

import openpyxl
import pytest

from desktop.domain.errors import InvalidInput
from desktop.services import exporter, report, summary, vault_service
from desktop.services.demo import fill_demo
from tests.conftest import PASSWORD, server_database

FIRST_HALF = (date(2024, 1, 1), date(2024, 6, 30))
FIGURES = ("carried_out", "conclusions_issued", "violation_money", "violation_land_m2",
           "recovery_money", "recovery_land_m2", "disciplined_orgs", "referral_cases")


@pytest.fixture(scope="module", params=["vault", "server"])
def demo(request, tmp_path_factory):
    """The demo with 150 more cases, in a vault and on a department server."""
    folder = tmp_path_factory.mktemp("demo")
    if request.param == "vault":
        vs = vault_service.create_vault(folder / "v", "admin", "demo-password")
    else:
        from desktop.services import server_service
        profile = server_database(request.getfixturevalue("pg_cluster"), folder,
                                  in_process=True)
        vs = server_service.sign_in(profile, "admin", PASSWORD)
    fill_demo(vs, synthetic_cases=150)
    yield vs
    vs.close()


def same(a: report.Indicators, b: report.Indicators) -> bool:
    return all(abs(getattr(a, f) - getattr(b, f)) < 1e-6 for f in FIGURES)


@pytest.mark.parametrize("by", list(summary.FIELDS))
def test_the_total_is_table_01_and_the_groups_add_up(demo, by):
    table = report.period_report(demo, *FIRST_HALF).indicators
    result = summary.summarize(demo, by, None, *FIRST_HALF)
    assert table.carried_out > 0 and same(result.total, table)
    assert same(report.total(line.figures for line in result.lines), table)
    assert len({line.group for line in result.lines}) == len(result.lines)


def test_subtotals_are_the_sum_of_their_parts(demo):
    result = summary.summarize(demo, "year", "stage", *FIRST_HALF)
    groups = {}
    for line in result.lines:
        groups.setdefault(line.group, []).append(line)
    for lines in groups.values():
        subtotal, parts = lines[0], lines[1:]
        assert subtotal.kind == "subtotal" and parts and all(p.kind == "data" for p in parts)
        assert same(subtotal.figures, report.total(p.figures for p in parts))
    assert same(result.total, report.total(lines[0].figures for lines in groups.values()))
    years = [line.group for line in result.lines if line.kind == "subtotal"]
    assert years == sorted(years)


def test_without_a_period_every_case_so_far_is_counted(demo):
    everything = summary.summarize(demo, "level")
    table = report.period_report(demo, summary.ALL_CASES_FROM, date.today()).indicators
    assert same(everything.total, table)
    with pytest.raises(InvalidInput):
        summary.summarize(demo, "unit", "unit")
    with pytest.raises(InvalidInput):
        summary.summarize(demo, "colour")


def test_the_workbook_a_secretary_receives(demo, tmp_path):
    result = exporter.export_summary(demo, tmp_path / "tong-hop.xlsx", "unit", "stage",
                                     *FIRST_HALF, reason="Báo cáo 6 tháng")
    ws = openpyxl.load_workbook(result.path).worksheets[0]
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    flat = [str(v) for row in cells for v in row if v is not None]
    assert any("TỔNG HỢP KẾT QUẢ THANH TRA THEO ĐƠN VỊ CHỦ TRÌ VÀ GIAI ĐOẠN" in v for v in flat)
    assert "Từ ngày 01/01/2024 đến ngày 30/06/2024" in flat
    numbers = next(row for row in cells if row[0] == "(1)")
    assert numbers[:4] == ["(1)", "(2)", "(3)", "(4)"]
    total_row = next(row for row in cells if row[1] == "TỔNG CỘNG")
    table = report.period_report(demo, *FIRST_HALF).indicators
    assert total_row[3] == table.carried_out and total_row[4] == table.conclusions_issued
    assert total_row[5] == table.violation_money and total_row[7] == table.recovery_money
    assert ws.cell(cells.index(total_row) + 1, 2).font.b
    assert "NGƯỜI LẬP BIỂU" in flat and "THỦ TRƯỞNG ĐƠN VỊ" in flat


def test_the_command_line_writes_it(tmp_path):
    from tests.conftest import admin_cli
    run = admin_cli(str(tmp_path / "v"))
    run("case", "add", "--code", "S-1", "--title", "Thanh tra Sở Y tế", "--decision-date",
        "05/03/2024", "--chaired-by", "Phòng Nghiệp vụ 1")
    run("case", "add", "--code", "S-2", "--title", "Thanh tra Sở Xây dựng", "--decision-date",
        "06/03/2023", "--chaired-by", "Phòng Nghiệp vụ 2")
    out = run("export", "summary", str(tmp_path / "th.xlsx"), "--by", "unit", "--then", "year")
    assert "th.xlsx" in out
    ws = openpyxl.load_workbook(tmp_path / "th.xlsx").worksheets[0]
    labels = [c.value for c in ws["B"] if c.value]
    assert "Phòng Nghiệp vụ 1" in labels and "Phòng Nghiệp vụ 2" in labels
    years = [c.value for c in ws["C"] if c.value in ("2023", "2024")]
    assert sorted(years) == ["2023", "2024"]

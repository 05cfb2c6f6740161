"""Importing other departments' workbooks into a real vault."""

import json
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from desktop.domain.errors import HosoError
from desktop.domain.levels import Level
from desktop.services import audit_log, cases, importer, plans

from tests.conftest import open_as

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


def _hand_made(path, rows, title="DANH SÁCH CÁC CUỘC THANH TRA NĂM 2024"):
    """Like a secretary's file: a title row, a blank row, headers without diacritics in
    their own order, merged title, text dates, money in words."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append([title])
    ws.merge_cells("A1:G1")
    ws.append([])
    ws.append(["STT", "Ten cuoc thanh tra", "MA HO SO", "Doi tuong", "Ngay QD", "So QD", "Sai pham ve tien"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


GOOD = [
    [1, "Thanh tra đất đai tỉnh Hà Giang", "NK-01", "UBND tỉnh Hà Giang", "08/7/2024", "12/QĐ-TTCP", "12,5 tỷ"],
    [],
    [2, "Thanh tra đầu tư công", "NK-02", "Sở Kế hoạch và Đầu tư", "15/07/2024", "13/QĐ-TTCP", "1.234.567"],
]


def _count(vs):
    return cases.count_cases(vs)


def test_dry_run_reports_and_writes_nothing(vault, tmp_path):
    path = _hand_made(tmp_path / "ds.xlsx", GOOD)
    plan = importer.analyse(vault, path, "cases")
    assert plan.counts() == {"insert": 2, "update": 0, "unchanged": 0, "reject": 0}
    assert plan.header_row == 2 and plan.unknown == []   # "STT" numbers rows: not a lost column
    assert _count(vault) == 0


def test_real_import_commits_and_audits_with_sha256(vault, tmp_path):
    path = _hand_made(tmp_path / "ds.xlsx", GOOD)
    importer.commit(vault, importer.analyse(vault, path, "cases"))
    shown = cases.get_case(vault, "NK-01")
    assert shown.row.decision_date == date(2024, 7, 8)
    assert shown.results["violation_money"] == 12_500_000_000
    with vault.uow() as uow:
        entry = audit_log.entries(uow.session, action="import.cases")[0]
    import hashlib
    assert entry.detail["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert entry.detail["inserted"] == 2 and entry.target == "ds.xlsx"
    # found by accent-insensitive search right away
    assert [r.code for r in cases.list_cases(vault, cases.CaseFilter(search="ha giang"))] == ["NK-01"]


def test_a_bad_row_stops_the_whole_import_and_the_error_workbook_shows_it(vault, tmp_path):
    rows = GOOD + [[3, "Thanh tra X", "NK-03", "Công ty X", "31/02/2024", "", "abc"],
                   [4, "Trùng", "NK-01", "", "", "", ""]]
    path = _hand_made(tmp_path / "ds.xlsx", rows)
    plan = importer.analyse(vault, path, "cases")
    assert plan.counts()["reject"] == 2
    with pytest.raises(HosoError):
        importer.commit(vault, plan)
    assert _count(vault) == 0
    importer.write_errors(plan, tmp_path / "loi.xlsx")
    book = load_workbook(tmp_path / "loi.xlsx")
    sheet = book["Danh sách"]
    bad = [p.cell for p in plan.problems if p.col is not None]
    assert set(bad) == {"E7", "G7"}
    for ref in bad:
        assert sheet[ref].fill.fgColor.rgb.endswith("FFC7CE")
        assert sheet[ref].comment is not None
    assert "31/02/2024" in sheet["E7"].comment.text
    listing = list(book["Lỗi"].iter_rows(values_only=True))
    assert len(listing) == 1 + len(plan.problems)


def test_reimport_shows_cell_level_changes(vault, tmp_path):
    path = _hand_made(tmp_path / "ds.xlsx", GOOD)
    importer.commit(vault, importer.analyse(vault, path, "cases"))
    book = load_workbook(path)
    book.active["B4"] = "Thanh tra đất đai tỉnh Hà Giang (bổ sung)"
    book.save(tmp_path / "ds2.xlsx")
    plan = importer.analyse(vault, tmp_path / "ds2.xlsx", "cases")
    assert plan.counts() == {"insert": 0, "update": 1, "unchanged": 1, "reject": 0}
    (changed,) = [r for r in plan.rows if r.action == "update"]
    assert [(c.field, c.new) for c in changed.changes] == [
        ("title", "Thanh tra đất đai tỉnh Hà Giang (bổ sung)")]
    importer.commit(vault, plan)
    assert cases.get_case(vault, "NK-01").row.title.endswith("(bổ sung)")


def test_classified_rows_above_clearance_are_rejected(vault, tmp_path):
    from desktop.domain.levels import Role
    from desktop.services import users
    users.add_user(vault, "vanthu", Role.CLERK, Level.THUONG, "van-thu-first")
    clerk = open_as(vault, "vanthu", "van-thu-first")
    wb = Workbook()
    wb.active.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Độ mật"])
    wb.active.append(["M-1", "Cuộc mật", "Mật"])
    wb.save(tmp_path / "mat.xlsx")
    plan = importer.analyse(clerk, tmp_path / "mat.xlsx", "cases")
    assert plan.counts()["reject"] == 1
    clerk.close()


def test_a_future_decision_or_a_backwards_period_is_a_row_problem_not_a_failed_commit(vault, tmp_path):
    wb = Workbook()
    wb.active.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Ngày QĐ", "Thời kỳ từ", "Thời kỳ đến"])
    wb.active.append(["F-1", "Quyết định ghi nhầm năm", "08/07/2099", None, None])
    wb.active.append(["F-2", "Thời kỳ ngược", "08/07/2024", "01/01/2024", "31/12/2020"])
    wb.active.append(["F-3", "Đúng", "08/07/2024", "01/01/2020", "31/12/2023"])
    wb.save(tmp_path / "dates.xlsx")
    plan = importer.analyse(vault, tmp_path / "dates.xlsx", "cases")
    assert plan.counts() == {"insert": 1, "update": 0, "unchanged": 0, "reject": 2}
    assert [(p.cell, p.key) for p in plan.problems] == [("C2", "input.future_date"),
                                                         ("E3", "input.period_order")]
    assert "08/07/2099" in plan.problems[0].message()
    assert importer.commit(vault, plan, skip_rejected=True)["insert"] == 1
    assert [r.code for r in cases.list_cases(vault)] == ["F-3"]


def test_a_reimport_judges_only_the_dates_the_file_changes(vault, tmp_path):
    """A case already holding a backwards period (entered before the check existed)
    re-imports unchanged; a file that makes it backwards is refused at that cell."""
    cases.add_case(vault, cases.CaseInput(code="R-1", title="Cũ", period_from=date(2024, 1, 1),
                                          period_to=date(2024, 6, 30)))
    with vault.uow() as uow:  # as an older version could have left it
        uow.session.execute(__import__("sqlalchemy").text(
            "UPDATE cases SET period_to = '2020-01-01' WHERE code = 'R-1'"))
        uow.commit()
    wb = Workbook()
    wb.active.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Thời kỳ đến"])
    wb.active.append(["R-1", "Cũ", None])
    wb.save(tmp_path / "same.xlsx")
    assert importer.analyse(vault, tmp_path / "same.xlsx", "cases").counts()["reject"] == 0
    cases.add_case(vault, cases.CaseInput(code="R-2", title="Mới", period_from=date(2024, 1, 1)))
    wb.active.append(["R-2", "Mới", "31/12/2023"])
    wb.save(tmp_path / "backwards.xlsx")
    plan = importer.analyse(vault, tmp_path / "backwards.xlsx", "cases")
    assert [(p.cell, p.key) for p in plan.problems] == [("C3", "input.period_order")]


def test_an_amount_too_large_for_the_vault_is_a_row_problem(vault, tmp_path):
    wb = Workbook()
    wb.active.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Sai phạm về tiền"])
    wb.active.append(["B-1", "Số tiền gõ nhầm", 10 ** 20])
    wb.active.append(["B-2", "Bình thường", "12,5 tỷ"])
    wb.save(tmp_path / "big.xlsx")
    plan = importer.analyse(vault, tmp_path / "big.xlsx", "cases")
    assert [(p.cell, p.key) for p in plan.problems] == [("C2", "excel.value.too_large.at")]
    assert importer.commit(vault, plan, skip_rejected=True)["insert"] == 1


@pytest.mark.parametrize("make", ["csv", "truncated", "ole", "bomb"])
def test_hostile_or_broken_files_change_nothing(vault, tmp_path, make):
    path = tmp_path / "x.xlsx"
    if make == "csv":
        path.write_text("Mã hồ sơ,Tên\nA,B\n", encoding="utf-8")
    elif make == "truncated":
        good = _hand_made(tmp_path / "good.xlsx", GOOD)
        path.write_bytes(good.read_bytes()[:1500])
    elif make == "ole":
        path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4096)
    else:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("xl/worksheets/sheet1.xml", b"\0" * (600 * 1024 * 1024))
    before = _count(vault)
    with pytest.raises(HosoError) as err:
        importer.analyse(vault, path, "cases")
    assert "x.xlsx" in err.value.message("vi")
    assert _count(vault) == before


def test_plan_opinions_and_staff_kinds(vault, tmp_path):
    cases.add_case(vault, cases.CaseInput(code="C-1", title="Cuộc một"))
    wb = Workbook()
    ws = wb.active
    ws.append(["KẾ HOẠCH THANH TRA NĂM 2025"])
    ws.append(["Đối tượng thanh tra", "Nội dung", "Quý", "Số ngày", "Số người"])
    ws.append(["UBND tỉnh Lạng Sơn", "Đất đai", "Quý II", 45, 8])
    ws.append(["Bộ Xây dựng", "Quy hoạch", "IV", 60, 10])
    wb.save(tmp_path / "kh.xlsx")
    importer.commit(vault, importer.analyse(vault, tmp_path / "kh.xlsx", "plan", year=2025))
    status = plans.plan_status(vault, 2025, today=date(2025, 1, 2))
    assert [(i.inspected_party, i.quarter, i.days) for i in status.items] == [
        ("UBND tỉnh Lạng Sơn", 2, 45), ("Bộ Xây dựng", 4, 60)]

    wb = Workbook()
    wb.active.append(["Mã hồ sơ", "Cơ quan được xin ý kiến", "Ngày gửi", "Hạn trả lời", "Ngày trả lời"])
    wb.active.append(["C-1", "Bộ Tài chính", "01/03/2024", "31/03/2024", None])
    wb.active.append(["KHONG-CO", "Bộ Xây dựng", "01/03/2024", None, None])
    wb.save(tmp_path / "yk.xlsx")
    plan = importer.analyse(vault, tmp_path / "yk.xlsx", "opinions")
    assert plan.counts() == {"insert": 1, "update": 0, "unchanged": 0, "reject": 1}
    importer.commit(vault, plan, skip_rejected=True)
    assert cases.get_case(vault, "C-1").opinions[0]["addressee"] == "Bộ Tài chính"

    wb = Workbook()
    wb.active.append(["Họ và tên", "Chức vụ", "Đơn vị"])
    wb.active.append(["Nguyễn Văn Đường", "Thanh tra viên", "Cục II"])
    wb.save(tmp_path / "cb.xlsx")
    plan = importer.analyse(vault, tmp_path / "cb.xlsx", "staff")
    assert plan.counts()["insert"] == 1
    importer.commit(vault, plan)


def test_cli_import_dry_run_json_and_errors(tmp_path):
    from tests.conftest import PASSWORD, run_hoso
    vault_path = tmp_path / "v"
    assert run_hoso(["init", vault_path, "--admin", "admin", "--password-stdin"], PASSWORD + "\n").returncode == 0
    path = _hand_made(tmp_path / "ds.xlsx", GOOD + [[3, "X", "NK-03", "", "99/99/2024", "", ""]])
    r = run_hoso(["--vault", vault_path, "import", path, "--kind", "cases", "--dry-run", "--json",
                  "--errors", tmp_path / "loi.xlsx", "--password-stdin"], PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["inserted"] == 2 and data["rejected"] == 1 and data["committed"] is False
    assert data["problems"][0]["cell"] == "E7"
    assert (tmp_path / "loi.xlsx").exists()
    r = run_hoso(["--vault", vault_path, "import", path, "--kind", "cases", "--password-stdin"],
                 PASSWORD + "\n")
    assert r.returncode == 1 and "ds.xlsx" in r.stderr


def test_export_then_import_changes_nothing_and_edits_show_by_manifest(vault, tmp_path):
    from desktop.services import exporter
    importer.commit(vault, importer.analyse(vault, _hand_made(tmp_path / "ds.xlsx", GOOD), "cases"))
    result = exporter.export_cases(vault, tmp_path / "so.xlsx")
    plan = importer.analyse(vault, result.path, "cases")
    assert plan.from_export and plan.counts() == {"insert": 0, "update": 0, "unchanged": 2, "reject": 0}
    # a secretary renames a code and a title in the exported file
    book = load_workbook(result.path)
    sheet = book[plan.sheet]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "NK-02")
    sheet.cell(row, 1).value = "NK-02B"
    sheet.cell(row, 2).value = "Thanh tra đầu tư công (sửa)"
    book.save(tmp_path / "so-sua.xlsx")
    plan = importer.analyse(vault, tmp_path / "so-sua.xlsx", "cases")
    (changed,) = [r for r in plan.rows if r.action == "update"]
    assert [(c.field, c.old, c.new) for c in changed.changes] == [
        ("code", "NK-02", "NK-02B"), ("title", "Thanh tra đầu tư công", "Thanh tra đầu tư công (sửa)")]
    importer.commit(vault, plan)
    assert cases.get_case(vault, "NK-02B").row.title.endswith("(sửa)")


def test_a_file_exported_from_another_vault_is_refused_unless_asked(vault, tmp_path):
    from desktop.services import exporter, vault_service
    other = vault_service.create_vault(tmp_path / "other", "admin", "another-password")
    cases.add_case(other, cases.CaseInput(code="O-1", title="Của kho khác"))
    exported = exporter.export_cases(other, tmp_path / "khac.xlsx").path
    other.close()
    with pytest.raises(HosoError) as err:
        importer.analyse(vault, exported, "cases")
    assert err.value.key == "import.foreign"
    plan = importer.analyse(vault, exported, "cases", allow_foreign=True)
    assert plan.counts()["insert"] == 1

"""Classified records sealed under level keys, as users work with them: a level raised or
lowered through an import, sorting by title, exports, a re-key."""

from datetime import date

from openpyxl import Workbook, load_workbook

from desktop.domain.levels import Level, Role
from desktop.domain.stages import TeamRole
from desktop.services import cases, exporter, importer, users
from tests.conftest import PASSWORD, open_as
from tests.raw_db import raw

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


def _raw(vs):
    return raw(vs)


def _case_book(path, level: str):
    wb = Workbook()
    wb.active.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Đối tượng thanh tra", "Độ mật"])
    wb.active.append(["S-1", "Thanh tra dự án đường cao tốc Bắc Nam", "Ban quản lý dự án 85", level])
    wb.save(path)
    return path


def test_an_import_raising_the_level_seals_the_case_and_lowering_it_unseals(vault, tmp_path):
    cases.add_case(vault, cases.CaseInput(code="S-1", title="Thanh tra dự án đường cao tốc Bắc Nam",
                                          inspected_party="Ban quản lý dự án 85",
                                          team=[("Nguyễn Văn Tổ", TeamRole.LEADER)]))
    cases.add_event(vault, "S-1", cases.Stage.DECISION, date(2024, 3, 1), doc_ref="77/QĐ-TTCP")
    plan = importer.analyse(vault, _case_book(tmp_path / "mat.xlsx", "Mật"), "cases")
    assert [(c.field, c.new) for r in plan.rows for c in r.changes] == [("level", Level.MAT)]
    importer.commit(vault, plan)
    conn = _raw(vault)
    assert conn.execute("SELECT title, inspected_party, sealed IS NOT NULL FROM cases").fetchall() == [
        ("", "", 1)]
    assert conn.execute("SELECT doc_ref FROM case_events").fetchall() == [("",)]
    assert conn.execute("SELECT count(*) FROM team_members").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM case_search").fetchone()[0] == 0
    conn.close()
    detail = cases.get_case(vault, "S-1")
    assert detail.row.title == "Thanh tra dự án đường cao tốc Bắc Nam"
    assert detail.team == [("Nguyễn Văn Tổ", TeamRole.LEADER)]
    assert [e.doc_ref for e in detail.events] == ["77/QĐ-TTCP"]
    assert [r.code for r in cases.list_cases(vault, cases.CaseFilter(search="cao toc"))] == ["S-1"]
    assert [r.code for r in cases.list_cases(vault, cases.CaseFilter(search="to"))] == ["S-1"]

    importer.commit(vault, importer.analyse(vault, _case_book(tmp_path / "thuong.xlsx", "Thường"),
                                            "cases"))
    conn = _raw(vault)
    assert conn.execute("SELECT title, sealed FROM cases").fetchall() == [
        ("Thanh tra dự án đường cao tốc Bắc Nam", None)]
    assert conn.execute("SELECT doc_ref FROM case_events").fetchall() == [("77/QĐ-TTCP",)]
    assert conn.execute("SELECT count(*) FROM team_members").fetchone()[0] == 1
    conn.close()
    assert cases.get_case(vault, "S-1").team == [("Nguyễn Văn Tổ", TeamRole.LEADER)]


def test_sorting_by_title_and_exporting_read_the_sealed_titles(vault, tmp_path):
    for code, title, level in (("A-1", "Bình Dương", Level.THUONG), ("A-2", "An Giang", Level.MAT),
                               ("A-3", "Cà Mau", Level.TOI_MAT)):
        cases.add_case(vault, cases.CaseInput(code=code, title=title, level=level))
    ids = cases.list_ids(vault, sort="title", descending=False)
    rows = cases.rows_by_ids(vault, ids)
    assert [rows[i].title for i in ids] == ["An Giang", "Bình Dương", "Cà Mau"]
    result = exporter.export_cases(vault, tmp_path / "ds.xlsx", reason="báo cáo lãnh đạo")
    sheet = load_workbook(result.path).active
    values = {c.value for row in sheet.iter_rows() for c in row}
    assert {"An Giang", "Bình Dương", "Cà Mau"} <= values


def test_after_a_rekey_new_records_use_the_new_generation_and_old_ones_still_open(vault):
    cases.add_case(vault, cases.CaseInput(code="K-1", title="Trước khi đổi khóa", level=Level.MAT))
    users.add_user(vault, "insp", Role.INSPECTOR, Level.MAT, "thanh-tra-vien-1")
    users.set_active(vault, "insp", False)   # disabling re-keys the levels insp held
    cases.add_case(vault, cases.CaseInput(code="K-2", title="Sau khi đổi khóa", level=Level.MAT))
    conn = _raw(vault)
    generations = dict(conn.execute("SELECT code, sealed FROM cases").fetchall())
    conn.close()
    assert int.from_bytes(generations["K-1"][2:6], "big") == 1
    assert int.from_bytes(generations["K-2"][2:6], "big") == 2
    again = open_as(vault, "admin", PASSWORD)  # a fresh key ring
    assert {r.code: r.title for r in cases.list_cases(again)} == {
        "K-1": "Trước khi đổi khóa", "K-2": "Sau khi đổi khóa"}
    again.close()

"""Legacy Vietnamese encodings (issue 13, part 5): a list typed in TCVN3 (.VnTime) or VNI is
imported as Unicode — its header found, each such column converted and shown before/after,
the conversion said in the report and the audit, searchable afterwards — and a user can keep
a column as typed (--keep-encoding / the wizard's box)."""

import json

import openpyxl
from openpyxl.styles import Font

from desktop.services import audit_browse, importer
from tests.conftest import admin_cli
from tests.unit.test_vn_legacy import tcvn3, vni

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server

HEADER = ["Mã hồ sơ", "Tên cuộc thanh tra", "Đối tượng thanh tra", "Ngày quyết định"]
ROWS = [["TC-01", "Thanh tra việc quản lý đất đai", "UBND huyện Đông Anh", "05/02/2024"],
        ["TC-02", "Thanh tra công tác đầu tư xây dựng", "Sở Xây dựng Hà Nội", "06/03/2024"],
        ["TC-03", "Thanh tra trách nhiệm tiếp công dân", "UBND tỉnh Quảng Nam", "07/04/2024"]]


def legacy_list(path, encode, font=None, header_encoded=True):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append([encode("DANH SÁCH CÁC CUỘC THANH TRA NĂM 2024")])
    ws.append([encode(h) if header_encoded else h for h in HEADER])
    for row in ROWS:
        ws.append([row[0], encode(row[1]), encode(row[2]), row[3]])
    if font:
        for row in ws.iter_rows(min_row=3):
            for cell in row[1:3]:
                cell.font = Font(name=font)
    wb.save(path)
    return path


def test_a_tcvn3_list_is_imported_as_unicode_and_is_searchable(tmp_path):
    run = admin_cli(str(tmp_path / "v"))
    source = legacy_list(tmp_path / "tcvn3.xlsx", tcvn3)
    data = json.loads(run("import", str(source), "--dry-run", "--json"))
    assert data["kind"] == "cases" and data["inserted"] == 3 and data["rejected"] == 0
    assert set(data["converted"]) == {"title", "inspected_party"}
    party = data["converted"]["inspected_party"]
    assert party["encoding"] == "tcvn3" and party["cells"] == 3 and not party["kept"]
    assert party["samples"][0] == [tcvn3("UBND huyện Đông Anh"), "UBND huyện Đông Anh"]
    values = {r["key"]: r["values"] for r in data["rows"]}
    assert values["TC-03"]["inspected_party"] == "UBND tỉnh Quảng Nam"

    text = run("import", str(source))
    assert "Cột “Đối tượng thanh tra”: 3 ô gõ bằng bảng mã TCVN3 (ABC) đã được chuyển sang " \
           "Unicode" in text and "--keep-encoding inspected_party" in text
    found = run("case", "list", "--search", "quang nam", "--json")
    assert "TC-03" in found and "UBND tỉnh Quảng Nam" in found


def test_a_vni_list_with_its_fonts_and_a_column_kept_as_typed(tmp_path):
    run = admin_cli(str(tmp_path / "v"))
    source = legacy_list(tmp_path / "vni.xlsx", vni, font="VNI-Times")
    data = json.loads(run("import", str(source), "--dry-run", "--json",
                          "--keep-encoding", "Đối tượng thanh tra"))
    assert data["converted"]["title"]["encoding"] == "vni"
    assert data["converted"]["inspected_party"]["kept"]
    values = {r["key"]: r["values"] for r in data["rows"]}
    assert values["TC-01"]["title"] == "Thanh tra việc quản lý đất đai"
    assert values["TC-01"]["inspected_party"] == vni("UBND huyện Đông Anh")   # as typed


def test_one_tcvn3_cell_is_converted_when_its_font_says_so(vault, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["F-1", "Thanh tra Sở Y tế", tcvn3("Hà Nam"), "05/02/2024"])
    ws["C2"].font = Font(name=".VnTime")
    wb.save(tmp_path / "mot.xlsx")
    plan = importer.analyse(vault, tmp_path / "mot.xlsx", "cases")
    assert plan.rows[0].values["inspected_party"] == "Hà Nam"
    assert plan.converted["inspected_party"].by_font
    importer.commit(vault, plan)
    [entry] = audit_browse.page(vault, action="import")
    assert entry.detail["converted"] == "inspected_party: tcvn3"


def test_unicode_lists_are_left_alone(vault, tmp_path):
    source = legacy_list(tmp_path / "unicode.xlsx", lambda text: text)
    plan = importer.analyse(vault, source, "cases")
    assert plan.converted == {} and plan.rows[0].values["inspected_party"] == "UBND huyện Đông Anh"

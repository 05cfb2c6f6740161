"""Changing a case after its creation: every change kept (old → new, who, when, why),
audited without its values, sealed with a classified case; the command line alike."""

import json

import pytest

from desktop.domain.errors import HosoError, InvalidInput, PermissionDenied
from desktop.domain.levels import Level, Role
from desktop.services import audit_log, case_edit, cases, users
from tests.conftest import PASSWORD, open_as, run_hoso
from tests.raw_db import raw

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


def _raw(vs):
    return raw(vs)


def test_each_change_is_kept_and_audited_without_its_values(vault):
    cases.add_case(vault, cases.CaseInput(code="E-1", title="Thanh tra ngân sách",
                                          inspected_party="Sở Tài chính"))
    done = case_edit.edit_case(vault, "E-1", {"title": "Thanh tra quản lý ngân sách",
                                              "recovery_money": "1.250.000.000",
                                              "decision_date": "05/02/2024",
                                              "inspected_party": "Sở Tài chính"})
    assert {c.field: (c.old, c.new) for c in done} == {
        "title": ("Thanh tra ngân sách", "Thanh tra quản lý ngân sách"),
        "recovery_money": ("0", "1250000000"), "decision_date": ("", "2024-02-05")}
    detail = cases.get_case(vault, "E-1")
    assert detail.row.title == "Thanh tra quản lý ngân sách"
    assert detail.results["recovery_money"] == 1_250_000_000
    assert case_edit.edit_case(vault, "E-1", {"title": "Thanh tra quản lý ngân sách"}) == []
    with vault.uow() as uow:
        row = audit_log.entries(uow.session, action="case.edit", limit=1)[0]
    assert row.target == "E-1" and row.detail["fields"] == ["decision_date", "recovery_money", "title"]
    assert "ngân sách" not in json.dumps(row.detail, ensure_ascii=False)
    assert [c.field for c in case_edit.history(vault, "E-1")] == [c.field for c in done]
    # found by its new words
    assert [r.code for r in cases.list_cases(vault, cases.CaseFilter(search="quan ly ngan"))] == ["E-1"]


def test_a_bad_value_or_a_missing_reason_changes_nothing(vault):
    cases.add_case(vault, cases.CaseInput(code="E-2", title="Thanh tra đất đai"))
    for changes, reason, key in (({"title": "Mới", "decision_date": "31/02/2024"}, "", "input.bad_field_value"),
                                 ({"title": "  "}, "", "input.required"),
                                 ({"level": "mat", "title": "Mới"}, "", "input.reason_required"),
                                 ({"period_from": "01/01/2024", "period_to": "01/01/2020"}, "",
                                  "input.period_order")):
        with pytest.raises(InvalidInput) as caught:
            case_edit.edit_case(vault, "E-2", changes, reason)
        assert caught.value.key == key
    assert cases.get_case(vault, "E-2").row.title == "Thanh tra đất đai"
    assert case_edit.history(vault, "E-2") == []
    cases.add_case(vault, cases.CaseInput(code="E-3", title="Khác"))
    with pytest.raises(HosoError) as caught:
        case_edit.edit_case(vault, "E-2", {"code": "E-3"})
    assert caught.value.key == "case.exists"


def test_a_classified_case_keeps_its_history_sealed_and_clearance_holds(vault):
    cases.add_case(vault, cases.CaseInput(code="E-4", title="Hồ sơ thường"))
    case_edit.edit_case(vault, "E-4", {"level": "Mật", "title": "Hồ sơ về nhà máy Z"},
                        reason="Có tài liệu mật")
    conn = _raw(vault)
    rows = conn.execute("SELECT field, old_value, new_value, reason, sealed IS NOT NULL "
                        "FROM case_changes").fetchall()
    conn.close()
    assert rows and all(r[1:4] == ("", "", "") and r[4] for r in rows)
    assert {c.field: c.new for c in case_edit.history(vault, "E-4")} == {
        "level": "mat", "title": "Hồ sơ về nhà máy Z"}
    users.add_user(vault, "insp", Role.INSPECTOR, Level.MAT, "thanh-tra-vien-1")
    insp = open_as(vault, "insp", "thanh-tra-vien-1")
    try:
        with pytest.raises(PermissionDenied):
            case_edit.edit_case(insp, "E-4", {"level": "toi_mat"}, reason="nâng")
        case_edit.edit_case(insp, "E-4", {"content": "Nội dung bổ sung"})
        assert [c.by for c in case_edit.history(insp, "E-4")][-1] == "insp"
    finally:
        insp.close()


def test_the_command_line_edits_and_shows_the_history(tmp_path):
    path = tmp_path / "vault"
    pw = PASSWORD + "\n"
    assert run_hoso(["init", path, "--admin", "admin", "--password-stdin"], pw).returncode == 0
    base = ["--vault", path]
    assert run_hoso([*base, "case", "add", "--code", "C-1", "--title", "Thanh tra A",
                     "--password-stdin"], pw).returncode == 0
    r = run_hoso([*base, "case", "edit", "C-1", "--level", "Mật", "--password-stdin"], pw)
    assert r.returncode == 1 and "lý do" in r.stderr
    r = run_hoso([*base, "case", "edit", "C-1", "--title", "Thanh tra B", "--level", "Mật",
                  "--reason", "Có tài liệu mật", "--password-stdin"], pw)
    assert r.returncode == 0 and "Đã sửa hồ sơ C-1" in r.stdout
    r = run_hoso([*base, "case", "history", "C-1", "--json", "--password-stdin"], pw)
    changes = json.loads(r.stdout)
    assert {(c["field"], c["old"], c["new"], c["reason"]) for c in changes} == {
        ("title", "Thanh tra A", "Thanh tra B", "Có tài liệu mật"),
        ("level", "thuong", "mat", "Có tài liệu mật")}
    r = run_hoso([*base, "--lang", "en", "case", "history", "C-1", "--password-stdin"], pw)
    assert "Classification" in r.stdout and "Unclassified" in r.stdout and "Confidential" in r.stdout

"""The audit trail is append-only and tamper-evident; search ignores diacritics."""

import pytest
import sqlalchemy.exc
from sqlalchemy import text

from desktop.domain.levels import Level
from desktop.services import anchoring, audit_log, cases
from desktop.storage.engine import make_engine

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


def _verify(vs):
    with vs.uow() as uow:
        return anchoring.verify_in(vs, uow.session)


def test_every_write_and_classified_read_is_audited(vault):
    cases.add_case(vault, cases.CaseInput(code="K-1", title="Mật", level=Level.MAT))
    cases.get_case(vault, "K-1")
    with vault.uow() as uow:
        actions = [e.action for e in audit_log.entries(uow.session)]
    assert "case.add" in actions and "case.read" in actions and actions[-1] == "vault.create"
    report = _verify(vault)
    assert report.ok and report.rows == len(actions)


@pytest.mark.vault_only   # the attack is on the vault's file (server: test_server_register)
def test_the_database_refuses_updates_and_deletes_of_audit_rows(vault):
    with vault.engine.begin() as conn:
        with pytest.raises(sqlalchemy.exc.DatabaseError, match="append-only"):
            conn.execute(text("UPDATE audit_log SET username = 'x'"))
    with vault.engine.begin() as conn:
        with pytest.raises(sqlalchemy.exc.DatabaseError, match="append-only"):
            conn.execute(text("DELETE FROM audit_log"))


def _tamper(vs, sql):
    """What someone holding the DB key could do by hand: drop the guard, edit, restore."""
    with vs.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_no_update"))
        conn.execute(text("DROP TRIGGER audit_no_delete"))
        conn.execute(text(sql))


@pytest.mark.vault_only   # the attack is on the vault's file (server: test_server_register)
@pytest.mark.parametrize("sql,row", [
    ("UPDATE audit_log SET username = 'someone' WHERE id = 3", 3),
    ("DELETE FROM audit_log WHERE id = 3", 4),
    ("UPDATE audit_log SET detail = '{}' WHERE id = 4", 4),
])
def test_edited_or_deleted_rows_break_the_chain_at_that_row(vault, sql, row):
    for i in range(4):
        cases.add_case(vault, cases.CaseInput(code=f"A-{i}", title="x"))
    assert _verify(vault).ok
    _tamper(vault, sql)
    report = _verify(vault)
    assert not report.ok and report.broken_at == row


@pytest.mark.vault_only   # the attack is on the vault's file (server: test_server_register)
def test_a_row_forged_without_the_key_is_detected(vault):
    cases.add_case(vault, cases.CaseInput(code="A", title="x"))
    with vault.engine.begin() as conn:
        last = conn.execute(text("SELECT max(id), hash FROM audit_log")).one()
        conn.execute(text("INSERT INTO audit_log(id, at, username, action, target, detail, "
                          "prev_hash, hash) VALUES (:i, '2024', 'x', 'y', '', '{}', :p, :h)"),
                     {"i": last[0] + 1, "p": last[1], "h": b"\0" * 32})
    assert _verify(vault).broken_at == last[0] + 1


@pytest.fixture
def searchable(vault):
    cases.add_case(vault, cases.CaseInput(
        code="01/QĐ-TTCP", title="Đoàn thanh tra việc quản lý đất đai",
        inspected_party="UBND Hà Nội", team=[("Nguyễn Văn An", cases.TeamRole.LEADER)]))
    cases.add_case(vault, cases.CaseInput(
        code="02/QĐ-TTCP", title="Thanh tra dự án Đường cao tốc Bắc – Nam",
        inspected_party="Bộ Giao thông vận tải", team=[("Trần Thị Đào", cases.TeamRole.MEMBER)]))
    cases.add_case(vault, cases.CaseInput(code="03/QĐ-TTCP", title="Thanh tra cổ phần hóa",
                                          inspected_party="Tổng công ty X"))
    return vault


@pytest.mark.parametrize("query,codes", [
    ("doan thanh tra", ["01/QĐ-TTCP"]),
    ("duong", ["02/QĐ-TTCP"]),
    ("ubnd ha noi", ["01/QĐ-TTCP"]),
    ("UBND HÀ NỘI", ["01/QĐ-TTCP"]),
    ("nguyen van an", ["01/QĐ-TTCP"]),     # team member's name
    ("dao", ["02/QĐ-TTCP"]),               # Đào, in the team
    ("co phan hoa", ["03/QĐ-TTCP"]),
    ("03/qd", ["03/QĐ-TTCP"]),
    ("hai phong", []),
])
def test_accent_insensitive_search(searchable, query, codes):
    found = [r.code for r in cases.list_cases(searchable, cases.CaseFilter(search=query))]
    assert sorted(found) == codes


def test_search_index_follows_team_and_document_changes(searchable):
    from datetime import date, datetime

    from desktop.storage import search
    from desktop.storage.orm import Case, DocumentRecord
    with searchable.uow() as uow:
        case = uow.session.query(Case).filter_by(code="03/QĐ-TTCP").one()
        uow.session.add(DocumentRecord(case_id=case.id, number="12/BC", doc_type="BC",
                                       doc_date=date(2024, 1, 2), summary="Báo cáo về Quảng Ngãi",
                                       created_at=datetime.now()))
        uow.session.flush()
        search.refresh(uow.session, [case.id])
        uow.commit()
    assert [r.code for r in cases.list_cases(searchable, cases.CaseFilter(search="quang ngai"))] \
        == ["03/QĐ-TTCP"]


def test_database_file_alone_is_unreadable_without_the_key(vault):
    path = vault.vault_dir / "hoso.db"
    vault.close()
    import os
    engine = make_engine(path, os.urandom(32))
    with pytest.raises(sqlalchemy.exc.DatabaseError):
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM cases"))


def test_a_case_without_a_decision_date_comes_last_newest_first(vault, tmp_path):
    """The register's default order (newest decision first) puts undated cases at the end,
    on the server as in the vault (PostgreSQL would put NULL first), in the list and in the
    exported register."""
    from datetime import date as day
    from openpyxl import load_workbook
    from desktop.services import exporter
    cases.add_case(vault, cases.CaseInput(code="N-1", title="Chưa có quyết định"))
    cases.add_case(vault, cases.CaseInput(code="N-2", title="Có quyết định",
                                          decision_date=day(2024, 3, 1)))
    cases.add_case(vault, cases.CaseInput(code="N-3", title="Quyết định mới",
                                          decision_date=day(2024, 5, 1)))
    assert [r.code for r in cases.list_cases(vault)] == ["N-3", "N-2", "N-1"]
    result = exporter.export_cases(vault, tmp_path / "so.xlsx", reason="thử")
    codes = [c.value for row in load_workbook(result.path).active.iter_rows()
             for c in row if c.value in ("N-1", "N-2", "N-3")]
    assert codes == ["N-3", "N-2", "N-1"]


def test_an_export_of_a_search_holds_its_matches_only(vault, tmp_path):
    """The register exported for a search (the Cases page's "Xuất Excel" with words in the
    search box): the matching cases, the classified one found by its sealed words too."""
    from openpyxl import load_workbook
    from desktop.domain.levels import Level
    from desktop.services import exporter
    cases.add_case(vault, cases.CaseInput(code="S-1", title="Thanh tra thuế Hà Nội"))
    cases.add_case(vault, cases.CaseInput(code="S-2", title="Thanh tra đất đai"))
    cases.add_case(vault, cases.CaseInput(code="S-3", title="Thanh tra thuế nhà máy",
                                          level=Level.MAT))
    result = exporter.export_cases(vault, tmp_path / "thue.xlsx", reason="thử",
                                   search="thue")
    codes = {c.value for row in load_workbook(result.path).active.iter_rows()
             for c in row if str(c.value).startswith("S-")}
    assert codes == {"S-1", "S-3"}

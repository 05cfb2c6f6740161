"""A case's team over time: members join and leave on dates, the leader is replaced (the
former one stays with the day they left), each change in the case's history; the dates
survive the case becoming classified (sealed) and back."""

from datetime import date

import pytest

from desktop.domain.errors import HosoError, NotFound
from desktop.domain.stages import TeamRole
from desktop.services import case_edit, case_team, cases
from tests.conftest import PASSWORD, admin_cli

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


def test_members_join_leave_and_the_leader_is_replaced(vault):
    cases.add_case(vault, cases.CaseInput(code="T-1", title="Thanh tra", team=[
        ("Nguyễn Văn An", TeamRole.LEADER), ("Trần Bình", TeamRole.MEMBER)]))
    case_team.add_member(vault, "T-1", "Lê Chi", TeamRole.SECRETARY, date(2024, 3, 10))
    case_team.replace_leader(vault, "T-1", "Trần Bình", date(2024, 4, 1))
    case_team.remove_member(vault, "T-1", "Lê Chi", date(2024, 4, 15))
    with pytest.raises(NotFound):
        case_team.remove_member(vault, "T-1", "Lê Chi", date(2024, 4, 20))
    with pytest.raises(HosoError):
        case_team.replace_leader(vault, "T-1", "Trần Bình", date(2024, 5, 1))
    members = {(m.name, m.role): (m.since, m.until) for m in case_team.team(vault, "T-1")}
    assert members == {
        ("Nguyễn Văn An", TeamRole.LEADER): (None, date(2024, 3, 31)),
        ("Trần Bình", TeamRole.MEMBER): (None, date(2024, 3, 31)),
        ("Lê Chi", TeamRole.SECRETARY): (date(2024, 3, 10), date(2024, 4, 14)),
        ("Trần Bình", TeamRole.LEADER): (date(2024, 4, 1), None)}
    assert cases.get_case(vault, "T-1").team == [("Trần Bình", TeamRole.LEADER)]
    assert [c.field for c in case_edit.history(vault, "T-1")] == ["team"] * 3

    case_edit.edit_case(vault, "T-1", {"level": "mat"}, reason="Có tài liệu mật")
    assert {(m.name, m.role, m.until) for m in case_team.team(vault, "T-1")} == {
        (n, r, u) for (n, r), (_s, u) in members.items()}
    case_team.add_member(vault, "T-1", "Phạm Dũng", TeamRole.MEMBER, date(2024, 5, 2))
    case_edit.edit_case(vault, "T-1", {"level": "thuong"}, reason="Giải mật")
    names = {m.name for m in case_team.team(vault, "T-1") if m.until is None}
    assert names == {"Trần Bình", "Phạm Dũng"}
    assert [r.code for r in cases.list_cases(vault, cases.CaseFilter(search="pham dung"))] == ["T-1"]


def test_the_command_line_changes_the_team(tmp_path):
    path = tmp_path / "vault"
    hoso = admin_cli(path)

    hoso("case", "add", "--code", "C-1", "--title", "A", "--level", "Mật",
         "--team", "Nguyễn Văn An:trưởng đoàn")
    hoso("case", "team", "C-1", "leader", "Trần Bình", "--from", "01/04/2024")
    import json
    team = json.loads(hoso("case", "team", "C-1", "--json"))
    assert [(m["name"], m["role"], m["to"]) for m in team] == [
        ("Nguyễn Văn An", "leader", "2024-03-31"), ("Trần Bình", "leader", None)]
    # the case is classified: its team is sealed, none of it in team_members
    import sqlcipher3
    from desktop.security.vault import unlock
    conn = sqlcipher3.connect(str(path / "hoso.db"))
    conn.execute(f"PRAGMA key = \"x'{unlock(path, 'admin', PASSWORD).db_key.hex()}'\"")
    assert conn.execute("SELECT count(*) FROM team_members").fetchone()[0] == 0
    conn.close()

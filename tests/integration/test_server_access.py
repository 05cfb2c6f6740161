"""The department server enforces clearance and role itself: a user with their own
password and a SQL console (a raw psycopg connection over TLS, as `psql` would make it)
sees no case above their clearance nor anything hanging from it, changes no case their
role may not change, and cannot rewrite who is cleared for what. The program refuses the
same things, in one line."""

from datetime import date

import psycopg
import pytest

from desktop.domain.errors import PermissionDenied
from desktop.domain.levels import Level, Role
from desktop.domain.messages import render
from desktop.domain.stages import Stage
from desktop.services import anchoring, case_edit, cases, deadlines_service, opinion_requests, server_service, users
from desktop.services.cases import CaseInput
from tests.conftest import PASSWORD, open_as, server_database
from tests.integration.test_server_register import _login

CODES = {"T-0": Level.THUONG, "M-1": Level.MAT, "TM-2": Level.TOI_MAT}
INSPECTOR_PW, CLERK_PW = "mat-khau-thanh-tra", "mat-khau-van-thu"


@pytest.fixture
def department(pg_cluster, tmp_path):
    """Three cases (Thường, Mật, Tối mật) with an event and an opinion request each; an
    inspector cleared for Mật, a clerk cleared for Tối mật."""
    profile = server_database(pg_cluster, tmp_path / "profile", in_process=True)
    vs = server_service.sign_in(profile, "admin", PASSWORD)
    users.add_user(vs, "tv_mat", Role.INSPECTOR, Level.MAT, INSPECTOR_PW)
    users.add_user(vs, "van_thu", Role.CLERK, Level.TOI_MAT, CLERK_PW)
    for code, level in CODES.items():
        cases.add_case(vs, CaseInput(code=code, title=f"Thanh tra {code}", level=level,
                                     decision_date=date(2026, 3, 2)))
        cases.add_event(vs, code, Stage.ANNOUNCED, date(2026, 3, 10))
        opinion_requests.send(vs, code, [("Bộ Tài chính", None)], date(2026, 4, 1))
    yield pg_cluster, profile, vs
    vs.close()


def _count(conn, sql, *params):
    return conn.execute(sql, params).fetchone()[0]


def test_a_mat_user_sees_no_toi_mat_row_even_with_raw_sql(department):
    cluster, profile, vs = department
    deadlines_service.refresh_index(vs)   # the administrator's reading fills the cache
    with _login(cluster, profile, "tv_mat", INSPECTOR_PW) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT code FROM cases")) == ["M-1", "T-0"]
        # what hangs from the Tối mật case is as invisible as the case itself
        with _login(cluster, profile, "admin", PASSWORD) as admin:
            tm_id = _count(admin, "SELECT id FROM cases WHERE code = 'TM-2'")
            events = _count(admin, "SELECT count(*) FROM case_events")
            for table in ("case_events", "deadline_index"):
                assert _count(admin, f"SELECT count(*) FROM {table} WHERE case_id = %s",
                              tm_id) > 0, table
        for table in ("case_events", "opinion_requests", "case_changes", "deadline_index"):
            assert _count(conn, f"SELECT count(*) FROM {table} WHERE case_id = %s",
                          tm_id) == 0, table
        # its search row (no policy: see server_policies) is tokens keyed under the Tối mật
        # key, which the user does not hold: no word of the case in it
        [tokens] = conn.execute("SELECT body FROM case_search_sealed WHERE rowid = %s",
                                (tm_id,)).fetchone()
        assert tokens and "thanh" not in tokens and "tm" not in tokens.split()

        # nor can the user change or delete it: the statements touch no row
        assert conn.execute("UPDATE cases SET title = 'x' WHERE code = 'TM-2'").rowcount == 0
        assert conn.execute("DELETE FROM cases WHERE code = 'TM-2'").rowcount == 0
        assert conn.execute("DELETE FROM case_events WHERE case_id = %s",
                            (tm_id,)).rowcount == 0
        # nor write a case above their clearance, or lift one there
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO cases (code, title, level) VALUES ('X-3', 'x', 2)")
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE cases SET level = 2 WHERE code = 'M-1'")
        conn.rollback()

    with _login(cluster, profile, "admin", PASSWORD) as admin:
        assert admin.execute("SELECT title, level FROM cases WHERE code = 'TM-2'").fetchone() \
            == ("", 2)   # untouched (its title sealed, as ever)
        assert admin.execute("SELECT level FROM cases WHERE code = 'M-1'").fetchone() == (1,)
        assert _count(admin, "SELECT count(*) FROM case_events") == events


def test_nobody_but_an_administrator_changes_who_is_cleared_for_what(department):
    cluster, profile, vs = department
    with _login(cluster, profile, "tv_mat", INSPECTOR_PW) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM server_access")
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="administrator"):
            conn.execute("SELECT hoso_set_access('tv_mat', 'inspector', 3, true)")
        conn.rollback()
        # the account row's copy of the clearance is theirs to scribble on: it decides
        # nothing (the server reads its own table, the program the signed certificate)
        conn.execute("UPDATE users SET clearance = 3 WHERE username = 'tv_mat'")
        conn.commit()
        assert _count(conn, "SELECT count(*) FROM cases WHERE code = 'TM-2'") == 0
        # another's account, the certificates and the level grants are the administrators'
        assert conn.execute("UPDATE users SET role = 'clerk' WHERE username = 'admin'"
                            ).rowcount == 0
        assert conn.execute("DELETE FROM certificates").rowcount == 0
        assert conn.execute("DELETE FROM level_grants").rowcount == 0
        conn.commit()
        assert conn.execute("SELECT role, clearance FROM hoso_access()").fetchone() == (
            "inspector", 1)

    # the administrator raises the clearance in the program: the server follows
    users.set_clearance(vs, "tv_mat", Level.TOI_MAT)
    with _login(cluster, profile, "tv_mat", INSPECTOR_PW) as conn:
        assert _count(conn, "SELECT count(*) FROM cases") == 3
    # an administrator cannot grant above their own clearance, even by hand
    with _login(cluster, profile, "admin", PASSWORD) as admin:
        admin.execute("SELECT hoso_set_access('tv_mat', 'inspector', 3, true)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="own"):
            admin.execute("SELECT hoso_set_access('admin', 'admin', 3, true)")


def test_a_clerk_reads_the_toi_mat_case_but_cannot_change_it(department):
    cluster, profile, vs = department
    with _login(cluster, profile, "van_thu", CLERK_PW) as conn:
        assert _count(conn, "SELECT count(*) FROM cases") == 3
        assert conn.execute("UPDATE cases SET title = 'x' WHERE code = 'TM-2'").rowcount == 0
        assert conn.execute("UPDATE opinion_requests SET answer_ref = 'x' WHERE case_id = "
                            "(SELECT id FROM cases WHERE code = 'M-1')").rowcount == 0
        # an unclassified case is theirs to keep
        assert conn.execute("UPDATE cases SET content = 'bổ sung' WHERE code = 'T-0'"
                            ).rowcount == 1
        conn.rollback()

    # the program refuses the same, in one line, before the server has to
    clerk = open_as(vs, "van_thu", CLERK_PW)
    try:
        assert cases.get_case(clerk, "TM-2").row.title == "Thanh tra TM-2"
        with pytest.raises(PermissionDenied) as refused:
            case_edit.edit_case(clerk, "TM-2", {"content": "sửa"})
        assert render(refused.value.key, "vi", **refused.value.params) == (
            "Vai trò Văn thư không được sửa hồ sơ TM-2 (độ mật Tối mật): chỉ được sửa hồ sơ "
            "đến độ mật Thường.")
        with pytest.raises(PermissionDenied):
            cases.add_event(clerk, "M-1", Stage.ONSITE_ENDED, date(2026, 5, 2))
        with pytest.raises(PermissionDenied):
            cases.add_case(clerk, CaseInput(code="M-9", title="Mới", level=Level.MAT))
        case_edit.edit_case(clerk, "T-0", {"content": "bổ sung"})
        assert cases.get_case(clerk, "T-0").content == "bổ sung"
    finally:
        clerk.close()


def test_the_vault_refuses_a_clerk_the_same_change(vault):
    users.add_user(vault, "van_thu", Role.CLERK, Level.TOI_MAT, CLERK_PW)
    cases.add_case(vault, CaseInput(code="TM-2", title="Thanh tra", level=Level.TOI_MAT))
    clerk = open_as(vault, "van_thu", CLERK_PW)
    try:
        with pytest.raises(PermissionDenied):
            case_edit.edit_case(clerk, "TM-2", {"content": "sửa"})
    finally:
        clerk.close()


def test_the_audit_trail_is_appended_by_the_server_only(department):
    cluster, profile, vs = department
    with _login(cluster, profile, "tv_mat", INSPECTOR_PW) as conn:
        rows = _count(conn, "SELECT count(*) FROM audit_log")
        [(last_id, last_hash)] = conn.execute(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchall()
        # no row written by hand, none in another's name, none that breaks the chain
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO audit_log (id, at, username, action, target, detail, "
                         "prev_hash, hash) VALUES (%s, '2026-01-01', 'tv_mat', 'x', '', '{}', "
                         "%s, %s)", (last_id + 1, last_hash, last_hash))
        conn.rollback()
        [(next_id, prev, at)] = conn.execute("SELECT * FROM hoso_audit_next()").fetchall()
        assert (next_id, bytes(prev)) == (last_id + 1, bytes(last_hash))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="names"):
            conn.execute("SELECT hoso_audit_append(%s, %s, 'admin', 'user.add', '', '{}', "
                         "%s, %s, %s)", (next_id, at, b"k", b"h" * 32, b"s"))
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="chain"):
            conn.execute("SELECT hoso_audit_append(%s, %s, 'tv_mat', 'x', '', '{}', %s, %s, %s)",
                         (next_id, at, b"k", b"h" * 32, b"s"))
        conn.rollback()
        # nor back-dated: the time is the server's
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="time"):
            conn.execute("SELECT hoso_audit_append(%s, '2020-01-01T00:00:00.000000+00:00', "
                         "'tv_mat', 'x', '', '{}', %s, %s, %s)",
                         (next_id, b"k", b"h" * 32, b"s"))
        conn.rollback()
        assert _count(conn, "SELECT count(*) FROM audit_log") == rows

    # two users writing at once: the second waits for the first's chain, no fork
    inspector = open_as(vs, "tv_mat", INSPECTOR_PW)
    try:
        from threading import Thread
        work = [Thread(target=cases.get_case, args=(who, "M-1")) for who in (vs, inspector)
                for _ in range(5)]
        for thread in work:
            thread.start()
        for thread in work:
            thread.join()
        with _login(cluster, profile, "admin", PASSWORD) as admin:
            links = admin.execute("SELECT a.id FROM audit_log a JOIN audit_log b "
                                  "ON b.id = a.id - 1 WHERE a.prev_hash <> b.hash").fetchall()
            assert links == []
            assert _count(admin, "SELECT count(*) FROM audit_log WHERE action = 'case.read' "
                                 "AND target = 'M-1'") == 10
        with vs.uow() as uow:
            assert anchoring.verify_in(vs, uow.session).ok
    finally:
        inspector.close()


def test_a_connection_without_tls_is_refused_even_with_the_right_password(department):
    cluster, profile, _vs = department
    import json
    database = json.loads(profile.read_text(encoding="utf-8"))["database"]
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(host="127.0.0.1", port=cluster.port, dbname=database, user="tv_mat",
                        password=INSPECTOR_PW, sslmode="disable", connect_timeout=5)
    # (a certificate the profile's CA did not sign: test_server_connect)

"""A department's register on its PostgreSQL server, set up and used as a department
would: `hoso server init` by the database's owner, the profile handed to a workstation,
users with logins of their own, classified fields the server holds only sealed, the key
file on the server, and what only a vault on this machine can do refused in one line."""

import json

import psycopg
import pytest

from desktop.domain.messages import render
from tests.conftest import PASSWORD, run_hoso, server_cli, server_database

SECRET_TITLE = "Thanh tra nhà máy Z bí mật Quyết-Thắng"


def _login(cluster, profile, user, password):
    """A raw connection as `user`, over TLS, as a SQL console would make it."""
    data = json.loads(profile.read_text(encoding="utf-8"))
    return psycopg.connect(host="127.0.0.1", port=cluster.port, dbname=data["database"],
                           user=user, password=password, sslmode="verify-full",
                           sslrootcert=str(profile.parent / "ca.pem"), connect_timeout=5)


def _fails(args, stdin=PASSWORD + "\n"):
    result = run_hoso(args, stdin)
    assert result.returncode == 1
    line = result.stderr.strip()
    assert "\n" not in line and "Traceback" not in line and "psycopg" not in line, line
    return line


@pytest.fixture
def department(pg_cluster, tmp_path):
    return pg_cluster, server_database(pg_cluster, tmp_path / "profile")


def test_the_register_lives_on_the_server_with_classified_fields_sealed(department):
    cluster, profile = department
    hoso = server_cli(profile)
    hoso("case", "add", "--code", "M-1", "--title", SECRET_TITLE, "--party", "Nhà máy Z",
         "--level", "mat")
    hoso("case", "add", "--code", "T-1", "--title", "Thanh tra đất đai huyện Đông Anh")
    shown = json.loads(hoso("case", "show", "M-1", "--json"))
    assert shown["title"] == SECRET_TITLE
    assert "M-1" in hoso("case", "list", "--search", "nha may z")   # folded, sealed tokens
    assert "T-1" in hoso("case", "list", "--search", "dong anh")

    with _login(cluster, profile, "admin", PASSWORD) as conn:
        titles = dict(conn.execute("SELECT code, title FROM cases").fetchall())
        assert titles == {"M-1": "", "T-1": "Thanh tra đất đai huyện Đông Anh"}
        every_text = " ".join(str(row) for table in ("cases", "case_search",
                                                     "case_search_sealed", "audit_log")
                              for row in conn.execute(f"SELECT * FROM {table}"))
        # words of the sealed title, as text, folded or as the hex of a repr: none anywhere
        for word in ("nhà máy z", "nha may z", "quyết-thắng", "quyet-thang",
                     "quyết-thắng".encode().hex()):
            assert word not in every_text.lower(), word
        # the key file is on the server, its slots wrapped; nothing in clear
        [keyfile] = conn.execute("SELECT value FROM meta WHERE key = 'server.keyfile'").fetchone()
        assert set(json.loads(keyfile)["slots"]) == {"admin"}
        # the same folding as the vault's, in SQL
        assert conn.execute("SELECT hoso_fold('Đường Nguyễn Trãi ĐÔNG ANH')").fetchone() == (
            "duong nguyen trai dong anh",)


def test_users_sign_in_with_logins_of_their_own(department):
    cluster, profile = department
    hoso = server_cli(profile)
    first = "mat-khau-dau-tien"
    hoso_add = run_hoso(["--server", profile, "--user", "admin", "user", "add", "tv1", "--role",
                         "inspector", "--clearance", "thuong", "--password-stdin"],
                        f"{PASSWORD}\n{first}\n{first}\n")
    assert hoso_add.returncode == 0, hoso_add.stderr
    # the first sign-in changes the password: on the server too
    changed = run_hoso(["--server", profile, "--user", "tv1", "case", "list",
                        "--password-stdin"], f"{first}\nmat-khau-cua-tv1\n")
    assert changed.returncode == 0, changed.stderr
    with pytest.raises(psycopg.OperationalError):
        _login(cluster, profile, "tv1", first)
    _login(cluster, profile, "tv1", "mat-khau-cua-tv1").close()
    assert server_cli(profile, "tv1", "mat-khau-cua-tv1")("case", "list")

    # a user cannot rewrite the audit trail, even with their own login and a SQL console
    with _login(cluster, profile, "tv1", "mat-khau-cua-tv1") as conn:
        for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log",
                          "TRUNCATE audit_log"):
            with pytest.raises(psycopg.Error):
                conn.execute(statement)
            conn.rollback()

    # disabled in the program: disabled on the server
    hoso("user", "disable", "tv1")
    with pytest.raises(psycopg.OperationalError):
        _login(cluster, profile, "tv1", "mat-khau-cua-tv1")
    line = _fails(["--server", profile, "--user", "tv1", "case", "list", "--password-stdin"],
                  "mat-khau-cua-tv1\n")
    assert line == render("server.login_disabled", "vi")


def test_what_fails_says_so_in_one_line(department):
    cluster, profile = department
    dsn = json.loads(profile.read_text(encoding="utf-8"))["database"]
    owner = f"postgresql://postgres@/{dsn}?host={cluster.socket_dir}&port={cluster.port}"
    assert _fails(["server", "init", "--dsn", owner, "--admin", "admin", "--password-stdin"]
                  ) == render("server.already_initialised", "vi", database=dsn)
    assert _fails(["server", "init", "--dsn", "mysql://x@y/z", "--admin", "a",
                   "--password-stdin"]) == render("server.bad_dsn", "vi", dsn="mysql://x@y/z")
    assert _fails(["--server", profile, "--user", "admin", "case", "list", "--password-stdin"],
                  "sai-mat-khau\n") == render("server.bad_password", "vi")
    assert _fails(["--server", profile, "case", "list", "--password-stdin"]
                  ) == render("server.user_needed", "vi")
    for vault_only in (["backup", "/tmp/khong-dung"], ["remember"]):
        assert _fails(["--server", profile, "--user", "admin", *vault_only, "--password-stdin"]
                      ) == render("server.vault_only", "vi")
    # the check a server can have: audit chain, document files, key file (its pages are
    # PostgreSQL's own to check)
    checked = run_hoso(["--server", profile, "--user", "admin", "verify", "--json",
                        "--password-stdin"], PASSWORD + "\n")
    assert checked.returncode == 0 and json.loads(checked.stdout)["ok"] is True, checked.stderr
    # in English too, and HOSO_SERVER names the profile as --server does
    result = run_hoso(["--user", "admin", "--lang", "en", "backup", "/tmp/x", "--password-stdin"],
                      PASSWORD + "\n", env={"HOSO_SERVER": str(profile)})
    assert result.stderr.strip() == render("server.vault_only", "en")


def test_a_user_of_another_register_cannot_connect_to_this_one(pg_cluster, tmp_path):
    """Two departments' registers on one cluster: each database admits its own users."""
    ours = server_database(pg_cluster, tmp_path / "ours", in_process=True)
    theirs = server_database(pg_cluster, tmp_path / "theirs", in_process=True)
    r = run_hoso(["--server", theirs, "--user", "admin", "user", "add", "khac", "--role",
                  "inspector", "--password-stdin"], f"{PASSWORD}\nmat-khau-khac-1\n")
    assert r.returncode == 0, r.stderr
    _login(pg_cluster, theirs, "khac", "mat-khau-khac-1").close()
    with pytest.raises(psycopg.OperationalError) as refused:
        _login(pg_cluster, ours, "khac", "mat-khau-khac-1")
    assert "permission denied" in str(refused.value)

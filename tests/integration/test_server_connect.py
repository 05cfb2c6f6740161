"""Connecting to the department server with the profile an administrator hands out: TLS
checked against the profile's CA, a SCRAM password, the schema this program's. Each way it
can fail is one clear line in the user's language, never a driver's traceback."""

import json

import pytest
from sqlalchemy import create_engine, text

from desktop.domain.errors import HosoError
from desktop.domain.messages import render
from desktop.storage import migrate, server
from tests import pg_cluster as pg

PASSWORD = "mật-khẩu-máy-chủ 1"


@pytest.fixture(scope="module")
def department(pg_cluster):
    """A database set up for the program and a user who may sign in to it."""
    admin = create_engine(pg_cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in ("hoso_conn", "hoso_empty", "hoso_old", "hoso_new"):
            conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
            conn.execute(text(f"CREATE DATABASE {name}"))
        conn.execute(text("DROP ROLE IF EXISTS thanhtra1"))
        conn.execute(text(f"CREATE ROLE thanhtra1 LOGIN PASSWORD '{PASSWORD}'"))
    admin.dispose()
    for name, revision in (("hoso_conn", None), ("hoso_old", "0013"), ("hoso_new", None)):
        engine = create_engine(pg_cluster.url(name))
        migrate.upgrade(engine)
        with engine.begin() as conn:
            if revision:
                conn.execute(text(f"UPDATE alembic_version SET version_num = '{revision}'"))
            if name == "hoso_new":
                conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
            conn.execute(text("GRANT SELECT ON alembic_version TO thanhtra1"))
        engine.dispose()
    return pg_cluster


def _profile(tmp_path, cluster, **fields):
    (tmp_path / "ca.pem").write_bytes(cluster.ca_cert.read_bytes())
    data = {"name": "Thanh tra tỉnh", "host": "127.0.0.1", "port": cluster.port,
            "database": "hoso_conn", "ca_cert": "ca.pem", **fields}
    path = tmp_path / "may-chu.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return server.load_profile(path)


def _refusal(profile, user="thanhtra1", password=PASSWORD) -> HosoError:
    with pytest.raises(HosoError) as caught:
        server.connect(profile, user, password)
    for lang in ("vi", "en"):
        line = render(caught.value.key, lang, **caught.value.params)
        assert "\n" not in line and "Traceback" not in line and "psycopg" not in line
    return caught.value


def test_a_user_connects_over_tls_with_the_profile(department, tmp_path):
    profile = _profile(tmp_path, department)
    engine = server.connect(profile, "thanhtra1", PASSWORD)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                            ).scalar() is True
        assert conn.execute(text("SELECT current_user")).scalar() == "thanhtra1"
    engine.dispose()
    # by name too: the certificate names localhost
    server.connect(_profile(tmp_path, department, host="localhost"), "thanhtra1",
                   PASSWORD).dispose()


def test_a_wrong_password_is_one_line(department, tmp_path):
    assert _refusal(_profile(tmp_path, department), password="sai").key == "server.bad_password"
    assert _refusal(_profile(tmp_path, department), user="khong-co").key == "server.bad_password"


def test_a_server_whose_certificate_the_profile_does_not_vouch_for_is_refused(department,
                                                                              tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "data").mkdir()
    pg._tls_files(other, other / "data")       # another CA: an impostor's certificate chain
    profile = _profile(tmp_path, department)
    (tmp_path / "ca.pem").write_bytes((other / "ca.pem").read_bytes())
    assert _refusal(profile).key == "server.bad_certificate"


def test_a_profile_without_its_ca_certificate_is_refused_not_downgraded(department, tmp_path):
    with pytest.raises(HosoError) as caught:
        _profile(tmp_path, department, ca_cert=None)
    assert caught.value.key == "server.no_ca"


def test_an_unreachable_server_and_a_missing_database(department, tmp_path):
    assert _refusal(_profile(tmp_path, department, port=pg.free_port())).key == "server.unreachable"
    assert _refusal(_profile(tmp_path, department, database="khong_co")).key == \
        "server.no_database"


def test_the_schema_must_be_this_programs(department, tmp_path):
    assert _refusal(_profile(tmp_path, department, database="hoso_empty")).key == \
        "server.not_initialised"
    assert _refusal(_profile(tmp_path, department, database="hoso_old")).key == \
        "server.older_schema"
    assert _refusal(_profile(tmp_path, department, database="hoso_new")).key == \
        "server.newer_schema"


def test_a_broken_profile_says_which_field(tmp_path):
    path = tmp_path / "p.json"
    path.write_text('{"host": "10.0.0.5", "port": "năm"}', encoding="utf-8")
    with pytest.raises(HosoError) as caught:
        server.load_profile(path)
    assert caught.value.key == "server.profile_field" and caught.value.params["field"] == "port"
    path.write_text("không phải json", encoding="utf-8")
    with pytest.raises(HosoError) as caught:
        server.load_profile(path)
    assert caught.value.key == "server.profile_unreadable"

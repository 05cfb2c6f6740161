"""Moving a workstation's vault to the department server, as its administrator would:
`hoso server import-vault`, then everyone signs in to the server and finds their register —
classified fields and documents still sealed and readable to whoever is cleared, the audit
chain verifiable with the import as its last row, each other user with a first password."""

import json

from sqlalchemy import create_engine, text

from tests.conftest import PASSWORD, admin_cli, run_hoso, server_cli

PW = PASSWORD + "\n"
SECRET = "Kết luận mật về nhà máy Z"


def _new_database(cluster, name):
    owner = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    owner.dispose()
    return f"postgresql://postgres@/{name}?host={cluster.socket_dir}&port={cluster.port}"


def _profile(cluster, folder, database):
    folder.mkdir()
    (folder / "ca.pem").write_bytes(cluster.ca_cert.read_bytes())
    profile = folder / "may-chu.json"
    profile.write_text(json.dumps({"host": "127.0.0.1", "port": cluster.port,
                                   "database": database, "ca_cert": "ca.pem"}))
    return profile


def test_a_vault_moves_to_the_server_whole(pg_cluster, tmp_path):
    vault = tmp_path / "vault"
    hoso = admin_cli(vault)
    hoso("case", "add", "--code", "M-1", "--title", "Thanh tra nhà máy Z", "--level", "mat",
         "--team", "Nguyễn Văn An:trưởng đoàn", "--decision-number", "5/QĐ",
         "--decision-date", "05/01/2024")
    hoso("case", "event", "M-1", "announced", "--date", "15/01/2024")
    source = tmp_path / "ket-luan.txt"
    source.write_text(SECRET * 40, encoding="utf-8")
    doc = json.loads(hoso("doc", "add", "M-1", source, "--number", "7/KL", "--type", "KL",
                          "--level", "Tối mật", "--date", "02/03/2024", "--json"))
    r = run_hoso(["--vault", vault, "user", "add", "insp", "--role", "inspector", "--clearance",
                  "mat", "--password-stdin"], PW + "insp-first-pw\ninsp-first-pw\n")
    assert r.returncode == 0, r.stderr

    dsn = _new_database(pg_cluster, "hoso_import")
    r = run_hoso(["server", "import-vault", vault, "--dsn", dsn, "--user", "admin", "--json",
                  "--password-stdin"], PW)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["matches"] and report["blobs"] == 1
    assert report["counts"]["cases"] == {"vault": 1, "server": 1}
    assert report["counts"]["audit_log"]["server"] == report["counts"]["audit_log"]["vault"] > 5
    assert set(report["first_passwords"]) == {"insp"}

    # a second import into the same database changes nothing
    again = run_hoso(["server", "import-vault", vault, "--dsn", dsn, "--user", "admin",
                      "--password-stdin"], PW)
    assert again.returncode == 1 and "đã được khởi tạo" in again.stderr

    profile = _profile(pg_cluster, tmp_path / "profile", "hoso_import")
    on_server = server_cli(profile)
    shown = json.loads(on_server("case", "show", "M-1", "--json"))
    assert shown["title"] == "Thanh tra nhà máy Z" and shown["stage"] == "announced"
    out = tmp_path / "out"
    out.mkdir()
    on_server("doc", "export", str(doc["id"]), out, "--reason", "kiểm tra sau khi chuyển")
    [exported] = list(out.iterdir())
    assert exported.read_text(encoding="utf-8") == SECRET * 40
    assert on_server("audit", "verify").startswith("OK,")
    last = json.loads(on_server("audit", "list", "--limit", "30", "--json"))
    assert "server.import" in [row["action"] for row in last]

    # the inspector signs in with the first password, sets their own, sees the Mật case
    first = report["first_passwords"]["insp"]
    r = run_hoso(["--server", profile, "--user", "insp", "case", "list", "--password-stdin"],
                 f"{first}\nmat-khau-cua-insp\n")
    assert r.returncode == 0 and "M-1" in r.stdout, r.stderr
    # and cannot open the Tối mật document: the server holds it sealed above their clearance
    refused = run_hoso(["--server", profile, "--user", "insp", "doc", "export", str(doc["id"]),
                        tmp_path, "--reason", "x", "--password-stdin"], "mat-khau-cua-insp\n")
    assert refused.returncode == 1 and "không đủ độ mật" in refused.stderr

    # the database's superuser, reading every table of the register, finds no clear text
    # of the case's title, its team or the document, and no level key (raw or as hex)
    from desktop.services import levels, server_service
    vs = server_service.sign_in(profile, "admin", PASSWORD)
    try:
        with vs.uow() as uow:
            level_keys = list(levels.level_key_ring(vs, uow.session).values())
    finally:
        vs.close()
    assert len(level_keys) >= 4
    engine = create_engine(pg_cluster.url("hoso_import"))
    with engine.connect() as conn:
        tables = conn.execute(text("SELECT tablename FROM pg_tables "
                                   "WHERE schemaname = 'public'")).scalars().all()
        raw = conn.connection.driver_connection
        dump = bytearray()
        for table in tables:
            with raw.cursor().copy(f"COPY (SELECT * FROM {table}) TO STDOUT") as copy:
                for chunk in copy:
                    dump += bytes(chunk)
    engine.dispose()
    assert len(tables) > 30 and len(dump) > 10_000
    dump_text = bytes(dump).decode("utf-8", "replace").lower()
    for clear in ("nhà máy z", "kết luận mật", "nguyễn văn an"):
        assert clear not in dump_text, clear
        assert clear.encode().hex() not in dump_text, clear
    for key in level_keys:
        assert key not in dump and key.hex() not in dump_text

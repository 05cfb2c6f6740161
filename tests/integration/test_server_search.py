"""The department server finds the same cases as the vault for the same words: the same
folded bodies written into the vault's FTS5 table and the server's trigram-indexed table
(storage/search.py), the same queries — accents or none, prefixes, several words in any
order, codes with their punctuation — the same case ids."""

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from desktop.storage import migrate, search
from desktop.storage.engine import make_engine

BODIES = {
    1: ["TT-2023-000299", "Thanh tra việc quản lý, sử dụng đất đai tại Sở Tài nguyên và Môi "
        "trường tỉnh Bình Dương", "UBND tỉnh Bình Dương", "85/QĐ-TTCP", "Đoàn Thị Hương"],
    2: ["TT-2024-000012", "Thanh tra công tác cổ phần hóa Tổng công ty Đường sắt",
        "Tổng công ty Đường sắt Việt Nam", "12/QĐ-TTr", "Trần Minh Đức"],
    3: ["C2-2023-01", "Thanh tra việc quản lý, sử dụng vốn đầu tư công và đất đai tại các khu "
        "công nghiệp", "UBND tỉnh Đồng Nai", "85/QĐ-TTCP", "Ngô Quang Đạt"],
    4: ["TT-2023-000300", "Thanh tra quỹ bảo hiểm y tế", "Bảo hiểm xã hội tỉnh Bình Định",
        "", "Lý Văn Đạo"],
}
QUERIES = ["duong", "Đường", "binh", "bình dương", "dương bình", "dat dai", "đất đai binh",
           "TT-2023", "tt 2023 000299", "85/QĐ-TTCP", "qd-ttcp", "tran thi", "huong",
           "bao hiem", "co phan hoa", "cong", "khu cong nghiep dong nai", "nguyen moi",
           "2024", "xyz", "đạo", "a", "ong", "uong", "tra thanh"]


def _ids(session, query: str) -> set[int]:
    params = search.match_params(session, query, 0)
    if not params:
        return set()
    return set(session.execute(text(search.matching_ids_sql(session)), params).scalars())


def test_the_server_and_the_vault_find_the_same_cases(pg_cluster, tmp_path):
    rows = [(case_id, search.body(parts)) for case_id, parts in BODIES.items()]
    vault = make_engine(tmp_path / "vault.db", None)
    migrate.upgrade(vault)
    with create_engine(pg_cluster.url(), isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS hoso_search"))
        conn.execute(text("CREATE DATABASE hoso_search"))
    server = create_engine(pg_cluster.url("hoso_search"))
    migrate.upgrade(server)
    for engine in (vault, server):
        with Session(engine) as session, session.begin():
            search.write(session, rows, fresh=True)
            search.write(session, rows[:1])   # a rewrite replaces, never doubles
    with Session(vault) as in_vault, Session(server) as on_server:
        assert search.on_server(on_server) and not search.on_server(in_vault)
        found = {q: _ids(in_vault, q) for q in QUERIES}
        assert found["duong"] == {1, 2} and found["dương bình"] == {1}
        assert found["xyz"] == set() and found["85/QĐ-TTCP"] == {1, 3}
        assert found["ong"] == set()   # a word's prefix, not any piece of it
        for query in QUERIES:
            assert _ids(on_server, query) == found[query], query
    server.dispose()
    vault.dispose()

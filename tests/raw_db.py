"""The register's database as someone holding its credentials sees it, past the program:
the vault's SQLCipher file opened with its key, or the department server's PostgreSQL with
the user's own login (psycopg, without the program's opening of sealed fields). Statements
are written in SQLite's dialect ("?" parameters) and run on either."""

from __future__ import annotations

from typing import Any


class _ServerConnection:
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Any = ()) -> Any:
        from desktop.storage.repos.driver import server_sql
        return self.conn.execute(server_sql(sql), params)

    def commit(self) -> None:
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()


def raw(vs) -> Any:
    if vs.server:
        import psycopg
        url = vs.engine.url
        return _ServerConnection(psycopg.connect(
            host=url.host, port=url.port, dbname=url.database, user=url.username,
            password=url.password, **{k: v for k, v in url.query.items()
                                      if k in ("sslmode", "sslrootcert")}))
    import sqlcipher3
    conn = sqlcipher3.connect(str(vs.vault_dir / "hoso.db"))
    conn.execute(f"PRAGMA key = \"x'{vs.keys.db_key.hex()}'\"")
    return conn

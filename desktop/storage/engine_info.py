"""What the encrypted database engine on this workstation is: SQLCipher's and SQLite's
versions and whether FTS5 (the search) is built in — for the workstation check."""

from __future__ import annotations


def sqlcipher_facts() -> dict[str, str | bool]:
    """{"cipher": version or "", "sqlite": version, "fts5": bool, "error": reason or ""},
    read from a throw-away in-memory database (nothing is written)."""
    try:
        import sqlcipher3
    except ImportError as exc:
        return {"cipher": "", "sqlite": "", "fts5": False, "error": str(exc)}
    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA key = 'check'")
        row = conn.execute("PRAGMA cipher_version").fetchone()
        sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
        try:
            conn.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
            fts5 = True
        except sqlcipher3.OperationalError:
            fts5 = False
        return {"cipher": row[0] if row else "", "sqlite": sqlite, "fts5": fts5, "error": ""}
    finally:
        conn.close()

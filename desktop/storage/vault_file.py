"""The vault's database file through SQLCipher itself, past SQLAlchemy and on connections
of its own: every page read back for a check (services.integrity says what the result
means), and the copy a backup makes while the vault is in use."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class PageCheck:
    """What reading every page of a database file found."""

    pages: int = 0
    # `PRAGMA cipher_integrity_check`'s lines: a page each whose HMAC fails
    bad: list[str] = field(default_factory=list)
    # `PRAGMA integrity_check(100)`'s rows (["ok"] for a sound structure); None when it was
    # not run (some pages are not authentic) or the file could not be read
    structure: list[str] | None = None
    # the driver's message when the file does not open, or its first page is damaged
    unreadable: str | None = None


def check_pages(db_key: bytes, db_file: Path, read_only: bool = False) -> PageCheck:
    """Every page of one database file, on a connection of its own. SQLCipher checks a
    page's HMAC only when it reads the page, so damage elsewhere stays silent until
    `PRAGMA cipher_integrity_check` reads them all; then SQLite's own `integrity_check`
    for the structure (a page can be authentic and still hold a broken b-tree, e.g. a
    file written half-way). `read_only`: the file is on read-only media."""
    import sqlcipher3
    try:
        if read_only:   # read-only media: no journal, no locks
            conn = sqlcipher3.connect(f"file:{db_file}?mode=ro&immutable=1", uri=True)
        else:
            conn = sqlcipher3.connect(str(db_file), timeout=30)
    except sqlcipher3.Error as exc:
        return PageCheck(unreadable=str(exc))
    try:
        conn.execute(f"PRAGMA key = \"x'{db_key.hex()}'\"")
        pages: int = conn.execute("PRAGMA page_count").fetchone()[0]
        bad: list[str] = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
        structure: list[str] | None = None
        if not bad:   # the structure is worth reading only over authentic pages
            structure = [r[0] for r in conn.execute("PRAGMA integrity_check(100)")]
        return PageCheck(pages, bad, structure)
    except sqlcipher3.Error as exc:   # the first page itself (salt, header) is damaged
        return PageCheck(unreadable=str(exc))
    finally:
        conn.close()


def copy_database(db_key: bytes, src: Path, dest: Path) -> None:
    """`src` into `dest`, a new file (private), through SQLCipher's online backup API:
    consistent while the vault is in use."""
    import sqlcipher3
    pragma = f"PRAGMA key = \"x'{db_key.hex()}'\""
    os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    source = sqlcipher3.connect(str(src), timeout=30)
    target = sqlcipher3.connect(str(dest))
    try:
        source.execute(pragma)
        target.execute(pragma)
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()

"""The key file of a department server, kept on the server: the same signed JSON as a
vault's keys.json (security.keyfile), in one row of `meta`. Every slot in it is wrapped
by its user's password (Argon2id) and the whole carries the register's HMAC, so the
server's administrator holds no key by holding the row."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, text

ROW = "server.keyfile"
_LOCK = 0x686F736F   # "hoso": the advisory lock held across a read-modify-write of the row


class ServerKeyStore:
    """`within`: a connection in a transaction of the caller's (founding a register writes
    its records, logins and key file as one)."""

    def __init__(self, engine: Engine, label: str = "", within: Connection | None = None
                 ) -> None:
        self.engine = engine
        self.within = within
        self.label = label or f"{engine.url.host or 'localhost'}/{engine.url.database}"

    @contextmanager
    def _conn(self, write: bool) -> Iterator[Connection]:
        if self.within is not None:
            yield self.within
        elif write:
            with self.engine.begin() as conn:
                yield conn
        else:
            with self.engine.connect() as conn:
                yield conn

    def __str__(self) -> str:
        return f"{self.label} (meta.{ROW})"

    def read(self) -> bytes:
        with self._conn(False) as conn:
            body = conn.execute(text("SELECT value FROM meta WHERE key = :k"),
                                {"k": ROW}).scalar()
        if body is None:
            raise FileNotFoundError(ROW)
        return str(body).encode("utf-8")

    def write(self, data: bytes) -> None:
        with self._conn(True) as conn:
            conn.execute(text("INSERT INTO meta (key, value) VALUES (:k, :v) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                         {"k": ROW, "v": data.decode("utf-8")})

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Two workstations changing slots at once do not lose each other's change."""
        with self._conn(True) as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK})
            yield

    def exists(self) -> bool:
        try:
            self.read()
        except FileNotFoundError:
            return False
        return True

"""The department server (PostgreSQL): the connection profile an administrator hands to each
workstation, the engine over it, and what a failure to connect means for the user.

A profile is a small JSON file: {"name": …, "host": …, "port": 5432, "database": "hoso",
"ca_cert": "ca.pem"}. Over the network the connection is always TLS with the server's
certificate checked against that CA and host name (sslmode=verify-full): a profile without
its CA certificate is refused, never downgraded. A host that is a folder (a Unix socket on
the same machine) needs no TLS: the operating system says who connects."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError

from desktop.domain.errors import HosoError
from desktop.storage import migrate, sealed, server_notices

CONNECT_SECONDS = 5   # an unreachable server is said within this, not after minutes


@dataclass(frozen=True)
class ServerProfile:
    host: str
    port: int = 5432
    database: str = "hoso"
    ca_cert: Path | None = None
    name: str = ""

    @property
    def on_this_machine(self) -> bool:
        return self.host.startswith("/")

    def label(self) -> str:
        return self.name or f"{self.host}:{self.port}/{self.database}"


def load_profile(path: Path | str) -> ServerProfile:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HosoError("server.profile_unreadable", path=str(path),
                        reason=getattr(exc, "strerror", None) or type(exc).__name__) from exc
    if not isinstance(data, dict):
        raise HosoError("server.profile_field", path=str(path), field="{…}")
    host = data.get("host")
    if not isinstance(host, str) or not host.strip():
        raise HosoError("server.profile_field", path=str(path), field="host")
    port = data.get("port", 5432)
    if not isinstance(port, int) or not 0 < port < 65536:
        raise HosoError("server.profile_field", path=str(path), field="port")
    database = data.get("database", "hoso")
    if not isinstance(database, str) or not database.strip():
        raise HosoError("server.profile_field", path=str(path), field="database")
    ca = data.get("ca_cert")
    ca_path = (path.parent / ca) if isinstance(ca, str) and ca else None
    profile = ServerProfile(host.strip(), port, database.strip(), ca_path,
                            str(data.get("name", "")))
    if not profile.on_this_machine and (ca_path is None or not ca_path.is_file()):
        raise HosoError("server.no_ca", path=str(ca_path or path))
    return profile


def url(profile: ServerProfile, user: str, password: str, database: str | None = None) -> URL:
    # keepalives: a network that drops silently is noticed in about 20 s, not hours
    query = {"application_name": "hoso", "connect_timeout": str(CONNECT_SECONDS),
             "keepalives": "1", "keepalives_idle": "10", "keepalives_interval": "3",
             "keepalives_count": "3"}
    if profile.on_this_machine:
        query["host"] = profile.host
        host = None
    else:
        host = profile.host
        query.update(sslmode="verify-full", sslrootcert=str(profile.ca_cert))
    return URL.create("postgresql+psycopg", username=user, password=password or None,
                      host=host, port=profile.port, database=database or profile.database,
                      query=query)


def make_engine(profile: ServerProfile, user: str, password: str,
                database: str | None = None) -> Engine:
    # pre-ping: a connection the network dropped is replaced before use, not failed on
    return _opening(create_engine(url(profile, user, password, database), pool_pre_ping=True,
                                  pool_size=2, max_overflow=2, connect_args=_NOT_PREPARED))


# psycopg prepares a statement run five times; the server then plans it once for any
# words, and a search planned for a rare word walked 100 000 cases for a common one
_NOT_PREPARED: dict[str, Any] = {"prepare_threshold": None}


def _opening(engine: Engine) -> Engine:
    """Sealed fields read through SQL are opened on each connection (storage.sealed)."""
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        sealed.register_server(engine, dbapi_conn)
        server_notices.note_connection(engine, dbapi_conn)
    return engine


def explain(exc: BaseException, profile: ServerProfile) -> HosoError:
    """The one line a user reads for a failure to connect."""
    text_ = str(getattr(exc, "orig", None) or exc)
    low = text_.lower()
    where = {"host": profile.host, "port": profile.port}
    if "password authentication failed" in low or "no password supplied" in low \
            or "role" in low and "does not exist" in low:
        return HosoError("server.bad_password")
    # the server's chain or name did not check out ("certificate verify failed", OpenSSL 3's
    # "SSL error: provider signature failure"), or it offers no TLS at all
    if "not permitted to log in" in low:
        return HosoError("server.login_disabled")
    if "certificate" in low or "ssl error" in low or "does not support ssl" in low:
        return HosoError("server.bad_certificate", host=profile.host)
    if "database" in low and "does not exist" in low:
        return HosoError("server.no_database", host=profile.host, database=profile.database)
    if any(s in low for s in ("connection refused", "could not connect", "timeout expired",
                              "timed out", "no such file or directory", "could not translate",
                              "name or service not known", "network is unreachable",
                              "no route to host", "server closed the connection")):
        return HosoError("server.unreachable", **where)
    return HosoError("server.failed", reason=text_.strip().splitlines()[0] if text_ else "?")


def connect(profile: ServerProfile, user: str, password: str) -> Engine:
    """An engine over the department's database, checked: reachable, the certificate and
    password accepted, the schema this program's. Each failure is one HosoError."""
    engine = make_engine(profile, user, password)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        current = migrate.current_revision(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise explain(exc, profile) from None
    if current is None:
        engine.dispose()
        raise HosoError("server.not_initialised", database=profile.database)
    if current != migrate.head_revision():
        engine.dispose()
        raise HosoError("server.newer_schema" if not migrate.known_revision(current)
                        else "server.older_schema")
    return engine


def owner_engine(dsn: str) -> tuple[Engine, ServerProfile]:
    """An engine from an address the server's administrator gives `hoso server init`
    (postgresql://owner@host:port/database?sslmode=…): the database's owner sets it up.
    Checked at once: unreachable, refused or missing database is one line."""
    try:
        address = make_url(dsn)
    except ArgumentError:
        raise HosoError("server.bad_dsn", dsn=dsn) from None
    if address.get_backend_name() not in ("postgresql", "postgres") or not address.database:
        raise HosoError("server.bad_dsn", dsn=dsn)
    host = str(address.query.get("host") or address.host or "localhost")
    port = address.port or address.query.get("port") or 5432
    try:
        profile = ServerProfile(host, int(str(port)), address.database)
    except ValueError:
        raise HosoError("server.bad_dsn", dsn=dsn) from None
    query = dict(address.query)
    query.setdefault("connect_timeout", str(CONNECT_SECONDS))
    engine = _opening(create_engine(address.set(drivername="postgresql+psycopg", query=query),
                                    pool_size=2, max_overflow=2, connect_args=_NOT_PREPARED))
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        engine.dispose()
        raise explain(exc, profile) from None
    return engine, profile

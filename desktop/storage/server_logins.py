"""Each user of a department server signs in to PostgreSQL as a login role of their own
(the same name and password as in the program). The password reaches the server only as
a SCRAM-SHA-256 verifier computed here — never in clear, not even in the server's
statement log — and the roles share a group role holding the register's privileges
(one per database: a register's users have no right on another register's database)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

def group_of(database: str) -> str:
    """The register's group role: one per database, so the users of one register have no
    right on another in the same cluster ("hoso_users" for the database "hoso")."""
    return _role(f"{database}_users"[:63])


def _group(conn: Connection) -> str:
    return group_of(str(conn.execute(text("SELECT current_database()")).scalar()))
ITERATIONS = 4096   # PostgreSQL's own default for scram_iterations


def scram_verifier(password: str, salt: bytes | None = None,
                   iterations: int = ITERATIONS) -> str:
    """What `CREATE ROLE … PASSWORD` stores (RFC 5802/7677). SASLprep is approximated by
    NFKC, which is what it does for the passwords people type."""
    salt = salt or os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", unicodedata.normalize("NFKC", password).encode(),
                                 salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    return (f"SCRAM-SHA-256${iterations}:{_b64(salt)}${_b64(stored_key)}:"
            f"{_b64(server_key)}")


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _conn(where: Connection | Session) -> Connection:
    """The services hand their unit of work's session: a role changes with the records."""
    return where.connection() if isinstance(where, Session) else where


def _role(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def prepare_group(conn: Connection, database: str) -> None:
    """The group role and its privileges on the register (run by the database's owner).
    The audit trail may be read and appended to, never changed (its triggers say so too);
    nobody else may connect to the database."""
    group = group_of(database)
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                          {"n": f"{database}_users"[:63]}).scalar()
    if not exists:
        conn.execute(text(f"CREATE ROLE {group} NOLOGIN"))
    conn.execute(text(f"REVOKE CONNECT ON DATABASE {_role(database)} FROM PUBLIC"))
    conn.execute(text(f"GRANT CONNECT ON DATABASE {_role(database)} TO {group}"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {group}"))
    conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                      f"TO {group}"))
    # appended through hoso_audit_append() only, which chains it (server_policies)
    conn.execute(text(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM {group}"))
    conn.execute(text(f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {group}"))
    # who may read and change what: through hoso_set_access() only (server_policies)
    conn.execute(text(f"REVOKE ALL ON server_access FROM {group}"))
    conn.execute(text(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public "
                      f"TO {group}"))


def create(where: Connection | Session, name: str, password: str,
           administrator: bool = False) -> None:
    """A login role for a new user (or a fresh password for a role left from before).
    An administrator may create the logins of the users they add (CREATEROLE)."""
    conn = _conn(where)
    verifier = _literal(scram_verifier(password))
    extra = " CREATEROLE" if administrator else ""
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                          {"n": name}).scalar()
    verb = "ALTER" if exists else "CREATE"
    conn.exec_driver_sql(f"{verb} ROLE {_role(name)} LOGIN{extra} PASSWORD {verifier}")
    if administrator:
        # PostgreSQL 16+ lets a CREATEROLE role administer only roles it created or was
        # given; the group is handed over so new users can be made members of it
        conn.execute(text(f"GRANT {_group(conn)} TO {_role(name)} WITH ADMIN OPTION"))
    else:
        conn.execute(text(f"GRANT {_group(conn)} TO {_role(name)}"))


def set_password(where: Connection | Session, name: str, password: str) -> None:
    conn = _conn(where)
    # the driver's own call: a verifier's ":" is no bind parameter
    conn.exec_driver_sql(f"ALTER ROLE {_role(name)} PASSWORD {_literal(scram_verifier(password))}")


def set_enabled(where: Connection | Session, name: str, enabled: bool) -> None:
    _conn(where).exec_driver_sql(f"ALTER ROLE {_role(name)} {'LOGIN' if enabled else 'NOLOGIN'}")


def seed_access(conn: Connection, name: str, role: str, clearance: int,
                active: bool = True) -> None:
    """The server's own record of a login's role and clearance, written by the database's
    owner (setting up the register, moving a vault in)."""
    conn.execute(text("INSERT INTO server_access (login, role, clearance, active) "
                      "VALUES (:n, :r, :c, :a) ON CONFLICT (login) DO UPDATE SET "
                      "role = EXCLUDED.role, clearance = EXCLUDED.clearance, "
                      "active = EXCLUDED.active"),
                 {"n": name, "r": role, "c": int(clearance), "a": active})


def set_access(where: Connection | Session, name: str, role: str, clearance: int,
               active: bool) -> None:
    """An administrator's change of a login's role, clearance or active flag, made by the
    server's function, which checks the caller (the table itself is closed to users)."""
    _conn(where).execute(text("SELECT hoso_set_access(:n, :r, :c, :a)"),
                         {"n": name, "r": role, "c": int(clearance), "a": active})


def access(where: Connection | Session) -> tuple[str, int] | None:
    """(role, clearance) the server holds for the signed-in login; None without one."""
    row = _conn(where).execute(text("SELECT role, clearance FROM hoso_access()")).first()
    return (str(row[0]), int(row[1])) if row else None

"""The department server as a register: founding it (`hoso server init`) and signing in.

Everything a vault holds is on the server — records, the root of trust, certificates,
grants, the audit chain, and the key file (security.keyfile) in a row of its own — so any
workstation with a connection profile opens the same register. What stays on the
workstation is the user's own: the audit anchor and the failed-attempt counts, in a
folder per server under the user's profile."""

from __future__ import annotations

import uuid
from pathlib import Path

from desktop.domain.errors import HosoError, VaultDamaged
from desktop.domain.levels import Level, Role
from desktop.security import anchors
from desktop.security import vault as vault_files
from desktop.security.crypto import new_signing_key
from desktop.security.keyfile import KeyFile
from desktop.services import record_sealing, vault_service
from desktop.services.context import VaultSession
from desktop.storage import migrate, opening, server, server_logins
from desktop.storage.server_keys import ServerKeyStore


def local_folder(vault_id: str) -> Path:
    """This workstation's folder for a server's register (attempt counts), 0700."""
    folder = anchors.profile_dir() / "servers" / vault_id
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def is_initialised(engine: opening.Engine) -> bool:
    return migrate.current_revision(engine) is not None and ServerKeyStore(engine).exists()


def init_server(engine: opening.Engine, database: str, admin: str, password: str,
                full_name: str = "", label: str = "") -> VaultSession:
    """Create the schema, the first administrator (a login role of their own, with the
    right to create the other users' logins) and the register's keys — one transaction
    after the schema: a failure leaves no half-founded register. `engine` connects as
    the database's owner."""
    vault_files.check_user_name(admin)
    vault_files.check_password(password)
    if is_initialised(engine):
        raise HosoError("server.already_initialised", database=database)
    migrate.upgrade(engine, database)
    root_priv, root_pub = new_signing_key()
    vault_id = uuid.uuid4().hex
    with opening.transaction(engine) as session:
        conn = session.connection()
        store = ServerKeyStore(engine, label, within=conn)
        keys = vault_files.new_keys(store, local_folder(vault_id), admin, password, root_pub,
                                    vault_id)
        vault_service.found_records(session, keys, root_priv, root_pub, full_name)
        server_logins.prepare_group(conn, database)
        server_logins.create(conn, admin, password, administrator=True)
        server_logins.seed_access(conn, admin, Role.ADMIN.value, int(Level.TUYET_MAT))
        keys.keyfile.save(keys.db_key)
    keys.keyfile.path = ServerKeyStore(engine, label)
    vs = vault_service.session_for(engine, keys)
    vs.server = label or database
    record_sealing.seal_pending(vs)
    return vs


def open_server(engine: opening.Engine, user: str, password: str, label: str = "",
                accept_rollback: bool = False) -> VaultSession:
    """Sign in to the register on a server `engine` is connected to (as `user`)."""
    store = ServerKeyStore(engine, label)
    try:
        keyfile = KeyFile.load(store)
    except FileNotFoundError:
        engine.dispose()
        raise HosoError("server.not_initialised", database=engine.url.database or "") from None
    if opening.vault_id(engine) != keyfile.vault_id:
        engine.dispose()
        raise VaultDamaged("vault.db_mismatch", path=str(store))
    try:
        keys = vault_files.unlock_keyfile(keyfile, local_folder(keyfile.vault_id), user,
                                          password)
    except BaseException:
        engine.dispose()
        raise
    vs = vault_service.open_on(engine, keys, accept_rollback)
    vs.server = label or str(engine.url.database)
    return vs


def sign_in(profile_path: Path | str, user: str | None, password: str,
            accept_rollback: bool = False) -> VaultSession:
    """Connect with the profile an administrator handed out, as `user`, and open the
    register: each failure (profile, network, certificate, password, schema) one line."""
    profile = server.load_profile(profile_path)
    if not user:
        raise HosoError("server.user_needed")
    engine = server.connect(profile, user, password)
    return open_server(engine, user, password, profile.label(), accept_rollback)


def found(dsn: str, admin: str, password: str, full_name: str = "") -> str:
    """`hoso server init`: set up the database an address names; returns its label."""
    engine, profile = server.owner_engine(dsn)
    try:
        init_server(engine, profile.database, admin, password, full_name,
                    profile.label()).close()
    finally:
        engine.dispose()
    return profile.label()


def profile_label(profile_path: Path | str) -> str:
    """The server's name as its profile gives it (HosoError if the profile is unusable)."""
    return server.load_profile(profile_path).label()

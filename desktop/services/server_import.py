"""Moving a workstation's vault to the department server (`hoso server import-vault`).

The register is copied row for row (storage.register_copy) with the vault's key file, so
everything bound to the register's id and row ids stays valid and the server receives
nothing in clear: sealed fields, documents' encrypted files and wrapped content keys, the
level keys sealed per user, the audit chain (verifiable as it was, then one row saying it
was imported, with the counts). Each other user gets a first password to change at their
first sign-in — with fresh key pairs, their clearance re-granted to them (users.
reset_password): the passwords they had in the vault are not the server's to know."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.errors import HosoError, PermissionDenied
from desktop.security import vault as vault_files
from desktop.security.keyfile import KeyFile
from desktop.services import audit_log, server_service, users, vault_service
from desktop.storage import migrate, opening, register_copy, server, server_logins
from desktop.storage.blob_rows import BlobRows
from desktop.storage.server_keys import ServerKeyStore


@dataclass
class ImportReport:
    server: str
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # table: (vault, server)
    blobs: int = 0
    first_passwords: dict[str, str] = field(default_factory=dict)

    @property
    def matches(self) -> bool:
        return all(a == b for a, b in self.counts.values())


def import_vault(vault_path: Path, user: str | None, password: str, dsn: str) -> ImportReport:
    vs = vault_service.open_vault(Path(vault_path), user, password)
    try:
        if not vs.actor.is_admin:
            raise PermissionDenied("perm.admin_only")
        return _into_server(vs, password, dsn)
    finally:
        vs.close()


def _into_server(vs, password: str, dsn: str) -> ImportReport:
    engine, profile = server.owner_engine(dsn)
    try:
        if not register_copy.is_empty(engine):
            raise HosoError("server.already_initialised", database=profile.database)
        migrate.upgrade(engine, profile.database)
        names = register_copy.copied_tables()
        report = ImportReport(profile.label())
        before = register_copy.counts(vs.engine, names)
        accounts = users.list_users(vs)
        admin = vs.actor.username
        with opening.transaction(engine) as session:
            conn = session.connection()
            register_copy.copy(vs.engine, conn)
            after = register_copy.counts(conn, names)   # the copy itself, before any row of ours
            keyfile = KeyFile.load(vs.keys.keyfile.path)
            keyfile.path = ServerKeyStore(engine, profile.label(), within=conn)
            keyfile.save(vs.keys.db_key)
            server_logins.prepare_group(conn, profile.database)
            for account in accounts:
                # the others' logins get their first password below, with their new keys
                server_logins.create(conn, account.username,
                                     password if account.username == admin
                                     else users.generate_password(),
                                     administrator=account.role.value == "admin")
                if not account.active:
                    server_logins.set_enabled(conn, account.username, False)
                if account.trusted:   # an account whose certificate fails gets no access
                    server_logins.seed_access(conn, account.username, account.role.value,
                                              int(account.clearance), account.active)
        report.blobs = _copy_blobs(vs, engine)
        svs = server_service.open_server(engine, admin, password, profile.label())
        try:
            for account in accounts:
                if account.username != admin and account.active and account.trusted:
                    first = users.generate_password()
                    users.reset_password(svs, account.username, first)
                    report.first_passwords[account.username] = first
            report.counts = {n: (before[n], after[n]) for n in names}
            with svs.uow() as uow:
                audit_log.append(uow.session, svs.signer, admin, "server.import",
                                 vs.keys.vault_id, blobs=report.blobs,
                                 rows={n: v for n, (v, _s) in report.counts.items() if v},
                                 first_passwords=sorted(report.first_passwords))
                uow.commit()
        finally:
            svs.close()
        return report
    finally:
        engine.dispose()


def _copy_blobs(vs, engine) -> int:
    """Each document file, as the ciphertext it is, into the server's blob table."""
    folder = Path(vs.vault_dir) / vault_files.BLOBS_NAME
    rows = BlobRows(engine)
    copied = 0
    for path in sorted(folder.glob("*/*.blob")):
        rows.put(path.stem, path)
        copied += 1
    return copied

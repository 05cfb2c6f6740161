"""Upgrading a vault from before signed records, in place, by an administrator.

The administrator's login does it, after a backup of the vault beside it: a root of
trust is created and pinned in the administrator's slot, every account is certified
as the database has it at that moment, the level keys the administrator holds get signed
fingerprints, every grant is signed, and the audit trail goes on with a signed
"vault.upgrade" row that commits to the old HMAC chain's head (which stays verifiable).

Other users' slots cannot be changed without their passwords, and their signing keys do
not exist yet: their certificates carry no signing key, and they cannot log in until an
administrator resets their password ("hoso user reset"), which gives them a fresh slot
pinning the root. No key is ever trusted on first use.
"""

from datetime import datetime

from desktop.domain.errors import HosoError
from desktop.domain.levels import Level, Role
from desktop.security import vault as vault_files
from desktop.security.audit import Signer, legacy_key
from desktop.security.blobs import content_key_context, unwrap_content_key
from desktop.security.crypto import DecryptionFailed, new_signing_key, unseal
from desktop.security.vault import UnlockedKeys
from desktop.services import audit_log, certs
from desktop.services.documents import seal_digest
from desktop.services.levels import grant_context
from desktop.storage import opening
from desktop.storage.opening import Engine
from desktop.storage.repos import DbSession
from desktop.storage.repos import audit as audit_rows
from desktop.storage.repos import document_files
from desktop.storage.repos import users as user_rows


def upgrade_if_needed(engine: Engine, keys: UnlockedKeys) -> str:
    """Upgrade an old vault when an administrator logs in; returns the backup's path
    ("" when nothing was to do). Anyone else gets a clear refusal until then."""
    with opening.reading(engine) as session:
        if certs.has_roots(session):
            return ""
        if keys.secrets.root_public:
            # this slot already pins a root: the vault's roots were deleted, not missing
            # from an old version; re-creating them would certify whatever the rows now say
            raise HosoError("trust.root_bad")
        user = user_rows.by_name(session, keys.user)
        if user is None:
            raise HosoError("vault.no_user", user=keys.user)
        if user.role != Role.ADMIN.value:
            raise HosoError("trust.not_upgraded")
    from desktop.services.backups import copy_vault
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup_dir = keys.vault_dir.parent / f"{keys.vault_dir.name}-truoc-nang-cap-{stamp}"
    copy_vault(keys.db_key, keys.vault_dir, backup_dir)
    _upgrade(engine, keys)
    return str(backup_dir)


def _upgrade(engine: Engine, keys: UnlockedKeys) -> None:
    root_priv, root_pub = new_signing_key()
    sign_priv, sign_pub = new_signing_key()
    state = certs.TrustState(keys.vault_id, 1, root_pub, root_priv,
                             certs_seen=keys.secrets.certs_seen)
    signer = Signer(keys.user, sign_priv)
    with opening.transaction(engine) as session:
        # the old chain must hold before it is anchored under a signature
        report = audit_log.verify(session, audit_log.AuditTrust(
            set(), legacy_key(keys.db_key), legacy_rows=1 << 62))
        if not report.ok:
            raise HosoError("audit.broken", row=report.broken_at, why=report.why)
        # the root says, signed, how many rows are old-style: none may be added later
        last = audit_rows.last(session)
        state.legacy_rows = last[0] if last else 0
        session.add(certs.new_root_row(state, keys.user))
        users = list(user_rows.by_id(session))
        names = {u.id: u.username for u in users}
        for user in users:
            mine = user.username == keys.user
            if mine:
                user.public_key = keys.public_key  # the slot's own key, not the row's
            certs.issue(state, session, user, sign_pub if mine else b"", keys.user)
            if user.role == Role.ADMIN.value and mine:
                certs.seal_root_to(state, session, user.username, user.public_key)
        level_keys: dict[int, bytes] = {}
        for grant in user_rows.every_grant(session):
            username = names.get(grant.user_id, "")
            if username == keys.user:
                try:
                    level_key = unseal(keys.private_key, grant.sealed_key,
                                       grant_context(keys.vault_id, username, Level(grant.level)))
                except DecryptionFailed:
                    continue
                level_keys[grant.level] = level_key
                certs.record_level_key(state, session, Level(grant.level), level_key)
            certs.sign_grant(state, grant, username)
        sealed = _seal_digests(session, keys.vault_id, level_keys)
        audit_log.append(session, signer, keys.user, "vault.upgrade", keys.vault_id,
                         legacy_rows=state.legacy_rows, legacy_head=report.head.hex(),
                         root=state.fingerprint, sealed_digests=sealed,
                         not_enrolled=sorted(u.username for u in users
                                             if u.username != keys.user))
        session.flush()
        # the slot is rewritten inside the transaction: a failed write rolls the rows back
        keys.secrets.sign_private = sign_priv
        keys.secrets.root_public, keys.secrets.root_generation = root_pub, 1
        vault_files.save_own_slot(keys)



def _seal_digests(session: DbSession, vault_id: str, level_keys: dict[int, bytes]) -> int:
    """Versions from before keep their SHA-256 in clear: seal each under its content key."""
    count = 0
    for row in document_files.every_version(session):
        key = level_keys.get(row.key_level)
        if row.wrapped_key is None or key is None or len(bytes(row.sha256)) != 32:
            continue
        try:
            content_key = unwrap_content_key(key, row.wrapped_key, content_key_context(
                vault_id, row.document_id, row.version, Level(row.key_level)))
        except DecryptionFailed:
            continue
        row.sha256 = seal_digest(vault_id, row.document_id, row.version, content_key,
                                 bytes(row.sha256))
        count += 1
    return count

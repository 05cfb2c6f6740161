"""Rotating the administrators' signing key (the root).

Needed when someone who held it stops being an administrator: they still know the old
private key. The new root is linked to the old one by a signature of the old, so every
user's program moves its pin forward at the next login; everything still valid under the
old root is re-signed under the new one, and the new private key is sealed to the
administrators that remain. Records that no longer verify are not re-signed: a rotation
never launders a forged record.
"""

from desktop.domain.levels import Role
from desktop.security import trust
from desktop.security.crypto import new_signing_key
from desktop.security.trust import AccountCert, TrustError
from desktop.services import audit_log, certs
from desktop.services.context import VaultSession
from desktop.services.levels import root_private
from desktop.storage.repos import DbSession
from desktop.storage.repos import users as user_rows


def rotate(vs: VaultSession) -> certs.TrustState:
    """`hoso trust rotate`: a new root in its own transaction."""
    with vs.uow() as uow:
        new = rotate_in(vs, uow.session)
        uow.commit()
    adopt(vs, new)
    return new


def adopt(vs: VaultSession, new: certs.TrustState) -> None:
    """After the commit: this session trusts the new root; the slot pins it at the next
    save (the others' programs follow the signed link at their next login)."""
    vs.keys.secrets.root_generation, vs.keys.secrets.root_public = new.generation, new.root_public
    vs.trust = new


def rotate_in(vs: VaultSession, session: DbSession) -> certs.TrustState:
    """Rotate inside the caller's transaction (demoting or disabling an administrator);
    the caller adopts the returned root after its commit."""
    old = vs.trust
    old_private = root_private(vs, session)
    new_private, new_public = new_signing_key()
    generation = old.generation + 1
    new = certs.TrustState(old.vault_id, generation, new_public, new_private,
                           certs_seen=old.certs_seen, seen_changed=old.seen_changed,
                           legacy_rows=old.legacy_rows)
    session.add(certs.new_root_row(new, vs.actor.username,
                                   trust.sign_link(old_private, old.vault_id, generation,
                                                   new_public)))
    current: dict[str, AccountCert] = {}
    for user in user_rows.every(session):
        try:
            current[user.username] = certs._current(old, session, user.username)
        except TrustError:
            continue
    for row in user_rows.every_certificate(session):
        try:
            cert = certs._check(old, row, row.username)
        except (TrustError, ValueError, TypeError):
            continue
        row.signature = trust.sign_cert(new_private, cert)
        row.root_generation = generation
    for record in user_rows.level_key_records(session):
        if certs.level_record_ok(old, record):
            record.signature = trust.sign_level(new_private, old.vault_id, record.level,
                                                record.generation, record.fingerprint)
    names = {u.id: u.username for u in user_rows.every(session)}
    for grant in user_rows.every_grant(session):
        username = names.get(grant.user_id, "")
        if certs.grant_ok(old, grant, username):
            certs.sign_grant(new, grant, username)
    user_rows.delete_root_seals(session)
    for username, cert in current.items():
        if cert.role == Role.ADMIN.value and cert.active:
            certs.seal_root_to(new, session, username, cert.box_public)
    session.flush()
    audit_log.append(session, vs.signer, vs.actor.username, "trust.rotate",
                     generation=generation, root=new.fingerprint)
    return new

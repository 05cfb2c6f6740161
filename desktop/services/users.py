"""Users: added by an administrator with a first password to change at first login.

Every change to an account (role, clearance, active, keys) is a new certificate signed
by the root (services.certs); level keys are sealed only to a certified public key."""

import secrets
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.errors import HosoError, PermissionDenied
from desktop.domain.levels import Level, Role
from desktop.security import vault as vault_files
from desktop.security.crypto import public_from_private, signing_public
from desktop.services import audit_log, certs, root_rotation
from desktop.services.context import VaultSession
from desktop.services.levels import rekey, root_private, set_grants
from desktop.storage import server_logins
from desktop.storage.orm import User
from desktop.storage.repos import users as user_rows


@dataclass(frozen=True)
class UserInfo:
    username: str
    full_name: str
    role: Role
    clearance: Level
    must_change_password: bool
    active: bool
    # "" when the certificate is valid and the row matches it; "altered": the row was
    # changed outside the program (the certificate's values are shown); "unsigned": no
    # valid certificate; "not_enrolled": from before the upgrade, waiting for a reset
    problem: str = ""

    @property
    def trusted(self) -> bool:
        return not self.problem

    def to_json(self) -> dict:
        return {"username": self.username, "full_name": self.full_name, "role": self.role.value,
                "clearance": self.clearance.label_vi, "clearance_code": self.clearance.code,
                "must_change_password": self.must_change_password, "active": self.active,
                "trusted": self.trusted, "problem": self.problem}


def _require_admin(vs: VaultSession) -> None:
    if not vs.actor.is_admin:
        raise PermissionDenied("perm.admin_only")


def generate_password() -> str:
    """A first password that is easy to read out: 4 groups of 4 unambiguous characters."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def add_user(vs: VaultSession, username: str, role: Role, clearance: Level, password: str,
             full_name: str = "") -> UserInfo:
    """A new account: key pairs and a slot pinning the root, a certificate, signed grants;
    a new administrator also gets the root's private key sealed to them."""
    _require_admin(vs)
    vault_files.check_user_name(username)
    with vs.uow() as uow:
        session = uow.session
        if user_rows.exists(session, username):
            raise HosoError("user.exists", user=username)
        root_private(vs, session)
        secrets = vault_files.add_user_slot(vs.keys, username, password)
        try:
            box_public = public_from_private(secrets.box_private)
            user = User(username=username, full_name=full_name or username, role=role.value,
                        clearance=int(clearance), public_key=box_public,
                        must_change_password=True, created_at=datetime.now())
            session.add(user)
            session.flush()
            set_grants(vs, session, user, clearance, box_public)
            certs.issue(vs.trust, session, user, signing_public(secrets.sign_private),
                        vs.actor.username)
            if role is Role.ADMIN:
                certs.seal_root_to(vs.trust, session, username, box_public)
            audit_log.append(session, vs.signer, vs.actor.username, "user.add", username,
                             role=role.value, clearance=int(clearance))
            if vs.server:   # their own login to the server, made with the account
                server_logins.create(session, username, password, role is Role.ADMIN)
                server_logins.set_access(session, username, role.value, int(clearance), True)
            # the key file is written last, inside the transaction's lifetime: if it fails,
            # the user row rolls back with it
            vault_files.save_slots(vs.keys, [username])
        except BaseException:
            vs.keys.keyfile.slots.pop(username, None)
            raise
        try:
            uow.commit()
        except BaseException:
            vs.keys.keyfile.slots.pop(username, None)  # no slot without its account
            vault_files.save_slots(vs.keys, [username])
            raise
        return _info(user, certs.account(vs.trust, session, user))


def change_password(vs: VaultSession, old_password: str, new_password: str) -> None:
    """Re-wraps only the acting user's slot; clears the first-login flag."""
    if old_password == new_password:
        raise HosoError("password.same")
    vault_files.check_password(new_password)
    # proves the old password even when the session came from a remembered device
    vault_files.recheck_password(vs.keys, old_password)
    with vs.uow() as uow:
        user = uow.session.get(User, vs.actor.user_id)
        user.must_change_password = False
        audit_log.append(uow.session, vs.signer, vs.actor.username, "user.passwd",
                         vs.actor.username)
        if vs.server:
            server_logins.set_password(uow.session, vs.actor.username, new_password)
        vault_files.rewrap_password(vs.keys, new_password)
        uow.commit()
    from dataclasses import replace
    vs.actor = replace(vs.actor, must_change_password=False)


def reset_password(vs: VaultSession, username: str, password: str) -> None:
    """Administrator's reset: new slot (pinning the root) and key pairs, a new certificate,
    clearance re-granted to the new key, change at first login."""
    _require_admin(vs)
    with vs.uow() as uow:
        session = uow.session
        # what is kept comes from the certificate (accounts of an upgraded vault have one
        # too): never from the row, which anyone with the DB key can edit
        user, cert = certs.account_by_name(vs.trust, session, username)
        clearance, role, active = Level(cert.clearance), cert.role, cert.active
        root_private(vs, session)
        secrets = vault_files.reset_user_slot(vs.keys, username, password)
        box_public = public_from_private(secrets.box_private)
        user.public_key = box_public
        user.role, user.active = role, active
        user.must_change_password = True
        set_grants(vs, session, user, clearance, box_public)
        certs.issue(vs.trust, session, user, signing_public(secrets.sign_private),
                    vs.actor.username)
        if role == Role.ADMIN.value:
            certs.seal_root_to(vs.trust, session, username, box_public)
        audit_log.append(session, vs.signer, vs.actor.username, "user.reset", username)
        if vs.server:
            server_logins.set_password(session, username, password)
        vault_files.save_slots(vs.keys, [username])
        uow.commit()


def set_clearance(vs: VaultSession, username: str, clearance: Level,
                  role: Role | None = None) -> UserInfo:
    """New clearance (and role): grants sealed to the key in the user's verified
    certificate, a new certificate. Taking the administrator role away rotates the root,
    since the former administrator knows its private key. Never one's own account (the
    department server refuses it too): another administrator does it."""
    _require_admin(vs)
    if username == vs.actor.username:
        raise HosoError("user.cannot_change_self")
    with vs.uow() as uow:
        session = uow.session
        user, cert = certs.account_by_name(vs.trust, session, username)
        before = cert.clearance
        was_admin = cert.role == Role.ADMIN.value
        user.role, user.active = cert.role, cert.active
        set_grants(vs, session, user, clearance, cert.box_public)
        if role is not None:
            user.role = role.value
        certs.reissue(vs.trust, session, user, cert, vs.actor.username)
        if user.role == Role.ADMIN.value and not was_admin:
            certs.seal_root_to(vs.trust, session, username, cert.box_public)
        lost = [lv for lv in Level if clearance < lv <= before]
        rekeyed = rekey(vs, session, lost) if lost else {}
        audit_log.append(session, vs.signer, vs.actor.username, "user.clearance", username,
                         before=before, after=int(clearance), role=user.role,
                         rekeyed={int(k): v for k, v in rekeyed.items()})
        if vs.server:   # what the server's row-level security goes by
            server_logins.set_access(session, username, user.role, int(clearance),
                                     bool(user.active))
        rotated = None
        if was_admin and user.role != Role.ADMIN.value:
            rotated = root_rotation.rotate_in(vs, session)
        uow.commit()
        if rotated is not None:
            root_rotation.adopt(vs, rotated)
        return _info(user, certs.account(vs.trust, session, user))


def set_active(vs: VaultSession, username: str, active: bool) -> UserInfo:
    """Disable (revoke) or enable an account. A disabled account's grants are deleted, its
    certificate says inactive, and the levels it held are re-keyed going forward; a
    disabled administrator's root copy goes with a rotation of the root."""
    _require_admin(vs)
    if username == vs.actor.username and not active:
        raise HosoError("user.cannot_disable_self")
    with vs.uow() as uow:
        session = uow.session
        user, cert = certs.account_by_name(vs.trust, session, username)
        root_private(vs, session)
        user.role, user.clearance = cert.role, cert.clearance
        user.active = active
        if not active:
            user_rows.delete_grants_of(session, user.id)
        else:
            set_grants(vs, session, user, Level(cert.clearance), cert.box_public)
        certs.reissue(vs.trust, session, user, cert, vs.actor.username)
        # what the account could read stays readable to it (it may have kept the keys);
        # what is written from now on is under keys it never had
        rekeyed = rekey(vs, session, [lv for lv in Level if lv <= cert.clearance]) \
            if not active else {}
        audit_log.append(session, vs.signer, vs.actor.username,
                         "user.enable" if active else "user.disable", username,
                         rekeyed={int(k): v for k, v in rekeyed.items()})
        if vs.server:   # a disabled account cannot even sign in to the server
            server_logins.set_enabled(session, username, active)
            server_logins.set_access(session, username, cert.role, int(cert.clearance), active)
        rotated = None
        if not active and cert.role == Role.ADMIN.value:
            rotated = root_rotation.rotate_in(vs, session)
        uow.commit()
        if rotated is not None:
            root_rotation.adopt(vs, rotated)
        return _info(user, certs.account(vs.trust, session, user))


def unlock_slot(vs: VaultSession, username: str) -> None:
    """An administrator lets a user try passwords again after the slot locked itself."""
    _require_admin(vs)
    from desktop.security.attempts import Attempts
    with vs.uow() as uow:
        certs.account_by_name(vs.trust, uow.session, username)
        failures = Attempts(vs.vault_dir, vs.keys.vault_id).clear(username)
        audit_log.append(uow.session, vs.signer, vs.actor.username, "user.unlock", username,
                         failures=failures)
        uow.commit()


def list_users(vs: VaultSession) -> list[UserInfo]:
    """Every account as its certificate says; one without a valid certificate is listed
    as untrusted (and reported to the administrator)."""
    with vs.uow() as uow:
        found = []
        for user in user_rows.by_username(uow.session):
            try:
                cert = certs.account(vs.trust, uow.session, user)
            except HosoError:
                cert = None
            found.append(_info(user, cert))
        return found


def _info(user: User, cert) -> UserInfo:
    if cert is None:
        return UserInfo(user.username, user.full_name, Role(user.role), Level(user.clearance),
                        user.must_change_password, False, problem="unsigned")
    problem = ("altered" if not certs.row_matches(user, cert)
               else "not_enrolled" if not cert.sign_key else "")
    return UserInfo(user.username, cert.full_name, Role(cert.role), Level(cert.clearance),
                    user.must_change_password, cert.active, problem=problem)

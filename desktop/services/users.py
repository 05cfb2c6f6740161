"""Users: added by an administrator with a first password to change at first login."""

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.domain.errors import HosoError, PermissionDenied
from desktop.domain.levels import Level, Role
from desktop.security import vault as vault_files
from desktop.services import audit_log
from desktop.services.context import VaultSession
from desktop.services.levels import set_grants
from desktop.storage.orm import User


@dataclass(frozen=True)
class UserInfo:
    username: str
    full_name: str
    role: Role
    clearance: Level
    must_change_password: bool
    active: bool

    def to_json(self) -> dict:
        return {"username": self.username, "full_name": self.full_name, "role": self.role.value,
                "clearance": self.clearance.label_vi, "clearance_code": self.clearance.code,
                "must_change_password": self.must_change_password, "active": self.active}


def _require_admin(vs: VaultSession) -> None:
    if not vs.actor.is_admin:
        raise PermissionDenied("perm.admin_only")


def generate_password() -> str:
    """A first password that is easy to read out: 4 groups of 4 unambiguous characters."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def add_user(vs: VaultSession, username: str, role: Role, clearance: Level, password: str,
             full_name: str = "") -> UserInfo:
    _require_admin(vs)
    vault_files.check_user_name(username)
    with vs.uow() as uow:
        session = uow.session
        if session.execute(select(User.id).where(User.username == username)).first():
            raise HosoError("user.exists", user=username)
        public_key = vault_files.add_user_slot(vs.keys, username, password)
        user = User(username=username, full_name=full_name or username, role=role.value,
                    clearance=0, public_key=public_key, must_change_password=True,
                    created_at=datetime.now())
        session.add(user)
        session.flush()
        set_grants(vs, session, user, clearance)
        audit_log.append(session, vs.audit_key, vs.actor.username, "user.add", username,
                         role=role.value, clearance=int(clearance))
        # the key file is written last, inside the transaction's lifetime: if it fails,
        # the user row rolls back with it
        try:
            vs.keys.keyfile.save(vs.keys.db_key)
        except BaseException:
            vs.keys.keyfile.slots.pop(username, None)
            raise
        uow.commit()
        return _info(user)


def change_password(vs: VaultSession, old_password: str, new_password: str) -> None:
    """Re-wraps only the acting user's slot; clears the first-login flag."""
    if old_password == new_password:
        raise HosoError("password.same")
    vault_files.check_password(new_password)
    # proves the old password even when the session came from a remembered device
    vault_files.unlock(vs.vault_dir, vs.actor.username, old_password)
    with vs.uow() as uow:
        user = uow.session.get(User, vs.actor.user_id)
        user.must_change_password = False
        audit_log.append(uow.session, vs.audit_key, vs.actor.username, "user.passwd",
                         vs.actor.username)
        vault_files.rewrap_password(vs.keys, new_password)
        uow.commit()
    from dataclasses import replace
    vs.actor = replace(vs.actor, must_change_password=False)


def reset_password(vs: VaultSession, username: str, password: str) -> None:
    """Administrator's reset: new slot and key pair, clearance re-granted, change at login."""
    _require_admin(vs)
    with vs.uow() as uow:
        user = uow.session.execute(select(User).where(User.username == username)).scalar()
        if user is None:
            raise HosoError("vault.no_user", user=username)
        user.public_key = vault_files.reset_user_slot(vs.keys, username, password)
        user.must_change_password = True
        set_grants(vs, uow.session, user, Level(user.clearance))
        audit_log.append(uow.session, vs.audit_key, vs.actor.username, "user.reset", username)
        vs.keys.keyfile.save(vs.keys.db_key)
        uow.commit()


def set_clearance(vs: VaultSession, username: str, clearance: Level,
                  role: Role | None = None) -> UserInfo:
    _require_admin(vs)
    with vs.uow() as uow:
        user = uow.session.execute(select(User).where(User.username == username)).scalar()
        if user is None:
            raise HosoError("vault.no_user", user=username)
        before = user.clearance
        set_grants(vs, uow.session, user, clearance)
        if role is not None:
            user.role = role.value
        audit_log.append(uow.session, vs.audit_key, vs.actor.username, "user.clearance", username,
                         before=before, after=int(clearance), role=user.role)
        uow.commit()
        return _info(user)


def list_users(vs: VaultSession) -> list[UserInfo]:
    with vs.uow() as uow:
        return [_info(u) for u in uow.session.execute(select(User).order_by(User.username)).scalars()]


def _info(user: User) -> UserInfo:
    return UserInfo(user.username, user.full_name, Role(user.role), Level(user.clearance),
                    user.must_change_password, user.active)

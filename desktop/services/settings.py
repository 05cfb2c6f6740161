"""Vault-wide settings, each declared once with its type, default and meaning
(Electrum's ConfigVar idea); stored in the meta table, changed by administrators."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import InvalidInput, PermissionDenied
from desktop.services import audit_log
from desktop.storage.orm import Meta


@dataclass(frozen=True)
class Setting:
    key: str
    kind: type
    default: object
    vi: str
    en: str


SETTINGS = {s.key: s for s in (
    Setting("due_soon_days", int, 5, "Số ngày làm việc báo trước “sắp đến hạn”",
            "Working days before a deadline counts as due soon"),
    Setting("inspection_share", float, 0.7,
            "Tỷ lệ thời gian công chức dành cho thanh tra trực tiếp (cân đối lực lượng)",
            "Share of an inspector's working days available for on-site work (capacity)"),
    Setting("carry_over_days", int, 30,
            "Ngày công mỗi thành viên còn phải dành cho mỗi cuộc chưa kết luận chuyển sang",
            "Working days each team member still owes an unfinished carried-over case"),
)}


def get(session: Session, key: str):
    setting = SETTINGS[key]
    raw = session.execute(select(Meta.value).where(Meta.key == f"setting.{key}")).scalar()
    return setting.default if raw is None else setting.kind(raw)


def all_values(session: Session) -> dict[str, object]:
    return {key: get(session, key) for key in SETTINGS}


def set_value(vs, key: str, value: str) -> object:
    if not vs.actor.is_admin:
        raise PermissionDenied("perm.admin_only")
    setting = SETTINGS.get(key)
    if setting is None:
        raise InvalidInput("input.bad_choice", value=key, field="setting",
                           choices=", ".join(SETTINGS))
    try:
        typed = setting.kind(value.replace(",", ".") if setting.kind is float else value)
    except ValueError:
        raise InvalidInput("input.bad_number", value=value, field=key) from None
    if typed < 0:
        raise InvalidInput("input.bad_number", value=value, field=key)
    with vs.uow() as uow:
        row = uow.session.get(Meta, f"setting.{key}")
        if row is None:
            uow.session.add(Meta(key=f"setting.{key}", value=str(typed)))
        else:
            row.value = str(typed)
        audit_log.append(uow.session, vs.signer, vs.actor.username, "settings.set", key,
                         value=typed)
        uow.commit()
    return typed

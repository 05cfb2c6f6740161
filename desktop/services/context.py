"""The open vault as services see it: engine, unlocked keys, the acting user."""

from dataclasses import dataclass, field

from sqlalchemy import Engine

from desktop.domain.levels import Level, Role
from desktop.security.vault import UnlockedKeys
from desktop.storage.uow import UnitOfWork


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    full_name: str
    role: Role
    clearance: Level
    must_change_password: bool = False

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN


@dataclass
class VaultSession:
    engine: Engine
    keys: UnlockedKeys
    actor: Actor
    audit_key: bytes
    _level_keys: dict[Level, bytes] = field(default_factory=dict, repr=False)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine)

    @property
    def vault_dir(self):
        return self.keys.vault_dir

    def close(self) -> None:
        """Drop keys and connections (lock)."""
        self.engine.dispose()
        self.keys.drop()
        self.audit_key = b""
        self._level_keys.clear()

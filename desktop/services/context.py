"""The open vault as services see it: engine, unlocked keys, the acting user."""

from dataclasses import dataclass, field

from desktop.domain.changes import Area, Changes
from desktop.domain.levels import Level, Role
from desktop.security.audit import Signer
from desktop.security.vault import UnlockedKeys
from desktop.services.certs import TrustState
from desktop.storage import sealed
from desktop.storage.opening import Engine
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
    signer: Signer        # signs every audit row this session appends
    trust: TrustState     # the root reached from the one pinned in the user's slot
    upgraded_backup: str = ""  # set when this login upgraded an old vault (backup taken)
    presence: object = None    # this program's file in the vault's in-use/ (storage.presence)
    read_only: bool = False    # on read-only media: reads only, and they cannot be audited
    server: str = ""           # the department server's name; "" for a vault on this machine
    _changed: set[Area] = field(default_factory=set, repr=False)  # committed, not yet told
    _level_keys: dict[Level, bytes] = field(default_factory=dict, repr=False)
    _level_ring: dict[tuple[Level, int], bytes] = field(default_factory=dict, repr=False)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.engine, self._changed)

    def take_changes(self) -> Changes:
        """What the writes committed since the last call changed (the desktop program tells
        its pages after each job on the database worker)."""
        changes = Changes(*self._changed)
        self._changed.clear()
        return changes

    @property
    def vault_dir(self):
        return self.keys.vault_dir

    def close(self) -> None:
        """Keep the audit anchor (slot and profile), then drop keys and connections (lock)."""
        if self.keys.db_key:
            from desktop.services import anchoring
            anchoring.save_quietly(self)
        sealed.uninstall(self.engine)
        self.engine.dispose()
        from desktop.storage import presence
        presence.release(self.presence)
        self.presence = None
        self.keys.drop()
        self.signer.drop()
        self.trust.drop()
        self._level_keys.clear()
        self._level_ring.clear()

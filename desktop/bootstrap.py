"""The composition root: what both front ends — the command line and the desktop program —
decide the same way before any work starts: which vault (and where vaults live by
default), which user, which language, and opening the vault session. The front ends
add what is theirs (a password from a terminal or a login window, Qt's settings)."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.domain.messages import default_language
from desktop.services import vault_service
from desktop.services.context import VaultSession

VAULT_ENV, USER_ENV, SERVER_ENV = "HOSO_VAULT", "HOSO_USER", "HOSO_SERVER"


def default_vault() -> Path:
    """Where a vault lives when nobody says: the user's data folder."""
    import platformdirs
    return Path(platformdirs.user_data_dir("hoso", appauthor=False)) / "vault"


def vault_location(explicit: str | Path | None = None, remembered: str | Path | None = None
                   ) -> Path:
    """The vault to open: the one named (--vault), else HOSO_VAULT, else the one used last
    (the desktop program remembers it), else the default."""
    chosen = explicit or os.environ.get(VAULT_ENV) or remembered
    return Path(chosen).expanduser() if chosen else default_vault()


def server_profile(explicit: str | None = None, explicit_vault: str | None = None
                   ) -> Path | None:
    """The department server's connection profile to work on, if any: the one named
    (--server), else HOSO_SERVER — unless a vault was named (--vault), which wins over the
    environment."""
    chosen = explicit or (None if explicit_vault else os.environ.get(SERVER_ENV))
    return Path(chosen).expanduser() if chosen else None


def user_name(explicit: str | None = None) -> str | None:
    """The user named (--user), else HOSO_USER; None lets the vault's only user in."""
    return explicit or os.environ.get(USER_ENV) or None


def language(explicit: str | None = None) -> str:
    """vi or en: the one named (--lang), else HOSO_LANG or the locale (Vietnamese first)."""
    return explicit if explicit in ("vi", "en") else default_language()


def is_server_profile(path: str | Path | None) -> bool:
    """A department server's connection profile (a .json file) rather than a vault folder:
    both front ends take either where a register is named."""
    return path is not None and Path(path).suffix.lower() == ".json" and Path(path).is_file()


def open_session(path: Path, user: str | None, password: str, *, read_only: bool = False,
                 accept_rollback: bool = False) -> VaultSession:
    """The vault session every service works on (the key derivation takes a moment: the
    desktop program runs this on its worker); `path` a vault's folder or a server's
    connection profile."""
    if is_server_profile(path):
        from desktop.services import server_service
        return server_service.sign_in(path, user, password, accept_rollback)
    return vault_service.open_vault(path, user, password, accept_rollback=accept_rollback,
                                    read_only=read_only)

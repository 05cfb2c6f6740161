"""Optional "remember me on this workstation" through the OS credential store.

A random device secret lives in the keyring and wraps the user's slot key (KEK) in
keys.json, so the slot itself (with its pinned root and anchor) stays the one truth. Refused when the backend is missing, the fail/null backend or a
plaintext one (keyrings.alt), and when the administrator forbids it.
"""

import os
import socket
import sys

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.errors import HosoError, VaultDamaged
from desktop.security.crypto import DecryptionFailed, aead_decrypt, aead_encrypt, random_key
from desktop.security.keyfile import b64d, b64e, now_iso
from desktop.security.vault import UnlockedKeys, load_keyfile, open_slot, save_slots

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "hoso-thanh-tra"
_UNSAFE = ("fail", "null", "keyrings.alt", "plaintext", "PlaintextKeyring", "chainer")


def platform_backend() -> "KeyringBackend | None":
    """The platform's own credential store, chosen by name, or None: keyring's discovery
    would import every backend (the macOS one runs gcc and ld to look for a library on
    Linux) and any third-party one installed, plaintext ones included."""
    if sys.platform == "win32":  # pragma: no cover
        from keyring.backends.Windows import WinVaultKeyring as Backend
    elif sys.platform == "darwin":  # pragma: no cover
        from keyring.backends.macOS import Keyring as Backend
    else:
        from keyring.backends.SecretService import Keyring as Backend
    if Backend.priority <= 0:   # raises (or is 0) when the service is not there
        return None
    return Backend()  # type: ignore[no-untyped-call]  # keyring leaves __init__ unannotated


def _backend() -> "KeyringBackend | None":
    try:
        import keyring
        backend = platform_backend()
        if backend is not None:
            keyring.set_keyring(backend)   # keyring's own calls use it, no discovery
        return backend
    except Exception:  # noqa: BLE001 — any keyring failure means "no backend"
        return None


def keyring_usable() -> bool:
    backend = _backend()
    if backend is None:
        return False
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if any(word in name for word in _UNSAFE):
        # a chainer with no real backend behind it is as good as none
        return False
    return getattr(backend, "priority", 0) > 0


def keyring_state() -> tuple[str, str]:
    """For the workstation check: ("plaintext", name) when a backend storing secrets in
    clear is installed at all (keyrings.alt: the program never uses it, another program
    might), else ("ok", name) or ("none", "").  Never discovers third-party backends."""
    import importlib.util
    try:
        if importlib.util.find_spec("keyrings.alt") is not None:
            return "plaintext", "keyrings.alt"
    except (ImportError, ValueError):
        pass
    if not keyring_usable():
        return "none", ""
    backend = _backend()
    return "ok", type(backend).__module__.rsplit(".", 1)[-1]


def _device_name(user: str) -> str:
    return f"{user}@{socket.gethostname()}"


def remember(keys: UnlockedKeys) -> None:
    if not keys.keyfile.remember_allowed:
        raise HosoError("keyring.forbidden")
    if not keyring_usable():
        raise HosoError("keyring.unavailable")
    import keyring
    secret = random_key()
    name = _device_name(keys.user)
    aad = f"{keys.vault_id}|{name}".encode()
    keys.keyfile.device_slots[name] = {"user": keys.user, "created": now_iso(),
                                       "wrapped": b64e(aead_encrypt(secret, b"kek2" + keys.kek, aad))}
    keyring.set_password(SERVICE, f"{keys.vault_id}:{name}", b64e(secret))
    save_slots(keys, [], [name])


def forget(keys: UnlockedKeys) -> None:
    name = _device_name(keys.user)
    keys.keyfile.device_slots.pop(name, None)
    save_slots(keys, [], [name])
    if keyring_usable():
        import keyring
        try:
            keyring.delete_password(SERVICE, f"{keys.vault_id}:{name}")
        except Exception:  # noqa: BLE001 — already gone is fine
            pass


def unlock_remembered(vault_dir: os.PathLike[str], user: str | None) -> UnlockedKeys | None:
    """Keys from the device slot, or None when nothing usable is remembered."""
    keyfile = load_keyfile(Path(vault_dir))
    user = user or keyfile.default_user
    name = _device_name(user)
    entry = keyfile.device_slots.get(name)
    if not entry or not keyfile.remember_allowed or not keyring_usable():
        return None
    import keyring
    stored = keyring.get_password(SERVICE, f"{keyfile.vault_id}:{name}")
    if not stored:
        return None
    slot = keyfile.slots.get(user)
    try:
        kek = aead_decrypt(b64d(stored), b64d(entry["wrapped"]),
                           f"{keyfile.vault_id}|{name}".encode())
        if slot is None or not kek.startswith(b"kek2"):
            return None  # a copy from before signatures: ask for the password once
        kek = kek[4:]
        clear = aead_decrypt(kek, slot.wrapped, slot.aad(keyfile.vault_id, user))
        return open_slot(Path(vault_dir), keyfile, user, kek, slot.kdf, clear)
    except (DecryptionFailed, ValueError, KeyError, VaultDamaged):
        return None

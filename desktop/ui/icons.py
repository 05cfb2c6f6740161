"""Icons are SVG (resources/icons): sharp at any screen scale (high DPI)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from desktop.storage.resource_files import resources_dir


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()

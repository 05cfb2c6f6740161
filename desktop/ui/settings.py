"""Workstation settings (QSettings): each declared once with its type and default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class Option:
    key: str
    kind: type
    default: Any


LANGUAGE = Option("ui/language", str, "vi")
IDLE_MINUTES = Option("security/idle_minutes", int, 5)
CLIPBOARD_SECONDS = Option("security/clipboard_seconds", int, 30)
LAST_VAULT = Option("vault/last_path", str, "")
LAST_USER = Option("vault/last_user", str, "")
CASE_COLUMNS = Option("cases/columns", str, "")


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings("HoSoThanhTra", "hoso")

    def get(self, option: Option) -> Any:
        value = self.q.value(option.key, option.default)
        try:
            return option.kind(value)
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option, value: Any) -> None:
        self.q.setValue(option.key, value)
        self.q.sync()

"""Checking the data files an administrator edits (legal rule sets, the holiday calendar,
the state-secret rules): the error that names the file and where, dates as files write
them, pointing at a line. Pure: the files are read by desktop.storage.resource_files."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any


class DataFileError(ValueError):
    """A resource file an administrator edits is wrong; says which file and where."""

    def __init__(self, path: Path | str, where: str, message: str) -> None:
        self.path = Path(path)
        self.where = where
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.path}: {self.where}: {self.message}"


def parse_file_date(value: Any) -> date:
    """ISO (2024-02-08) or the Vietnamese way (08/02/2024); raises ValueError."""
    if not isinstance(value, str):
        raise ValueError(f"expected a date string, got {value!r}")
    text = value.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{value!r} is not a valid date (use YYYY-MM-DD or dd/mm/yyyy)")


ANY_VALUE: Any = object()  # locate() by key alone (the value is an object or list)


def locate(text: str, key: str, value: Any = ANY_VALUE) -> str:
    """' (line N)' where `"key": value` first appears, to point the editor at it.

    json does not report positions of parsed values, so this searches the text; a
    value that is wrong here is wrong wherever it first appears, so the hint is right
    in practice and only a hint (the JSON path in the message is authoritative).
    """
    pattern = re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:"
    if value is not ANY_VALUE:
        pattern += r"\s*" + re.escape(json.dumps(value, ensure_ascii=False))
    match = re.search(pattern, text)
    if match is None:
        return ""
    return f" (line {text.count(chr(10), 0, match.start()) + 1})"

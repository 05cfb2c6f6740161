"""The data files the program ships — legal rule sets, the holiday calendar, the
state-secret rules, icons, translations, the demo's data: where they are, and reading
them. The domain parses what is read (desktop.domain.rules, calendar, state_secrets) and
opens no file itself."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from desktop.domain.calendar import CalendarFileError, WorkCalendar, parse_calendar
from desktop.domain.data_files import DataFileError
from desktop.domain.rules import RuleBook, RuleFileError, RuleSet, parse_rule_set
from desktop.domain.state_secrets import (FILE_NAME, StateSecretFileError, StateSecretRules,
                                          parse_state_secret_rules)


def resources_dir() -> Path:
    """Where the rule sets, calendar and translations are: HOSO_RESOURCES if set (an
    administrator's edited copy), else resources/ beside the package (a source or
    editable install), else <prefix>/share/hoso (a wheel install, see pyproject)."""
    override = os.environ.get("HOSO_RESOURCES")
    if override:
        return Path(override)
    beside = Path(__file__).resolve().parents[2] / "resources"
    if beside.is_dir():
        return beside
    return Path(sys.prefix) / "share" / "hoso"


def read_json_file(path: Path | str, error: type[DataFileError]) -> tuple[Any, str]:
    """Parse a JSON file; a syntax error names the line and column the editor shows."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")  # Notepad on Windows may add a BOM
    except OSError as exc:
        raise error(path, "file", f"cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise error(path, "file", "not UTF-8 text; save it as UTF-8") from exc
    try:
        return json.loads(text), text
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise error(path, where, f"invalid JSON: {exc.msg}") from exc


# --- the holiday calendar ---------------------------------------------------------------

def load_calendar(path: Path | str) -> WorkCalendar:
    """Read a holiday file; CalendarFileError names the file and the bad key/line."""
    data, text = read_json_file(path, CalendarFileError)
    return parse_calendar(path, data, text)


def load_default_calendar() -> WorkCalendar:
    return load_calendar(resources_dir() / "calendar" / "vn-holidays.json")


# --- legal rule sets ----------------------------------------------------------------------

def load_rule_set(path: Path | str) -> RuleSet:
    """Read and validate one rule-set file; RuleFileError says what and where."""
    data, text = read_json_file(path, RuleFileError)
    return parse_rule_set(path, data, text)


def load_rule_book(directory: Path | str | None = None) -> RuleBook:
    folder = Path(directory) if directory is not None else resources_dir() / "rules"
    return RuleBook(load_rule_set(p) for p in sorted(folder.glob("*.json")))


# --- the state-secret rules ---------------------------------------------------------------

_state_secrets: dict[Path, tuple[float, StateSecretRules]] = {}


def state_secrets_path() -> Path:
    return resources_dir() / "state_secrets" / FILE_NAME


def load_state_secret_rules(path: Path | str | None = None) -> StateSecretRules:
    """Read (and cache until the file changes) the state-secret rules."""
    path = Path(path) if path is not None else state_secrets_path()
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = -1.0
    cached = _state_secrets.get(path)
    if cached is not None and cached[0] == mtime:
        return cached[1]
    raw, _text = read_json_file(path, StateSecretFileError)
    rules = parse_state_secret_rules(path, raw)
    _state_secrets[path] = (mtime, rules)
    return rules

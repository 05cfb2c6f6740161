"""State-secret rules as data: protection periods, extensions, export prefixes, the
statistics period (desktop/docs/domain.md, "State secrets").

The numbers live in resources/state_secrets/state-secrets.json so an administrator can
correct them when a text is checked; each regime says from when it is in force, where
its numbers come from and whether they were checked ("verify").
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Mapping

from desktop.domain.data_files import DataFileError, parse_file_date
from desktop.domain.folding import fold
from desktop.domain.levels import Level

FILE_NAME = "state-secrets.json"


class StateSecretFileError(DataFileError):
    """resources/state_secrets/state-secrets.json cannot be used."""


class Direction(str, Enum):
    """Where a document goes: the incoming register (form 15), the outgoing one (form 14),
    or neither (drafted and kept here)."""

    INCOMING = "incoming"
    OUTGOING = "outgoing"
    INTERNAL = "internal"

    def label(self, lang: str = "vi") -> str:
        return (_DIRECTION_VI if lang == "vi" else _DIRECTION_EN)[self]

    @classmethod
    def parse(cls, text: "str | Direction") -> "Direction":
        if isinstance(text, Direction):
            return text
        key = " ".join(fold(str(text)).strip().replace("_", " ").replace("-", " ").split())
        for d in cls:
            if key in {d.value, fold(_DIRECTION_VI[d]), fold(_DIRECTION_EN[d])}:
                return d
        aliases = {"in": cls.INCOMING, "den": cls.INCOMING, "van ban den": cls.INCOMING,
                   "out": cls.OUTGOING, "di": cls.OUTGOING, "van ban di": cls.OUTGOING,
                   "noi bo": cls.INTERNAL, "internal": cls.INTERNAL}
        if key in aliases:
            return aliases[key]
        raise ValueError(text)


_DIRECTION_VI = {Direction.INCOMING: "Đến", Direction.OUTGOING: "Đi", Direction.INTERNAL: "Nội bộ"}
_DIRECTION_EN = {Direction.INCOMING: "Incoming", Direction.OUTGOING: "Outgoing",
                 Direction.INTERNAL: "Internal"}


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    year = day.year + years
    last = _calendar.monthrange(year, day.month)[1]
    return date(year, day.month, min(day.day, last))


@dataclass(frozen=True)
class Regime:
    """The protection rules of one law, in force from `effective_from`."""

    id: str
    title: str
    effective_from: date
    effective_to: date | None
    article: str
    protection_years: Mapping[Level, int]
    verify: bool
    extension_article: str
    extension_notice_days: int
    extension_max_years: Mapping[Level, int]
    extension_verify: bool
    level_change_restarts: bool
    level_change_verify: bool

    def in_force_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)


@dataclass(frozen=True)
class StateSecretRules:
    regimes: tuple[Regime, ...]
    export_prefixes: Mapping[Level, str]
    expiring_within_days: int
    stats_start: tuple[int, int, bool]  # month, day, in the previous year
    stats_end: tuple[int, int]
    stats_verify: bool
    registers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    path: Path | None = None

    def regime_for(self, day: date) -> Regime:
        """The regime in force on `day`; before the first one, the first (verify)."""
        for regime in self.regimes:
            if regime.in_force_on(day):
                return regime
        if day < self.regimes[0].effective_from:
            return self.regimes[0]
        return self.regimes[-1]

    def protection_years(self, level: Level, classified_on: date) -> int | None:
        if level <= Level.THUONG:
            return None
        return self.regime_for(classified_on).protection_years[level]

    def protection_until(self, level: Level, classified_on: date | None) -> date | None:
        """The day the protection period ends (None: not classified, or no date)."""
        years = (self.protection_years(level, classified_on)
                 if classified_on is not None else None)
        if classified_on is None or years is None:
            return None
        return add_years(classified_on, years)

    def export_prefix(self, level: Level) -> str:
        return self.export_prefixes.get(Level(level), "")

    def statistics_period(self, year: int) -> tuple[date, date]:
        month, day, previous = self.stats_start
        start = date(year - 1 if previous else year, month, day)
        return start, date(year, *self.stats_end)


# --- loading -----------------------------------------------------------------------------

def parse_state_secret_rules(path: Path | str, raw: Any) -> StateSecretRules:
    """The state-secret rules file's parsed JSON as rules; StateSecretFileError says what
    and where."""
    path = Path(path)

    def fail(where: str, message: str) -> StateSecretFileError:
        return StateSecretFileError(path, where, message)

    if not isinstance(raw, dict) or raw.get("format") != 1:
        raise fail("format", "expected an object with \"format\": 1")
    regimes = []
    for i, item in enumerate(raw.get("regimes") or []):
        where = f"regimes[{i}]"
        if not isinstance(item, dict):
            raise fail(where, "expected an object")
        try:
            start = parse_file_date(item["effective_from"])
            end = parse_file_date(item["effective_to"]) if item.get("effective_to") else None
        except (KeyError, ValueError, TypeError) as exc:
            raise fail(where, f"effective_from / effective_to: {exc}") from None
        years = _by_level(item.get("protection_years"), fail, f"{where}.protection_years")
        ext = item.get("extension") or {}
        change = item.get("level_change") or {}
        regimes.append(Regime(
            id=str(item.get("id") or where), title=str(item.get("title", "")),
            effective_from=start, effective_to=end, article=str(item.get("article", "")),
            protection_years=years, verify=bool(item.get("verify", True)),
            extension_article=str(ext.get("article", "")),
            extension_notice_days=_int(ext.get("decide_before_days", 60), fail,
                                       f"{where}.extension.decide_before_days"),
            extension_max_years=_by_level(ext.get("max_years_each") or
                                          item.get("protection_years"), fail,
                                          f"{where}.extension.max_years_each"),
            extension_verify=bool(ext.get("verify", True)),
            level_change_restarts=bool(change.get("restart_period", True)),
            level_change_verify=bool(change.get("verify", True))))
    if not regimes:
        raise fail("regimes", "at least one regime is needed")
    regimes.sort(key=lambda r: r.effective_from)
    prefixes = {Level.THUONG: ""}
    for code, prefix in (raw.get("export_prefix") or {}).items():
        prefixes[_level(code, fail, f"export_prefix.{code}")] = str(prefix)
    period = raw.get("statistics_period") or {}
    try:
        start, end = period.get("start", {}), period.get("end", {})
        stats_start = (int(start.get("month", 12)), int(start.get("day", 15)),
                       bool(start.get("previous_year", True)))
        stats_end = (int(end.get("month", 12)), int(end.get("day", 14)))
        date(2001, stats_start[0], stats_start[1])
        date(2001, *stats_end)
    except (TypeError, ValueError, AttributeError) as exc:
        raise fail("statistics_period", str(exc)) from None
    return StateSecretRules(
        regimes=tuple(regimes), export_prefixes=prefixes,
        expiring_within_days=_int(raw.get("expiring_within_days", 60), fail,
                                  "expiring_within_days"),
        stats_start=stats_start, stats_end=stats_end, stats_verify=bool(period.get("verify", True)),
        registers=raw.get("registers") or {}, path=path)


# how a parse helper says what is wrong: fail(where, message) → the error to raise
_Fail = Callable[[str, str], Exception]


def _level(code: str, fail: _Fail, where: str) -> Level:
    try:
        return Level.parse(code)
    except ValueError:
        raise fail(where, f"unknown level {code!r} (mat, toi_mat, tuyet_mat)") from None


def _int(value: Any, fail: _Fail, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise fail(where, f"expected a whole number ≥ 0, got {value!r}")
    return value


def _by_level(raw: Any, fail: _Fail, where: str) -> dict[Level, int]:
    if not isinstance(raw, dict):
        raise fail(where, "expected an object {\"mat\": …, \"toi_mat\": …, \"tuyet_mat\": …}")
    values = {_level(k, fail, f"{where}.{k}"): _int(v, fail, f"{where}.{k}") for k, v in raw.items()}
    missing = [lv.code for lv in Level if lv > Level.THUONG and lv not in values]
    if missing:
        raise fail(where, f"missing {', '.join(missing)}")
    return values

"""Versioned legal rule sets: which time limit applies, in what unit, from which event.

A case is judged under the rule set in force on its decision date (desktop/docs/domain.md, "Legal
time limits"). Numbers live in resources/rules/*.json so an administrator can correct
them when a text is checked; every limit keeps its article and a "verify" flag so a
deadline shown to a user can say where it came from and how sure we are. An optional
"article_en" words the article for English explanations (the law's name stays as cited).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Mapping

from desktop.domain.data_files import ANY_VALUE, DataFileError, locate, parse_file_date
from desktop.domain.stages import InspectingLevel, Stage

__all__ = [
    "Cited",
    "Complexity",
    "Limit",
    "LimitNotFound",
    "RuleBook",
    "RuleFileError",
    "RuleSet",
    "Unit",
    "HEAD_RECEIVED",
    "REQUEST_SENT",
    "parse_rule_set",
]

# Opinion requests are not case stages: their clock runs from each request's sent date, or —
# where the law counts from the day the head receives the report (Law 11/2022 Art. 78,
# Law 84/2025 Art. 36) — from that day: recorded with the request, or its sent date plus
# the delivery allowance an administrator sets (setting head_receipt_days).
REQUEST_SENT = "request_sent"
HEAD_RECEIVED = "head_received"
_COUNTED_FROM = {s.value for s in Stage} | {REQUEST_SENT, HEAD_RECEIVED}
_SET_KEYS = {"id", "title", "legal_basis", "effective_from", "effective_to", "source",
             "notes", "limits", "format"}
_LIMIT_KEYS = {"key", "values", "unit", "article", "article_en", "counted_from", "verify",
               "note", "note_en", "checked", "receipt_days", "applies_when"}
# the grounds on which a case has the state-management head consulted (Law 84/2025 Art. 36);
# a limit with "applies_when" counts only for a case recorded on one of them
CONSULTATION_GROUNDS = ("defence_security", "steering_committee", "head_request")
_LEVEL_VALUE_KEYS = {"value", "verify", "note", "note_en"}


class RuleFileError(DataFileError):
    """A rule-set file cannot be used."""


class LimitNotFound(LookupError):
    """The rule set has no such limit for that level (e.g. ministry level after 2025)."""


class Unit(str, Enum):
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"

    def label(self, lang: str = "vi", count: "int | None" = None) -> str:
        """The unit after a number: "ngày làm việc"; in English singular for one ("1 working
        day", "3 working days")."""
        if lang == "vi":
            return "ngày làm việc" if self is Unit.WORKING_DAYS else "ngày"
        noun = "working day" if self is Unit.WORKING_DAYS else "calendar day"
        return noun if count is not None and abs(count) == 1 else noun + "s"


class Cited(str):
    """An article as the rule file cites it (Vietnamese: compared, stored and exported as
    such) carrying the file's English wording, if it has one, for English explanations.
    A str so that the deadline engine passes it along without a second field."""

    en: str

    def __new__(cls, text: str, en: str = "") -> "Cited":
        cited = super().__new__(cls, text)
        cited.en = en
        return cited

    def in_lang(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else str(self)


def cited_in(article: str, lang: str) -> str:
    """An article in the reader's language where the rule file gives one."""
    return article.in_lang(lang) if isinstance(article, Cited) else article


class Complexity(str, Enum):
    NORMAL = "normal"
    COMPLEX = "complex"              # phức tạp
    VERY_COMPLEX = "very_complex"    # đặc biệt phức tạp

    def fallbacks(self) -> tuple["Complexity", ...]:
        """Where the law gives no separate figure, the next lower category applies."""
        order = list(Complexity)
        return tuple(reversed(order[: order.index(self) + 1]))


@dataclass(frozen=True)
class Limit:
    key: str
    level: InspectingLevel
    value: int | None          # None: the law sets a limit whose figure is not known yet
    unit: Unit
    article: str
    counted_from: str          # a Stage value, REQUEST_SENT or HEAD_RECEIVED
    verify: bool
    rule_set_id: str
    rule_set_title: str = ""
    note: str = ""
    checked: date | None = None   # the day the figure was checked against the law's text
    note_en: str = ""
    receipt_days: int = 0         # counted from HEAD_RECEIVED: the letter's delivery allowance
    applies_when: tuple[str, ...] = ()   # only for cases on these grounds; () : every case

    @property
    def known(self) -> bool:
        return self.value is not None

    def figure(self, lang: str = "vi") -> str:
        """'45 ngày làm việc', or 'chưa có số liệu' for a limit without a figure."""
        if self.value is None:
            return "chưa có số liệu" if lang == "vi" else "no figure yet"
        return f"{self.value} {self.unit.label(lang, self.value)}"

    def note_in(self, lang: str) -> str:
        return self.note_en if lang == "en" and self.note_en else self.note

    def describe(self, lang: str = "vi") -> str:
        """'45 ngày làm việc — Điều 47 …, Luật Thanh tra 11/2022/QH15' for tooltips."""
        flag = ((" (cần kiểm tra)" if lang == "vi" else " (to verify)") if self.verify else "")
        source = cited_in(self.article, lang)
        if self.rule_set_title and self.rule_set_title not in source:
            source = f"{source}, {self.rule_set_title}"
        return f"{self.figure(lang)} — {source}{flag}"


@dataclass(frozen=True)
class RuleSet:
    id: str
    title: str
    law: str
    decree: str
    effective_from: date
    effective_to: date | None
    source: str = ""
    limits: Mapping[str, Mapping[InspectingLevel, Limit]] = field(default_factory=dict)

    def limit(self, key: str, inspecting_level: InspectingLevel | str,
              complexity: Complexity | str = Complexity.NORMAL) -> Limit:
        """The limit for a level; complex variants are keyed '<key>_<complexity>'."""
        level = InspectingLevel(inspecting_level)
        for grade in Complexity(complexity).fallbacks():
            name = key if grade is Complexity.NORMAL else f"{key}_{grade.value}"
            found = self.limits.get(name, {}).get(level)
            if found is not None:
                return found
        raise LimitNotFound(f"rule set {self.id} has no limit {key!r} for level {level.value!r}")

    def keys(self) -> list[str]:
        return sorted(self.limits)

    def in_force_on(self, d: date) -> bool:
        return self.effective_from <= d and (self.effective_to is None or d <= self.effective_to)


class RuleBook:
    """All rule sets, ordered by effective_from; picks the one for a decision date."""

    def __init__(self, rule_sets: Iterable[RuleSet]) -> None:
        self.rule_sets: tuple[RuleSet, ...] = tuple(
            sorted(rule_sets, key=lambda r: r.effective_from))
        if not self.rule_sets:
            raise ValueError("a rule book needs at least one rule set")
        _check_sequence(self.rule_sets)
        self._starts = [r.effective_from for r in self.rule_sets]

    def for_date(self, decision_date: date) -> RuleSet:
        """The set in force on that date. Older decisions get the earliest set, and a
        gap after an effective_to keeps the last set (a law applies until replaced)."""
        i = bisect_right(self._starts, decision_date) - 1
        return self.rule_sets[max(i, 0)]

    def fingerprint(self) -> str:
        """Changes whenever a limit, unit, article or rule set's dates change (the rule
        sets are frozen dataclasses of plain values: their repr is their content)."""
        import hashlib
        return hashlib.sha256(repr(self.rule_sets).encode()).hexdigest()[:16]

    def by_id(self, rule_set_id: str) -> RuleSet:
        for rule_set in self.rule_sets:
            if rule_set.id == rule_set_id:
                return rule_set
        raise KeyError(rule_set_id)


def _check_sequence(rule_sets: tuple[RuleSet, ...]) -> None:
    ids = [r.id for r in rule_sets]
    if len(set(ids)) != len(ids):
        raise ValueError(f"duplicate rule set ids: {ids}")
    for before, after in zip(rule_sets, rule_sets[1:]):
        if before.effective_to is not None and before.effective_to >= after.effective_from:
            raise ValueError(f"rule sets {before.id} and {after.id} overlap")


# --- loading one file ---

class _Reader:
    """Validates one file's parsed JSON; every error names the file, key and line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text

    def fail(self, where: str, message: str, key: str | None = None,
             value: Any = ANY_VALUE) -> RuleFileError:
        hint = locate(self.text, key, value) if key is not None else ""
        return RuleFileError(self.path, where + hint, message)

    def require(self, obj: Mapping[str, Any], key: str, where: str) -> Any:
        if key not in obj:
            raise self.fail(_join(where, key), "required key is missing")
        return obj[key]

    def text_of(self, obj: Mapping[str, Any], key: str, where: str, required: bool = True) -> str:
        value = self.require(obj, key, where) if required else obj.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(_join(where, key), "must be non-empty text", key, value)
        return value.strip()

    def date_of(self, obj: Mapping[str, Any], key: str, where: str) -> date:
        value = self.require(obj, key, where)
        try:
            return parse_file_date(value)
        except ValueError as exc:
            raise self.fail(_join(where, key), str(exc), key, value) from None

    def flag_of(self, obj: Mapping[str, Any], key: str, where: str) -> bool:
        value = obj.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(_join(where, key), "must be true or false", key, value)
        return value

    def no_unknown(self, obj: Mapping[str, Any], allowed: set[str], where: str) -> None:
        unknown = sorted(set(obj) - allowed)
        if unknown:
            raise self.fail(_join(where, unknown[0]),
                            f"unknown key; allowed: {', '.join(sorted(allowed))}", unknown[0])


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def parse_rule_set(path: Path | str, data: Any, text: str) -> RuleSet:
    """Validate one rule-set file's parsed JSON (its text gives line numbers);
    RuleFileError says what and where."""
    path = Path(path)
    if not isinstance(data, dict):
        raise RuleFileError(path, "file", "the file must be a JSON object {...}")
    r = _Reader(path, text)
    r.no_unknown(data, _SET_KEYS, "")
    basis = r.require(data, "legal_basis", "")
    if not isinstance(basis, dict):
        raise r.fail("legal_basis", 'must be an object {"law": ..., "decree": ...}')
    rule_set_id, title = r.text_of(data, "id", ""), r.text_of(data, "title", "")
    effective_from = r.date_of(data, "effective_from", "")
    effective_to = None
    if data.get("effective_to") is not None:  # null or absent: still in force
        effective_to = r.date_of(data, "effective_to", "")
        if effective_to < effective_from:
            raise r.fail("effective_to", "is before effective_from", "effective_to",
                         data["effective_to"])
    return RuleSet(
        id=rule_set_id, title=title,
        law=r.text_of(basis, "law", "legal_basis"),
        decree=r.text_of(basis, "decree", "legal_basis", required=False),
        effective_from=effective_from, effective_to=effective_to,
        source=r.text_of(data, "source", "", required=False),
        limits=_parse_limits(r, r.require(data, "limits", ""), rule_set_id, title))


def _parse_limits(r: _Reader, raw: Any, set_id: str,
                  set_title: str) -> dict[str, dict[InspectingLevel, Limit]]:
    if not isinstance(raw, list) or not raw:
        raise r.fail("limits", "must be a non-empty list of rules")
    limits: dict[str, dict[InspectingLevel, Limit]] = {}
    for i, item in enumerate(raw):
        key, per_level = _parse_limit(r, item, f"limits[{i}]", set_id, set_title)
        if key in limits:  # no line hint: the text search would find the first one
            raise r.fail(f"limits[{i}].key", f"duplicate key {key!r}; each key once per file")
        limits[key] = per_level
    return limits


def _parse_limit(r: _Reader, item: Any, where: str, set_id: str,
                 set_title: str) -> tuple[str, dict[InspectingLevel, Limit]]:
    if not isinstance(item, dict):
        raise r.fail(where, "each rule must be an object {...}")
    r.no_unknown(item, _LIMIT_KEYS, where)
    key = r.text_of(item, "key", where)
    where = f"{where} ({key})"
    unit = _unit(r, item, where)
    counted_from = r.text_of(item, "counted_from", where)
    if counted_from not in _COUNTED_FROM:
        raise r.fail(f"{where}.counted_from", "must be a stage code or "
                     f"{REQUEST_SENT!r} or {HEAD_RECEIVED!r}; stages: "
                     f"{', '.join(s.value for s in Stage)}",
                     "counted_from", counted_from)
    common: dict[str, Any] = dict(
        key=key, unit=unit, counted_from=counted_from, rule_set_id=set_id,
        rule_set_title=set_title, article=Cited(r.text_of(item, "article", where),
                                                r.text_of(item, "article_en", where,
                                                          required=False)))
    verify = r.flag_of(item, "verify", where)
    note = r.text_of(item, "note", where, required=False)
    note_en = r.text_of(item, "note_en", where, required=False)
    if "checked" in item:
        common["checked"] = r.date_of(item, "checked", where)
    if "receipt_days" in item:
        days = item["receipt_days"]
        if counted_from != HEAD_RECEIVED or isinstance(days, bool) or not isinstance(days, int) \
                or not 0 <= days <= 60:
            raise r.fail(f"{where}.receipt_days", "a whole number of days 0–60, only with "
                         f"counted_from {HEAD_RECEIVED!r}", "receipt_days", days)
        common["receipt_days"] = days
    if "applies_when" in item:
        grounds = item["applies_when"]
        if not isinstance(grounds, list) or not grounds or any(
                g not in CONSULTATION_GROUNDS for g in grounds):
            raise r.fail(f"{where}.applies_when", "a non-empty list of "
                         f"{', '.join(CONSULTATION_GROUNDS)}", "applies_when", grounds)
        common["applies_when"] = tuple(grounds)
    values = r.require(item, "values", where)
    if not isinstance(values, dict) or not values:
        raise r.fail(f"{where}.values", "must map inspecting levels to numbers")
    per_level = {}
    for level_name, spec in values.items():
        level = _level(r, level_name, f"{where}.values")
        per_level[level] = _level_limit(r, spec, f"{where}.values.{level_name}", level_name,
                                        verify, (note, note_en), dict(common, level=level))
    return key, per_level


def _level(r: _Reader, name: str, where: str) -> InspectingLevel:
    try:
        return InspectingLevel(name)
    except ValueError:
        allowed = ", ".join(level.value for level in InspectingLevel)
        raise r.fail(f"{where}.{name}", f"unknown inspecting level; use one of {allowed}",
                     name) from None


def _level_limit(r: _Reader, spec: Any, where: str, level_name: str, verify: bool,
                 notes: tuple[str, str], common: dict[str, Any]) -> Limit:
    """A level's value is a number, null (the law sets the limit, its figure is not known:
    shown as such, never guessed), or {"value": n or null, "verify": bool, "note": text}."""
    note, note_en = notes
    if isinstance(spec, dict):
        r.no_unknown(spec, _LEVEL_VALUE_KEYS, where)
        value = r.require(spec, "value", where)
        verify = verify or r.flag_of(spec, "verify", where)
        note = r.text_of(spec, "note", where, required=False) or note
        note_en = r.text_of(spec, "note_en", where, required=False) or note_en
    else:
        value = spec
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                              or value < 0):
        key, shown = ("value", value) if isinstance(spec, dict) else (level_name, spec)
        raise r.fail(where, f"must be a whole number of days ≥ 0 (or null), got {value!r}",
                     key, shown)
    return Limit(value=value, verify=verify or value is None, note=note, note_en=note_en,
                 **common)


def _unit(r: _Reader, item: Mapping[str, Any], where: str) -> Unit:
    value = r.require(item, "unit", where)
    try:
        return Unit(value)
    except ValueError:
        allowed = ", ".join(u.value for u in Unit)
        raise r.fail(f"{where}.unit", f"{value!r} is not one of {allowed}", "unit",
                     value) from None

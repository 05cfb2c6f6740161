"""The demo's literal data — organisation, plans, the fixed cases, directives, the word
pools of synthetic cases — read from resources/demo/*.json (data files a reader can
check and change without reading code) into the shapes services.demo works with."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from desktop.domain.levels import Level, Role
from desktop.storage.resource_files import resources_dir
from desktop.domain.stages import Basis, Stage

# an event: (stage, "dd/mm/yyyy", doc_ref, note, extension days)
Event = tuple[Stage, str, str, str, "int | None"]


def parse_day(text: str) -> date:
    day, month, year = (int(part) for part in text.split("/"))
    return date(year, month, day)


@dataclass(frozen=True)
class Plan:
    year: int
    title: str
    approved_number: str
    approved_date: date
    # (inspected party, content, quarter, days, team size)
    items: tuple[tuple[str, str, int, int, int], ...]


@dataclass(frozen=True)
class Opinion:
    addressee: str
    kind: str            # ministry / province / agency / pm
    sent: str
    doc_ref: str
    subject: str
    answered: str | None = None
    answer_ref: str = ""


@dataclass(frozen=True)
class Fixed:
    code: str
    title: str
    party: str
    content: str
    period: tuple[str, str]
    basis: Basis
    level: Level
    complexity: str
    leader: str
    deputy: str
    members: tuple[str, ...]
    secretary: str
    findings: str
    events: tuple[Event, ...]
    plan_item: int | None = None      # index into the first plan's items
    assignment_ref: str = ""
    results: dict = field(default_factory=dict)
    opinions: tuple[Opinion, ...] = ()

    @property
    def decision(self) -> Event:
        return self.events[0]


def _read(name: str) -> dict[str, Any]:
    return json.loads((resources_dir() / "demo" / name).read_text(encoding="utf-8"))


def _tuples(rows: list) -> tuple:
    return tuple(tuple(row) for row in rows)


@cache
def organisation() -> tuple[tuple, tuple, tuple]:
    """(units, staff, users) — users as (username, Role, Level, staff name)."""
    data = _read("organisation.json")
    users = tuple((name, Role(role), Level(level), staff)
                  for name, role, level, staff in data["users"])
    return _tuples(data["units"]), _tuples(data["staff"]), users


@cache
def plans() -> tuple[Plan, ...]:
    return tuple(Plan(p["year"], p["title"], p["approved_number"], parse_day(p["approved_date"]),
                      _tuples(p["items"]))
                 for p in _read("plans.json")["plans"])


@cache
def cases() -> tuple[tuple[Fixed, ...], dict[str, float], dict[str, tuple[str, str]]]:
    """(fixed cases, recovered share by code, policy recommendation by code)."""
    data = _read("cases.json")
    fixed = tuple(Fixed(
        c["code"], c["title"], c["party"], c["content"], tuple(c["period"]), Basis(c["basis"]),
        Level(c["level"]), c["complexity"], c["leader"], c["deputy"], tuple(c["members"]),
        c["secretary"], c["findings"],
        tuple((Stage(stage), day, doc, note, days) for stage, day, doc, note, days in c["events"]),
        c["plan_item"], c["assignment_ref"], c["results"],
        tuple(Opinion(**o) for o in c["opinions"])) for c in data["cases"])
    policy = {code: tuple(pair) for code, pair in data["policy"].items()}
    return fixed, data["recovered_share"], policy


@cache
def directives() -> tuple[tuple, dict[Stage, tuple[str, str, str]]]:
    """(directives, which stage records which document: type, issuer, summary template)."""
    data = _read("directives.json")
    return (_tuples(data["directives"]),
            {Stage(stage): tuple(doc) for stage, doc in data["documents"].items()})


@cache
def names() -> dict[str, Any]:
    """The word pools of synthetic cases, as tuples (ministries: name → (topics, bodies))."""
    data = _read("names.json")
    pools: dict[str, Any] = {key: tuple(value) for key, value in data.items()
                             if isinstance(value, list)}
    pools["provinces"] = _tuples(data["provinces"])
    pools["ministries"] = {name: (tuple(topics), tuple(bodies))
                           for name, (topics, bodies) in data["ministries"].items()}
    return pools

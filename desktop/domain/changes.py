"""What a write changed, so that each page decides whether it must load again (as Anki's
operations return OpChanges) — instead of every page reloading after any write."""

from __future__ import annotations

from enum import Enum
from typing import Iterable


class Area(str, Enum):
    CASES = "cases"              # a case's own fields, team, classification; new cases
    EVENTS = "events"            # a case's workflow events: its stage and deadlines
    OPINIONS = "opinions"        # requests for opinions and their replies
    DIRECTIVES = "directives"    # directives and their progress
    RESULTS = "results"          # results, recommendations and their follow-up
    PLAN = "plan"                # annual plans and their amendments
    DOCUMENTS = "documents"      # the document registers, contents and acts
    USERS = "users"              # accounts, roles, clearances
    STAFF = "staff"              # units and staff (names offered in forms and filters)
    RULES = "rules"              # calendar, rule set, vault settings: what is due moves


class Changes:
    """A set of areas a write touched: Changes(Area.EVENTS, Area.CASES)."""

    __slots__ = ("areas",)

    def __init__(self, *areas: Area) -> None:
        self.areas = frozenset(Area(a) for a in areas)

    def __or__(self, other: Changes) -> Changes:
        return Changes(*(self.areas | other.areas))

    def touches(self, watched: Iterable[Area]) -> bool:
        return not self.areas.isdisjoint(watched)

    def __bool__(self) -> bool:
        return bool(self.areas)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Changes) and other.areas == self.areas

    def __hash__(self) -> int:
        return hash(self.areas)

    def __repr__(self) -> str:
        return f"Changes({', '.join(sorted(a.value for a in self.areas))})"


EVERYTHING = frozenset(Area)

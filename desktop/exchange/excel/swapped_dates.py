"""Dates swapped by a month/day spreadsheet. A list typed d/m/yyyy that passed through a
spreadsheet set to a US locale comes back with every date whose day is ≤ 12 turned into a
real date cell with day and month swapped, while the dates whose day is > 12 stay text (no
13th month). Such a column is recognised — real date cells, none with a day above 12, and
text dates whose first number is above 12 — and the swap it needs proposed: the user
confirms it, or the import refuses those cells. Qt-free and database-free."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Sequence

_TEXT_DATE = re.compile(r"^\s*(?:ngày\s+)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})\s*$",
                        re.IGNORECASE)


@dataclass(frozen=True)
class Swap:
    cells: list[int]            # positions (in the column) of the real date cells to swap
    evidence: list[int]         # positions of text dates whose day is above 12

    def swapped(self, value: object) -> object:
        """A real date with day and month exchanged (a date cell's time is kept)."""
        if isinstance(value, dt.datetime):
            return value.replace(month=value.day, day=value.month)
        if isinstance(value, dt.date):
            return value.replace(month=value.day, day=value.month)
        return value


def detect(cells: Sequence[object]) -> Swap | None:
    real = [i for i, v in enumerate(cells) if isinstance(v, (dt.date, dt.datetime))]
    if not real:
        return None
    if any(cells[i].day > 12 for i in real):
        return None   # a real date with day > 12 cannot have been swapped
    evidence = []
    for i, v in enumerate(cells):
        if isinstance(v, str):
            match = _TEXT_DATE.match(v)
            if match and int(match.group(1)) > 12 and 1 <= int(match.group(2)) <= 12:
                evidence.append(i)
    if not evidence:
        return None
    return Swap([i for i in real if cells[i].day != cells[i].month], evidence)

"""Find the header row in a sheet laid out by hand: title rows above it, columns in any
order, words with or without accents ("Số quyết định", "so QD", "SỐ QĐ"), a group header
merged over two rows ("Quyết định" above "Số" and "Ngày")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Collection

from desktop.domain.folding import fold
from desktop.exchange.excel.guard import ExcelFileError
from desktop.exchange.excel.reader import Sheet, fill_merged

SCAN_ROWS = 30          # headers sit near the top; scanning further only finds data rows
_LONG_TEXT = 200        # longer cells are notes or data, never column names
_NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass
class HeaderMatch:
    row_index: int                      # the (lower) header row; data starts below it
    columns: dict[str, int]             # field → column index
    unknown: list[tuple[int, str]]      # header cells no field claimed: (column, text)
    missing_required: list[str]
    top_row: int                        # == row_index, or the group-header row above it

    @property
    def data_start(self) -> int:
        return self.row_index + 1


def header_key(text: object) -> str:
    """Accents, case, spaces and punctuation ignored: "SỐ QĐ" and "so Q.Đ" → "soqd"."""
    if text is None:
        return ""
    text = str(text)
    return "" if len(text) > _LONG_TEXT else _NOT_ALNUM.sub("", fold(text))


def find_header(sheet: Sheet, aliases: dict[str, list[str]], min_matches: int = 2,
                required: "Collection[str] | None" = None,
                scan_rows: int = SCAN_ROWS) -> "HeaderMatch | None":
    """The row (or pair of rows) among the first scan_rows that names the most fields;
    None when no row names min_matches of them. required defaults to every field."""
    keys = {f: sorted({header_key(a) for a in names} - {""}, key=len, reverse=True)
            for f, names in aliases.items()}
    need = max(1, min(min_matches, len(keys)))
    window = Sheet(sheet.name, [list(r) for r in sheet.rows[:scan_rows]], sheet.merged)
    fill_merged(window, scan_rows - 1)
    texts = [[header_key(v) for v in row] for row in window.rows]

    best, best_rank = None, (need - 1, 0)
    for r in range(len(texts)):
        single = _assign({c: [k] for c, k in enumerate(texts[r]) if k}, keys)
        candidates = [(single, r)]
        upper = texts[r - 1] if r else []
        if len({k for k in upper if k}) >= 2:  # a group-header row, not a merged title
            # rows are rectangular, so upper and texts[r] have the same width
            pair = _assign({c: _combined(upper[c], k)
                            for c, k in enumerate(texts[r]) if k or upper[c]}, keys)
            if len(pair[0]) > len(single[0]):
                candidates.append((pair, r - 1))
        for (columns, score), top in candidates:
            if (len(columns), score) > best_rank:
                best, best_rank = (columns, r, top), (len(columns), score)
    if best is None:
        return None
    columns, row, top = best
    claimed = set(columns.values())
    unknown = []
    for c in range(sheet.width):
        if c in claimed:
            continue
        parts = [window.rows[i][c] for i in range(top, row + 1) if window.rows[i][c] is not None]
        parts = [str(p) for i, p in enumerate(parts) if p not in parts[:i]]
        if parts:
            unknown.append((c, " ".join(parts)))
    wanted = keys if required is None else required
    missing = [f for f in wanted if f not in columns]
    return HeaderMatch(row, columns, unknown, missing, top)


def require_header(sheet: Sheet, aliases: dict[str, list[str]], min_matches: int = 2,
                   required: "Collection[str] | None" = None) -> HeaderMatch:
    """find_header, or an error that tells the user which columns were expected."""
    match = find_header(sheet, aliases, min_matches, required)
    if match is None:
        examples = ", ".join(f"“{names[0]}”" for names in list(aliases.values())[:5] if names)
        raise ExcelFileError("excel.header_not_found", sheet=sheet.name,
                             n=max(1, min(min_matches, len(aliases))), expected=examples)
    return match


def _combined(upper: str, lower: str) -> list[str]:
    """Texts a column of a two-row header may mean: "Quyết định" over "Số" reads as
    "Số quyết định" or "Quyết định số"; a cell empty below is named by the one above."""
    if not lower or lower == upper:
        return [upper]
    if not upper:
        return [lower]
    return [lower, upper + lower, lower + upper]


def _score(text: str, alias: str) -> int:
    if text == alias:
        return 3
    if len(alias) >= 4 and text.startswith(alias):   # "Số tiền (đồng)" for "Số tiền"
        return 2
    if len(alias) >= 6 and alias in text:
        return 1
    return 0


def _assign(texts: dict[int, list[str]], keys: dict[str, list[str]]) -> tuple[dict[str, int], int]:
    """Best field for each column, greedily by score, each field and column used once."""
    options = []
    for field, aliases in keys.items():
        for col, candidates in texts.items():
            score, length = max(((_score(t, a), len(a)) for t in candidates for a in aliases),
                                default=(0, 0))
            if score:
                options.append((score, length, -col, field, col))
    options.sort(reverse=True)
    columns: dict[str, int] = {}
    used: set[int] = set()
    total = 0
    for score, _, _, field, col in options:
        if field not in columns and col not in used:
            columns[field] = col
            used.add(col)
            total += score
    return columns, total


def header_cells(sheet: Sheet, match, max_columns: int = 300,
                 sample_rows: int = 50) -> "list[tuple[int, str, object]]":
    """(column, header text, example value) of each column of the sheet that has a header
    or data: what the mapping combos offer."""
    top, bottom = match.top_row, match.row_index
    window = Sheet(sheet.name, [list(r) for r in sheet.rows[:bottom + 1]], sheet.merged)
    fill_merged(window, bottom)
    cells = []
    for col in range(min(sheet.width, max_columns)):
        parts: list[str] = []
        for row in range(top, bottom + 1):
            value = window.value(row, col)
            text = " ".join(str(value).split()) if value is not None else ""
            if text and text not in parts:
                parts.append(text)
        sample = None
        for row in range(match.data_start, min(sheet.height, match.data_start + sample_rows)):
            value = sheet.value(row, col)
            if value is not None and not (isinstance(value, str) and not value.strip()):
                sample = value
                break
        if parts or sample is not None:
            cells.append((col, " ".join(parts), sample))
    return cells

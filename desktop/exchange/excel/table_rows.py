"""A sheet's table → rows of read values: the import's reading half, below the service.

Where the table starts (the header of the import kind), where it ends (table_end), what
each cell holds (the kind's converters in importspec, each distinct value read once), cells
merged down a group column, date columns a month/day spreadsheet swapped. What the rows
mean for the vault (insert, update, reject) is the service's business (services/importer).
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Protocol

from desktop.domain.dates import format_date
from desktop.domain.errors import HosoError, InvalidInput
from desktop.domain.messages import render
from desktop.exchange.excel import importspec, swapped_dates, table_end, vn_legacy
from desktop.exchange.excel.header import find_header, require_header
from desktop.exchange.excel.reader import Sheet, Workbook


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int            # 0-based row in the sheet (Excel row = row + 1)
    col: int | None     # 0-based column, None for the whole row
    key: str
    params: dict

    @property
    def cell(self) -> str:
        return Sheet.cell_ref(self.row, self.col) if self.col is not None else f"{self.row + 1}"

    def message(self, lang: str = "vi") -> str:
        return render(self.key, lang, **self.params)

    def to_json(self) -> dict:
        return {"sheet": self.sheet, "row": self.row + 1, "cell": self.cell,
                "message": self.message("vi"), "message_en": self.message("en")}


class TableRead(Protocol):
    """What read_rows reports back into (the service's ImportPlan is one)."""
    sheet: str
    skipped: list
    swap_dates: set
    dates_swapped: dict
    keep_encoding: set            # text fields the user wants left as they are
    converted: dict               # field → vn_legacy.Detection of what was converted


_HEADER_ROWS = 30   # rows under which no header is looked for in legacy encodings


def locate(workbook: Workbook, kind: str):
    """(sheet, HeaderMatch) of the first visible sheet with a header of this kind, or the
    message saying what the file lacks. A header typed in TCVN3 or VNI is found too (its
    rows are converted to Unicode in the sheet, so the columns read right everywhere)."""
    aliases, required = importspec.aliases(kind), importspec.required(kind)
    visible = [s for s in workbook.sheets if not (s.hidden or s.very_hidden) and s.rows]
    partial = None   # a header lacking a required column: its message, if nothing better
    for sheet in visible:
        match = find_header(sheet, aliases, min_matches=min(2, len(aliases)), required=required)
        if match is not None and not match.missing_required:
            return sheet, match
        partial = partial or (match and (sheet, match))
    for sheet in visible:
        found = _legacy_header(sheet, aliases, required)
        if found is not None:
            return sheet, found
    if partial:
        return partial
    first = next((s for s in workbook.sheets if not s.hidden and not s.very_hidden), None)
    require_header(first or workbook.sheets[0], aliases, 2, required)  # raises the message
    raise HosoError("import.no_rows", sheet=first.name if first else "")


def _legacy_header(sheet: Sheet, aliases, required):
    top = sheet.rows[:_HEADER_ROWS]
    # cell by cell: a title above may be in Unicode while the column headers are not
    legacy = {v for r in top for v in r if type(v) is str and vn_legacy.candidate([v])}
    if not legacy:
        return None
    for encoding in ("tcvn3", "vni"):
        view = Sheet(sheet.name, [[vn_legacy.convert(v, encoding) if v in legacy else v
                                   for v in r] for r in top], sheet.merged)
        match = find_header(view, aliases, min_matches=min(2, len(aliases)), required=required)
        if match is not None and not match.missing_required:
            for r in range(match.top_row, match.row_index + 1):
                sheet.rows[r] = view.rows[r]
            return match
    return None


_BAD = object()  # a cell its column's reader refused


class _ColumnReader(dict):
    """Cell value → read value (or _BAD), each distinct value read once: columns repeat
    their values (levels, units, dates), and a 100 000-row file is read column by column
    through this memo at C speed."""

    def __init__(self, read, options: dict) -> None:
        super().__init__()
        self.read, self.options, self.refused = read, options, False

    def __missing__(self, value):
        result = self[value] = _read_one(self.read, value, self.options)
        self.refused = self.refused or result is _BAD
        return result


def read_rows(sheet: Sheet, match, fields, date1904: bool, plan: "TableRead",
              progress=None, fonts=None) -> list[tuple[int, dict, list[Problem]]]:
    """Every data row under the header as (row index, {field: value}, problems); the lines
    that are not data go to plan.skipped, date columns a month/day spreadsheet swapped are
    swapped back (plan.swap_dates) or refused with the swap proposed, text columns typed in
    TCVN3 or VNI are converted to Unicode (plan.converted) unless the user said to keep
    them (plan.keep_encoding). `fonts`: a function giving {column: font names} of the
    sheet, asked only when a column could be legacy text."""
    _fill_group_cells(sheet, match, fields)
    rows, width, first = sheet.rows, sheet.width, match.data_start
    # blank separators, totals, notes, signature blocks, repeated headers and a second table
    # are not data: skipped and reported (table_end), never errors
    keys = [match.columns[f.name] for f in fields if f.required and f.name in match.columns]
    wanted, plan.skipped = table_end.classify(rows, first, rows[match.row_index],
                                              list(match.columns.values()), keys)
    if not wanted:
        raise HosoError("import.no_rows", sheet=sheet.name)
    kept = [rows[i] for i in wanted]
    names, columns, readers = [], [], []
    bad_rows: set[int] = set()
    extra: dict[int, list[Problem]] = {}   # refusals found per column (swapped dates)
    for f in fields:
        if f.name not in match.columns:
            continue
        col = match.columns[f.name]
        options = {"required": f.required}
        if f.read is importspec.to_date:
            options["date1904"] = date1904
        cells = list(map(itemgetter(col), kept)) if col < width else [None] * len(wanted)
        if f.read is importspec.to_date:
            cells = _swapped_dates(f, col, cells, wanted, sheet, plan, extra)
        elif f.read is importspec.to_text:
            cells = _legacy_text(f, col, cells, plan, fonts)
        if bool in set(map(type, cells)):  # True == 1: keep them apart from numbers
            read = [_read_one(f.read, v, options) for v in cells]
            refused = _BAD in read
        elif f.read is importspec.to_text:
            # the reader's text is already stripped and never empty (reader.clean): it is
            # the value; only numbers, dates and blanks go through to_text (codes and titles
            # are all distinct: a memo of them would cost more than it saves)
            reader = _ColumnReader(f.read, options)
            read = [v if type(v) is str else reader[v] for v in cells]
            refused = reader.refused
        else:
            reader = _ColumnReader(f.read, options)
            read = list(map(reader.__getitem__, cells))
            refused = reader.refused
        if refused:
            bad_rows.update(n for n, v in enumerate(read) if v is _BAD)
        names.append(f.name)
        columns.append(read)
        readers.append((f, col, options))
        if progress:  # reading the columns is the first half of the work (and a cancel point)
            progress(len(wanted) * len(columns) // (2 * len(fields)))
    parsed = []
    for n, (index, values) in enumerate(zip(wanted, zip(*columns))):
        problems: list[Problem] = list(extra.get(n, ()))
        if n in bad_rows:
            good = {}
            for name, value, (f, col, options) in zip(names, values, readers):
                if value is not _BAD:
                    good[name] = value
                    continue
                try:  # again, with the cell named, for the message
                    f.read(rows[index][col] if col < width else None,
                           cell=Sheet.cell_ref(index, col), **options)
                except InvalidInput as err:
                    problems.append(Problem(sheet.name, index, col, err.key, err.params))
            parsed.append((index, good, problems))
        else:
            parsed.append((index, dict(zip(names, values)), problems))
        if progress and n % 5000 == 4999:
            progress((len(wanted) + n + 1) // 2)
    return parsed


# what a cell merged down several rows means for each row it spans: a unit, a leader, a
# date or a level names every row of its group; an amount is one amount (filling it would
# count it once per row), so numbers stay in the first row only
_GROUPING_READS = (importspec.to_text, importspec.to_date, importspec.to_level,
                   importspec.to_basis)


def _fill_group_cells(sheet: Sheet, match, fields) -> None:
    """Cells merged down a text, date or level column (a unit spanning its cases) fill the
    rows they span; the reader gives their value to the first row only."""
    grouping = {match.columns[f.name] for f in fields
                if f.name in match.columns and f.read in _GROUPING_READS}
    rows = sheet.rows
    for r1, c1, r2, c2 in sheet.merged:
        if r2 <= r1 or r1 < match.data_start:
            continue
        for c in range(c1, c2 + 1):
            if c not in grouping or c >= sheet.width:
                continue
            value = rows[r1][c]
            for r in range(r1 + 1, min(r2, len(rows) - 1) + 1):
                if rows[r][c] is None:
                    rows[r][c] = value


def _swapped_dates(f, col: int, cells: list, wanted: list[int], sheet: Sheet,
                   plan: TableRead, extra: dict[int, list]) -> list:
    """A date column a month/day spreadsheet swapped (swapped_dates): with the user's
    word (swap_dates), its real date cells are swapped back; without it, each is refused
    with the swap proposed, so nobody imports 03/04 as 4 March without seeing it."""
    swap = swapped_dates.detect(cells)
    if swap is None or not swap.cells:
        return cells
    if f.name in plan.swap_dates:
        fixed = list(cells)
        for i in swap.cells:
            fixed[i] = swap.swapped(cells[i])
        plan.dates_swapped[f.name] = len(swap.cells)
        return fixed
    example = sheet.cell_ref(wanted[swap.evidence[0]], col)
    for i in swap.cells:
        value, proposed = cells[i], swap.swapped(cells[i])
        extra.setdefault(i, []).append(Problem(sheet.name, wanted[i], col, "import.dates_swapped", {
            "value": format_date(value), "proposed": format_date(proposed),
            "column": f.vi, "field": f.name, "example": example}))
    return cells


def _legacy_text(f, col: int, cells: list, plan: "TableRead", fonts) -> list:
    """A text column typed in TCVN3 or VNI: converted (each distinct text once), what was
    done kept in plan.converted for the preview — unless the user keeps the column as is."""
    found = vn_legacy.detect(cells)
    if found is None and fonts is not None and vn_legacy.candidate(cells):
        found = vn_legacy.detect(cells, fonts().get(col, ()))
    if found is None:
        return cells
    plan.converted[f.name] = found
    if f.name in plan.keep_encoding:
        return cells
    memo: dict[str, str] = {}
    out = []
    for value in cells:
        if type(value) is str and not value.isascii():
            text = memo.get(value)
            if text is None:
                text = memo[value] = vn_legacy.convert(value, found.encoding, found.capitals)
            out.append(text)
        else:
            out.append(value)
    return out


def _read_one(read, value, options: dict):
    try:
        return read(value, **options)
    except InvalidInput:
        return _BAD

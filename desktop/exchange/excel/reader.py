"""Read every worksheet of an .xlsx into plain Python values, after the guard said yes.

python-calamine reads first (fast; reads Strict OOXML and sheets without a <dimension>);
openpyxl in normal mode is the fallback (read-only mode trusts <dimension> and drops rows),
and both feed one normaliser, so callers never see which engine ran. Formulas are never
evaluated: calamine gives the cached values, openpyxl is opened with data_only=True.

Positions are absolute: rows[0] is Excel row 1 and rows[r][0] column A, whatever the engine
skipped, so Sheet.cell_ref(r, c) names the cell the user sees. Rows are rectangular (padded
to the sheet's width); trailing empty rows and columns are trimmed, because the sheet's
extent (max_row, <dimension>) counts formatted-only cells and is not the data's extent.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.bulk import collector_paused
from desktop.domain.folding import fold
from desktop.exchange.excel.guard import (LIMITS, ExcelFileError, Inspection, Limits,
                                          column_letters, inspect)

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")

# openpyxl makes a Python object per <c> and per merged cell: past this it is not worth trying
OPENPYXL_MAX_CELLS = 2_000_000


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    hidden: bool = False
    very_hidden: bool = False  # hidden so that only a program can show it (export manifests)

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def value(self, row: int, col: int) -> object:
        """The value at (row, col), None outside the data."""
        if 0 <= row < len(self.rows) and 0 <= col < len(self.rows[row]):
            return self.rows[row][col]
        return None

    @staticmethod
    def cell_ref(row: int, col: int) -> str:
        """(6, 1) → "B7"."""
        return f"{column_letters(col)}{row + 1}"


@dataclass
class Workbook:
    path: Path
    sheets: list[Sheet]            # worksheets in tab order, hidden ones flagged
    engine: str                    # "calamine" or "openpyxl", for diagnostics only
    date1904: bool = False         # serial numbers in cells count from 1904 (old Mac Excel)
    strict: bool = False
    source: "bytes | None" = field(default=None, repr=False)   # the .xlsx (its cell fonts)
    _fonts: dict = field(default_factory=dict, repr=False)     # sheet → its cell fonts

    def fonts(self, sheet: str) -> "dict[int, set[str]]":
        """Column → font names of a sheet's styled cells ({} when unknown): the evidence of
        legacy Vietnamese fonts (.VnTime, VNI-Times)."""
        if self.source is None:
            return {}
        if sheet not in self._fonts:   # read once per sheet, when first asked
            from desktop.exchange.excel.vn_legacy import cell_fonts
            self._fonts[sheet] = cell_fonts(self.source, sheet)
        return self._fonts[sheet]

    @property
    def visible_sheets(self) -> list[Sheet]:
        return [s for s in self.sheets if not s.hidden]

    def sheet(self, name: str) -> "Sheet | None":
        """Find a sheet by name, ignoring case and accents."""
        wanted = fold(name).strip()
        return next((s for s in self.sheets if fold(s.name).strip() == wanted), None)


READABLE_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".csv")


def is_readable_name(path: "str | Path") -> bool:
    """Whether the file's name says it is a workbook this reader opens (the content
    decides in the end: an .ods under another name is read as one)."""
    return str(path).lower().endswith(READABLE_SUFFIXES)


@collector_paused()
def read_workbook(path: "str | Path", limits: Limits = LIMITS) -> Workbook:
    """All worksheets of the file, or an ExcelFileError (a HosoError) naming the file."""
    if Path(path).suffix.lower() == ".csv":   # named .csv: read as text (csvfile)
        from desktop.exchange.excel.csvfile import read_csv
        return read_csv(Path(path), limits)
    found = inspect(path, limits)
    merged = None   # an .ods's merged ranges, from odsfile's check (calamine gives none)
    if found.ods:   # OpenDocument (.ods, or an .ods under another name)
        from desktop.exchange.excel.odsfile import inspect_ods
        merged = inspect_ods(found, limits)
        engines = [("calamine-ods", _read_calamine)]
    else:
        engines = [("calamine", _read_calamine)]
        if not found.strict:  # openpyxl reads zero sheets from Strict OOXML, silently
            if found.cell_tags + found.merged_area <= OPENPYXL_MAX_CELLS:
                engines.append(("openpyxl", _read_openpyxl))
    failures = []
    for name, engine in engines:
        try:
            sheets = engine(found, limits)
        except ExcelFileError:
            raise
        except (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError):
            raise
        except BaseException as exc:  # noqa: BLE001  Rust panics arrive as BaseException
            failures.append(f"{name}: {type(exc).__name__}: {exc}"[:160])
            continue
        if sheets:
            if merged is not None:
                for sheet, ranges in zip(sheets, merged):
                    sheet.merged = ranges
            return Workbook(found.path, sheets, name, found.date1904, found.strict,
                            None if found.ods else found.data)
        failures.append(f"{name}: no worksheets")
    file = found.path.name
    if all(f.endswith(": no worksheets") for f in failures):
        raise ExcelFileError("excel.no_sheets", file=file)
    key = "excel.strict_unreadable" if found.strict else "excel.unreadable"
    raise ExcelFileError(key, file=file, detail="; ".join(failures))


def fill_merged(sheet: Sheet, through_row: "int | None" = None) -> Sheet:
    """Copy each merged range's top-left value into its other cells (in place), for the
    ranges that start at or above through_row (all when None).

    Header rows need this: a group header merged over three columns names all three, and a
    vertically merged "STT" names the row below too. The reader does not do it for data
    rows, and neither should an importer without thinking: an amount merged over three
    rows is one amount, and filling it would count it three times.
    """
    rows, width = sheet.rows, sheet.width
    last = len(rows) - 1 if through_row is None else min(through_row, len(rows) - 1)
    for r1, c1, r2, c2 in sheet.merged:
        if r1 > last or c1 >= width:
            continue
        value = rows[r1][c1]
        if value is None:
            continue
        for r in range(r1, min(r2, last) + 1):
            row = rows[r]
            for c in range(c1, min(c2, width - 1) + 1):
                if row[c] is None:
                    row[c] = value
    return sheet


# --- one normaliser for both engines ---------------------------------------------------------

def clean(value: object) -> object:
    """Engine value → what callers get: text stripped and NFC (Vietnamese typed with combining
    marks compares equal to precomposed), "" → None, 3.0 → 3, midnight datetime → date.
    Error cells (#N/A, #REF!) become None: calamine reports them as "" and cannot be told
    from blanks, so openpyxl's error strings are dropped too, to keep one behaviour."""
    kind = type(value)
    if kind is str:
        text = value.strip()
        if not text:
            return None
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    if kind is float:
        if not math.isfinite(value):
            return None
        return int(value) if value.is_integer() else value
    if kind is dt.datetime:
        if value.tzinfo is None and value.time() == dt.time(0):
            return value.date()
        return value
    return value  # None, int, bool, date, time, timedelta


class _Grid:
    """Collects non-empty rows only, so a million formatted-but-empty rows cost nothing."""

    def __init__(self, file: str, limits: Limits) -> None:
        self.file, self.limits = file, limits
        self.rows: dict[int, list[object]] = {}
        self.width = 0

    def put(self, row: int, col0: int, raw: "list[object]") -> None:
        values = list(map(clean, raw))
        while values and values[-1] is None:
            values.pop()
        if not values:
            return
        if col0:
            values = [None] * col0 + values
        self.rows[row] = values
        self.width = max(self.width, len(values))

    def sheet(self, name: str, merged: list, hidden: bool, very_hidden: bool) -> Sheet:
        height, width = (max(self.rows) + 1 if self.rows else 0), self.width
        if height * width > self.limits.max_cells:
            raise ExcelFileError("excel.sheet_too_large", file=self.file, rows=height,
                                 cols=width, limit=self.limits.max_cells,
                                 cell=Sheet.cell_ref(height - 1, width - 1))
        rows = []
        for r in range(height):
            values = self.rows.pop(r, None)
            if values is None:
                rows.append([None] * width)
            else:
                values.extend([None] * (width - len(values)))
                rows.append(values)
        return Sheet(name, rows, merged, hidden or very_hidden, very_hidden)


def _read_calamine(found: Inspection, limits: Limits) -> list[Sheet]:
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    book = CalamineWorkbook.from_filelike(io.BytesIO(found.data))
    sheets = []
    try:
        for index, meta in enumerate(book.sheets_metadata):
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue  # chartsheets, dialog and macro sheets hold no table
            sheet = book.get_sheet_by_index(index)
            grid = _Grid(found.path.name, limits)
            if sheet.start is not None:  # iter_rows() panics on an empty sheet
                (_, c0), (r_end, c_end) = sheet.start, sheet.end
                count = 0
                for raw in sheet.iter_rows():
                    # 0.9 pads the rows above the data but not the columns left of it;
                    # work out both offsets from the shapes, not from one version's habit
                    col0 = c0 if len(raw) == c_end - c0 + 1 else 0
                    grid.put(count, col0, raw)
                    count += 1
                shift = r_end + 1 - count
                if shift > 0:
                    grid.rows = {r + shift: v for r, v in grid.rows.items()}
            merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
            sheets.append(grid.sheet(meta.name, merged, meta.visible == SheetVisibleEnum.Hidden,
                                     meta.visible == SheetVisibleEnum.VeryHidden))
    finally:
        book.close()
    return sheets


def _read_openpyxl(found: Inspection, limits: Limits) -> list[Sheet]:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "unknown extension" chatter about valid files
        book = openpyxl.load_workbook(io.BytesIO(found.data), data_only=True, keep_links=False,
                                      rich_text=False)
    sheets = []
    try:
        for ws in book.worksheets:
            by_row: dict[int, dict[int, object]] = {}
            # the sparse cell store, not iter_rows(): max_row counts formatted-only rows
            for (r, c), cell in ws._cells.items():
                if cell.value is None or cell.data_type == "e":
                    continue
                value = cell.value
                if type(value) is str and "_x" in value:  # calamine undoes _xHHHH_, openpyxl not
                    value = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
                by_row.setdefault(r - 1, {})[c - 1] = value
            grid = _Grid(found.path.name, limits)
            for r, cols in by_row.items():
                raw = [None] * (max(cols) + 1)
                for c, v in cols.items():
                    raw[c] = v
                grid.put(r, 0, raw)
            merged = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
                      for m in ws.merged_cells.ranges]
            sheets.append(grid.sheet(ws.title, merged, ws.sheet_state == "hidden",
                                     ws.sheet_state == "veryHidden"))
    finally:
        book.close()
    return sheets

"""OpenDocument spreadsheets (.ods, LibreOffice's format and a national standard for state
documents): checked like an .xlsx before any parser sees them (reader.read_workbook then
reads them with python-calamine into the same Workbook/Sheet the rest of the import uses).

The check (the guard's zip checks, then ODS's own): the `mimetype` entry says spreadsheet;
a password-protected file (manifest `encryption-data`) is refused with what to do; no XML
part may declare a DTD or entities; and content.xml is scanned tag by tag for the extent of
the cells that hold a value, repeats included (`table:number-rows-repeated="1048000"` of
empty formatted rows, which LibreOffice writes, costs nothing; a value repeated that far is
refused before calamine would build it). calamine gives no merged ranges for ODS, so the
scan also collects them (`table:number-rows-spanned` / `-columns-spanned`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from desktop.exchange.excel.guard import (LIMITS, MB, ODS_TYPES, Inspection, Limits,
                                          _Package, column_letters)

_TAGS = re.compile(
    rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>")
_REPEAT_ROWS = re.compile(rb'table:number-rows-repeated="(\d{1,9})"')
_REPEAT_COLS = re.compile(rb'table:number-columns-repeated="(\d{1,9})"')
_SPAN_ROWS = re.compile(rb'table:number-rows-spanned="(\d{1,9})"')
_SPAN_COLS = re.compile(rb'table:number-columns-spanned="(\d{1,9})"')


@dataclass
class _Table:
    rows: int = 0                  # rows seen so far (with repeats)
    max_row: int = -1              # farthest row / column holding a value
    max_col: int = -1
    merged: list = field(default_factory=list)


class _ContentScan:
    """content.xml tag by tag: per table, the extent of value cells and the merged ranges."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.tables: list[_Table] = []
        self.row_repeat = 1
        self.col = 0
        self.cells = 0
        self.open_cell: "tuple[int, int] | None" = None   # (column, repeat) of an open cell

    def feed(self, data: bytes) -> None:
        for closing, tag, attrs, empty in _TAGS.findall(data):
            if tag == b"table":
                if not closing:
                    self.tables.append(_Table())
                continue
            if not self.tables:
                continue
            table = self.tables[-1]
            if tag == b"table-row":
                if closing:
                    table.rows += self.row_repeat
                    continue
                found = _REPEAT_ROWS.search(attrs)
                self.row_repeat = int(found.group(1)) if found else 1
                self.col = 0
                if empty:   # <table:table-row/>: an empty row
                    table.rows += self.row_repeat
                continue
            if closing:   # </table:table-cell>: the cell had content (text:p)
                if self.open_cell is not None:
                    self._value(table, *self.open_cell)
                    self.open_cell = None
                continue
            found = _REPEAT_COLS.search(attrs)
            repeat = int(found.group(1)) if found else 1
            start, self.col = self.col, self.col + repeat
            if tag != b"table-cell":   # a covered cell: part of a merged range
                continue
            rows, cols = _SPAN_ROWS.search(attrs), _SPAN_COLS.search(attrs)
            if (rows and int(rows.group(1)) > 1) or (cols and int(cols.group(1)) > 1):
                if len(table.merged) < 100_000:
                    table.merged.append((table.rows, start,
                                         table.rows + (int(rows.group(1)) if rows else 1) - 1,
                                         start + (int(cols.group(1)) if cols else 1) - 1))
            if not empty:
                self.open_cell = (start, repeat)       # a value when it has content
            elif b"office:value-type" in attrs:
                self._value(table, start, repeat)

    def _value(self, table: _Table, start: int, repeat: int) -> None:
        self.cells += repeat * self.row_repeat
        table.max_row = max(table.max_row, table.rows + self.row_repeat - 1)
        table.max_col = max(table.max_col, start + repeat - 1)
        if (table.max_row + 1) * (table.max_col + 1) > self.limits.max_cells:
            raise _TooLarge(table.max_row, table.max_col)


class _TooLarge(Exception):
    def __init__(self, row: int, col: int) -> None:
        super().__init__(row, col)
        self.row, self.col = row, col


class _OdsPackage(_Package):
    """The guard's zip checks (sizes, ratios, CRCs, DTDs), then ODS's own parts."""

    def check_parts(self) -> None:
        mimetype = self.read_small("mimetype", cap=1024).strip()
        if mimetype not in ODS_TYPES:
            raise self.refuse("excel.odf_not_spreadsheet")
        manifest = self.read_small("meta-inf/manifest.xml", cap=8 * MB)
        if b"encryption-data" in manifest:
            raise self.refuse("excel.ods_encrypted")
        if "content.xml" not in self.parts:
            raise self.refuse("excel.missing_part", part="content.xml")
        for name, info in self.parts.items():
            if name.endswith(".xml") and name != "content.xml":
                self.stream(info, _Nothing())   # DTDs, CRC and byte counts
        scan = _ContentScan(self.limits)
        try:
            self.stream(self.parts["content.xml"], scan)
        except _TooLarge as big:
            raise self.refuse("excel.sheet_too_large", rows=big.row + 1, cols=big.col + 1,
                              limit=self.limits.max_cells,
                              cell=column_letters(big.col) + str(big.row + 1)) from None
        self.found.cells = scan.cells
        self.merged = [t.merged for t in scan.tables]


class _Nothing:
    def feed(self, data: bytes) -> None:
        pass


def inspect_ods(found: Inspection, limits: Limits = LIMITS) -> list:
    """Check the file (refusing it with the reason); the merged ranges of each table."""
    package = _OdsPackage(found, limits)
    package.check()
    return package.merged

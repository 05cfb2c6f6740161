"""The export manifest: a veryHidden sheet saying which vault a workbook came from, when,
by whom, and which record each data row shows with a hash of its values, so a re-import
can show what the user changed cell by cell and refuse a file from another vault.

row_hash hashes a row the way a re-import reads it back (desktop.exchange.excel.reader:
text stripped and NFC, "" as None, 3.0 as 3, midnight datetimes as dates), so the hash of
the values handed to the writer equals the hash of the values read from an unedited file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from desktop.exchange.excel.layouts import level_value, plain_value

if TYPE_CHECKING:  # pragma: no cover
    from desktop.exchange.excel.layouts import Column
    from desktop.exchange.excel.reader import Workbook as ReadBook

SHEET_NAME = "_hoso_manifest"
FORMAT = "hoso-export-manifest"
# 1: a row per exported row (key, hash, Excel row). 2: the same pairs packed as JSON into
# a few hundred cells; a third of an export's cells were the manifest's, and writing
# cells is what an export spends its time on. Both are read.
VERSION = 2
TABLE_HEADER = ("row_key", "row_hash", "excel_row")
PACKED_HEADER = ("packed_rows", "[row_key, row_hash] pairs, JSON, in row order")
PACKED_CHARS = 30_000  # per cell, under Excel's limit of 32 767
MAX_TEXT = 32_767  # characters in one Excel cell


@dataclass(frozen=True)
class Manifest:
    vault_id: str
    kind: str                       # what was exported, e.g. "cases", "report.01TTr"
    exported_at: str                # ISO 8601
    exported_by: str
    row_keys: list[str] = field(default_factory=list)
    row_hashes: list[str] = field(default_factory=list)   # one per data row; empty: the
    #                                 writer hashes the cells it writes (row_hash, same rules)
    excel_rows: list["int | None"] = field(default_factory=list)  # filled when read back
    sheet: str = ""                 # the sheet holding the rows (filled when read back)
    version: int = VERSION

    def rows(self) -> dict[str, tuple[str, "int | None"]]:
        """row_key → (row_hash, Excel row number)."""
        rows = self.excel_rows or [None] * len(self.row_keys)
        return {k: (h, r) for k, h, r in zip(self.row_keys, self.row_hashes, rows)}


# --- row hashes ----------------------------------------------------------------------------

def fix_text(text: str) -> str:
    """What a cell can hold: at most 32 767 characters, no lone surrogates (UTF-8 cannot
    carry them). Control characters stay: the writer escapes them as Excel does."""
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
    if _SURROGATE.search(text) is not None:
        text = _SURROGATE.sub("\ufffd", text)
    return text


def _seconds(value):
    """Dates with times go through Excel's day fractions: compare to the second."""
    if value.microsecond:
        value = value + dt.timedelta(microseconds=500_000) if isinstance(value, dt.datetime) \
            else (dt.datetime.combine(dt.date(2000, 1, 1), value)
                  + dt.timedelta(microseconds=500_000)).time()
        value = value.replace(microsecond=0)
    return value


def canonical(values: Sequence, columns: "Sequence[Column] | None" = None,
              lang: str = "vi") -> list:
    """The row as a re-import reads it back, in JSON-ready form."""
    levels = ({i for i, c in enumerate(columns) if c.kind == "level"} if columns is not None
              else ())
    out: list = []
    for i, v in enumerate(values):
        t = type(v)
        if t is str:                       # the common cases first, by exact type
            if len(v) > MAX_TEXT or _SURROGATE.search(v) is not None:
                v = fix_text(v)
            v = v.strip()
            if not v:
                v = None
            elif not v.isascii():
                v = unicodedata.normalize("NFC", v)
        elif v is None:
            pass
        elif t is int and i not in levels:
            if not -_EXACT < v < _EXACT:
                v = _number(v)
        elif t is dt.date:
            v = ["d", v.isoformat()]
        elif t is float and -_INF < v < _INF:
            v = int(v) if v.is_integer() else v
        else:
            v = _canonical_other(level_value(v, lang) if i in levels else plain_value(v, lang))
        out.append(v)
    while out and out[-1] is None:
        out.pop()
    return out


_EXACT = 2 ** 53        # integers a spreadsheet (a double) holds exactly
_INF = float("inf")
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _number(v: "int | float") -> "int | float":
    """The writer puts a number's exact text in the file; reading it gives a double."""
    if isinstance(v, int):
        return v if -_EXACT < v < _EXACT else int(float(v))
    return int(v) if v.is_integer() else v


def _canonical_other(v: object) -> object:
    if isinstance(v, str):
        return canonical([v])[0] if v else None
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return _number(v)
    if isinstance(v, dt.datetime):
        v = _seconds(v)
        return ["d", v.date().isoformat()] if v.time() == dt.time(0) else ["dt", v.isoformat()]
    if isinstance(v, dt.date):
        return ["d", v.isoformat()]
    if isinstance(v, dt.time):
        return ["t", _seconds(v).isoformat()]
    return str(v)


def row_hash(values: Sequence, columns: "Sequence[Column] | None" = None,
             lang: str = "vi") -> str:
    """SHA-256 (hex) of the canonical JSON of a row's exported values. Pass the columns
    when a "level" column holds numbers (0-3), and the export's language when labels
    (levels, stages) were written in English."""
    data = _JSON.encode(canonical(values, columns, lang))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def packed_cells(keys: Sequence[str], hashes: Sequence[str]) -> list[str]:
    """The row table of version 2: JSON arrays of [key, hash], each at most PACKED_CHARS
    long (a key longer than that is cut: keys are case codes)."""
    cells, part, size = [], [], 2
    for key, digest in zip(keys, hashes):
        pair = _JSON.encode([fix_text(str(key))[:PACKED_CHARS // 8], digest])  # escaped ≤ 6×
        # Excel counts UTF-16 units: a character beyond the BMP is two
        length = len(pair) if pair.isascii() else len(pair.encode("utf-16-le")) // 2
        if part and size + length + 1 > PACKED_CHARS:
            cells.append("[" + ",".join(part) + "]")
            part, size = [], 2
        part.append(pair)
        size += length + 1
    if part:
        cells.append("[" + ",".join(part) + "]")
    return cells


# --- reading it back -----------------------------------------------------------------------

def manifest_rows(manifest: Manifest, sheet: str, first_row: "int | None",
                  count: "int | None" = None) -> list[list]:
    """The manifest sheet's rows: key/value pairs, a blank row, then the row table."""
    n = len(manifest.row_keys)
    meta = [["key", "value"], ["format", FORMAT], ["version", manifest.version],
            ["vault_id", manifest.vault_id], ["kind", manifest.kind],
            ["exported_at", manifest.exported_at], ["exported_by", manifest.exported_by],
            ["sheet", sheet], ["first_data_row", first_row],
            ["row_count", n if count is None else count], [], list(PACKED_HEADER)]
    return meta


def read_manifest(path: "str | Path") -> Manifest | None:
    """The manifest of an exported workbook; None when it has none (or not one this
    program can read). Only the manifest sheet is parsed: the rest of the file may have
    been edited in any way. The file goes through the guard first, like every import.

    python-calamine reads the one sheet; openpyxl (read-only) is the fallback. openpyxl
    alone would be slow here: on opening it scans every sheet without a <dimension>
    element (write-only files and some re-saved ones have none) to its end, 16 s for a
    100 000-row export against 0.4 s with calamine."""
    from desktop.exchange.excel.guard import inspect

    found = inspect(path)
    try:
        rows = _calamine_rows(found.data)
    except (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError):
        raise
    except BaseException:  # noqa: BLE001  calamine's Rust panics arrive as BaseException
        try:
            rows = _openpyxl_rows(found.data)
        except Exception:  # noqa: BLE001 — a part neither reader can parse: no manifest to trust
            return None
    return None if rows is None else parse_manifest(rows)


def _calamine_rows(data: bytes) -> "list | None":
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        name = _find_sheet(book.sheet_names)
        return None if name is None else book.get_sheet_by_name(name).to_python()
    finally:
        book.close()


def _openpyxl_rows(data: bytes) -> "list | None":
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    try:
        name = _find_sheet(book.sheetnames)
        return None if name is None else list(book[name].iter_rows(values_only=True))
    finally:
        book.close()


def manifest_from_workbook(book: "ReadBook") -> Manifest | None:
    """The same from a workbook read_workbook already read (no second parse)."""
    name = _find_sheet([s.name for s in book.sheets])
    if name is None:
        return None
    sheet = next(s for s in book.sheets if s.name == name)
    return parse_manifest(sheet.rows)


def _find_sheet(names: Sequence[str]) -> str | None:
    if SHEET_NAME in names:
        return SHEET_NAME
    return next((n for n in names if n.strip().lower() == SHEET_NAME), None)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_manifest(rows) -> Manifest | None:
    meta: dict[str, str] = {}
    keys: list[str] = []
    hashes: list[str] = []
    excel_rows: list[int | None] = []
    in_table = packed = broken = False
    for row in rows:
        cells = list(row or ())[:3]
        cells += [None] * (3 - len(cells))
        first = _text(cells[0])
        if not in_table:
            if first == TABLE_HEADER[0] and _text(cells[1]) == TABLE_HEADER[1]:
                in_table = True
            elif first == PACKED_HEADER[0]:
                in_table = packed = True
            elif first:
                meta.setdefault(first, _text(cells[1]))
            continue
        if not first and not _text(cells[1]):
            continue  # a blank line (readers give "" or None)
        if packed:
            try:
                pairs = json.loads(first)
            except (ValueError, RecursionError):
                pairs = None
            if not isinstance(pairs, list) or not all(
                    isinstance(p, list) and len(p) == 2 for p in pairs):
                broken = True  # edited by hand: rows after it would land on wrong records
                continue
            for key, digest in pairs:
                keys.append(_text(key))
                hashes.append(_text(digest).lower())
            continue
        keys.append(first)
        hashes.append(_text(cells[1]).lower())
        try:
            excel_rows.append(int(cells[2]) if cells[2] not in (None, "") else None)
        except (TypeError, ValueError, OverflowError):
            excel_rows.append(None)
    if meta.get("format") != FORMAT or not meta.get("vault_id"):
        return None
    try:
        version = int(float(meta.get("version") or VERSION))
    except (ValueError, OverflowError):
        return None
    if version > VERSION:
        return None  # written by a newer program: do not guess its meaning
    if broken:  # still this vault's file (or not): only the row matching is lost
        keys, hashes = [], []
    if packed:  # rows were written one per line from first_data_row on
        try:
            first_row = int(float(meta.get("first_data_row") or ""))
            excel_rows = [first_row + i for i in range(len(keys))]
        except (ValueError, OverflowError):
            excel_rows = [None] * len(keys)
    return Manifest(meta["vault_id"], meta.get("kind", ""), meta.get("exported_at", ""),
                    meta.get("exported_by", ""), keys, hashes, excel_rows,
                    meta.get("sheet", ""), version)

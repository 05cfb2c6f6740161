"""Write registers and the period report to .xlsx the way the sector's forms look: unit
name and national motto on top, the title centred, bold bordered headers with merged
group cells, a column-number row, thin borders on every data cell, A4 landscape fitted to
the page width with the header rows repeated and "Trang x/y" in the footer.

Every export is streamed with openpyxl's write-only mode (one pass, little memory) into a
temporary file in the destination folder, renamed into place at the end: a failed or
cancelled export leaves nothing behind. Exported data never becomes a formula: text is
always written as text (inline string, quote prefix when it starts like a formula).
Classified exports carry the level in a red banner, the page header and footer, and a
red sheet tab; every export may carry a veryHidden manifest (manifest.py).

Speed: the data cells are a handful of pre-styled cells per column, reused row after row
(only their value changes), and rows are handed to the sheet writer as those cells. That
needs two openpyxl internals, kept in one place below (`_Internals`) and checked at import:
when a future openpyxl lacks them, the writer falls back to the public path (same file,
slower), and tests/integration/test_excel_export.py says so.

Why one module of 900 lines: the form's layout, the reused pre-styled cells and the
guarded openpyxl internals work on the same sheet row by row; split, each part would
reach into the others' private state.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import re
import tempfile
import types
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from desktop.domain.errors import Cancelled, HosoError
from desktop.domain.folding import fold
from desktop.domain.progress import Progress
from desktop.domain.messages import register
from desktop.exchange.excel import layouts
from desktop.exchange.excel.layouts import (CELL_PAD, LINE_PT, NUMBER_FORMATS, SAMPLE_ROWS,
                                            TITLE_LINE_PT, Column, Leaf, estimate_width,
                                            header_grid, level_mark, level_value, lines_needed,
                                            most_per_line, plain_value, texts, wrapped_lines)
from desktop.exchange.excel.manifest import (MAX_TEXT, SHEET_NAME, Manifest,
                                             fix_text, manifest_rows, packed_cells, read_manifest,
                                             row_hash)

__all__ = ["Column", "Manifest", "classified_file_name", "read_manifest",
           "row_hash", "write_period_report", "write_register"]

register({
    "excel.export.cancelled": ("Đã hủy xuất tệp Excel; không có tệp nào được tạo.",
                               "The Excel export was cancelled; no file was created."),
    "excel.export.no_folder": ("Không có thư mục {folder} để lưu tệp {file}.",
                               "The folder {folder} for {file} does not exist."),
    "excel.export.disk_full": ("Không ghi được tệp {file}: ổ đĩa đầy ({folder}). Không có tệp "
                               "nào được tạo; hãy giải phóng chỗ hoặc chọn nơi khác.",
                               "Cannot write {file}: the disk is full ({folder}). No file was "
                               "made; free some space or choose another place."),
    "excel.export.write_failed": ("Không ghi được tệp {file}: {detail}",
                                  "Could not write {file}: {detail}"),
    "excel.export.too_many_rows": (
        "Quá nhiều dòng cho một trang tính Excel (tối đa {limit} dòng dữ liệu); hãy lọc bớt "
        "rồi xuất lại.",
        "Too many rows for one Excel sheet (at most {limit} data rows); filter the list and "
        "export again."),
    "excel.export.in_use": (
        "Không thay được tệp {file}: tệp đang mở trong chương trình khác (Excel?). Hãy đóng "
        "tệp rồi xuất lại.",
        "Could not replace {file}: it is open in another program (Excel?). Close it and "
        "export again."),
})


# Text starting with one of these is what spreadsheet programs read as a formula when it is
# typed or pasted (or opened from CSV): such cells get the quote prefix as well
FORMULA_START = frozenset("=+-@\t\r")
# Characters XML 1.0 cannot carry (and \r, which XML turns into \n) are written as Excel
# writes them, _xHHHH_; a literal "_xHHHH_" in the text is escaped so it reads back as itself
_SPECIAL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]|_x[0-9A-Fa-f]{4}_")
_EXACT = 10 ** 15          # integers below this print exactly with openpyxl's "%.16g"
_INF = float("inf")
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384   # an Excel sheet; past them Excel repairs the file
MAX_ROW_PT = 409.0   # the tallest row Excel allows; taller is cut to this by Excel anyway
_PROGRESS_EVERY = 256   # rows between progress calls, the points where a caller may stop
_TEMP_PREFIX = ".~hoso-"

FONT = "Times New Roman"   # the font of administrative documents (Decree 30/2020)
_RED = "FFFF0000"


def _escape(match: "re.Match[str]") -> str:
    text = match.group()
    if len(text) > 1:                      # a literal _xHHHH_
        return "_x005F" + text
    return f"_x{ord(text):04X}_"


def cell_text(text: str) -> str:
    """Text as stored in the cell XML (reads back as `text` with calamine or Excel)."""
    if len(text) > MAX_TEXT or _SPECIAL.search(text) is not None:
        text = _SPECIAL.sub(_escape, fix_text(text))
    return text


def classified_file_name(path: "str | Path", level_label: "str | None") -> Path:
    """MAT_, TOI-MAT_ or TUYET-MAT_ in front of the file name (ASCII, so every file system
    and mail gateway keeps it); an ordinary export keeps its name. A level prefix already
    there is replaced, not doubled."""
    path = Path(path)
    mark = level_mark(level_label)
    name = path.name
    for known in ("TUYET-MAT_", "TOI-MAT_", "MAT_"):
        if name.upper().startswith(known):
            name = name[len(known):]
            break
    if mark is None:
        return path.with_name(name) if name else path
    prefix = re.sub(r"[^A-Z0-9]+", "-", fold(mark).upper()).strip("-") + "_"
    return path.with_name(prefix + name)


# --- openpyxl internals, in one place ------------------------------------------------------

class _Internals:
    """The two things the fast path needs from openpyxl 3.1 besides its public API:

    * WriteOnlyWorksheet._write_rows turns each appended row into cells with
      self._values_to_row(row, row_idx); replacing it per sheet lets our pre-built cells
      go straight to the XML writer (openpyxl's own version tries to bind every cell as a
      value first, formats an exception message for it and makes a new cell after it);
    * worksheet._writer.WorksheetWriter(ws, out=stream) streams a write-only sheet to the
      given stream; we give it memory, never a file (openpyxl's own choice is a file in
      %TEMP% or /tmp), and _MemoryExcelWriter puts that memory into the zip: a classified
      export leaves no clear part file anywhere, not even when the program is killed.
    """

    row_xml = True   # rows written by _write_row_xml (a test compares it with openpyxl's)

    def __init__(self) -> None:
        try:
            from openpyxl.worksheet import _writer as sheet_writer
            from openpyxl.worksheet._write_only import WriteOnlyWorksheet
            rows = WriteOnlyWorksheet._write_rows.__code__.co_names
            self.fast_rows = ("_values_to_row" in rows
                              and hasattr(WriteOnlyWorksheet, "_values_to_row"))
            self.writer_cls = sheet_writer.WorksheetWriter
            self.temp_files = sheet_writer.ALL_TEMP_FILES
            self.local_stream = ("out" in self.writer_cls.__init__.__code__.co_varnames
                                 and hasattr(self.writer_cls, "write_top"))
        except (ImportError, AttributeError):  # pragma: no cover - other openpyxl versions
            self.fast_rows = self.local_stream = False

    def prepare(self, ws, folder: Path) -> None:
        """Before the first row: stream to a file in `folder`, rows as ready cells."""
        if self.fast_rows:
            ws._values_to_row = types.MethodType(_cells_to_row, ws)
        if self.local_stream and getattr(ws, "_writer", None) is None:
            ws._writer = self.writer_cls(ws, out=io.BytesIO())
            ws._writer.write_top()
            if self.fast_rows and self.row_xml:
                ws._writer.write_row = types.MethodType(_write_row_xml, ws._writer)

    def discard(self, ws) -> None:
        """After a failure: close the sheet's stream and remove its file."""
        rows = getattr(ws, "_rows", None)
        if rows is not None:
            try:
                rows.close()  # ends the rows generator while its stream is still open
            except Exception:  # noqa: BLE001 - a broken stream: only the file matters
                pass
        writer = getattr(ws, "_writer", None)
        if writer is None:
            return
        try:
            writer.close()
        except Exception:  # noqa: BLE001 - closing a broken stream: only the file matters
            pass
        out = getattr(writer, "out", None)
        if isinstance(out, io.BytesIO):
            out.close()   # the memory goes now, not at the next collection


def _cells_to_row(self, cells, row_idx):
    column = 0
    for cell in cells:
        column += 1
        if cell is not None:
            cell.row = row_idx
            cell.column = column
            yield cell


_EXCEL_EPOCH = dt.date(1899, 12, 30)   # serial 61 and later (1900-03-01 on) count from here
_LETTERS = [get_column_letter(c) for c in range(1, 703)]   # A … ZZ (exports stay well within)


def _write_row_xml(self, xf, row, row_idx):
    """WorksheetWriter.write_row for our ready cells, as the XML text openpyxl would make
    (inline strings, serial dates, the cells' style ids), without an element tree per
    cell: that tree is two thirds of a 100 000-row export's time. A cell this does not
    know (a comment, a formula, a time, an old date, a column past ZZ) goes to openpyxl's
    own writer, in place."""
    write = getattr(xf, "_file", None)   # et_xmlfile's raw writer (lxml's has none)
    if write is None:
        return type(self).write_row(self, xf, row, row_idx)
    dims = self.ws.row_dimensions.get(row_idx)
    out = [f'<row r="{row_idx}"']
    if dims:
        out.extend(f' {k}="{v}"' for k, v in dims)
    out.append(">")
    for cell in row:
        value, kind = cell._value, cell.data_type
        if cell._comment is not None or cell.hyperlink is not None or cell.column > 702:
            kind = "?"
        style = f' s="{cell.style_id}"' if cell.has_style else ""
        ref = _LETTERS[cell.column - 1] + str(row_idx) if cell.column <= 702 else ""
        if kind == "s" and type(value) is str:
            if not value:
                out.append(f'<c r="{ref}"{style} t="inlineStr"/>')
                continue
            if "&" in value or "<" in value or ">" in value:
                value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            stripped = value.strip()
            space = ' xml:space="preserve"' if stripped and stripped != value else ""
            out.append(f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{value}</t></is></c>')
        elif value is None and kind in ("n", "s"):
            if cell.has_style:
                out.append(f'<c r="{ref}"{style} t="n"/>')
        elif kind == "n" and type(value) in (int, str):
            out.append(f'<c r="{ref}"{style} t="n"><v>{value}</v></c>')
        elif kind == "d" and type(value) is dt.date and value.year >= 1901:
            out.append(f'<c r="{ref}"{style} t="n"><v>{(value - _EXCEL_EPOCH).days}</v></c>')
        else:
            write("".join(out))
            out = []
            _openpyxl_write_cell(xf, self.ws, cell, cell.has_style)
    out.append("</row>")
    write("".join(out))


def _openpyxl_write_cell(xf, ws, cell, styled):
    from openpyxl.cell._writer import write_cell
    if cell._value is None and not styled and cell._comment is None:
        return
    write_cell(xf, ws, cell, styled)


INTERNALS = _Internals()


def _write_failed(exc: OSError, path: Path) -> HosoError:
    import errno
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return HosoError("excel.export.disk_full", file=path.name, folder=str(path.parent))
    return HosoError("excel.export.write_failed", file=path.name, detail=exc.strerror or str(exc))


def _save_from_memory(wb: Workbook, path: "Path | io.BytesIO") -> None:
    """openpyxl's save_workbook, except that a write-only sheet streamed to memory is
    copied from there into the zip (openpyxl's own writer reads it back from a file)."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.writer.excel import ExcelWriter

    class _MemoryExcelWriter(ExcelWriter):
        def write_worksheet(self, ws):
            writer = getattr(ws, "_writer", None)
            if not isinstance(getattr(writer, "out", None), io.BytesIO):
                return super().write_worksheet(ws)
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            if not ws.closed:
                ws.close()
            ws._rels = writer._rels
            writer.out.seek(0)
            with self._archive.open(ws.path[1:], "w", force_zip64=True) as dest:
                while block := writer.out.read(1 << 20):
                    dest.write(block)
            writer.out.close()
            self.manifest.append(ws)

    if not wb.worksheets:
        wb.create_sheet()
    wb.properties.modified = dt.datetime.now(tz=dt.timezone.utc).replace(tzinfo=None)
    with ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        _MemoryExcelWriter(wb, archive).save()


class _Cell(Cell):
    """A cell whose style never changes after it is made: the style id is looked up once,
    not once per write (openpyxl hashes the style array every time it writes a cell)."""

    __slots__ = ("_sid",)
    has_style = True

    @property
    def style_id(self) -> int:
        return self._sid


class _PlainCell(_Cell):
    """A cell in the default style (the manifest's): written without a style attribute."""

    __slots__ = ()
    has_style = False


# --- styles --------------------------------------------------------------------------------

_THIN = Side(style="thin", color="FF000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_GREY = PatternFill("solid", start_color="FFD9D9D9", end_color="FFD9D9D9")
_F = {
    "body": Font(name=FONT, size=12),
    "bold": Font(name=FONT, size=12, bold=True),
    "italic": Font(name=FONT, size=12, italic=True),
    "motto": Font(name=FONT, size=12, bold=True, underline="single"),
    "title": Font(name=FONT, size=14, bold=True),
    "banner": Font(name=FONT, size=14, bold=True, color=_RED),
}
_A = {
    "wrap": Alignment(horizontal="left", vertical="center", wrap_text=True),
    "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
    "right": Alignment(horizontal="right", vertical="center"),
    "number": Alignment(vertical="center"),
}


def _style_defs() -> dict[str, dict]:
    defs: dict[str, dict] = {
        "plain": {},
        "head": dict(font=_F["bold"], fill=_GREY, border=_BOX, alignment=_A["center"]),
        "num": dict(font=_F["italic"], border=_BOX, alignment=_A["center"]),
        "none": dict(font=_F["italic"], border=_BOX, alignment=_A["center"]),
        "banner": dict(font=_F["banner"], alignment=_A["center"]),
        "unit": dict(font=_F["bold"], alignment=_A["center"]),
        "nation": dict(font=_F["bold"], alignment=_A["center"]),
        "motto": dict(font=_F["motto"], alignment=_A["center"]),
        "form": dict(font=_F["bold"], alignment=Alignment(horizontal="right", vertical="center")),
        "title": dict(font=_F["title"], alignment=_A["center"]),
        "subtitle": dict(font=_F["italic"], alignment=_A["center"]),
        "note": dict(font=_F["italic"], alignment=Alignment(horizontal="right", vertical="center",
                                                              wrap_text=True)),
        "sign": dict(font=_F["bold"], alignment=_A["center"]),
        "sign_note": dict(font=_F["italic"], alignment=_A["center"]),
    }
    aligns = {"text": _A["wrap"], "level": _A["center"], "date": _A["center"],
              "datetime": _A["center"], "time": _A["center"], "stt": _A["center"]}
    for part, font in (("data", _F["body"]), ("total", _F["bold"])):
        for kind in (*NUMBER_FORMATS, "time", "stt"):
            fmt = {"time": "hh:mm", "stt": "General"}.get(kind) or NUMBER_FORMATS[kind]
            defs[f"{part}.{kind}"] = dict(font=font, border=_BOX, number_format=fmt,
                                          alignment=aligns.get(kind, _A["number"]))
    return defs


_STYLE_DEFS = _style_defs()
_BORDERED = frozenset(name for name, spec in _STYLE_DEFS.items() if "border" in spec)


class _Styles:
    """Each named style is made once per workbook; cells copy its style array and id."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self._made: dict[tuple[str, bool], tuple[StyleArray, int]] = {}

    def array(self, ws, name: str, quote: bool = False) -> tuple[StyleArray, int]:
        key = (name, quote)
        made = self._made.get(key)
        if made is None:
            probe = Cell(ws, row=1, column=1)
            for attr, value in _STYLE_DEFS[name].items():
                setattr(probe, attr, value)
            if quote:
                probe.quotePrefix = True
            array = StyleArray(probe._style or StyleArray())
            made = self._made[key] = (array, self.wb._cell_styles.add(array))
        return made

    def cell(self, ws, name: str, quote: bool = False) -> _Cell:
        array, sid = self.array(ws, name, quote)
        cls = _PlainCell if sid == 0 else _Cell
        cell = cls(ws, row=1, column=1, style_array=array)
        cell._sid = sid
        return cell

    def put(self, ws, name: str, value: object = None) -> _Cell:
        """A layout cell (title, header, …) holding `value`, written safely."""
        value = plain_value(value)
        if isinstance(value, str):
            if not value:
                value = None
            else:
                cell = self.cell(ws, name, quote=value[0] in FORMULA_START)
                cell._value, cell.data_type = cell_text(value), "s"
                return cell
        cell = self.cell(ws, name)
        if value is None:
            return cell
        if isinstance(value, bool):
            cell._value, cell.data_type = value, "b"
        elif isinstance(value, (int, float)):
            cell._value = repr(float(value)) if isinstance(value, float) else str(value)
            cell.data_type = "n"
        else:
            cell._value, cell.data_type = value, "d"
        return cell


class _Binder:
    """One column's cells: value in, a ready cell out (the same few cells every row)."""

    __slots__ = ("styles", "ws", "lang", "kind", "base", "plain", "quote", "numeric",
                 "is_date", "variants")

    def __init__(self, styles: _Styles, ws, kind: str, base: str, lang: str) -> None:
        self.styles, self.ws, self.lang, self.kind, self.base = styles, ws, lang, kind, base
        self.plain = styles.cell(ws, base)
        self.quote = styles.cell(ws, base, quote=True)
        self.numeric = kind in ("int", "money", "area", "million", "stt")
        self.is_date = kind == "date"
        self.variants: dict[str, _Cell] = {}

    def variant(self, kind: str) -> _Cell:
        cell = self.variants.get(kind)
        if cell is None:
            part = self.base.split(".")[0]
            cell = self.variants[kind] = self.styles.cell(self.ws, f"{part}.{kind}")
        return cell

    def bind(self, v: object) -> _Cell:
        t = type(v)
        if t is str:
            if v:
                cell = self.quote if v[0] in FORMULA_START else self.plain
                if len(v) > MAX_TEXT or _SPECIAL.search(v) is not None:
                    v = _SPECIAL.sub(_escape, fix_text(v))
                cell._value = v
                cell.data_type = "s"
                return cell
            v = None
        if v is None:
            cell = self.plain
            cell._value = None
            cell.data_type = "n"
            return cell
        if t is int and self.numeric:
            cell = self.plain
            cell._value = v if -_EXACT < v < _EXACT else str(v)
            cell.data_type = "n"
            return cell
        if t is float and self.numeric:
            return self.number(self.plain, v)
        if t is dt.date and self.is_date:
            cell = self.plain
            cell._value = v
            cell.data_type = "d"
            return cell
        return self.slow(v)

    def number(self, cell: _Cell, v: "int | float") -> _Cell:
        """Numbers go into the XML as their shortest exact text: openpyxl would print
        "%.16g", which turns 9.7 into 9.699999999999999 and 10**16 + 1 into 1e+16."""
        if type(v) is float or isinstance(v, float):
            if v != v or v in (_INF, -_INF):
                return self.bind(None)
            cell._value = repr(float(v))
        else:
            v = int(v)
            cell._value = v if -_EXACT < v < _EXACT else str(v)
        cell.data_type = "n"
        return cell

    def slow(self, v: object) -> _Cell:
        value = level_value(v, self.lang) if self.kind == "level" else plain_value(v, self.lang)
        if value is None or type(value) is str:
            return self.bind(value)
        if isinstance(value, bool):
            cell = self.plain
            cell._value, cell.data_type = value, "b"
            return cell
        if isinstance(value, (int, float)):
            cell = self.plain if self.numeric or self.kind in ("text", "level") else \
                self.variant("int")
            return self.number(cell, value)
        if isinstance(value, dt.datetime):
            if value.time() == dt.time(0):
                cell = self.plain if self.is_date else self.variant("date")
            else:
                cell = self.variant("datetime")
        elif isinstance(value, dt.date):
            cell = self.plain if self.is_date else self.variant("date")
        else:  # dt.time
            cell = self.variant("time")
        cell._value, cell.data_type = value, "d"
        return cell


# --- the workbook and its sheets -----------------------------------------------------------

def _safe_sheet_name(name: str, taken: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\\x00-\x1f]", "-", name or "").strip().strip("'") or "Sheet"
    name = name[:31]
    if name.lower() == "history":  # reserved by Excel
        name = name + " 1"
    base, n = name, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = base[:31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


class _Book:
    """A write-only workbook streamed to a temporary file beside the destination."""

    def __init__(self, path: "str | Path") -> None:
        self.path = Path(path)
        folder = self.path.parent
        if not folder.is_dir():
            raise HosoError("excel.export.no_folder", folder=str(folder), file=self.path.name)
        self.wb = Workbook(write_only=True)
        self.styles = _Styles(self.wb)
        self.sheets: list = []
        self.names: set[str] = set()
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=_TEMP_PREFIX, suffix=".xlsx.part")
        except OSError as exc:
            raise _write_failed(exc, self.path) from exc
        os.close(fd)
        self.tmp = Path(tmp)
        self.done = False

    def __enter__(self) -> "_Book":
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if not self.done:
            self.discard()

    def create_sheet(self, name: str):
        ws = self.wb.create_sheet(_safe_sheet_name(name, self.names))
        self.sheets.append(ws)
        return ws

    def discard(self) -> None:
        for ws in self.sheets:
            INTERNALS.discard(ws)
        try:
            self.tmp.unlink()
        except OSError:
            pass

    def write_manifest(self, manifest: Manifest, sheet: "_Sheet | None", count: int,
                       hashes: "list[str] | None", with_rows: bool = True) -> None:
        keys = [str(k) for k in manifest.row_keys]
        hashes = list(manifest.row_hashes) or list(hashes or [])
        if keys and len(hashes) != len(keys):
            raise ValueError(f"manifest: {len(keys)} row keys but {len(hashes)} row hashes")
        if with_rows and keys and len(keys) != count:
            raise ValueError(f"manifest: {len(keys)} row keys for {count} exported rows")
        ws = self.create_sheet(SHEET_NAME)
        ws.sheet_state = "veryHidden"
        ws.column_dimensions["A"].width = 24
        ws.column_dimensions["B"].width = 68
        INTERNALS.prepare(ws, self.path.parent)
        first = sheet.first_data_row if (sheet is not None and with_rows) else None
        name = sheet.ws.title if sheet is not None else ""
        put = self.styles.put
        for row in manifest_rows(manifest, name, first, count if with_rows else len(keys)):
            ws.append([put(ws, "plain", v) for v in row])
        packed = _Binder(self.styles, ws, "text", "plain", "vi")
        for cell in packed_cells(keys, hashes):
            ws.append([packed.bind(cell)])

    def commit(self, title: str, mark: "str | None") -> None:
        props = self.wb.properties
        props.creator = "Hồ sơ Thanh tra"
        props.lastModifiedBy = None
        props.title = title[:255] if title else None
        if mark:
            props.keywords = props.category = mark
        try:
            if self.path.suffix.lower() == ".ods":
                # the OpenDocument form of the same workbook (a national standard for state
                # documents): made from the workbook in memory, never from a clear file
                from desktop.exchange.excel.ods_writer import xlsx_to_ods
                buffer = io.BytesIO()
                _save_from_memory(self.wb, buffer)
                self.tmp.write_bytes(xlsx_to_ods(buffer.getvalue()))
                buffer.close()
            else:
                _save_from_memory(self.wb, self.tmp)
            with open(self.tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        except OSError as exc:
            raise _write_failed(exc, self.path) from exc
        try:
            os.replace(self.tmp, self.path)
        except PermissionError as exc:
            raise HosoError("excel.export.in_use", file=self.path.name) from exc
        except OSError as exc:
            raise _write_failed(exc, self.path) from exc
        self.done = True


class _Sheet:
    """One sheet laid out as a form: title block, header, column numbers, data."""

    def __init__(self, book: _Book, name: str, leaves: Sequence[Leaf], *, title: str,
                 subtitle: str = "", unit_name: str = "", lang: str = "vi",
                 mark: "str | None" = None, form_code: "str | None" = None,
                 note: "str | None" = None) -> None:
        if not leaves or len(leaves) > MAX_COLUMNS:
            raise ValueError(f"an export needs 1 to {MAX_COLUMNS} columns, not {len(leaves)}")
        self.book, self.styles = book, book.styles
        self.ws = book.create_sheet(name)
        self.leaves = list(leaves)
        self.n = len(self.leaves)
        self.title, self.subtitle, self.unit_name = title or "", subtitle or "", unit_name or ""
        self.lang, self.mark, self.form_code, self.note = lang, mark, form_code, note
        self.widths: list[float] = []
        self.first_data_row = 0
        self._row = 0

    # layout helpers
    def _split(self) -> int:
        """Columns of the left block (unit name): about 40 % of the width."""
        if self.n < 2:
            return self.n
        total, run = sum(self.widths), 0.0
        for i, w in enumerate(self.widths[:-1], 1):
            run += w
            if run >= total * 0.4:
                return i
        return self.n - 1

    def _span(self, c1: int, c2: int) -> float:
        return sum(self.widths[c1 - 1:c2])

    def _merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        if r2 > r1 or c2 > c1:
            self.ws.merged_cells.add(CellRange(min_row=r1, min_col=c1, max_row=r2, max_col=c2))

    def _height(self, row: int, points: float) -> None:
        self.ws.row_dimensions[row].height = round(min(points, MAX_ROW_PT), 2)

    def _line(self, parts: list[tuple[int, int, str, object]], height: "float | None" = None):
        """Append a layout row: (first col, last col, style, value) pieces, merged."""
        self._row += 1
        r = self._row
        cells: list = [None] * self.n
        for c1, c2, style, value in parts:
            cells[c1 - 1] = self.styles.put(self.ws, style, value)
            if style in _BORDERED:  # a merged range shows the borders of all its cells
                for c in range(c1 + 1, c2 + 1):
                    cells[c - 1] = self.styles.put(self.ws, style)
            self._merge(r, c1, r, c2)
        if height is not None:
            self._height(r, height)
        self.ws.append(cells)

    def _text_height(self, pieces: list[tuple[int, int, object]], line: float = LINE_PT,
                     bold: bool = False, size: float = 12) -> float:
        lines = max((lines_needed(str(v or ""), self._span(c1, c2), bold, size)
                     for c1, c2, v in pieces), default=1)
        return lines * line + 2

    # the sheet
    def begin(self, sample: Sequence[Sequence]) -> None:
        """Widths from the sample, then page setup, title block and header rows."""
        ws, n = self.ws, self.n
        for c, leaf in enumerate(self.leaves):
            if leaf.kind == "level":
                values = (level_value(row[c], self.lang) for row in sample if c < len(row))
            else:
                values = (plain_value(row[c], self.lang) for row in sample if c < len(row))
            self.widths.append(estimate_width(leaf, values))
            ws.column_dimensions[get_column_letter(c + 1)].width = self.widths[-1]

        txt = texts(self.lang)
        depth, grid = header_grid([leaf.path for leaf in self.leaves])
        rows_before = ((1 if self.mark else 0) + (1 if self.form_code else 0) + 3 + 1
                       + (1 if self.subtitle else 0) + 1)
        header_top = rows_before + 1
        number_row = header_top + depth
        self.first_data_row = number_row + 1
        ws.freeze_panes = f"A{self.first_data_row}"
        ws.print_title_rows = f"{header_top}:{number_row}"
        self._page_setup(txt)
        INTERNALS.prepare(ws, self.book.path.parent)

        k = self._split()
        left = (1, k)
        right = (k + 1, n) if n > 1 else (1, n)
        if self.mark:
            self._line([(1, n, "banner", self.mark)], height=24)
        if self.form_code:
            self._line([(right[0], right[1], "form", self.form_code)])
        unit = self.unit_name.upper()
        if n > 1:
            pieces = [(*left, unit), (*right, txt["nation"])]
            self._line([(*left, "unit", unit), (*right, "nation", txt["nation"])],
                       self._text_height(pieces, bold=True))
            self._line([(*right, "motto", txt["motto"])],
                       self._text_height([(*right, txt["motto"])], bold=True))
        else:  # one column: the blocks stacked
            self._line([(1, 1, "unit", unit)], self._text_height([(1, 1, unit)], bold=True))
            self._line([(1, 1, "nation", txt["nation"])],
                       self._text_height([(1, 1, txt["nation"])], bold=True))
            self._line([(1, 1, "motto", txt["motto"])])
        if n > 1:
            self._line([], height=8)
        self._line([(1, n, "title", self.title)],
                   self._text_height([(1, n, self.title)], TITLE_LINE_PT, True, 14))
        if self.subtitle:
            self._line([(1, n, "subtitle", self.subtitle)],
                       self._text_height([(1, n, self.subtitle)]))
        if self.note:
            self._line([(right[0], right[1], "note", self.note)],
                       self._text_height([(*right, self.note)]))
        else:
            self._line([], height=8)
        assert self._row == header_top - 1, (self._row, header_top)

        # header rows: every cell of the grid styled (merged ranges need borders everywhere)
        lines = [1] * depth
        for cell in grid:
            need = lines_needed(cell.text, self._span(cell.col + 1, cell.col2 + 1), bold=True)
            rows = cell.row2 - cell.row + 1
            if rows == 1:
                lines[cell.row] = max(lines[cell.row], need)
        for cell in grid:  # a cell spanning rows gets what the rows it spans lack
            rows = cell.row2 - cell.row + 1
            if rows > 1:
                need = lines_needed(cell.text, self._span(cell.col + 1, cell.col2 + 1), bold=True)
                have = sum(lines[cell.row:cell.row2 + 1])
                if need > have:
                    lines[cell.row2] += need - have
        by_row: dict[int, dict[int, str]] = {}
        for cell in grid:
            by_row.setdefault(cell.row, {})[cell.col] = cell.text
            self._merge(header_top + cell.row, cell.col + 1, header_top + cell.row2,
                        cell.col2 + 1)
        for r in range(depth):
            self._row += 1
            self._height(self._row, lines[r] * LINE_PT + 4)
            texts_here = by_row.get(r, {})
            ws.append([self.styles.put(ws, "head", texts_here.get(c)) for c in range(n)])
        self._row += 1
        ws.append([self.styles.put(ws, "num", leaf.number or f"({c + 1})")
                   for c, leaf in enumerate(self.leaves)])

    def _page_setup(self, txt: dict) -> None:
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = 9  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins = PageMargins(left=0.6, right=0.4, top=0.75, bottom=0.7,
                                      header=0.3, footer=0.3)
        ws.print_options.horizontalCentered = True
        ws.oddFooter.center.text = txt["page"]
        ws.oddFooter.center.font = FONT
        ws.oddFooter.center.size = 10
        if self.mark:
            # every printed page is marked at the top and the bottom; on page 1 the sheet's
            # own banner row is the top mark, so its header stays empty (else it reads twice)
            ws.HeaderFooter.differentFirst = True
            mark = self.mark.replace("&", "&&")
            for part in (ws.oddHeader.center, ws.oddFooter.left, ws.firstFooter.left):
                part.text = mark
                part.font = f"{FONT},Bold"
                part.size = 14 if part is ws.oddHeader.center else 11
                part.color = _RED[2:]
            ws.firstFooter.center.text = txt["page"]
            ws.firstFooter.center.font = FONT
            ws.firstFooter.center.size = 10
            ws.sheet_properties.tabColor = _RED

    def binders(self, part: str = "data") -> list[_Binder]:
        return [_Binder(self.styles, self.ws, "stt" if leaf.key == "stt" else leaf.kind,
                        f"{part}.{'stt' if leaf.key == 'stt' else leaf.kind}", self.lang)
                for leaf in self.leaves]

    def write_rows(self, rows: Iterable[Sequence], progress: "Progress | None" = None,
                   hashes: "list[str] | None" = None, columns=None, part: str = "data") -> int:
        ws, n = self.ws, self.n
        binders = self.binders(part)
        append = ws.append
        dims = ws.row_dimensions
        # rows whose text wraps get their height: LibreOffice does not fit rows on opening
        bold = part == "total"
        wraps = [(c, self.widths[c] - CELL_PAD, most_per_line(self.widths[c] - CELL_PAD, bold))
                 for c, leaf in enumerate(self.leaves) if leaf.kind == "text"]
        row_no = self._row
        count = 0
        empty = (None,) * n
        for values in rows:
            if len(values) != n:
                if len(values) > n:
                    raise ValueError(f"row {count + 1} has {len(values)} values for {n} columns")
                values = tuple(values) + empty[len(values):]
            cells = [b.bind(v) for b, v in zip(binders, values)]
            row_no += 1
            if row_no > MAX_ROWS:
                raise HosoError("excel.export.too_many_rows", limit=MAX_ROWS - self._row)
            lines = 1
            for c, usable, sure in wraps:
                v = values[c]
                if type(v) is str and (len(v) > sure or "\n" in v):
                    lines = max(lines, wrapped_lines(v, usable, bold))
            if lines > 1:
                dims[row_no].height = min(lines * LINE_PT + 3, MAX_ROW_PT)
                append(cells)
                del dims[row_no]   # written: keep no per-row object for 100 000 rows
            else:
                append(cells)
            if hashes is not None:
                hashes.append(row_hash(values, columns, self.lang))
            count += 1
            if progress is not None and count % _PROGRESS_EVERY == 0:
                progress(count)   # may raise Cancelled: the book removes its temp file
        self._row += count
        if progress is not None:
            progress(count)
        return count

    def write_none(self) -> None:
        txt = texts(self.lang)
        self._line([(1, self.n, "none", txt["none"])])

    def write_signature(self) -> None:
        txt = texts(self.lang)
        k = self._split()
        left, right = (1, k), (k + 1, self.n)
        self._line([], height=10)
        self._line([(*right, "sign_note", txt["place_date"])])
        self._line([(*left, "sign", txt["preparer"]), (*right, "sign", txt["head"])])
        self._line([(*left, "sign_note", txt["sign"]), (*right, "sign_note", txt["sign_stamp"])])


# --- public API ----------------------------------------------------------------------------

def write_register(path: "str | Path", *, title: str, subtitle: str = "", unit_name: str = "",
                   columns: Sequence[Column], rows: Iterable[Sequence],
                   level_label: "str | None" = None, manifest: "Manifest | None" = None,
                   sheet_name: str = "Danh sách", lang: str = "vi",
                   progress: "Progress | None" = None) -> int:
    """Write a register (one row per record) and return the number of data rows.

    Column widths come from the headers and the first rows; text starting like a formula
    stays text; a manifest without row_hashes gets them computed from the written values.
    progress(rows written) is called every 256 rows (domain.progress): a Cancelled raised
    from it ends the export as Cancelled("excel.export.cancelled"); HosoError when the file
    cannot be written; either way no file is left behind.
    """
    columns = list(columns)
    mark = level_mark(level_label)
    it: Iterator[Sequence] = iter(rows)
    sample = list(itertools.islice(it, SAMPLE_ROWS))
    with _Book(path) as book:
        sheet = _Sheet(book, sheet_name, [Leaf.of(c) for c in columns], title=title,
                       subtitle=subtitle, unit_name=unit_name, lang=lang, mark=mark)
        sheet.begin(sample)
        hashes = ([] if manifest is not None and manifest.row_keys and not manifest.row_hashes
                  else None)
        try:
            if progress is not None:
                progress(0)
            count = sheet.write_rows(itertools.chain(sample, it), progress, hashes, columns)
        except Cancelled as exc:
            raise Cancelled("excel.export.cancelled") from exc
        if manifest is not None:
            book.write_manifest(manifest, sheet, count, hashes)
        book.commit(title, mark)
    return count


def write_summary(path: "str | Path", *, title: str, subtitle: str, unit_name: str,
                  columns: Sequence[Column], rows: Sequence[tuple[Sequence, bool]],
                  level_label: "str | None" = None, sheet_name: str = "Tổng hợp",
                  lang: str = "vi") -> int:
    """A summary in the sector's layout: title block, header with column numbers, the rows
    (bold where the flag says: subtotals and the total), the signature block."""
    columns = list(columns)
    mark = level_mark(level_label)
    with _Book(path) as book:
        sheet = _Sheet(book, sheet_name, [Leaf.of(c) for c in columns], title=title,
                       subtitle=subtitle, unit_name=unit_name, lang=lang, mark=mark)
        sheet.begin([values for values, _bold in rows[:SAMPLE_ROWS]])
        count = 0
        for bold, run in itertools.groupby(rows, key=lambda item: item[1]):
            count += sheet.write_rows([values for values, _b in run],
                                      part="total" if bold else "data")
        if not rows:
            sheet.write_none()
        sheet.write_signature()
        book.commit(title, mark)
    return count


def write_period_report(path: "str | Path", report: dict, *, unit_name: str,
                        level_label: "str | None" = None, lang: str = "vi",
                        manifest: "Manifest | None" = None) -> None:
    """Table 01/TTr (money in million đồng, land in m², a TỔNG CỘNG row of values) and the
    lists of the period review, one sheet each, from PeriodReport.to_json()."""
    txt = texts(lang)
    mark = level_mark(level_label)
    period = layouts.period_line(report, lang)
    unit = unit_name or report.get("unit") or ""
    leaves, rows, total = layouts.table_01(report, unit, lang)
    with _Book(path) as book:
        main = _Sheet(book, txt["sheet_01"], leaves, title=txt["title_01"], subtitle=period,
                      unit_name=unit, lang=lang, mark=mark, form_code=txt["form_01"],
                      note=txt["unit_01"])
        main.begin(rows + [total])
        main.write_rows(rows)
        main.write_rows([total], part="total")
        main.write_signature()
        for listing in layouts.review_lists(report, lang):
            sheet = _Sheet(book, listing.name, listing.leaves, title=listing.title,
                           subtitle=period, unit_name=unit, lang=lang, mark=mark)
            sheet.begin(listing.rows[:SAMPLE_ROWS])
            if listing.rows:
                sheet.write_rows(listing.rows)
            else:
                sheet.write_none()
        if manifest is not None:
            book.write_manifest(manifest, main, len(rows), None, with_rows=False)
        book.commit(txt["title_01"], mark)

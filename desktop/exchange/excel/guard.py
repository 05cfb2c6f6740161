"""Look at a spreadsheet file before any parser does, and refuse it with a clear message.

Parsers fail badly on hostile input: openpyxl says only "BadZipFile" for a password-protected
workbook and returns zero sheets for Strict OOXML; python-calamine allocates rows × columns
cells up front, so one stray value at XFD1048576 aborts the whole process (Rust out of memory
cannot be caught); openpyxl creates an object for every cell of a merged range. So the guard
reads the file once into memory (parsers then get the same bytes: no swap between check and
use), checks the container, and streams every zip entry with hard caps, looking for DTDs,
bad CRCs, the extent of the cells that hold values and how far shared strings get copied.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

from defusedxml import ElementTree as SafeET

from desktop.domain.errors import HosoError

MB = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
STRICT_NS = b"http://purl.oclc.org/ooxml/spreadsheetml/main"
BETA_NS = b"http://schemas.microsoft.com/office/excel/2006/2"


# what zipfile raises on a damaged archive when an entry is opened or read (a header's
# offset pointing before the file start is a ValueError "negative seek value", found by
# tests/reliability/fuzz.py)
_ZIP_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
               RuntimeError, ValueError, struct.error)


class ExcelFileError(HosoError):
    """A spreadsheet the program will not read; the message names the file."""


@dataclass(frozen=True)
class Limits:
    max_file: int = 200 * MB        # bytes on disk (the file is read into memory once)
    max_entries: int = 10_000
    max_total: int = 500 * MB       # uncompressed bytes, declared and actually read
    max_ratio: int = 200            # compression ratio, for entries above ratio_floor
    ratio_floor: int = 1 * MB
    max_cells: int = 5_000_000      # rows × columns from A1 to a sheet's farthest value
    max_text: int = 200 * MB        # shared-string bytes summed over the cells using them
    max_text_run: int = 32 * MB     # bytes between two tags (Excel caps a cell at 32 767 chars)


LIMITS = Limits()


@dataclass
class Inspection:
    """What the guard learnt; the reader uses it to pick and bound the parsers."""

    path: Path
    data: bytes
    strict: bool = False
    date1904: bool = False
    cells: int = 0          # cells holding a value, all sheets
    cell_tags: int = 0      # every <c>, formatted-only ones too (openpyxl makes one object each)
    merged_area: int = 0    # cells covered by merged ranges (openpyxl makes one object each)
    ods: bool = False       # an OpenDocument spreadsheet: odsfile checks and reads it


def inspect(path: "str | Path", limits: Limits = LIMITS) -> Inspection:
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ExcelFileError("excel.not_found", file=name)
    if not path.is_file():
        raise ExcelFileError("excel.not_a_file", file=name)
    size = path.stat().st_size
    if size == 0:
        raise ExcelFileError("excel.empty", file=name)
    if size > limits.max_file:
        raise ExcelFileError("excel.file_too_large", file=name, size=size // MB,
                             limit=limits.max_file // MB)
    data = path.read_bytes()
    if data.startswith(OLE_MAGIC):
        raise _ole_refusal(data, name)
    if not data.startswith(b"PK"):
        raise _not_zip_refusal(data, name)
    found = Inspection(path, data)
    if is_ods(data):   # an OpenDocument spreadsheet, whatever its name: odsfile checks it
        found.ods = True
        return found
    try:
        _Package(found, limits).check()
    except _IsOds:
        found.ods = True
    return found


class _IsOds(Exception):
    """Raised by the OOXML check on finding an OpenDocument spreadsheet instead."""


ODS_TYPES = (b"application/vnd.oasis.opendocument.spreadsheet",
             b"application/vnd.oasis.opendocument.spreadsheet-template")


def is_ods(data: bytes) -> bool:
    """A zip whose first entry is the ODF `mimetype` of a spreadsheet (stored, as ODF
    requires, so its text sits right after the entry's header)."""
    return (data.startswith(b"PK\x03\x04") and data[30:38] == b"mimetype"
            and any(data[38:38 + len(kind)] == kind for kind in ODS_TYPES))


# --- not a zip -------------------------------------------------------------------------------

def _ole_refusal(data: bytes, name: str) -> ExcelFileError:
    """An OLE compound file is either an encrypted OOXML package or a legacy .xls."""
    try:
        streams = _ole_stream_names(data)
    except (struct.error, IndexError, ValueError):
        streams = None
    if streams is None:
        return ExcelFileError("excel.encrypted_or_xls", file=name)
    if streams & {"encryptioninfo", "encryptedpackage"}:
        return ExcelFileError("excel.encrypted", file=name)
    if streams & {"workbook", "book"}:
        return ExcelFileError("excel.legacy_xls", file=name)
    return ExcelFileError("excel.not_excel", file=name)


def _ole_stream_names(data: bytes) -> "set[str] | None":
    """Names in the compound file's directory (MS-CFB: header, DIFAT, FAT, directory chain)."""
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if shift not in (9, 12):
        return None
    size = 1 << shift
    n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
    first_difat, n_difat = struct.unpack_from("<II", data, 0x44)
    per_sector = size // 4

    def sector(n: int) -> tuple:
        return struct.unpack_from(f"<{per_sector}I", data, (n + 1) * size)

    difat = list(struct.unpack_from("<109I", data, 0x4C))
    nxt = first_difat
    for _ in range(min(n_difat, 1 << 16)):
        if nxt >= 0xFFFFFFFA:
            break
        entries = sector(nxt)
        difat.extend(entries[:-1])
        nxt = entries[-1]
    fat: list[int] = []
    for n in difat[:n_fat]:
        if n >= 0xFFFFFFFA:
            break
        fat.extend(sector(n))
    names, nxt = set(), first_dir
    for _ in range(len(fat) + 1):  # a cycle in the chain ends here, not in a hang
        if nxt >= 0xFFFFFFFA or nxt >= len(fat):
            break
        base = (nxt + 1) * size
        for entry in range(base, base + size, 128):
            length = struct.unpack_from("<H", data, entry + 64)[0]
            if 2 <= length <= 64:
                names.add(data[entry:entry + length - 2].decode("utf-16-le", "replace").lower())
        nxt = fat[nxt]
    return names


def _not_zip_refusal(data: bytes, name: str) -> ExcelFileError:
    """Web systems export HTML or CSV named .xls/.xlsx; say which, so the user can re-save."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", "replace")
    elif b"\x00" in head:
        return ExcelFileError("excel.not_excel", file=name)
    else:
        text = head.decode("utf-8", "replace")
    low = text.lstrip("\ufeff \t\r\n").lower()
    if low.startswith(("<!doctype html", "<html")) or "<table" in low or "<html" in low[:1024]:
        return ExcelFileError("excel.html_file", file=name)
    if "urn:schemas-microsoft-com:office:spreadsheet" in low or 'progid="excel.sheet"' in low:
        return ExcelFileError("excel.xml2003_file", file=name)
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n\f")
    if controls <= len(text) // 100:
        return ExcelFileError("excel.text_file", file=name)
    return ExcelFileError("excel.not_excel", file=name)


# --- the zip package -------------------------------------------------------------------------

_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # optional namespace prefix (Tencent, .NET SDK write "x:")
# markup declarations; XML keywords are upper case, UTF-16 ones are caught by "<\0!\0"
_DTD_MARKS = (b"<!DOCTYPE", b"<!ENTITY", b"<\x00!\x00", b"\x00<\x00!")
_CELL_TAGS = re.compile(rb"<" + _P + rb"(row|c|v)(?=[\s/>])([^>]*)>([^<]*)(</" + _P + rb"c\s*>)?")
_MERGES = re.compile(rb"<" + _P + rb"mergeCell\s([^>]*)>")
# The fast path reads only the cells that hold a value, with C-level regex and max(); it
# applies where every row and cell tag starts the way Excel writes it
_IRREGULAR = re.compile(rb'<(?:[A-Za-z_][\w.-]*:(?:c|row)(?=[\s/>])'          # prefixed tags
                        rb'|c(?=[\s/>])(?! r="[A-Z]{1,3}\d{1,7}")'            # no plain r=
                        rb'|row(?=[\s/>])(?! r="\d{1,7}"))')
# the same cells twice, once for their row numbers and once for their column letters: two
# C-level scans cost half of unzipping a million (letters, digits) pairs in Python
_FAST_VALUE_ROW = re.compile(rb'<c r="[A-Z]{1,3}(\d{1,7})"[^>]*(?<!/)>(?!</c>)')
_FAST_VALUE_COL = re.compile(rb'<c r="([A-Z]{1,3})\d{1,7}"[^>]*(?<!/)>(?!</c>)')
_FAST_SHARED = re.compile(rb'<c r="[A-Z]{1,3}\d{1,7}"[^>]*? t="s"[^>]*>'
                          rb'(?:<f[^>]*(?:/>|>[^<]*</f>))?<v>(\d{1,15})</v>')
_SST_TAGS = re.compile(rb"<" + _P + rb"(si|t)(?=[\s/>])([^>]*)>([^<]*)")
# wider than Excel's XFD1048576 on purpose: an out-of-range reference must count as far
_REF = re.compile(rb"""(?:^|\s)r=["']\$?([A-Za-z]{0,12})\$?(\d{1,15})["']""")
_RANGE = re.compile(rb"""ref=["']\$?([A-Za-z]{1,12})\$?(\d{1,15})"""
                    rb"""(?::\$?([A-Za-z]{1,12})\$?(\d{1,15}))?""")
_SHARED = re.compile(rb"""(?:^|\s)t=["']s["']""")
_CHUNK = 1 * MB


def _has_dtd(data: bytes) -> bool:
    # two scans of the common case instead of one per mark: "<!" and NUL are rare in a part
    if b"<!" in data and (b"<!DOCTYPE" in data or b"<!ENTITY" in data):
        return True
    return b"\x00" in data and any(mark in data for mark in _DTD_MARKS[2:])


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n - 1


def _norm(name: str) -> str:
    """Zip names as parsers match them: "/" separators, no leading "/", any case."""
    return posixpath.normpath(name.replace("\\", "/")).lstrip("/").lower()


class _CellScan:
    """Follows rows and cells like a parser does (cells without r= continue the row) and
    keeps the farthest cell that holds a value, the value-cell count, merged areas and how
    many shared-string bytes the cells pull in."""

    def __init__(self, sst_lengths: list[int]) -> None:
        self.sst = sst_lengths
        self.row = self.col = -1
        self.lazy_row, self.rows_after = b"", 0    # last row tag with r=, not parsed yet
        self.lazy_cell, self.cells_after = b"", 0  # last empty cell with r=, not parsed yet
        self.max_row = self.max_col = -1
        self.cells = self.tags = self.merged = self.text = 0
        self.shared = False

    def feed(self, data: bytes) -> None:
        for attrs in _MERGES.findall(data) if b"mergeCell" in data else ():
            area = _RANGE.search(attrs)
            if area and area.group(3):
                rows = abs(int(area.group(4)) - int(area.group(2))) + 1
                cols = abs(_col(area.group(3)) - _col(area.group(1))) + 1
                self.merged += rows * cols
        if _IRREGULAR.search(data):
            self.walk(data)
            return
        # regular text: the fast path up to the last row or cell tag, which walk() then
        # reads, to leave the position right for whatever the next chunk holds
        last = max(data.rfind(b"<c "), data.rfind(b"<row "))
        head = data[:last] if last >= 0 else data
        self.tags += head.count(b"<c ")
        digits = _FAST_VALUE_ROW.findall(head)
        if digits:
            self.cells += len(digits)
            # few distinct values: compare sets, not cells
            self.max_row = max(self.max_row, max(map(int, set(digits))) - 1)
            self.max_col = max(self.max_col, max(map(_col, set(_FAST_VALUE_COL.findall(head)))))
        if self.sst:
            sst, indexes = self.sst, list(map(int, _FAST_SHARED.findall(head)))
            if indexes and max(indexes) < len(sst):
                self.text += sum(map(sst.__getitem__, indexes))
            else:
                self.text += sum(sst[i] for i in indexes if i < len(sst))
        if last >= 0:
            self.lazy_row = self.lazy_cell = b""
            self.walk(data[last:])

    def walk(self, data: bytes) -> None:
        """Tag by tag. Formatted-only rows and cells are parsed only when a later cell
        without r= needs their position (sheets formatted to row 1 048 576 are all such)."""
        for tag, attrs, text, closed in _CELL_TAGS.findall(data):
            if tag == b"c":
                self.tags += 1
                self.shared = False
                has_ref = b"r=" in attrs
                if closed or attrs.endswith(b"/"):  # formatted but empty: no value
                    if has_ref:
                        self.lazy_cell, self.cells_after = attrs, 0
                    elif self.lazy_cell:
                        self.cells_after += 1
                    else:
                        self.col += 1
                    continue
                ref = _REF.search(attrs) if has_ref else None
                if ref and ref.group(1):
                    self.row, self.col = int(ref.group(2)) - 1, _col(ref.group(1))
                    self.lazy_row = self.lazy_cell = b""
                else:
                    self.resolve()
                    self.col += 1
                self.shared = bool(_SHARED.search(attrs))
                self.cells += 1
                self.max_row = max(self.max_row, self.row)
                self.max_col = max(self.max_col, self.col)
            elif tag == b"v":
                if self.shared and text.strip().isdigit():
                    index = int(text)
                    if index < len(self.sst):
                        self.text += self.sst[index]
                self.shared = False
            else:  # row
                self.col, self.lazy_cell = -1, b""
                if b"r=" in attrs:
                    self.lazy_row, self.rows_after = attrs, 0
                elif self.lazy_row:
                    self.rows_after += 1
                else:
                    self.row += 1

    def resolve(self) -> None:
        """Work out the position the skipped row and cell tags led to."""
        if self.lazy_row:
            ref = _REF.search(self.lazy_row)
            self.row = (int(ref.group(2)) - 1 if ref else self.row + 1) + self.rows_after
            self.lazy_row = b""
        if self.lazy_cell:
            ref = _REF.search(self.lazy_cell)
            if ref and ref.group(1):
                self.row, self.col = int(ref.group(2)) - 1, _col(ref.group(1))
            self.col += self.cells_after
            self.lazy_cell = b""


class _SstScan:
    """Text bytes of each shared string, to weigh what each cell reference copies."""

    def __init__(self) -> None:
        self.lengths: list[int] = []

    def feed(self, data: bytes) -> None:
        lengths = self.lengths
        for tag, attrs, text in _SST_TAGS.findall(data):
            if tag == b"si":
                lengths.append(0)
            elif lengths and not attrs.endswith(b"/"):
                lengths[-1] += len(text)


class _Package:
    def __init__(self, found: Inspection, limits: Limits) -> None:
        self.found, self.limits, self.file = found, limits, found.path.name
        self.read_total = 0

    def refuse(self, key: str, **params: object) -> ExcelFileError:
        return ExcelFileError(key, file=self.file, **params)

    def corrupt(self, exc: BaseException) -> ExcelFileError:
        return self.refuse("excel.corrupt", detail=f"{type(exc).__name__}: {exc}"[:200])

    def check(self) -> None:
        try:
            zf = zipfile.ZipFile(io.BytesIO(self.found.data))
            infos = zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
                struct.error) as exc:
            raise self.corrupt(exc) from None
        self.check_sizes(infos)
        self.parts = {_norm(i.filename): i for i in infos if not i.is_dir()}
        self.zf = zf
        with zf:
            self.check_parts()

    def check_sizes(self, infos: list[zipfile.ZipInfo]) -> None:
        lim = self.limits
        if len(infos) > lim.max_entries:
            raise self.refuse("excel.too_many_parts", count=len(infos), limit=lim.max_entries)
        total = sum(i.file_size for i in infos)
        if total > lim.max_total:
            raise self.refuse("excel.too_much_data", size=total // MB, limit=lim.max_total // MB)
        for info in infos:
            if info.flag_bits & 0x1:
                raise self.refuse("excel.encrypted")
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > lim.ratio_floor and ratio > lim.max_ratio:
                raise self.refuse("excel.zip_bomb", part=info.filename, ratio=int(ratio),
                                  limit=lim.max_ratio)

    def check_parts(self) -> None:
        parts = self.parts
        if "[content_types].xml" not in parts:
            mimetype = self.read_small("mimetype")
            if b"opendocument.spreadsheet" in mimetype:
                raise _IsOds()   # its mimetype entry not first, as some tools write it
            if b"opendocument" in mimetype:
                raise self.refuse("excel.odf_not_spreadsheet")
            raise self.refuse("excel.missing_part", part="[Content_Types].xml")
        types = self.xml("[content_types].xml")
        overrides = {_norm(el.get("PartName", "")): el.get("ContentType", "")
                     for el in types.iter() if el.tag.endswith("Override")}
        workbook = self.workbook_part(overrides)
        wb_rels = self.relationships(workbook)
        shared = {name for name, kind in overrides.items() if "sharedstrings" in kind.lower()}
        shared |= {target for kind, target in wb_rels if kind.lower().endswith("sharedstrings")}
        shared |= {name for name in parts if name.endswith("sharedstrings.xml")}
        # shared strings first: the cell scan weighs each reference by its string's length
        sst: list[int] = []
        for name in sorted(shared & parts.keys()):
            scan = _SstScan()
            self.stream(parts[name], scan)
            sst = [max(a, b) for a, b in zip_longest(sst, scan.lengths, fillvalue=0)]
        found, text = self.found, 0
        for name, info in parts.items():
            if name in shared:
                continue
            scan = _CellScan(sst)
            self.stream(info, scan)
            found.cells += scan.cells
            found.cell_tags += scan.tags
            found.merged_area += scan.merged
            text += scan.text
            rows, cols = scan.max_row + 1, scan.max_col + 1
            if rows * cols > self.limits.max_cells:
                raise self.refuse("excel.sheet_too_large", rows=rows, cols=cols,
                                  limit=self.limits.max_cells,
                                  cell=column_letters(scan.max_col) + str(rows))
        if text > self.limits.max_text:
            raise self.refuse("excel.text_bomb", size=text // MB, limit=self.limits.max_text // MB)
        head = self.read_small(workbook, cap=64 * MB)
        if BETA_NS in head:
            raise self.refuse("excel.beta_format")
        found.strict = STRICT_NS in head
        pr = next((el for el in self.xml(workbook).iter() if el.tag.endswith("workbookPr")), None)
        found.date1904 = pr is not None and pr.get("date1904", "").lower() in ("1", "true")

    def workbook_part(self, overrides: dict[str, str]) -> str:
        """The officeDocument target of _rels/.rels, else what [Content_Types] calls the
        workbook; a package without one is not a spreadsheet."""
        root = [t for kind, t in self.relationships("") if kind.endswith("/officedocument")]
        typed = [n for n, kind in overrides.items() if ".sheet.main" in kind.lower()
                 or "sheet.macroenabled.main" in kind.lower()]
        for name in root + typed:
            kind = overrides.get(name, "").lower()
            if name not in self.parts or not (".sheet." in kind or "ms-excel" in kind
                                              or posixpath.basename(name).startswith("workbook")):
                continue
            if name.endswith(".bin"):
                raise self.refuse("excel.xlsb")
            return name
        if any(name in self.parts for name in root):  # a Word or PowerPoint file, say
            raise self.refuse("excel.not_excel")
        raise self.refuse("excel.missing_part", part=(root or ["xl/workbook.xml"])[0])

    def relationships(self, part: str) -> list[tuple[str, str]]:
        """(type, target) pairs of a part's .rels; targets resolved against the part's folder."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in self.parts:
            return []
        out = []
        for el in self.xml(rels).iter():
            if el.tag.endswith("Relationship") and el.get("TargetMode") != "External":
                target = el.get("Target", "").replace("\\", "/")
                if not target.startswith("/"):
                    target = posixpath.join(folder, target)
                out.append((el.get("Type", "").lower(), _norm(target)))
        return out

    def read_small(self, name: str, cap: int = 8 * MB) -> bytes:
        info = self.parts.get(name)
        if info is None:
            return b""
        try:
            with self.zf.open(info) as fh:
                data = fh.read(cap + 1)
        except _ZIP_DAMAGE as exc:
            raise self.corrupt(exc) from None
        if len(data) > cap:
            raise self.refuse("excel.too_much_data", size=len(data) // MB, limit=cap // MB)
        return data

    def xml(self, name: str):
        data = self.read_small(name, cap=64 * MB)
        if _has_dtd(data):
            raise self.refuse("excel.xml_entities", part=name)
        try:
            return SafeET.fromstring(data, forbid_dtd=True)
        except Exception as exc:  # defusedxml and expat raise several kinds on malformed XML
            raise self.corrupt(exc) from None

    def stream(self, info: zipfile.ZipInfo, scan) -> None:
        """Decompress one entry in chunks: counts real bytes (headers can lie), verifies the
        CRC at the end, refuses DTDs, and feeds the scanner whole tags only."""
        lim, tail, pieces, pending = self.limits, b"", [], 0
        is_xml = None
        try:
            with self.zf.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    self.read_total += len(chunk)
                    if self.read_total > lim.max_total:
                        raise self.refuse("excel.too_much_data", size=self.read_total // MB,
                                          limit=lim.max_total // MB)
                    if is_xml is None:
                        if chunk.startswith((b"\xff\xfe<\x00", b"\xfe\xff\x00<", b"<\x00")):
                            # Excel writes UTF-8 only; UTF-16 would hide cells from the scan
                            raise self.refuse("excel.corrupt", detail=f"{info.filename}: UTF-16")
                        # parsers reject a part that does not start like XML, so images and
                        # other binaries are only decompressed (for the CRC and the byte count)
                        is_xml = chunk.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
                    if not is_xml:
                        continue
                    if _has_dtd(tail + chunk[:64]) or _has_dtd(chunk):
                        raise self.refuse("excel.xml_entities", part=info.filename)
                    tail = chunk[-32:]
                    cut = chunk.rfind(b"<")
                    if cut < 0:
                        pieces.append(chunk)
                        pending += len(chunk)
                        if pending > lim.max_text_run:
                            raise self.refuse("excel.corrupt", detail=f"{info.filename}: text run")
                        continue
                    pieces.append(chunk[:cut])
                    scan.feed(b"".join(pieces))
                    pieces, pending = [chunk[cut:]], len(chunk) - cut
        except ExcelFileError:
            raise
        except _ZIP_DAMAGE as exc:
            raise self.corrupt(exc) from None
        if pieces:
            scan.feed(b"".join(pieces))


def column_letters(col: int) -> str:
    """0 → "A", 26 → "AA": the column names users see in Excel."""
    out = ""
    col += 1
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out

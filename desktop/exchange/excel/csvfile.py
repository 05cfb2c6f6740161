"""CSV files as offices save them: the encoding found (UTF-8 with or without its BOM,
UTF-16 with its BOM, else Windows-1258, the Vietnamese ANSI code page), the separator
found (`,` `;` or tab — Excel in a Vietnamese locale writes `;`), text normalised to NFC;
every cell stays text, read by the importer's column readers like a typed cell. Only a
file named .csv is read this way: a CSV renamed .xlsx is still refused by the guard."""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from pathlib import Path

from desktop.exchange.excel.guard import ExcelFileError, Limits

SEPARATORS = (",", ";", "\t")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), "utf-16"
    head = data[:4096]
    if head and head.count(b"\x00") > len(head) // 4:   # UTF-16 without its BOM
        odd = head[1::2].count(b"\x00")
        name = "utf-16-le" if odd >= head[0::2].count(b"\x00") else "utf-16-be"
        return data.decode(name, "replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1258", "replace"), "cp1258"


def separator(text: str) -> str:
    """The separator that splits the first lines into the same, largest number of fields."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ",", (0, 0)
    for sep in SEPARATORS:
        counts = [len(next(csv.reader([line], delimiter=sep))) for line in lines]
        if not counts or max(counts) < 2:
            continue
        common = max(set(counts), key=counts.count)
        score = (counts.count(common), common)
        if score > best_score:
            best, best_score = sep, score
    return best


def read_csv(path: Path, limits: Limits):
    """A Workbook of one sheet named after the file."""
    from desktop.exchange.excel.reader import Sheet, Workbook
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise ExcelFileError("excel.not_found", file=name)
    size = path.stat().st_size
    if size == 0:
        raise ExcelFileError("excel.empty", file=name)
    if size > limits.max_file:
        raise ExcelFileError("excel.file_too_large", file=name, size=size // (1 << 20),
                             limit=limits.max_file // (1 << 20))
    data = path.read_bytes()
    if data.startswith((b"PK", b"\xd0\xcf\x11\xe0")):   # a workbook named .csv
        raise ExcelFileError("excel.not_excel", file=name)
    text, _encoding = decode(data)
    text = unicodedata.normalize("NFC", text)
    sep = separator(text)
    rows: list[list[object]] = []
    width = 0
    csv.field_size_limit(32_767 * 4)   # an Excel cell's worth of text, not the default 128 KiB
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=sep):
            rows.append([value.strip() or None for value in record])
            width = max(width, len(record))
            if len(rows) * width > limits.max_cells:
                raise ExcelFileError("excel.sheet_too_large", file=name, rows=len(rows),
                                     cols=width, limit=limits.max_cells,
                                     cell=f"{len(rows)}")
    except csv.Error as exc:
        raise ExcelFileError("excel.unreadable", file=name, detail=f"CSV: {exc}") from None
    rows = [r + [None] * (width - len(r)) for r in rows]
    if not rows or not width:
        raise ExcelFileError("excel.no_sheets", file=name)
    return Workbook(path, [Sheet(path.stem[:31] or "CSV", rows)], "csv")

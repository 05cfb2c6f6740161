"""The error workbook: a copy of the user's own file with every bad cell filled red and
a comment saying what is wrong, plus a sheet listing all problems — so a secretary can
fix the file where it is and import it again."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

_BAD = PatternFill("solid", start_color="FFFFC7CE", end_color="FFFFC7CE")
_BAD_ROW = PatternFill("solid", start_color="FFFFEB9C", end_color="FFFFEB9C")
_BOLD = Font(bold=True)


@dataclass(frozen=True)
class Mark:
    sheet: str
    row: int            # 0-based
    col: int | None     # 0-based; None marks the whole row
    message: str


def write_error_workbook(source: Path, dest: Path, marks: list[Mark], rows_of: dict[str, list[list]] | None = None,
                         title: str = "Lỗi") -> None:
    """Copy `source` with the marks applied; if openpyxl cannot open it (Strict OOXML and
    the like), rebuild the sheets from the values already read (`rows_of`)."""
    try:
        book = load_workbook(source, rich_text=False, keep_links=False)
    except Exception:  # noqa: BLE001 — any reason openpyxl cannot load it: rebuild instead
        book = _rebuild(rows_of or {})
    for mark in marks:
        if mark.sheet not in book.sheetnames:
            continue
        sheet = book[mark.sheet]
        if mark.col is None:
            cell = sheet.cell(row=mark.row + 1, column=1)
            for col in range(1, max(sheet.max_column, 1) + 1):
                sheet.cell(row=mark.row + 1, column=col).fill = _BAD_ROW
        else:
            cell = sheet.cell(row=mark.row + 1, column=mark.col + 1)
            cell.fill = _BAD
        text = mark.message if cell.comment is None else cell.comment.text + "\n" + mark.message
        cell.comment = Comment(text, "Hồ sơ Thanh tra", width=320, height=120)
    listing = book.create_sheet(title, 0)
    listing.append(["Trang", "Ô", "Lỗi"])
    for cell in listing[1]:
        cell.font = _BOLD
    for mark in marks:
        where = f"{get_column_letter(mark.col + 1)}{mark.row + 1}" if mark.col is not None else f"{mark.row + 1}"
        listing.append([mark.sheet, where, mark.message])
    listing.column_dimensions["A"].width = 20
    listing.column_dimensions["C"].width = 90
    book.active = 0
    _save_atomically(book, Path(dest))


def _rebuild(rows_of: dict[str, list[list]]) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    for name, rows in rows_of.items():
        sheet = book.create_sheet(name[:31])
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # data read from the file is never a formula
    return book


def _save_atomically(book: Workbook, dest: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".xlsx", dir=dest.parent)
    os.close(fd)
    try:
        book.save(tmp)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

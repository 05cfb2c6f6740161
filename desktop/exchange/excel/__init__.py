"""Reading .xlsx files that other people made: the guard looks first, the reader turns
every worksheet into plain values, find_header locates the columns, and the converters in
values.py turn cells into domain values or messages a secretary understands.

The package's messages are registered here, once: Python runs this before any module of
the package, so whatever raises one of its keys can be rendered."""

from desktop.domain.messages import register
from desktop.exchange.excel.import_messages import IMPORT_MESSAGES
from desktop.exchange.excel.messages import FILE_MESSAGES, VALUE_MESSAGES

register(FILE_MESSAGES, VALUE_MESSAGES, IMPORT_MESSAGES)

from desktop.exchange.excel.guard import ExcelFileError, Inspection, Limits, inspect
from desktop.exchange.excel.header import HeaderMatch, find_header, require_header
from desktop.exchange.excel.reader import Sheet, Workbook, fill_merged, read_workbook

__all__ = ["ExcelFileError", "HeaderMatch", "Inspection", "Limits", "Sheet", "Workbook",
           "fill_merged", "find_header", "inspect", "read_workbook", "require_header"]

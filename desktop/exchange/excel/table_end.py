"""Where the table ends: which lines under a header are data and which are the office
furniture around it — the column-number row "(1) (2) (3)…", a header repeated on each
printed page, "Tổng cộng" rows, notes ("Ghi chú: số liệu tính đến ngày …"), the signature
block ("Người lập biểu", "Thủ trưởng đơn vị", the place and date, the names under them) and
a second table further down the sheet. Each line that is not data is reported with its
reason; none is read as data, none is an error. Qt-free and database-free."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from desktop.domain.folding import fold

# (reason, folded beginnings of the line's first text)
_TOTALS = ("tong cong", "tong so", "cong:", "tong:", "total", "subtotal", "cong tong")
_TOTALS_EXACT = frozenset(("cong", "tong", "cong cong"))
_NOTES = ("ghi chu", "chu thich", "chu y", "luu y", "note", "nguon:", "nguon so lieu",
          "so lieu tinh den", "(*)", "*)", "ghi chu:")
_SIGNATURES = ("nguoi lap bieu", "nguoi lap", "lap bieu", "thu truong", "giam doc", "pho giam doc",
               "chanh thanh tra", "pho chanh thanh tra", "truong phong", "ke toan truong",
               "nguoi ky", "ky ten", "ky, ghi ro ho ten", "(ky", "xac nhan", "noi nhan",
               "tm. ", "kt. ", "tuq. ", "prepared by", "approved by", "signature")
# "Hà Nội, ngày 30 tháng 6 năm 2024" — the place and date of a signature block
_PLACE_DATE = re.compile(r"(^|,\s*)ngay\s+\S+\s+thang\s+\S+\s+nam\s+\S+")
_NUMBERING = re.compile(r"^\(\d+\)(\s*=.*)?$")

REASONS = {
    "numbers": ("dòng đánh số cột", "column-number row"),
    "repeated_header": ("tiêu đề cột lặp lại (trang in mới)", "header repeated (a new printed page)"),
    "totals": ("dòng tổng cộng", "totals row"),
    "note": ("ghi chú dưới bảng", "note under the table"),
    "signature": ("phần ký tên", "signature block"),
    "below_table": ("dưới bảng (sau phần ghi chú, ký tên)", "below the table (after notes or signatures)"),
    "second_table": ("bảng thứ hai trên cùng trang tính", "a second table on the same sheet"),
}


@dataclass(frozen=True)
class Skipped:
    row: int        # 0-based index in the sheet
    reason: str     # a key of REASONS

    def label(self, lang: str = "vi") -> str:
        vi, en = REASONS[self.reason]
        return vi if lang == "vi" else en


class _Folded(dict):
    """Text cell → its folded form, each distinct text folded once (a 100 000-row list
    repeats its units, levels and dates; folding every cell of it took seconds)."""

    def __missing__(self, value: str) -> str:
        folded = self[value] = fold(value).strip()
        return folded


def _texts(raw: Sequence, folded: "_Folded | None" = None) -> list[str]:
    """The line's texts, folded. Numbers and dates are not texts: no furniture test can
    match them (a column-number row is told by column_numbers, from the raw cells)."""
    folded = folded if folded is not None else _Folded()
    return [folded[v] for v in raw if type(v) is str and folded[v]]


def column_numbers(raw: Sequence) -> bool:
    """The row of column numbers the sector's forms put under a header (and repeat on each
    printed page): "(1)", "(2)", "(3)=(4)+(5)" … or 1, 2, 3 … in order."""
    cells = [v for v in raw if v is not None and v != ""]
    if len(cells) < 2:
        return False
    if all(isinstance(v, str) and _NUMBERING.match(v.strip()) for v in cells):
        return True
    return all(isinstance(v, int) and not isinstance(v, bool) for v in cells) and \
        cells == list(range(cells[0], cells[0] + len(cells)))


def _is(texts: list[str], key_texts: list[str], test) -> bool:
    """Some text of the line passes `test`, and so does every filled key cell (a data row
    whose code is filled is never furniture, whatever its other cells say: checked first,
    it settles a data row at its first cell)."""
    return all(test(t) for t in key_texts) and any(test(t) for t in texts)


def classify(rows: Sequence[Sequence], first: int, header: Sequence, data_columns: Sequence[int],
             key_columns: Sequence[int]) -> tuple[list[int], list[Skipped]]:
    """(indexes of the data rows, the lines skipped and why) from row `first` on.
    `header`: the header row's cells; `data_columns`: the mapped columns; `key_columns`:
    those a data row cannot do without (code and title of a case, say)."""
    header_texts = {c: fold(str(header[c])).strip() for c in data_columns
                    if c < len(header) and header[c] is not None and str(header[c]).strip()}
    wanted: list[int] = []
    skipped: list[Skipped] = []
    ended: str | None = None      # once notes or signatures start, the table is over
    after_blank = False
    folded = _Folded()
    furniture = _TOTALS + _NOTES + _SIGNATURES

    def plainly_data(raw) -> bool:
        """Every key cell holds text that is no furniture and not its column's header: the
        row is data whatever else it holds (checked first, it spares a 100 000-row list
        every other test)."""
        for c in key_columns:
            value = raw[c] if c < len(raw) else None
            if type(value) is not str:
                return False
            text = folded[value]
            if (not text or text.startswith(furniture) or text in _TOTALS_EXACT
                    or text == header_texts.get(c) or _NUMBERING.match(text)
                    or _PLACE_DATE.search(text)):
                return False
        return bool(key_columns)

    for index in range(first, len(rows)):
        raw = rows[index]
        if ended is None and plainly_data(raw):
            wanted.append(index)
            after_blank = False
            continue
        if all(v is None or (type(v) is str and not v.strip()) for v in raw):
            after_blank = True
            continue
        texts = _texts(raw, folded)
        reason = None
        # key cells: a number or a date there is data (a code 2024001), so it is kept as a
        # text that no furniture test passes
        key_texts = [folded[raw[c]] if type(raw[c]) is str else "0" for c in key_columns
                     if c < len(raw) and raw[c] is not None
                     and (type(raw[c]) is not str or folded[raw[c]])]
        repeats = sum(1 for c, t in header_texts.items()
                      if c < len(raw) and type(raw[c]) is str and folded[raw[c]] == t)
        if column_numbers(raw):
            reason = "numbers"
        elif header_texts and repeats >= min(2, len(header_texts)):
            reason = "second_table" if after_blank and wanted else "repeated_header"
        elif ended == "second_table":
            reason = "second_table"
        elif _is(texts, key_texts, lambda t: t.startswith(_TOTALS) or t in _TOTALS_EXACT):
            reason = "totals"
        elif _is(texts, key_texts, lambda t: t.startswith(_NOTES)):
            reason = "note"
        elif _is(texts, key_texts, lambda t: t.startswith(_SIGNATURES)
                 or _PLACE_DATE.search(t) is not None):
            reason = "signature"
        elif ended:   # the names under a signature, a line of a note going on
            reason = "below_table"
        if reason is None:
            wanted.append(index)
        else:
            skipped.append(Skipped(index, reason))
            if reason in ("note", "signature", "second_table"):
                ended = reason
        after_blank = False
    return wanted, skipped

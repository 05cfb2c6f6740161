"""Accent folding for Vietnamese search: users type "duong" and expect "Đường"."""

import unicodedata


class _FoldTable(dict[int, str]):
    """Per-character fold, computed once per character: NFD → drop combining marks →
    đ/Đ → d → casefold. Text already in NFD folds too (its marks map to nothing)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in "đĐðÐ":  # no Unicode decomposition: folded by hand
            folded = "d"
        else:
            decomposed = unicodedata.normalize("NFD", char)
            folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str | None) -> str:
    if not text:
        return ""
    if text.isascii():  # codes, numbers, text typed without accents: casefold is lower
        return text.lower()
    return text.translate(_TABLE)

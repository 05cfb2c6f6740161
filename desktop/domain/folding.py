"""Accent folding for Vietnamese search: users type "duong" and expect "Đường"."""

import unicodedata

# đ/Đ have no Unicode decomposition, so NFD alone leaves them intact.
_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})


def fold(text: str | None) -> str:
    """NFD → drop combining marks → đ/Đ → d/D → casefold."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()

"""Vietnamese typed in the legacy 8-bit encodings, found and turned into Unicode.

Before Unicode, offices typed Vietnamese with TCVN3 (ABC; fonts .VnTime, .VnArial, and the
capital-only .VnTimeH…) or VNI-Windows (fonts VNI-Times, VNI-Helve…). Such text in a
workbook is the Windows-1252 characters of those bytes: TCVN3's "UBND Hµ Néi" and VNI's
"UBND Haø Noäi" are both "UBND Hà Nội" — unreadable and unsearchable as they are.

A column is taken for encoded text when its cells use only Latin-1 letters (Unicode
Vietnamese almost always has ư, ơ, đ or a letter like ạ, ố beyond Latin-1), and its words
become valid Vietnamese syllables once converted while they were not before; the cell fonts,
where the file names them (.VnTime, VNI-Times), are stronger evidence still. False
positives are worse than misses: French or German names ("Société", "Müller"), "µg" or "°C"
in ordinary text are left alone. Qt-free and database-free.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

# --- the encodings ---------------------------------------------------------------------------

# TCVN3 (TCVN 5712:1993, VN3): one byte per letter; capitals with a tone mark live in the
# capital-only fonts (.VnTimeH), which put them at the small letters' codes
_TCVN3_CODES = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}

# VNI-Windows: a base letter followed by a mark character (two for a vowel with both its
# own mark and a tone are one character: "aá" is ấ); ơ, ư, đ, and i's tones are single
_VNI_MARKS = {   # mark character → (what it does, tone)
    "ù": ("", "\u0301"), "ø": ("", "\u0300"), "û": ("", "\u0309"), "õ": ("", "\u0303"),
    "ï": ("", "\u0323"),
    "â": ("\u0302", ""), "á": ("\u0302", "\u0301"), "à": ("\u0302", "\u0300"),
    "å": ("\u0302", "\u0309"), "ã": ("\u0302", "\u0303"), "ä": ("\u0302", "\u0323"),
    "ê": ("\u0306", ""), "é": ("\u0306", "\u0301"), "è": ("\u0306", "\u0300"),
    "ú": ("\u0306", "\u0309"), "ü": ("\u0306", "\u0303"), "ë": ("\u0306", "\u0323"),
}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
               "î": "ỵ"}
_VNI_BASES = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ô": "ơ", "ö": "ư"}


def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(base + mark → letter, single character → letter), small and capital."""
    pairs: dict[str, str] = {}
    for base, letter in _VNI_BASES.items():
        for mark, (shape, tone) in _VNI_MARKS.items():
            if (shape == "\u0302" and letter not in "aeo") or (shape == "\u0306" and letter != "a"):
                continue
            composed = unicodedata.normalize("NFC", letter + shape + tone)
            if len(composed) == 1:
                pairs[base + mark] = composed
                pairs[base.upper() + mark.upper()] = composed.upper()
    singles = dict(_VNI_SINGLE)
    singles.update({k.upper(): v.upper() for k, v in _VNI_SINGLE.items()})
    return pairs, singles


_VNI_PAIRS, _VNI_SINGLES = _vni_tables()
# one pass over pairs and singles (pairs first): a letter made from a pair is never read
# again as a VNI character ("oø" is ò, and ò alone would be VNI's ị)
_VNI_ALL = {**_VNI_SINGLES, **_VNI_PAIRS}
_VNI_CODE = re.compile("|".join(sorted(map(re.escape, _VNI_ALL), key=len, reverse=True)))
# by the character Excel shows for the byte (Latin-1 above 0xA0, so the byte's own code)
_TCVN3 = {code: letter for code, letter in _TCVN3_CODES.items()}


def convert(text: str, encoding: str, capitals: bool = False) -> str:
    """Legacy text → Unicode (NFC). `capitals`: the text was set in a capital-only font
    (.VnTimeH): shown in capitals, typed in small letters."""
    if encoding == "tcvn3":
        out = text.translate(_TCVN3)
    elif encoding == "vni":
        out = _VNI_CODE.sub(lambda m: _VNI_ALL[m.group()], text)
    else:
        raise ValueError(encoding)
    out = unicodedata.normalize("NFC", out)
    return out.upper() if capitals else out


# --- recognising it ------------------------------------------------------------------------

# letters only Unicode Vietnamese has (beyond Latin-1): their presence settles a column
_UNICODE_VIETNAMESE = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")
_HIGH = re.compile("[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                   "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
_WORD = re.compile(r"[^\W\d_]+")
_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ",
           "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
_NUCLEI = frozenset((
    "a ă â e ê i y o ô ơ u ư ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô "
    "uơ uy ưa ưi ươ ưu yê iêu yêu oai oao oay oeo uây uôi uya uyê ươi ươu uyu oo").split())
_CODAS = ("ch", "ng", "nh", "c", "m", "n", "p", "t", "")
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _syllable(word: str) -> bool:
    """A Vietnamese syllable: onset, vowel nucleus, coda, at most one tone mark."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(decomposed.count(t) for t in _TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    for onset in _ONSETS:
        if not bare.startswith(onset):
            continue
        rest = bare[len(onset):]
        for coda in _CODAS:
            if rest.endswith(coda) and rest[:len(rest) - len(coda)] in _NUCLEI:
                return True
    return False


def _valid_share(texts: list[str]) -> float:
    """Share of the words carrying a non-ASCII letter that are Vietnamese syllables."""
    words = [w for t in texts for w in _WORD.findall(t) if not w.isascii()]
    if not words:
        return 0.0
    return sum(map(_syllable, words)) / len(words)


@dataclass
class Detection:
    encoding: str                  # "tcvn3" or "vni"
    cells: int                     # cells it would convert
    by_font: bool = False          # the cells' fonts said so
    capitals: bool = False         # a capital-only font (.VnTimeH)
    samples: list[tuple[str, str]] = field(default_factory=list)   # (as in the file, Unicode)

    def to_json(self) -> dict:
        return {"encoding": self.encoding, "cells": self.cells, "by_font": self.by_font,
                "samples": [list(s) for s in self.samples]}


def font_encoding(fonts: Iterable[str]) -> "tuple[str, bool] | None":
    """(encoding, capitals) a column's font names say, or None."""
    for name in fonts:
        low = (name or "").strip().lower()
        if low.startswith(".vn"):
            return "tcvn3", low.endswith("h")
        if low.startswith("vni"):
            return "vni", False
    return None


_SAMPLE = 2000   # cells looked at per column


def candidate(texts: Iterable[str]) -> bool:
    """Text that could be legacy-encoded: Latin-1 letters, none only Unicode has (worth
    reading the file's fonts for)."""
    seen = False
    for n, text in enumerate(texts):
        if type(text) is not str or text.isascii():
            continue
        if _UNICODE_VIETNAMESE.search(text):
            return False
        seen = seen or _HIGH.search(text) is not None
        if n > 50 * _SAMPLE:
            break
    return seen


def detect(texts: Iterable[str], fonts: Iterable[str] = ()) -> "Detection | None":
    """The legacy encoding a column's text is in, or None (Unicode, ASCII, or unsure)."""
    high = []
    for text in texts:
        if type(text) is not str or text.isascii():
            continue
        if _UNICODE_VIETNAMESE.search(text):
            return None   # real Unicode Vietnamese: this column is Unicode
        if _HIGH.search(text):
            high.append(text)
            if len(high) >= _SAMPLE:
                break
    if not high:
        return None
    by_font = font_encoding(fonts)
    before = _valid_share(high)
    best = None
    for encoding in ("tcvn3", "vni"):
        converted = [convert(t, encoding) for t in high]
        after = _valid_share(converted)
        if best is None or after > best[1]:
            best = (encoding, after, converted)
    encoding, after, converted = best
    if by_font is not None:
        encoding = by_font[0]
        converted = [convert(t, encoding) for t in high]
    elif not (len(high) >= 2 and after >= 0.8 and after - before >= 0.3):
        return None
    changed = [(a, b) for a, b in zip(high, converted) if a != b]
    if not changed:
        return None
    capitals = bool(by_font and by_font[1])
    samples = [(a, b.upper() if capitals else b) for a, b in changed[:3]]
    return Detection(encoding, len(changed), by_font is not None, capitals, samples)


# --- the cell fonts of an .xlsx --------------------------------------------------------------

_FONT = re.compile(rb"<(?:\w+:)?font\b.*?</(?:\w+:)?font>|<(?:\w+:)?font\b[^>]*/>", re.S)
_FONT_NAME = re.compile(rb'<(?:\w+:)?name\s+val="([^"]*)"')
_XF = re.compile(rb"<(?:\w+:)?xf\b([^>]*)>")
_CELL_XFS = re.compile(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", re.S)
_STYLED_CELL = re.compile(rb'<(?:\w+:)?c r="([A-Z]{1,3})\d+"[^>]*?\ss="(\d+)"')


def cell_fonts(xlsx: bytes, sheet_name: str, max_bytes: int = 64 << 20) -> dict[int, set[str]]:
    """Column (0-based) → font names its styled cells use, in the named worksheet; {} when
    the file does not say. Reads the parts directly (the guard has checked the file; this
    still bounds what it reads)."""
    import zipfile
    from io import BytesIO
    from xml.sax.saxutils import unescape
    try:
        with zipfile.ZipFile(BytesIO(xlsx)) as zf:
            names = {n.lower(): n for n in zf.namelist()}

            def part(name: str) -> bytes:
                return zf.open(names[name.lower()]).read(max_bytes)
            book = part("xl/workbook.xml")
            rels = part("xl/_rels/workbook.xml.rels")
            rel_id = None
            for attrs in re.findall(rb"<(?:\w+:)?sheet\b([^>]*)>", book):
                name = re.search(rb'\sname="([^"]*)"', attrs)
                rid = re.search(rb'\sr:id="([^"]*)"', attrs) or re.search(rb'\sid="([^"]*)"', attrs)
                if name and rid and unescape(name.group(1).decode("utf-8")) == sheet_name:
                    rel_id = rid.group(1)
            target = None
            for attrs in re.findall(rb"<Relationship\b([^>]*)>", rels):
                if rel_id and re.search(rb'\sId="' + re.escape(rel_id) + rb'"', attrs):
                    found = re.search(rb'\sTarget="([^"]*)"', attrs)
                    target = found.group(1).decode("utf-8") if found else None
            if target is None:
                return {}
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            style_xml = part("xl/styles.xml")
            sheet_xml = part(target)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, UnicodeDecodeError):
        return {}
    fonts = []
    for block in _FONT.findall(style_xml):
        found = _FONT_NAME.search(block)
        fonts.append(found.group(1).decode("utf-8", "replace") if found else "")
    xfs_block = _CELL_XFS.search(style_xml)
    xf_font = []
    for attrs in _XF.findall(xfs_block.group() if xfs_block else b""):
        found = re.search(rb'fontId="(\d+)"', attrs)
        xf_font.append(int(found.group(1)) if found else 0)
    by_style: dict[bytes, str] = {}
    out: dict[int, set[str]] = {}
    for letters, style in set(_STYLED_CELL.findall(sheet_xml)):
        name = by_style.get(style)
        if name is None:
            index = int(style)
            font = xf_font[index] if index < len(xf_font) else 0
            name = by_style[style] = fonts[font] if font < len(fonts) else ""
        if name:
            col = 0
            for ch in letters:
                col = col * 26 + ch - 64
            out.setdefault(col - 1, set()).add(name)
    return out

"""Text of a document for the content search: text files and PDFs, in memory only.

While a file streams into the vault, `Capture` keeps a copy of its first bytes in
memory when its name and first bytes say it is text or PDF (never on disk); after the
write, `extract` turns them into text: UTF-8 / UTF-16 (BOM or NUL pattern) / cp1258
fallback for text files, pypdf for PDFs. A file larger than the capture limit is
indexed on its first part (text) or not at all (PDF: pypdf needs the whole file).
"""

import codecs
import io
import logging
import mimetypes
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

MiB = 1024 * 1024
TEXT_CAPTURE = 16 * MiB   # first bytes of a text file that are indexed
PDF_CAPTURE = 64 * MiB    # larger PDFs are not indexed
MAX_CHARS = 4_000_000     # extracted characters kept (index and snippets)
MAX_PDF_PAGES = 5000
_HEAD = 8192

TEXT_SUFFIXES = {".txt", ".text", ".csv", ".tsv", ".md", ".log", ".xml", ".html", ".htm",
                 ".json", ".rtf", ".ini", ".yaml", ".yml", ".srt", ".sql"}
_EXTRA_TYPES = {".md": "text/markdown", ".log": "text/plain", ".tsv": "text/tab-separated-values",
                ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ".doc": "application/msword", ".xls": "application/vnd.ms-excel"}

# index states recorded on each version
INDEXED = "indexed"          # the whole text is searchable
PARTIAL = "partial"          # the first TEXT_CAPTURE bytes / MAX_CHARS characters are
NOT_TEXT = "none"            # not a text or PDF file
TOO_LARGE = "too_large"      # a PDF above PDF_CAPTURE
NO_TEXT = "no_text"          # a PDF without a text layer (scanned)
FAILED = "failed"            # could not be read as text
DESTROYED = "destroyed"


def mime_type(file_name: str, head: bytes = b"") -> str:
    suffix = PurePath(file_name).suffix.lower()
    if head.startswith(b"%PDF-") or suffix == ".pdf":
        return "application/pdf"
    if suffix in _EXTRA_TYPES:
        return _EXTRA_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(file_name, strict=False)
    if guessed:
        return guessed
    return "text/plain" if suffix in TEXT_SUFFIXES else "application/octet-stream"


def kind_of(file_name: str, head: bytes) -> str | None:
    """"pdf", "text" or None (not indexed)."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    suffix = PurePath(file_name).suffix.lower()
    if suffix in TEXT_SUFFIXES or mime_type(file_name, head).startswith("text/"):
        return "text"
    return None


class Capture:
    """A source wrapper for BlobStore.write: passes every byte through and keeps the
    first `limit` bytes of a text or PDF file in memory (the kind is decided on the
    first read). `overflow` tells whether the file went on past what was kept."""

    def __init__(self, source: BinaryIO, file_name: str) -> None:
        self._source = source
        self._readinto = getattr(source, "readinto", None)
        self.file_name = file_name
        self.kind: str | None = None
        self.decided = False
        self.head = b""
        self.data = bytearray()
        self.limit = 0
        self.overflow = False

    def readinto(self, mv) -> int:
        if self._readinto is not None:
            n = self._readinto(mv)
        else:
            piece = self._source.read(len(mv))
            n = len(piece)
            mv[:n] = piece
        if n:
            self._keep(memoryview(mv)[:n])
        return n or 0

    def _keep(self, piece: memoryview) -> None:
        if not self.decided:
            self.decided = True
            self.head = bytes(piece[:_HEAD])
            self.kind = kind_of(self.file_name, self.head)
            self.limit = {"text": TEXT_CAPTURE, "pdf": PDF_CAPTURE}.get(self.kind, 0)
        if self.kind is None or self.overflow:
            return
        room = self.limit - len(self.data)
        if len(piece) > room:
            self.overflow = True
            if self.kind == "pdf":
                self.data = bytearray()  # a partial PDF is of no use
                return
            piece = piece[:room]
        self.data += piece

    def release(self) -> None:
        self.data[:] = bytes(len(self.data))
        self.data = bytearray()


@dataclass(frozen=True)
class Extracted:
    text: str | None
    state: str


def extract(capture: Capture) -> Extracted:
    """Text of what the capture kept (NFC, at most MAX_CHARS characters)."""
    if capture.kind is None:
        return Extracted(None, NOT_TEXT)
    if capture.kind == "pdf":
        if capture.overflow:
            return Extracted(None, TOO_LARGE)
        try:
            text = pdf_text(bytes(capture.data))
        except Exception:  # noqa: BLE001 — a malformed PDF is stored, just not searchable
            return Extracted(None, FAILED)
        if not text.strip():
            return Extracted(None, NO_TEXT)
        return _capped(text, False)
    try:
        text = decode_text(bytes(capture.data), truncated=capture.overflow)
    except (UnicodeDecodeError, ValueError):
        return Extracted(None, FAILED)
    return _capped(text, capture.overflow)


def _capped(text: str, partial: bool) -> Extracted:
    text = unicodedata.normalize("NFC", text)
    if len(text) > MAX_CHARS:
        return Extracted(text[:MAX_CHARS], PARTIAL)
    return Extracted(text, PARTIAL if partial else INDEXED)


def decode_text(data: bytes, truncated: bool = False) -> str:
    """UTF-8 (with or without BOM), UTF-16 (BOM, or NUL bytes in every other place),
    else Windows-1258 (Vietnamese), which decodes anything."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8", truncated, "replace")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _decode(data, "utf-16", truncated, "replace")
    head = data[:4096]
    if len(head) >= 4:
        odd_nuls = head[1::2].count(0) / max(1, len(head[1::2]))
        even_nuls = head[0::2].count(0) / max(1, len(head[0::2]))
        if odd_nuls > 0.3 and even_nuls < 0.05:
            return _decode(data, "utf-16-le", truncated, "replace")
        if even_nuls > 0.3 and odd_nuls < 0.05:
            return _decode(data, "utf-16-be", truncated, "replace")
    try:
        return _decode(data, "utf-8", truncated, "strict")
    except UnicodeDecodeError:
        return _decode(data, "cp1258", truncated, "replace")


def _decode(data: bytes, encoding: str, truncated: bool, errors: str) -> str:
    decoder = codecs.getincrementaldecoder(encoding)(errors)
    # a capture cut in the middle of a character: leave the tail undecoded
    return decoder.decode(data, final=not truncated)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception:  # noqa: BLE001
            return ""
    parts: list[str] = []
    total = 0
    for number, page in enumerate(reader.pages):
        if number >= MAX_PDF_PAGES or total >= MAX_CHARS:
            break
        try:
            piece = page.extract_text() or ""
        except Exception:  # noqa: BLE001 — one bad page does not lose the others
            continue
        parts.append(piece)
        total += len(piece)
    return "\n".join(parts)

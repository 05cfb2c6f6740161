"""Keys for searching encrypted documents without putting their words in the database.

- search key per level: HKDF(level key, vault id, level). A folded word is indexed as
  HMAC-SHA256(search key, word) truncated to 64 bits (16 hex digits): whoever lacks the
  level key can neither read the words back nor test a guess, and the same word in two
  levels gives two unrelated tokens (so a query only matches the levels the searcher
  holds a key for). Word positions are kept, so phrase queries still work; prefix
  queries do not (whole, folded words only).
- extracted text (for result snippets): zlib-compressed, AES-256-GCM under a key derived
  from the version's content key, so destroying the content key destroys the text too.
"""

import hashlib
import hmac
import os
import re
import zlib
from collections.abc import Iterable, Iterator

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.security.crypto import NONCE_BYTES, DecryptionFailed, hkdf

WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORD = 64  # longer runs (hashes, base64) are not words anyone types
TOKEN_HEX = 16
_TEXT_VERSION = b"\x01"


def search_key(level_key: bytes, vault_id: str, level: int) -> bytes:
    return hkdf(level_key, f"hoso-doc-search-v1|{vault_id}|{int(level)}".encode())


def words(folded: str) -> Iterator[str]:
    """Words of already folded text (desktop.domain.folding.fold)."""
    for match in WORD.finditer(folded):
        word = match.group()
        if len(word) <= MAX_WORD:
            yield word


class Blinder:
    """word → keyed token, memoised (a text repeats a few thousand distinct words)."""

    def __init__(self, key: bytes) -> None:
        self._key = key
        self._memo: dict[str, str] = {}

    def token(self, word: str) -> str:
        found = self._memo.get(word)
        if found is None:
            found = hmac.new(self._key, word.encode("utf-8"), hashlib.sha256).hexdigest()[:TOKEN_HEX]
            if len(self._memo) < 200_000:
                self._memo[word] = found
        return found

    def body(self, folded: str, max_words: int) -> tuple[str, int]:
        """The indexed body of folded text, and how many words it holds (≤ max_words)."""
        out: list[str] = []
        for word in words(folded):
            if len(out) >= max_words:
                break
            out.append(self.token(word))
        return " ".join(out), len(out)

    def query(self, folded_words: Iterable[str]) -> list[str]:
        seen: dict[str, None] = {}
        for word in folded_words:
            if len(word) <= MAX_WORD:
                seen.setdefault(self.token(word), None)
        return list(seen)


def _text_key(content_key: bytes) -> bytes:
    return hkdf(content_key, b"hoso-doc-text-v1")


def seal_text(content_key: bytes, context: bytes, text: str) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    packed = zlib.compress(text.encode("utf-8"), 6)
    return _TEXT_VERSION + nonce + AESGCM(_text_key(content_key)).encrypt(nonce, packed, context)


def open_text(content_key: bytes, context: bytes, sealed: bytes) -> str:
    if not sealed or sealed[:1] != _TEXT_VERSION:
        raise DecryptionFailed("not a sealed text")
    nonce, body = sealed[1:1 + NONCE_BYTES], sealed[1 + NONCE_BYTES:]
    try:
        packed = AESGCM(_text_key(content_key)).decrypt(nonce, body, context)
    except InvalidTag as exc:
        raise DecryptionFailed("authentication failed") from exc
    return zlib.decompress(packed).decode("utf-8")

"""Classified register records sealed under level keys, and keyed search tokens for them.

A classified row (a case above Thường, its events, opinion requests, directives; a
classified document, its versions, events and copies) keeps its sensitive text fields
in one sealed value instead of the clear columns:

    0x01 ‖ level (1 byte) ‖ generation (4 bytes, big-endian) ‖ nonce (12) ‖ AES-256-GCM(JSON)

The key is derived from the level key of that generation; the associated data names the
vault, the table, the row id, the level and the generation, so a sealed value copied
to another row, another table or relabelled with another level does not open. Whoever
holds the database key but not the level key sees the row's code, level and dates only.

Search over sealed cases uses keyed tokens (as the document index does): each folded
word is indexed as the HMAC of each of its prefixes (up to PREFIX_MAX characters), so a
prefix query ("duo" for "đường") still matches, under a key per level and generation.
"""

import json
import os
import struct
from itertools import chain
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.domain.errors import PermissionDenied
from desktop.domain.levels import Level
from desktop.security.crypto import NONCE_BYTES, DecryptionFailed, hkdf
from desktop.security.doc_index import MAX_WORD, WORD, Blinder

_VERSION = 1
_HEADER = struct.Struct(">BBI")  # version, level, generation
PREFIX_MAX = 16
UNREADABLE = "⚠"  # a sealed value that fails to open under a key the reader holds


def record_key(level_key: bytes, vault_id: str, level: int, generation: int) -> bytes:
    return hkdf(level_key, f"hoso-record-v1|{vault_id}|{int(level)}|{int(generation)}".encode())


def search_key(level_key: bytes, vault_id: str, level: int, generation: int) -> bytes:
    return hkdf(level_key, f"hoso-case-search-v1|{vault_id}|{int(level)}|{int(generation)}".encode())


def context(vault_id: str, table: str, row_id: int, level: int, generation: int) -> bytes:
    return f"hoso-record|{vault_id}|{table}|{int(row_id)}|{int(level)}|{int(generation)}".encode()


def header(sealed: bytes | None) -> tuple[int, int] | None:
    """(level, generation) a sealed value says it is under; None if it is not one."""
    if not sealed or len(sealed) < _HEADER.size + NONCE_BYTES + 16:
        return None
    version, level, generation = _HEADER.unpack_from(sealed)
    return (level, generation) if version == _VERSION else None


def seal(key: bytes, vault_id: str, table: str, row_id: int, level: int, generation: int,
         fields: dict[str, Any]) -> bytes:
    head = _HEADER.pack(_VERSION, int(level), int(generation))
    nonce = os.urandom(NONCE_BYTES)
    body = _JSON.encode(fields).encode("utf-8")
    return head + nonce + _aead(key).encrypt(
        nonce, body, context(vault_id, table, row_id, level, generation))


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_AEADS: dict[bytes, AESGCM] = {}


def _aead(key: bytes) -> AESGCM:
    """One cipher object per record key (a bulk import seals tens of thousands of rows)."""
    found = _AEADS.get(key)
    if found is None:
        if len(_AEADS) > 64:
            _AEADS.clear()
        found = _AEADS[key] = AESGCM(key)
    return found


def open_sealed(key: bytes, vault_id: str, table: str, row_id: int, sealed: bytes
                ) -> dict[str, Any]:
    found = header(sealed)
    if found is None:
        raise DecryptionFailed("not a sealed record")
    level, generation = found
    start = _HEADER.size
    nonce, body = sealed[start:start + NONCE_BYTES], sealed[start + NONCE_BYTES:]
    try:
        plain = AESGCM(key).decrypt(nonce, body, context(vault_id, table, row_id, level,
                                                         generation))
    except InvalidTag as exc:
        raise DecryptionFailed("authentication failed") from exc
    value = json.loads(plain.decode("utf-8"))
    if not isinstance(value, dict):
        raise DecryptionFailed("not a record")
    return value


class TokenMaker(Blinder):
    """Folded words → keyed tokens of one (level, generation), memoised; a case's words
    are indexed by all their prefixes so prefix queries work."""

    def prefix_body(self, folded: str) -> str:
        """What is indexed for a sealed case: every prefix of every word, as tokens (each
        word's tokens made once: parties and topics repeat over thousands of cases)."""
        memo = self.__dict__.setdefault("_prefixes", {})
        parts = []
        for word in dict.fromkeys(WORD.findall(folded)):   # a word said twice: tokens once
            found = memo.get(word)
            if found is None:
                if len(word) > MAX_WORD:
                    continue
                found = tuple(self.token(word[:end])
                              for end in range(1, min(len(word), PREFIX_MAX) + 1))
                if len(memo) < 100_000:
                    memo[word] = found
            parts.append(found)
        return " ".join(dict.fromkeys(chain.from_iterable(parts)))

    def query_token(self, word: str) -> str | None:
        """The token a query word must match (longer words compare on their first
        PREFIX_MAX characters)."""
        if not word or len(word) > MAX_WORD:
            return None
        return self.token(word[:PREFIX_MAX])


class RecordKeys:
    """The level keys of the unlocked user, for sealing and opening records (held by
    storage.sealed for the engine; RAM only, cleared at lock)."""

    def __init__(self) -> None:
        self.vault_id = ""
        self._ring: dict[tuple[int, int], bytes] = {}     # (level, generation) → record key
        self._search: dict[tuple[int, int], TokenMaker] = {}
        self._current: dict[int, int] = {}                 # level → generation to seal with
        # (table, row id, sealed value) → its fields, opened
        self._opened: OrderedDict[tuple[str, int, bytes], dict[str, Any]] = OrderedDict()

    def install(self, vault_id: str, ring: Mapping[tuple[Level, int], bytes],
                current: Mapping[Level, bytes]) -> None:
        """ring: (level, generation) → level key; current: level → level key in use."""
        self.clear()
        self.vault_id = vault_id
        for (level, generation), key in ring.items():
            self._ring[(int(level), generation)] = record_key(key, vault_id, level, generation)
            self._search[(int(level), generation)] = TokenMaker(
                search_key(key, vault_id, level, generation))
            if current.get(level) == key:
                self._current[int(level)] = generation

    def clear(self) -> None:
        self._ring.clear()
        _AEADS.clear()   # the cipher objects hold the record keys too
        self._search.clear()
        self._current.clear()
        self._opened.clear()

    def level_of(self, sealed: bytes | None) -> int:
        head = header(sealed)
        return head[0] if head else 0

    def can_seal(self, level: int) -> bool:
        return int(level) in self._current

    def seal(self, table: str, row_id: int, level: int, fields: dict[str, Any]) -> bytes:
        generation = self._current.get(int(level))
        if generation is None:
            raise PermissionDenied("perm.no_level_key", level=Level(int(level)).label_vi)
        return seal(self._ring[(int(level), generation)], self.vault_id, table, row_id,
                            level, generation, fields)

    def open(self, table: str, row_id: int, sealed: bytes | None) -> dict[str, Any] | None:
        """The sealed fields; None when the reader lacks the key; {"": UNREADABLE} when it
        fails to open under a key the reader holds (altered, or moved from another row)."""
        if sealed is None:
            return None
        memo_key = (table, row_id, sealed)
        found = self._opened.get(memo_key)
        if found is not None:
            return found
        head = header(sealed)
        key = self._ring.get(head) if head else None
        if key is None:
            return None
        try:
            found = open_sealed(key, self.vault_id, table, int(row_id), sealed)
        except (DecryptionFailed, ValueError, UnicodeDecodeError):
            found = {"": UNREADABLE}
        self._opened[memo_key] = found
        if len(self._opened) > 100_000:
            self._opened.popitem(last=False)
        return found

    def field(self, table: str, row_id: int, sealed: bytes | None, name: str) -> str:
        found = self.open(table, row_id, sealed)
        if found is None:
            return ""
        if "" in found:
            return UNREADABLE
        value = found.get(name)
        return value if isinstance(value, str) else ""

    def token_makers(self, max_level: int) -> list[tuple[int, TokenMaker]]:
        return [(level, maker) for (level, _gen), maker in sorted(self._search.items())
                if 0 < level <= max_level]

    def current_maker(self, level: int) -> TokenMaker:
        generation = self._current.get(int(level))
        if generation is None:
            raise PermissionDenied("perm.no_level_key", level=Level(int(level)).label_vi)
        return self._search[(int(level), generation)]

"""Reading a blob: the header checked, each chunk authenticated before any of it is
yielded, the end record and the clear text's SHA-256 checked at the end."""

from __future__ import annotations

import hmac
import os
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import overload

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.security.blobs.format import (
    _AAD_TAIL,
    _END_CLEAR,
    _FIXED,
    _NONCE,
    _REORDER_WINDOW,
    END_BYTES,
    MAGIC,
    TAG,
    VERSION,
    BlobDamaged,
    BlobInfo,
    _check_key,
    _chunks_per_block,
    _derive,
    _file_length,
    _header_digest,
    _valid_chunk,
)


class BlobReader(Iterator[bytes]):
    """Returned by BlobStore.open: iterate for verified clear chunks; `size` is the clear
    size from the header (authenticated when the iteration ends); `info` is set then."""

    def __init__(self, reader: "_Reader") -> None:
        self._reader = reader
        self._chunks = reader.chunks(None)
        self.blob_id = reader.blob_id
        self.size = reader.size
        self.info: BlobInfo | None = None
        self._closed = False

    def __iter__(self) -> "BlobReader":
        return self

    def __next__(self) -> bytes:
        if self._closed:
            raise StopIteration
        try:
            return next(self._chunks)
        except StopIteration:
            pass
        except BaseException:
            self.close()
            raise
        try:
            self.info = self._reader.finish(None)
        finally:
            self.close()
        raise StopIteration

    def close(self) -> None:
        self._closed = True
        self._chunks.close()
        self._reader.close()

    def __enter__(self) -> "BlobReader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Reader:
    """Opens a blob, checks its header and key, then hands out authenticated chunks."""

    def __init__(self, path: Path, blob_id: str, content_key: bytes) -> None:
        _check_key(content_key, "content key")
        self.path = path
        self.blob_id = blob_id
        try:
            self.file = open(path, "rb", buffering=0)
        except FileNotFoundError:
            raise BlobDamaged(blob_id, "missing", path) from None
        except OSError as exc:
            raise BlobDamaged(blob_id, "unreadable", path) from exc
        try:
            self._read_header(content_key)
        except BaseException:
            self.file.close()
            raise

    def _damaged(self, reason: str, chunk: int | None = None) -> BlobDamaged:
        return BlobDamaged(self.blob_id, reason, self.path, chunk)

    def _read_header(self, content_key: bytes) -> None:
        fixed = bytes(self._read(_FIXED.size))
        if len(fixed) <= len(MAGIC):
            raise self._damaged("truncated" if MAGIC.startswith(fixed) else "not_a_blob")
        if fixed[:len(MAGIC)] != MAGIC:
            raise self._damaged("not_a_blob")
        if fixed[len(MAGIC)] != VERSION:
            raise self._damaged("unsupported_version")
        if len(fixed) < _FIXED.size:
            raise self._damaged("truncated")
        _, _, id_len, chunk_size, salt, check, size = _FIXED.unpack(fixed)
        id_bytes = bytes(self._read(id_len))
        if len(id_bytes) < id_len:
            raise self._damaged("truncated")
        if id_bytes != self.blob_id.encode("ascii"):
            raise self._damaged("wrong_blob")
        if not _valid_chunk(chunk_size):
            raise self._damaged("not_a_blob")
        subkey, expected = _derive(content_key, salt, self.blob_id)
        if not hmac.compare_digest(check, expected):
            raise self._damaged("wrong_key")
        self.aead = AESGCM(subkey)
        self.digest = _header_digest(fixed, id_bytes)
        self.chunk_size: int = chunk_size
        self.size: int = size
        self.full, self.rest = divmod(size, chunk_size)
        self.count = self.full + (1 if self.rest else 0)
        expected_len = _file_length(chunk_size, size, id_len)
        actual = os.fstat(self.file.fileno()).st_size
        if actual < expected_len:
            raise self._damaged("truncated")
        if actual > expected_len:
            raise self._damaged("extended")
        self.per_block = _chunks_per_block(chunk_size)
        self.buf = bytearray(self.per_block * (chunk_size + TAG))
        self.mv = memoryview(self.buf)

    def _read(self, n: int) -> memoryview:
        """Exactly n bytes unless the file ends first (then fewer)."""
        return self._read_into(memoryview(bytearray(n)))

    def _read_into(self, mv: memoryview) -> memoryview:
        got = 0
        while got < len(mv):
            try:
                r = self.file.readinto(mv[got:])
            except OSError as exc:
                raise self._damaged("unreadable") from exc
            if not r:
                break
            got += r
        return mv[:got]

    def _sealed_length(self, index: int) -> int:
        return (self.chunk_size if index < self.full else self.rest) + TAG

    def _sealed_chunks(self) -> Iterator[tuple[int, memoryview]]:
        """(index, ciphertext ‖ tag) of each chunk, read a block (≤ 1 MiB) at a time; each
        view is valid until the next step."""
        index = 0
        while index < self.count:
            last = min(self.count, index + self.per_block)
            size = sum(self._sealed_length(i) for i in range(index, last))
            block = self._read_into(self.mv[:size])
            if len(block) < size:  # shrank since it was opened
                raise self._damaged("truncated", index)
            pos = 0
            for i in range(index, last):
                length = self._sealed_length(i)
                yield i, block[pos:pos + length]
                pos += length
            index = last

    def _failed(self, index: int, ct: memoryview) -> BlobDamaged:
        """Name the failure of chunk `index`: moved from a nearby position, or altered."""
        lo, hi = max(0, index - _REORDER_WINDOW), min(self.count, index + _REORDER_WINDOW + 1)
        for other in range(lo, hi):
            if other == index or self._sealed_length(other) != len(ct):
                continue
            try:
                self.aead.decrypt(_NONCE.pack(other, 0), ct, self.digest + _AAD_TAIL.pack(other, 0))
            except InvalidTag:
                continue
            return self._damaged("reordered", index)
        return self._damaged("altered", index)

    @overload
    def chunks(self, scratch: None) -> Generator[bytes, None, None]: ...

    @overload
    def chunks(self, scratch: bytearray) -> Generator[memoryview, None, None]: ...

    def chunks(self, scratch: bytearray | None) -> Generator[bytes | memoryview, None, None]:
        """Authenticated clear chunks: new bytes each, or (scratch given) views of scratch
        valid until the next step."""
        out = None if scratch is None else memoryview(scratch)
        piece: bytes | memoryview
        for index, ct in self._sealed_chunks():
            nonce, aad = _NONCE.pack(index, 0), self.digest + _AAD_TAIL.pack(index, 0)
            try:
                if out is None:
                    piece = self.aead.decrypt(nonce, ct, aad)
                else:
                    piece = out[:len(ct) - TAG]
                    self.aead.decrypt_into(nonce, ct, aad, piece)
            except InvalidTag:
                if out is not None:
                    out[:] = bytes(len(out))
                raise self._failed(index, ct) from None
            yield piece

    def chunks_into(self, buf: bytearray) -> None:
        """Decrypt every chunk into buf (len = size); zeroes buf on failure."""
        mv = memoryview(buf)
        pos = 0
        for index, ct in self._sealed_chunks():
            dest = mv[pos:pos + len(ct) - TAG]
            try:
                self.aead.decrypt_into(_NONCE.pack(index, 0), ct,
                                       self.digest + _AAD_TAIL.pack(index, 0), dest)
            except InvalidTag:
                buf[:] = bytes(len(buf))
                raise self._failed(index, ct) from None
            pos += len(dest)

    def finish(self, sha256: bytes | None) -> BlobInfo:
        """Check the end record (after all chunks): size, count and, if given, SHA-256."""
        ct = self._read_into(self.mv[:END_BYTES])
        if len(ct) < END_BYTES:
            raise self._damaged("truncated")
        try:
            end = self.aead.decrypt(_NONCE.pack(self.count, 1), ct,
                                    self.digest + _AAD_TAIL.pack(self.count, 1))
        except InvalidTag:
            raise self._damaged("end_altered") from None
        size, count, digest = _END_CLEAR.unpack(end)
        if size != self.size or count != self.count:
            raise self._damaged("end_altered")
        if self.file.read(1):
            raise self._damaged("extended")
        if sha256 is not None and not hmac.compare_digest(sha256, digest):
            raise self._damaged("checksum")
        return BlobInfo(self.blob_id, size, digest, count)

    def close(self) -> None:
        self.file.close()

    def __enter__(self) -> "_Reader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()



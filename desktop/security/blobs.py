"""Encrypted document contents: the vault's blobs/ directory (design.md "Storage and keys").

Each document version has its own random 32-byte content key, wrapped by the level key
of its classification (wrap_content_key); the services layer stores the wrapped key in
the database. Destroying a document = destroying its wrapped key (crypto-shredding);
deleting the blob file is extra.

A blob is streamed in chunks, so a 2 GB file never sits in memory and never touches the
disk in clear: the only file ever written is the ciphertext (a temp name in the same
directory, fsync, rename).

File format, version 1 (all integers big-endian)::

    header   "HOSOBLOB"            8   magic
             version               1   = 1
             id length             1   len(blob_id)
             chunk size            4   clear bytes per chunk, power of two, 4 KiB .. 16 MiB
             salt                 32   random per blob
             key check            16   HKDF(content key, salt, blob id), see _derive
             clear size            8   written last (seek back); a hint for early,
                                       well-named errors, authenticated by the end record
             blob id          id len   ASCII
    chunks   ciphertext ‖ tag     chunk size + 16 each, the last one shorter (≥ 1 clear
                                  byte); none for an empty file
    end      ciphertext ‖ tag     48 + 16: clear size (8) ‖ chunk count (8) ‖ SHA-256 (32)

Chunk i and the end record are AES-256-GCM under a per-blob key
HKDF(content key, "hoso-blob-v1" ‖ salt ‖ blob id) (STREAM construction):

    nonce = i (8 bytes) ‖ last (4 bytes)          last = 1 only for the end record
    aad   = SHA-256(header without the size) ‖ i (8 bytes) ‖ last (1 byte)

so a flipped bit, a truncated file (cut anywhere, even at a chunk boundary: the end
record is missing or sits at the wrong index), reordered chunks, a chunk taken from
another blob (other salt, other key) or a swapped file (other blob id) all fail to
authenticate. Nothing is yielded from a chunk before its tag has been checked.

Speed (issue 6: ≥ 50 % of bare AES-GCM + write, tests/benchmarks/bench_blobs.py): one
pass, no extra copies. Chunks are batched into 1 MiB reads and writes (IO_BLOCK), so the
64 KiB chunk of design.md costs no more system calls than a 1 MiB one; the SHA-256 of
the clear text, the one cost the bare limit does not have, runs on a helper thread
(hashlib releases the GIL); on Linux the kernel is asked to start writing every 8 MiB
(sync_file_range) so the fsync before the rename does not flush a whole gigabyte at once.
"""

import errno
import hashlib
import hmac
import json
import os
import queue
import re
import secrets
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.domain.errors import Cancelled, HosoError, InvalidInput, VaultDamaged
from desktop.security.blob_messages import BLOB_REASONS
from desktop.security.crypto import KEY_BYTES, NONCE_BYTES, DecryptionFailed, hkdf

# design.md's 64 KiB. bench_blobs.py measured 1 MiB chunks as no faster to write and
# ~10 % faster to read (both far above the target) once I/O is batched in IO_BLOCKs.
CHUNK = 64 * 1024
MIN_CHUNK = 4 * 1024
MAX_CHUNK = 16 * 1024 * 1024
TAG = 16
MAGIC = b"HOSOBLOB"
VERSION = 1
SUFFIX = ".blob"
TEMP_SUFFIX = ".tmp"
_FIXED = struct.Struct(">8sBBI32s16sQ")  # magic, version, id length, chunk size, salt, check, size
_SIZE_OFFSET = _FIXED.size - 8
_END_CLEAR = struct.Struct(">QQ32s")  # clear size, chunk count, SHA-256
END_BYTES = _END_CLEAR.size + TAG
_NONCE = struct.Struct(">QI")
_AAD_TAIL = struct.Struct(">QB")
_BLOB_ID = re.compile(r"^[0-9a-z][0-9a-z_-]{1,63}$")
_WRAP_VERSION = b"\x01"
_WRAP_AAD = b"hoso-content-key-v1\x00"
_REORDER_WINDOW = 8
IO_BLOCK = 1024 * 1024  # read and write this much per system call (whole chunks)
_RING = 3  # clear blocks in flight between the writer and the hashing thread
_WRITEBACK_EVERY = 8 * 1024 * 1024
_OUT_OF_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EROFS, errno.EACCES,
                 errno.EPERM}


# --- errors ----------------------------------------------------------------------------

class BlobDamaged(VaultDamaged):
    """A blob failed its checks. Nothing of the failing chunk was handed out.

    `reason` is one of blob_messages.BLOB_REASONS: missing, unreadable, not_a_blob,
    unsupported_version, wrong_blob, wrong_key, truncated, extended, reordered, altered,
    end_altered, checksum. `chunk` is the 0-based index of the failing chunk, if any.
    """

    def __init__(self, blob_id: str, reason: str, path: Path | str | None = None,
                 chunk: int | None = None) -> None:
        vi, en = BLOB_REASONS.get(reason, (reason, reason))
        number = "" if chunk is None else chunk + 1
        super().__init__("blob.damaged", blob_id=blob_id, path=str(path or blob_id),
                         reason=vi.format(chunk=number), reason_en=en.format(chunk=number))
        self.blob_id = blob_id
        self.reason = reason
        self.chunk = chunk
        self.path = path


@dataclass(frozen=True)
class BlobInfo:
    blob_id: str
    size: int  # clear bytes
    sha256: bytes  # of the clear content
    chunks: int  # data chunks (0 for an empty file); the end record is not counted


# --- content keys ----------------------------------------------------------------------

def new_content_key() -> bytes:
    return os.urandom(KEY_BYTES)


def new_blob_id() -> str:
    return secrets.token_hex(16)


def content_key_context(vault_id: str, document_id: object, version: int, level: int) -> bytes:
    """Canonical associated data for wrapping a version's content key: the wrapped key
    cannot be moved to another vault, document, version or level unnoticed."""
    return json.dumps(["hoso-content-key", str(vault_id), str(document_id), int(version),
                       int(level)], ensure_ascii=True).encode()


def wrap_content_key(level_key: bytes, content_key: bytes, context: bytes) -> bytes:
    """0x01 ‖ nonce ‖ AES-256-GCM(level key, content key, aad = context)."""
    _check_key(level_key, "level key")
    _check_key(content_key, "content key")
    nonce = os.urandom(NONCE_BYTES)
    return _WRAP_VERSION + nonce + AESGCM(level_key).encrypt(nonce, content_key,
                                                               _WRAP_AAD + context)


def unwrap_content_key(level_key: bytes, wrapped: bytes, context: bytes) -> bytes:
    """Raises DecryptionFailed for a wrong level key, a wrong context or an altered key."""
    _check_key(level_key, "level key")
    if len(wrapped) != 1 + NONCE_BYTES + KEY_BYTES + TAG or wrapped[:1] != _WRAP_VERSION:
        raise DecryptionFailed("not a wrapped content key")
    nonce, body = wrapped[1:1 + NONCE_BYTES], wrapped[1 + NONCE_BYTES:]
    try:
        return AESGCM(level_key).decrypt(nonce, body, _WRAP_AAD + context)
    except InvalidTag as exc:
        raise DecryptionFailed("authentication failed") from exc


# --- the store -------------------------------------------------------------------------

class BlobStore:
    """blobs_dir/<id[:2]>/<id>.blob. Takes and returns keys and bytes; no database."""

    def __init__(self, blobs_dir: Path, chunk_size: int = CHUNK) -> None:
        if not _valid_chunk(chunk_size):
            raise ValueError(f"chunk size must be a power of two in {MIN_CHUNK}..{MAX_CHUNK}")
        self.dir = Path(blobs_dir)
        self.chunk_size = chunk_size

    def path_for(self, blob_id: str) -> Path:
        _check_blob_id(blob_id)
        return self.dir / blob_id[:2] / (blob_id + SUFFIX)

    def exists(self, blob_id: str) -> bool:
        return self.path_for(blob_id).is_file()

    # -- writing -------------------------------------------------------------------
    def write(self, content_key: bytes, source: BinaryIO, blob_id: str | None = None,
              progress: Callable[[int], None] | None = None,
              cancel: Callable[[], bool] | None = None) -> BlobInfo:
        """Encrypt `source` (read to its end) into a new blob, in one pass.

        progress(clear bytes so far) is called after each I/O block (≤ 1 MiB); cancel() is
        asked before each block and, if true, the partial ciphertext is removed and
        Cancelled("blob.cancelled") raised. A full or read-only disk raises HosoError("vault.disk_full").
        Whatever fails, no file is left behind.
        """
        _check_key(content_key, "content key")
        blob_id = blob_id or new_blob_id()
        path = self.path_for(blob_id)
        if path.exists():
            raise FileExistsError(f"blob {blob_id} already exists")
        chunk = self.chunk_size
        per_block = _chunks_per_block(chunk)
        block = per_block * chunk
        salt = os.urandom(32)
        subkey, check = _derive(content_key, salt, blob_id)
        id_bytes = blob_id.encode("ascii")
        fixed = _FIXED.pack(MAGIC, VERSION, len(id_bytes), chunk, salt, check, 0)
        digest = _header_digest(fixed, id_bytes)
        aead = AESGCM(subkey)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _disk_error(exc, path.parent) from exc
        tmp = path.parent / f".{blob_id}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
        fill = _filler(source)
        # clear text: a ring of blocks, so the hashing thread can lag behind by two blocks
        ring = [bytearray(block) for _ in range(_RING)]
        sealed = bytearray(block + per_block * TAG)
        sealed_mv = memoryview(sealed)
        hasher = _Hasher(_RING)
        total = index = 0
        out = None
        reading = False  # an OSError while reading the source is the source's, not the disk's
        try:
            out = open(tmp, "xb", buffering=0, opener=_private_opener)
            fd = out.fileno()
            _write_all(out, fixed + id_bytes)
            offset = flushed = len(fixed) + len(id_bytes)
            turn = 0
            while True:
                if cancel is not None and cancel():
                    raise Cancelled("blob.cancelled")
                clear = hasher.take(ring, turn)
                turn += 1
                reading = True
                n = fill(clear)
                reading = False
                if n:
                    hasher.give(clear[:n])
                pos = end = 0
                while pos < n:  # one AEAD chunk at a time, all into one write
                    m = min(chunk, n - pos)
                    aead.encrypt_into(_NONCE.pack(index, 0), clear[pos:pos + m],
                                      digest + _AAD_TAIL.pack(index, 0),
                                      sealed_mv[end:end + m + TAG])
                    pos += m
                    end += m + TAG
                    index += 1
                if end:
                    _write_all(out, sealed_mv[:end])
                    offset += end
                    total += n
                    if offset - flushed >= _WRITEBACK_EVERY:
                        _start_writeback(fd, flushed, offset - flushed)
                        flushed = offset
                    if progress is not None:
                        progress(total)
                if n < block:
                    break
            sha256 = hasher.digest()
            end_record = _END_CLEAR.pack(total, index, sha256)
            _write_all(out, aead.encrypt(_NONCE.pack(index, 1), end_record,
                                         digest + _AAD_TAIL.pack(index, 1)))
            out.seek(_SIZE_OFFSET)
            _write_all(out, struct.pack(">Q", total))
            os.fsync(fd)
            out.close()
            os.replace(tmp, path)
            _fsync_dir(path.parent)
        except BaseException as exc:
            hasher.close()
            if out is not None:
                out.close()
            _unlink(tmp)
            if isinstance(exc, OSError) and not reading and exc.errno in _OUT_OF_SPACE:
                raise _disk_error(exc, path.parent) from exc
            raise
        finally:
            for clear_block in ring:  # best effort: no clear text left in our buffers
                clear_block[:] = bytes(len(clear_block))
        return BlobInfo(blob_id, total, sha256, index)

    # -- reading -------------------------------------------------------------------
    def open(self, content_key: bytes, blob_id: str) -> "BlobReader":
        """An iterator of verified clear chunks (bytes). The header and the key are
        checked now; each chunk is authenticated before it is yielded, and the end record
        after the last one. Any failure raises BlobDamaged and yields nothing more.

        Streaming means a consumer has the chunks before a later one fails: one that needs
        all-or-nothing calls verify() first, or read_all() for small files.
        """
        return BlobReader(_Reader(self.path_for(blob_id), blob_id, content_key))

    def verify(self, content_key: bytes, blob_id: str) -> BlobInfo:
        """Authenticate every chunk and the SHA-256, keeping no clear text."""
        with _Reader(self.path_for(blob_id), blob_id, content_key) as reader:
            scratch = bytearray(reader.chunk_size)
            sha = hashlib.sha256()
            try:
                for piece in reader.chunks(scratch):
                    sha.update(piece)
                return reader.finish(sha.digest())
            finally:
                scratch[:] = bytes(len(scratch))

    def read_all(self, content_key: bytes, blob_id: str, limit: int) -> bytes:
        """The whole clear content, only if every chunk authenticates (for the viewer).
        Refuses a blob larger than `limit` bytes before decrypting anything."""
        with _Reader(self.path_for(blob_id), blob_id, content_key) as reader:
            if reader.size > limit:
                raise InvalidInput("blob.too_large", size=reader.size, limit=limit)
            buf = bytearray(reader.size)
            try:
                reader.chunks_into(buf)
                reader.finish(None)
                return bytes(buf)
            finally:
                buf[:] = bytes(len(buf))

    def copy_to(self, content_key: bytes, blob_id: str, target: BinaryIO,
                progress: Callable[[int], None] | None = None,
                cancel: Callable[[], bool] | None = None,
                expected_sha256: bytes | None = None) -> BlobInfo:
        """Decrypt into `target` ("export a decrypted copy"; the caller chose it).

        Verifies the SHA-256 of what was written against the blob's authenticated end
        record (and `expected_sha256`, e.g. the database's, if given). On BlobDamaged or
        Cancelled the target holds a verified prefix only: the caller discards it.
        """
        with _Reader(self.path_for(blob_id), blob_id, content_key) as reader:
            scratch = bytearray(reader.chunk_size)
            sha = hashlib.sha256()
            done = 0
            try:
                for piece in reader.chunks(scratch):
                    if cancel is not None and cancel():
                        raise Cancelled("blob.cancelled")
                    sha.update(piece)
                    _write_all(target, piece)
                    done += len(piece)
                    if progress is not None:
                        progress(done)
                info = reader.finish(sha.digest())
            finally:
                scratch[:] = bytes(len(scratch))
            if expected_sha256 is not None and not hmac.compare_digest(expected_sha256,
                                                                       info.sha256):
                raise BlobDamaged(blob_id, "checksum", reader.path)
            return info

    # -- deleting ------------------------------------------------------------------
    def destroy(self, blob_id: str) -> None:
        """Delete the ciphertext file (the caller destroys the wrapped content key, which
        is what makes the content unrecoverable). Idempotent."""
        path = self.path_for(blob_id)
        _unlink(path)
        try:
            path.parent.rmdir()  # only if empty
        except OSError:
            _fsync_dir(path.parent)

    def sweep_temp(self, older_than_s: float = 3600.0) -> int:
        """Remove temp files (ciphertext only) left by a crash during write()."""
        removed = 0
        if not self.dir.is_dir():
            return 0
        limit = time.time() - older_than_s
        for tmp in self.dir.glob(f"*/.*{TEMP_SUFFIX}"):
            try:
                if tmp.stat().st_mtime < limit:
                    tmp.unlink()
                    removed += 1
            except OSError:
                pass
        return removed


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
        self.chunk_size = chunk_size
        self.size = size
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

    def chunks(self, scratch: bytearray | None) -> Iterator[bytes | memoryview]:
        """Authenticated clear chunks: new bytes each, or (scratch given) views of scratch
        valid until the next step."""
        out = None if scratch is None else memoryview(scratch)
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


# --- helpers ---------------------------------------------------------------------------

class _Hasher:
    """SHA-256 of the clear text on a helper thread: hashlib releases the GIL, so hashing
    block k overlaps encrypting and writing block k+1 (a second core halves the cost).

    The writer fills the blocks of a ring in turn; take() waits until the hasher is done
    with the block about to be refilled (it hashes in order, so that is the oldest).
    """

    def __init__(self, blocks: int) -> None:
        self.sha = hashlib.sha256()
        self.todo: queue.SimpleQueue = queue.SimpleQueue()
        self.free = threading.Semaphore(blocks)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="hoso-blob-sha256", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            view = self.todo.get()
            if view is None:
                return
            try:
                if self.error is None:
                    self.sha.update(view)
            except BaseException as exc:  # reported by digest(); keep freeing blocks
                self.error = exc
            finally:
                self.free.release()

    def take(self, ring: list[bytearray], turn: int) -> memoryview:
        self.free.acquire()
        return memoryview(ring[turn % len(ring)])

    def give(self, view: memoryview) -> None:
        self.todo.put(view)

    def digest(self) -> bytes:
        self.close()
        if self.error is not None:
            raise self.error
        return self.sha.digest()

    def close(self) -> None:
        if self.thread.is_alive():
            self.todo.put(None)
            self.thread.join()


def _load_sync_file_range() -> Callable[[int, int, int], object] | None:
    """Linux sync_file_range(SYNC_FILE_RANGE_WRITE): start writing a range to disk now,
    without waiting, so the final fsync has little left to do. None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        func = libc.sync_file_range
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
    func.restype = ctypes.c_int
    return lambda fd, offset, length: func(fd, offset, length, 2)  # 2 = SYNC_FILE_RANGE_WRITE


_sync_file_range = _load_sync_file_range()


def _start_writeback(fd: int, offset: int, length: int) -> None:
    if _sync_file_range is not None:
        _sync_file_range(fd, offset, length)  # best effort; the fsync at the end is what counts


def _file_length(chunk_size: int, size: int, id_len: int) -> int:
    """The length of a blob of `size` clear bytes: header, chunks with their tags, end."""
    full, rest = divmod(size, chunk_size)
    body = full * (chunk_size + TAG) + (rest + TAG if rest else 0)
    return _FIXED.size + id_len + body + END_BYTES


def check_shape(path: Path, blob_id: str, size: int) -> None:
    """Without the content key: the header is a blob's, names `blob_id`, states `size`
    clear bytes (as the database does), and the file has exactly the length that makes.
    Catches a missing, truncated, extended or swapped file; a flipped byte inside needs
    the key (verify)."""
    try:
        with open(path, "rb") as file:
            fixed = file.read(_FIXED.size)
            if len(fixed) < _FIXED.size:
                raise BlobDamaged(blob_id, "truncated" if MAGIC.startswith(fixed[:8])
                                  else "not_a_blob", path)
            magic, version, id_len, chunk_size, _salt, _check, stated = _FIXED.unpack(fixed)
            if magic != MAGIC:
                raise BlobDamaged(blob_id, "not_a_blob", path)
            if version != VERSION:
                raise BlobDamaged(blob_id, "unsupported_version", path)
            if file.read(id_len) != blob_id.encode("ascii"):
                raise BlobDamaged(blob_id, "wrong_blob", path)
            if not _valid_chunk(chunk_size):
                raise BlobDamaged(blob_id, "not_a_blob", path)
            actual = os.fstat(file.fileno()).st_size
    except FileNotFoundError:
        raise BlobDamaged(blob_id, "missing", path) from None
    except OSError as exc:
        raise BlobDamaged(blob_id, "unreadable", path) from exc
    expected = _file_length(chunk_size, size, id_len)
    if stated != size or actual < expected:
        raise BlobDamaged(blob_id, "truncated" if actual < expected else "altered", path)
    if actual > expected:
        raise BlobDamaged(blob_id, "extended", path)


def _chunks_per_block(chunk: int) -> int:
    return max(1, IO_BLOCK // chunk)


def _derive(content_key: bytes, salt: bytes, blob_id: str) -> tuple[bytes, bytes]:
    """(per-blob AES key, 16-byte key check). The check tells a wrong key from damage."""
    material = hkdf(content_key, b"hoso-blob-v1\x00" + salt + blob_id.encode("ascii"), 48)
    return material[:32], material[32:]


def _header_digest(fixed: bytes, id_bytes: bytes) -> bytes:
    """SHA-256 of the header with the size field zeroed (it is written last)."""
    return hashlib.sha256(fixed[:_SIZE_OFFSET] + bytes(8) + id_bytes).digest()


def _valid_chunk(size: int) -> bool:
    return MIN_CHUNK <= size <= MAX_CHUNK and size & (size - 1) == 0


def _check_key(key: bytes, what: str) -> None:
    if not isinstance(key, (bytes, bytearray)) or len(key) != KEY_BYTES:
        raise ValueError(f"{what} must be {KEY_BYTES} bytes")


def _check_blob_id(blob_id: str) -> None:
    if not isinstance(blob_id, str) or not _BLOB_ID.match(blob_id):
        raise ValueError(f"invalid blob id {blob_id!r}")


def _filler(source: BinaryIO) -> Callable[[memoryview], int]:
    """fill(view) → bytes placed: the view is filled completely unless the source ends."""
    readinto = getattr(source, "readinto", None)
    if readinto is not None:
        def fill(mv: memoryview) -> int:
            got = 0
            while got < len(mv):
                r = readinto(mv[got:])
                if not r:
                    break
                got += r
            return got
        return fill

    def fill_by_read(mv: memoryview) -> int:
        got = 0
        while got < len(mv):
            data = source.read(len(mv) - got)
            if not data:
                break
            mv[got:got + len(data)] = data
            got += len(data)
        return got
    return fill_by_read


def _write_all(out: BinaryIO, data: bytes | memoryview) -> None:
    mv = memoryview(data)
    while len(mv):
        n = out.write(mv)
        if n is None:  # a non-blocking or buffered writer that took everything
            return
        mv = mv[n:]


def _private_opener(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _disk_error(exc: OSError, where: Path) -> HosoError:
    return HosoError("vault.disk_full", path=str(where))

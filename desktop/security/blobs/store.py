"""The blob store: writing a blob (streamed, encrypted, hashed on a helper thread, fsynced
and renamed into place), opening, verifying, copying, destroying, and sweeping
interrupted writes."""

from __future__ import annotations

import hashlib
import hmac
import os
import queue
import secrets
import struct
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.domain.errors import Cancelled, HosoError, InvalidInput
from desktop.domain.progress import Progress
from desktop.security.blobs.format import (
    _AAD_TAIL,
    _END_CLEAR,
    _FIXED,
    _NONCE,
    _OUT_OF_SPACE,
    _RING,
    _SIZE_OFFSET,
    _WRITEBACK_EVERY,
    CHUNK,
    MAGIC,
    MAX_CHUNK,
    MIN_CHUNK,
    SUFFIX,
    TAG,
    TEMP_SUFFIX,
    VERSION,
    BlobDamaged,
    BlobInfo,
    _check_blob_id,
    _check_key,
    _chunks_per_block,
    _derive,
    _header_digest,
    _valid_chunk,
)
from desktop.security.blobs.keys import new_blob_id
from desktop.security.blobs.reader import BlobReader, _Reader

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
              progress: Progress | None = None) -> BlobInfo:
        """Encrypt `source` (read to its end) into a new blob, in one pass.

        progress(clear bytes so far) is called before the first block and after each I/O
        block (≤ 1 MiB); a Cancelled raised from it (domain.progress) removes the partial
        ciphertext and ends as Cancelled("blob.cancelled"). A full or read-only disk raises HosoError("vault.disk_full").
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
            if progress is not None:
                progress(0)
            while True:
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
            if isinstance(exc, Cancelled):
                raise Cancelled("blob.cancelled") from exc
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
                progress: Progress | None = None,
                expected_sha256: bytes | None = None) -> BlobInfo:
        """Decrypt into `target` ("export a decrypted copy"; the caller chose it).

        Verifies the SHA-256 of what was written against the blob's authenticated end
        record (and `expected_sha256`, e.g. the database's, if given). progress(clear bytes
        written) after each chunk may stop it (domain.progress: Cancelled("blob.cancelled")).
        On BlobDamaged or Cancelled the target holds a verified prefix only: the caller
        discards it.
        """
        with _Reader(self.path_for(blob_id), blob_id, content_key) as reader:
            scratch = bytearray(reader.chunk_size)
            sha = hashlib.sha256()
            done = 0
            try:
                if progress is not None:
                    progress(0)
                for piece in reader.chunks(scratch):
                    sha.update(piece)
                    _write_all(target, piece)
                    done += len(piece)
                    if progress is not None:
                        progress(done)
                info = reader.finish(sha.digest())
            except Cancelled as exc:
                raise Cancelled("blob.cancelled") from exc
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



# --- writing helpers -----------------------------------------------------------------

class _Hasher:
    """SHA-256 of the clear text on a helper thread: hashlib releases the GIL, so hashing
    block k overlaps encrypting and writing block k+1 (a second core halves the cost).

    The writer fills the blocks of a ring in turn; take() waits until the hasher is done
    with the block about to be refilled (it hashes in order, so that is the oldest).
    """

    def __init__(self, blocks: int) -> None:
        self.sha = hashlib.sha256()
        self.todo: queue.SimpleQueue[memoryview | None] = queue.SimpleQueue()
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


def _start_writeback(fd: int, offset: int, length: int) -> None:
    if _sync_file_range is not None:
        _sync_file_range(fd, offset, length)  # best effort; the fsync at the end is what counts


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

_sync_file_range = _load_sync_file_range()

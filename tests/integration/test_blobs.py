"""Encrypted document contents (issue 6): streamed chunks, damage detection, crypto-shredding.

All on real files under tmp_path; no database (the services layer stores wrapped keys).
"""

import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.domain.errors import Cancelled, HosoError, InvalidInput, VaultDamaged
from desktop.security import blobs
from desktop.security.blobs import (CHUNK, END_BYTES, TAG, BlobDamaged, BlobInfo,
                                    BlobStore, content_key_context, new_content_key,
                                    unwrap_content_key, wrap_content_key)
from desktop.security.crypto import DecryptionFailed

ROOT = Path(__file__).resolve().parents[2]
SIZES = [0, 1, CHUNK, CHUNK + 1, 5 * CHUNK + 17,
         2 * blobs.IO_BLOCK, 2 * blobs.IO_BLOCK + CHUNK + 3]  # several I/O blocks


@pytest.fixture
def store(tmp_path):
    return BlobStore(tmp_path / "vault" / "blobs")


@pytest.fixture
def key():
    return new_content_key()


def _write(store, key, data, blob_id=None, **kw):
    import io
    return store.write(key, io.BytesIO(data), blob_id=blob_id, **kw)


def _header_len(blob_id):
    return struct.calcsize(">8sBBI32s16sQ") + len(blob_id)


def _chunk_span(blob_id, index, chunk=CHUNK):
    start = _header_len(blob_id) + index * (chunk + TAG)
    return start, start + chunk + TAG


def _all_files(path):
    return sorted(p for p in Path(path).rglob("*") if p.is_file())


# --- round trips -----------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_round_trip(store, key, size):
    data = os.urandom(size)
    seen = []
    info = _write(store, key, data, progress=seen.append)
    assert info == BlobInfo(info.blob_id, size, hashlib.sha256(data).digest(),
                            -(-size // CHUNK))
    assert store.exists(info.blob_id)
    assert seen == sorted(seen) and (seen[-1] if seen else 0) == size

    reader = store.open(key, info.blob_id)
    assert reader.size == size
    pieces = list(reader)
    assert all(len(p) <= CHUNK for p in pieces)
    assert b"".join(pieces) == data
    assert reader.info == info

    assert store.verify(key, info.blob_id) == info
    assert store.read_all(key, info.blob_id, limit=size) == data

    import io
    target = io.BytesIO()
    assert store.copy_to(key, info.blob_id, target, expected_sha256=info.sha256) == info
    assert target.getvalue() == data

    # file size: header + chunks with their tags + end record, nothing else
    expected = _header_len(info.blob_id) + size + info.chunks * TAG + END_BYTES
    assert store.path_for(info.blob_id).stat().st_size == expected


def test_layout_and_given_blob_id(store, key):
    info = _write(store, key, b"abc", blob_id="ab12cd34")
    path = store.dir / "ab" / "ab12cd34.blob"
    assert path.is_file() and store.path_for("ab12cd34") == path
    assert path.read_bytes()[:8] == b"HOSOBLOB"
    assert _all_files(store.dir) == [path]  # no temp file left
    with pytest.raises(FileExistsError):
        _write(store, key, b"other", blob_id="ab12cd34")
    with pytest.raises(ValueError):
        store.path_for("../../etc/passwd")
    assert info.blob_id == "ab12cd34"


def test_random_ids_and_salts_differ(store, key):
    a = _write(store, key, b"same content")
    b = _write(store, key, b"same content")
    assert a.blob_id != b.blob_id and a.sha256 == b.sha256
    assert store.path_for(a.blob_id).read_bytes()[-60:] != store.path_for(b.blob_id).read_bytes()[-60:]


@pytest.mark.parametrize("chunk", [4096, 1024 * 1024, 4 * 1024 * 1024])
def test_other_chunk_size_is_read_from_the_header(tmp_path, key, chunk):
    big = BlobStore(tmp_path / "blobs", chunk_size=chunk)
    data = os.urandom(3 * chunk + 5)
    info = _write(big, key, data)
    assert info.chunks == 4
    assert b"".join(BlobStore(tmp_path / "blobs").open(key, info.blob_id)) == data
    with pytest.raises(ValueError):
        BlobStore(tmp_path / "blobs", chunk_size=100_000)


def test_source_without_readinto_and_short_reads(store, key):
    data = os.urandom(3 * CHUNK + 100)

    class Dribble:  # returns at most 1000 bytes per read, like a pipe
        def __init__(self):
            self.pos = 0

        def read(self, n):
            piece = data[self.pos:self.pos + min(n, 1000)]
            self.pos += len(piece)
            return piece

    info = store.write(key, Dribble())
    assert info.size == len(data) and info.chunks == 4
    assert store.read_all(key, info.blob_id, limit=10 ** 6) == data


def test_clear_content_never_reaches_the_disk(tmp_path, store, key):
    marker = "TUYỆT MẬT – biên bản làm việc số 17/BB-TTCP".encode()
    data = (marker + os.urandom(1000)) * 300
    info = _write(store, key, data)
    for path in _all_files(tmp_path):
        raw = path.read_bytes()
        assert marker not in raw and marker[:16] not in raw, path
    assert _all_files(store.dir) == [store.path_for(info.blob_id)]


# --- damage ----------------------------------------------------------------------------

def _damaged_file(store, key, size=5 * CHUNK + 17):
    data = os.urandom(size)
    info = _write(store, key, data)
    return data, info, store.path_for(info.blob_id)


def _consume(store, key, blob_id):
    """Read chunk by chunk; returns (clear bytes received, the BlobDamaged raised)."""
    received = []
    with pytest.raises(BlobDamaged) as caught:
        for piece in store.open(key, blob_id):
            received.append(piece)
    return b"".join(received), caught.value


def test_flipped_byte_in_chunk_2_is_caught_before_any_of_it_is_yielded(store, key):
    data, info, path = _damaged_file(store, key)
    raw = bytearray(path.read_bytes())
    start, _ = _chunk_span(info.blob_id, 2)
    raw[start + 1234] ^= 0x01
    path.write_bytes(raw)
    received, err = _consume(store, key, info.blob_id)
    assert received == data[:2 * CHUNK]  # chunks 0 and 1 only, nothing of chunk 2
    assert err.reason == "altered" and err.chunk == 2 and err.blob_id == info.blob_id
    with pytest.raises(BlobDamaged):
        store.verify(key, info.blob_id)
    with pytest.raises(BlobDamaged):
        store.read_all(key, info.blob_id, limit=10 ** 7)


def test_flipped_byte_in_a_later_io_block(store, key):
    data, info, path = _damaged_file(store, key, size=3 * blobs.IO_BLOCK)
    bad = blobs.IO_BLOCK // CHUNK + 3  # the fourth chunk of the second block
    raw = bytearray(path.read_bytes())
    start, _ = _chunk_span(info.blob_id, bad)
    raw[start] ^= 0xFF
    path.write_bytes(raw)
    received, err = _consume(store, key, info.blob_id)
    assert received == data[:bad * CHUNK] and err.chunk == bad and err.reason == "altered"


def test_flipped_tag_and_flipped_end_record(store, key):
    data, info, path = _damaged_file(store, key)
    raw = bytearray(path.read_bytes())
    _, end = _chunk_span(info.blob_id, 0)
    raw[end - 1] ^= 0x80  # last byte of chunk 0's tag
    path.write_bytes(raw)
    received, err = _consume(store, key, info.blob_id)
    assert received == b"" and err.reason == "altered" and err.chunk == 0

    raw[end - 1] ^= 0x80
    raw[-5] ^= 0x10  # the end record
    path.write_bytes(raw)
    received, err = _consume(store, key, info.blob_id)
    assert received == data and err.reason == "end_altered"


def test_flipped_header_is_caught(store, key):
    _, info, path = _damaged_file(store, key)
    original = path.read_bytes()
    for offset, reason in [(0, "not_a_blob"), (8, "unsupported_version"), (20, "wrong_key"),
                           (50, "wrong_key"), (len(original) - END_BYTES - 1, "altered")]:
        raw = bytearray(original)
        raw[offset] ^= 0x04
        path.write_bytes(raw)
        with pytest.raises(BlobDamaged) as caught:
            list(store.open(key, info.blob_id))
        assert caught.value.reason == reason, offset
    raw = bytearray(original)
    raw[12] ^= 0x01  # chunk size field: 64 KiB + 256, not a power of two
    path.write_bytes(raw)
    with pytest.raises(BlobDamaged):
        list(store.open(key, info.blob_id))


def test_truncated_last_chunk(store, key):
    _, info, path = _damaged_file(store, key)
    raw = path.read_bytes()
    for cut in (1, 10, END_BYTES, END_BYTES + 5, END_BYTES + 17 + TAG):
        path.write_bytes(raw[:-cut])
        received, err = _consume(store, key, info.blob_id)
        assert received == b"" and err.reason == "truncated"


def test_truncated_at_a_chunk_boundary(store, key):
    data, info, path = _damaged_file(store, key)
    raw = path.read_bytes()
    _, boundary = _chunk_span(info.blob_id, 2)  # after chunk 2 of 6
    path.write_bytes(raw[:boundary])
    received, err = _consume(store, key, info.blob_id)
    assert received == b"" and err.reason == "truncated"  # the size in the header shows it

    # a careful forger also fixes the size in the header and keeps an end record: the
    # end record's index and last-chunk flag do not match, so the end is refused
    forged = bytearray(raw[:boundary] + raw[-END_BYTES:])
    forged[62:70] = struct.pack(">Q", 3 * CHUNK)
    path.write_bytes(forged)
    received, err = _consume(store, key, info.blob_id)
    assert received == data[:3 * CHUNK] and err.reason == "end_altered"

    # or re-encrypts nothing but drops the end record and claims one more full chunk
    forged = bytearray(raw[:boundary])
    forged[62:70] = struct.pack(">Q", 2 * CHUNK + (CHUNK - END_BYTES))
    path.write_bytes(forged)
    with pytest.raises(BlobDamaged):
        store.verify(key, info.blob_id)


def test_extended_file(store, key):
    _, info, path = _damaged_file(store, key)
    with open(path, "ab") as f:
        f.write(b"\0" * 100)
    received, err = _consume(store, key, info.blob_id)
    assert received == b"" and err.reason == "extended"


def test_two_chunks_swapped(store, key):
    data, info, path = _damaged_file(store, key)
    raw = bytearray(path.read_bytes())
    a0, a1 = _chunk_span(info.blob_id, 1)
    b0, b1 = _chunk_span(info.blob_id, 3)
    raw[a0:a1], raw[b0:b1] = raw[b0:b1], raw[a0:a1]
    path.write_bytes(raw)
    received, err = _consume(store, key, info.blob_id)
    assert received == data[:CHUNK] and err.reason == "reordered" and err.chunk == 1


def test_chunk_from_another_blob_with_the_same_key(store, key):
    data, info, path = _damaged_file(store, key)
    _, other, other_path = _damaged_file(store, key)
    raw = bytearray(path.read_bytes())
    start, end = _chunk_span(info.blob_id, 1)
    o_start, o_end = _chunk_span(other.blob_id, 1)
    raw[start:end] = other_path.read_bytes()[o_start:o_end]
    path.write_bytes(raw)
    received, err = _consume(store, key, info.blob_id)
    assert received == data[:CHUNK] and err.reason == "altered" and err.chunk == 1


def test_whole_blob_file_swapped(store, key):
    _, info, path = _damaged_file(store, key)
    _, other, other_path = _damaged_file(store, key)
    shutil.copyfile(other_path, path)
    received, err = _consume(store, key, info.blob_id)
    assert received == b"" and err.reason == "wrong_blob"


def test_wrong_content_key(store, key):
    _, info, _ = _damaged_file(store, key)
    with pytest.raises(BlobDamaged) as caught:
        store.open(new_content_key(), info.blob_id)  # refused at once, before iterating
    assert caught.value.reason == "wrong_key"
    with pytest.raises(BlobDamaged):
        store.read_all(new_content_key(), info.blob_id, limit=10 ** 7)


def test_damage_message_names_the_file_in_both_languages(store, key):
    _, info, path = _damaged_file(store, key)
    with pytest.raises(VaultDamaged) as caught:
        store.open(new_content_key(), info.blob_id)
    err = caught.value
    assert isinstance(err, HosoError) and err.key == "blob.damaged"
    vi, en = err.message("vi"), err.message("en")
    assert str(path) in vi and str(path) in en
    assert "bị hỏng" in vi and "khóa nội dung không khớp" in vi
    assert "damaged" in en and "content key" in en
    assert "{" not in vi + en


def test_missing_blob(store, key):
    with pytest.raises(BlobDamaged) as caught:
        store.open(key, "0123456789abcdef")
    assert caught.value.reason == "missing"


def test_copy_to_checks_the_expected_sha256(store, key):
    import io
    data, info, _ = _damaged_file(store, key, size=1000)
    with pytest.raises(BlobDamaged) as caught:
        store.copy_to(key, info.blob_id, io.BytesIO(), expected_sha256=b"\0" * 32)
    assert caught.value.reason == "checksum"


def test_read_all_refuses_large_blobs_before_decrypting(store, key):
    _, info, _ = _damaged_file(store, key, size=5000)
    with pytest.raises(InvalidInput) as caught:
        store.read_all(key, info.blob_id, limit=4999)
    assert caught.value.key == "blob.too_large" and "5000" in caught.value.message("vi")


# --- keys ------------------------------------------------------------------------------

def test_wrapped_content_key_is_bound_to_its_context():
    level_key, content_key = os.urandom(32), new_content_key()
    context = content_key_context("vault-1", 42, 3, 2)
    wrapped = wrap_content_key(level_key, content_key, context)
    assert content_key not in wrapped
    assert unwrap_content_key(level_key, wrapped, context) == content_key
    for other in (content_key_context("vault-2", 42, 3, 2), content_key_context("vault-1", 43, 3, 2),
                  content_key_context("vault-1", 42, 4, 2), content_key_context("vault-1", 42, 3, 3)):
        with pytest.raises(DecryptionFailed):
            unwrap_content_key(level_key, wrapped, other)
    with pytest.raises(DecryptionFailed):
        unwrap_content_key(os.urandom(32), wrapped, context)
    flipped = bytearray(wrapped)
    flipped[20] ^= 1
    with pytest.raises(DecryptionFailed):
        unwrap_content_key(level_key, bytes(flipped), context)
    with pytest.raises(DecryptionFailed):
        unwrap_content_key(level_key, wrapped[:-1], context)


def test_destroy_removes_the_file_and_the_content_is_gone(store, key):
    data, info, path = _damaged_file(store, key, size=1000)
    store.destroy(info.blob_id)
    assert not path.exists() and not store.exists(info.blob_id)
    assert _all_files(store.dir) == []
    store.destroy(info.blob_id)  # idempotent
    with pytest.raises(BlobDamaged) as caught:
        store.open(key, info.blob_id)
    assert caught.value.reason == "missing"


# --- interrupted writes ----------------------------------------------------------------

def test_cancelled_write_leaves_nothing(store, key):
    import io
    import threading
    threads = threading.active_count()
    seen = []

    def progress(done):   # the user stops the upload after two blocks (domain.progress)
        seen.append(done)
        if done == 2 * blobs.IO_BLOCK:   # two blocks are on disk (in the temp file) by now
            assert [p.name for p in _all_files(store.dir)][0].endswith(".tmp")
            raise Cancelled()

    size = 4 * blobs.IO_BLOCK + 5
    with pytest.raises(Cancelled) as caught:
        store.write(key, io.BytesIO(os.urandom(size)), blob_id="cafe0001", progress=progress)
    assert seen == [0, blobs.IO_BLOCK, 2 * blobs.IO_BLOCK]
    assert caught.value.key == "blob.cancelled" and caught.value.message("en")
    assert not store.exists("cafe0001")
    assert _all_files(store.dir) == []
    assert threading.active_count() == threads  # the hashing thread has stopped


def test_failing_source_leaves_nothing(store, key):
    class Broken:
        def __init__(self):
            self.n = 0

        def read(self, size):
            self.n += 1
            if self.n > 2:
                raise OSError(5, "Input/output error")
            return os.urandom(size)

    import threading
    threads = threading.active_count()
    with pytest.raises(OSError):
        store.write(key, Broken(), blob_id="cafe0002")
    assert _all_files(store.dir) == []
    assert threading.active_count() == threads


def test_sweep_removes_stale_temp_files(store, key):
    info = _write(store, key, b"x")
    stale = store.path_for(info.blob_id).parent / f".{info.blob_id}.dead.tmp"
    stale.write_bytes(b"ciphertext")
    os.utime(stale, (0, 0))
    assert store.sweep_temp() == 1 and not stale.exists() and store.exists(info.blob_id)


# --- memory ----------------------------------------------------------------------------

MEMORY_SCRIPT = textwrap.dedent("""
    import hashlib, json, os, resource, sys
    from pathlib import Path
    from desktop.security.blobs import BlobStore, new_content_key

    TOTAL = int(sys.argv[2])

    class Generated:
        '''A 300 MB file-like object made on the fly, never held in memory.'''
        def __init__(self):
            self.left = TOTAL
            self.sha = hashlib.sha256()
        def read(self, n):
            n = min(n, self.left, 1 << 20)
            self.left -= n
            piece = os.urandom(n)
            self.sha.update(piece)
            return piece

    store = BlobStore(Path(sys.argv[1]))
    key = new_content_key()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    source = Generated()
    info = store.write(key, source)
    after_write = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sha, size = hashlib.sha256(), 0
    for piece in store.open(key, info.blob_id):
        sha.update(piece)
        size += len(piece)
    after_read = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"before_kib": before, "after_write_kib": after_write,
                      "after_read_kib": after_read, "size": size, "expected": TOTAL,
                      "sha_ok": sha.digest() == info.sha256 == source.sha.digest()}))
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss in KiB on Linux")
def test_memory_stays_bounded_for_a_300_mb_stream(tmp_path):
    total = 300 * 1024 * 1024
    result = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(tmp_path / "blobs"),
                             str(total)], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["size"] == total and figures["sha_ok"]
    growth_mb = (figures["after_read_kib"] - figures["before_kib"]) / 1024
    assert growth_mb < 100, figures
    blob_files = _all_files(tmp_path / "blobs")
    assert len(blob_files) == 1
    assert blob_files[0].stat().st_size < total + total // CHUNK * TAG + 4096


def test_full_disk_is_reported_and_leaves_nothing(store, key, monkeypatch):
    import errno
    import io

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(blobs.os, "fsync", no_space)
    with pytest.raises(HosoError) as caught:
        store.write(key, io.BytesIO(os.urandom(3 * CHUNK)), blob_id="cafe0003")
    assert caught.value.key == "vault.disk_full"
    monkeypatch.undo()
    assert _all_files(store.dir) == []


def test_an_unreadable_source_is_not_called_a_full_disk(store, key):
    class Forbidden:
        def read(self, size):
            raise PermissionError(13, "Permission denied")

    with pytest.raises(PermissionError):
        store.write(key, Forbidden(), blob_id="cafe0004")
    assert _all_files(store.dir) == []

"""Encrypted document contents: the vault's blobs/ directory (desktop/security/SECURITY.md, "Keys").

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
             key check            16   HKDF(content key, salt, blob id), see format._derive
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
64 KiB chunk of the design costs no more system calls than a 1 MiB one; the SHA-256 of
the clear text, the one cost the bare limit does not have, runs on a helper thread
(hashlib releases the GIL); on Linux the kernel is asked to start writing every 8 MiB
(sync_file_range) so the fsync before the rename does not flush a whole gigabyte at once.

The package: format (constants, checks, the per-blob key derivation), keys (content
keys and their wrapping), store (writing, destroying, sweeping), reader (reading and
authenticating) — as KeePassXC keeps format/, streams/ and keys/ apart.
"""

import os  # noqa: F401 — the tests stub os.fsync through this name (blobs.os)

from desktop.security.blobs.format import (CHUNK, END_BYTES, IO_BLOCK, MAGIC, MAX_CHUNK,
                                           MIN_CHUNK, SUFFIX, TAG, TEMP_SUFFIX, VERSION,
                                           BlobDamaged, BlobInfo, check_shape)
from desktop.security.blobs.keys import (content_key_context, new_blob_id, new_content_key,
                                         unwrap_content_key, wrap_content_key)
from desktop.security.blobs.reader import BlobReader
from desktop.security.blobs.store import BlobStore

__all__ = ["BlobDamaged", "BlobInfo", "BlobReader", "BlobStore", "CHUNK", "END_BYTES",
           "IO_BLOCK", "MAGIC", "MAX_CHUNK", "MIN_CHUNK", "SUFFIX", "TAG", "TEMP_SUFFIX",
           "VERSION", "check_shape", "content_key_context", "new_blob_id", "new_content_key",
           "unwrap_content_key", "wrap_content_key"]

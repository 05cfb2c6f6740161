"""Documents' encrypted files as rows of `blob_chunks` on a department server — the same
ciphertext as a vault's blobs/ files (security.blobs), in pieces of 4 MiB; the workstation's
side is security.blobs.mirrored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, text

PIECE = 4 * 1024 * 1024   # bytes of ciphertext a row


class BlobRows:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def put(self, blob_id: str, path: Path) -> None:
        """One transaction: a file is on the server whole or not at all."""
        with self.engine.begin() as conn, open(path, "rb") as handle:
            seq = 0
            while piece := handle.read(PIECE):
                conn.execute(text("INSERT INTO blob_chunks (blob_id, seq, body) "
                                  "VALUES (:b, :s, :p)"), {"b": blob_id, "s": seq, "p": piece})
                seq += 1

    def pieces(self, blob_id: str) -> Iterator[bytes]:
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT body FROM blob_chunks WHERE blob_id = :b "
                                     "ORDER BY seq"), {"b": blob_id})
            for (piece,) in rows:
                yield bytes(piece)

    def delete(self, blob_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(text("DELETE FROM blob_chunks WHERE blob_id = :b"), {"b": blob_id})

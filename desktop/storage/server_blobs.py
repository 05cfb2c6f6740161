"""Documents' encrypted files on a department server: the same files as a vault's blobs/
(security.blobs: chunked AES-GCM under a content key the server never sees), kept in the
`blob_chunks` table so every workstation reaches them. This workstation keeps the
ciphertext it wrote or read in its folder for the server, so a document opened twice is
fetched once; a blob's id never names other contents, so that copy never goes stale."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Engine, text

from desktop.domain.progress import Progress
from desktop.security.blobs.format import BlobInfo
from desktop.security.blobs.store import BlobStore

PIECE = 4 * 1024 * 1024   # bytes of ciphertext a row


class ServerBlobStore(BlobStore):
    def __init__(self, blobs_dir: Path, engine: Engine) -> None:
        super().__init__(blobs_dir)
        self.engine = engine

    def path_for(self, blob_id: str) -> Path:
        """The local copy, fetched from the server first when this machine has none."""
        path = super().path_for(blob_id)
        if not path.is_file():
            self._fetch(blob_id, path)
        return path

    def exists(self, blob_id: str) -> bool:
        return self.path_for(blob_id).is_file()

    def write(self, content_key: bytes, source: BinaryIO, blob_id: str | None = None,
              progress: Progress | None = None) -> BlobInfo:
        info = super().write(content_key, source, blob_id, progress)
        try:
            self.upload(info.blob_id, super().path_for(info.blob_id))
        except BaseException:
            super().destroy(info.blob_id)
            raise
        return info

    def destroy(self, blob_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(text("DELETE FROM blob_chunks WHERE blob_id = :b"), {"b": blob_id})
        super().destroy(blob_id)

    def upload(self, blob_id: str, path: Path) -> None:
        """One transaction: a blob is on the server whole or not at all."""
        with self.engine.begin() as conn, open(path, "rb") as handle:
            seq = 0
            while piece := handle.read(PIECE):
                conn.execute(text("INSERT INTO blob_chunks (blob_id, seq, body) "
                                  "VALUES (:b, :s, :p)"), {"b": blob_id, "s": seq, "p": piece})
                seq += 1

    def _fetch(self, blob_id: str, path: Path) -> None:
        with self.engine.connect() as conn:
            pieces = conn.execute(text("SELECT body FROM blob_chunks WHERE blob_id = :b "
                                       "ORDER BY seq"), {"b": blob_id})
            first = pieces.fetchone()
            if first is None:
                return   # not on the server either: the reader says the file is missing
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            tmp = path.parent / f".{blob_id}.{secrets.token_hex(4)}.fetch"
            try:
                with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600),
                          "wb") as out:
                    out.write(first[0])
                    for (piece,) in pieces:
                        out.write(piece)
                os.replace(tmp, path)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise

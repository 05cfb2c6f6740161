"""A blob store whose files live elsewhere too: on a department server, the documents'
encrypted files are kept in the database (storage.blob_rows) so every workstation reaches
them, and this workstation keeps the ciphertext it wrote or read in its folder for the
server, so a document opened twice is fetched once. A blob's id never names other
contents, so that copy never goes stale. Only ciphertext ever moves or is kept."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from desktop.domain.progress import Progress
from desktop.security.blobs.format import BlobInfo
from desktop.security.blobs.store import BlobStore


class Remote(Protocol):
    """Where the files are kept for everyone (storage.blob_rows.BlobRows)."""

    def put(self, blob_id: str, path: Path) -> None: ...   # whole or not at all
    def pieces(self, blob_id: str) -> Iterator[bytes]: ...  # nothing when it has none
    def delete(self, blob_id: str) -> None: ...


class MirroredBlobStore(BlobStore):
    def __init__(self, blobs_dir: Path, remote: Remote) -> None:
        super().__init__(blobs_dir)
        self.remote = remote

    def path_for(self, blob_id: str) -> Path:
        """The local copy, fetched first when this machine has none."""
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
            self.remote.put(info.blob_id, super().path_for(info.blob_id))
        except BaseException:
            super().destroy(info.blob_id)
            raise
        return info

    def destroy(self, blob_id: str) -> None:
        self.remote.delete(blob_id)
        super().destroy(blob_id)

    def _fetch(self, blob_id: str, path: Path) -> None:
        pieces = self.remote.pieces(blob_id)
        first = next(pieces, None)
        if first is None:
            return   # not kept there either: the reader says the file is missing
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.parent / f".{blob_id}.{secrets.token_hex(4)}.fetch"
        try:
            with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
                out.write(first)
                for piece in pieces:
                    out.write(piece)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

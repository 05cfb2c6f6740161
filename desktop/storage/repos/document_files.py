"""Document versions as the files they name: what the integrity check compares the
vault's document files with, and the versions an old vault's upgrade seals the digests of."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from desktop.storage.orm import DocumentRecord, DocumentVersion


def wrapped_with_records(session: Session
                         ) -> Sequence[Row[DocumentVersion, DocumentRecord]]:
    """(version, its document) of every version with a wrapped content key, in order."""
    return session.execute(select(DocumentVersion, DocumentRecord).join(
        DocumentRecord, DocumentRecord.id == DocumentVersion.document_id)
        .where(DocumentVersion.wrapped_key.is_not(None))
        .order_by(DocumentVersion.id)).all()


def blob_ids(session: Session) -> set[str]:
    """The file of every version."""
    return set(session.execute(select(DocumentVersion.blob_id)).scalars())


def every_version(session: Session) -> Iterable[DocumentVersion]:
    return session.execute(select(DocumentVersion)).scalars()

"""Attack: read what the database holds, raw, with the DB key: a document's content, its
digest, the level keys. (Classified case text fields are not yet encrypted under the
level keys: see SECURITY.md, residual risks.)"""

import hashlib
import io

import pytest

from desktop.domain.levels import Level
from desktop.security.crypto import DecryptionFailed, unseal
from desktop.services import documents
from desktop.services.levels import grant_context

CONTENT = "Báo cáo tối mật: nội dung 7f3a".encode("utf-8")


def test_no_digest_content_or_level_key_is_readable_raw(scene):
    admin = scene.open("admin")
    documents.add_document(admin, documents.DocumentInput(number="05/BC-TM", level=Level.TOI_MAT),
                           source=io.BytesIO(CONTENT), file_name="bc.txt")
    admin.close()
    conn, keys = scene.raw()
    digests = [bytes(r[0]) for r in conn.execute("SELECT sha256 FROM document_versions")]
    assert hashlib.sha256(CONTENT).digest() not in digests
    for row in conn.execute("SELECT u.username, g.level, g.generation, g.sealed_key FROM "
                            "level_grants g JOIN users u ON u.id = g.user_id WHERE g.level=2"):
        with pytest.raises(DecryptionFailed):
            unseal(keys.private_key, row[3], grant_context(keys.vault_id, row[0], Level(2), row[2]))
    conn.close()
    for blob in (scene.path / "blobs").rglob("*"):
        if blob.is_file():
            assert CONTENT not in blob.read_bytes()

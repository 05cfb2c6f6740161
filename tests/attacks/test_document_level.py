"""Attack: lower a Tối mật document's level in its row, hoping the next version a Tối mật
user adds is encrypted under a key the attacker (Mật) holds."""

import io

import pytest

from desktop.domain.errors import HosoError
from desktop.domain.levels import Level
from desktop.services import documents
from tests.attacks.conftest import ATTACKER, VICTIM


@pytest.mark.parametrize("key_level_too", [False, True])
def test_a_lowered_document_level_does_not_lower_the_next_version(scene, key_level_too):
    victim = scene.open(VICTIM)
    doc = documents.add_document(victim, documents.DocumentInput(number="06/BC-TM",
                                                                 level=Level.TOI_MAT),
                                 source=io.BytesIO(b"v1 toi mat"), file_name="a.txt")
    victim.close()
    conn, _ = scene.raw()
    conn.execute("UPDATE documents SET level=1 WHERE id=?", (doc.id,))
    if key_level_too:
        conn.execute("UPDATE document_versions SET key_level=1 WHERE document_id=?", (doc.id,))
    conn.commit()
    conn.close()
    victim = scene.open(VICTIM)
    with pytest.raises(HosoError):
        documents.add_version(victim, doc.id, io.BytesIO(b"v2 toi mat"), file_name="b.txt")
    victim.close()
    attacker = scene.open(ATTACKER)
    with pytest.raises(HosoError):
        documents.read_content(attacker, doc.id)
    attacker.close()


def test_a_lowered_level_of_a_document_without_content_is_refused_too(scene):
    """No version yet: only the sealed record says the document was Tối mật."""
    victim = scene.open(VICTIM)
    doc = documents.add_document(victim, documents.DocumentInput(number="07/BC-TM",
                                                                 level=Level.TOI_MAT))
    victim.close()
    conn, _ = scene.raw()
    conn.execute("UPDATE documents SET level=1 WHERE id=?", (doc.id,))
    conn.commit()
    conn.close()
    victim = scene.open(VICTIM)
    with pytest.raises(HosoError) as caught:
        documents.add_version(victim, doc.id, io.BytesIO(b"v1 toi mat"), file_name="a.txt")
    assert caught.value.key == "doc.level_tampered" and "Tối mật" in caught.value.message("vi")
    victim.close()
    conn, _ = scene.raw()
    assert conn.execute("SELECT count(*) FROM document_versions WHERE document_id=?",
                        (doc.id,)).fetchone()[0] == 0
    conn.close()

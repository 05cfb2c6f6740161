"""Revoking a user: the levels they held are re-keyed going forward, so a document written
after the revocation is under a key the revoked user never had, even if they kept every
key they once held. Those still cleared read old and new documents alike."""

import io

import pytest

from desktop.domain.errors import HosoError
from desktop.domain.levels import Level
from desktop.security.crypto import DecryptionFailed
from desktop.services import documents, users
from desktop.services.levels import level_key_ring, my_level_keys
from desktop.storage.orm import DocumentVersion

REVOKED = "thanhtra2"   # Mật
STAYS = "thanhtra1"     # Mật


def _add(vs, number: str, text: bytes, level=Level.MAT):
    return documents.add_document(vs, documents.DocumentInput(number=number, level=level),
                                  source=io.BytesIO(text), file_name=f"{number}.txt".replace("/", "-"))


def _version(vs, doc_id):
    """(key generation, wrapped content key) of the document's first version."""
    with vs.uow() as uow:
        row = uow.session.query(DocumentVersion).filter_by(document_id=doc_id).one()
        return row.key_generation, row.wrapped_key


def test_a_disabled_users_kept_keys_do_not_open_what_comes_after(scene):
    admin = scene.open("admin")
    before = _add(admin, "01/BC-M", b"truoc khi thu hoi")
    admin.close()
    revoked = scene.open(REVOKED)
    with revoked.uow() as uow:
        kept = dict(level_key_ring(revoked, uow.session))  # the revoked user keeps a copy
    revoked.close()

    admin = scene.open("admin")
    users.set_active(admin, REVOKED, False)
    after = _add(admin, "02/BC-M", b"sau khi thu hoi")
    generation, wrapped = _version(admin, after.id)
    assert generation == 2
    vault_id = admin.keys.vault_id
    admin.close()

    with pytest.raises(HosoError) as refused:
        scene.open(REVOKED)
    assert refused.value.key == "vault.user_disabled"
    from desktop.security.blobs import content_key_context, unwrap_content_key
    with pytest.raises(DecryptionFailed):
        unwrap_content_key(kept[(Level.MAT, 1)], wrapped,
                           content_key_context(vault_id, after.id, 1, Level.MAT))
    assert (Level.MAT, 2) not in kept

    stays = scene.open(STAYS)
    assert documents.read_content(stays, before.id)[0] == b"truoc khi thu hoi"
    assert documents.read_content(stays, after.id)[0] == b"sau khi thu hoi"
    found = {h.row.number for h in documents.search_documents(stays, "thu hoi")}
    assert {"01/BC-M", "02/BC-M"} <= found
    stays.close()


def test_lowering_a_clearance_rekeys_the_levels_lost(scene):
    admin = scene.open("admin")
    users.set_clearance(admin, "lanhdao", Level.MAT)
    doc = _add(admin, "03/BC-TM", b"toi mat moi", Level.TOI_MAT)
    assert _version(admin, doc.id)[0] == 2
    admin.close()
    leader = scene.open("lanhdao")
    with leader.uow() as uow:
        assert Level.TOI_MAT not in my_level_keys(leader, uow.session)
    with pytest.raises(HosoError):
        documents.read_content(leader, doc.id)
    leader.close()


def test_deleting_the_newest_generation_does_not_send_new_documents_to_the_old_key(scene):
    admin = scene.open("admin")
    users.set_active(admin, REVOKED, False)
    admin.close()
    scene.open(STAYS).close()  # their slot remembers generation 2 of Mật
    stays = scene.open(STAYS)
    with stays.uow() as uow:
        my_level_keys(stays, uow.session)
    stays.close()
    conn, _ = scene.raw(STAYS)
    conn.execute("DELETE FROM level_keys WHERE level=1 AND generation=2")
    conn.execute("DELETE FROM level_grants WHERE level=1 AND generation=2")
    conn.commit()
    conn.close()
    stays = scene.open(STAYS)
    with pytest.raises(HosoError) as refused:
        _add(stays, "04/BC-M", b"khong duoc dung khoa cu")
    assert refused.value.key == "trust.grant_bad"
    stays.close()


def test_a_disabled_user_cannot_keep_signing_audit_rows(scene):
    """Disabled, the user still has their slot and DB key: rows they append afterwards
    with their own (certified) signing key are refused by the verification."""
    from desktop.security.vault import unlock
    from desktop.services import anchoring, audit_log
    from tests.attacks.conftest import DEMO_PASSWORD
    keys = unlock(scene.path, REVOKED, DEMO_PASSWORD)
    admin = scene.open("admin")
    users.set_active(admin, REVOKED, False)
    admin.close()
    from sqlalchemy.orm import Session

    from desktop.security.audit import Signer
    from desktop.storage.engine import make_engine
    engine = make_engine(scene.path / "hoso.db", keys.db_key)
    with Session(engine) as session:
        audit_log.append(session, Signer(REVOKED, keys.secrets.sign_private), REVOKED,
                         "doc.list", "")
        session.commit()
    engine.dispose()
    admin = scene.open("admin")
    with admin.uow() as uow:
        report = anchoring.verify_in(admin, uow.session)
    admin.close()
    assert not report.ok and report.why == "signed by an account disabled before this row"

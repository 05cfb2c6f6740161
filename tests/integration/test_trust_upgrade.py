"""A vault from before signed records is upgraded in place by its administrator."""

import hashlib
import json

import pytest

from desktop.domain.errors import HosoError
from desktop.domain.levels import Level, Role
from desktop.security.audit import legacy_hash, legacy_key
from desktop.security.crypto import aead_encrypt, derive_kek
from desktop.security.keyfile import KeyFile
from desktop.security.vault import unlock
from desktop.services import anchoring, audit_log, cases, documents, users, vault_service
from tests.conftest import PASSWORD

INSP_PASSWORD = "thanh-tra-vien-1"
CONTENT = b"noi dung bao cao mat"


def _make_legacy(path):
    """Turn a fresh vault into what version 1 wrote: 64-byte slots, no certificates, an
    audit chain under the DB-key HMAC, unsigned grants."""
    vs = vault_service.create_vault(path, "admin", PASSWORD, "Quản trị")
    users.add_user(vs, "insp", Role.INSPECTOR, Level.MAT, INSP_PASSWORD)
    cases.add_case(vs, cases.CaseInput(code="M-1", title="Hồ sơ mật", level=Level.MAT))
    import io
    documents.add_document(vs, documents.DocumentInput(number="01/BC", level=Level.MAT),
                           source=io.BytesIO(CONTENT), file_name="bc.txt")
    vs.close()
    passwords = {"admin": PASSWORD, "insp": INSP_PASSWORD}
    keys = {user: unlock(path, user, pw) for user, pw in passwords.items()}
    import sqlcipher3
    conn = sqlcipher3.connect(str(path / "hoso.db"))
    conn.execute(f"PRAGMA key = \"x'{keys['admin'].db_key.hex()}'\"")
    for table in ("trust_roots", "root_seals", "certificates", "level_keys"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE users SET cert_serial=NULL")
    conn.execute("UPDATE level_grants SET signature=NULL")
    conn.execute("UPDATE document_versions SET sha256=?", (hashlib.sha256(CONTENT).digest(),))
    # version 1 kept classified text in clear, in the plain search index too
    conn.execute("UPDATE cases SET title='Hồ sơ mật về đường sắt', sealed=NULL")
    conn.execute("UPDATE documents SET number='01/BC', sealed=NULL")
    conn.execute("UPDATE document_versions SET file_name='bc.txt', sealed=NULL")
    conn.execute("DELETE FROM case_search_sealed")
    conn.execute("INSERT INTO case_search(rowid, body) SELECT id, 'm 1 ho so mat ve duong sat' "
                 "FROM cases")
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('records_pending_levels', "
                 "'[1, 2, 3]')")
    conn.execute("DROP TRIGGER audit_no_update")
    hmac_key = legacy_key(keys["admin"].db_key)
    prev = bytes(32)
    rows = conn.execute("SELECT id, at, username, action, target, detail FROM audit_log "
                        "ORDER BY id").fetchall()
    conn.execute("UPDATE audit_log SET prev_hash=randomblob(32)")
    for row_id, at, user, action, target, detail in rows:
        digest = legacy_hash(hmac_key, prev, {"id": row_id, "at": at, "user": user,
                                              "action": action, "target": target,
                                              "detail": detail})
        conn.execute("UPDATE audit_log SET prev_hash=?, hash=?, signer_key=NULL, signature=NULL "
                     "WHERE id=?", (prev, digest, row_id))
        prev = digest
    conn.commit()
    conn.close()
    keyfile = KeyFile.load(path / "keys.json")
    for user, password in passwords.items():
        slot = keyfile.slots[user]
        kek = derive_kek(password, slot.kdf)
        slot.wrapped = aead_encrypt(kek, keys[user].db_key + keys[user].private_key,
                                    slot.aad(keyfile.vault_id, user))
    keyfile.save(keys["admin"].db_key)
    for anchor in (path.parent / "profile").glob("**/*.json"):
        anchor.unlink()


@pytest.fixture
def legacy(tmp_path, monkeypatch):
    monkeypatch.setenv("HOSO_PROFILE_DIR", str(tmp_path / "profile"))
    path = tmp_path / "vault"
    _make_legacy(path)
    return path


def test_only_an_administrator_upgrades_and_a_backup_comes_first(legacy):
    with pytest.raises(HosoError) as refused:
        vault_service.open_vault(legacy, "insp", INSP_PASSWORD)
    assert refused.value.key == "trust.not_upgraded"
    admin = vault_service.open_vault(legacy, "admin", PASSWORD)
    assert admin.upgraded_backup and (legacy.parent / admin.upgraded_backup).is_dir()
    assert admin.actor.is_admin
    with admin.uow() as uow:
        report = anchoring.verify_in(admin, uow.session)
        upgrade = audit_log.entries(uow.session, action="vault.upgrade", limit=1)[0]
    # the old rows still verify under their HMAC; the upgrade row and what follows are signed
    assert report.ok and report.signed >= 2 and report.rows > report.signed
    assert upgrade.detail["not_enrolled"] == ["insp"]
    # the version's digest no longer sits in clear, and the content still verifies
    assert upgrade.detail["sealed_digests"] == 1
    with admin.uow() as uow:
        from desktop.storage.orm import DocumentVersion
        stored = uow.session.query(DocumentVersion).one().sha256
    assert hashlib.sha256(CONTENT).digest() not in bytes(stored)
    doc = documents.list_documents(admin)[0]
    assert documents.read_content(admin, doc.id)[0] == CONTENT
    assert [c.code for c in cases.list_cases(admin)] == ["M-1"]
    # the classified records are sealed now, and still found by their words
    assert [c.title for c in cases.list_cases(admin, cases.CaseFilter(search="duong sat"))] == [
        "Hồ sơ mật về đường sắt"]
    with admin.uow() as uow:
        sealed_rows = audit_log.entries(uow.session, action="records.seal", limit=1)[0]
    assert sealed_rows.detail["rows"] >= 3
    admin.close()
    import sqlcipher3
    conn = sqlcipher3.connect(str(legacy / "hoso.db"))
    conn.execute(f"PRAGMA key = \"x'{unlock(legacy, 'admin', PASSWORD).db_key.hex()}'\"")
    assert conn.execute("SELECT title, sealed IS NOT NULL FROM cases").fetchall() == [("", 1)]
    assert conn.execute("SELECT number FROM documents").fetchall() == [("",)]
    assert conn.execute("SELECT count(*) FROM case_search").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM meta WHERE key='records_pending_levels'"
                        ).fetchone()[0] == 0
    conn.close()
    # the backup is the untouched old vault
    backup_keys = json.loads((legacy.parent / admin.upgraded_backup / "keys.json").read_text())
    assert backup_keys["vault_id"] == json.loads((legacy / "keys.json").read_text())["vault_id"]


def test_other_accounts_come_back_through_a_reset(legacy):
    vault_service.open_vault(legacy, "admin", PASSWORD).close()
    with pytest.raises(HosoError) as refused:
        vault_service.open_vault(legacy, "insp", INSP_PASSWORD)
    assert refused.value.key == "trust.not_enrolled"
    assert "đặt lại mật khẩu" in refused.value.message("vi")
    assert "hoso" not in refused.value.message("vi")   # the desktop program has no commands
    admin = vault_service.open_vault(legacy, "admin", PASSWORD)
    users.reset_password(admin, "insp", "mat-khau-moi-1")
    admin.close()
    insp = vault_service.open_vault(legacy, "insp", "mat-khau-moi-1")
    assert insp.actor.clearance is Level.MAT
    assert cases.get_case(insp, "M-1").row.title == "Hồ sơ mật về đường sắt"
    insp.close()

"""Attack: cut the audit trail's tail, or copy an older vault (database and key file)
over the current one. Anchors the attacker cannot replace catch both."""

import shutil

import pytest

from desktop.domain.errors import HosoError
from desktop.domain.levels import Level
from desktop.services import audit_log, documents
from tests.attacks.conftest import ATTACKER
from tests.conftest import run_hoso


def _export_a_secret(scene, tmp_path):
    """The administrator's work the attacker wants forgotten: a decrypted export."""
    import io
    admin = scene.open("admin")
    doc = documents.add_document(admin, documents.DocumentInput(number="09/BC", level=Level.MAT),
                                 source=io.BytesIO(b"noi dung"), file_name="bc.txt")
    documents.export_copy(admin, doc.id, tmp_path / "out", "phục vụ họp")
    with admin.uow() as uow:
        head = audit_log.head(uow.session)
    admin.close()
    return head


def test_a_cut_tail_is_caught_at_the_next_login(scene, tmp_path):
    head = _export_a_secret(scene, tmp_path)
    conn, _ = scene.raw()
    conn.execute("DROP TRIGGER IF EXISTS audit_no_delete")
    export_row = conn.execute("SELECT min(id) FROM audit_log WHERE action='doc.export'").fetchone()[0]
    conn.execute("DELETE FROM audit_log WHERE id>=?", (export_row,))
    conn.commit()
    conn.close()
    with pytest.raises(HosoError) as refused:
        scene.open("admin")
    assert refused.value.key == "vault.rolled_back"
    assert refused.value.params["row"] == head.seq
    message = refused.value.message("vi")
    assert "cũ hơn những gì bạn đã thấy" in message and f"dòng nhật ký {head.seq}" in message
    # the attacker's own login is not stopped (they saw nothing newer), but everyone who saw
    # the cut rows is; a deliberate restore can be accepted, and that is audited
    scene.open(ATTACKER).close()
    accepted = scene.open("admin", accept_rollback=True)
    with accepted.uow() as uow:
        actions = [e.action for e in audit_log.entries(uow.session, limit=3)]
    assert "vault.rollback_accepted" in actions
    accepted.close()
    scene.open("admin").close()  # the anchor moved: no second warning


def test_copying_an_older_vault_over_the_current_one_is_caught(scene, tmp_path):
    old = tmp_path / "old-copy"
    shutil.copytree(scene.path, old)  # the attacker keeps a copy of every file
    _export_a_secret(scene, tmp_path)
    for name in ("hoso.db", "keys.json"):
        shutil.copy2(old / name, scene.path / name)
    with pytest.raises(HosoError) as refused:
        scene.open("admin")
    assert refused.value.key == "vault.rolled_back"
    # on the command line too, in the user's language
    done = run_hoso(["case", "list", "--vault", scene.path, "--user", "admin",
                     "--password-stdin"], stdin="quan-tri-vien-1\n",
                    env={"HOSO_PROFILE_DIR": str(scene.profile)})
    assert done.returncode != 0
    assert "cũ hơn những gì bạn đã thấy" in done.stderr
    assert "Traceback" not in done.stderr

"""Attack: replace the Tối mật user's level grant with a sealed box of a key the attacker
chose, hoping that user's next Tối mật document is wrapped under it."""

import os

import pytest

from desktop.domain.errors import HosoError
from desktop.domain.levels import Level
from desktop.security.crypto import seal
from desktop.services import certs, documents
from desktop.services.levels import grant_context
from tests.attacks.conftest import VICTIM


def _plant(scene, level: Level) -> bytes:
    conn, keys = scene.raw()
    chosen = os.urandom(32)
    victim_pub = conn.execute("SELECT public_key FROM users WHERE username=?", (VICTIM,)).fetchone()[0]
    sealed = seal(victim_pub, chosen, grant_context(keys.vault_id, VICTIM, level))
    conn.execute("UPDATE level_grants SET sealed_key=? WHERE level=? AND user_id="
                 "(SELECT id FROM users WHERE username=?)", (sealed, int(level), VICTIM))
    conn.commit()
    conn.close()
    return chosen


def test_a_planted_level_key_is_refused_and_never_wraps_a_document(scene):
    _plant(scene, Level.TOI_MAT)
    victim = scene.open(VICTIM)
    # the victim's program does not use the planted key: it is not signed for this grant,
    # and it does not match the level key's signed fingerprint
    with victim.uow() as uow:
        from desktop.services.levels import my_level_keys
        held = my_level_keys(victim, uow.session)
    assert Level.TOI_MAT not in held and Level.MAT in held
    with pytest.raises(HosoError) as refused:
        documents.add_document(victim, documents.DocumentInput(number="01/BC-TM",
                                                               level=Level.TOI_MAT),
                               source=__import__("io").BytesIO(b"noi dung toi mat"),
                               file_name="bc.txt")
    assert refused.value.key == "trust.grant_bad"
    assert "Tối mật" in refused.value.message("vi")
    victim.close()
    # the administrator is told, naming the record
    admin = scene.open("admin")
    with admin.uow() as uow:
        assert f"grant:{VICTIM}/{int(Level.TOI_MAT)}" in certs.check_all(admin.trust, uow.session)
    admin.close()


def test_a_planted_key_with_a_rewritten_fingerprint_is_refused_too(scene):
    chosen = _plant(scene, Level.TOI_MAT)
    conn, keys = scene.raw()
    from desktop.security.trust import level_fingerprint
    conn.execute("UPDATE level_keys SET fingerprint=? WHERE level=?",
                 (level_fingerprint(keys.vault_id, int(Level.TOI_MAT), chosen), int(Level.TOI_MAT)))
    conn.commit()
    conn.close()
    victim = scene.open(VICTIM)
    with victim.uow() as uow:
        from desktop.services.levels import my_level_keys
        assert Level.TOI_MAT not in my_level_keys(victim, uow.session)
        assert f"level:{int(Level.TOI_MAT)}" in certs.check_all(victim.trust, uow.session)
    victim.close()


def test_untouched_users_keep_working(scene):
    _plant(scene, Level.TOI_MAT)
    admin = scene.open("admin")
    doc = documents.add_document(admin, documents.DocumentInput(number="02/BC-TM",
                                                                level=Level.TOI_MAT),
                                 source=__import__("io").BytesIO(b"van ban"), file_name="a.txt")
    assert documents.read_content(admin, doc.id)[0] == b"van ban"
    admin.close()

"""Attack: write the attacker's public key into the Tối mật user's row, then wait for a
routine clearance change by the administrator, hoping the level key is sealed to it."""

import pytest

from desktop.domain.errors import HosoError
from desktop.domain.levels import Level
from desktop.security.crypto import DecryptionFailed, unseal
from desktop.services import certs, users
from desktop.services.levels import grant_context
from tests.attacks.conftest import VICTIM


def _swap(scene):
    conn, keys = scene.raw()
    conn.execute("UPDATE users SET public_key=? WHERE username=?", (keys.public_key, VICTIM))
    conn.commit()
    conn.close()
    return keys


def _victim_grant(scene, level: Level) -> bytes:
    conn, _ = scene.raw()
    sealed = conn.execute("SELECT sealed_key FROM level_grants WHERE level=? AND user_id="
                          "(SELECT id FROM users WHERE username=?)", (int(level), VICTIM)).fetchone()[0]
    conn.close()
    return sealed


def test_the_level_key_is_sealed_to_the_certified_key_not_the_row(scene):
    attacker = _swap(scene)
    admin = scene.open("admin")
    # the administrator sees the altered row before doing anything
    with admin.uow() as uow:
        assert f"account-row:{VICTIM}" in certs.check_all(admin.trust, uow.session)
    assert {u.username: u.trusted for u in users.list_users(admin)}[VICTIM] is False
    users.set_clearance(admin, VICTIM, Level.TOI_MAT)
    admin.close()
    sealed = _victim_grant(scene, Level.TOI_MAT)
    with pytest.raises(DecryptionFailed):
        unseal(attacker.private_key, sealed, grant_context(attacker.vault_id, VICTIM, Level.TOI_MAT))
    # the real user still opens their Tối mật key
    victim = scene.open(VICTIM)
    with victim.uow() as uow:
        from desktop.services.levels import my_level_keys
        assert Level.TOI_MAT in my_level_keys(victim, uow.session)
    victim.close()


def test_a_forged_certificate_for_the_swapped_key_is_refused(scene):
    """Going further: a certificate of the attacker's making (signed with their own key)."""
    attacker = _swap(scene)
    from desktop.security.trust import AccountCert, sign_cert
    conn, _ = scene.raw()
    cert = AccountCert(attacker.vault_id, VICTIM, "x", "leader", 2, True,
                       attacker.public_key.hex(), attacker.secrets.sign_private.hex(), "", "", "")
    cursor = conn.execute("INSERT INTO certificates (username, body, signature, root_generation) "
                          "VALUES (?, ?, ?, 1)",
                          (VICTIM, cert.body().decode(), sign_cert(attacker.secrets.sign_private, cert)))
    conn.execute("UPDATE users SET cert_serial=? WHERE username=?", (cursor.lastrowid, VICTIM))
    conn.commit()
    conn.close()
    admin = scene.open("admin")
    assert f"cert:{VICTIM}" in admin.trust.problems  # the administrator is told
    users.set_clearance(admin, VICTIM, Level.TOI_MAT)  # the genuine certificate is used
    admin.close()
    with pytest.raises(DecryptionFailed):
        unseal(attacker.private_key, _victim_grant(scene, Level.TOI_MAT),
               grant_context(attacker.vault_id, VICTIM, Level.TOI_MAT))


def test_an_older_certificate_brought_back_is_refused(scene):
    """The Tối mật leader, lowered to Mật, deletes the newer certificate so that the older
    one (Tối mật) is current again, hoping a routine reset re-grants Tối mật."""
    admin = scene.open("admin")
    users.set_clearance(admin, VICTIM, Level.MAT)
    admin.close()
    conn, _ = scene.raw(VICTIM)
    serials = [r[0] for r in conn.execute("SELECT serial FROM certificates WHERE username=? "
                                          "ORDER BY serial", (VICTIM,))]
    conn.execute("DELETE FROM certificates WHERE serial=?", (serials[-1],))
    conn.execute("UPDATE users SET cert_serial=?, clearance=2 WHERE username=?",
                 (serials[0], VICTIM))
    conn.commit()
    conn.close()
    admin = scene.open("admin")
    assert f"account:{VICTIM}" in admin.trust.problems
    with pytest.raises(HosoError) as refused:
        users.reset_password(admin, VICTIM, "mat-khau-moi-99")
    assert refused.value.key == "trust.account_bad"
    admin.close()


def test_an_older_copy_of_the_administrators_slot_does_not_bring_it_back(scene):
    """Going further: also put back the administrator's slot from before the change (its
    memory of certificate numbers is older); the profile's signed copy remembers."""
    from desktop.security.keyfile import KeyFile
    old_slot = KeyFile.load(scene.path / "keys.json").slots["admin"]
    admin = scene.open("admin")
    users.set_clearance(admin, VICTIM, Level.MAT)
    admin.close()
    conn, keys = scene.raw(VICTIM)
    newest = conn.execute("SELECT max(serial) FROM certificates WHERE username=?",
                          (VICTIM,)).fetchone()[0]
    conn.execute("DELETE FROM certificates WHERE serial=?", (newest,))
    conn.commit()
    conn.close()
    keyfile = KeyFile.load(scene.path / "keys.json")
    keyfile.slots["admin"] = old_slot
    keyfile.save(keys.db_key)  # the file's HMAC is keyed from the DB key: anyone can redo it
    admin = scene.open("admin")
    assert f"account:{VICTIM}" in admin.trust.problems
    with pytest.raises(HosoError):
        users.reset_password(admin, VICTIM, "mat-khau-moi-99")
    admin.close()

"""Attack: make oneself an administrator (or raise one's own clearance) by editing rows,
by forging a certificate, or by re-pinning one's own slot to a root of one's own."""

import pytest

from desktop.domain.errors import HosoError, PermissionDenied
from desktop.domain.levels import Level, Role
from desktop.security.crypto import new_signing_key
from desktop.security.vault import save_own_slot, unlock
from desktop.services import users
from tests.attacks.conftest import ATTACKER, DEMO_PASSWORD


def test_an_edited_role_column_does_not_make_an_administrator(scene):
    conn, _ = scene.raw()
    conn.execute("UPDATE users SET role='admin', clearance=3 WHERE username=?", (ATTACKER,))
    conn.execute("UPDATE users SET role='clerk', active=0 WHERE username='admin'")
    conn.commit()
    conn.close()
    attacker = scene.open(ATTACKER)
    assert attacker.actor.role is Role.INSPECTOR and attacker.actor.clearance is Level.MAT
    with pytest.raises(PermissionDenied):
        users.add_user(attacker, "evil", Role.ADMIN, Level.THUONG, "evil-password-1")
    with pytest.raises(PermissionDenied):
        users.set_clearance(attacker, "admin", Level.THUONG, Role.CLERK)
    attacker.close()
    # the real administrator is not locked out, and is told
    admin = scene.open("admin")
    assert admin.actor.is_admin
    listed = {u.username: u for u in users.list_users(admin)}
    assert listed[ATTACKER].role is Role.INSPECTOR and not listed[ATTACKER].trusted
    assert listed["admin"].active
    admin.close()


def test_a_root_of_ones_own_is_detected_by_everyone_else(scene):
    """The attacker re-pins their own slot (they know their password) to a key of their
    own and writes it into the vault as the root: their program would believe them, but
    every other user's program refuses the vault, and no level key moves."""
    fake_private, fake_public = new_signing_key()
    keys = unlock(scene.path, ATTACKER, DEMO_PASSWORD)
    keys.secrets.root_public = fake_public
    save_own_slot(keys)
    conn, _ = scene.raw()
    from desktop.security.trust import sign_statement
    conn.execute("UPDATE trust_roots SET public_key=?, statement=? WHERE generation=1",
                 (fake_public, sign_statement(fake_private, keys.vault_id, 1, 0)))
    conn.commit()
    conn.close()
    for user in ("admin", "lanhdao"):
        with pytest.raises(HosoError) as refused:
            scene.open(user)
        assert refused.value.key == "trust.root_bad"
    # the attacker's own certificate is not signed by the key they pinned
    with pytest.raises(HosoError) as refused:
        scene.open(ATTACKER)
    assert refused.value.key == "trust.account_bad"


def test_the_administrator_is_told_at_login(scene):
    conn, _ = scene.raw()
    conn.execute("UPDATE users SET role='admin' WHERE username=?", (ATTACKER,))
    conn.commit()
    conn.close()
    admin = scene.open("admin")
    assert f"account-row:{ATTACKER}" in admin.trust.problems
    state = {u.username: u.problem for u in users.list_users(admin)}
    admin.close()
    assert state[ATTACKER] == "altered" and state["admin"] == ""


def test_deleting_the_roots_does_not_trigger_a_fresh_upgrade(scene):
    """With the roots gone the vault looks like one from version 1; an administrator whose
    slot pins a root must not re-certify what the rows now say."""
    conn, _ = scene.raw()
    conn.execute("UPDATE users SET role='admin' WHERE username=?", (ATTACKER,))
    conn.execute("DELETE FROM trust_roots")
    conn.commit()
    conn.close()
    with pytest.raises(HosoError) as refused:
        scene.open("admin")
    assert refused.value.key == "trust.root_bad"
    assert not any((scene.path.parent).glob("vault-truoc-nang-cap-*"))

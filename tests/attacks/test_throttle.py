"""Attack: guess a colleague's password through the program and reset the failure count
(delete or edit its file, try in parallel)."""

import json
import threading

import pytest

from desktop.domain.errors import HosoError, WrongPassword
from desktop.security import attempts as attempts_mod
from desktop.security.attempts import LOCK_AFTER, Attempts
from desktop.services import audit_log, users
from tests.attacks.conftest import VICTIM
from tests.conftest import run_hoso


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch):
    """The growing delay is tested in test_vault; here only the counting matters."""
    monkeypatch.setattr(attempts_mod, "MAX_DELAY_S", 0.0)


def _guess(scene, n: int, user: str = VICTIM) -> None:
    for _ in range(n):
        with pytest.raises(WrongPassword):
            scene.open(user, "doan-bua-123")


def _vault_id(scene) -> str:
    return json.loads((scene.path / "keys.json").read_text())["vault_id"]


def test_deleting_or_editing_the_vaults_counter_resets_nothing(scene):
    _guess(scene, LOCK_AFTER)
    (scene.path / "attempts.json").unlink()
    with pytest.raises(HosoError) as locked:
        scene.open(VICTIM)  # even the right password is not tried any more
    assert locked.value.key == "vault.slot_locked"
    assert "quản trị viên mở khóa" in locked.value.message("vi")
    (scene.path / "attempts.json").write_text(json.dumps(
        {"format": "hoso-attempts", "vault_id": _vault_id(scene), "users": {}}))
    with pytest.raises(HosoError):
        scene.open(VICTIM)
    # an administrator unlocks; the user's next login audits every failure with its time
    admin = scene.open("admin")
    users.unlock_slot(admin, VICTIM)
    admin.close()
    victim = scene.open(VICTIM)
    with victim.uow() as uow:
        failed = [e for e in audit_log.entries(uow.session, action="session.failed", limit=50)
                  if e.target == VICTIM]
    victim.close()
    assert len(failed) == LOCK_AFTER
    assert all(e.detail["attempted_at"] for e in failed)


def _guess_with_the_program(scene, results):
    done = run_hoso(["case", "list", "--vault", scene.path, "--user", VICTIM, "--password-stdin"],
                    stdin="doan-bua-123\n", env={"HOSO_PROFILE_DIR": str(scene.profile)})
    results.append(done.returncode != 0 and "Sai mật khẩu" in done.stderr)


def test_parallel_and_interrupted_attempts_are_counted(scene):
    """Three programs started at once, each with a wrong password."""
    results = []
    threads = [threading.Thread(target=_guess_with_the_program, args=(scene, results))
               for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True, True, True]
    # an attempt killed while the password was being checked never reported back
    Attempts(scene.path, _vault_id(scene)).begin(VICTIM)
    assert Attempts(scene.path, _vault_id(scene)).failures(VICTIM) == 4


def test_a_counter_deleted_everywhere_is_detected_at_the_next_login(scene):
    scene.open(VICTIM).close()  # the slot remembers how many attempts it has seen
    _guess(scene, 2)
    (scene.path / "attempts.json").unlink()
    for copy in (scene.profile / "attempts").glob("*.json"):
        copy.unlink()
    victim = scene.open(VICTIM)
    assert f"attempts:{VICTIM}" in victim.trust.problems
    with victim.uow() as uow:
        assert audit_log.entries(uow.session, action="attempts.tampered", limit=1)
    victim.close()

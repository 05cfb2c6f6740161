"""Nothing confidential on disk in clear; clearance enforced by the keys themselves."""

import tempfile
from pathlib import Path

import pytest

from desktop.domain.errors import HosoError, PermissionDenied
from desktop.domain.levels import Level, Role
from desktop.security.crypto import DecryptionFailed, unseal
from desktop.services import cases, users, vault_service
from desktop.services.levels import grant_context
from desktop.storage.orm import LevelGrant, User
from tests.conftest import PASSWORD, files_under, open_as, unlock_as

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server


def _forms(marker: str) -> list[bytes]:
    from desktop.domain.folding import fold
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), fold(marker).encode("utf-8")]


@pytest.mark.vault_only   # the attack is on the vault's file (server: test_server_register)
def test_no_case_field_is_written_in_clear(vault):
    marker = "Dấu-hiệu-BÍ-MẬT-7f3a9c2e"
    tmp_before = set(files_under(Path(tempfile.gettempdir())))
    cases.add_case(vault, cases.CaseInput(
        code="M-1", title=f"Thanh tra {marker}", inspected_party=f"Công ty {marker}",
        content=marker, team=[(f"Ông {marker}", cases.TeamRole.LEADER)], level=Level.MAT))
    assert cases.list_cases(vault, cases.CaseFilter(search="dau hieu bi mat"))
    path = vault.vault_dir
    vault.close()
    scanned = files_under(path) + [p for p in files_under(Path(tempfile.gettempdir()))
                                   if p not in tmp_before and path not in p.parents]
    assert any(p.name == "hoso.db" for p in scanned)
    for file in scanned:
        try:
            data = file.read_bytes()
        except OSError:
            continue
        for form in _forms(marker):
            assert form not in data, f"{form!r} found in clear in {file}"
    # and it is really there, for whoever has the password
    reopened = vault_service.open_vault(path, "admin", PASSWORD)
    assert marker in cases.get_case(reopened, "M-1").row.title
    reopened.close()


def test_level_keys_follow_clearance_in_the_key_material(vault):
    users.add_user(vault, "clerk", Role.CLERK, Level.THUONG, "clerk-first-pw")
    users.add_user(vault, "insp", Role.INSPECTOR, Level.MAT, "insp-first-pw")
    keys = unlock_as(vault, "insp", "insp-first-pw")
    with vault.uow() as uow:
        user = uow.session.query(User).filter_by(username="insp").one()
        grants = {g.level: g.sealed_key for g in uow.session.query(LevelGrant).filter_by(user_id=user.id)}
        admin = uow.session.query(User).filter_by(username="admin").one()
        admin_sealed = uow.session.query(LevelGrant).filter_by(user_id=admin.id, level=2).one().sealed_key
    # the inspector can open Thường and Mật, and holds nothing for Tối mật / Tuyệt mật
    assert sorted(grants) == [0, 1]
    for level, sealed in grants.items():
        assert len(unseal(keys.private_key, sealed, grant_context(keys.vault_id, "insp", Level(level)))) == 32
    # even with the DB key and their own private key, the admin's copy is not theirs to open
    with pytest.raises(DecryptionFailed):
        unseal(keys.private_key, admin_sealed, grant_context(keys.vault_id, "insp", Level(2)))


def test_cases_above_clearance_are_hidden_and_refused(vault):
    cases.add_case(vault, cases.CaseInput(code="T-1", title="Thường"))
    cases.add_case(vault, cases.CaseInput(code="TM-1", title="Tối mật", level=Level.TOI_MAT))
    users.add_user(vault, "insp", Role.INSPECTOR, Level.MAT, "insp-first-pw")
    insp = open_as(vault, "insp", "insp-first-pw")
    assert [r.code for r in cases.list_cases(insp)] == ["T-1"]
    with pytest.raises(HosoError) as refused:
        cases.get_case(insp, "TM-1")
    # the vault's file holds the row (refused, and the refusal audited); the server's
    # row-level security does not even let the inspector know the case exists
    assert refused.value.key == ("case.not_found" if vault.server else "perm.case_level")
    with pytest.raises(PermissionDenied):
        cases.add_case(insp, cases.CaseInput(code="X", title="x", level=Level.TUYET_MAT))
    insp.close()


def test_clearance_can_only_be_granted_by_someone_who_holds_it(vault):
    users.add_user(vault, "boss", Role.ADMIN, Level.MAT, "boss-first-pw")
    boss = open_as(vault, "boss", "boss-first-pw")
    with pytest.raises(PermissionDenied):
        users.add_user(boss, "x1", Role.INSPECTOR, Level.TOI_MAT, "x1-first-pw")
    boss.close()
    # lowering removes the sealed keys
    users.set_clearance(vault, "boss", Level.THUONG)
    with vault.uow() as uow:
        boss_row = uow.session.query(User).filter_by(username="boss").one()
        assert [g.level for g in uow.session.query(LevelGrant).filter_by(user_id=boss_row.id)] == [0]


def test_only_administrators_manage_users(vault):
    users.add_user(vault, "insp", Role.INSPECTOR, Level.MAT, "insp-first-pw")
    insp = open_as(vault, "insp", "insp-first-pw")
    with pytest.raises(PermissionDenied):
        users.add_user(insp, "y", Role.CLERK, Level.THUONG, "y-first-pw1")
    insp.close()

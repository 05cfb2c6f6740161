"""Attack tests: a colleague cleared for Mật, with their own password and every file of
the vault, tries one attack each. Every attack must be detected or impossible, and the
legitimate users' work must go on.

Each test gets its own copy of one demo vault and its own OS-profile folder (anchors)."""

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.security.vault import unlock
from desktop.services import vault_service
from desktop.services.demo import DEMO_PASSWORD, fill_demo

ADMIN_PASSWORD = "quan-tri-vien-1"
ATTACKER = "thanhtra1"      # Mật
VICTIM = "lanhdao"          # Tối mật


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "vault"
    vs = vault_service.create_vault(path, "admin", ADMIN_PASSWORD, "Quản trị")
    fill_demo(vs)
    vs.close()
    return path


@dataclass
class Scene:
    path: Path
    profile: Path

    def open(self, user: str, password: str | None = None, **kw):
        password = password or (ADMIN_PASSWORD if user == "admin" else DEMO_PASSWORD)
        return vault_service.open_vault(self.path, user, password, **kw)

    def raw(self, user: str = ATTACKER, password: str = DEMO_PASSWORD):
        """The attacker's own way in: their slot gives the DB key; then raw SQL."""
        import sqlcipher3
        keys = unlock(self.path, user, password)
        conn = sqlcipher3.connect(str(self.path / "hoso.db"))
        conn.execute(f"PRAGMA key = \"x'{keys.db_key.hex()}'\"")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn, keys


@pytest.fixture
def scene(demo_template, tmp_path, monkeypatch):
    profile = tmp_path / "profile"
    monkeypatch.setenv("HOSO_PROFILE_DIR", str(profile))
    path = tmp_path / "vault"
    shutil.copytree(demo_template, path)
    return Scene(path, profile)

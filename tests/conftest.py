import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSWORD = "mat-khau-quan-tri"


@pytest.fixture(autouse=True, scope="session")
def _profile_dir(tmp_path_factory):
    """Audit anchors go to a folder of the test run's own, not the real user's profile."""
    os.environ["HOSO_PROFILE_DIR"] = str(tmp_path_factory.mktemp("profile"))
    yield


@pytest.fixture
def vault(tmp_path):
    """A fresh, real encrypted vault opened by its administrator."""
    from desktop.services import vault_service
    vs = vault_service.create_vault(tmp_path / "vault", "admin", PASSWORD, "Quản trị")
    yield vs
    vs.close()


def run_hoso(args, stdin="", env=None, cwd=None):
    """Run the real command line in a child process, as a user would."""
    full_env = {k: v for k, v in os.environ.items()
                if not k.startswith("HOSO_") or k == "HOSO_PROFILE_DIR"}
    full_env.update({"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"})
    full_env.pop("LC_ALL", None)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", env=full_env,
                          cwd=cwd, timeout=300)


@pytest.fixture
def hoso():
    return run_hoso


def admin_cli(path):
    """A new vault at `path` and a function running `hoso --vault path … --password-stdin`
    as its administrator, which asserts success and returns the output."""
    pw = PASSWORD + "\n"
    assert run_hoso(["init", path, "--admin", "admin", "--password-stdin"], pw).returncode == 0

    def run(*args):
        result = run_hoso(["--vault", path, *args, "--password-stdin"], pw)
        assert result.returncode == 0, result.stderr
        return result.stdout
    return run


def files_under(path: Path):
    return [p for p in Path(path).rglob("*") if p.is_file()]


@pytest.fixture(scope="session")
def pg_cluster():
    """A throw-away PostgreSQL cluster (tests/pg_cluster.py); skipped, by name, without
    PostgreSQL's server programs."""
    from tests import pg_cluster as pg
    if pg.server_programs() is None:
        pytest.skip("PostgreSQL: initdb and pg_ctl not found (install the postgresql package)")
    cluster = pg.start_cluster()
    yield cluster
    cluster.stop()

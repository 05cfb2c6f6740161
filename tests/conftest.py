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
def vault(request, tmp_path):
    """A fresh, real encrypted vault opened by its administrator — or, in a module that
    sets ON_BOTH_ENGINES, also a fresh register on a department server (PostgreSQL), so the
    same tests run on both engines."""
    if getattr(request, "param", "vault") == "server":
        from desktop.services import server_service
        profile = server_database(request.getfixturevalue("pg_cluster"), tmp_path / "profile",
                                  in_process=True)
        vs = server_service.sign_in(profile, "admin", PASSWORD)
    else:
        from desktop.services import vault_service
        vs = vault_service.create_vault(tmp_path / "vault", "admin", PASSWORD, "Quản trị")
    yield vs
    vs.close()


def pytest_generate_tests(metafunc):
    if ("vault" in metafunc.fixturenames and getattr(metafunc.module, "ON_BOTH_ENGINES", False)
            and not metafunc.definition.get_closest_marker("vault_only")):
        metafunc.parametrize("vault", ["vault", "server"], indirect=True)


def _profile_of(vs):
    """The connection profile a server session was opened with (from its engine)."""
    from desktop.storage.server import ServerProfile
    url = vs.engine.url
    return ServerProfile(url.host, url.port, url.database, Path(url.query["sslrootcert"]),
                         vs.server)


def open_as(vs, user: str, password: str, **options):
    """Another sign-in to the register `vs` is open on — the vault's folder or the server."""
    if vs.server:
        from desktop.services import server_service
        from desktop.storage import server
        profile = _profile_of(vs)
        return server_service.open_server(server.connect(profile, user, password), user,
                                          password, profile.label(), **options)
    from desktop.services import vault_service
    return vault_service.open_vault(vs.vault_dir, user, password, **options)


def raw_engine(vs, keys):
    """An engine on the register's database past the program: the vault's file opened
    with the DB key in `keys`, or the server with the session's own login."""
    if vs.server:
        from sqlalchemy import create_engine
        return create_engine(vs.engine.url)
    from desktop.storage.engine import make_engine
    return make_engine(vs.vault_dir / "hoso.db", keys.db_key)


def unlock_as(vs, user: str, password: str):
    """Just the keys of `user`'s slot, wherever the register keeps its key file."""
    from desktop.security import vault as vault_files
    from desktop.security.keyfile import KeyFile
    return vault_files.unlock_keyfile(KeyFile.load(vs.keys.keyfile.path), vs.vault_dir, user,
                                      password)


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


def cannot_mount_tmpfs() -> str:
    """Why a small tmpfs cannot be mounted here (in a private mount namespace, `unshare
    -rm`), or "" when it can: the disk-full tests and doctor's free-space check use one."""
    import shutil
    if shutil.which("unshare") is None:
        return "no unshare(1) here"
    probe = subprocess.run(["unshare", "-rm", "sh", "-c",
                            "d=$(mktemp -d) && mount -t tmpfs -o size=1m none $d && umount $d"],
                           capture_output=True, text=True)
    return "" if probe.returncode == 0 else f"cannot mount a tmpfs here: {probe.stderr.strip()}"


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


_databases = iter(range(1, 10_000))


def server_database(cluster, folder: Path, in_process: bool = False) -> Path:
    """A fresh database on the test cluster, set up as a new department would do it
    (`hoso server init`, administrator "admin"), and the connection profile its
    administrator hands out (with the CA's certificate beside it): returns the profile."""
    import json
    from sqlalchemy import create_engine, text
    name = f"hoso_{os.getpid()}_{next(_databases)}"
    owner = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    owner.dispose()
    dsn = f"postgresql://postgres@/{name}?host={cluster.socket_dir}&port={cluster.port}"
    if in_process:
        from desktop.services import server_service
        server_service.found(dsn, "admin", PASSWORD, "Quản trị")
    else:
        result = run_hoso(["server", "init", "--dsn", dsn, "--admin", "admin",
                           "--password-stdin"], PASSWORD + "\n")
        assert result.returncode == 0, result.stderr
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ca.pem").write_bytes(cluster.ca_cert.read_bytes())
    profile = folder / "may-chu.json"
    profile.write_text(json.dumps({"name": "Thanh tra tỉnh (thử)", "host": "127.0.0.1",
                                   "port": cluster.port, "database": name,
                                   "ca_cert": "ca.pem"}), encoding="utf-8")
    return profile


def server_cli(profile: Path, user: str = "admin", password: str = PASSWORD):
    """admin_cli's twin on a department server: `hoso --server profile --user admin …`."""
    def run(*args):
        result = run_hoso(["--server", profile, "--user", user, *args, "--password-stdin"],
                          password + "\n")
        assert result.returncode == 0, result.stderr
        return result.stdout
    return run


@pytest.fixture(params=["vault", "server"])
def register(request, tmp_path):
    """The same tests on both engines: ("vault" | "server", a CLI runner as the
    administrator, a function opening a service session as the administrator)."""
    if request.param == "vault":
        path = tmp_path / "vault"
        hoso = admin_cli(path)

        def open_vault():
            from desktop.services import vault_service
            return vault_service.open_vault(path, "admin", PASSWORD)
        return request.param, hoso, open_vault
    profile = server_database(request.getfixturevalue("pg_cluster"), tmp_path / "profile")

    def open_server():
        from desktop.services import server_service
        return server_service.sign_in(profile, "admin", PASSWORD)
    return request.param, server_cli(profile), open_server

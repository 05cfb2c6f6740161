"""A throw-away PostgreSQL cluster for the tests: `initdb` into a temporary folder, started
on a Unix socket of its own (no TCP port, nothing listening on the network), stopped and
removed at the end. PostgreSQL refuses to run as root and CI runs as root, so there the
cluster runs as an unprivileged OS user (`postgres`, else `nobody`).

Without PostgreSQL's server programs the tests that need it are skipped with that reason;
.ci/run installs them from the OS packages."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

PORT = 55439   # only names the socket file: the server listens on no TCP address


def server_programs() -> Path | None:
    """The folder of initdb and pg_ctl: pg_config's, Debian's newest, or PATH's."""
    candidates: list[Path] = []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        if out.returncode == 0:
            candidates.append(Path(out.stdout.strip()))
    debian = Path("/usr/lib/postgresql")
    if debian.is_dir():
        candidates += sorted((p / "bin" for p in debian.iterdir() if p.name.isdigit()),
                             key=lambda p: int(p.parent.name), reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).resolve().parent)
    return next((c for c in candidates if (c / "initdb").exists() and (c / "pg_ctl").exists()),
                None)


def _run_as() -> list[str]:
    """The command prefix that drops root; empty when not root."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"]
    raise RuntimeError("running as root and no unprivileged user to run PostgreSQL as")


@dataclass
class Cluster:
    bindir: Path
    folder: Path

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        return (f"postgresql+psycopg://{user}@/{database}?host={self.socket_dir}&port={PORT}")

    def _command(self, *args: str) -> None:
        command = [*_run_as(), str(self.bindir / args[0]), *args[1:]]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {result.stdout}{result.stderr}")

    def start(self) -> None:
        data = self.folder / "data"
        self.socket_dir.mkdir()
        if os.geteuid() == 0:
            owner = pwd.getpwnam(_owner_name())
            for path in (self.folder, self.socket_dir):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        self._command("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                      "--locale=C.UTF-8", "--no-sync")
        self._command("pg_ctl", "-D", str(data), "-l", str(self.folder / "server.log"), "-w",
                      "-o", f"-k {self.socket_dir} -p {PORT} -c listen_addresses='' "
                            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                      "start")

    def stop(self) -> None:
        try:
            self._command("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w",
                          "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _owner_name() -> str:
    return _run_as()[2]


def start_cluster() -> Cluster:
    bindir = server_programs()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL server programs (initdb, pg_ctl) not found")
    cluster = Cluster(bindir, Path(tempfile.mkdtemp(prefix="hoso-pg-")))
    os.chmod(cluster.folder, 0o755)
    try:
        cluster.start()
    except BaseException:
        shutil.rmtree(cluster.folder, ignore_errors=True)
        raise
    return cluster

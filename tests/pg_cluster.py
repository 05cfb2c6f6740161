"""A throw-away PostgreSQL cluster for the tests: `initdb` into a temporary folder, started
on a Unix socket of its own and on 127.0.0.1 with TLS (a certificate from a test CA made
here), stopped and removed at the end. As on a department's server, users other than the
superuser sign in with a SCRAM password; over TCP only with TLS. PostgreSQL refuses to run
as root and CI runs as root, so there the cluster runs as an unprivileged OS user
(`postgres`, else `nobody`).

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



def free_port() -> int:
    """A TCP port nobody listens on now (two test runs at once must not share a cluster)."""
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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
    port: int   # on 127.0.0.1 (TLS only), and naming the socket file

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    @property
    def ca_cert(self) -> Path:
        return self.folder / "ca.pem"

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        return (f"postgresql+psycopg://{user}@/{database}?host={self.socket_dir}&port={self.port}")

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
        _tls_files(self.folder, data)
        (data / "pg_hba.conf").write_text(
            "local all postgres trust\n"
            "local all all scram-sha-256\n"
            "hostssl all all 127.0.0.1/32 scram-sha-256\n")
        self._command("pg_ctl", "-D", str(data), "-l", str(self.folder / "server.log"), "-w",
                      "-o", f"-k {self.socket_dir} -p {self.port} -c listen_addresses=127.0.0.1 "
                            "-c ssl=on -c ssl_cert_file=server.pem -c ssl_key_file=server.key "
                            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                      "start")

    def stop(self) -> None:
        try:
            self._command("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w",
                          "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _tls_files(folder: Path, data: Path) -> None:
    """A test CA (ca.pem, for the clients) and the server's certificate for localhost and
    127.0.0.1 signed by it (in the data folder, the key readable by the server only)."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)

    def cert(subject: str, key, issuer: str, issuer_key, ca: bool, names=()):
        builder = (x509.CertificateBuilder()
                   .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
                   .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(days=1))
                   .not_valid_after(now + datetime.timedelta(days=30))
                   .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
        if names:
            builder = builder.add_extension(x509.SubjectAlternativeName(list(names)),
                                            critical=False)
        return builder.sign(issuer_key, hashes.SHA256())

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = cert("hoso test CA", ca_key, "hoso test CA", ca_key, True)
    key = ec.generate_private_key(ec.SECP256R1())
    server = cert("localhost", key, "hoso test CA", ca_key, False,
                  (x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))))
    pem = serialization.Encoding.PEM
    (folder / "ca.pem").write_bytes(ca.public_bytes(pem))
    (data / "server.pem").write_bytes(server.public_bytes(pem))
    key_file = data / "server.key"
    key_file.write_bytes(key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    os.chmod(key_file, 0o600)
    if os.geteuid() == 0:
        owner = pwd.getpwnam(_owner_name())
        for path in (data / "server.pem", key_file):
            os.chown(path, owner.pw_uid, owner.pw_gid)


def _owner_name() -> str:
    return _run_as()[2]


def start_cluster() -> Cluster:
    bindir = server_programs()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL server programs (initdb, pg_ctl) not found")
    cluster = Cluster(bindir, Path(tempfile.mkdtemp(prefix="hoso-pg-")), free_port())
    os.chmod(cluster.folder, 0o755)
    try:
        cluster.start()
    except BaseException:
        shutil.rmtree(cluster.folder, ignore_errors=True)
        raise
    return cluster

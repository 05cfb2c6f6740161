"""What the packaging tests share: the wheelhouse and the bundle, each built once per run
from this source tree, as IT staff build them (on a machine that reaches the package index;
skipped, by name, where it cannot be reached)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
TARGET = f"linux-cp{sys.version_info[0]}{sys.version_info[1]}"


def index_unreachable(folder: Path) -> bool:
    probe = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d",
                            str(folder), "six"], capture_output=True, text=True, timeout=300)
    return probe.returncode != 0


def build(script: str, out: Path, *targets: str) -> subprocess.CompletedProcess:
    done = subprocess.run(["bash", str(PACKAGING / script), str(out), *targets],
                          capture_output=True, text=True, timeout=1800, cwd=ROOT,
                          env={**os.environ, "PYTHON": sys.executable})
    if done.returncode != 0 and index_unreachable(out / "probe"):
        pytest.skip("the package index cannot be reached: the wheelhouse and the bundle are "
                    "built where it can")
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    return done


@pytest.fixture(scope="session")
def wheelhouse(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheelhouse")
    done = build("build-wheelhouse.sh", out, "here")
    assert f"complete for {TARGET}" in done.stdout
    return out


@pytest.fixture(scope="session")
def windows_wheelhouse(tmp_path_factory):
    """The Windows amd64 wheelhouse for this Python version, built here (on Linux)."""
    out = tmp_path_factory.mktemp("wheelhouse-windows")
    target = TARGET.replace("linux", "win")
    done = build("build-wheelhouse.sh", out, target)
    assert f"complete for {target}" in done.stdout
    return out / target


@pytest.fixture(scope="session")
def bundle_release(tmp_path_factory):
    """The folder build-bundle.sh wrote: hoso-VERSION-linux-x86_64.tar.gz and SHA256SUMS."""
    if sys.platform != "linux":
        pytest.skip("the bundle built here is Linux's")
    out = tmp_path_factory.mktemp("bundle")
    build("build-bundle.sh", out)
    return out

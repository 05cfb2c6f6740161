"""Installation without a network (packaging/): the wheelhouse built for this machine is
complete, and packaging/test-offline.sh installs from it and runs the program's workflow in
a network namespace with no interface, failing on any attempt to reach a network.

Building the wheelhouse needs the package index (as on the machine IT staff build it on);
the namespace needs `unshare -rn`. Each is skipped by name where it cannot be had."""

import os
import shutil
import subprocess
import sys

import pytest

from tests.packaging.conftest import PACKAGING, TARGET

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the offline test is Linux's")


def test_the_wheelhouse_is_checked_against_its_sums_and_is_complete(wheelhouse):
    sums = (wheelhouse / "SHA256SUMS").read_text().splitlines()
    wheels = sorted(wheelhouse.rglob("*.whl"))
    assert len(sums) == len(wheels) and any("pyside6_essentials" in line for line in sums)
    assert any(w.name.startswith("sqlcipher3-") for w in wheels)
    check = [sys.executable, str(PACKAGING / "check_wheelhouse.py"), str(wheelhouse / TARGET)]
    assert subprocess.run([*check, TARGET], capture_output=True).returncode == 0
    # Windows' own markers want packages Linux does not: the check evaluates them per target
    win = subprocess.run([*check, TARGET.replace("linux", "win")], capture_output=True,
                         text=True)
    assert win.returncode == 1
    assert set(win.stdout.split()) == {"pywin32-ctypes>=0.2.0", "tzdata"}


def test_a_wheel_missing_from_the_wheelhouse_is_named(wheelhouse, tmp_path):
    partial = tmp_path / TARGET
    shutil.copytree(wheelhouse / TARGET, partial)
    next(partial.glob("openpyxl-*.whl")).unlink()
    done = subprocess.run([sys.executable, str(PACKAGING / "check_wheelhouse.py"), str(partial),
                           TARGET], capture_output=True, text=True)
    assert done.returncode == 1 and done.stdout.startswith("openpyxl")


def test_an_altered_wheel_is_refused_before_anything_is_installed(wheelhouse, tmp_path):
    copy = tmp_path / "usb"
    shutil.copytree(wheelhouse, copy)
    victim = next((copy / TARGET).glob("openpyxl-*.whl"))
    victim.write_bytes(victim.read_bytes() + b"\0")
    done = subprocess.run(["bash", str(PACKAGING / "install-offline.sh"), "--allow-unsigned",
                           str(copy), str(tmp_path / "venv")], capture_output=True, text=True,
                          env={**os.environ, "HOME": str(tmp_path), "PYTHON": sys.executable})
    assert done.returncode == 1
    assert "differs from SHA256SUMS" in done.stderr
    assert not (tmp_path / "venv").exists()


def test_an_unsigned_wheelhouse_needs_the_installers_explicit_consent(wheelhouse, tmp_path):
    done = subprocess.run(["bash", str(PACKAGING / "install-offline.sh"), str(wheelhouse),
                           str(tmp_path / "venv")], capture_output=True, text=True,
                          env={**os.environ, "HOME": str(tmp_path), "PYTHON": sys.executable})
    assert done.returncode == 1
    assert "not signed (no SHA256SUMS.sig)" in done.stderr and "--allow-unsigned" in done.stderr
    assert not (tmp_path / "venv").exists()


def test_installed_and_used_in_a_namespace_without_network(wheelhouse):
    done = subprocess.run(["bash", str(PACKAGING / "test-offline.sh"), str(wheelhouse)],
                          capture_output=True, text=True, timeout=1800,
                          env={**os.environ, "PYTHON": sys.executable})
    if done.returncode == 77:
        pytest.skip(done.stdout.strip())
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "-- interfaces in here: lo(DOWN)" in done.stdout
    assert "Đã thêm hồ sơ HS-01." in done.stdout
    assert "PASSED: installed and used with no network" in done.stdout

"""`hoso verify-release`: a USB copy of a release is genuine only when its SHA256SUMS carries a
signature by a release key the program ships with and every file matches its line. The
sample folder in data/ was signed with the real release key (packaging/sign_release.py)."""

import json
import shutil
from pathlib import Path

import pytest

from desktop.security import release
from desktop.security.crypto import fingerprint, new_signing_key
from desktop.services.release_check import verify_release
from tests.conftest import run_hoso

SAMPLE = Path(__file__).parent / "data" / "signed-release"


@pytest.fixture
def copy(tmp_path):
    target = tmp_path / "usb"
    shutil.copytree(SAMPLE, target)
    return target


def verify(path, *more):
    done = run_hoso(["verify-release", path, *more])
    assert done.returncode in (0, 1), done.stderr
    return done


def test_a_genuine_copy_is_named_with_the_keys_fingerprint(copy):
    done = verify(copy)
    assert done.returncode == 0
    assert done.stdout.strip() == ("Bản sao thật: 2 tệp khớp SHA256SUMS, ký bằng khóa phát hành "
                                   "DA66 07B0 193A 1FD0 F986.")
    one = verify(copy / "linux-cp311" / "sample-0.1-py3-none-any.whl", "--lang", "en")
    assert one.returncode == 0 and one.stdout.startswith("Genuine copy: 1 file(s)")


@pytest.mark.parametrize("damage, said", [
    (lambda c: (c / "README.txt").write_text("changed"),
     "README.txt: khác với SHA256SUMS (hỏng khi chép hoặc bị sửa)."),
    (lambda c: (c / "linux-cp311" / "sample-0.1-py3-none-any.whl").unlink(),
     "linux-cp311/sample-0.1-py3-none-any.whl: có trong SHA256SUMS nhưng không có trong bản sao."),
    (lambda c: (c / "linux-cp311" / "evil-1.0-py3-none-any.whl").write_text("x"),
     "linux-cp311/evil-1.0-py3-none-any.whl: không có trong SHA256SUMS (tệp lạ được thêm vào)."),
    (lambda c: (c / "SHA256SUMS.sig").unlink(),
     "SHA256SUMS không có chữ ký (SHA256SUMS.sig): không biết bản sao có phải do đơn vị phát "
     "hành hay không."),
])
def test_each_kind_of_damage_is_named_and_the_copy_refused(copy, damage, said):
    damage(copy)
    done = verify(copy)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert said in lines
    assert lines[-1].startswith("KHÔNG cài đặt bản sao này")


def test_a_file_swapped_together_with_its_sum_breaks_the_signature(copy):
    """The attacker's move: change a file and its line in SHA256SUMS to match."""
    import hashlib
    evil = b"a planted program"
    (copy / "README.txt").write_bytes(evil)
    sums = (copy / "SHA256SUMS").read_text().splitlines()
    sums[0] = f"{hashlib.sha256(evil).hexdigest()}  ./README.txt"
    (copy / "SHA256SUMS").write_text("\n".join(sums) + "\n")
    done = verify(copy, "--json")
    report = json.loads(done.stdout)
    assert done.returncode == 1 and report["genuine"] is False
    assert report["problems"] == ["Chữ ký không khớp với SHA256SUMS: danh sách tệp đã bị sửa "
                                  "sau khi ký."]


def test_a_copy_re_signed_with_another_key_is_not_an_official_release(copy):
    private, public = new_signing_key()
    (copy / "README.txt").write_text("changed")
    import subprocess
    subprocess.run(["sha256sum", "./README.txt", "./linux-cp311/sample-0.1-py3-none-any.whl"],
                   cwd=copy, stdout=open(copy / "SHA256SUMS", "w"), check=True)
    (copy / "SHA256SUMS.sig").write_text(release.sign_sums(private, (copy / "SHA256SUMS")
                                                           .read_bytes()))
    done = verify(copy)
    assert done.returncode == 1
    assert (f"SHA256SUMS được ký bằng một khóa mà chương trình này không biết "
            f"({fingerprint(public)}): không phải bản phát hành chính thức.") in done.stdout
    # the same copy is genuine to whoever trusts that key (what the check really compares)
    assert verify_release(copy, {fingerprint(public): public}).genuine


def test_a_line_pointing_outside_the_folder_is_refused(copy):
    (copy / "SHA256SUMS").write_text("0" * 64 + "  ../../etc/passwd\n")
    check = verify_release(copy)
    assert ("release.bad_line", {"line": 1}) in check.problems and not check.genuine

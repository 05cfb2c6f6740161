"""The command line as a user (and the acceptance checks) drive it: real processes."""

import json

import pytest

from tests.conftest import PASSWORD, run_hoso

PW = PASSWORD + "\n"


@pytest.fixture
def cli_vault(tmp_path):
    path = tmp_path / "vault"
    result = run_hoso(["init", path, "--admin", "admin", "--password-stdin"], PW)
    assert result.returncode == 0, result.stderr
    assert "Đã tạo kho dữ liệu" in result.stdout
    return path


def hoso_in(path, *args, stdin=PW, **kw):
    return run_hoso(["--vault", path, *args], stdin, **kw)


def test_case_add_list_show_event_in_json(cli_vault):
    r = hoso_in(cli_vault, "case", "add", "--password-stdin", "--code", "15/QĐ-TTCP",
                "--title", "Thanh tra việc quản lý, sử dụng đất tại UBND tỉnh Đồng Nai",
                "--party", "UBND tỉnh Đồng Nai", "--decision-number", "15/QĐ-TTCP",
                "--decision-date", "08/1/2024", "--team", "Đặng Văn Đường:leader",
                "--team", "Lê Thị Hoa", "--level", "Mật", "--violation-money", "12,5 tỷ")
    assert r.returncode == 0, r.stderr
    r = hoso_in(cli_vault, "case", "list", "--search", "dong nai", "--json", "--password-stdin")
    assert r.returncode == 0, r.stderr
    listed = json.loads(r.stdout)
    assert [c["code"] for c in listed] == ["15/QĐ-TTCP"]
    assert listed[0]["decision_date"] == "2024-01-08" and listed[0]["level"] == "Mật"
    r = hoso_in(cli_vault, "case", "event", "15/QĐ-TTCP", "announced", "--date", "15/01/2024",
                "--doc", "Biên bản công bố", "--password-stdin")
    assert r.returncode == 0, r.stderr
    r = hoso_in(cli_vault, "case", "show", "15/QĐ-TTCP", "--json", "--password-stdin")
    shown = json.loads(r.stdout)
    assert shown["stage"] == "announced"
    assert [e["stage"] for e in shown["events"]] == ["decision", "announced"]
    assert shown["team"][0] == {"name": "Đặng Văn Đường", "role": "leader"}
    assert shown["results"]["violation_money"] == 12_500_000_000
    r = hoso_in(cli_vault, "case", "list", "--stage", "announced", "--password-stdin")
    assert "15/QĐ-TTCP" in r.stdout and "Công bố quyết định" in r.stdout
    r = hoso_in(cli_vault, "case", "list", "--search", "duong", "--password-stdin")
    assert "15/QĐ-TTCP" in r.stdout


def test_environment_variables_and_options_after_the_command(cli_vault):
    r = run_hoso(["case", "list", "--password-stdin", "--json"], PW,
                 env={"HOSO_VAULT": str(cli_vault), "HOSO_USER": "admin"})
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == []


def test_wrong_password_one_clear_line_exit_1(cli_vault):
    r = hoso_in(cli_vault, "case", "list", "--password-stdin", stdin="wrong-password\n")
    assert r.returncode == 1
    assert r.stderr.strip() == "Sai mật khẩu cho người dùng “admin”."
    assert r.stdout == ""


def test_english_by_option_or_locale(cli_vault):
    r = hoso_in(cli_vault, "--lang", "en", "case", "list", "--password-stdin", stdin="nope-nope\n")
    assert r.stderr.strip() == "Wrong password for user “admin”."
    r = hoso_in(cli_vault, "case", "list", "--password-stdin", stdin="nope-nope\n",
                env={"LANG": "en_US.UTF-8"})
    assert r.stderr.strip() == "Wrong password for user “admin”."


def test_bad_usage_exits_2_and_bad_values_exit_1(cli_vault):
    assert hoso_in(cli_vault, "case", "list", "--no-such-option").returncode == 2
    r = hoso_in(cli_vault, "case", "event", "X", "announced", "--date", "31/02/2024",
                "--password-stdin")
    assert r.returncode == 1 and "31/02/2024" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = hoso_in(cli_vault, "case", "event", "X", "flying", "--date", "01/02/2024",
                "--password-stdin")
    assert r.returncode == 1 and "flying" in r.stderr
    r = hoso_in(cli_vault, "case", "show", "NOPE", "--password-stdin")
    assert r.returncode == 1 and "NOPE" in r.stderr


def test_new_user_must_change_first_password(cli_vault):
    r = hoso_in(cli_vault, "user", "add", "thanh", "--role", "inspector", "--clearance", "mat",
                "--password-stdin", stdin=PW + "first-password\n")
    assert r.returncode == 0, r.stderr
    r = hoso_in(cli_vault, "--user", "thanh", "case", "list", "--password-stdin",
                stdin="first-password\n")
    assert r.returncode == 1 and "hoso user passwd" in r.stderr
    r = hoso_in(cli_vault, "--user", "thanh", "user", "passwd", "--password-stdin",
                stdin="first-password\nmy-own-password\n")
    assert r.returncode == 0, r.stderr
    r = hoso_in(cli_vault, "--user", "thanh", "case", "list", "--password-stdin", "--json",
                stdin="my-own-password\n")
    assert r.returncode == 0, r.stderr
    r = hoso_in(cli_vault, "user", "list", "--json", "--password-stdin")
    listed = {u["username"]: u for u in json.loads(r.stdout)}
    assert listed["thanh"]["clearance"] == "Mật" and not listed["thanh"]["must_change_password"]


def test_generated_first_password_is_printed(cli_vault):
    r = hoso_in(cli_vault, "user", "add", "vanthu", "--role", "clerk", "--password-stdin")
    assert r.returncode == 0, r.stderr
    line = [l for l in r.stdout.splitlines() if "vanthu" in l and ":" in l][-1]
    first = line.split(": ", 1)[1].split(" ")[0]
    r = hoso_in(cli_vault, "--user", "vanthu", "user", "passwd", "--password-stdin",
                stdin=f"{first}\nvan-thu-password\n")
    assert r.returncode == 0, r.stderr


def test_audit_verify_backup_restore(cli_vault, tmp_path):
    r = hoso_in(cli_vault, "audit", "verify", "--password-stdin")
    assert r.returncode == 0 and r.stdout.startswith("OK,")
    r = hoso_in(cli_vault, "audit", "verify", "--json", "--password-stdin")
    assert json.loads(r.stdout)["ok"] is True
    r = hoso_in(cli_vault, "backup", tmp_path / "bk", "--password-stdin")
    assert r.returncode == 0, r.stderr
    r = run_hoso(["restore", tmp_path / "bk", tmp_path / "back", "--password-stdin"], PW)
    assert r.returncode == 0, r.stderr
    r = run_hoso(["--vault", tmp_path / "back", "audit", "verify", "--password-stdin"], PW)
    assert r.returncode == 0 and r.stdout.startswith("OK,")


def test_damaged_key_file_named_without_traceback(cli_vault):
    (cli_vault / "keys.json").write_text("{ not json")
    r = hoso_in(cli_vault, "case", "list", "--password-stdin")
    assert r.returncode == 1
    assert str(cli_vault / "keys.json") in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_damaged_database_named_without_sqlcipher_noise(cli_vault):
    db = cli_vault / "hoso.db"
    data = bytearray(db.read_bytes())
    for offset in range(200, len(data), 1024):
        data[offset] ^= 0x55
    db.write_bytes(bytes(data))
    for extra in ("hoso.db-wal", "hoso.db-shm"):
        (cli_vault / extra).unlink(missing_ok=True)
    r = hoso_in(cli_vault, "case", "list", "--password-stdin")
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [r.stderr.strip()]
    assert str(db) in r.stderr and "ERROR CORE" not in r.stderr

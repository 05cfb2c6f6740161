"""hoso doc … and hoso register … as a user runs them: real processes, real files."""

import hashlib
import json

import pytest

from tests.conftest import PASSWORD, run_hoso, server_database

PW = PASSWORD + "\n"
INSP = "insp-own-password\n"


@pytest.fixture(params=["vault", "server"])
def cli_vault(request, tmp_path):
    """A new register, on this machine (a vault's folder) or on a department server (its
    connection profile, a .json file), with one Mật case."""
    if request.param == "vault":
        path = tmp_path / "vault"
        r = run_hoso(["init", path, "--admin", "admin", "--password-stdin"], PW)
        assert r.returncode == 0, r.stderr
    else:
        path = server_database(request.getfixturevalue("pg_cluster"), tmp_path / "profile",
                               in_process=True)
    r = hoso_in(path, "case", "add", "--password-stdin", "--code", "QD-15", "--title",
                "Thanh tra đất đai tỉnh Đồng Nai", "--level", "Mật")
    assert r.returncode == 0, r.stderr
    return path


def hoso_in(path, *args, stdin=PW):
    if path.suffix == ".json":   # the server's profile; the administrator unless --user says
        return run_hoso(["--server", path, *args], stdin, env={"HOSO_USER": "admin"})
    return run_hoso(["--vault", path, *args], stdin)


def _json(r):
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def _add_inspector(path):
    r = hoso_in(path, "user", "add", "insp", "--role", "inspector", "--clearance", "mat",
                "--password-stdin", stdin=PW + "insp-first-pw\n")
    assert r.returncode == 0, r.stderr
    r = hoso_in(path, "--user", "insp", "user", "passwd", "--password-stdin",
                stdin="insp-first-pw\n" + INSP)
    assert r.returncode == 0, r.stderr


def test_doc_add_list_show_version_export_search(cli_vault, tmp_path):
    source = tmp_path / "ket-luan.txt"
    source.write_text("Kết luận: Đường dây XYZ-marker-91c4 và các sai phạm.\n" * 50,
                      encoding="utf-8")
    added = _json(hoso_in(cli_vault, "doc", "add", "QD-15", source, "--number", "12/KL-TTCP",
                          "--type", "KL", "--level", "Mật", "--date", "02/3/2026",
                          "--summary", "Kết luận thanh tra", "--direction", "out",
                          "--recipient", "Thủ tướng", "--json", "--password-stdin"))
    doc_id = added["id"]
    assert added["level"] == "Mật" and added["register"] == {"year": 2026, "seq": 1}
    assert added["protection_until"] == "2036-03-02" and added["size"] == source.stat().st_size

    listed = _json(hoso_in(cli_vault, "doc", "list", "QD-15", "--json", "--password-stdin"))
    assert [d["number"] for d in listed] == ["12/KL-TTCP"]
    r = hoso_in(cli_vault, "doc", "list", "--password-stdin")
    assert r.returncode == 0 and "12/KL-TTCP" in r.stdout and "Kết luận thanh tra" in r.stdout

    v2 = tmp_path / "ket-luan-v2.txt"
    v2.write_bytes(b"ban sua doi")
    version = _json(hoso_in(cli_vault, "doc", "version", doc_id, v2, "--note", "sửa lần 1",
                            "--json", "--password-stdin"))
    assert version["version"] == 2 and version["note"] == "sửa lần 1"
    shown = _json(hoso_in(cli_vault, "doc", "show", doc_id, "--json", "--password-stdin"))
    assert [v["version"] for v in shown["version_list"]] == [1, 2]
    assert shown["version_list"][0]["sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    r = hoso_in(cli_vault, "doc", "show", doc_id, "--password-stdin")
    assert r.returncode == 0 and "[MẬT]" in r.stdout and "v2" in r.stdout

    out = tmp_path / "out"
    out.mkdir()
    r = hoso_in(cli_vault, "doc", "export", doc_id, out, "--reason", "Báo cáo lãnh đạo",
                "--version", "1", "--password-stdin")
    assert r.returncode == 0, r.stderr
    exported = out / "MAT_ket-luan.txt"
    assert exported.read_bytes() == source.read_bytes() and str(exported) in r.stdout
    r = hoso_in(cli_vault, "doc", "export", doc_id, out, "--password-stdin")
    assert r.returncode == 2  # --reason is required

    hits = _json(hoso_in(cli_vault, "doc", "search", "duong day xyz marker 91c4", "--json",
                         "--password-stdin"))
    assert [h["id"] for h in hits] == [doc_id] and "XYZ-marker-91c4" in hits[0]["snippet"]
    r = hoso_in(cli_vault, "doc", "search", "khongco", "--password-stdin")
    assert r.returncode == 0 and "Không tìm thấy" in r.stdout

    r = hoso_in(cli_vault, "register", "out", "--year", "2026", "--password-stdin")
    assert r.returncode == 0 and "12/KL-TTCP" in r.stdout and "Thủ tướng" in r.stdout
    r = hoso_in(cli_vault, "doc", "copy", doc_id, "--copies", "2", "--reason", "Họp đoàn",
                "--approved-by", "Phó Tổng Thanh tra", "--date", "05/3/2026", "--password-stdin")
    assert r.returncode == 0, r.stderr
    copies = _json(hoso_in(cli_vault, "register", "copies", "--year", "2026", "--json",
                           "--password-stdin"))
    assert [(c["number"], c["copies"], c["approved_by"]) for c in copies] == [
        ("12/KL-TTCP", 2, "Phó Tổng Thanh tra")]
    stats = _json(hoso_in(cli_vault, "register", "stats", "--year", "2026", "--json",
                          "--password-stdin"))
    assert stats["registered"]["mat"]["outgoing"] == 1 and stats["copies_made"]["mat"] == 2
    r = hoso_in(cli_vault, "register", "stats", "--year", "2026", "--password-stdin")
    assert r.returncode == 0 and "15/12/2025" in r.stdout


def test_uncleared_user_is_refused_by_the_cli_and_it_is_audited(cli_vault, tmp_path):
    source = tmp_path / "to-cao.txt"
    source.write_text("Danh tính người tố cáo: MARKER-a1b2c3", encoding="utf-8")
    added = _json(hoso_in(cli_vault, "doc", "add", "-", source, "--number", "7/BC",
                          "--level", "Tối mật", "--summary", "Danh tính người tố cáo",
                          "--json", "--password-stdin"))
    _add_inspector(cli_vault)
    out = tmp_path / "out"
    out.mkdir()
    r = hoso_in(cli_vault, "--user", "insp", "doc", "export", added["id"], out, "--reason",
                "xem", "--password-stdin", stdin=INSP)
    assert r.returncode == 1
    assert r.stderr.strip().count("\n") == 0 and "không đủ độ mật" in r.stderr
    # the number is sealed under the Tối mật key: the refusal names the document by its id
    assert "#1" in r.stderr and "7/BC" not in r.stderr and "Tối mật" in r.stderr
    assert list(out.iterdir()) == []
    r = hoso_in(cli_vault, "--user", "insp", "--lang", "en", "doc", "export",
                added["id"], out, "--reason", "x", "--password-stdin", stdin=INSP)
    assert r.returncode == 1 and "clearance does not allow" in r.stderr
    # listed without what it says; searched: nothing
    listed = _json(hoso_in(cli_vault, "--user", "insp", "doc", "list", "--json",
                           "--password-stdin", stdin=INSP))
    # (the number too is sealed under the Tối mật key)
    assert listed[0]["number"] == "" and listed[0]["summary"] is None
    assert not listed[0]["cleared"]
    r = hoso_in(cli_vault, "--user", "insp", "doc", "list", "--password-stdin", stdin=INSP)
    assert "Tối mật" in r.stdout and "7/BC" not in r.stdout and "Danh tính" not in r.stdout
    hits = _json(hoso_in(cli_vault, "--user", "insp", "doc", "search", "marker a1b2c3", "--json",
                         "--password-stdin", stdin=INSP))
    assert hits == []
    shown = _json(hoso_in(cli_vault, "--user", "insp", "doc", "show", added["id"], "--json",
                          "--password-stdin", stdin=INSP))
    assert shown["summary"] is None and shown["version_list"] == []
    # the administrator sees the refusals in the audit trail
    refused = _json(hoso_in(cli_vault, "audit", "list", "--action", "doc.denied", "--json",
                            "--password-stdin"))
    assert len(refused) == 2 and {e["user"] for e in refused} == {"insp"}
    assert refused[0]["detail"]["attempt"] == "export"
    # the administrator's own search finds it
    hits = _json(hoso_in(cli_vault, "doc", "search", "marker a1b2c3", "--json",
                         "--password-stdin"))
    assert [h["id"] for h in hits] == [added["id"]]


def test_destroy_level_extend_expiring(cli_vault, tmp_path):
    source = tmp_path / "bc.bin"
    source.write_bytes(b"\x00\x01binary" * 1000)
    added = _json(hoso_in(cli_vault, "doc", "add", "QD-15", source, "--number", "3/BC",
                          "--level", "mat", "--date", "10/01/2016", "--json", "--password-stdin"))
    assert added["protection_until"] == "2026-01-10"
    found = _json(hoso_in(cli_vault, "doc", "expiring", "--today", "01/12/2025", "--json",
                          "--password-stdin"))
    assert [(d["number"], d["days_left"]) for d in found] == [("3/BC", 40)]
    r = hoso_in(cli_vault, "doc", "extend", added["id"], "--years", "5", "--reason",
                "Còn giá trị", "--date", "01/12/2025", "--password-stdin")
    assert r.returncode == 0 and "10/01/2031" in r.stdout
    assert "muộn" in r.stderr  # 40 days before the end: later than the 60-day notice
    r = hoso_in(cli_vault, "doc", "expiring", "--today", "01/12/2025", "--password-stdin")
    assert r.returncode == 0 and "Không có tài liệu" in r.stdout

    r = hoso_in(cli_vault, "doc", "level", added["id"], "tối mật", "--reason", "Nâng độ mật",
                "--password-stdin")
    assert r.returncode == 0 and "Mật → Tối mật" in r.stdout

    r = hoso_in(cli_vault, "doc", "destroy", added["id"], "--reason", "Hết giá trị",
                "--decision", "QĐ 9/QĐ-TTCP", "--password-stdin")
    assert r.returncode == 0, r.stderr
    out = tmp_path / "out"
    out.mkdir()
    r = hoso_in(cli_vault, "doc", "export", added["id"], out, "--reason", "x", "--password-stdin")
    assert r.returncode == 1 and "tiêu hủy" in r.stderr and list(out.iterdir()) == []
    listed = _json(hoso_in(cli_vault, "doc", "list", "QD-15", "--json", "--password-stdin"))
    assert listed[0]["destroyed"] and listed[0]["number"] == "3/BC"
    r = hoso_in(cli_vault, "doc", "show", 999, "--password-stdin")
    assert r.returncode == 1 and "999" in r.stderr

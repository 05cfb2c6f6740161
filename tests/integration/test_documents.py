"""Documents in the vault: encrypted versions, clearance by keys, audit, search, registers.

Real vault, real files (tmp_path). The marker strings let the tests look for a
document's words where they must never be: in any file under the vault directory, in
the database read with the SQLCipher key, in search results of an uncleared user.
"""

import hashlib
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.domain.errors import Cancelled, HosoError, InvalidInput, PermissionDenied
from desktop.domain.folding import fold
from desktop.domain.levels import Level, Role
from desktop.domain.state_secrets import Direction, add_years
from desktop.storage.resource_files import load_state_secret_rules
from desktop.security.blobs import BlobDamaged, content_key_context, unwrap_content_key
from desktop.security.crypto import DecryptionFailed, unseal
from desktop.services import audit_log, cases, documents as docs, secret_registers, users
from desktop.services.documents import common as docs_common
from desktop.services import anchoring
from desktop.services.document_text import decode_text
from desktop.services.levels import grant_context
from desktop.storage.engine import make_engine
from desktop.storage.orm import DocumentVersion, LevelGrant, User
from tests.conftest import files_under, open_as, raw_engine, unlock_as

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server

ROOT = Path(__file__).resolve().parents[2]
MARKER = "Dấu-hiệu-BÍ-MẬT-7f3a9c2e"
INSP_PW = "insp-first-pw"


# --- helpers ---------------------------------------------------------------------------

def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _actions(vs, action: str, user: str | None = None) -> list:
    with vs.uow() as uow:
        return audit_log.entries(uow.session, user=user, action=action)


def _inspector(vault, clearance=Level.MAT, name="insp"):
    users.add_user(vault, name, Role.INSPECTOR, clearance, INSP_PW)
    return open_as(vault, name, INSP_PW)


def _forms(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), fold(marker).encode("utf-8"),
            fold(marker).encode("utf-16-le")]


def _secret_doc(vault, tmp_path, level=Level.TOI_MAT, body=None, name="bien-ban.txt",
                number="15/BB-TTCP", **fields):
    body = body if body is not None else (
        f"Biên bản làm việc với Đoàn thanh tra.\n{MARKER} ở dòng thứ hai.\n" * 20).encode("utf-8")
    path = _file(tmp_path, name, body)
    data = docs.DocumentInput(number=number, doc_type="BB", level=level,
                              doc_date=date(2026, 3, 2), summary="Trích yếu " + number, **fields)
    return docs.add_document(vault, data, path), body


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese editors wrote it: base letters (ơ, ê, đ…) precomposed,
    tone marks as combining characters."""
    import unicodedata
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a text layer (Helvetica, ASCII), xref offsets computed."""
    stream = "BT /F1 12 Tf 72 720 Td " + " ".join(
        f"({line}) Tj 0 -16 Td" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --- add, list, export, versions -------------------------------------------------------

def test_add_list_export_round_trip(vault, tmp_path):
    cases.add_case(vault, cases.CaseInput(code="QĐ-1", title="Thanh tra đất đai", level=Level.MAT))
    content = os.urandom(300_000)
    source = _file(tmp_path, "ket-luan.pdf.bin", content)
    row = docs.add_document(vault, docs.DocumentInput(
        number="12/KL-TTCP", doc_type="KL", level=Level.MAT, case_code="QĐ-1",
        doc_date=date(2026, 3, 2), issuer="Thanh tra Chính phủ", summary="Kết luận thanh tra",
        direction=Direction.OUTGOING, recipient="Thủ tướng", signer="Tổng Thanh tra"), source)
    assert row.versions == 1 and row.size == len(content) and row.cleared
    assert row.reg_year == 2026 and row.reg_seq == 1
    assert row.protection_until == date(2036, 3, 2)

    listed = docs.list_documents(vault, "QĐ-1")
    assert [(r.id, r.number, r.summary) for r in listed] == [(row.id, "12/KL-TTCP",
                                                             "Kết luận thanh tra")]
    out = tmp_path / "out"
    out.mkdir()
    written = docs.export_copy(vault, row.id, out, "Gửi Vụ Pháp chế theo yêu cầu")
    assert written.name == "MAT_ket-luan.pdf.bin" and written.parent == out
    assert _sha(written.read_bytes()) == _sha(content)
    assert [p.name for p in out.iterdir()] == [written.name]  # no partial file left
    # exporting again never overwrites
    with pytest.raises(HosoError) as caught:
        docs.export_copy(vault, row.id, out, "lần hai")
    assert caught.value.key == "doc.export_exists"
    # a file name chosen by the user is prefixed too
    named = docs.export_copy(vault, row.id, out / "ban-sao.bin", "bản cho lãnh đạo")
    assert named.name == "MAT_ban-sao.bin"
    with pytest.raises(InvalidInput):
        docs.export_copy(vault, row.id, out, "   ")

    exports = _actions(vault, "doc.export")
    assert len(exports) == 2 and exports[-1].detail["reason"] == "Gửi Vụ Pháp chế theo yêu cầu"
    assert exports[-1].target == f"doc:{row.id}" and exports[-1].detail["level"] == 1
    assert _actions(vault, "doc.add")
    # the viewer's whole-content read
    data, mime, name = docs.read_content(vault, row.id)
    assert data == content and name == "ket-luan.pdf.bin"
    assert _actions(vault, "doc.open")
    # the case page shows the document; a stream reads the same bytes
    assert cases.get_case(vault, "QĐ-1").documents[0]["number"] == "12/KL-TTCP"
    with docs.open_stream(vault, row.id) as stream:
        assert stream.size == len(content)
        assert b"".join(stream) == content
    docs.record_print(vault, row.id)
    assert _actions(vault, "doc.print")


def test_a_new_version_keeps_the_old_ones(vault, tmp_path):
    row, first = _secret_doc(vault, tmp_path, level=Level.THUONG, number="01/TB")
    second = b"phien ban thu hai " * 1000
    info = docs.add_version(vault, row.id, io.BytesIO(second), note="sửa theo ý kiến lãnh đạo",
                            file_name="bien-ban-v2.txt")
    assert info.version == 2 and info.size == len(second) and info.sha256 == _sha(second)
    assert docs.read_content(vault, row.id, version=1)[0] == first
    assert docs.read_content(vault, row.id)[0] == second
    detail = docs.get_document(vault, row.id)
    assert [(v.version, v.size, v.sha256, v.created_by) for v in detail.versions] == [
        (1, len(first), _sha(first), "admin"), (2, len(second), _sha(second), "admin")]
    assert detail.versions[1].note == "sửa theo ý kiến lãnh đạo"
    with pytest.raises(HosoError) as caught:
        docs.read_content(vault, row.id, version=7)
    assert caught.value.key == "doc.version_not_found"
    # a record without content (paper) takes its first file as version 1
    paper = docs.add_document(vault, docs.DocumentInput(number="02/TB"))
    assert paper.versions == 0
    with pytest.raises(HosoError):
        docs.read_content(vault, paper.id)
    assert docs.add_version(vault, paper.id, io.BytesIO(b"scan"), file_name="scan.bin").version == 1


def test_destroy_makes_the_content_unrecoverable_and_keeps_the_register(vault, tmp_path):
    row, _ = _secret_doc(vault, tmp_path, direction=Direction.INCOMING,
                         received_date=date(2026, 3, 5), sender="Bộ Công an")
    docs.add_version(vault, row.id, io.BytesIO(b"second version"), file_name="v2.txt")
    with vault.uow() as uow:
        blob_ids = uow.session.execute(select(DocumentVersion.blob_id).where(
            DocumentVersion.document_id == row.id)).scalars().all()
    blob_paths = [docs_common._store(vault).path_for(b) for b in blob_ids]
    assert all(p.is_file() for p in blob_paths)

    insp = _inspector(vault, Level.TUYET_MAT)  # cleared, but an inspector may not destroy
    with pytest.raises(PermissionDenied):
        docs.destroy_document(insp, row.id, "thử")
    insp.close()

    destroyed = docs.destroy_document(vault, row.id, "Hết giá trị lưu giữ",
                                      reference="QĐ 7/QĐ-TTCP", decided_by="Hội đồng tiêu hủy")
    assert destroyed.destroyed
    with vault.uow() as uow:
        keys = uow.session.execute(select(DocumentVersion.wrapped_key).where(
            DocumentVersion.document_id == row.id)).scalars().all()
        texts = uow.session.execute(text("SELECT count(*) FROM document_texts")).scalar()
        indexed = uow.session.execute(text("SELECT count(*) FROM doc_search")).scalar()
    assert keys == [None, None] and texts == 0 and indexed == 0
    assert not any(p.exists() for p in blob_paths)
    for read in (lambda: docs.read_content(vault, row.id),
                 lambda: docs.export_copy(vault, row.id, tmp_path, "thử"),
                 lambda: docs.open_stream(vault, row.id, version=1)):
        with pytest.raises(HosoError) as caught:
            read()
        assert caught.value.key == "doc.destroyed"
        assert "tiêu hủy" in caught.value.message("vi")
    with pytest.raises(HosoError) as caught:
        docs.destroy_document(vault, row.id, "lần nữa")
    assert caught.value.key == "doc.already_destroyed"
    # the register keeps the record, the document keeps its versions' metadata
    register = secret_registers.incoming_register(vault, 2026)
    assert [(r.number, r.destroyed, r.summary) for r in register] == [
        ("15/BB-TTCP", True, "Trích yếu 15/BB-TTCP")]
    detail = docs.get_document(vault, row.id)
    assert [v.destroyed for v in detail.versions] == [True, True]
    assert detail.events[-1].kind == "destroyed" and detail.events[-1].reference == "QĐ 7/QĐ-TTCP"
    act = _actions(vault, "doc.destroy")[0]
    assert act.detail["versions"] == 2 and act.detail["reason"] == "Hết giá trị lưu giữ"
    with vault.uow() as uow:
        assert anchoring.verify_in(vault, uow.session).ok


def test_cancelled_add_and_export_leave_nothing(vault, tmp_path):
    from desktop.domain.errors import Cancelled

    source = _file(tmp_path, "big.bin", os.urandom(3 * 1024 * 1024))
    def stop_after_a_block(done):   # the user stops the upload (domain.progress)
        if done > 0:
            raise Cancelled()

    with pytest.raises(Cancelled) as stopped:
        docs.add_document(vault, docs.DocumentInput(number="1/X", level=Level.MAT), source,
                          progress=stop_after_a_block)
    assert stopped.value.key == "blob.cancelled"
    assert [p for p in files_under(vault.vault_dir / "blobs")] == []
    assert docs.list_documents(vault) == []
    row = docs.add_document(vault, docs.DocumentInput(number="1/X", level=Level.MAT), source)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(HosoError) as caught:
        docs.export_copy(vault, row.id, out, "thử", progress=_stop)
    assert caught.value.key == "doc.export_cancelled" and list(out.iterdir()) == []
    assert _actions(vault, "doc.export_failed")[0].detail["why"] == "cancelled"
    # a blob without a version row (a crash between the two) is swept
    orphan = docs_common._store(vault).write(os.urandom(32), io.BytesIO(b"orphan"))
    assert docs.sweep_orphan_blobs(vault, older_than_s=0) == 1
    assert not docs_common._store(vault).exists(orphan.blob_id)
    assert docs.read_content(vault, row.id)[0] == source.read_bytes()


# --- clearance -------------------------------------------------------------------------

def test_a_mat_user_cannot_open_a_toi_mat_document_by_any_route(vault, tmp_path):
    row, _ = _secret_doc(vault, tmp_path, level=Level.TOI_MAT)
    insp = _inspector(vault, Level.MAT)
    try:
        # listed: it exists, with type, date and level, not what it says (its number is
        # sealed under the Tối mật key with the rest)
        [seen] = docs.list_documents(insp)
        assert (seen.number, seen.doc_type, seen.doc_date, seen.level) == (
            "", "BB", date(2026, 3, 2), Level.TOI_MAT)
        assert not seen.cleared and seen.summary is None and seen.file_name is None
        assert docs.get_document(insp, row.id).versions == []
        out = tmp_path / "out"
        out.mkdir()
        for attempt in (lambda: docs.read_content(insp, row.id),
                        lambda: docs.open_stream(insp, row.id),
                        lambda: docs.export_copy(insp, row.id, out, "cần xem"),
                        lambda: docs.record_print(insp, row.id),
                        lambda: docs.add_version(insp, row.id, io.BytesIO(b"x"), file_name="x"),
                        lambda: docs.change_level(insp, row.id, Level.MAT, "hạ")):
            with pytest.raises(PermissionDenied) as caught:
                attempt()
            assert caught.value.key == "doc.denied"
            # named by its id: its number is sealed under the key the user lacks
            assert "#" in caught.value.message("vi") and "Tối mật" in caught.value.message("vi")
            assert "15/BB-TTCP" not in caught.value.message("vi")
        assert list(out.iterdir()) == []
        assert docs.search_documents(insp, "dau hieu bi mat 7f3a9c2e") == []
    finally:
        insp.close()
    refused = _actions(vault, "doc.denied", user="insp")
    assert len(refused) == 6
    assert {r.detail["attempt"] for r in refused} == {"open", "export", "print", "version", "level"}

    # the files, read with insp's own password and the SQLCipher key: no Tối mật level key,
    # and no key insp holds unwraps the content key
    keys = unlock_as(vault, "insp", INSP_PW)
    engine = raw_engine(vault, keys)
    with engine.connect() as conn:
        insp_id = conn.execute(select(User.id).where(User.username == "insp")).scalar()
        grants = dict(conn.execute(select(LevelGrant.level, LevelGrant.sealed_key)
                                   .where(LevelGrant.user_id == insp_id)).all())
        others = conn.execute(select(LevelGrant.sealed_key).where(
            LevelGrant.user_id != insp_id, LevelGrant.level >= int(Level.TOI_MAT))).scalars().all()
        wrapped, version = conn.execute(select(DocumentVersion.wrapped_key, DocumentVersion.version)
                                        .where(DocumentVersion.document_id == row.id)).one()
    assert sorted(grants) == [0, 1]
    held = [unseal(keys.private_key, sealed, grant_context(keys.vault_id, "insp", Level(lv)))
            for lv, sealed in grants.items()]
    for sealed in others:  # the administrator's Tối mật / Tuyệt mật copies are not insp's
        for lv in (Level.TOI_MAT, Level.TUYET_MAT):
            with pytest.raises(DecryptionFailed):
                unseal(keys.private_key, sealed, grant_context(keys.vault_id, "insp", lv))
    for key in held:
        for lv in Level:  # whatever level the context claims
            with pytest.raises(DecryptionFailed):
                unwrap_content_key(key, wrapped, content_key_context(keys.vault_id, row.id,
                                                                     version, lv))
    # doctoring the level columns with the DB key opens nothing either
    with engine.begin() as conn:
        conn.execute(text("UPDATE documents SET level = 1 WHERE id = :id"), {"id": row.id})
        conn.execute(text("UPDATE document_versions SET key_level = 1 WHERE document_id = :id"),
                     {"id": row.id})
    engine.dispose()
    insp = open_as(vault, "insp", INSP_PW)
    try:
        with pytest.raises(HosoError) as caught:
            docs.read_content(insp, row.id)
        assert caught.value.key == "doc.key_unusable"
        with pytest.raises(HosoError):
            docs.export_copy(insp, row.id, tmp_path / "out", "thử")
        assert list((tmp_path / "out").iterdir()) == []
    finally:
        insp.close()
    assert _actions(vault, "doc.key_failed", user="insp")


def test_uncleared_rows_hide_summaries_in_case_pages_and_registers(vault, tmp_path):
    cases.add_case(vault, cases.CaseInput(code="C-1", title="Hồ sơ Mật", level=Level.MAT))
    docs.add_document(vault, docs.DocumentInput(
        number="3/BC", level=Level.TOI_MAT, case_code="C-1", summary="Danh tính người tố cáo",
        direction=Direction.INCOMING, received_date=date(2026, 2, 1), sender="Công an tỉnh"))
    insp = _inspector(vault, Level.MAT)
    try:
        shown = cases.get_case(insp, "C-1").documents
        assert [(d["number"], d["summary"], d["level"]) for d in shown] == [("", "", "Tối mật")]
        [line] = secret_registers.incoming_register(insp, 2026)
        assert line.number == "" and line.summary is None and line.sender is None
        assert not line.cleared
    finally:
        insp.close()


def test_level_change_rewraps_the_keys_and_needs_both(vault, tmp_path):
    row, body = _secret_doc(vault, tmp_path, level=Level.TOI_MAT)
    with vault.uow() as uow:
        before = uow.session.execute(select(DocumentVersion.wrapped_key).where(
            DocumentVersion.document_id == row.id)).scalar()
    insp = _inspector(vault, Level.MAT)
    mat_doc, _ = _secret_doc(vault, tmp_path, level=Level.MAT, number="9/BC", name="bc.txt",
                             body=b"bao cao khong dau 4411")
    with pytest.raises(PermissionDenied):  # insp holds no Tối mật key to raise it to
        docs.change_level(insp, mat_doc.id, Level.TOI_MAT, "nâng độ mật")
    assert _actions(vault, "doc.denied", user="insp")[0].detail["attempt"] == "level"

    lowered = docs.change_level(vault, row.id, Level.MAT, "Giảm độ mật theo quyết định",
                                decided_by="Tổng Thanh tra", when=date(2026, 4, 1))
    assert lowered.level == Level.MAT
    assert lowered.protection_until == date(2036, 4, 1)
    with vault.uow() as uow:
        key_level, after = uow.session.execute(select(
            DocumentVersion.key_level, DocumentVersion.wrapped_key).where(
            DocumentVersion.document_id == row.id)).one()
    assert key_level == 1 and after != before
    try:
        assert docs.read_content(insp, row.id)[0] == body
        hits = docs.search_documents(insp, "dau hieu bi mat 7f3a9c2e")
        assert [h.row.id for h in hits] == [row.id] and MARKER in hits[0].snippet
    finally:
        insp.close()
    events = docs.get_document(vault, row.id).events
    assert [(e.kind, e.from_level, e.to_level) for e in events] == [
        ("classified", None, Level.TOI_MAT), ("level_change", Level.TOI_MAT, Level.MAT)]
    # declassified: no protection period any more, and the event says so
    plain = docs.change_level(vault, row.id, Level.THUONG, "Giải mật")
    assert plain.protection_until is None
    assert docs.get_document(vault, row.id).events[-1].kind == "declassified"
    assert [a.detail["after"] for a in _actions(vault, "doc.level")] == [0, 1]


# --- damage ------------------------------------------------------------------------------

def test_a_flipped_byte_is_a_clear_damaged_error_naming_the_file(vault, tmp_path):
    content = os.urandom(5 * 64 * 1024 + 123)
    row = docs.add_document(vault, docs.DocumentInput(number="5/BC", level=Level.MAT),
                            _file(tmp_path, "data.bin", content))
    with vault.uow() as uow:
        blob_id = uow.session.execute(select(DocumentVersion.blob_id)).scalar()
    path = docs_common._store(vault).path_for(blob_id)
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))

    with pytest.raises(BlobDamaged) as caught:
        docs.read_content(vault, row.id)
    message = caught.value.message("vi")
    assert str(path) in message and "bị hỏng" in message
    assert str(path) in caught.value.message("en")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(BlobDamaged):
        docs.export_copy(vault, row.id, out, "thử")
    assert list(out.iterdir()) == []  # nothing partial
    got = []
    with pytest.raises(BlobDamaged):
        with docs.open_stream(vault, row.id) as stream:
            for piece in stream:
                got.append(piece)
    assert sum(map(len, got)) < len(content)
    damaged = _actions(vault, "doc.damaged")
    assert len(damaged) == 3 and damaged[0].detail["why"] == "altered"
    assert _actions(vault, "doc.export_failed")


# --- search ------------------------------------------------------------------------------

@pytest.mark.vault_only   # ends scanning the vault's files for clear text
def test_content_search_finds_only_what_the_searcher_is_cleared_for(vault, tmp_path):
    secret, _ = _secret_doc(vault, tmp_path, level=Level.TOI_MAT)
    mat_marker = "Biên-bản-MẬT-c0ffee42"
    mat = docs.add_document(vault, docs.DocumentInput(number="2/BB", level=Level.MAT),
                            _file(tmp_path, "mat.txt", f"Nội dung {mat_marker}.".encode("utf-16")))
    pdf = docs.add_document(vault, docs.DocumentInput(number="3/KL", level=Level.TOI_MAT),
                            _file(tmp_path, "kl.pdf", minimal_pdf(
                                ["Ket luan thanh tra", "PDFMARKER5d1e Duong Lang"])))
    legacy = docs.add_document(vault, docs.DocumentInput(number="4/TB", level=Level.THUONG),
                               _file(tmp_path, "tb.txt", cp1258("Thông báo Đường Láng 99aa")))
    # admin: every level, accent-insensitive, snippets in the original spelling
    hits = docs.search_documents(vault, "dau hieu bi mat 7f3a9c2e")
    assert [h.row.id for h in hits] == [secret.id] and MARKER in hits[0].snippet
    assert [h.row.id for h in docs.search_documents(vault, "bien ban c0ffee42")] == [mat.id]
    assert [h.row.id for h in docs.search_documents(vault, "pdfmarker5d1e")] == [pdf.id]
    assert [h.row.id for h in docs.search_documents(vault, "duong lang 99aa")] == [legacy.id]
    assert "Đường Láng" in docs.search_documents(vault, "99aa")[0].snippet
    assert docs.search_documents(vault, "khongcotu") == []
    # insp (Mật): the Mật and Thường ones, never the Tối mật ones, never their snippets
    insp = _inspector(vault, Level.MAT)
    try:
        assert [h.row.id for h in docs.search_documents(insp, "c0ffee42")] == [mat.id]
        assert docs.search_documents(insp, "7f3a9c2e") == []
        assert docs.search_documents(insp, "pdfmarker5d1e") == []
        assert docs.search_documents(insp, "15/BB-TTCP") == []  # record fields too
        found = docs.search_documents(insp, "duong")
        assert {h.row.id for h in found} == {legacy.id}
        assert all(MARKER not in h.snippet and "PDFMARKER" not in h.snippet for h in found)
    finally:
        insp.close()
    searches = _actions(vault, "doc.search")
    assert searches and all("7f3a9c2e" not in json.dumps(s.to_json()) for s in searches)

    # nothing in clear under the vault directory, open (WAL present) and closed
    path = vault.vault_dir

    def scan():
        names = [p.name for p in files_under(path)]
        assert "hoso.db" in names and any(n.endswith(".blob") for n in names)
        for file in files_under(path):
            data = file.read_bytes()
            for form in _forms(MARKER) + _forms(mat_marker) + [b"PDFMARKER5d1e", b"pdfmarker5d1e"]:
                assert form not in data, f"{form!r} in clear in {file}"

    scan()
    # and the database read with the SQLCipher key holds no word of them either: the
    # index is keyed tokens, the extracted text is sealed with the content key
    everything = _dump_database(vault)
    for form in (MARKER, fold(MARKER), "7f3a9c2e", "c0ffee42", "pdfmarker5d1e", "PDFMARKER5d1e"):
        assert form not in everything
    vault.close()
    scan()


def _dump_database(vs) -> str:
    """Every value of every table (FTS shadow tables included), as text."""
    parts = []
    with vs.engine.connect() as conn:
        tables = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'").scalars().all()
        for table in tables:
            for row in conn.exec_driver_sql(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, bytes):
                        parts.append(value.decode("utf-8", "replace"))
                        parts.append(value.decode("utf-16-le", "replace"))
                    else:
                        parts.append(str(value))
    return "\n".join(parts)


def test_text_decoding_fallbacks():
    import unicodedata
    vi = "Kết luận thanh tra Đường"
    assert decode_text(vi.encode("utf-8")) == vi
    assert decode_text(b"\xef\xbb\xbf" + vi.encode("utf-8")) == vi
    assert decode_text(vi.encode("utf-16")) == vi
    assert decode_text(vi.encode("utf-16-le")) == vi
    assert unicodedata.normalize("NFC", decode_text(cp1258(vi))) == vi
    cut = vi.encode("utf-8")[:-1]  # a capture cut inside a character
    assert decode_text(cut, truncated=True) == vi[:-1]


# --- registers and time limits ---------------------------------------------------------

def test_a_document_is_found_by_its_number_and_summary_sealed_or_not(vault):
    """The record's words are searched too — on the server a classified one is matched
    on this machine, the server holding its number and summary sealed."""
    docs.add_document(vault, docs.DocumentInput(number="15/BC-ĐTT", summary="Báo cáo thường"))
    secret = docs.add_document(vault, docs.DocumentInput(
        number="88/KL-MẬT", level=Level.TOI_MAT, summary="Kết luận về Đường dây Z-7b3c"))
    assert [h.row.id for h in docs.search_documents(vault, "duong day z 7b3c")] == [secret.id]
    assert [h.row.id for h in docs.search_documents(vault, "88 kl mat")] == [secret.id]
    assert [h.row.number for h in docs.search_documents(vault, "bao cao thuong")] == ["15/BC-ĐTT"]


def test_registers_and_yearly_statistics(vault, tmp_path):
    add = docs.add_document
    a = add(vault, docs.DocumentInput(number="10/CV-BCA", doc_type="CV", level=Level.MAT,
                                      doc_date=date(2026, 1, 20), issuer="Bộ Công an",
                                      direction=Direction.INCOMING, received_date=date(2026, 1, 22),
                                      handler="Cục II", copies=2, summary="Đề nghị phối hợp"))
    b = add(vault, docs.DocumentInput(number="11/CV-BQP", level=Level.TOI_MAT,
                                      doc_date=date(2026, 2, 1), direction="incoming",
                                      received_date=date(2026, 2, 3), sender="Bộ Quốc phòng"))
    c = add(vault, docs.DocumentInput(number="5/KL-TTCP", doc_type="KL", level=Level.TOI_MAT,
                                      doc_date=date(2026, 2, 10), direction=Direction.OUTGOING,
                                      recipient="Thủ tướng Chính phủ", signer="Tổng Thanh tra",
                                      copies=3))
    add(vault, docs.DocumentInput(number="99/CV", level=Level.MAT, doc_date=date(2025, 12, 20),
                                   direction=Direction.INCOMING, received_date=date(2025, 12, 20)))
    add(vault, docs.DocumentInput(number="1/TB", level=Level.THUONG, direction=Direction.INCOMING,
                                  doc_date=date(2026, 1, 5)))
    incoming = secret_registers.incoming_register(vault, 2026)
    assert [(r.seq, r.number, r.received_date) for r in incoming] == [
        (1, "10/CV-BCA", date(2026, 1, 22)), (2, "11/CV-BQP", date(2026, 2, 3))]
    assert incoming[0].handler == "Cục II" and incoming[0].copies == 2
    assert incoming[0].sender == "Bộ Công an"  # defaults to the issuer
    assert [(r.seq, r.number) for r in secret_registers.incoming_register(vault, 2025)] == [
        (1, "99/CV")]
    [out] = secret_registers.outgoing_register(vault, 2026)
    assert (out.seq, out.number, out.recipient, out.signer, out.copies) == (
        1, "5/KL-TTCP", "Thủ tướng Chính phủ", "Tổng Thanh tra", 3)
    docs.record_copy(vault, c.id, 2, "Gửi đoàn thanh tra", "Phó Tổng Thanh tra",
                     recipients="Đoàn TT số 3", when=date(2026, 2, 12))
    [copy] = secret_registers.copy_register(vault, 2026)
    assert (copy.seq, copy.number, copy.copies, copy.approved_by, copy.level) == (
        1, "5/KL-TTCP", 2, "Phó Tổng Thanh tra", Level.TOI_MAT)
    with pytest.raises(InvalidInput):
        docs.record_copy(vault, c.id, 1, "lý do", "")
    docs.destroy_document(vault, b.id, "Đã hết giá trị")
    stats = secret_registers.yearly_statistics(vault, 2026)
    assert (stats.period_from, stats.period_to) == (date(2025, 12, 15), date(2026, 12, 14))
    # 99/CV (20/12/2025) falls in the 2026 statistics period (from 15/12/2025)
    assert stats.registered["mat"] == {"incoming": 2, "outgoing": 0, "internal": 0}
    assert stats.registered["toi_mat"] == {"incoming": 1, "outgoing": 1, "internal": 0}
    assert stats.copies_made["toi_mat"] == 2 and stats.destroyed["toi_mat"] == 1
    assert stats.total_registered() == 4
    assert secret_registers.yearly_statistics(vault, 2025).total_registered() == 0
    assert _actions(vault, "register.")
    assert a.reg_seq == 1


def test_protection_periods_and_expiring(vault):
    rules = load_state_secret_rules()
    assert rules.protection_years(Level.TUYET_MAT, date(2024, 1, 1)) == 30
    assert rules.protection_years(Level.TOI_MAT, date(2024, 1, 1)) == 20
    assert rules.protection_years(Level.MAT, date(2024, 1, 1)) == 10
    assert rules.protection_until(Level.THUONG, date(2024, 1, 1)) is None
    assert add_years(date(2024, 2, 29), 10) == date(2034, 2, 28)
    assert rules.export_prefix(Level.TUYET_MAT) == "TUYET-MAT_"

    ending = docs.add_document(vault, docs.DocumentInput(
        number="7/BC", level=Level.MAT, doc_date=date(2016, 3, 1), summary="Báo cáo cũ"))
    assert ending.protection_until == date(2026, 3, 1)
    later = docs.add_document(vault, docs.DocumentInput(
        number="8/BC", level=Level.TOI_MAT, doc_date=date(2016, 3, 1)))
    assert later.protection_until == date(2036, 3, 1)
    found = secret_registers.expiring(vault, 60, today=date(2026, 1, 15))
    assert [(r.number, r.days_left, r.summary) for r in found] == [("7/BC", 45, "Báo cáo cũ")]
    assert secret_registers.expiring(vault, 60, today=date(2025, 12, 1)) == []
    # ended but still classified: shown with negative days (declassification to record)
    assert secret_registers.expiring(vault, 60, today=date(2026, 3, 11))[0].days_left == -10
    # an uncleared viewer sees the row without its summary
    insp = _inspector(vault, Level.THUONG, name="vanthu")
    try:
        [row] = secret_registers.expiring(insp, 60, today=date(2026, 1, 15))
        assert row.number == "" and row.summary is None and not row.cleared
    finally:
        insp.close()
    # an extension decided 45 days before the end: recorded, flagged late (notice 60 days)
    result = docs.extend_protection(vault, ending.id, 5, "Còn giá trị bảo vệ",
                                    decided_by="Tổng Thanh tra", when=date(2026, 1, 15))
    assert result.until == date(2031, 3, 1) and result.late
    assert secret_registers.expiring(vault, 60, today=date(2026, 1, 15)) == []
    with pytest.raises(InvalidInput):
        docs.extend_protection(vault, ending.id, 11, "quá dài")
    assert docs.get_document(vault, ending.id).events[-1].kind == "extended"


def test_migration_fills_the_registers_of_existing_documents(tmp_path):
    from alembic import command

    from desktop.storage import migrate

    engine = make_engine(tmp_path / "old.db", None)
    config = migrate._config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
    with engine.begin() as conn:
        for number, level, day in (("1/BC", 1, "2020-05-04"), ("2/BC", 2, "2020-06-01"),
                                   ("3/TB", 0, "2020-06-02")):
            conn.execute(text(
                "INSERT INTO documents (number, doc_type, doc_date, issuer, summary, level, "
                "created_at) VALUES (:n, 'BC', :d, '', '', :l, '2020-06-05 10:00:00')"),
                {"n": number, "d": day, "l": level})
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT number, direction, reg_year, reg_seq, protection_until "
                                 "FROM documents ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [("1/BC", "internal", 2020, 1, "2030-05-04"),
                                        ("2/BC", "internal", 2020, 2, "2040-06-01"),
                                        ("3/TB", "internal", None, None, None)]


# --- memory ------------------------------------------------------------------------------

MEMORY_SCRIPT = r"""
import hashlib, json, re, sys, time
from pathlib import Path

from desktop.domain.levels import Level
from desktop.services import documents, vault_service

TOTAL = int(sys.argv[2])


def hwm_kib():
    return int(re.search(r"VmHWM:\s+(\d+)", Path("/proc/self/status").read_text()).group(1))


def rss_kib():
    return int(re.search(r"VmRSS:\s+(\d+)", Path("/proc/self/status").read_text()).group(1))


class Generated:
    # TOTAL bytes made on the fly (never materialised), different in every MiB
    def __init__(self):
        self.left = TOTAL
        self.sha = hashlib.sha256()
        self.block = bytearray(open("/dev/urandom", "rb").read(1 << 20))
        self.counter = 0

    def readinto(self, mv):
        n = min(len(mv), self.left, len(self.block))
        if n <= 0:
            return 0
        self.counter += 1
        self.block[:8] = self.counter.to_bytes(8, "big")
        mv[:n] = self.block[:n]
        self.sha.update(mv[:n])
        self.left -= n
        return n


vs = vault_service.create_vault(Path(sys.argv[1]), "admin", "mat-khau-quan-tri", "Q")
Path("/proc/self/clear_refs").write_text("5")  # forget Argon2's peak: measure from here
before = rss_kib()
source = Generated()
t0 = time.perf_counter()
row = documents.add_document(vs, documents.DocumentInput(number="1/BIG", level=Level.TOI_MAT),
                             source, file_name="big.bin")
t1 = time.perf_counter()
sha, size = hashlib.sha256(), 0
with documents.open_stream(vs, row.id) as stream:
    for piece in stream:
        sha.update(piece)
        size += len(piece)
t2 = time.perf_counter()
peak = hwm_kib()
vs.close()
print(json.dumps({"before_kib": before, "peak_kib": peak, "size": size, "expected": TOTAL,
                  "sha_ok": sha.digest() == source.sha.digest(), "write_s": t1 - t0,
                  "read_s": t2 - t1}))
"""


@pytest.mark.skipif(bool(os.environ.get("HOSO_SKIP_SLOW")), reason="HOSO_SKIP_SLOW is set")
@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux /proc")
def test_a_1_gb_document_is_added_and_read_with_bounded_memory(tmp_path):
    total = int(os.environ.get("HOSO_BIG_DOC_MB", "1024")) * 1024 * 1024
    result = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(tmp_path / "vault"),
                             str(total)], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["size"] == total and figures["sha_ok"], figures
    growth_mb = (figures["peak_kib"] - figures["before_kib"]) / 1024
    assert growth_mb < 100, figures
    blobs = [p for p in files_under(tmp_path / "vault" / "blobs")]
    assert len(blobs) == 1 and blobs[0].stat().st_size > total


def _stop(done, _total=0):
    """A user who stops a job at once (domain.progress)."""
    raise Cancelled()

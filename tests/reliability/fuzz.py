"""Property-based fuzzing of what reads untrusted bytes: the workbook guard, reader and
importer (dry run), the manifest parser, the blob reader and the key-file parser. Inputs
are valid files mutated (bytes flipped, cut, inserted, a member of the zip changed, a
JSON value replaced); every outcome must be a result or a refusal with a message in both
languages — never another exception — and nothing may be written.

    python -m tests.reliability.fuzz [--examples N]     (≥ 10 000 in all by default)

tests/reliability/test_fuzz.py runs a few hundred of the same cases in the suite."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.errors import HosoError

PASSWORD = "mat-khau-quan-tri"
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def clear_refusal(exc: HosoError) -> None:
    """A refusal the user can read: a message in Vietnamese and in English, no raw key."""
    for lang in ("vi", "en"):
        text = exc.message(lang)
        # (a quoted value may hold braces; a placeholder left unfilled may not)
        assert text and text != exc.key and not _PLACEHOLDER.search(text), (exc.key, text)


# --- the seeds -----------------------------------------------------------------------------

class Seeds:
    """Valid inputs made once: an exported register with its manifest, a hand-made list,
    a vault with a document (its blob and key file)."""

    def __init__(self, folder: Path) -> None:
        from desktop.services import cases, exporter, vault_service
        from desktop.services import documents as docs
        self.folder = folder
        os.environ.setdefault("HOSO_PROFILE_DIR", str(folder / "profile"))
        self.vault = vault_service.create_vault(folder / "vault", "admin", PASSWORD)
        for i in range(12):
            cases.add_case(self.vault, cases.CaseInput(
                code=f"F-{i:02d}", title=f"Thanh tra đơn vị {i}", inspected_party=f"Công ty {i}",
                decision_date=date(2024, 1 + i % 12, 3)))
        exporter.export_cases(self.vault, folder / "so.xlsx", lang="vi")
        self.export = (folder / "so.xlsx").read_bytes()
        self.hand = _hand_made()
        body = folder / "tai-lieu.bin"
        body.write_bytes(os.urandom(150_000))
        docs.add_document(self.vault, docs.DocumentInput(number="01/BC", doc_type="BC",
                                                         doc_date=date(2024, 5, 2)), body)
        [self.blob_path] = (self.vault.vault_dir / "blobs").rglob("*.blob")
        self.blob = self.blob_path.read_bytes()
        self.keys = (self.vault.vault_dir / "keys.json").read_bytes()

    def close(self) -> None:
        self.vault.close()


def _hand_made() -> bytes:
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH CUỘC THANH TRA"])
    ws.append([])
    ws.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Ngày quyết định", "Sai phạm tiền (đồng)"])
    for i in range(8):
        ws.append([f"H-{i}", f"Thanh tra {i}", f"0{1 + i % 9}/03/2024", "12,5 tỷ"])
    ws.append(["Ghi chú: số liệu tính đến ngày 30/6/2024"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- mutations -----------------------------------------------------------------------------

def mutate_bytes(data: bytes, edits: list[tuple[int, int, int]]) -> bytes:
    """edits: (kind, position, value): 0 flip, 1 cut here, 2 insert a byte, 3 drop a byte."""
    out = bytearray(data)
    for kind, position, value in edits:
        if not out:
            break
        at = position % len(out)
        if kind == 0:
            out[at] ^= (value % 255) + 1
        elif kind == 1:
            del out[at:]
        elif kind == 2:
            out.insert(at, value % 256)
        else:
            del out[at]
    return bytes(out)


def mutate_member(data: bytes, member_index: int, edits: list[tuple[int, int, int]]) -> bytes:
    """One member of the zip changed, the zip itself rebuilt valid (reaches the XML parsers)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    target = names[member_index % len(names)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rebuilt:
        for name in names:
            body = source.read(name)
            rebuilt.writestr(name, mutate_bytes(body, edits) if name == target else body)
    return out.getvalue()


EDITS = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 1 << 30), st.integers(0, 255)),
                 min_size=1, max_size=6)


# --- the properties --------------------------------------------------------------------------

def check_workbook(seeds: Seeds, data: bytes, with_importer: bool) -> None:
    from desktop.exchange.excel.manifest import read_manifest
    from desktop.exchange.excel.reader import read_workbook
    from desktop.services import importer
    path = seeds.folder / "fuzz.xlsx"
    path.write_bytes(data)
    before = sorted(p.name for p in seeds.folder.iterdir())
    try:
        book = read_workbook(path)
        assert book.sheets is not None
    except HosoError as exc:
        clear_refusal(exc)
    try:
        read_manifest(path)
    except HosoError as exc:
        clear_refusal(exc)
    if with_importer:
        try:
            importer.analyse(seeds.vault, path, "cases")   # a dry run: nothing is written
        except HosoError as exc:
            clear_refusal(exc)
    assert sorted(p.name for p in seeds.folder.iterdir()) == before   # nothing left behind


def check_manifest_rows(rows) -> None:
    from desktop.exchange.excel.manifest import parse_manifest
    try:
        parse_manifest(rows)
    except HosoError as exc:
        clear_refusal(exc)


def check_blob(seeds: Seeds, data: bytes) -> None:
    from desktop.security.blobs import BlobDamaged, BlobStore, check_shape
    from desktop.services.documents import keys as documents_keys
    from desktop.storage.orm import DocumentRecord, DocumentVersion
    from sqlalchemy import select
    vs = seeds.vault
    blob_id = seeds.blob_path.stem
    seeds.blob_path.write_bytes(data)
    try:
        with vs.uow() as uow:
            version, doc = uow.session.execute(select(DocumentVersion, DocumentRecord).join(
                DocumentRecord, DocumentRecord.id == DocumentVersion.document_id)).first()
            key = documents_keys.open_content_key(vs, doc, version,
                                              documents_keys.wrapping_key(vs, uow.session, version))
            size = version.size
        store = BlobStore(vs.vault_dir / "blobs")
        try:   # without the key: header and length only (a flipped byte inside may pass)
            check_shape(seeds.blob_path, blob_id, size)
        except BlobDamaged as exc:
            clear_refusal(exc)
        try:   # with the key: any change at all is refused
            store.verify(key, blob_id)
            assert data == seeds.blob, "a changed blob was accepted"
        except BlobDamaged as exc:
            clear_refusal(exc)
    finally:
        seeds.blob_path.write_bytes(seeds.blob)


def check_keyfile(seeds: Seeds, data: bytes) -> None:
    from desktop.security import vault as vault_files
    from desktop.security.keyfile import KeyFile
    path = seeds.folder / "keys-fuzz" / "keys.json"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    try:
        keyfile = KeyFile.load(path)
        assert keyfile.slots is not None
    except HosoError as exc:
        clear_refusal(exc)
    # unlocking with it: a refusal, or (only if unchanged where it matters) the keys
    target = seeds.folder / "unlock-fuzz"
    target.mkdir(exist_ok=True)
    (target / "keys.json").write_bytes(data)
    (target / "hoso.db").write_bytes(b"x" * 2048)
    try:
        vault_files.unlock(target, "admin", PASSWORD).drop()
    except HosoError as exc:
        clear_refusal(exc)


def json_mutations(data: bytes) -> st.SearchStrategy[bytes]:
    """keys.json with one value replaced by another JSON value (reaches the parser's checks
    behind the JSON syntax)."""
    document = json.loads(data)
    paths = []

    def walk(node, trail):
        paths.append(trail)
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, trail + [k])
    walk(document, [])
    values = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
                       st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5),
                                                                           st.integers(), max_size=2))

    def apply(pair):
        trail, value = pair
        doc = json.loads(data)
        if not trail:
            return json.dumps(value).encode()
        node = doc
        for key in trail[:-1]:
            node = node[key]
        node[trail[-1]] = value
        return json.dumps(doc).encode()
    return st.tuples(st.sampled_from(paths), values).map(apply)


CELL = st.one_of(st.none(), st.text(max_size=30), st.integers(-10**12, 10**12),
                 st.floats(allow_nan=True, allow_infinity=True))
ROWS = st.lists(st.lists(CELL, max_size=6), max_size=12)


def build_tests(seeds: Seeds, examples: int):
    """The fuzz properties as callables, each running `examples` hypothesis examples."""
    conf = settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))

    @conf
    @given(EDITS, st.booleans())
    def workbook_bytes(edits, hand):
        check_workbook(seeds, mutate_bytes(seeds.hand if hand else seeds.export, edits), False)

    @conf
    @given(st.integers(0, 100), EDITS, st.booleans())
    def workbook_members(member, edits, hand):
        check_workbook(seeds, mutate_member(seeds.hand if hand else seeds.export, member, edits),
                       with_importer=True)

    @conf
    @given(ROWS)
    def manifest_rows(rows):
        check_manifest_rows(rows)

    @conf
    @given(EDITS)
    def blob_bytes(edits):
        check_blob(seeds, mutate_bytes(seeds.blob, edits))

    @conf
    @given(st.one_of(EDITS.map(lambda e: mutate_bytes(seeds.keys, e)), json_mutations(seeds.keys)))
    def keyfile(data):
        check_keyfile(seeds, data)

    return {"workbook bytes": workbook_bytes, "workbook members": workbook_members,
            "manifest rows": manifest_rows, "blob": blob_bytes, "key file": keyfile}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="per target (5 targets)")
    args = parser.parse_args()
    failed = 0
    with tempfile.TemporaryDirectory(prefix="hoso-fuzz-") as folder:
        os.environ["HOSO_PROFILE_DIR"] = str(Path(folder) / "profile")
        seeds = Seeds(Path(folder))
        try:
            print(f"{'target':<18}{'examples':>10}{'seconds':>10}  result")
            for name, test in build_tests(seeds, args.examples).items():
                started = time.monotonic()
                try:
                    test()
                    result = "0 tracebacks"
                except Exception as exc:  # noqa: BLE001 — reported, the others still run
                    failed += 1
                    result = f"FAILED: {type(exc).__name__}: {exc}"
                print(f"{name:<18}{args.examples:>10}{time.monotonic() - started:>10.1f}  {result}",
                      flush=True)
        finally:
            seeds.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

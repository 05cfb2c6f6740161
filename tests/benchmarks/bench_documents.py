"""Issue 6 figures: adding and reading a large file through the document service
(desktop.services.documents) against the bare limit measured in the same run.

Bare limit: the same bytes read from the source file in 1 MiB pieces, AES-256-GCM
encrypted with `cryptography`'s AESGCM and written to a file in the vault's directory
(fsync at the end), then read back and decrypted. The service additionally computes
the SHA-256 of the clear text, writes the blob format (64 KiB chunks, header, end
record), wraps the content key, writes the database rows and the audit row, and on
reading checks the key, every chunk, the end record and the SHA-256 against the
database. Target: service ≥ 0.5 × bare, in both directions; memory bounded.

    python tests/benchmarks/bench_documents.py [--size-mb 1024] [--rounds 3] [--warmup 1]
                                               [--dir ./bench-documents] [--keep]

The working directory defaults to a new directory under the current one, not /tmp
(which may be tmpfs). It is removed at the end unless --keep.
"""

import argparse
import hashlib
import os
import re
import shutil
import statistics
import struct
import sys
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.domain.levels import Level
from desktop.security.blobs import new_content_key
from desktop.services import documents, vault_service

MB = 1024 * 1024
BARE_CHUNK = MB


def settle() -> None:
    """Start each phase with no dirty pages from the previous one."""
    if hasattr(os, "sync"):
        os.sync()
    time.sleep(0.5)


def make_source(path: Path, size: int) -> None:
    with open(path, "wb", buffering=0) as f:
        left = size
        while left:
            n = min(4 * MB, left)
            f.write(os.urandom(n))
            left -= n
        os.fsync(f.fileno())


def _status(field: str) -> float:
    """MB of a /proc/self/status field (VmRSS, VmHWM); 0 where there is no /proc."""
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    match = re.search(rf"{field}:\s+(\d+)", text)
    return int(match.group(1)) / 1024 if match else 0.0


def reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def bare_write(source: Path, target: Path, key: bytes) -> float:
    aead = AESGCM(key)
    buf = bytearray(BARE_CHUNK)
    mv = memoryview(buf)
    start = time.perf_counter()
    with open(source, "rb", buffering=0) as src, open(target, "wb", buffering=0) as out:
        index = 0
        while True:
            n = src.readinto(mv)
            if not n:
                break
            out.write(aead.encrypt(struct.pack(">QI", index, 0), mv[:n], b"aad"))
            index += 1
        os.fsync(out.fileno())
    return time.perf_counter() - start


def bare_read(target: Path, key: bytes) -> float:
    aead = AESGCM(key)
    buf = bytearray(BARE_CHUNK + 16)
    mv = memoryview(buf)
    start = time.perf_counter()
    with open(target, "rb", buffering=0) as f:
        index = 0
        while True:
            n = f.readinto(mv)
            if not n:
                break
            aead.decrypt(struct.pack(">QI", index, 0), mv[:n], b"aad")
            index += 1
    return time.perf_counter() - start


def service_write(vs, source: Path) -> tuple[float, int, float]:
    reset_peak()
    before = _status("VmRSS")
    start = time.perf_counter()
    row = documents.add_document(vs, documents.DocumentInput(number="1/BENCH",
                                                             level=Level.TOI_MAT), source)
    return time.perf_counter() - start, row.id, _status("VmHWM") - before


def service_read(vs, doc_id: int, expected_sha: bytes) -> tuple[float, float]:
    reset_peak()
    before = _status("VmRSS")
    start = time.perf_counter()
    with documents.open_stream(vs, doc_id) as stream:
        for _ in stream:
            pass
    seconds = time.perf_counter() - start
    return seconds, _status("VmHWM") - before


def service_export(vs, doc_id: int, folder: Path) -> tuple[float, float]:
    reset_peak()
    before = _status("VmRSS")
    start = time.perf_counter()
    path = documents.export_copy(vs, doc_id, folder, "benchmark")
    seconds = time.perf_counter() - start
    path.unlink()
    return seconds, _status("VmHWM") - before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1,
                        help="rounds run first and not counted (fresh VM memory is slow)")
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    size = args.size_mb * MB
    mb = size / MB
    work = (args.dir or Path.cwd() / f"bench-documents-{os.getpid()}").resolve()
    work.mkdir(parents=True, exist_ok=False)
    try:
        vs = vault_service.create_vault(work / "vault", "admin", "mat-khau-quan-tri", "Bench")
        source = work / "source.bin"
        print(f"working directory {work}; generating {args.size_mb} MB of random data …")
        make_source(source, size)
        with open(source, "rb") as f:
            expected_sha = hashlib.file_digest(f, "sha256").digest()
        export_dir = work / "export"
        export_dir.mkdir()
        key = new_content_key()
        bare = vs.vault_dir / "bare.bin"  # in the vault's directory, as the blobs are
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
              f"{os.getloadavg()[0]:.2f}; RSS {_status('VmRSS'):.0f} MB before the runs\n")
        rows: dict[str, list[float]] = {k: [] for k in (
            "bare_w", "svc_w", "bare_r", "svc_r", "svc_export", "mem_w", "mem_r", "mem_x")}
        for rnd in range(-args.warmup, args.rounds):
            settle()
            rows["bare_w"].append(mb / bare_write(source, bare, key))
            settle()
            rows["bare_r"].append(mb / bare_read(bare, key))
            bare.unlink()
            settle()
            seconds, doc_id, mem_w = service_write(vs, source)
            rows["svc_w"].append(mb / seconds)
            rows["mem_w"].append(mem_w)
            settle()
            seconds, mem_r = service_read(vs, doc_id, expected_sha)
            rows["svc_r"].append(mb / seconds)
            rows["mem_r"].append(mem_r)
            settle()
            seconds, mem_x = service_export(vs, doc_id, export_dir)
            rows["svc_export"].append(mb / seconds)
            rows["mem_x"].append(mem_x)
            documents.destroy_document(vs, doc_id, "benchmark round done")
            label = "warm-up" if rnd < 0 else f"round {rnd + 1}"
            print(f"{label:>7}: write bare {rows['bare_w'][-1]:5.0f} service {rows['svc_w'][-1]:5.0f}"
                  f" MB/s (ratio {rows['svc_w'][-1] / rows['bare_w'][-1]:.2f}); read bare "
                  f"{rows['bare_r'][-1]:5.0f} service {rows['svc_r'][-1]:5.0f} MB/s (ratio "
                  f"{rows['svc_r'][-1] / rows['bare_r'][-1]:.2f}); export {rows['svc_export'][-1]:5.0f}"
                  f" MB/s; peak RSS growth write {mem_w:.0f} / read {mem_r:.0f} / export "
                  f"{mem_x:.0f} MB", flush=True)
            if rnd < 0:
                for values in rows.values():
                    values.pop()
        vs.close()
        ratio_w = statistics.median(s / b for s, b in zip(rows["svc_w"], rows["bare_w"]))
        ratio_r = statistics.median(s / b for s, b in zip(rows["svc_r"], rows["bare_r"]))
        best = {k: max(v) for k, v in rows.items()}
        print(f"\n{args.size_mb} MB, {args.rounds} rounds (best MB/s; median of per-round ratios):")
        print(f"  add : bare {best['bare_w']:6.0f}  service {best['svc_w']:6.0f}  "
              f"ratio {ratio_w:.2f}  (target ≥ 0.50)")
        print(f"  read: bare {best['bare_r']:6.0f}  service {best['svc_r']:6.0f}  "
              f"ratio {ratio_r:.2f}  (target ≥ 0.50)")
        print(f"  export decrypted copy (read + decrypt + write + fsync): {best['svc_export']:.0f} MB/s")
        print(f"  peak RSS growth: add {best['mem_w']:.0f} MB, read {best['mem_r']:.0f} MB, "
              f"export {best['mem_x']:.0f} MB (limit 100 MB)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

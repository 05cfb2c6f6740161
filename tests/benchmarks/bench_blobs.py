"""Issue 6 figures: adding and reading a large file through BlobStore against the bare limit.

Bare limit, same run, same bytes, same directory: the source file read in chunks,
AES-256-GCM encrypted by `cryptography`'s AESGCM and written to a file (then read back
and decrypted). BlobStore additionally computes the SHA-256 of the clear content, checks
the header/end record and fsyncs before the rename. Target: store ≥ 0.5 × bare.

    python tests/benchmarks/bench_blobs.py [--size-mb 1024] [--chunks 65536,1048576]
                                           [--rounds 2] [--dir ./bench-blobs]

The working directory defaults to a new directory under the current one, not /tmp
(which may be tmpfs). It is removed at the end unless --keep.
"""

import argparse
import hashlib
import os
import resource
import shutil
import statistics
import struct
import sys
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.security.blobs import BlobStore, new_content_key

MB = 1024 * 1024


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def settle() -> None:
    """Start each phase with no dirty pages from the previous one."""
    if hasattr(os, "sync"):
        os.sync()
    time.sleep(0.5)


def make_source(path: Path, size: int) -> None:
    block = 4 * MB
    with open(path, "wb", buffering=0) as f:
        left = size
        while left:
            n = min(block, left)
            f.write(os.urandom(n))
            left -= n
        os.fsync(f.fileno())


def bare_write(source: Path, target: Path, key: bytes, chunk: int,
               sha256: bool = False) -> tuple[float, float]:
    """Seconds until the last write returned, and until fsync returned. With sha256, the
    clear text is also hashed (what BlobStore must do on top: a reference, not the limit)."""
    aead = AESGCM(key)
    sha = hashlib.sha256() if sha256 else None
    buf = bytearray(chunk)
    mv = memoryview(buf)
    start = time.perf_counter()
    with open(source, "rb", buffering=0) as src, open(target, "wb", buffering=0) as out:
        index = 0
        while True:
            n = src.readinto(mv)
            if not n:
                break
            if sha is not None:
                sha.update(mv[:n])
            out.write(aead.encrypt(struct.pack(">QI", index, 0), mv[:n], b"aad"))
            index += 1
        written = time.perf_counter() - start
        os.fsync(out.fileno())
    return written, time.perf_counter() - start


def bare_read(target: Path, key: bytes, chunk: int) -> float:
    aead = AESGCM(key)
    buf = bytearray(chunk + 16)
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


def store_write(store: BlobStore, source: Path, key: bytes) -> tuple[float, str, bytes]:
    start = time.perf_counter()
    with open(source, "rb", buffering=0) as src:
        info = store.write(key, src)
    return time.perf_counter() - start, info.blob_id, info.sha256


def store_read(store: BlobStore, key: bytes, blob_id: str) -> float:
    start = time.perf_counter()
    for _ in store.open(key, blob_id):
        pass
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--chunks", default=f"{64 * 1024},{MB}")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1,
                        help="rounds run first and not counted (fresh VM memory is slow)")
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    size = args.size_mb * MB
    mb = size / MB
    work = (args.dir or Path.cwd() / f"bench-blobs-{os.getpid()}").resolve()
    work.mkdir(parents=True, exist_ok=False)
    try:
        source = work / "source.bin"
        print(f"working directory {work}; generating {args.size_mb} MB of random data …")
        make_source(source, size)
        with open(source, "rb") as f:
            expected_sha = hashlib.file_digest(f, "sha256").digest()
        key = new_content_key()
        rss_start = rss_mb()
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
              f"{os.getloadavg()[0]:.2f}, peak RSS before: {rss_start:.0f} MB")
        print("bare_w: bare limit, encrypt+write; bare_w_fsync: same run, after fsync; "
              "ref_w: bare + SHA-256 of the clear text + fsync (what the store must do)\n")
        chunks = [int(c) for c in args.chunks.split(",")]
        table: dict[int, dict[str, list[float]]] = {
            c: {k: [] for k in ("bare_w", "bare_w_fsync", "bare_r", "ref_w", "store_w", "store_r")}
            for c in chunks}
        bare = work / "bare.bin"
        # rounds outside, chunk sizes inside: both sizes see the same machine conditions
        for rnd in range(-args.warmup, args.rounds):
            for chunk in chunks:
                rows = table[chunk]
                store = BlobStore(work / "blobs", chunk_size=chunk)
                settle()
                written, durable = bare_write(source, bare, key, chunk)
                settle()
                rows["bare_r"].append(mb / bare_read(bare, key, chunk))
                rows["bare_w"].append(mb / written)
                rows["bare_w_fsync"].append(mb / durable)
                bare.unlink()
                settle()
                rows["ref_w"].append(mb / bare_write(source, bare, key, chunk, sha256=True)[1])
                bare.unlink()
                settle()
                seconds, blob_id, sha = store_write(store, source, key)
                assert sha == expected_sha
                rows["store_w"].append(mb / seconds)
                settle()
                rows["store_r"].append(mb / store_read(store, key, blob_id))
                store.destroy(blob_id)
                label = "warm-up" if rnd < 0 else f"round {rnd + 1}"
                print(f"chunk {chunk // 1024:>5} KiB {label:>7}: "
                      + ", ".join(f"{k} {v[-1]:5.0f}" for k, v in rows.items())
                      + f" MB/s; ratio write {rows['store_w'][-1] / rows['bare_w'][-1]:.2f}"
                      f" read {rows['store_r'][-1] / rows['bare_r'][-1]:.2f}", flush=True)
                if rnd < 0:
                    for values in rows.values():
                        values.pop()
        summary = []
        for chunk in chunks:
            rows = table[chunk]
            best = {k: max(v) for k, v in rows.items()}
            med = {"w": statistics.median(w / b for w, b in zip(rows["store_w"], rows["bare_w"])),
                   "wf": statistics.median(w / b for w, b in zip(rows["store_w"], rows["bare_w_fsync"])),
                   "ref": statistics.median(w / b for w, b in zip(rows["store_w"], rows["ref_w"])),
                   "r": statistics.median(r / b for r, b in zip(rows["store_r"], rows["bare_r"]))}
            summary.append((chunk, best, med))
        print(f"\n{'chunk':>9} | {'bare write':>10} {'(+fsync)':>9} {'store write':>11} "
              f"{'ratio':>6} {'(vs +fsync)':>11} {'(vs ref)':>8} | {'bare read':>9} {'store read':>10} {'ratio':>6}"
              "   [MB/s: best of rounds; median of per-round ratios in brackets]")
        for chunk, best, med in summary:
            print(f"{chunk // 1024:>5} KiB | {best['bare_w']:>10.0f} {best['bare_w_fsync']:>9.0f} "
                  f"{best['store_w']:>11.0f} {best['store_w'] / best['bare_w']:>6.2f} "
                  f"{best['store_w'] / best['bare_w_fsync']:>11.2f} "
                  f"{best['store_w'] / best['ref_w']:>8.2f} | {best['bare_r']:>9.0f} "
                  f"{best['store_r']:>10.0f} {best['store_r'] / best['bare_r']:>6.2f}"
                  f"   [w {med['w']:.2f}, w vs +fsync {med['wf']:.2f}, w vs ref {med['ref']:.2f}, r {med['r']:.2f}]")
        strict_bare_w = max(b["bare_w"] for _, b, _ in summary)
        strict_bare_r = max(b["bare_r"] for _, b, _ in summary)
        print(f"\nagainst the fastest bare limit of any chunk size (write {strict_bare_w:.0f}, "
              f"read {strict_bare_r:.0f} MB/s):")
        for chunk, best, _ in summary:
            print(f"  {chunk // 1024:>5} KiB store: write ratio {best['store_w'] / strict_bare_w:.2f}, "
                  f"read ratio {best['store_r'] / strict_bare_r:.2f}  (target ≥ 0.50)")
        print(f"\npeak RSS: {rss_start:.0f} MB before, {rss_mb():.0f} MB after "
              f"(growth {rss_mb() - rss_start:.0f} MB, limit 100 MB)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

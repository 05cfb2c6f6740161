"""Excel export figures: write_register against a bare openpyxl write-only write.

Bare limit, same run, same values, same directory: `Workbook(write_only=True)`, one
`ws.append(values)` per row, no styles, no title block, no manifest. write_register adds
the title block, header rows, borders and number formats on every cell, the quote prefix
on text that starts like a formula, widths from a 2 000-row sample, and the rename.

    python tests/benchmarks/bench_excel_export.py [--rows 100000] [--rounds 3] [--dir DIR]
                                                  [--skip-memory]

Rows (12 columns: Vietnamese text, dates, money, area, counts, a level) are built before
the timed runs, so their making is not timed. Peak memory is measured in a child process
per mode that makes its rows lazily (a generator, as an export from the database does):
the child's peak RSS (VmHWM), and its RSS before writing (interpreter + imports).
Targets: write_register ≤ 1.3 × bare; peak RSS < 200 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from openpyxl import Workbook

from desktop.exchange.excel.writer import Column, Manifest, row_hash, write_register

COLUMNS = [
    Column("code", "Mã hồ sơ"),
    Column("title", "Tên cuộc thanh tra"),
    Column("party", "Đối tượng thanh tra"),
    Column("decided", "Ngày quyết định", "date", group="Quyết định thanh tra"),
    Column("number", "Số quyết định", group="Quyết định thanh tra"),
    Column("concluded", "Ngày kết luận", "date"),
    Column("violation", "Sai phạm (đồng)", "money", group="Kết quả"),
    Column("recovery", "Kiến nghị thu hồi (đồng)", "money", group="Kết quả"),
    Column("land", "Đất (m²)", "area", group="Kết quả"),
    Column("units", "Số đơn vị", "int"),
    Column("note", "Ghi chú"),
    Column("level", "Độ mật", "level"),
]

_WORDS = ("Thanh tra việc quản lý sử dụng đất đai tài chính ngân sách đầu tư xây dựng cơ bản "
          "tại Sở Ủy ban nhân dân tỉnh huyện xã Bộ Tài nguyên và Môi trường công tác tiếp công "
          "dân giải quyết khiếu nại tố cáo phòng chống tham nhũng tiêu cực").split()
_PARTIES = ["Sở Xây dựng", "Sở Tài chính", "UBND huyện Đông Anh", "Ban Quản lý dự án",
            "Công ty TNHH Hoàng Long", "Bệnh viện Đa khoa tỉnh", "Trường THPT Lê Quý Đôn"]
_LEVELS = ["Thường", "Mật", "Tối mật"]


def make_rows(n: int, seed: int = 7):
    rnd = random.Random(seed)
    base = dt.date(2019, 1, 1)
    for i in range(n):
        decided = base + dt.timedelta(days=rnd.randrange(2000))
        title = " ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(6, 14)))
        note = " ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(0, 20)))
        if i % 97 == 0:
            note = "- " + note   # starts like a formula: written with the quote prefix
        yield [f"TTr-{decided.year}-{i:06d}", title.capitalize(), rnd.choice(_PARTIES),
               decided, f"{rnd.randint(1, 999)}/QĐ-TTr",
               decided + dt.timedelta(days=rnd.randint(30, 200)) if i % 4 else None,
               rnd.randrange(10 ** 11), rnd.randrange(10 ** 10), round(rnd.random() * 5000, 1),
               rnd.randint(1, 12), note or None, _LEVELS[i % 3]]


def manifest_for(rows, hashes: bool) -> Manifest:
    keys = [r[0] for r in rows]
    return Manifest("vault-bench", "cases", "2024-06-14T10:00:00", "bench", keys,
                    [row_hash(r, COLUMNS) for r in rows] if hashes else [])


def bare(path: Path, rows) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    for row in rows:
        ws.append(row)
    wb.save(path)


def ours(path: Path, rows, manifest: Manifest | None = None) -> int:
    return write_register(path, title="SỔ THEO DÕI CÁC CUỘC THANH TRA", subtitle="Năm 2024",
                          unit_name="Thanh tra tỉnh Hà Nam", columns=COLUMNS, rows=rows,
                          manifest=manifest)


MODES = {
    "bare": lambda path, rows, m: bare(path, rows),
    "register": lambda path, rows, m: ours(path, rows),
    "register+manifest": lambda path, rows, m: ours(path, rows, m),
    "register+manifest(writer hashes)": lambda path, rows, m: ours(path, rows, m),
}


def rss_mb() -> float:
    """Peak RSS of this process. VmHWM where there is /proc: ru_maxrss is not reset by
    exec on Linux, so a child started by a big parent would report the parent's size."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def current_rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20
    except OSError:
        return rss_mb()


def child(mode: str, n: int, folder: Path) -> None:
    """One export with rows made lazily; prints the memory figures as JSON."""
    before = current_rss_mb()
    manifest = None
    if mode == "register+manifest":  # keys and hashes as the caller holds them, no rows
        keys, hashes = [], []
        for r in make_rows(n):
            keys.append(r[0])
            hashes.append(row_hash(r, COLUMNS))
        manifest = Manifest("vault-bench", "cases", "2024-06-14T10:00:00", "bench", keys, hashes)
    elif mode == "register+manifest(writer hashes)":
        manifest = Manifest("vault-bench", "cases", "2024-06-14T10:00:00", "bench",
                            [r[0] for r in make_rows(n)], [])
    t = time.perf_counter()
    MODES[mode](folder / f"mem-{mode}.xlsx", make_rows(n), manifest)
    print(json.dumps({"mode": mode, "before_mb": round(before, 1), "peak_mb": round(rss_mb(), 1),
                      "seconds": round(time.perf_counter() - t, 2)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=None)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    folder = args.dir or Path.cwd() / "bench-excel"
    folder.mkdir(parents=True, exist_ok=True)
    if args.child:
        child(args.child, args.rows, folder)
        return
    try:
        print(f"{args.rows} rows × {len(COLUMNS)} columns, {args.rounds} rounds, in {folder}")
        t = time.perf_counter()
        rows = list(make_rows(args.rows))
        print(f"rows made in {time.perf_counter() - t:.2f} s (not timed below)")
        t = time.perf_counter()
        with_hashes = manifest_for(rows, hashes=True)
        hash_time = time.perf_counter() - t
        per_row = hash_time / args.rows * 1e6
        print(f"row_hash of every row: {hash_time:.2f} s ({per_row:.1f} µs/row)")
        no_hashes = manifest_for(rows, hashes=False)
        times: dict[str, list[float]] = {m: [] for m in MODES}
        for _ in range(args.rounds):
            for mode, run in MODES.items():  # interleaved: drifts of the machine hit all
                manifest = with_hashes if mode == "register+manifest" else no_hashes
                path = folder / f"time-{mode}.xlsx"
                t = time.perf_counter()
                run(path, rows, manifest)
                times[mode].append(time.perf_counter() - t)
                path.unlink()
        if args.rounds:
            base = min(times["bare"])
            print(f"\n{'mode':36} {'min s':>7} {'median s':>9} {'ratio':>6}  (target ≤ 1.30)")
            for mode, values in times.items():
                ratio = min(values) / base
                print(f"{mode:36} {min(values):7.2f} {statistics.median(values):9.2f} "
                      f"{ratio:6.2f}")
        if not args.skip_memory:
            print("\npeak RSS, one child process per mode (target < 200 MB)")
            for mode in MODES:
                out = subprocess.run([sys.executable, __file__, "--child", mode, "--rows",
                                      str(args.rows), "--dir", str(folder)],
                                     capture_output=True, text=True, check=True)
                fig = json.loads(out.stdout.strip().splitlines()[-1])
                print(f"{mode:36} peak {fig['peak_mb']:6.1f} MB  (before writing "
                      f"{fig['before_mb']:.1f} MB; {fig['seconds']:.2f} s)")
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

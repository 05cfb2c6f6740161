"""Issue 10 part 2 figures: classified cases sealed under level keys, with keyed search
tokens. Two vaults are filled with the same synthetic cases in the same run: one with
20 % classified (sealed rows, keyed index), the baseline with every case Thường (clear
rows, plain index). Printed: bulk insert time, case search p95 (limit 30 ms at 100 000
cases), the first page sorted by title, and unlock; each with the ratio to the baseline.

    python tests/benchmarks/bench_sealed_records.py [--cases 100000] [--share 0.2]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from desktop.domain.levels import Level
from desktop.services import cases, vault_service
from desktop.services.demo import fill_demo, synthetic_inputs

PASSWORD = "mat-khau-quan-tri"
WORDS = ["ha noi", "dat dai", "ngan sach", "dau tu", "xay dung", "thanh tra", "ubnd",
         "tai nguyen", "giao duc", "y te", "du an", "quan ly", "duo", "tha", "bin"]


def fill(path: Path, inputs) -> float:
    vs = vault_service.create_vault(path, "admin", PASSWORD, "Quản trị")
    fill_demo(vs)
    t = time.perf_counter()
    for start in range(0, len(inputs), 5000):
        cases.add_cases_bulk(vs, inputs[start:start + 5000])
    spent = time.perf_counter() - t
    vs.close()
    return spent


def p95_search(vs, queries: list[str]) -> tuple[float, float]:
    latencies = []
    for q in queries:
        t = time.perf_counter()
        cases.list_cases(vs, cases.CaseFilter(search=q, limit=200))
        latencies.append(time.perf_counter() - t)
    latencies.sort()
    return latencies[int(len(latencies) * 0.95) - 1] * 1000, statistics.median(latencies) * 1000


def title_page(vs) -> float:
    t = time.perf_counter()
    ids = cases.list_ids(vs, sort="title", descending=False)
    cases.rows_by_ids(vs, ids[:100])
    return (time.perf_counter() - t) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--share", type=float, default=0.2)
    ap.add_argument("--queries", type=int, default=300)
    args = ap.parse_args()
    os.environ.setdefault("HOSO_PROFILE_DIR", tempfile.mkdtemp(prefix="hoso-bench-profile-"))
    rng = random.Random(7)
    base = synthetic_inputs(args.cases, seed=2024)
    sealed_inputs = []
    for item in base:
        roll = rng.random()
        level = Level.THUONG if roll >= args.share else (
            Level.TOI_MAT if roll < args.share * 0.3 else Level.MAT)
        sealed_inputs.append(replace(item, level=level))
    plain_inputs = [replace(item, level=Level.THUONG) for item in base]
    share = sum(1 for i in sealed_inputs if i.level) / len(sealed_inputs)
    queries = [random.Random(3 + i).choice(WORDS) for i in range(args.queries)]
    with tempfile.TemporaryDirectory(dir=os.getcwd()) as tmp:
        paths = {"sealed": Path(tmp) / "sealed", "plain": Path(tmp) / "plain"}
        spent = {"sealed": fill(paths["sealed"], sealed_inputs),
                 "plain": fill(paths["plain"], plain_inputs)}
        print(f"{args.cases} cases, {share:.0%} classified")
        print(f"bulk insert: sealed {spent['sealed']:.1f} s, all-Thường baseline "
              f"{spent['plain']:.1f} s, ratio {spent['sealed'] / spent['plain']:.2f}x")
        figures = {}
        for name, path in paths.items():
            t = time.perf_counter()
            vs = vault_service.open_vault(path, "admin", PASSWORD)
            unlock = time.perf_counter() - t
            p95_search(vs, queries[:20])  # warm the page cache as a session would
            p95, median = p95_search(vs, queries)
            page = statistics.median(title_page(vs) for _ in range(3))
            figures[name] = (unlock, p95, median, page)
            vs.close()
        (su, sp, sm, spg), (pu, pp, pm, ppg) = figures["sealed"], figures["plain"]
        print(f"case search (first 200 rows): p95 {sp:.1f} ms (limit 30 ms), median {sm:.1f} ms; "
              f"baseline p95 {pp:.1f} ms, median {pm:.1f} ms; ratio {sp / pp:.2f}x")
        print(f"first page sorted by title: {spg:.0f} ms; baseline {ppg:.0f} ms; "
              f"ratio {spg / ppg:.2f}x")
        print(f"unlock admin: {su:.3f} s; baseline {pu:.3f} s; ratio {su / pu:.2f}x (limit 1 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Issue 11 figures at 100 000 cases: saving the case form (case_edit.edit_case), opening
a case view (what CaseView.load runs on the worker: the case, its deadlines, documents,
history and recommendations), recording a reply to a request for opinions. Limits 200,
300 and 100 ms. Baseline, measured in the same run on the same vault: a bare read of the
case (cases.get_case), the floor every one of them pays.

    python tests/benchmarks/bench_register_writes.py [--cases 100000] [--runs 30]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from desktop.domain.levels import Level
from desktop.services import (case_edit, cases, deadlines_service, documents, opinion_requests,
                              recommendations, vault_service)
from desktop.services.demo import fill_demo

PASSWORD = "mat-khau-quan-tri"


def timed(fn, runs: int) -> tuple[float, float]:
    """(median, p95) in ms."""
    times = []
    for i in range(runs):
        t = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[max(int(len(times) * 0.95) - 1, 0)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    os.environ.setdefault("HOSO_PROFILE_DIR", tempfile.mkdtemp(prefix="hoso-bench-profile-"))
    with tempfile.TemporaryDirectory(dir=os.getcwd()) as tmp:
        path = Path(tmp) / "vault"
        vs = vault_service.create_vault(path, "admin", PASSWORD, "Quản trị")
        fill_demo(vs, synthetic_cases=args.cases)
        vs.close()
        vs = vault_service.open_vault(path, "admin", PASSWORD)
        ids = cases.list_ids(vs, cases.CaseFilter(level=Level.MAT, limit=args.runs))
        codes = [r.code for r in cases.rows_by_ids(vs, ids).values()]
        code = "C2-2022-02"  # a Tối mật demo case with events, opinions and documents
        requests = opinion_requests.send(vs, code, [(f"Bộ số {i}", "ministry")
                                                    for i in range(args.runs)],
                                         date(2024, 4, 1), "1/TTCP")
        print(f"{args.cases} synthetic cases + the demo")

        floor = timed(lambda i: cases.get_case(vs, codes[i % len(codes)]), args.runs)

        def save(i):
            case_edit.edit_case(vs, codes[i % len(codes)],
                                {"title": f"Tên sửa lần {i}", "content": f"Nội dung {i}"})

        def open_view(i):
            c = code if i % 2 else codes[i % len(codes)]
            cases.get_case(vs, c)
            deadlines_service.for_case(vs, c, date(2024, 6, 30))
            documents.list_documents(vs, c)
            case_edit.history(vs, c, audited=False)
            recommendations.list_for(vs, c, audited=False)

        def reply(i):
            opinion_requests.reply(vs, requests[i % len(requests)], date(2024, 4, 20), "9/BTC",
                                   "Thống nhất")

        for name, fn, limit in (("save the case form", save, 200),
                                ("open a case view", open_view, 300),
                                ("record a reply", reply, 100)):
            median, p95 = timed(fn, args.runs)
            print(f"{name}: median {median:.1f} ms, p95 {p95:.1f} ms (limit {limit} ms); "
                  f"baseline read of a case median {floor[0]:.1f} ms; ratio "
                  f"{median / floor[0]:.2f}x")
        vs.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

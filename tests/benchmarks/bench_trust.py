"""Issue 10 figures: unlock with the trust checks (root chain, certificate, anchors,
audit rows since the anchor), against the bare Argon2id derivation measured in the same
run; a full audit verification (every signature); case search p95 on a vault with
the demo's synthetic cases (a regression check: the trust checks add nothing to it).

    python tests/benchmarks/bench_trust.py [--cases 100000] [--audit-rows 20000]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from desktop.security.crypto import derive_kek
from desktop.security.keyfile import KeyFile
from desktop.services import anchoring, audit_log, cases, vault_service
from desktop.services.demo import DEMO_PASSWORD, fill_demo

PASSWORD = "mat-khau-quan-tri"


def median_time(fn, n=5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--audit-rows", type=int, default=20_000)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    os.environ.setdefault("HOSO_PROFILE_DIR", tempfile.mkdtemp(prefix="hoso-bench-profile-"))
    with tempfile.TemporaryDirectory(dir=os.getcwd()) as tmp:
        path = Path(tmp) / "vault"
        vs = vault_service.create_vault(path, "admin", PASSWORD, "Quản trị")
        t = time.perf_counter()
        fill_demo(vs, synthetic_cases=args.cases)
        print(f"demo + {args.cases} synthetic cases: {time.perf_counter() - t:.1f} s")
        # the inspector logs in once now: their anchor is far behind when they come back
        vault_service.open_vault(path, "thanhtra1", DEMO_PASSWORD).close()
        with vs.uow() as uow:  # a long trail, as after months of use
            for i in range(args.audit_rows):
                audit_log.append(uow.session, vs.signer, "admin", "case.read", f"C-{i}")
            uow.commit()
        vs.close()

        slot = KeyFile.load(path / "keys.json").slots["admin"]
        bare = median_time(lambda: derive_kek(PASSWORD, slot.kdf))
        first = time.perf_counter()
        vault_service.open_vault(path, "thanhtra1", DEMO_PASSWORD).close()
        print(f"unlock thanhtra1 back after {args.audit_rows} rows by others: "
              f"{time.perf_counter() - first:.3f} s")
        for user, password in (("admin", PASSWORD), ("thanhtra1", DEMO_PASSWORD)):
            opened = median_time(lambda: vault_service.open_vault(path, user, password).close())
            print(f"unlock {user}: median {opened:.3f} s (limit 1 s); bare Argon2id {bare:.3f} s; "
                  f"ratio {opened / bare:.2f}x")

        vs = vault_service.open_vault(path, "admin", PASSWORD)
        with vs.uow() as uow:
            t = time.perf_counter()
            report = anchoring.verify_in(vs, uow.session)
            verify_s = time.perf_counter() - t
        print(f"audit verify: {report.rows} rows ({report.signed} signed) in {verify_s:.2f} s, "
              f"ok={report.ok}")
        rng = random.Random(3)
        words = ["ha noi", "dat dai", "ngan sach", "dau tu", "xay dung", "thanh tra", "ubnd",
                 "tai nguyen", "giao duc", "y te", "du an", "quan ly"]
        latencies = []
        for _ in range(args.queries):
            q = rng.choice(words)
            t = time.perf_counter()
            cases.list_cases(vs, cases.CaseFilter(search=q, limit=200))
            latencies.append(time.perf_counter() - t)
        latencies.sort()
        p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000
        print(f"case search (first 200 rows): p95 {p95:.1f} ms, median "
              f"{statistics.median(latencies) * 1000:.1f} ms (limit 30 ms)")
        vs.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

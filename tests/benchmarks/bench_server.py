"""Issue 16 figures: the department server (a throw-away local PostgreSQL) against the vault
(SQLCipher), the same 100 000-row workbook imported into each, then the same readings on
both, measured in the same run:

- import of the rows (analyse + commit) — target: the server ≤ 2× the vault;
- search p95 (200 accent-free queries, first page of 50) — target ≤ 50 ms;
- case list, first page of 100 (newest decision first) — target ≤ 100 ms;
- overdue list and the period report — target ≤ 2 s each.

    python tests/benchmarks/bench_server.py [--rows 100000] [--queries 200]

Needs PostgreSQL's server programs (initdb, pg_ctl), as the tests do.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import create_engine, text  # noqa: E402

from desktop.services import (cases, deadlines_service, importer, report,  # noqa: E402
                              server_service, vault_service)
from tests import pg_cluster  # noqa: E402
from tests.benchmarks.bench_deadlines import add_histories  # noqa: E402
from tests.benchmarks.bench_excel_import import make_file  # noqa: E402
from tests.benchmarks.bench_vault import queries  # noqa: E402

PASSWORD = "benchmark-password"


def best(job, times: int = 3) -> float:
    seconds = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        job()
        seconds = min(seconds, time.perf_counter() - started)
    return seconds


def latencies(job, inputs) -> list[float]:
    found = []
    for item in inputs:
        started = time.perf_counter()
        job(item)
        found.append(time.perf_counter() - started)
    return found


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[94]


def new_register(cluster, folder: Path, database: str) -> Path:
    """A database on the cluster set up with administrator "admin", and the profile a
    workstation connects with (over TLS, the cluster's CA beside it)."""
    owner = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {database}"))
    owner.dispose()
    dsn = f"postgresql://postgres@/{database}?host={cluster.socket_dir}&port={cluster.port}"
    server_service.found(dsn, "admin", PASSWORD)
    profile = folder / "profile.json"
    (folder / "ca.pem").write_bytes(cluster.ca_cert.read_bytes())
    profile.write_text(f'{{"host": "127.0.0.1", "port": {cluster.port}, '
                       f'"database": "{database}", "ca_cert": "ca.pem"}}')
    return profile


def readings(vs, source: Path, qs: list[str]) -> dict[str, float]:
    figures = {}
    started = time.perf_counter()
    importer.commit(vs, importer.analyse(vs, source, "cases"))
    figures["import"] = time.perf_counter() - started
    add_histories(vs, random.Random(3), prefix="NK-")   # the imported cases' codes
    started = time.perf_counter()
    deadlines_service.refresh_index(vs)   # once after an import (the first reading does it)
    figures["deadline index"] = time.perf_counter() - started
    cases.list_cases(vs, cases.CaseFilter(search="dat dai", limit=50))   # warm
    figures["search p95"] = p95(latencies(
        lambda q: cases.list_cases(vs, cases.CaseFilter(search=q, limit=50)), qs))
    figures["first page"] = statistics.median(latencies(
        lambda _i: cases.list_rows(vs, cases.CaseFilter(limit=100)), range(20)))
    figures["overdue list"] = best(lambda: deadlines_service.overdue(vs))
    figures["period report"] = best(
        lambda: report.period_report(vs, date(2024, 1, 1), date(2024, 6, 30)))
    return figures


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    if pg_cluster.server_programs() is None:
        print("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
        return 1
    qs = queries(random.Random(7), args.queries)
    with tempfile.TemporaryDirectory(dir=".") as tmp:
        folder = Path(tmp)
        source = folder / "ds.xlsx"
        make_file(source, args.rows)
        vs = vault_service.create_vault(folder / "vault", "admin", PASSWORD)
        try:
            vault = readings(vs, source, qs)
        finally:
            vs.close()
        cluster = pg_cluster.start_cluster()
        try:
            profile = new_register(cluster, folder, "bench")
            vs = server_service.sign_in(profile, "admin", PASSWORD)   # over TLS, as a client
            try:
                on_server = readings(vs, source, qs)
            finally:
                vs.close()
        finally:
            cluster.stop()
    targets = {"import": None, "deadline index": 0.0, "search p95": 0.050, "first page": 0.100,
               "overdue list": 2.0, "period report": 2.0}
    print(f"{args.rows} cases imported from the same workbook into each; "
          f"{args.queries} search queries")
    for name, target in targets.items():
        goal = (f"target <= {target * 1000:.0f} ms" if target and target < 1
                else f"target <= {target:.0f} s" if target else "target: server <= 2x vault"
                if target is None else "once after an import; no target")
        print(f"{name}: server {on_server[name] * 1000:.1f} ms, vault {vault[name] * 1000:.1f} ms, "
              f"ratio {on_server[name] / vault[name]:.2f}x ({goal})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Issue 3 figure: deadlines (the overdue list) and the period report over 100 000 cases.

Cases get realistic histories (decision → announcement → on-site end → report → draft …,
cut at random stages) so the engine has work to do.

    python tests/benchmarks/bench_deadlines.py [--cases 100000]
"""

import argparse
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from desktop.domain.stages import Stage
from desktop.services import deadlines_service, report, vault_service
from desktop.services.demo import fill_demo
from desktop.storage import case_summary
from desktop.storage.orm import Case, CaseEvent

CHAIN = [Stage.PLAN_APPROVED, Stage.ANNOUNCED, Stage.ONSITE_ENDED, Stage.TEAM_REPORT, Stage.DRAFT,
         Stage.CONSULTATION, Stage.CONCLUDED]


def add_histories(vs, rng: random.Random, prefix: str = "TT-") -> int:
    """Give every synthetic case (its code starting with `prefix`) a history that stops at
    a random stage."""
    today = date.today()
    rows = []
    with vs.uow() as uow:
        for case_id, decided in uow.session.execute(
                select(Case.id, Case.decision_date).where(Case.code.like(f"{prefix}%"))):
            day = decided
            for stage in CHAIN[: rng.randrange(0, len(CHAIN) + 1)]:
                day = day + timedelta(days=rng.randrange(3, 90))
                if day > today:
                    break
                rows.append({"case_id": case_id, "stage": stage.value, "event_date": day,
                             "doc_ref": "", "note": "", "days": None, "recorded_by": "bench",
                             "recorded_at": datetime.now()})
        uow.session.connection().execute(insert(CaseEvent.__table__), rows)
        case_summary.refresh(uow.session)
        uow.commit()
    return len(rows)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=".") as tmp:
        vs = vault_service.create_vault(Path(tmp) / "v", "admin", "benchmark-password")
        fill_demo(vs, synthetic_cases=args.cases)
        events = add_histories(vs, random.Random(3))
        timings = {}
        started = time.perf_counter()
        deadlines_service.refresh_index(vs)   # once after an import (the first reading does it)
        print(f"deadline index built in {time.perf_counter() - started:.2f} s")
        for name, job in (
                ("overdue list (deadlines of every open case, opinions, directives)",
                 lambda: deadlines_service.overdue(vs)),
            ("the same, every open case judged by the engine (no deadline index)",
                 lambda: deadlines_service.overdue(vs, indexed=False)),
            ("dashboard reading (counts, the worst 500; deadline index)",
                 lambda: deadlines_service.alarms(vs).items),
                ("period report 01/01/2024–30/06/2024",
                 lambda: report.period_report(vs, date(2024, 1, 1), date(2024, 6, 30))),
                ("period report 15/12/2023–14/12/2024",
                 lambda: report.period_report(vs, date(2023, 12, 15), date(2024, 12, 14)))):
            best = float("inf")
            for _ in range(3):
                started = time.perf_counter()
                result = job()
                best = min(best, time.perf_counter() - started)
            timings[name] = (best, result)
        vs.close()
    print(f"cases: {args.cases} synthetic + demo, extra events: {events}")
    for name, (seconds, result) in timings.items():
        size = len(result) if isinstance(result, list) else len(result.without_conclusion)
        print(f"{name}: {seconds:.2f} s (best of 3; {size} rows) (target <= 2 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Issue 2 figures: unlock, 100 000-case insert, accent-insensitive search p95, and the
SQLCipher overhead against plain SQLite (stdlib sqlite3) on the same workload, same run.

    python tests/benchmarks/bench_vault.py [--cases 100000] [--queries 300]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from desktop.domain.levels import Level, Role
from desktop.security.audit import Signer
from desktop.security.crypto import new_signing_key
from desktop.security.keyfile import KeyFile
from desktop.security.vault import SlotSecrets, UnlockedKeys
from desktop.services import cases, vault_service
from desktop.services.certs import TrustState
from desktop.services.context import Actor, VaultSession
from desktop.storage import migrate
from desktop.storage.engine import make_engine

PASSWORD = "benchmark-password"
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đoàn", "Đinh", "Trịnh", "Mai"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Công"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đường", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Lan",
         "Long", "Mai", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Việt"]
PARTIES = ["UBND tỉnh {p}", "Sở Tài nguyên và Môi trường tỉnh {p}", "Sở Xây dựng tỉnh {p}",
           "Ban Quản lý dự án tỉnh {p}", "Công ty cổ phần {c}", "Tổng công ty {c}"]
PROVINCES = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Đồng Nai",
             "Bình Dương", "Cần Thơ", "Lâm Đồng", "Đắk Lắk", "Quảng Ngãi", "Bắc Ninh", "Long An"]
COMPANIES = ["Sông Đà", "Vinaconex", "Đường sắt", "Cao su", "Điện lực", "Xi măng", "Thép",
             "Dầu khí", "Lương thực", "Hàng hải"]
TOPICS = ["quản lý, sử dụng đất đai", "đầu tư xây dựng dự án đường cao tốc", "cổ phần hóa doanh nghiệp",
          "quản lý tài chính, ngân sách", "cấp phép khai thác khoáng sản", "đấu thầu mua sắm thiết bị y tế",
          "thu hồi đất, bồi thường giải phóng mặt bằng", "quản lý vốn nhà nước", "phòng, chống tham nhũng"]


def synthetic(n: int, rng: random.Random) -> list[cases.CaseInput]:
    items = []
    start = date(2019, 1, 1)
    for i in range(n):
        province = rng.choice(PROVINCES)
        party = rng.choice(PARTIES).format(p=province, c=rng.choice(COMPANIES))
        name = lambda: f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"  # noqa: E731
        items.append(cases.CaseInput(
            code=f"BM-{i:06d}", title=f"Thanh tra {rng.choice(TOPICS)} tại {party}",
            inspected_party=party, decision_number=f"{i % 3000 + 1}/QĐ-TTCP",
            decision_date=start + timedelta(days=rng.randrange(0, 2000)),
            team=[(name(), cases.TeamRole.LEADER), (name(), cases.TeamRole.MEMBER)],
            level=Level(rng.choice([0, 0, 0, 1, 1, 2]))))
    return items


def queries(rng: random.Random, n: int) -> list[str]:
    from desktop.domain.folding import fold
    pool = [fold(p) for p in PROVINCES] + [fold(g) for g in GIVEN] + [fold(s) for s in SURNAMES] \
        + ["dat dai", "co phan hoa", "duong cao toc", "khoang san", "thiet bi y te", "so xay dung ha noi",
           "ubnd tinh quang ninh", "bm-0012", "tham nhung", "nguyen van", "tran thi", "vinaconex"]
    return [rng.choice(pool) for _ in range(n)]


def workload(vs: VaultSession, items, qs, page: int) -> tuple[float, list[float]]:
    started = time.perf_counter()
    cases.add_cases_bulk(vs, items)
    insert_s = time.perf_counter() - started
    latencies = []
    for q in qs:
        t = time.perf_counter()
        cases.list_cases(vs, cases.CaseFilter(search=q, limit=page))
        latencies.append(time.perf_counter() - t)
    return insert_s, latencies


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[94]


def plain_session(path: Path) -> VaultSession:
    """The same services on stdlib sqlite3: the baseline (no encryption, no vault)."""
    engine = make_engine(path, None)
    migrate.upgrade(engine)
    from sqlalchemy.orm import Session

    from desktop.storage.orm import User
    with Session(engine) as s:
        s.add(User(username="admin", role="admin", clearance=3, public_key=b"\0" * 32,
                   created_at=__import__("datetime").datetime.now()))
        s.commit()
    sign_private, _ = new_signing_key()
    keys = UnlockedKeys(path.parent, "plain", "admin", SlotSecrets(b"", b"", sign_private),
                        KeyFile(path, "plain", "", "admin"))
    return VaultSession(engine, keys, Actor(1, "admin", "admin", Role.ADMIN, Level.TUYET_MAT),
                        Signer("admin", sign_private), TrustState("plain", 1, b""))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--page", type=int, default=200, help="rows fetched per search (a screen page)")
    args = ap.parse_args()
    rng = random.Random(7)
    items = synthetic(args.cases, rng)
    qs = queries(random.Random(11), args.queries)

    with tempfile.TemporaryDirectory(dir=os.getcwd()) as tmp:
        tmp = Path(tmp)
        vs = vault_service.create_vault(tmp / "vault", "admin", PASSWORD)
        vs.close()
        unlocks = []
        for _ in range(5):
            t = time.perf_counter()
            vs = vault_service.open_vault(tmp / "vault", "admin", PASSWORD)
            unlocks.append(time.perf_counter() - t)
            vs.close()
        vs = vault_service.open_vault(tmp / "vault", "admin", PASSWORD)
        enc_insert, enc_lat = workload(vs, items, qs, args.page)
        total = cases.count_cases(vs)
        full = []
        for q in qs[:50]:
            t = time.perf_counter()
            cases.list_cases(vs, cases.CaseFilter(search=q))
            full.append(time.perf_counter() - t)
        vs.close()

        plain = plain_session(tmp / "plain.db")
        plain_insert, plain_lat = workload(plain, items, qs, args.page)
        plain.engine.dispose()

    enc_total = enc_insert + sum(enc_lat)
    plain_total = plain_insert + sum(plain_lat)
    print(f"cases in vault: {total}")
    print(f"unlock (Argon2id 64 MiB + open), median of 5: {statistics.median(unlocks):.3f} s "
          f"(target <= 1 s)")
    print(f"insert {args.cases} cases in one transaction: SQLCipher {enc_insert:.2f} s, "
          f"plain SQLite {plain_insert:.2f} s (target <= 20 s)")
    print(f"search ({args.queries} queries, first {args.page} rows): SQLCipher p95 "
          f"{p95(enc_lat) * 1000:.1f} ms, median {statistics.median(enc_lat) * 1000:.1f} ms; "
          f"plain SQLite p95 {p95(plain_lat) * 1000:.1f} ms (target p95 <= 30 ms)")
    print(f"search returning every match (50 queries): p95 {p95(full) * 1000:.1f} ms")
    print(f"SQLCipher / plain SQLite on insert + search: {enc_total:.2f} s / {plain_total:.2f} s = "
          f"{enc_total / plain_total:.2f}x (target <= 1.3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

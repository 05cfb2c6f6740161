"""Issue 13 figures: importing a 100 000-row case list (validated and committed) against
its floor — a bare python-calamine read of the same file plus the same rows' database writes
alone — measured in the same run (target ≤ 1.5×); and a 5 000-row list imported end to end
by the command a user runs, `hoso import FILE` (start, unlock, read, check, commit), target
≤ 2 s.

    python tests/benchmarks/bench_excel_import.py [--rows 100000] [--small 5000] [--wide]
"""

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from desktop.services import importer, vault_service

PARTIES = ["UBND tỉnh Hà Giang", "Sở Xây dựng Hà Nội", "Bộ Tài chính", "Tổng công ty Đường sắt",
           "UBND thành phố Đà Nẵng", "Sở Tài nguyên và Môi trường tỉnh Quảng Ninh"]
TOPICS = ["quản lý, sử dụng đất đai", "đầu tư công", "cổ phần hóa", "khai thác khoáng sản",
          "mua sắm thiết bị y tế"]


def make_file(path: Path, rows: int) -> None:
    """What another department sends: a title row, headers without diacritics, text dates,
    money written as "12,5 tỷ" or "1.234.567"."""
    rng = random.Random(5)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sach")
    sheet.append(["DANH SÁCH CÁC CUỘC THANH TRA"])
    sheet.append([])
    sheet.append(["STT", "Ma ho so", "Ten cuoc thanh tra", "Doi tuong thanh tra", "So QD", "Ngay QD",
                  "Do mat", "Sai pham ve tien", "Don vi chu tri", "Truong doan"])
    start = date(2019, 1, 1)
    for i in range(rows):
        day = start + timedelta(days=rng.randrange(0, 1800))
        money = rng.choice([f"{rng.randrange(1, 99)},{rng.randrange(0, 9)} tỷ",
                            f"{rng.randrange(1, 999_999_999):,}".replace(",", "."), rng.randrange(0, 10**9)])
        sheet.append([i + 1, f"NK-{i:06d}", f"Thanh tra {rng.choice(TOPICS)} tại {rng.choice(PARTIES)}",
                      rng.choice(PARTIES), f"{i % 900 + 1}/QĐ-TTCP", day.strftime("%d/%m/%Y"),
                      rng.choice(["Thường", "Thường", "Mật"]), money, "Cục II", "Nguyễn Văn An"])
    book.save(path)


CONTENTS = ["Việc chấp hành chính sách, pháp luật về quản lý, sử dụng đất đai, giao đất, cho thuê đất",
            "Công tác quản lý đầu tư xây dựng, thực hiện dự án đầu tư công giai đoạn 2019-2023",
            "Việc thực hiện cổ phần hóa, thoái vốn nhà nước tại doanh nghiệp",
            "Công tác cấp phép, quản lý khai thác khoáng sản và bảo vệ môi trường"]


def make_wide_file(path: Path, rows: int) -> None:
    """The same list with every column a case can have (22, as the sector's trackers
    carry): contents, bases, levels, leaders, periods, results, and a note the import
    does not know."""
    rng = random.Random(5)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sach")
    sheet.append(["DANH SÁCH CÁC CUỘC THANH TRA"])
    sheet.append([])
    sheet.append(["STT", "Mã hồ sơ", "Tên cuộc thanh tra", "Đối tượng thanh tra", "Nội dung",
                  "Số QĐ", "Ngày QĐ", "Căn cứ", "Độ mật", "Đơn vị chủ trì", "Lãnh đạo phụ trách",
                  "Trưởng đoàn", "Thời kỳ từ", "Thời kỳ đến", "Sai phạm về tiền", "Sai phạm về đất",
                  "Kiến nghị thu hồi", "Xử lý tổ chức", "Xử lý cá nhân", "Chuyển CQĐT (vụ)",
                  "Chuyển CQĐT (người)", "Ghi chú"])
    start = date(2019, 1, 1)
    for i in range(rows):
        day = start + timedelta(days=rng.randrange(0, 1800))
        sheet.append([i + 1, f"NK-{i:06d}", f"Thanh tra {rng.choice(TOPICS)} tại {rng.choice(PARTIES)}",
                      rng.choice(PARTIES), rng.choice(CONTENTS), f"{i % 900 + 1}/QĐ-TTCP",
                      day.strftime("%d/%m/%Y"), rng.choice(["Theo kế hoạch", "Đột xuất"]),
                      rng.choice(["Thường", "Thường", "Mật"]), "Cục II",
                      rng.choice(["Trần Văn Bình", "Lê Thị Hoa"]), "Nguyễn Văn An",
                      date(day.year - 3, 1, 1), date(day.year - 1, 12, 31),
                      rng.randrange(0, 10**10), round(rng.random() * 5000, 1), rng.randrange(0, 10**9),
                      rng.randrange(0, 5), rng.randrange(0, 20), rng.randrange(0, 2), rng.randrange(0, 4),
                      rng.choice(["", "Đã báo cáo Tổng Thanh tra", "Chờ ý kiến Bộ"])])
    book.save(path)


def bare_read(path: Path) -> int:
    from python_calamine import CalamineWorkbook
    book = CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_index(0).to_python()
    return len(rows)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--small", type=int, default=5_000, help="rows of the end-to-end command")
    ap.add_argument("--wide", action="store_true", help="22 columns instead of 10")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=".") as tmp:
        tmp = Path(tmp)
        source = tmp / "ds.xlsx"
        (make_wide_file if args.wide else make_file)(source, args.rows)
        bare = min(_timed(lambda: bare_read(source))[0] for _ in range(3))
        size = source.stat().st_size
        seconds = float("inf")
        for attempt in range(2):  # best of two, each into a new vault
            vs = vault_service.create_vault(tmp / f"v{attempt}", "admin", "benchmark-password")
            took, counts = _timed(lambda: importer.commit(vs, importer.analyse(vs, source, "cases")))
            seconds = min(seconds, took)
            if attempt:
                rows = written_rows(vs)
            vs.close()
        floor, parts = min(writes_alone(rows, tmp / f"floor{i}") for i in range(2))
        small = tmp / "small.xlsx"
        (make_wide_file if args.wide else make_file)(small, args.small)
        command = min(command_import(small, tmp / f"cli{i}") for i in range(3))
    print(f"file: {args.rows} rows × {22 if args.wide else 10} columns, {size} bytes")
    print(f"bare python-calamine read: {bare:.2f} s")
    print(f"the same rows' database writes alone (prepared tuples, executemany into cases, team, "
          f"events, search index, then commit): {floor:.2f} s")
    print("  " + ", ".join(f"{name} {t:.2f} s" for name, t in parts.items()))
    print(f"import (guard, read, match, validate, compare, commit, audit; best of 2): "
          f"{seconds:.2f} s, {counts}")
    print(f"ratio against the floor (read + writes): {seconds / (bare + floor):.2f}x "
          f"(target <= 1.5x); against the bare read alone: {seconds / bare:.2f}x")
    print(f"`hoso import` of {args.small} rows, end to end (best of 3): {command:.2f} s "
          f"(target <= 2 s)")
    return 0


def command_import(source: Path, vault: Path) -> float:
    """`hoso import FILE --kind cases` as a user runs it, into a new vault (made untimed)."""
    import subprocess
    hoso = [str(Path(sys.executable).with_name("hoso"))]   # the installed command
    password = "benchmark-password\n"
    subprocess.run([*hoso, "init", str(vault), "--admin", "admin", "--password-stdin"],
                   input=password, text=True, check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run([*hoso, "--vault", str(vault), "import", str(source), "--kind", "cases",
                    "--password-stdin"], input=password, text=True, check=True,
                   capture_output=True)
    return time.perf_counter() - started


def written_rows(vs) -> dict[str, list[tuple]]:
    """The rows the import wrote, as the driver returns them."""
    from desktop.storage.repos.cases import INSERT_COLUMNS as _INSERT_COLUMNS
    tables = {"units": "SELECT * FROM units", "staff": "SELECT * FROM staff",
              "cases": f"SELECT {', '.join(_INSERT_COLUMNS)} FROM cases",
              "team_members": "SELECT case_id, staff_id, role FROM team_members",
              "case_events": "SELECT id, case_id, stage, event_date, days, doc_ref, note, "
                             "recorded_by, recorded_at, sealed FROM case_events",
              "case_search": "SELECT rowid, body FROM case_search",
              "case_search_sealed": "SELECT rowid, body FROM case_search_sealed"}
    with vs.uow() as uow:
        cursor = uow.session.connection().connection.driver_connection.cursor()
        return {name: cursor.execute(sql).fetchall() for name, sql in tables.items()}


def writes_alone(data: dict[str, list[tuple]], folder: Path) -> tuple[float, dict[str, float]]:
    """What no import can go below: the rows an import wrote (classified ones sealed, and
    their keyed search rows), inserted as ready tuples
    with the same statements into a fresh vault, timed from the first insert to the end of
    the commit (the importing vault closed first). Units and staff are copied, untimed."""
    from desktop.domain.bulk import collector_paused
    from desktop.storage.repos.cases import INSERT_COLUMNS as _INSERT_COLUMNS
    columns = {"cases": ", ".join(_INSERT_COLUMNS), "team_members": "case_id, staff_id, role",
               "case_events": "id, case_id, stage, event_date, days, doc_ref, note, recorded_by, "
                              "recorded_at, sealed", "case_search": "rowid, body",
               "case_search_sealed": "rowid, body"}
    fresh = vault_service.create_vault(folder, "admin", "benchmark-password")
    try:
        with fresh.uow() as uow:
            cursor = uow.session.connection().connection.driver_connection.cursor()
            for table in ("units", "staff"):
                rows = data[table]
                cursor.execute(f"DELETE FROM {table}")
                if rows:
                    cursor.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})",
                                       rows)
            uow.commit()
        with fresh.uow() as uow, collector_paused():  # as the import runs
            cursor = uow.session.connection().connection.driver_connection.cursor()
            started, parts = time.perf_counter(), {}
            for table, names in columns.items():
                marks = ", ".join("?" * len(names.split(",")))
                step = time.perf_counter()
                cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", data[table])
                parts[table] = time.perf_counter() - step
            step = time.perf_counter()
            uow.commit()
            parts["commit"] = time.perf_counter() - step
            return time.perf_counter() - started, parts
    finally:
        fresh.close()


def _timed(fn):
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


if __name__ == "__main__":
    sys.exit(main())

"""Issue 4 figure: importing a 100 000-row case list (validated and committed) against a
bare python-calamine read of the same file, measured in the same run.

    python tests/benchmarks/bench_excel_import.py [--rows 100000]
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


def bare_read(path: Path) -> int:
    from python_calamine import CalamineWorkbook
    book = CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_index(0).to_python()
    return len(rows)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=".") as tmp:
        tmp = Path(tmp)
        source = tmp / "ds.xlsx"
        make_file(source, args.rows)
        bare = min(_timed(lambda: bare_read(source))[0] for _ in range(3))
        vs = vault_service.create_vault(tmp / "v", "admin", "benchmark-password")
        seconds, counts = _timed(lambda: importer.commit(vs, importer.analyse(vs, source, "cases")))
        vs.close()
    print(f"file: {args.rows} rows, {source.stat().st_size if source.exists() else 0} bytes")
    print(f"bare python-calamine read: {bare:.2f} s")
    print(f"import (guard, read, match, validate, compare, commit, audit): {seconds:.2f} s, {counts}")
    print(f"ratio: {seconds / bare:.2f}x (target <= 3x)")
    return 0


def _timed(fn):
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


if __name__ == "__main__":
    sys.exit(main())

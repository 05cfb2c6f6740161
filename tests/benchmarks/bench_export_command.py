"""Issue 13 figure: `hoso export cases` of 100 000 cases, end to end as a user runs it
(start, unlock, read and format the rows, write the workbook with its title block, styles,
manifest and audit row), against a bare openpyxl write-only write of the same rows, measured
in the same run. Target: ≤ 1.3×.

    python tests/benchmarks/bench_export_command.py [--cases 100000] [--rounds 3]

The vault is a demo vault with synthetic cases (`hoso demo --cases N`), made untimed. The
bare write gets the very rows the export writes (captured from the exporter beforehand, so
their making is not timed): `Workbook(write_only=True)`, one `append` per row, `save`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from desktop.services import demo, exporter, vault_service

HOSO = str(Path(sys.executable).with_name("hoso"))


def exported_rows(vault: Path, out: Path) -> list[tuple]:
    """The rows export_cases writes, as values (its writer swapped for a list)."""
    vs = vault_service.open_vault(vault, "admin", demo.DEMO_PASSWORD)
    rows: list[tuple] = []
    real = exporter.write_register

    def capture(path, **kw):
        rows.extend(kw["rows"])
        return len(rows)
    exporter.write_register = capture
    try:
        exporter.export_cases(vs, out, reason="benchmark")
    finally:
        exporter.write_register = real
        vs.close()
    return rows


def bare_write(rows: list[tuple], path: Path) -> float:
    started = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Hồ sơ")
    for row in rows:
        ws.append(row)
    wb.save(path)
    return time.perf_counter() - started


def command(vault: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([HOSO, "--vault", str(vault), "--user", "admin", "--password-stdin",
                    "export", "cases", str(out), "--reason", "benchmark"],
                   input=demo.DEMO_PASSWORD + "\n", text=True, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        vault = tmp / "v"
        subprocess.run([HOSO, "demo", str(vault), "--cases", str(args.cases), "--password-stdin"],
                       input=demo.DEMO_PASSWORD + "\n", text=True, check=True,
                       capture_output=True)
        rows = exported_rows(vault, tmp / "capture.xlsx")
        bare, cli = [], []
        for i in range(args.rounds):   # interleaved: both see the same machine state
            bare.append(bare_write(rows, tmp / f"bare{i}.xlsx"))
            cli.append(command(vault, tmp / f"export{i}.xlsx"))
        size = max(p.stat().st_size for p in tmp.glob("*export*.xlsx"))
    print(f"rows: {len(rows)} × {len(rows[0])} columns; exported file {size / 1e6:.1f} MB")
    print(f"bare openpyxl write-only write of the same rows: best {min(bare):.2f} s "
          f"({', '.join(f'{t:.2f}' for t in bare)})")
    print(f"`hoso export cases`, end to end: best {min(cli):.2f} s "
          f"({', '.join(f'{t:.2f}' for t in cli)})")
    print(f"ratio: {min(cli) / min(bare):.2f}x (target <= 1.3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

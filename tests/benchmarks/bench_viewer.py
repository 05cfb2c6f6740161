"""Issue 6 figure: opening a ~20 MB PDF in the built-in viewer takes ≤ 1 s.

A PDF of about --size-mb MB is made with QPdfWriter (pages of photographic-like noise,
which no compression shrinks), stored as a Mật document in a fresh vault, then opened
the way the viewer opens it, --rounds times:

  read     documents.read_content: unwrap the key, decrypt and authenticate every 64 KiB
           chunk, check the SHA-256, write the audit row
  load     QPdfDocument.load(QBuffer) from memory (no file)
  render   the first page rendered at A4, 150 dpi (1240 × 1754)
  total    the three together (the target: ≤ 1 s)

and once through the real viewer window (DocumentViewer: the worker thread, the signal
back, the page drawn by QPdfView) as a check that the widgets add little.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_viewer.py [--size-mb 20]
        [--rounds 5] [--dir ./bench-viewer] [--keep]
"""

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings, QSize  # noqa: E402
from PySide6.QtGui import QImage, QPageSize, QPainter, QPdfWriter  # noqa: E402
from PySide6.QtPdf import QPdfDocument  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.domain.levels import Level  # noqa: E402
from desktop.services import documents, vault_service  # noqa: E402

MB = 1024 * 1024
PASSWORD = "mat-khau-bench-viewer"
TARGET_S = 1.0


def _pdf(pages: int, side: int = 900) -> bytes:
    """A4 pages, each with a side × side noise image (JPEG/Flate cannot shrink it)."""
    noise = os.urandom(side * side * 3 + 7919 * pages)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        start = page * 7919
        image = QImage(noise[start:start + side * side * 3], side, side, side * 3,
                       QImage.Format.Format_RGB888).copy()
        painter.drawText(100, 100, f"Trang {page + 1} – tài liệu thử tốc độ")
        painter.drawImage(100, 150, image)
    painter.end()
    return bytes(buffer.data())


def make_pdf(size_mb: float) -> bytes:
    """A PDF of at least size_mb MB."""
    per_page = len(_pdf(2)) / 2
    return _pdf(max(1, int(size_mb * MB / per_page) + 1))


def open_once(vs, doc_id: int) -> dict:
    t0 = time.perf_counter()
    data, mime, _name = documents.read_content(vs, doc_id)
    t1 = time.perf_counter()
    array = QByteArray(data)
    del data
    buffer = QBuffer()
    buffer.setData(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    pdf = QPdfDocument()
    pdf.load(buffer)
    status = pdf.status()
    t2 = time.perf_counter()
    image = pdf.render(0, QSize(1240, 1754))
    t3 = time.perf_counter()
    assert mime == "application/pdf" and status == QPdfDocument.Status.Ready and not image.isNull()
    pages = pdf.pageCount()
    pdf.close()
    buffer.close()
    return {"read": t1 - t0, "load": t2 - t1, "render": t3 - t2, "total": t3 - t0, "pages": pages}


def viewer_once(app, vault_path: Path, workdir: Path, doc_id: int) -> float:
    from desktop.ui.context import AppContext
    from desktop.ui.documents.document_viewer import DocumentViewer
    from desktop.ui.settings import Settings
    from desktop.ui.tasks import TaskRunner
    settings = Settings(QSettings(str(workdir / "hoso.ini"), QSettings.Format.IniFormat))
    runner = TaskRunner()
    ctx = AppContext(settings, runner, "vi", vault_path)
    ctx.set_session(vault_service.open_vault(vault_path, "admin", PASSWORD))
    runner.run(lambda control: None)  # the worker thread is up, as in the program
    runner.wait()
    try:
        t0 = time.perf_counter()
        viewer = DocumentViewer(ctx, doc_id)
        viewer.resize(900, 1000)
        viewer.show()
        while viewer.state == "loading":
            app.processEvents()
            time.sleep(0.001)
        viewer.pdf_view.grab()  # the first page drawn
        elapsed = time.perf_counter() - t0
        assert viewer.state == "pdf", viewer.message.text()
        viewer.close()
        return elapsed
    finally:
        ctx.lock()
        runner.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=20.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="bench-viewer-", dir=Path.cwd()))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        pdf = make_pdf(args.size_mb)
        print(f"PDF: {len(pdf) / MB:.1f} MB made in {time.perf_counter() - t:.1f} s")
        vault_path = workdir / "vault"
        vs = vault_service.create_vault(vault_path, "admin", PASSWORD, "Quản trị")
        row = documents.add_document(vs, documents.DocumentInput(
            number="01/BENCH", doc_type="KL", level=Level.MAT, doc_date=date.today()),
            io.BytesIO(pdf), file_name="bench.pdf")
        del pdf
        open_once(vs, row.id)  # warm-up: Qt's PDF engine, the page cache, the level key
        runs = [open_once(vs, row.id) for _ in range(args.rounds)]
        vs.close()
        pages = runs[0]["pages"]
        print(f"{pages} pages, {args.rounds} rounds (median, best):")
        for key in ("read", "load", "render", "total"):
            values = [r[key] for r in runs]
            print(f"  {key:<7} {statistics.median(values) * 1000:8.0f} ms"
                  f"  {min(values) * 1000:8.0f} ms")
        total = statistics.median(r["total"] for r in runs)
        through = viewer_once(app, vault_path, workdir, row.id)
        print(f"  viewer window (worker, signal, first page drawn): {through * 1000:.0f} ms")
        verdict = "OK" if total <= TARGET_S and through <= TARGET_S else "TOO SLOW"
        print(f"target ≤ {TARGET_S:.1f} s: {verdict}")
        return 0 if verdict == "OK" else 1
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

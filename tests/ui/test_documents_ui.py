"""Documents in the GUI, on a real encrypted vault: attaching files to a case (the dialog,
a drop on the documents tab, a new version), the viewer (PDF from memory, text, the
refusal for a user below the level, print and the decrypted copy, both audited), the
"Tài liệu mật" page (registers, statistics, search, Excel export of forms 14/15) and the
dashboard's documents whose protection period ends within 60 days.

All database work runs on the worker as in the program; the tests wait for it."""

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QPainter, QPageSize, QPdfWriter
from PySide6.QtPdf import QPdfDocument

from desktop.domain.levels import Level, Role
from desktop.domain.state_secrets import Direction
from desktop.services import audit_log, cases, documents, users, vault_service
from desktop.ui import errors
from desktop.ui.context import AppContext
from desktop.ui.documents.document_viewer import DocumentViewer
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner
from desktop.ui.cases.case_view import CaseView
from desktop.ui.review.dashboard import DashboardPage
from desktop.ui.documents.documents import DocumentsPage
from tests.conftest import PASSWORD

WAIT = 30_000
CASE = "HS-TL-01"
LOW_USER, LOW_PW = "thuong", "mat-khau-nguoi-thuong"
TEXT = "Biên bản làm việc với Đoàn thanh tra.\nĐường giao thông liên xã – nội dung MẬT.\n"


# --- fixtures ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def vault_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("documents-ui") / "vault"
    vs = vault_service.create_vault(path, "admin", PASSWORD, "Quản trị")
    cases.add_case(vs, cases.CaseInput(code=CASE, title="Thanh tra việc quản lý đất đai",
                                       inspected_party="UBND tỉnh Lạng Sơn"))
    users.add_user(vs, LOW_USER, Role.INSPECTOR, Level.THUONG, LOW_PW)
    vs.close()
    return path


@pytest.fixture
def shown_errors(monkeypatch):
    """Error dialogs the widgets would show; none is expected."""
    seen: list[BaseException] = []
    monkeypatch.setattr(errors, "show", lambda parent, exc, lang="vi": seen.append(exc))
    yield seen
    assert not seen, [errors.describe(e, "vi") for e in seen]


def _context(tmp_path, vault_path, user, password, seen, name="hoso.ini"):
    settings = Settings(QSettings(str(tmp_path / name), QSettings.Format.IniFormat))
    runner = TaskRunner()
    runner.on_error = seen.append
    ctx = AppContext(settings, runner, "vi", vault_path)
    ctx.set_session(vault_service.open_vault(vault_path, user, password))
    return ctx


@pytest.fixture
def ctx(qtbot, vault_path, tmp_path, shown_errors):
    context = _context(tmp_path, vault_path, "admin", PASSWORD, shown_errors)
    yield context
    context.lock()
    context.runner.wait()


@pytest.fixture
def low_ctx(qtbot, vault_path, tmp_path, shown_errors):
    context = _context(tmp_path, vault_path, LOW_USER, LOW_PW, shown_errors, "low.ini")
    yield context
    context.lock()
    context.runner.wait()


@pytest.fixture
def keep():
    """Widgets closed after the model tester has let go of their models."""
    import shiboken6
    widgets = []
    yield widgets
    for widget in widgets:
        if shiboken6.isValid(widget):  # viewers delete themselves when closed
            widget.close()
            widget.deleteLater()


def idle(qtbot, ctx):
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=WAIT)


def pdf_bytes(pages: int = 1, text: str = "Ket luan thanh tra") -> bytes:
    """A real PDF made with Qt in memory."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    for page in range(pages):
        if page:
            writer.newPage()
        painter.drawText(72, 72, f"{text} – trang {page + 1}")
    painter.end()
    return bytes(buffer.data())


def source_file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "nguon" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def add_doc(vault_path, number, level=Level.MAT, direction=Direction.INCOMING, data=None,
            name="tai-lieu.txt", **fields):
    """A document added through the service (the setup of tests about other things)."""
    vs = vault_service.open_vault(vault_path, "admin", PASSWORD)
    try:
        source = None
        if data is not None:
            import io
            source = io.BytesIO(data)
        return documents.add_document(vs, documents.DocumentInput(
            number=number, doc_type="BB", level=level, case_code=CASE, doc_date=date.today(),
            issuer="Đoàn thanh tra", summary="Trích yếu " + number, direction=direction,
            **fields), source, file_name=name if data is not None else None)
    finally:
        vs.close()


def audit(vault_path, action):
    vs = vault_service.open_vault(vault_path, "admin", PASSWORD)
    try:
        with vs.uow() as uow:
            return audit_log.entries(uow.session, action=action)
    finally:
        vs.close()


def case_view(qtbot, ctx, keep) -> CaseView:
    view = CaseView(ctx)
    keep.append(view)
    view.resize(1100, 760)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.load(CASE)
    view.tabs.setCurrentIndex(view.documents_tab)
    return view


def rows_of(model):
    return [model.row(r) for r in range(model.rowCount())]


def wait_viewer(qtbot, viewer: DocumentViewer) -> DocumentViewer:
    qtbot.waitUntil(lambda: viewer.state != "loading", timeout=WAIT)
    return viewer


# --- attaching, through the GUI -------------------------------------------------------------

def test_attach_a_text_and_a_pdf_then_view_them_from_memory(qtbot, ctx, keep, tmp_path,
                                                            qtmodeltester, monkeypatch):
    view = case_view(qtbot, ctx, keep)
    panel = view.documents_panel
    before = panel.model.rowCount()
    assert panel.add_button.isEnabled()

    # a text file, by the "Thêm tài liệu…" dialog
    text_path = source_file(tmp_path, "bien-ban.txt", TEXT.encode("utf-8"))
    dialog = panel.add_document()
    assert dialog.isVisible() and dialog.objectName() == "addDocumentDialog"
    # levels offered: up to the user's clearance (the administrator: every level)
    assert [dialog.level.itemData(i) for i in range(dialog.level.count())] == [0, 1, 2, 3]
    dialog.submit()  # no number: said in the dialog, nothing stored
    assert dialog.isVisible() and "số, ký hiệu" in dialog.message.text()
    dialog.set_file(text_path)
    dialog.doc_type.setEditText("BB")
    dialog.number.setText("01/BB-ĐTT")
    dialog.issuer.setText("Đoàn thanh tra")
    dialog.summary.setPlainText("Biên bản làm việc với UBND tỉnh")
    dialog.level.setCurrentIndex(dialog.level.findData(int(Level.MAT)))
    dialog.direction.setCurrentIndex(dialog.direction.findData(Direction.INCOMING.value))
    assert dialog.sender.isVisibleTo(dialog) and not dialog.signer.isVisibleTo(dialog)
    dialog.sender.setText("UBND tỉnh Lạng Sơn")
    dialog.note.setText("bản chụp")
    with qtbot.waitSignal(dialog.added, timeout=WAIT) as added:
        dialog.submit()
    row = added.args[0]
    assert not dialog.isVisible()
    assert row.level == Level.MAT and row.direction is Direction.INCOMING and row.reg_seq
    qtbot.waitUntil(lambda: panel.model.rowCount() == before + 1 and not panel.loading,
                    timeout=WAIT)
    listed = {r.number: r for r in rows_of(panel.model)}
    assert listed["01/BB-ĐTT"].file_name == "bien-ban.txt" and listed["01/BB-ĐTT"].cleared
    assert view.tabs.tabText(view.documents_tab) == f"Tài liệu ({before + 1})"
    assert panel.current().number == "01/BB-ĐTT"  # the new document is selected

    # a PDF, dropped on the documents tab: the dialog opens with the file
    pdf = pdf_bytes(3)
    pdf_path = source_file(tmp_path, "ket-luan.pdf", pdf)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf_path))])
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(drop)
    assert drop.isAccepted()
    dialog = panel.dialog
    assert dialog.isVisible() and dialog.file_edit.text() == str(pdf_path)
    dialog.doc_type.setEditText("KL")
    dialog.number.setText("02/KL-TTCP")
    dialog.level.setCurrentIndex(dialog.level.findData(int(Level.MAT)))
    dialog.direction.setCurrentIndex(dialog.direction.findData(Direction.OUTGOING.value))
    dialog.signer.setText("Tổng Thanh tra")
    dialog.recipient.setText("Thủ tướng Chính phủ")
    with qtbot.waitSignal(dialog.added, timeout=WAIT):
        dialog.submit()
    qtbot.waitUntil(lambda: panel.model.rowCount() == before + 2 and not panel.loading,
                    timeout=WAIT)
    pdf_row = next(r for r in rows_of(panel.model) if r.number == "02/KL-TTCP")
    assert pdf_row.mime_type == "application/pdf"

    # its versions: who, when, size, short SHA-256, note
    assert panel.select(pdf_row.id)
    qtbot.waitUntil(lambda: panel.versions_model.rowCount() == 1, timeout=WAIT)
    cells = [panel.versions_model.index(0, c).data() for c in range(7)]
    import hashlib
    digest = hashlib.sha256(pdf).hexdigest()
    assert cells[0] == "1" and cells[1] == "ket-luan.pdf" and cells[3] == "admin"
    assert cells[5] == digest[:12] + "…"
    assert panel.versions_model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole) == digest

    # a new version keeps the old one
    second = source_file(tmp_path, "ket-luan-ky.pdf", pdf_bytes(2, "Ban da ky"))
    version_dialog = panel.new_version(second)
    version_dialog.note.setText("bản đã ký")
    with qtbot.waitSignal(version_dialog.added, timeout=WAIT):
        version_dialog.submit()
    qtbot.waitUntil(lambda: panel.versions_model.rowCount() == 2, timeout=WAIT)
    newest = panel.versions_model.row(0)
    assert newest.version == 2 and newest.note == "bản đã ký"
    assert panel.versions_model.row(1).sha256 == digest
    for model in (panel.model, panel.versions_model):
        qtmodeltester.check(model)

    # the viewer: the PDF from memory — no temporary file anywhere
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    temp_before = set(os.listdir(tempfile.gettempdir()))
    panel.select(pdf_row.id)
    viewer = wait_viewer(qtbot, panel.open_selected())
    keep.append(viewer)
    assert viewer.state == "pdf", viewer.message.text()
    assert viewer.pdf.status() == QPdfDocument.Status.Ready and viewer.pdf.pageCount() == 2
    assert viewer.mark.text() == "MẬT" and viewer.mark.isVisibleTo(viewer)
    assert "color: #c00000" in viewer.mark.styleSheet()
    assert "phiên bản 2" in viewer.facts.text()
    assert set(os.listdir(tempfile.gettempdir())) == temp_before
    assert not list(private_tmp.iterdir())
    viewer.close()

    # an older version, from the version list
    panel.versions.selectRow(1)
    old = wait_viewer(qtbot, panel.open_version())
    keep.append(old)
    assert old.state == "pdf" and old.pdf.pageCount() == 3 and "phiên bản 1" in old.facts.text()
    old.close()

    # the text, decoded, read-only
    panel.select(listed["01/BB-ĐTT"].id)
    text_viewer = wait_viewer(qtbot, panel.open_selected())
    keep.append(text_viewer)
    assert text_viewer.state == "text"
    assert text_viewer.text_view.toPlainText() == TEXT
    assert text_viewer.text_view.isReadOnly()
    assert not list(private_tmp.iterdir())
    assert len(audit(view.ctx.vault_path, "doc.open")) >= 3


def test_copying_classified_text_goes_through_the_clearing_clipboard(qtbot, ctx, keep, vault_path):
    row = add_doc(vault_path, "05/BB-ĐTT", data=TEXT.encode("utf-8"), name="ghi-chep.txt")
    viewer = wait_viewer(qtbot, DocumentViewer(ctx, row.id))
    keep.append(viewer)
    viewer.show()
    assert viewer.state == "text"
    text = viewer.text_view
    text.selectAll()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(text, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == TEXT
    assert ctx._clipboard_text == TEXT and ctx._clipboard_timer.isActive()
    # Qt's own copy path (drag, X11 selection) carries nothing of it
    assert not text.createMimeDataFromSelection().hasText()
    ctx._clear_clipboard()
    assert QGuiApplication.clipboard().text() == ""


# --- refusals, print, export ----------------------------------------------------------------

def test_a_user_below_the_level_sees_the_row_but_opening_is_refused(qtbot, low_ctx, keep,
                                                                   vault_path):
    row = add_doc(vault_path, "07/BB-ĐTT", data=TEXT.encode("utf-8"), name="mat.txt")
    view = case_view(qtbot, low_ctx, keep)
    panel = view.documents_panel
    listed = next(r for r in rows_of(panel.model) if r.id == row.id)
    assert not listed.cleared and listed.summary is None and listed.file_name is None
    r = rows_of(panel.model).index(listed)
    assert [panel.model.index(r, c).data() for c in range(4)] == [
        "", "BB", date.today().strftime("%d/%m/%Y"), "Mật"]  # the number is sealed too
    assert panel.model.index(r, 5).data() == "(không đủ độ mật)"
    assert panel.select(row.id)
    assert not panel.version_button.isEnabled() and not panel.export_button.isEnabled()
    assert panel.open_button.isEnabled()
    viewer = wait_viewer(qtbot, panel.open_selected())
    keep.append(viewer)
    assert viewer.state == "refused"
    expected = errors.describe(viewer.error, "vi")
    assert viewer.message.text() == expected and "không đủ độ mật" in expected
    assert viewer.mark.text() == "MẬT" and "07/BB-ĐTT" not in viewer.heading.text()
    assert not viewer.export_button.isEnabled() and not viewer.print_button.isEnabled()
    assert viewer.text_view.toPlainText() == ""
    denied = audit(vault_path, "doc.denied")
    assert any(e.user == LOW_USER and e.target == f"doc:{row.id}" for e in denied)
    # nor can the user store a Mật document: the level list stops at Thường
    dialog = panel.add_document()
    assert [dialog.level.itemText(i) for i in range(dialog.level.count())] == ["Thường"]
    dialog.reject()


def test_printing_is_recorded_by_the_service_and_pages_carry_the_mark(qtbot, ctx, keep,
                                                                      vault_path):
    row = add_doc(vault_path, "08/KL-TTCP", direction=Direction.OUTGOING, data=pdf_bytes(2),
                  name="in.pdf")
    viewer = wait_viewer(qtbot, DocumentViewer(ctx, row.id))
    keep.append(viewer)
    assert viewer.state == "pdf" and viewer.print_button.isEnabled()
    painted = []
    with qtbot.waitSignal(viewer.printed, timeout=WAIT) as printed:
        viewer.record_print(2, lambda: painted.append(True))
    assert printed.args == [2] and painted == [True]
    entry = next(e for e in audit(vault_path, "doc.print") if e.target == f"doc:{row.id}")
    assert entry.user == "admin"
    # what would go to the printer: every page, with the mark (into memory here)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(72)
    assert viewer.paint_to(writer) == 2
    assert bytes(buffer.data()).startswith(b"%PDF")


def test_the_decrypted_copy_needs_a_reason_and_gets_the_level_prefix(qtbot, ctx, keep,
                                                                     vault_path, tmp_path):
    data = TEXT.encode("utf-8")
    row = add_doc(vault_path, "09/BB-ĐTT", data=data, name="xuat.txt")
    viewer = wait_viewer(qtbot, DocumentViewer(ctx, row.id))
    keep.append(viewer)
    dialog = viewer.export_copy()
    out = tmp_path / "ra"
    out.mkdir()
    dialog.folder.setText(str(out))
    dialog.submit()  # no reason: said inline, nothing written
    assert dialog.error.isVisibleTo(dialog) and "lý do" in dialog.error.text()
    assert not list(out.iterdir()) and dialog.handle is None
    dialog.reason.setText("Gửi Vụ Pháp chế theo yêu cầu")
    with qtbot.waitSignal(viewer.exported, timeout=WAIT) as exported:
        dialog.submit()
    written = Path(exported.args[0])
    assert written.parent == out and written.name == "MAT_xuat.txt"
    assert written.read_bytes() == data and dialog.result_path == written
    entry = next(e for e in audit(vault_path, "doc.export") if e.target == f"doc:{row.id}")
    assert entry.detail["reason"] == "Gửi Vụ Pháp chế theo yêu cầu"


def test_other_types_can_only_be_exported(qtbot, ctx, keep, vault_path):
    row = add_doc(vault_path, "10/BB-ĐTT", level=Level.THUONG, data=b"PK\x03\x04 not shown",
                  name="bang-tinh.xlsx")
    viewer = wait_viewer(qtbot, DocumentViewer(ctx, row.id))
    keep.append(viewer)
    viewer.show()
    assert viewer.state == "other"
    assert "xuất bản giải mã" in viewer.message.text()
    assert viewer.message_export.isVisibleTo(viewer) and viewer.export_button.isEnabled()
    assert not viewer.mark.isVisibleTo(viewer)  # an ordinary document has no mark
    # the vault locks: the viewer closes and forgets what it showed
    with qtbot.waitSignal(viewer.finished, timeout=WAIT):
        ctx.lock()


# --- the "Tài liệu mật" page -------------------------------------------------------------------

def test_registers_list_the_documents_and_export_forms_14_and_15(qtbot, ctx, keep, vault_path,
                                                                 tmp_path, qtmodeltester):
    incoming = add_doc(vault_path, "11/CV-UBND", direction=Direction.INCOMING,
                       data=("Công văn về đường giao thông nông thôn " * 5).encode("utf-8"),
                       name="cong-van.txt", received_date=date.today(), sender="UBND tỉnh")
    outgoing = add_doc(vault_path, "12/KL-TTCP", direction=Direction.OUTGOING,
                       data=pdf_bytes(1), name="kl.pdf", recipient="Thủ tướng Chính phủ",
                       signer="Tổng Thanh tra")
    page = DocumentsPage(ctx)
    keep.append(page)
    page.resize(1200, 760)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.stats is not None and not page.loading, timeout=WAIT)
    year = date.today().year
    assert page.year.value() == year
    numbers_in = [r.number for r in rows_of(page.models["incoming"])]
    numbers_out = [r.number for r in rows_of(page.models["outgoing"])]
    assert "11/CV-UBND" in numbers_in and "12/KL-TTCP" in numbers_out
    assert page.models["incoming"].index(numbers_in.index("11/CV-UBND"), 2).data() == "UBND tỉnh"
    assert page.counts["incoming"].text().startswith(f"Năm {year}:")
    stats = {line.level: line for line in rows_of(page.stats_model)}
    assert stats[Level.MAT].incoming >= 1 and stats[Level.MAT].outgoing >= 1
    for model in (*page.models.values(), page.stats_model):
        qtmodeltester.check(model)

    # export form 14: a reason is required for a classified register
    dialog = page.export_register("outgoing")
    target = tmp_path / "so-di.xlsx"
    dialog.path.setText(str(target))
    dialog.submit()
    assert dialog.error.isVisibleTo(dialog) and "lý do" in dialog.error.text()
    dialog.reason.setText("Báo cáo Ban Bảo vệ bí mật nhà nước")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=WAIT)
    written = dialog.result.path
    assert written.name == "MAT_so-di.xlsx" and written.exists()
    book = load_workbook(written, read_only=True)
    sheet = book.worksheets[0]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    book.close()
    assert "SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐI" in cells
    assert "MẬT" in " ".join(cells) and "12/KL-TTCP" in cells and "Thủ tướng Chính phủ" in cells
    entry = next(e for e in audit(vault_path, "export.register") if e.target == written.name)
    assert entry.detail["reason"] == "Báo cáo Ban Bảo vệ bí mật nhà nước"

    # form 15
    dialog = page.export_register("incoming")
    dialog.path.setText(str(tmp_path / "so-den.xlsx"))
    dialog.reason.setText("Lưu trữ")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=WAIT)
    book = load_workbook(dialog.result.path, read_only=True)
    cells = [str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row
             if c is not None]
    book.close()
    assert "SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐẾN" in cells and "11/CV-UBND" in cells

    # a double-click opens the viewer
    table = page.tables["incoming"]
    r = numbers_in.index("11/CV-UBND")
    table.selectRow(page.proxies["incoming"].mapFromSource(page.models["incoming"].index(r, 0)).row())
    viewer = wait_viewer(qtbot, page.open_selected("incoming"))
    keep.append(viewer)
    assert viewer.state == "text" and viewer.doc_id == incoming.id

    # full-text search, without diacritics: a snippet, and the viewer from the hit
    page.tabs.setCurrentIndex(page.search_tab)
    page.search.setText("duong giao thong nong thon")
    page.run_search()
    qtbot.waitUntil(lambda: page.search_model.rowCount() > 0, timeout=WAIT)
    hit = page.search_model.row(0)
    assert hit.row.id == incoming.id and "đường giao thông" in hit.snippet.lower()
    assert "1 tài liệu" in page.search_summary.text()
    qtmodeltester.check(page.search_model)
    page.search_table.selectRow(0)
    viewer = wait_viewer(qtbot, page.open_selected("search"))
    keep.append(viewer)
    assert viewer.doc_id == incoming.id and viewer.state == "text"
    assert outgoing.id != incoming.id


# --- the dashboard ---------------------------------------------------------------------------

def test_the_dashboard_lists_documents_whose_protection_ends_within_60_days(qtbot, ctx, keep,
                                                                           vault_path,
                                                                           qtmodeltester):
    row = add_doc(vault_path, "13/BC-TTCP", direction=Direction.INTERNAL,
                  classified_on=date(2016, 7, 1))
    assert row.protection_until is not None
    page = DashboardPage(ctx)
    keep.append(page)
    page.as_of = row.protection_until - timedelta(days=30)
    page.resize(1200, 800)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: not page.loading, timeout=WAIT)
    box = page.expiring_box
    listed = rows_of(box.model)
    mine = next(r for r in listed if r.document_id == row.id)
    assert mine.days_left == 30
    r = listed.index(mine)
    assert box.model.index(r, 0).data() == "13/BC-TTCP"
    assert box.model.index(r, 1).data() == (
        f"{row.protection_until.strftime('%d/%m/%Y')} (còn 30 ngày)")
    assert "sắp hết thời hạn bảo vệ" in box.summary.text()
    assert box.title() == "Tài liệu sắp hết thời hạn bảo vệ (60 ngày)"
    qtmodeltester.check(box.model)
    # 61 days before, it is not listed
    page.as_of = row.protection_until - timedelta(days=61)
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=WAIT)
    assert row.id not in [r.document_id for r in rows_of(box.model)]

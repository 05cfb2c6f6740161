"""The import wizard, the export dialog and the backup against a real encrypted vault:
driven page by page as a user would, with every read of the file and every use of the
vault on the worker thread; the vault is checked through the services afterwards."""

import threading
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from desktop.domain.levels import Level
from desktop.services import audit_browse, cases, vault_service
from desktop.ui import errors
from desktop.ui.context import AppContext
from desktop.ui.admin import backup_dialog
from desktop.ui.admin.backup_dialog import run_backup
from desktop.ui.exchange.export_dialog import ExportDialog
from desktop.ui.exchange.import_wizard import (PAGE_DONE, PAGE_FILE, PAGE_KIND, PAGE_MAPPING,
                                              PAGE_PREVIEW, ImportWizard)
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner
from tests.conftest import PASSWORD

WAIT = 30_000
SHOTS = Path("/tmp")


@pytest.fixture
def shown_errors(monkeypatch):
    """Error dialogs the dialogs would show; a test expecting one empties the list."""
    seen: list[BaseException] = []
    monkeypatch.setattr(errors, "show", lambda parent, exc, lang="vi": seen.append(exc))
    yield seen
    assert not seen, [errors.describe(e, "vi") for e in seen]


@pytest.fixture
def vault_path(tmp_path):
    path = tmp_path / "vault"
    vs = vault_service.create_vault(path, "admin", PASSWORD, "Quản trị")
    # an existing case the file updates (its title changes)
    cases.add_case(vs, cases.CaseInput(code="TT-03/2024", title="Thanh tra công ty C",
                                       inspected_party="Công ty C", decision_date=date(2024, 8, 1)))
    vs.close()
    return path


@pytest.fixture
def ctx(qtbot, tmp_path, vault_path, shown_errors):
    """As Launcher._open_main builds it."""
    settings = Settings(QSettings(str(tmp_path / "hoso.ini"), QSettings.Format.IniFormat))
    runner = TaskRunner()
    runner.on_error = shown_errors.append
    context = AppContext(settings, runner, "vi", vault_path)
    context.set_session(vault_service.open_vault(vault_path, "admin", PASSWORD))
    yield context
    context.lock()
    runner.wait()


def idle(qtbot, ctx):
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=WAIT)


def service_session(ctx):
    """The vault from the test thread, once the worker is idle."""
    ctx.runner.wait()
    return ctx.session


def hand_made(path: Path) -> Path:
    """A department's own register: a title row, headers without diacritics in their own
    order, a text date, money in words, one impossible date."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sach"
    ws.append(["DANH SACH CAC CUOC THANH TRA NAM 2024"])
    ws.merge_cells("A1:G1")
    ws.append([])
    ws.append(["Ten cuoc thanh tra", "Ngay quyet dinh", "Ghi chu rieng", "Ma ho so",
               "Sai pham tien (dong)", "Doi tuong thanh tra", "Do mat"])
    ws.append(["Thanh tra công ty A", "08/7/2024", "", "TT-01/2024", "12,5 tỷ", "Công ty A", ""])
    ws.append(["Thanh tra công ty B", "31/02/2024", "", "TT-02/2024", 1000, "Công ty B", ""])
    ws.append(["Thanh tra công ty C (tên mới)", "01/08/2024", "gọi lại", "TT-03/2024", None,
               "Công ty C", ""])
    wb.save(path)
    return path


def open_wizard(qtbot, ctx) -> ImportWizard:
    wizard = ImportWizard(ctx)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # the test looks after closing
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def next_page(qtbot, ctx, wizard, expected: int) -> None:
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == expected, timeout=WAIT)
    idle(qtbot, ctx)


def shot(widget, name: str) -> None:
    widget.grab().save(str(SHOTS / f"import-{name}.png"))


def test_wizard_imports_a_hand_made_file(qtbot, ctx, tmp_path, qtmodeltester):
    source = hand_made(tmp_path / "so theo doi.xlsx")
    seen_changes = []
    ctx.data_changed.connect(seen_changes.append)
    wizard = open_wizard(qtbot, ctx)
    page = wizard.file_page
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()  # no file yet
    shot(wizard, "1-file")
    page.path.setText(str(source))
    next_page(qtbot, ctx, wizard, PAGE_KIND)

    # the kind: guessed from the columns; the year only for plan items
    assert wizard.kind_page.buttons["cases"].isChecked()
    assert "Cuộc thanh tra" in wizard.kind_page.guess.text()
    assert not wizard.kind_page.year.isEnabled()
    wizard.kind_page.set_kind("plan")
    assert wizard.kind_page.year.isEnabled()
    wizard.kind_page.set_kind("cases")
    shot(wizard, "2-kind")
    next_page(qtbot, ctx, wizard, PAGE_MAPPING)

    # the mapping: matched by itself, headers without accents in their own order
    model = wizard.mapping_page.model
    qtmodeltester.check(model)
    assert model.columns() == {"title": 0, "decision_date": 1, "code": 3, "violation_money": 4,
                               "inspected_party": 5, "level": 6}
    texts = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert texts["Mã hồ sơ *"] == "D · Ma ho so"
    assert texts["Tên cuộc thanh tra *"] == "A · Ten cuoc thanh tra"
    assert texts["Nội dung"] == "— không nhập —"
    assert "C “Ghi chu rieng”" in wizard.mapping_page.unused.text()
    # a correction: the required code unmapped blocks Next; mapping it back frees it
    model.set_column("code", -1)
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    assert "Mã hồ sơ" in wizard.mapping_page.message.text()
    model.set_column("code", 3)
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()
    # taking a column another field has moves it
    model.set_column("content", 2)
    model.set_column("content", -1)
    qtmodeltester.check(model)
    shot(wizard, "3-mapping")
    next_page(qtbot, ctx, wizard, PAGE_PREVIEW)

    # the preview: counts, the update with its cell-level change, the rejected cell
    preview = wizard.preview_page
    assert preview.counts["insert"].text() == "Thêm mới: 1"
    assert preview.counts["update"].text() == "Cập nhật: 1"
    assert preview.counts["reject"].text() == "Bị loại: 1"
    for rows_model in (preview.problem_model, preview.update_model, preview.insert_model):
        qtmodeltester.check(rows_model)
    problems = preview.problem_model
    assert problems.rowCount() == 1
    assert problems.index(0, 0).data() == "Danh sach"
    assert problems.index(0, 1).data() == "B5"
    assert "31/02/2024" in problems.index(0, 2).data()
    updates = preview.update_model
    assert updates.index(0, 1).data() == "TT-03/2024"
    assert "Tên cuộc thanh tra: Thanh tra công ty C → Thanh tra công ty C (tên mới)" \
        in updates.index(0, 2).data()
    assert preview.insert_model.index(0, 1).data() == "TT-01/2024"
    # every value of the new row, as it will be stored (part 4 of issue 13)
    inserts = preview.insert_model
    shown = {inserts.headerData(c, Qt.Orientation.Horizontal): inserts.index(0, c).data()
             for c in range(inserts.columnCount())}
    assert shown["Ngày quyết định"] == "08/07/2024"
    assert shown["Sai phạm tiền (đồng)"] == "12.500.000.000"
    assert shown["Đối tượng thanh tra"] == "Công ty A"
    assert shown["Tên cuộc thanh tra"] == "Thanh tra công ty A"
    updated = {updates.headerData(c, Qt.Orientation.Horizontal): updates.index(0, c).data()
               for c in range(updates.columnCount())}
    assert updated["Ngày quyết định"] == "01/08/2024"
    # rejected rows and no "skip": the import cannot go on
    commit_button = wizard.button(wizard.WizardButton.CommitButton)
    assert commit_button.text() == "Nhập dữ liệu"
    assert not commit_button.isEnabled()
    shot(wizard, "4-preview")

    # the error workbook: a copy of the file, the bad cell commented
    errors_file = tmp_path / "so theo doi-loi.xlsx"
    preview.save_errors(errors_file)
    idle(qtbot, ctx)
    assert str(errors_file) in preview.errors_saved.text()
    book = openpyxl.load_workbook(errors_file)
    comment = book["Danh sach"]["B5"].comment
    assert comment is not None and "31/02/2024" in comment.text

    preview.skip.setChecked(True)
    assert commit_button.isEnabled()
    next_page(qtbot, ctx, wizard, PAGE_DONE)
    result = wizard.done_page.result.text()
    assert "thêm mới 1, cập nhật 1" in result and "bỏ qua 1" in result
    from desktop.domain.changes import Area
    assert len(seen_changes) == 1 and seen_changes[0].touches({Area.CASES, Area.EVENTS})
    shot(wizard, "5-done")

    vs = service_session(ctx)
    new = cases.get_case(vs, "TT-01/2024")
    assert new.row.decision_date == date(2024, 7, 8)
    assert new.results["violation_money"] == 12_500_000_000
    assert cases.get_case(vs, "TT-03/2024").row.title == "Thanh tra công ty C (tên mới)"
    assert {r.code for r in cases.list_cases(vs)} == {"TT-01/2024", "TT-03/2024"}
    imports = audit_browse.page(vs, action="import")
    assert imports and imports[0].detail["inserted"] == 1 and imports[0].detail["rejected"] == 1


def test_a_hostile_file_stops_on_the_first_page(qtbot, ctx, tmp_path):
    fake = tmp_path / "bao cao.xlsx"
    fake.write_text("Ma ho so;Ten cuoc thanh tra\nTT-09/2024;Thanh tra X\n", encoding="utf-8")
    wizard = open_wizard(qtbot, ctx)
    wizard.file_page.path.setText(str(fake))
    wizard.next()
    idle(qtbot, ctx)
    assert wizard.currentId() == PAGE_FILE
    message = wizard.file_page.message
    assert message.isVisible() and "bao cao.xlsx" in message.text()
    assert wizard.workbook is None
    shot(wizard, "1-file-error")
    # not an Excel name at all: said at once, nothing read
    wizard.file_page.path.setText(str(tmp_path / "bao cao.xls"))
    wizard.next()
    assert wizard.currentId() == PAGE_FILE and ".xlsx" in message.text()
    assert not ctx.runner.busy


def test_a_dropped_file_is_taken_and_a_queued_import_can_be_cancelled(qtbot, ctx, tmp_path):
    source = hand_made(tmp_path / "tha.xlsx")
    wizard = open_wizard(qtbot, ctx)
    page = wizard.file_page
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    page.dropEvent(drop)
    assert page.path.text() == str(source)
    next_page(qtbot, ctx, wizard, PAGE_KIND)
    next_page(qtbot, ctx, wizard, PAGE_MAPPING)
    next_page(qtbot, ctx, wizard, PAGE_PREVIEW)
    wizard.preview_page.skip.setChecked(True)

    # the worker is busy with something else: the import waits, and Cancel stops it
    release = threading.Event()
    ctx.runner.run(lambda control: release.wait(WAIT / 1000))
    wizard.next()
    assert wizard.preview_page.running
    assert not wizard.button(wizard.WizardButton.CancelButton).isEnabled()
    shot(wizard, "4-preview-committing")
    assert wizard.preview_page.cancel()
    release.set()
    idle(qtbot, ctx)
    assert wizard.currentId() == PAGE_PREVIEW
    assert "không thay đổi" in wizard.preview_page.message.text()
    vs = service_session(ctx)
    assert [r.code for r in cases.list_cases(vs)] == ["TT-03/2024"]


@pytest.fixture
def classified(ctx):
    vs = service_session(ctx)
    cases.add_case(vs, cases.CaseInput(code="TT-05/2024", title="Thanh tra dự án M",
                                       level=Level.MAT, decision_date=date(2024, 5, 2)))
    return vs


def test_export_needs_a_reason_for_classified_cases(qtbot, ctx, tmp_path, classified):
    dialog = ExportDialog(ctx, None, kind="cases")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, ctx)
    assert dialog.buttons["cases"].isChecked()
    assert Path(dialog.path.text()).name == "so-theo-doi-cuoc-thanh-tra.xlsx"
    dialog.set_kind("plan")
    assert Path(dialog.path.text()).name == f"ke-hoach-thanh-tra-{date.today().year}.xlsx"
    dialog.set_kind("cases")
    target = tmp_path / "so-theo-doi-cuoc-thanh-tra.xlsx"
    dialog.path.setText(str(target))
    dialog.grab().save("/tmp/import-export-dialog.png")

    dialog.submit()
    idle(qtbot, ctx)
    assert dialog.isVisible()
    assert dialog.reason_error.isVisible()
    assert "lý do" in dialog.reason_error.text() and "Mật" in dialog.reason_error.text()
    assert not list(tmp_path.glob("*.xlsx"))
    dialog.grab().save("/tmp/import-export-reason.png")

    dialog.reason.setText("Báo cáo Thanh tra Chính phủ")
    assert not dialog.reason_error.isVisible()
    dialog.submit()
    idle(qtbot, ctx)
    written = tmp_path / "MAT_so-theo-doi-cuoc-thanh-tra.xlsx"
    assert written.exists() and not target.exists()
    assert dialog.result.path == written and dialog.result.rows == 2
    assert dialog.result_frame.isVisible() and str(written) in dialog.result_label.text()
    dialog.grab().save("/tmp/import-export-done.png")

    vs = service_session(ctx)
    exports = audit_browse.page(vs, action="export")
    assert exports[0].action == "export.cases"
    assert exports[0].target == written.name
    assert exports[0].detail["reason"] == "Báo cáo Thanh tra Chính phủ"


def test_export_report_and_an_error_stay_in_the_dialog(qtbot, ctx, tmp_path):
    dialog = ExportDialog(ctx, None, kind="report")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, ctx)
    assert dialog.start.isEnabled() and not dialog.year.isEnabled()
    dialog.path.setText(str(tmp_path / "khong-co" / "bao-cao.xlsx"))
    dialog.submit()
    idle(qtbot, ctx)
    assert dialog.status.isVisible() and "khong-co" in dialog.status.text()
    dialog.grab().save("/tmp/import-export-report.png")
    dialog.path.setText(str(tmp_path / "bao-cao"))
    dialog.submit()
    idle(qtbot, ctx)
    assert (tmp_path / "bao-cao.xlsx").exists()
    assert dialog.result_frame.isVisible()


def test_export_follow_up_of_recommendations(qtbot, ctx, tmp_path):
    from desktop.domain.stages import Stage
    from desktop.services import recommendations
    vs = service_session(ctx)
    for stage, day in ((Stage.ANNOUNCED, date(2024, 8, 5)), (Stage.ONSITE_ENDED, date(2024, 9, 1)),
                       (Stage.TEAM_REPORT, date(2024, 9, 10)), (Stage.DRAFT, date(2024, 9, 20)),
                       (Stage.CONCLUDED, date(2024, 10, 1))):
        cases.add_event(vs, "TT-03/2024", stage, day)
    recommendations.add(vs, "TT-03/2024", "recover_money", "Công ty C", "Nộp ngân sách",
                        300_000_000, due=date(2024, 12, 31))
    dialog = ExportDialog(ctx, None, kind="followup")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    dialog.set_period(date(2024, 7, 1), date(2024, 12, 31))
    dialog.show()
    idle(qtbot, ctx)
    assert dialog.start.isEnabled() and not dialog.unit.isEnabled() and not dialog.year.isEnabled()
    assert Path(dialog.path.text()).name == "theo-doi-kien-nghi-20240701-20241231.xlsx"
    dialog.path.setText(str(tmp_path / "theo-doi.xlsx"))
    dialog.submit()
    idle(qtbot, ctx)
    assert dialog.result_frame.isVisible()
    sheet = openpyxl.load_workbook(tmp_path / "theo-doi.xlsx").active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "TT-03/2024" in values and "Nộp ngân sách" in values and 300_000_000 in values


def test_backup_writes_a_backup_into_the_chosen_folder(qtbot, ctx, tmp_path, monkeypatch):
    target = tmp_path / "sao luu"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(target))
    window = QLabel()
    qtbot.addWidget(window)
    run = run_backup(ctx, window)
    assert run is not None and run.busy is not None and run.busy.isVisible()
    with qtbot.waitSignal(run.finished, timeout=WAIT) as signal:
        pass
    assert signal.args[0] == target
    assert vault_service.is_vault(target)
    box = window.findChild(QMessageBox, "backupResult")
    assert box is not None and str(target) in box.text()
    # the same folder again is not empty: a dated folder inside it
    run = run_backup(ctx, window)
    with qtbot.waitSignal(run.finished, timeout=WAIT) as signal:
        pass
    assert signal.args[0].parent == target and signal.args[0].name.startswith("hoso-sao-luu-")
    vs = service_session(ctx)
    assert len(audit_browse.page(vs, action="vault.backup")) == 2


def test_backup_target_is_the_folder_when_empty(tmp_path):
    assert backup_dialog.backup_target(tmp_path / "moi") == tmp_path / "moi"
    (tmp_path / "co").mkdir()
    assert backup_dialog.backup_target(tmp_path / "co") == tmp_path / "co"


def test_locking_closes_the_wizard(qtbot, ctx, tmp_path):
    source = hand_made(tmp_path / "khoa.xlsx")
    wizard = open_wizard(qtbot, ctx)
    wizard.file_page.path.setText(str(source))
    next_page(qtbot, ctx, wizard, PAGE_KIND)
    ctx.lock()
    assert not wizard.isVisible()
    assert wizard.workbook is None and wizard.plan is None


def test_the_backups_dialog_sets_the_folder_backs_up_and_rechecks(qtbot, ctx, tmp_path):
    from desktop.ui.admin.backups_list import BackupsDialog
    dialog = BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, ctx)
    assert dialog.table.rowCount() == 0 and "Chưa đặt" in dialog.message.text()
    dialog.folder.setText(str(tmp_path / "sao-luu-tu-dong"))
    dialog.keep.setValue(3)
    dialog.save_settings()
    idle(qtbot, ctx)
    dialog.backup_now()
    idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT)
    assert dialog.table.item(0, 2).text() == "đã kiểm tra"
    assert "Đã sao lưu và kiểm tra" in dialog.message.text()
    dialog.table.selectRow(0)
    dialog.recheck()
    idle(qtbot, ctx)
    assert "nguyên vẹn" in dialog.message.text()
    dialog.grab().save("/tmp/backups-dialog.png")


def test_the_wizard_preview_lists_the_lines_under_the_table_it_skips(qtbot, ctx, tmp_path):
    from tests.integration.test_table_end import _office_list
    source = _office_list(tmp_path / "danh sach.xlsx")
    wizard = open_wizard(qtbot, ctx)
    wizard.file_page.path.setText(str(source))
    next_page(qtbot, ctx, wizard, PAGE_KIND)
    next_page(qtbot, ctx, wizard, PAGE_MAPPING)
    next_page(qtbot, ctx, wizard, PAGE_PREVIEW)
    preview = wizard.preview_page
    assert preview.counts["insert"].text() == "Thêm mới: 3"
    assert preview.counts["reject"].text() == "Bị loại: 0"
    assert preview.skipped.isVisible()
    text = preview.skipped.text()
    assert "dòng tổng cộng" in text and "ghi chú dưới bảng" in text and "phần ký tên" in text
    shot(wizard, "skipped-lines")
    wizard.reject()


def test_the_wizard_swaps_back_dates_a_us_spreadsheet_swapped(qtbot, ctx, tmp_path):
    from tests.integration.test_swapped_dates import _swapped_list
    wizard = open_wizard(qtbot, ctx)
    wizard.file_page.path.setText(str(_swapped_list(tmp_path / "dao ngay.xlsx")))
    next_page(qtbot, ctx, wizard, PAGE_KIND)
    next_page(qtbot, ctx, wizard, PAGE_MAPPING)
    next_page(qtbot, ctx, wizard, PAGE_PREVIEW)
    preview = wizard.preview_page
    assert preview.counts["reject"].text() == "Bị loại: 2"
    assert preview.swap.isVisible()
    assert "03/04/2024" in preview.problem_model.index(0, 2).data()
    preview.swap.setChecked(True)
    qtbot.waitUntil(lambda: preview.counts["reject"].text() == "Bị loại: 0", timeout=WAIT)
    assert preview.counts["insert"].text() == "Thêm mới: 4"
    assert wizard.plan.dates_swapped == {"decision_date": 2}
    wizard.reject()


def test_the_export_dialog_writes_opendocument_when_asked(qtbot, ctx, tmp_path):
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, ctx)
    dialog.path.setText(str(tmp_path / "so-theo-doi.xlsx"))
    dialog.format.setCurrentIndex(dialog.format.findData(".ods"))
    assert dialog.path.text().endswith("so-theo-doi.ods")       # the name follows the format
    dialog.submit()
    idle(qtbot, ctx)
    written = tmp_path / "so-theo-doi.ods"
    assert written.exists() and dialog.result_frame.isVisible()
    from desktop.exchange.excel.reader import read_workbook
    rows = read_workbook(written).sheets[0].rows
    assert any(r[0] == "TT-03/2024" for r in rows)


def test_the_wizard_converts_tcvn3_columns_and_can_keep_one_as_typed(qtbot, ctx, tmp_path):
    from tests.integration.test_legacy_encodings import legacy_list
    from tests.unit.test_vn_legacy import tcvn3
    wizard = open_wizard(qtbot, ctx)
    wizard.file_page.path.setText(str(legacy_list(tmp_path / "tcvn3.xlsx", tcvn3)))
    next_page(qtbot, ctx, wizard, PAGE_KIND)
    assert wizard.kind_page.buttons["cases"].isChecked()      # its header read as Unicode
    next_page(qtbot, ctx, wizard, PAGE_MAPPING)
    next_page(qtbot, ctx, wizard, PAGE_PREVIEW)
    preview = wizard.preview_page
    box = preview.encoding_boxes["inspected_party"]
    assert preview.encodings.isVisible() and box.isChecked()
    assert "TCVN3" in box.text() and "UBND huyện Đông Anh" in box.text()
    inserts = preview.insert_model

    def party(n: int) -> str:
        columns = {inserts.headerData(c, Qt.Orientation.Horizontal): c
                   for c in range(inserts.columnCount())}
        return inserts.index(n, columns["Đối tượng thanh tra"]).data()
    assert party(0) == "UBND huyện Đông Anh"
    shot(wizard, "legacy-encoding")
    box.setChecked(False)                                     # keep that column as typed
    qtbot.waitUntil(lambda: party(0) == tcvn3("UBND huyện Đông Anh"), timeout=WAIT)
    assert wizard.plan.keep_encoding == {"inspected_party"}
    wizard.reject()


def test_the_export_dialog_writes_a_summary_by_two_fields(qtbot, ctx, tmp_path):
    dialog = ExportDialog(ctx, None, kind="summary")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, ctx)
    assert dialog.by.isEnabled() and dialog.then.isEnabled() and not dialog.year.isEnabled()
    dialog.by.setCurrentIndex(dialog.by.findData("year"))
    assert dialog.path.text().endswith("tong-hop-theo-year.xlsx")
    dialog.then.setCurrentIndex(dialog.then.findData("year"))
    dialog.submit()
    assert "khác nhau" in dialog.status.text()                 # the same field twice
    dialog.then.setCurrentIndex(dialog.then.findData("level"))
    dialog.set_period(date(2024, 1, 1), date(2024, 12, 31))
    dialog.reason.setText("Báo cáo năm")
    dialog.path.setText(str(tmp_path / "tong-hop.xlsx"))
    dialog.submit()
    idle(qtbot, ctx)
    assert dialog.result_frame.isVisible(), dialog.status.text()
    ws = openpyxl.load_workbook(dialog.result.path).worksheets[0]
    labels = [str(c.value) for c in ws["B"] if c.value]
    assert "2024" in labels and "TỔNG CỘNG" in labels
    dialog.grab().save("/tmp/export-summary-dialog.png")

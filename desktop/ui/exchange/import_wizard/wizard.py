"""The wizard: its pages in order, and moving on when a page's task is done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QWizard,
)

from desktop.exchange.excel.reader import Workbook
from desktop.services import importer
from desktop.ui.exchange.import_wizard.common import (
    PAGE_DONE,
    PAGE_FILE,
    PAGE_KIND,
    PAGE_MAPPING,
    PAGE_PREVIEW,
    _TaskPage,
)
from desktop.ui.exchange.import_wizard.file_pages import _FilePage, _KindPage
from desktop.ui.exchange.import_wizard.mapping import _MappingPage
from desktop.ui.exchange.import_wizard.preview import _DonePage, _PreviewPage

# --- the wizard --------------------------------------------------------------------------

class ImportWizard(QWizard):
    imported = Signal(dict)   # the counts, after a successful commit

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.closed = False
        self.path: Path | None = None
        self.workbook: Workbook | None = None
        self.guessed_kind: str | None = None
        self.located: tuple | None = None        # (kind, sheet, HeaderMatch, header cells)
        self.plan: importer.ImportPlan | None = None
        self.result: dict[str, int] | None = None
        self.file_serial = 0                     # which file read the mapping page was built for
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Nhập dữ liệu từ Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Tiếp >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Quay lại"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Hủy"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Xong"))
        self.file_page = _FilePage(self)
        self.kind_page = _KindPage(self)
        self.mapping_page = _MappingPage(self)
        self.preview_page = _PreviewPage(self)
        self.done_page = _DonePage(self)
        for page_id, page in ((PAGE_FILE, self.file_page), (PAGE_KIND, self.kind_page),
                              (PAGE_MAPPING, self.mapping_page), (PAGE_PREVIEW, self.preview_page),
                              (PAGE_DONE, self.done_page)):
            self.setPage(page_id, page)
        self.setStartId(PAGE_FILE)
        self.setMinimumSize(820, 600)
        self.resize(940, 680)
        ctx.locked.connect(self.force_close)

    @property
    def kind(self) -> str:
        return self.located[0] if self.located else self.kind_page.kind

    def task_pages(self) -> list[_TaskPage]:
        return [self.file_page, self.kind_page, self.mapping_page, self.preview_page]

    # --- results of the pages' tasks ---
    def set_workbook(self, path: Path, workbook: Workbook, guess: str | None) -> None:
        self.path, self.workbook, self.guessed_kind = path, workbook, guess
        self.file_serial += 1
        self.located = None
        self.plan = None

    def set_located(self, located: tuple) -> None:
        self.located = located
        self.plan = None

    def set_plan(self, plan: importer.ImportPlan) -> None:
        self.plan = plan

    def set_result(self, counts: dict[str, int], kind: str) -> None:
        self.result = counts
        if not self.closed:
            self.imported.emit(counts)

    # --- closing ---
    def reject(self) -> None:
        """Cancel: whatever runs is cancelled — except a commit already writing."""
        if self.preview_page.running and not self.preview_page.cancel():
            return  # writing: one transaction, it finishes (the page says so)
        for page in self.task_pages():
            page.cancel_task()
        self.closed = True
        super().reject()

    def done(self, result: int) -> None:
        self.closed = True
        super().done(result)

    def force_close(self) -> None:
        """The vault locked: nothing of it stays on screen."""
        for page in self.task_pages():
            if page is not self.preview_page or not self.preview_page.committing:
                page.cancel_task()
        self.closed = True
        self.plan = None
        self.workbook = None
        QWizard.reject(self)


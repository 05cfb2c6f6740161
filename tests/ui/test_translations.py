"""The interface's languages: Vietnamese is the source language of every string, English
comes from resources/translations/hoso_en.qm and Qt's own dialogs get Vietnamese from
qt_vi.qm. The compiled files must be current and complete, the main window must really
change language, and nothing the pages show in English may still be Vietnamese.

Each test removes the translators it installed (and restores the default locale), so the
tests that follow see the program's source strings as before."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialogButtonBox,
                               QGroupBox, QLabel, QLineEdit, QTableView, QTabWidget, QWidget)

from desktop.services import vault_service
from desktop.ui import i18n
from desktop.ui.context import AppContext
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
WAIT = 30_000
# letters of Vietnamese (and any other accented Latin): none may be left in English
VIETNAMESE = re.compile(r"[\u00C0-\u024F\u1E00-\u1EFF]")
ENGLISH_PAGES = {"dashboard": "Overview", "cases": "Inspections", "plan": "Plan",
                 "opinions": "Opinions & directives", "review": "Reports", "audit": "Audit log",
                 "users": "Users"}
VIETNAMESE_PAGES = {"dashboard": "Tổng quan", "cases": "Cuộc thanh tra", "plan": "Kế hoạch",
                    "opinions": "Ý kiến & chỉ đạo", "review": "Báo cáo", "audit": "Nhật ký",
                    "users": "Người dùng"}


@pytest.fixture
def language(qapp):
    """install(lang) as the program does; the translators are removed afterwards."""
    default = QLocale()

    def install(lang: str) -> list:
        return i18n.install(qapp, lang)

    yield install
    for translator in getattr(qapp, "_hoso_translators", []):
        qapp.removeTranslator(translator)
    qapp._hoso_translators = []
    QLocale.setDefault(default)


@pytest.fixture(scope="module")
def vault_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("translations") / "v"
    vault_service.create_vault(path, "admin", "a-long-password").close()
    return path


def _context(tmp_path, vault_path, lang: str) -> AppContext:
    settings = Settings(QSettings(str(tmp_path / "hoso.ini"), QSettings.Format.IniFormat))
    ctx = AppContext(settings, TaskRunner(), lang, vault_path)
    ctx.set_session(vault_service.open_vault(vault_path, "admin", "a-long-password"))
    return ctx


def _window(qtbot, tmp_path, vault_path, lang: str):
    from desktop.ui.shell.main_window import MainWindow
    window = MainWindow(_context(tmp_path, vault_path, lang))
    qtbot.addWidget(window)
    window.show()
    return window


def _close(window) -> None:
    window.ctx.lock()
    window.ctx.runner.wait()
    window.hide()


def _navigation(window) -> dict[str, str]:
    """Page key → the title shown in the navigation pane."""
    return {window.nav.item(row).data(Qt.ItemDataRole.UserRole): window.nav.item(row).text()
            for row in range(window.nav.count())}


def _menus(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _shown_texts(root: QWidget) -> list[str]:
    """What a user reads on the visible widgets under `root`: labels, buttons, group and
    tab titles, combo items, placeholders, table headers, tooltips."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(model.columnCount())]
    return [t for t in texts if t]


def test_the_compiled_translations_are_current_and_complete():
    """build_translations.py --check: every string has English, every .qm is rebuilt from
    its .ts (pyside6-lupdate/lrelease sit next to this interpreter)."""
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build_translations.py"), "--check"],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "translations are current" in done.stdout


def test_the_main_window_speaks_english(qtbot, tmp_path, vault_path, language):
    assert language("en"), "hoso_en.qm did not load"
    window = _window(qtbot, tmp_path, vault_path, "en")
    try:
        navigation = _navigation(window)
        assert {key: navigation.get(key) for key in ENGLISH_PAGES} == ENGLISH_PAGES
        assert _menus(window) == ["&File", "&Go", "&Language", "&Help"]
        file_menu = window.menuBar().actions()[0].menu()
        entries = [a.text() for a in file_menu.actions() if not a.isSeparator()]
        for entry in ("&Import from Excel…", "&Export to Excel…", "&Back up…",
                      "Change &password…", "&Lock", "&Quit"):
            assert entry in entries
        go_menu = window.menuBar().actions()[1].menu()
        # a menu entry's "&" is doubled so that it shows (a single one would be a mnemonic)
        assert [a.text().replace("&&", "&") for a in go_menu.actions()] == \
            list(navigation.values())
        language_menu = window.menuBar().actions()[2].menu()
        assert [a.text() for a in language_menu.actions()] == ["Tiếng Việt", "English"]
        assert [a.isChecked() for a in language_menu.actions()] == [False, True]
        assert "Administrator" in window.user_label.text()
        assert "clearance Top secret" in window.user_label.text()
    finally:
        _close(window)


def test_every_page_is_english_in_english(qtbot, tmp_path, vault_path, language):
    """No Vietnamese letter on any page: a string shown without tr() would be one."""
    language("en")
    window = _window(qtbot, tmp_path, vault_path, "en")
    try:
        for key in _navigation(window):
            page = window.go(key)
            qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=WAIT)
            left = [t for t in _shown_texts(page) if VIETNAMESE.search(t)]
            assert not left, f"{key}: {left}"
        menus = [a.text() for m in window.menuBar().actions() for a in [m, *m.menu().actions()]
                 if m.menu() is not None and a.text() not in i18n.LANGUAGES.values()]
        left = [t for t in menus + list(_navigation(window).values()) if VIETNAMESE.search(t)]
        assert not left
    finally:
        _close(window)


def test_texts_of_shared_code_are_english(qtbot, tmp_path, vault_path, language):
    """Texts not written in the class that shows them: a base class's (lupdate files them
    under the base class; PySide's self.tr finds them along the class hierarchy), helpers
    outside any class (password strength, month labels)."""
    from desktop.ui.documents.add_document import AddDocumentDialog, NewVersionDialog
    from desktop.ui.exchange.import_wizard import ImportWizard
    from desktop.ui.review.chart import month_label
    from desktop.ui.widgets import password_strength
    language("en")
    ctx = _context(tmp_path, vault_path, "en")
    try:
        add = AddDocumentDialog(ctx)
        qtbot.addWidget(add)
        assert add.windowTitle() == "Add document"
        assert (add.ok_button.text(), add.cancel_button.text()) == ("Save", "Cancel")
        assert add.file_edit.placeholderText() == "Content file (PDF, image, text…)"
        version = NewVersionDialog(ctx, 1, "12/KL")
        qtbot.addWidget(version)
        assert version.windowTitle() == "New version – 12/KL"
        assert version.browse.text() == "Browse…"
        wizard = ImportWizard(ctx)
        qtbot.addWidget(wizard)
        assert wizard.file_page.stopped_text() == "Stopped."
        assert wizard.mapping_page.stopped_text() == "Stopped."
        assert wizard.preview_page.stopped_text() == "Import cancelled; the vault has not changed."
        wizard.reject()
        assert password_strength("")[1] == "Too short (at least 8 characters)"
        assert password_strength("a much longer passphrase")[1] == "Very strong"
        assert month_label(2024, 6) == "6/2024"
    finally:
        ctx.lock()
        ctx.runner.wait()


def test_the_main_window_speaks_vietnamese(qtbot, tmp_path, vault_path, language):
    language("vi")
    window = _window(qtbot, tmp_path, vault_path, "vi")
    try:
        navigation = _navigation(window)
        assert {key: navigation.get(key) for key in VIETNAMESE_PAGES} == VIETNAMESE_PAGES
        assert _menus(window) == ["&Tệp", "&Đi tới", "&Ngôn ngữ", "Trợ &giúp"]
        assert "Quản trị" in window.user_label.text() and "Tuyệt mật" in window.user_label.text()
    finally:
        _close(window)


def test_qt_dialog_buttons_are_vietnamese(qtbot, language):
    assert language("vi"), "qt_vi.qm did not load"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    ok = box.button(QDialogButtonBox.StandardButton.Ok).text().replace("&", "")
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
    assert (ok, cancel) == ("Đồng ý", "Hủy")


def test_removing_the_translators_restores_the_source_strings(qtbot, language):
    """What the fixture does after each test: with no translator, Qt is English again and
    the program's strings are its Vietnamese source."""
    language("en")
    assert QCoreApplication.translate("MainWindow", "Tổng quan") == "Overview"
    app = QApplication.instance()
    for translator in app._hoso_translators:
        app.removeTranslator(translator)
    app._hoso_translators = []
    assert QCoreApplication.translate("MainWindow", "Tổng quan") == "Tổng quan"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text().replace("&", "") == "OK"

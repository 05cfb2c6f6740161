"""The desktop program with the keyboard only: Ctrl+1…8 put the keyboard in the chosen
page, Tab goes round every control of the page and back to the navigation, Enter on a
row opens it, Esc closes what Enter opened, and after a lock and unlock the keyboard is
where it was."""

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication,
                               QComboBox, QDialog, QLineEdit, QWidget)

from desktop.services import vault_service
from desktop.services.demo import fill_demo
from desktop.ui.context import AppContext
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner
from tests.conftest import PASSWORD

WAIT = 30_000
PAGES = ["dashboard", "cases", "plan", "opinions", "documents", "review", "audit", "users"]


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("keyboard") / "vault"
    session = vault_service.create_vault(path, "admin", PASSWORD, "Quản trị hệ thống")
    fill_demo(session, synthetic_cases=20)
    session.close()
    return path


@pytest.fixture
def window(qtbot, demo_path, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "hoso.ini"), QSettings.Format.IniFormat))
    runner = TaskRunner()
    ctx = AppContext(settings, runner, "vi", demo_path)
    ctx.set_session(vault_service.open_vault(demo_path, "admin", PASSWORD))
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)
    yield main
    ctx.lock()
    runner.wait()


def idle(qtbot, window):
    qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=WAIT)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def keys(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    widget = focused()
    assert widget is not None, "no widget has the keyboard"
    qtbot.keyClick(widget, key, modifier)


def interactive(page: QWidget) -> list[QWidget]:
    """The controls a user works with on the page as it is shown."""
    kinds = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit)
    return [w for w in page.findChildren(QWidget)
            if isinstance(w, kinds) and w.isVisible() and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
            and not w.objectName().startswith("qt_")]


@pytest.mark.parametrize("number, key", list(enumerate(PAGES, start=1)))
def test_ctrl_number_then_tab_goes_round_the_page(qtbot, window, number, key):
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, window)
    page = window.pages[key]
    assert window.stack.currentWidget() is page
    assert focused() is not None and page.isAncestorOf(focused())   # the page has the keys
    reached = {focused()}
    for _ in range(80):
        keys(qtbot, Qt.Key.Key_Tab)
        if focused() is window.nav:
            break
        reached.add(focused())
    assert focused() is window.nav, "Tab never came back to the navigation"
    missed = [w.objectName() or type(w).__name__ for w in interactive(page) if w not in reached]
    assert missed == []


def test_enter_opens_a_row_and_escape_closes_what_it_opened(qtbot, window):
    cases = window.go("cases")
    idle(qtbot, window)
    cases.table.setFocus()
    cases.table.setCurrentIndex(cases.table.model().index(0, 0))
    code = cases.table.model().index(0, 0).data()
    keys(qtbot, Qt.Key.Key_Return)
    idle(qtbot, window)
    assert cases.case_view.isVisible() and code in cases.case_view.code_label.text()

    review = window.go("review")
    review.start.setDate(date(2024, 1, 1))
    review.end.setDate(date(2024, 6, 30))
    review.run_report()
    idle(qtbot, window)
    table = review.tables["waiting"]
    assert table.model().rowCount() > 0
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    waiting = table.model().index(0, 0).data()
    keys(qtbot, Qt.Key.Key_Enter)
    idle(qtbot, window)
    assert window.stack.currentWidget() is cases and waiting in cases.case_view.code_label.text()

    documents = window.go("documents")
    documents.year.setValue(2024)
    idle(qtbot, window)
    documents.tabs.setCurrentIndex(2)   # the demo's internal classified documents
    register = documents.tables["internal"]
    assert register.model().rowCount() > 0
    register.setFocus()
    register.setCurrentIndex(register.model().index(0, 0))
    keys(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: documents.viewer is not None and documents.viewer.isVisible(),
                    timeout=WAIT)
    viewer = documents.viewer
    qtbot.waitUntil(lambda: isinstance(focused(), QWidget) and viewer.isAncestorOf(focused())
                    or focused() is viewer, timeout=WAIT)
    keys(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not viewer.isVisible(), timeout=WAIT)
    assert isinstance(viewer, QDialog)


def test_after_unlock_the_keyboard_is_where_it_was(qtbot, window):
    cases = window.go("cases")
    idle(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is cases.search
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)   # lock
    assert window.ctx.is_locked
    assert focused() is window.lock_screen.password
    qtbot.keyClicks(window.lock_screen.password, PASSWORD)
    keys(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.ctx.is_locked, timeout=WAIT)
    idle(qtbot, window)
    assert focused() is cases.search
    qtbot.keyClicks(focused(), "duong")                # typing works without a click
    assert cases.search.text() == "duong"

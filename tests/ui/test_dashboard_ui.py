"""The dashboard on a real encrypted vault with the demo data, as of 30/06/2024: overdue
and due-soon items worst first (double-click opens the case), cases by stage, the
monthly chart; everything loaded on the worker, the main window usable at once."""

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.domain.stages import Stage
from desktop.services import cases, dashboard, deadlines_service, vault_service
from desktop.services.demo import STALLED_CASE_CODES, fill_demo
from desktop.ui.context import AppContext
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner
from desktop.ui.review.chart import MonthlyChart, month_label, nice_scale
from desktop.ui.review.dashboard import DashboardPage
from tests.conftest import PASSWORD

AS_OF = date(2024, 6, 30)
WAIT = 20000


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("dashboard-ui") / "vault"
    vs = vault_service.create_vault(path, "admin", PASSWORD, "Quản trị")
    fill_demo(vs, synthetic_cases=300)
    expected = {
        "overdue": deadlines_service.overdue(vs, today=AS_OF),
        "stages": dashboard.stage_counts(vs),
        "monthly": dashboard.monthly(vs, 24, AS_OF),
        "total": cases.count_cases(vs),
    }
    vs.close()
    return path, expected


@pytest.fixture
def ctx(demo, tmp_path):
    path, _expected = demo
    settings = Settings(QSettings(str(tmp_path / "hoso.ini"), QSettings.Format.IniFormat))
    runner = TaskRunner()
    context = AppContext(settings, runner, "vi", path)
    context.set_session(vault_service.open_vault(path, "admin", PASSWORD))
    yield context
    context.lock()
    runner.wait()


def _dashboard(qtbot, ctx) -> DashboardPage:
    page = DashboardPage(ctx)
    page.as_of = AS_OF
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.activate()
    assert page.loading and page.busy.isVisible(), "loaded on the worker, not in the constructor"
    qtbot.waitUntil(lambda: not page.loading, timeout=WAIT)
    assert page.busy.isHidden()
    return page


def test_overdue_and_due_soon_items_worst_first(qtbot, ctx, demo):
    _path, expected = demo
    page = _dashboard(qtbot, ctx)
    items = expected["overdue"]
    assert len(items) > 0
    table = page.overdue_table
    assert table.rowCount() == len(items)
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        d.case_code or "(không gắn hồ sơ)" for d in items]
    first = items[0]
    assert table.item(0, 2).text() == first.due.strftime("%d/%m/%Y")
    assert table.item(0, 3).text().startswith("Quá hạn")
    assert table.item(0, 0).toolTip() == f"{table.item(0, 0).text()}\n\n{first.explanation('vi')}"
    assert table.item(0, 0).foreground().color().name() == "#b00020"
    overdue = sum(1 for d in items if d.state.value == "overdue")
    assert page.summary.text().startswith(f"{overdue} việc quá hạn, {len(items) - overdue} việc sắp đến hạn")
    assert page.as_of_label.text() == "tình hình đến ngày 30/06/2024"
    assert {d.case_code for d in items} & set(STALLED_CASE_CODES)


def test_double_click_opens_the_case(qtbot, ctx):
    page = _dashboard(qtbot, ctx)
    table = page.overdue_table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text().startswith("C2-"))
    code = table.item(row, 0).text()
    rect = table.visualItemRect(table.item(row, 1))
    with qtbot.waitSignal(page.open_case, timeout=WAIT) as opened:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [code]
    table.setFocus()
    table.setCurrentCell(row, 0)
    with qtbot.waitSignal(page.open_case, timeout=WAIT) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [code]


def test_cases_by_stage(qtbot, ctx, demo):
    _path, expected = demo
    page = _dashboard(qtbot, ctx)
    table = page.stage_table
    shown = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert shown["Tổng cộng"] == str(expected["total"])
    assert shown[Stage.DECISION.label("vi")] == str(expected["stages"][Stage.DECISION.value])
    assert shown[Stage.PM_DRAFT_OPINION.label("vi")] == "4"
    assert sum(expected["stages"].values()) == expected["total"]


def test_monthly_chart_paints(qtbot, ctx, demo):
    _path, expected = demo
    page = _dashboard(qtbot, ctx)
    chart = page.chart
    assert chart.rows == expected["monthly"]
    assert len(chart.rows) == 24 and chart.rows[-1][:2] == (2024, 6) and chart.rows[0][:2] == (2022, 7)
    assert sum(r[2] for r in chart.rows) > 0, "conclusions of the demo are in the window"
    assert all(r[3] > 0 for r in chart.rows)
    image = chart.grab()
    assert not image.isNull() and image.width() > 300
    picture = image.toImage()
    colours = {picture.pixelColor(x, y).name() for x in range(0, picture.width(), 3)
               for y in range(0, picture.height(), 3)}
    assert "#1565c0" in colours, "bars drawn"
    assert month_label(2024, 1) == "T1/2024"
    # the tooltip names the month under the mouse
    assert chart.month_at(chart._plot.right() - 1) == 23


def test_chart_alone_empty_and_small(qtbot):
    chart = MonthlyChart()
    qtbot.addWidget(chart)
    chart.resize(200, 150)
    assert not chart.grab().isNull()  # "Đang tải…"
    chart.set_data([(2024, 1, 0, 0), (2024, 2, 0, 0)])
    chart.resize(700, 300)
    assert not chart.grab().isNull()
    chart.set_data([(2023, m, m % 3, 1000 * m) for m in range(1, 13)])
    assert not chart.grab().isNull()
    assert nice_scale(7) == (8, 2) and nice_scale(0) == (1.0, 1.0)


def test_lock_clears_the_dashboard(qtbot, ctx):
    page = _dashboard(qtbot, ctx)
    page.clear()
    assert page.overdue_table.rowCount() == 0 and page.stage_table.rowCount() == 0
    assert page.chart.rows == [] and page.items == []


def test_main_window_is_usable_at_once_and_opens_cases_from_the_dashboard(qtbot, ctx):
    from desktop.ui.shell.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.pages["dashboard"]
    assert window.isVisible()    # at once: the figures come from the worker
    qtbot.waitUntil(lambda: page.overdue_table.rowCount() > 0 and not page.loading, timeout=WAIT)
    # the demo reads as Cục II saw it at the end of its half-year, and says so
    assert window.as_of_label.isVisible()
    assert window.as_of_label.text() == "Dữ liệu mẫu — ngày xem 30/06/2024"
    assert page.as_of_label.text() == "tình hình đến ngày 30/06/2024"
    assert (page.chart.rows[-1][0], page.chart.rows[-1][1]) == (2024, 6)
    table = page.overdue_table   # long cells read whole in their tooltip
    long_cells = [table.item(r, c) for r in range(table.rowCount())
                  for c in range(table.columnCount())
                  if table.item(r, c) is not None and len(table.item(r, c).text()) > 30]
    assert long_cells and all(i.text() in i.toolTip() for i in long_cells)
    page.open_case.emit("C2-2022-01")
    cases_page = window.pages["cases"]
    assert window.stack.currentWidget() is cases_page
    qtbot.waitUntil(lambda: cases_page.case_view.code_label.text() == "C2-2022-01", timeout=WAIT)
    window.hide()

"""The case list and the case in detail, on a real encrypted vault with the demo data:
accent-insensitive type-to-search, filters, sorting in SQL, rows loaded a page at a time,
overdue and classified marks, opening a case, recording an event (refused inline, or
accepted), copying, the column chooser, and forgetting everything on lock."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QGuiApplication

from desktop.domain.levels import Level
from desktop.domain.stages import Stage
from desktop.services import cases, vault_service
from desktop.services.cases import CaseFilter
from desktop.services.demo import fill_demo
from desktop.ui import settings as opts
from desktop.ui.context import AppContext
from desktop.ui.cases.case_table import COLUMN_KEYS, PLACEHOLDER, CaseTableModel
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner
from desktop.ui.cases.cases import CasesPage
from tests.conftest import PASSWORD

AS_OF = date(2024, 6, 30)
WAIT = 20000


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One demo vault for the module, and what the services say about it (read before
    any test writes to it, and never through the GUI)."""
    path = tmp_path_factory.mktemp("cases-ui") / "vault"
    vs = vault_service.create_vault(path, "admin", PASSWORD, "Quản trị")
    fill_demo(vs, synthetic_cases=300)
    expected = {
        "all": cases.count_cases(vs),
        "duong": {r.code for r in cases.rows_by_ids(
            vs, cases.list_ids(vs, CaseFilter(search="duong"))).values()},
        "pm_draft": {r.code for r in cases.rows_by_ids(
            vs, cases.list_ids(vs, CaseFilter(stage=Stage.PM_DRAFT_OPINION))).values()},
        # a synthetic case with only its decision recorded
        "plain": next(r for r in cases.rows_by_ids(vs, cases.list_ids(
            vs, CaseFilter(stage=Stage.DECISION, level=Level.THUONG, year=2023))).values()
            if r.code.startswith("TT-")),
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


@pytest.fixture
def keep():
    """Widgets of a test, closed after the model tester has let go of their models
    (qtbot.addWidget would delete them first)."""
    widgets = []
    yield widgets
    for widget in widgets:
        widget.close()
        widget.deleteLater()


@pytest.fixture
def model_tester(keep, qtmodeltester, qtlog):
    """pytest-qt's model tester; Qt's own tester reports as warnings: none may say FAIL,
    during the test or after (it re-checks on every change of the model)."""
    yield qtmodeltester
    assert not [r.message for r in qtlog.records if "FAIL" in r.message]


def _page(qtbot, ctx, keep) -> CasesPage:
    page = CasesPage(ctx)
    page.as_of = AS_OF
    keep.append(page)
    page.resize(1280, 760)
    page.show()
    with qtbot.waitSignal(page.model.reset_done, timeout=WAIT):
        page.activate()
    _settle(qtbot, page.model)
    return page


def _settle(qtbot, model: CaseTableModel) -> None:
    """Wait until the model has no request on the worker (pages, counts, ids)."""
    qtbot.waitUntil(lambda: not model.busy, timeout=WAIT)


def _codes(model: CaseTableModel) -> set[str]:
    rows = range(model.rowCount())
    assert all(model.loaded(r) for r in rows), "every row loaded"
    return {model.index(r, 0).data(CaseTableModel.CodeRole) for r in rows}


def _search(qtbot, page: CasesPage, text: str) -> None:
    with qtbot.waitSignal(page.model.reset_done, timeout=WAIT):
        page.search.clear()
        if text.isascii():
            qtbot.keyClicks(page.search, text)  # debounced: one query after the last key
        else:
            page.search.insert(text)  # what an input method does (QTest types ASCII only)
    _load_all(qtbot, page.model)


def _load_all(qtbot, model: CaseTableModel) -> None:
    """Touch every row (as scrolling would) and wait for their pages."""
    _settle(qtbot, model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        _settle(qtbot, model)
    for row in range(0, model.rowCount(), model.PAGE):
        model.index(row, 0).data()
    _settle(qtbot, model)


def _check_model(tester, qtlog, model) -> None:
    tester.check(model, force_py=True)  # asserts, and re-checks on every change
    tester.check(model)                 # Qt's own tester (reports as warnings)
    assert not [r for r in qtlog.records if "FAIL" in r.message]


# --- the model ----------------------------------------------------------------------------

def test_model_loads_ids_in_batches_and_rows_by_page(qtbot, model_tester, qtlog, ctx, demo):
    _path, expected = demo
    model = CaseTableModel(ctx)
    model.BATCH, model.PAGE = 100, 40  # small, so that 312 cases need several of each
    model.as_of = AS_OF
    with qtbot.waitSignal(model.reset_done, timeout=WAIT):
        model.set_filter(CaseFilter())
    # a new query brings one screen of rows (FIRST) with their ids: nothing to wait for
    assert model.rowCount() == model.FIRST == 60
    assert all(model.loaded(r) for r in range(60)), "the first screen comes with the ids"
    # then, once it is painted, the count and the next batch of ids (and the rest of
    # the page the first screen began: rows 60-79 of page 1)
    _settle(qtbot, model)
    assert model.total == expected["all"]
    assert model.rowCount() == 160
    assert model.loaded(79) and not model.loaded(80)

    # a row not loaded yet answers "…" and its page is asked for, once
    assert model.index(95, 1).data() == PLACEHOLDER
    assert model.busy
    with qtbot.waitSignal(model.dataChanged, timeout=WAIT) as changed:
        pass
    first, last = changed.args[0], changed.args[1]
    assert (first.row(), last.row()) == (80, 119) and last.column() == len(COLUMN_KEYS) - 1
    assert model.index(95, 1).data() not in (PLACEHOLDER, "")

    # fetchMore does not block: the rows come later, in batches
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 160
    with qtbot.waitSignal(model.rowsInserted, timeout=WAIT):
        pass
    assert model.rowCount() == 260
    _check_model(model_tester, qtlog, model)  # it fetches more rows itself
    _load_all(qtbot, model)
    assert model.rowCount() == expected["all"]
    assert not model.canFetchMore(QModelIndex())
    assert len(set(model.ids())) == expected["all"]
    assert [r for r in range(model.rowCount()) if model.index(r, 0).data() in (PLACEHOLDER, "")] == []


def test_sorting_is_done_in_sql(qtbot, model_tester, qtlog, ctx):
    model = CaseTableModel(ctx)
    with qtbot.waitSignal(model.reset_done, timeout=WAIT):
        model.set_filter(CaseFilter())
    _check_model(model_tester, qtlog, model)
    _load_all(qtbot, model)
    code_column = COLUMN_KEYS.index("code")
    with qtbot.waitSignal(model.reset_done, timeout=WAIT):
        model.sort(code_column, Qt.SortOrder.AscendingOrder)
    _load_all(qtbot, model)
    codes = [model.index(r, code_column).data() for r in range(model.rowCount())]
    assert codes == sorted(codes)
    with qtbot.waitSignal(model.reset_done, timeout=WAIT):
        model.sort(code_column, Qt.SortOrder.DescendingOrder)
    _load_all(qtbot, model)
    assert [model.index(r, code_column).data() for r in range(model.rowCount())] == sorted(codes, reverse=True)
    # the overdue marks are not sortable: nothing is asked
    model.sort(COLUMN_KEYS.index("overdue"), Qt.SortOrder.AscendingOrder)
    assert not model.busy


def test_overdue_and_classified_rows_are_marked(qtbot, keep, model_tester, qtlog, ctx):
    page = _page(qtbot, ctx, keep)
    _check_model(model_tester, qtlog, page.model)
    _load_all(qtbot, page.model)
    model = page.model
    row = model.row_of_code("C2-2022-01")  # Mật, conclusion overdue at 30/06/2024
    assert row is not None
    assert model.index(row, 0).data(CaseTableModel.OverdueRole) is True
    assert model.index(row, COLUMN_KEYS.index("overdue")).data() == "Quá hạn"
    assert model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    level = model.index(row, COLUMN_KEYS.index("level"))
    assert level.data() == "Mật"
    assert level.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c00000"
    assert model.index(row, COLUMN_KEYS.index("decision_date")).data() == "18/07/2022"
    plain = next(r for r in range(model.rowCount())
                 if model.index(r, 0).data().startswith("TT-")
                 and not model.index(r, 0).data(CaseTableModel.ClassifiedRole))
    assert model.index(plain, 0).data(CaseTableModel.OverdueRole) is False
    assert model.index(plain, COLUMN_KEYS.index("level")).data(Qt.ItemDataRole.ForegroundRole) is None


# --- the page ------------------------------------------------------------------------------

def test_type_to_search_ignores_diacritics(qtbot, keep, model_tester, qtlog, ctx, demo):
    _path, expected = demo
    page = _page(qtbot, ctx, keep)
    _check_model(model_tester, qtlog, page.model)
    assert page.count_label.text() == f"{expected['all']} hồ sơ"
    _search(qtbot, page, "duong")
    found = _codes(page.model)
    assert found == expected["duong"]
    assert 0 < len(found) < expected["all"]
    assert "C2-2022-02" in found  # "Tổng công ty Đường sắt Việt Nam"
    assert page.count_label.text() == f"{len(found)} hồ sơ"
    _search(qtbot, page, "đường")
    assert _codes(page.model) == found


def test_a_newer_query_wins_over_an_older_one(qtbot, keep, ctx, demo):
    _path, expected = demo
    page = _page(qtbot, ctx, keep)
    page.search.setText("ha noi")
    page.apply_filters()
    page.search.setText("duong")
    with qtbot.waitSignal(page.model.reset_done, timeout=WAIT):
        page.apply_filters()
    _load_all(qtbot, page.model)
    assert _codes(page.model) == expected["duong"]
    assert page.model.filter.search == "duong"


def test_filter_by_stage(qtbot, keep, ctx, demo):
    _path, expected = demo
    page = _page(qtbot, ctx, keep)
    index = page.stage_filter.findData(Stage.PM_DRAFT_OPINION.value)
    with qtbot.waitSignal(page.model.reset_done, timeout=WAIT):
        page.stage_filter.setCurrentIndex(index)
    _load_all(qtbot, page.model)
    assert _codes(page.model) == expected["pm_draft"]
    stage_column = COLUMN_KEYS.index("stage")
    assert {page.model.index(r, stage_column).data() for r in range(page.model.rowCount())} == {
        Stage.PM_DRAFT_OPINION.label("vi")}
    with qtbot.waitSignal(page.model.reset_done, timeout=WAIT):
        page.stage_filter.setCurrentIndex(0)
    _settle(qtbot, page.model)
    assert page.model.total == expected["all"]


def test_level_and_year_filters(qtbot, keep, ctx):
    page = _page(qtbot, ctx, keep)
    with qtbot.waitSignal(page.model.reset_done, timeout=WAIT):
        page.level_filter.setCurrentIndex(page.level_filter.findData(int(Level.TOI_MAT)))
    _load_all(qtbot, page.model)
    level_column = COLUMN_KEYS.index("level")
    levels = {page.model.index(r, level_column).data() for r in range(page.model.rowCount())}
    assert levels == {"Tối mật"}
    with qtbot.waitSignal(page.model.reset_done, timeout=WAIT):
        page.level_filter.setCurrentIndex(0)
    page.year_filter.setValue(2023)  # debounced like the search box
    qtbot.waitUntil(lambda: page.model.filter.year == 2023, timeout=WAIT)
    _load_all(qtbot, page.model)
    date_column = COLUMN_KEYS.index("decision_date")
    assert page.model.rowCount() > 0
    assert all(page.model.index(r, date_column).data().endswith("/2023")
               for r in range(page.model.rowCount()))


def test_open_a_case_shows_its_header_and_timeline(qtbot, keep, ctx):
    page = _page(qtbot, ctx, keep)
    view = page.case_view
    assert view.isHidden()
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        page.open_code("C2-2022-01")
    assert view.isVisible()
    assert view.code_label.text() == "C2-2022-01"
    assert "Quảng Ninh" in view.title_label.text()
    assert view.level_label.isVisibleTo(view) and view.level_label.text() == "MẬT"
    timeline = view.timeline
    assert timeline.rowCount() == len(view.detail.events) >= 10
    assert timeline.item(0, 0).text() == "18/07/2022"
    assert timeline.item(0, 1).text() == "Quyết định thanh tra"
    assert "412/QĐ-TTCP" in timeline.item(0, 2).text()
    # deadlines: state and explanation
    assert view.deadline_table.rowCount() == len(view.deadlines) > 0
    assert view.deadline_table.item(0, 2).text().startswith("Quá hạn")
    assert "Điều" in view.explanation.text()
    assert "quá hạn" in view.tabs.tabText(view.deadlines_tab)
    assert view.team_table.rowCount() >= 3
    assert view.opinion_table.rowCount() > 0 and view.directive_table.rowCount() > 0
    assert view.document_table.rowCount() > 0
    # no conclusion yet, no figures recorded: a dash, not "0 đồng"
    assert view.result_labels["violation_money"].text() == "—"
    # the row is selected in the list
    selected = page.selected_rows()
    assert [page.model.index(r, 0).data() for r in selected] == ["C2-2022-01"]
    with qtbot.waitSignal(view.loaded, timeout=WAIT):   # a concluded case: its figures
        page.open_code("C2-2022-05")
    assert view.result_labels["violation_money"].text() == "1.086.400.000.000 đồng"


def test_enter_on_a_row_opens_it(qtbot, keep, ctx):
    page = _page(qtbot, ctx, keep)
    index = page.model.index(3, 0)
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    with qtbot.waitSignal(page.case_view.loaded, timeout=WAIT) as shown:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert shown.args == [index.data()]


def test_a_refused_event_is_said_inline_and_changes_nothing(qtbot, keep, ctx):
    page = _page(qtbot, ctx, keep)
    view = page.case_view
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        page.open_code("C2-2023-01")
    before = [[view.timeline.item(r, c).text() for c in range(3)] for r in range(view.timeline.rowCount())]
    announced = next(e.date for e in view.detail.events if e.stage is Stage.ANNOUNCED)
    view.stage_combo.setCurrentIndex(view.stage_combo.findData(Stage.CONCLUDED.value))
    view.date_edit.setDate(announced - timedelta(days=1))  # a conclusion before the announcement
    view.doc_edit.setText("99/KL-TTCP")
    with qtbot.assertNotEmitted(ctx.data_changed):
        qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.event_error.isVisible(), timeout=WAIT)
    assert view.event_error.text()
    assert "Ban hành kết luận" in view.event_error.text()
    assert "b00020" in view.event_error.styleSheet()
    assert view.add_button.isEnabled()
    assert view.doc_edit.text() == "99/KL-TTCP"  # kept, to be corrected
    # read again from the vault: the events are the same
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.reload()
    after = [[view.timeline.item(r, c).text() for c in range(3)] for r in range(view.timeline.rowCount())]
    assert after == before


def test_an_accepted_event_is_recorded_and_announced(qtbot, keep, ctx, demo):
    _path, expected = demo
    plain = expected["plain"]
    page = _page(qtbot, ctx, keep)
    view = page.case_view
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        page.open_code(plain.code)
    rows = view.timeline.rowCount()
    view.stage_combo.setCurrentIndex(view.stage_combo.findData(Stage.ANNOUNCED.value))
    assert not view.days_spin.isEnabled()
    view.date_edit.setDate(plain.decision_date + timedelta(days=7))
    view.doc_edit.setText("01/BB-ĐTT")
    with qtbot.waitSignal(ctx.data_changed, timeout=WAIT) as changed:
        view.add_event()
    # the write says what it changed — the event and the case's stage — and pages showing
    # those reload; nobody had to name them by hand
    from desktop.domain.changes import Area, Changes
    assert changed.args == [Changes(Area.EVENTS, Area.CASES)]
    qtbot.waitUntil(lambda: view.timeline.rowCount() == rows + 1, timeout=WAIT)
    assert view.event_error.isHidden()
    assert view.timeline.item(rows, 1).text() == "Công bố quyết định"
    assert view.timeline.item(rows, 0).text() == (plain.decision_date + timedelta(days=7)).strftime("%d/%m/%Y")
    # the list is asked again (the page is visible) and shows the new stage
    qtbot.waitUntil(lambda: page.model.row_of_code(plain.code) is not None and
                    page.model.index(page.model.row_of_code(plain.code), COLUMN_KEYS.index("stage")
                                     ).data() == "Công bố quyết định", timeout=WAIT)


def test_copy_selected_rows_clears_classified_text_later(qtbot, keep, ctx):
    page = _page(qtbot, ctx, keep)
    _load_all(qtbot, page.model)
    model = page.model
    secret = model.row_of_code("C2-2022-01")
    plain = next(r for r in range(model.rowCount())
                 if not model.index(r, 0).data(CaseTableModel.ClassifiedRole))
    selection = page.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(model.index(plain, 0), flags)
    page.copy_selected()
    text = QGuiApplication.clipboard().text()
    assert text == f"{model.index(plain, 0).data()}\t{model.index(plain, 1).data()}"
    assert not ctx._clipboard_timer.isActive()
    selection.select(model.index(secret, 0), flags)
    page.table.setFocus()
    selection.setCurrentIndex(model.index(secret, 2), QItemSelectionModel.SelectionFlag.NoUpdate)
    with qtbot.waitSignal(page.status, timeout=WAIT) as said:
        qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 2 and any(line.startswith("C2-2022-01\t") for line in lines)
    assert ctx._clipboard_timer.isActive(), "classified text is wiped after 30 s"
    assert "30 giây" in said.args[0]


def test_column_chooser_is_remembered(qtbot, keep, ctx):
    page = _page(qtbot, ctx, keep)
    menu = page.column_menu()
    actions = menu.actions()
    assert [a.text() for a in actions][:3] == ["Mã", "Tên cuộc thanh tra", "Đối tượng thanh tra"]
    assert all(a.isCheckable() and a.isChecked() for a in actions)
    party = COLUMN_KEYS.index("party")
    actions[party].setChecked(False)
    assert page.table.isColumnHidden(party)
    assert "party" not in ctx.settings.get(opts.CASE_COLUMNS).split(",")
    again = CasesPage(ctx)
    qtbot.addWidget(again)
    assert again.table.isColumnHidden(party)
    assert not again.table.isColumnHidden(COLUMN_KEYS.index("title"))


def test_lock_forgets_the_list_and_the_case(qtbot, keep, ctx):
    page = _page(qtbot, ctx, keep)
    with qtbot.waitSignal(page.case_view.loaded, timeout=WAIT):
        page.open_code("C2-2022-02")
    page.clear()
    assert page.model.rowCount() == 0
    assert page.case_view.code_label.text() == "" and page.case_view.timeline.rowCount() == 0
    assert page.case_view.detail is None and page.case_view.isHidden()
    assert page.count_label.text() == "0 hồ sơ"


def test_the_row_menu_opens_on_a_row_only(qtbot, keep, ctx):
    """Right-click on a case: Xem chi tiết / Chép mã và tên; on the empty part: nothing."""
    from PySide6.QtCore import QPoint
    page = _page(qtbot, ctx, keep)
    _search(qtbot, page, "C2-2023-04")
    first = page.table.visualRect(page.table.model().index(0, 0)).center()
    menu = page.row_menu(first)
    assert [a.text() for a in menu.actions()] == ["Xem chi tiết", "Chép mã và tên"]
    assert page.row_menu(QPoint(5, page.table.viewport().height() - 5)) is None   # below it


def test_the_filters_are_not_cut_at_1024_pixels(qtbot, keep, ctx):
    page = _page(qtbot, ctx, keep)
    page.resize(1024 - 220, 700)   # the window at 1024 px, less the navigation list
    qtbot.wait(50)
    edit = page.leader_filter
    needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    assert edit.width() >= needed + 30


def test_counts_use_the_interface_languages_separators(qtbot, keep, tmp_path):
    """"1.012 hồ sơ" in Vietnamese, "Cases: 1,012" in English (the page used the
    Vietnamese grouping in both)."""
    from desktop.ui import i18n
    from PySide6.QtWidgets import QApplication
    path = tmp_path / "vault"
    vs = vault_service.create_vault(path, "admin", PASSWORD, "Quản trị")
    fill_demo(vs, synthetic_cases=1000)
    total = cases.count_cases(vs)
    vs.close()
    assert total > 1000
    settings = Settings(QSettings(str(tmp_path / "hoso.ini"), QSettings.Format.IniFormat))
    shown = {}
    for lang in ("vi", "en"):
        i18n.install(QApplication.instance(), lang)
        runner = TaskRunner()
        context = AppContext(settings, runner, lang, path)
        context.set_session(vault_service.open_vault(path, "admin", PASSWORD))
        try:
            page = _page(qtbot, context, keep)
            qtbot.waitUntil(lambda: page.model.total >= 0, timeout=WAIT)
            shown[lang] = page.count_label.text()
        finally:
            i18n.install(QApplication.instance(), "vi")
            context.lock()
            runner.wait()
    thousands, rest = divmod(total, 1000)
    assert shown == {"vi": f"{thousands}.{rest:03d} hồ sơ", "en": f"Cases: {thousands},{rest:03d}"}


def test_the_busy_bar_of_a_search_shows_only_when_it_lasts(qtbot):
    """A search is usually done in tens of milliseconds: its busy bar appears only past
    LateBusyBar.SHOW_AFTER_MS, and goes as soon as the work is done."""
    from desktop.ui.widgets import LateBusyBar
    bar = LateBusyBar()
    qtbot.addWidget(bar)
    bar.set_busy(True)
    qtbot.wait(50)
    bar.set_busy(False)                     # a quick search: never seen
    qtbot.wait(LateBusyBar.SHOW_AFTER_MS + 100)
    assert bar.isHidden()
    bar.set_busy(True)                      # a slow one: seen after the delay
    assert bar.isHidden()
    qtbot.waitUntil(lambda: not bar.isHidden(), timeout=2000)
    bar.set_busy(True)                      # still busy: stays
    assert not bar.isHidden()
    bar.set_busy(False)
    assert bar.isHidden()

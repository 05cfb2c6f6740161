"""The plan, review, opinions, audit and users pages against a real encrypted demo vault
(Cục II at 30/06/2024): what a user sees, driven through the widgets, with the database
work on the worker thread as in the program."""

import os
import re
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from desktop.domain.deadlines import DeadlineState
from desktop.domain.errors import HosoError
from desktop.domain.levels import Level, Role
from desktop import bootstrap
from desktop.services import cases, vault_service
from desktop.services.demo import CUC_II, DEMO_PASSWORD, STALLED_CASE_CODES, fill_demo
from desktop.ui import errors
from desktop.ui.context import AppContext
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner
from desktop.ui.admin import audit as audit_view
from desktop.ui.admin.audit import AuditPage
from desktop.ui.cases.opinions import OpinionsPage
from desktop.ui.review.plan import PlanPage
from desktop.ui.forms import to_qdate
from desktop.ui.tables import RED
from desktop.ui.review.review import ReviewPage
from desktop.ui.admin.users import UsersPage
from tests.conftest import PASSWORD, server_database

AS_OF = date(2024, 6, 30)
WAIT = 30_000


@pytest.fixture(scope="module", params=["vault", "server"])
def demo_path(request, tmp_path_factory):
    """The demo register the pages show: a vault's folder, or a department server's
    profile (the pages run on both)."""
    folder = tmp_path_factory.mktemp("pages")
    if request.param == "server":
        path = server_database(request.getfixturevalue("pg_cluster"), folder, in_process=True)
    else:
        path = folder / "vault"
        vault_service.create_vault(path, "admin", PASSWORD, "Quản trị hệ thống").close()
    vs = bootstrap.open_session(path, "admin", PASSWORD)
    fill_demo(vs, synthetic_cases=30)
    vs.close()
    return path


@pytest.fixture
def shown_errors(monkeypatch):
    """Error dialogs the pages would show; a test expecting one empties the list."""
    seen: list[BaseException] = []
    monkeypatch.setattr(errors, "show", lambda parent, exc, lang="vi": seen.append(exc))
    yield seen
    assert not seen, [errors.describe(e, "vi") for e in seen]


def _context(tmp_path, vault_path, session, seen):
    settings = Settings(QSettings(str(tmp_path / "hoso.ini"), QSettings.Format.IniFormat))
    runner = TaskRunner()
    runner.on_error = seen.append
    ctx = AppContext(settings, runner, "vi", vault_path)
    ctx.set_session(session)
    return ctx


@pytest.fixture
def ctx(qtbot, demo_path, tmp_path, shown_errors):
    context = _context(tmp_path, demo_path, bootstrap.open_session(demo_path, "admin", PASSWORD),
                       shown_errors)
    yield context
    context.lock()
    context.runner.wait()


def idle(qtbot, ctx):
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=WAIT)


def show(qtbot, ctx, page):
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.activate()
    idle(qtbot, ctx)
    return page


def double_click(qtbot, table, index):
    """As a user does (QTest's double click alone lacks the first press)."""
    table.scrollTo(index)
    point = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def column(model, col):
    return [model.index(r, col).data() for r in range(model.rowCount())]


# --- plan ------------------------------------------------------------------------------

def test_plan_2024_shows_items_not_started_and_the_capacity_warning(qtbot, ctx, qtmodeltester):
    page = PlanPage(ctx)
    page.as_of.setDate(to_qdate(AS_OF))
    show(qtbot, ctx, page)
    assert page.year.currentData() == 2024
    rows = page.items_model.rows
    assert len(rows) == 8 and not [r for r in rows if r.status == "started"]
    statuses = column(page.items_model, 6)
    assert "Chưa triển khai" in statuses and "Chậm triển khai" in statuses
    late = statuses.index("Chậm triển khai")
    assert page.items_model.index(late, 0).data(Qt.ItemDataRole.ForegroundRole) == RED
    assert "0 đã triển khai" in page.counts.text()
    # the capacity explanation, in the red warning frame
    assert page.capacity_frame.isVisible() and page.capacity_frame.property("warning") is True
    assert "ngày công" in page.capacity_label.text() and "CẢNH BÁO" in page.capacity_label.text()
    assert all(code in page.carried.text() for code in STALLED_CASE_CODES)
    with qtbot.waitSignal(page.open_case) as opened:
        page.carried.linkActivated.emit(STALLED_CASE_CODES[0])
    assert opened.args == [STALLED_CASE_CODES[0]]
    # 2023's plan: as of 30/06/2024 nothing is "chậm" only because of the new year
    page.year.setCurrentIndex(page.year.findData(2023))
    page.year.activated.emit(page.year.currentIndex())
    idle(qtbot, ctx)
    assert page.status_data.year == 2023 and page.items_model.rowCount() == 7
    for model in (page.items_model, page.items_proxy):
        qtmodeltester.check(model)
    page.clear()  # the vault locked: nothing of it stays on screen
    assert not page.items_model.rowCount() and not page.capacity_label.text()
    assert not page.carried.text() and page.year.count() == 0


def test_plan_is_created_filled_and_an_item_started_from_the_dialogs(qtbot, ctx, qtmodeltester):
    page = PlanPage(ctx)
    show(qtbot, ctx, page)
    free = next(i for i in range(page.year.count()) if page.year.itemData(i) not in page.plan_years)
    page.year.setCurrentIndex(free)
    page.year.activated.emit(free)
    assert page.no_plan.isVisible() and page.create_button.isEnabled()
    page.create_plan()
    dialog = page.dialog
    dialog.year.setValue(2025)
    dialog.number.setText("15/QĐ-TTCP")
    dialog.unit.setCurrentText(CUC_II)
    dialog.staff.setValue(2)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    idle(qtbot, ctx)
    assert page.year.currentData() == 2025 and page.status_data is not None
    assert page.status_data.unit == CUC_II and not page.items_model.rowCount()

    page.add_item()
    dialog = page.dialog
    dialog.submit()  # no inspected party: refused at the field, nothing written
    assert dialog.isVisible() and dialog.fields["party"][2].text()
    dialog.party.setText("UBND tỉnh Lạng Sơn")
    dialog.content.setPlainText("Quản lý, sử dụng đất đai")
    dialog.quarter.setCurrentIndex(dialog.quarter.findData(1))
    dialog.days.setValue(60)
    dialog.team.setValue(8)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    idle(qtbot, ctx)
    assert [r.inspected_party for r in page.items_model.rows] == ["UBND tỉnh Lạng Sơn"]
    assert column(page.items_model, 5) == ["480"]
    assert page.capacity_frame.property("warning") is True  # 2 people cannot do 480 days

    page.items.selectRow(0)
    assert page.start_button.isEnabled()
    page.start_item()
    dialog = page.dialog
    assert "Lạng Sơn" in dialog.title.text()
    dialog.code.setText("KH-2025-01")
    dialog.number.setText("101/QĐ-TTCP")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    idle(qtbot, ctx)
    assert page.items_model.rows[0].status == "started"
    assert column(page.items_model, 6) == ["Đã triển khai (KH-2025-01)"]
    with qtbot.waitSignal(page.open_case) as opened:
        double_click(qtbot, page.items, page.items_proxy.index(0, 0))
    assert opened.args == ["KH-2025-01"]
    qtmodeltester.check(page.items_model)


# --- review ----------------------------------------------------------------------------

def test_review_first_half_2024_lists_the_six_cases_without_conclusion(qtbot, ctx, qtmodeltester):
    page = ReviewPage(ctx)
    show(qtbot, ctx, page)
    assert CUC_II in [page.unit.itemText(i) for i in range(page.unit.count())]
    page.set_period(date(2024, 1, 1), date(2024, 6, 30), CUC_II)
    assert "6 tháng đầu năm" in page.preset.currentText()
    page.run_button.click()
    assert page.busy.isVisible()
    idle(qtbot, ctx)
    assert not page.busy.isVisible()

    waiting = page.waiting_model.rows
    assert sorted(w.code for w in waiting) == sorted(STALLED_CASE_CODES)
    stages = column(page.waiting_model, 2)
    assert stages.count("Xin ý kiến Thủ tướng về việc ban hành KL") == 1
    assert stages.count("Xin ý kiến Thủ tướng về dự thảo KL") == 4
    assert all(column(page.waiting_model, 5))  # each says what it waits for
    assert "01/01/2024 – 30/06/2024" in page.summary.text() and "6 cuộc" in page.summary.text()
    assert page.tabs.tabText(0) == "Chưa có kết luận (6)"

    values = {i.code: i.value for i in page.indicators}
    assert int(values["carried_over"]) >= 6
    assert re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d+)?", values["violation_money"])  # million đồng
    assert page.opinions_model.rowCount() and all(o["days_late"] > 0 for o in page.opinions_model.rows)
    assert page.directives_model.rowCount()
    assert page.plan_model.rowCount() >= 6
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", column(page.opinions_model, 3)[0])

    table = page.tables["waiting"]
    first = page.proxies["waiting"].index(0, 0)
    with qtbot.waitSignal(page.open_case) as opened:
        double_click(qtbot, table, first)
    assert opened.args == [first.data()]
    with qtbot.waitSignal(page.status):  # no main window here: says so instead of failing
        page.export_button.click()
    for model in (page.indicators_model, page.waiting_model, page.opinions_model,
                  page.directives_model, page.plan_model, *page.proxies.values()):
        qtmodeltester.check(model)
    page.clear()
    assert not page.waiting_model.rowCount() and not page.indicators_model.rowCount()
    assert page.report is None


def test_review_presets_include_the_sector_cut_offs(qtbot, ctx):
    page = ReviewPage(ctx)
    qtbot.addWidget(page)
    page.year.setValue(2024)
    index = next(i for i in range(page.preset.count()) if "15/12 – 14/6" in page.preset.itemText(i))
    page.preset.setCurrentIndex(index)
    page.preset.activated.emit(index)
    assert page.start.date() == to_qdate(date(2023, 12, 15))
    assert page.end.date() == to_qdate(date(2024, 6, 14))
    page.end.setDate(to_qdate(date(2024, 6, 20)))
    assert page.preset.currentData() is None  # "Tùy chọn"


# --- opinions and directives -----------------------------------------------------------

def test_opinions_page_shows_overdue_requests_in_red(qtbot, ctx, qtmodeltester):
    page = OpinionsPage(ctx)
    page.as_of.setDate(to_qdate(AS_OF))
    show(qtbot, ctx, page)
    rows = page.opinions_model.rows
    overdue = [r for r in rows if r.deadline and r.deadline.state is DeadlineState.OVERDUE]
    assert overdue and len(overdue) < len(rows)
    proxy = page.proxies["opinions"]
    assert proxy.index(0, 2).data().startswith("Quá hạn")  # worst first
    assert proxy.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == RED
    assert "quá hạn" in page.summary.text()

    page.only_pending.setChecked(True)
    pending = proxy.rowCount()
    assert len(overdue) <= pending < len(rows)
    assert all(proxy.index(r, 2).data().startswith(("Quá hạn", "Sắp đến hạn", "Đến hạn"))
               for r in range(pending))
    assert page.tabs.tabText(0) == f"Xin ý kiến ({pending})"
    directives = page.proxies["directives"]
    assert directives.rowCount() and directives.index(0, 2).data().startswith("Quá hạn")

    with qtbot.waitSignal(page.open_case) as opened:
        double_click(qtbot, page.tables["opinions"], proxy.index(0, 0))
    assert opened.args == [proxy.index(0, 0).data()]
    page.only_pending.setChecked(False)
    for model in (page.opinions_model, page.directives_model, proxy, directives):
        qtmodeltester.check(model)
    page.clear()
    assert not page.opinions_model.rowCount() and not page.directives_model.rowCount()


# --- audit -----------------------------------------------------------------------------

def test_audit_page_lists_filters_and_verifies_the_chain(qtbot, ctx, qtmodeltester, monkeypatch):
    page = AuditPage(ctx)
    show(qtbot, ctx, page)
    assert page.model.rowCount() > 50
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}", page.model.index(0, 0).data())
    assert page.user.findData("admin") > 0 and page.action.findData("user.add") > 0

    page.verify_button.click()
    idle(qtbot, ctx)
    assert page.verify_result.text().startswith("OK, ")
    assert f"{page.report.rows} dòng" in page.verify_result.text().replace(".", "")
    assert page.verify_result.property("broken") is False

    page.set_filters(user="admin", action="user")
    idle(qtbot, ctx)
    actions = [e.action for e in page.model.rows]
    assert actions and all(a.startswith("user.") for a in actions)
    assert "Thêm người dùng" in column(page.model, 2)
    page.set_filters(since=date(2000, 1, 1), until=date(2000, 12, 31))
    idle(qtbot, ctx)
    assert page.model.rowCount() == 0
    qtmodeltester.check(page.model)

    monkeypatch.setattr(audit_view, "PAGE_SIZE", 20)  # a page at a time as the view scrolls
    page.set_filters()
    idle(qtbot, ctx)
    assert page.model.rowCount() >= 20  # the view asks for more until it is full
    while page.model.canFetchMore():
        page.model.fetchMore()
        idle(qtbot, ctx)
    ids = [e.id for e in page.model.rows]
    assert ids == list(range(max(ids), 0, -1))  # every row once, newest first
    assert len(ids) >= page.report.rows
    # every action and detail in words: no code ("doc.list") nor key ("classified_rows")
    for action, details in zip(column(page.model, 2), column(page.model, 4)):
        assert not re.fullmatch(r"[a-z_]+\.[a-z_]+", action), action
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", details), details
        assert not re.search(r"\d{4}-\d{2}-\d{2}", details), details


def test_audit_page_names_the_tampered_row(qtbot, tmp_path, shown_errors):
    path = tmp_path / "vault"
    vs = vault_service.create_vault(path, "admin", PASSWORD)
    for i in range(4):
        cases.add_case(vs, cases.CaseInput(code=f"A-{i}", title="x"))
    ctx = _context(tmp_path, path, vs, shown_errors)
    try:
        page = AuditPage(ctx)
        show(qtbot, ctx, page)
        page.verify_button.click()
        idle(qtbot, ctx)
        assert page.verify_result.text().startswith("OK, ")
        with vs.engine.begin() as conn:  # someone holding the DB key edits a row by hand
            conn.execute(text("DROP TRIGGER audit_no_update"))
            conn.execute(text("DROP TRIGGER audit_no_delete"))
            conn.execute(text("UPDATE audit_log SET username = 'someone' WHERE id = 3"))
        page.verify_button.click()
        idle(qtbot, ctx)
        assert page.report.broken_at == 3
        assert page.verify_result.property("broken") is True
        assert "dòng số 3" in page.verify_result.text()
        assert "b00020" in page.verify_result.styleSheet()  # red
        selected = page.table.selectionModel().selectedRows()
        assert selected and page.model.row(selected[0].row()).id == 3
    finally:
        ctx.lock()
        ctx.runner.wait()


def test_audit_page_checks_the_whole_vault_and_names_a_damaged_document(qtbot, tmp_path,
                                                                        shown_errors):
    from desktop.services import documents as docs
    path = tmp_path / "vault"
    vs = vault_service.create_vault(path, "admin", PASSWORD)
    body = tmp_path / "bao-cao.bin"
    body.write_bytes(os.urandom(200_000))
    docs.add_document(vs, docs.DocumentInput(number="07/BC", doc_type="BC",
                                             doc_date=date(2026, 1, 5)), body)
    ctx = _context(tmp_path, path, vs, shown_errors)
    try:
        page = AuditPage(ctx)
        show(qtbot, ctx, page)
        page.verify_vault_button.click()
        idle(qtbot, ctx)
        assert page.vault_report.ok and "nguyên vẹn" in page.verify_result.text()
        [blob] = (path / "blobs").rglob("*.blob")
        with open(blob, "r+b") as f:   # a copy cut short
            f.truncate(blob.stat().st_size // 3)
        page.verify_vault_button.click()
        idle(qtbot, ctx)
        assert page.verify_result.property("broken") is True
        assert "07/BC" in page.verify_result.text() and "b00020" in page.verify_result.styleSheet()
    finally:
        ctx.lock()
        ctx.runner.wait()


def test_damage_found_after_unlock_shows_as_a_red_banner(qtbot, tmp_path, demo_path,
                                                         shown_errors, monkeypatch):
    if bootstrap.is_server_profile(demo_path):
        pytest.skip("damaged pages of a vault's file; a server's pages are PostgreSQL's")
    import shutil
    # the copy has the demo's vault id: its anchors go to a profile of their own, or the
    # demo would then look older than what "this user" saw
    monkeypatch.setenv("HOSO_PROFILE_DIR", str(tmp_path / "profile"))

    from desktop.ui.shell.main_window import MainWindow
    path = tmp_path / "copy"
    shutil.copytree(demo_path, path)
    db = path / "hoso.db"
    data = bytearray(db.read_bytes())
    for tenth in range(1, 10):   # one flipped byte in pages the login may not read
        data[len(data) * tenth // 10 + 77] ^= 0x5A
    db.write_bytes(data)
    try:
        vs = vault_service.open_vault(path, "admin", PASSWORD)
    except Exception:  # noqa: BLE001 — a page the login reads: the login says so itself
        pytest.skip("the flips hit a page the login reads")
    ctx = _context(tmp_path, path, vs, shown_errors)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(window.damage_banner.isVisible, timeout=20000)
        assert "bị hỏng" in window.damage_banner.text() and "trang" in window.damage_banner.text()
        ctx.lock()
        assert not window.damage_banner.isVisible()
    finally:
        shown_errors.clear()   # the pages may fail to read the damaged rows: shown as errors
        ctx.lock()
        ctx.runner.wait()
        window.integrity_watch.wait()


# --- users -----------------------------------------------------------------------------

def test_users_page_adds_a_user_with_a_one_time_password(qtbot, ctx, qtmodeltester, demo_path,
                                                          shown_errors):
    page = UsersPage(ctx)
    show(qtbot, ctx, page)
    assert {"admin", "lanhdao", "vanthu"} <= {u.username for u in page.model.rows}

    page.add_user()
    dialog = page.dialog
    dialog.name.setText("thanhtra3")
    dialog.full_name.setText("Phan Văn Mới")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.INSPECTOR.value))
    dialog.clearance.setCurrentIndex(dialog.clearance.findData(int(Level.MAT)))
    dialog.submit()
    assert dialog.busy.isVisible()  # Argon2 runs on the worker
    qtbot.waitUntil(lambda: page.password_dialog is not None and page.password_dialog.isVisible(),
                    timeout=WAIT)
    shown = page.password_dialog
    password = shown.password.text()
    assert re.fullmatch(r"[a-z2-9]{4}(-[a-z2-9]{4}){3}", password)
    shown.copy_button.click()
    assert QGuiApplication.clipboard().text() == password
    assert ctx._clipboard_timer.isActive()  # classified: wiped after a while
    shown.close()
    assert shown.password.text() == ""
    idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "thanhtra3" in [u.username for u in page.model.rows], timeout=WAIT)
    row = [u.username for u in page.model.rows].index("thanhtra3")
    assert [page.model.index(row, c).data() for c in range(5)] == [
        "thanhtra3", "Phan Văn Mới", "Thanh tra viên", "Mật", "Có"]
    bootstrap.open_session(demo_path, "thanhtra3", password).close()  # the password works

    # an existing name: the service refuses, the dialog says so under the name and stays open
    page.add_user()
    dialog = page.dialog
    dialog.name.setText("lanhdao")
    dialog.submit()
    name_error = dialog.fields["name"][2]
    qtbot.waitUntil(name_error.isVisible, timeout=WAIT)
    assert "lanhdao" in name_error.text() and dialog.isVisible() and not shown_errors
    dialog.reject()

    # role and clearance
    page.table.selectRow(page.proxy.mapFromSource(page.model.index(row, 0)).row())
    page.change_role()
    dialog = page.dialog
    dialog.role.setCurrentIndex(dialog.role.findData(Role.CLERK.value))
    dialog.clearance.setCurrentIndex(dialog.clearance.findData(int(Level.THUONG)))
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    idle(qtbot, ctx)
    info = next(u for u in page.model.rows if u.username == "thanhtra3")
    assert info.role is Role.CLERK and info.clearance is Level.THUONG

    # reset: asked first, then a new one-time password
    page.table.selectRow(page.proxy.mapFromSource(
        page.model.index([u.username for u in page.model.rows].index("thanhtra3"), 0)).row())
    page.reset_password()
    box = page.dialog
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.password_dialog is not shown and page.password_dialog.isVisible(),
                    timeout=WAIT)
    new_password = page.password_dialog.password.text()
    assert new_password != password
    page.password_dialog.close()
    idle(qtbot, ctx)
    bootstrap.open_session(demo_path, "thanhtra3", new_password).close()

    # disable (asked first): the account cannot log in and its level keys are gone
    def select(name):
        page.table.selectRow(page.proxy.mapFromSource(
            page.model.index([u.username for u in page.model.rows].index(name), 0)).row())
    select("thanhtra3")
    assert page.active_button.text() == "Khóa tài khoản…"
    page.toggle_active()
    page.dialog.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not next(u for u in page.model.rows
                                     if u.username == "thanhtra3").active, timeout=WAIT)
    row = [u.username for u in page.model.rows].index("thanhtra3")
    assert page.model.index(row, 5).data() == "Đã khóa"
    with pytest.raises(HosoError) as refused:
        bootstrap.open_session(demo_path, "thanhtra3", new_password)
    # a server refuses the disabled account's login itself, before the program's check
    assert refused.value.key == ("server.login_disabled" if bootstrap.is_server_profile(demo_path)
                                 else "vault.user_disabled")
    select("thanhtra3")
    assert page.active_button.text() == "Mở lại tài khoản…"
    page.toggle_active()
    page.dialog.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: next(u for u in page.model.rows
                                 if u.username == "thanhtra3").active, timeout=WAIT)
    idle(qtbot, ctx)
    bootstrap.open_session(demo_path, "thanhtra3", new_password).close()
    for model in (page.model, page.proxy):
        qtmodeltester.check(model)


def test_users_page_refuses_a_non_administrator(qtbot, demo_path, tmp_path, shown_errors):
    ctx = _context(tmp_path, demo_path, bootstrap.open_session(demo_path, "vanthu", DEMO_PASSWORD),
                   shown_errors)
    try:
        page = UsersPage(ctx)
        show(qtbot, ctx, page)
        assert page.refused.isVisible() and not page.table.isVisible()
        assert not page.add_button.isVisible() and page.model.rowCount() == 0
        page.add_user()  # even when called directly: nothing happens
        assert page.dialog is None
    finally:
        ctx.lock()
        ctx.runner.wait()


def test_a_write_reloads_only_the_pages_that_show_what_it_changed(qtbot, ctx):
    """Each page says what it shows; a write says what it changed (domain.changes)."""
    from desktop.domain.changes import Area, Changes
    from desktop.ui.shell.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    pages = {key: window.page(key) for key in ("dashboard", "cases", "plan", "opinions",
                                                 "documents", "review", "audit", "users")}
    idle(qtbot, ctx)

    def stale_after(changes):
        for page in pages.values():
            page.stale = False
        ctx.data_changed.emit(changes)
        return {key for key, page in pages.items() if page.stale}

    assert stale_after(Changes(Area.DOCUMENTS)) == {"dashboard", "cases", "documents", "audit"}
    assert stale_after(Changes(Area.USERS)) == {"users", "audit"}
    assert stale_after(Changes(Area.PLAN)) == {"plan", "review", "audit"}
    assert stale_after(Changes(Area.EVENTS)) == {"dashboard", "cases", "plan", "review", "audit"}
    assert stale_after(Changes(Area.OPINIONS)) == {"dashboard", "cases", "opinions", "review",
                                                    "audit"}

"""The "Ý kiến & chỉ đạo" page's forms on a fresh vault: one letter to three addressees,
a reply, a reminder; a directive, a progress note and its completion; each shown in the
tables with its state once saved."""

from datetime import date

import pytest
from PySide6.QtCore import QSettings

from desktop.services import cases, vault_service
from desktop.ui.context import AppContext
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner
from desktop.ui.cases.opinions import OpinionsPage
from tests.conftest import PASSWORD

WAIT = 20000


@pytest.fixture
def ctx(tmp_path):
    path = tmp_path / "vault"
    vs = vault_service.create_vault(path, "admin", PASSWORD, "Quản trị")
    cases.add_case(vs, cases.CaseInput(code="O-1", title="Thanh tra đất đai",
                                       decision_date=date(2024, 1, 10)))
    vs.close()
    settings = Settings(QSettings(str(tmp_path / "hoso.ini"), QSettings.Format.IniFormat))
    runner = TaskRunner()
    context = AppContext(settings, runner, "vi", path)
    context.set_session(vault_service.open_vault(path, "admin", PASSWORD))
    yield context
    context.lock()
    runner.wait()


def _save(qtbot, page, values: dict) -> None:
    form = page.form
    for name, value in values.items():
        widget = form.widgets[name]
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(value)
        else:
            widget.setText(value)
    with qtbot.waitSignal(page.opinions_model.modelReset, timeout=WAIT):
        form.submit()
    assert not form.isVisible()


def _select(page, key: str, text: str) -> None:
    table, proxy = page.tables[key], page.proxies[key]
    row = next(r for r in range(proxy.rowCount())
               if any(proxy.index(r, c).data() == text for c in range(proxy.columnCount())))
    table.setCurrentIndex(proxy.index(row, 0))


def test_requests_and_directives_are_recorded_from_the_page(qtbot, ctx):
    page = OpinionsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.opinions_model.modelReset, timeout=WAIT):
        page.activate()
    assert page.buttons["send"].isVisible() and not page.buttons["note"].isVisible()
    page.record("reply")  # nothing selected: said, no form
    assert "Chọn một dòng" in page.summary.text()

    page.record("send")
    _save(qtbot, page, {"case": "O-1", "to": "Bộ Tài chính\nUBND tỉnh Hà Giang\nThủ tướng Chính phủ",
                        "doc": "12/TTCP-C.II", "sent": "01/04/2024",
                        "subject": "Xin ý kiến dự thảo kết luận"})
    assert {r.addressee for r in page.opinions_model.rows} == {
        "Bộ Tài chính", "UBND tỉnh Hà Giang", "Thủ tướng Chính phủ"}
    _select(page, "opinions", "Bộ Tài chính")
    page.record("reply")
    _save(qtbot, page, {"date": "20/04/2024", "doc": "55/BTC", "gist": "Thống nhất"})
    _select(page, "opinions", "Thủ tướng Chính phủ")
    page.record("remind")
    _save(qtbot, page, {"date": "10/05/2024", "doc": "20/TTCP"})
    rows = {r.addressee: r for r in page.opinions_model.rows}
    assert rows["Bộ Tài chính"].answered == date(2024, 4, 20)
    assert rows["Thủ tướng Chính phủ"].reminders == 1
    # the day the head received it: the 30 days count from it, not from the sent date
    assert rows["UBND tỉnh Hà Giang"].deadline.due == date(2024, 5, 2)   # 01/04 + 30 → Thu
    _select(page, "opinions", "UBND tỉnh Hà Giang")
    page.record("received")
    _save(qtbot, page, {"date": "05/04/2024"})
    line = next(r for r in page.opinions_model.rows if r.addressee == "UBND tỉnh Hà Giang")
    assert line.deadline.due == date(2024, 5, 6)                # 05/04 + 30 = Sun 05/05 → Mon
    assert "ngày 05/04/2024" in line.deadline.explanation("vi")

    page.tabs.setCurrentIndex(1)
    assert page.buttons["note"].isVisible() and not page.buttons["send"].isVisible()
    page.record("directive")
    form = page.form
    form.widgets["issuer"].setText("Thủ tướng Chính phủ")
    form.widgets["due"].setText("31/02/2024")   # a bad date: said at the field, nothing sent
    form.submit()
    _label, _widget, due_error = form.fields["due"]
    assert form.isVisible() and due_error.isVisible() and "31/02/2024" in due_error.text()
    assert not form.message.isVisible()
    form.widgets["due"].setText("30/05/2024")   # refused by the service: at its field too
    form.submit()
    _label, _widget, content_error = form.fields["content"]
    qtbot.waitUntil(content_error.isVisible, timeout=WAIT)
    assert not due_error.isVisible() and form.isVisible()
    form.widgets["content"].setPlainText("Hoàn thiện kết luận")
    form.widgets["issued"].setText("01/06/2099")
    form.submit()
    _label, _widget, issued_error = form.fields["issued"]
    qtbot.waitUntil(issued_error.isVisible, timeout=WAIT)
    assert "01/06/2099" in issued_error.text() and not content_error.isVisible()
    _save(qtbot, page, {"content": "Hoàn thiện kết luận", "case": "O-1", "due": "30/05/2024",
                        "issued": "01/05/2024"})
    _select(page, "directives", "Hoàn thiện kết luận")
    page.record("note")
    _save(qtbot, page, {"date": "10/05/2024", "text": "Đã trình dự thảo"})
    _select(page, "directives", "Hoàn thiện kết luận")
    page.record("done")
    _save(qtbot, page, {"date": "28/05/2024", "report": "77/BC"})
    [line] = page.directives_model.rows
    assert (line.status, line.notes, line.report_ref) == ("done", 1, "77/BC")

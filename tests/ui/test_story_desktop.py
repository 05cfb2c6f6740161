"""The command-line story (tests/integration/test_story_cli.py) told again entirely in the
desktop program, as a secretary would click it: the case created from the Cases page, its
events recorded in the case view, one corrected from the timeline, the leader replaced from
the team table, the requests for opinions sent from the case and answered or reminded from
the "Ý kiến & chỉ đạo" page, the conclusion's figures typed in the case form, three
recommendations added and followed up to done in the Result tab, the review run on its
page. Both programs must end with the same table 01/TTr and the same audit rows."""

from datetime import date

from PySide6.QtCore import QDate

from desktop.domain.stages import Stage
from desktop.ui.cases.cases import CasesPage
from desktop.ui.cases.opinions import OpinionsPage
from desktop.ui.review.review import ReviewPage
from tests.conftest import admin_cli
from tests.integration.test_story_cli import cli_outcome, outcome, tell_the_story

WAIT = 20000


def _fill(form, values: dict) -> None:
    for name, value in values.items():
        widget = form.fields[name][1]
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(value)
        elif hasattr(widget, "findData"):
            widget.setCurrentIndex(widget.findData(value))
        else:
            widget.setText(value)


class Desk:
    """The pages a user works in, over one unlocked vault."""

    def __init__(self, qtbot, ctx) -> None:
        self.qtbot = qtbot
        self.cases = CasesPage(ctx)
        self.opinions = OpinionsPage(ctx)
        for page in (self.cases, self.opinions):
            qtbot.addWidget(page)
            page.resize(1280, 800)
        self.cases.show()
        with qtbot.waitSignal(self.cases.model.reset_done, timeout=WAIT):
            self.cases.activate()
        self.view = self.cases.case_view

    def save(self, form, values: dict, signal=None) -> None:
        """Fill a form and press OK; it must close (saved), the view reloaded."""
        _fill(form, values)
        with self.qtbot.waitSignal(signal or self.view.loaded, timeout=WAIT):
            form.submit()
        assert not form.isVisible(), form.message.text() or [
            e.text() for _l, _w, e in form.fields.values() if e.text()]

    def event(self, stage: Stage, day: str, doc: str = "") -> None:
        view = self.view
        view.stage_combo.setCurrentIndex(view.stage_combo.findData(stage.value))
        d, m, y = (int(p) for p in day.split("/"))
        view.date_edit.setDate(QDate(y, m, d))
        view.doc_edit.setText(doc)
        with self.qtbot.waitSignal(view.loaded, timeout=WAIT):
            view.add_button.click()
        assert not view.event_error.isVisible(), view.event_error.text()

    def on_opinions_page(self, addressee: str, action: str, values: dict) -> None:
        page = self.opinions
        page.show()
        if page.stale:   # shown after a change elsewhere: it reloads
            with self.qtbot.waitSignal(page.opinions_model.modelReset, timeout=WAIT):
                page.activate()
        proxy = page.proxies["opinions"]
        row = next(r for r in range(proxy.rowCount())
                   if any(proxy.index(r, c).data() == addressee
                          for c in range(proxy.columnCount())))
        page.tables["opinions"].setCurrentIndex(proxy.index(row, 0))
        page.buttons[action].click()
        self.save(page.form, values, page.opinions_model.modelReset)
        page.hide()
        with self.qtbot.waitSignal(self.view.loaded, timeout=WAIT):
            self.view.reload()


def test_the_story_told_in_the_desktop_program_ends_as_on_the_command_line(qtbot, ctx, tmp_path):
    desk = Desk(qtbot, ctx)
    view = desk.view

    desk.cases.new_case()
    desk.save(desk.cases.form, {
        "code": "ST-1", "title": "Thanh tra việc quản lý đất đai tỉnh A",
        "inspected_party": "UBND tỉnh A", "decision_number": "101/QĐ-TTCP",
        "decision_date": "05/01/2024", "team": "Nguyễn Văn An:trưởng đoàn; Trần Thị Bình"})
    assert view.code == "ST-1"
    desk.event(Stage.ANNOUNCED, "15/01/2024")
    view.findChild(type(view.add_button), "team_leader").click()
    desk.save(view.form, {"name": "Lê Văn Cường", "since": "01/02/2024"})
    desk.event(Stage.ONSITE_ENDED, "10/03/2024")
    row = next(r for r, e in enumerate(view.timeline_events) if e.stage is Stage.ONSITE_ENDED)
    view.timeline.setCurrentCell(row, 0)
    view.fix_button.click()
    view.form.date.setText("12/03/2024")
    view.form.reason.setText("Ghi nhầm ngày kết thúc")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.form.submit()
    desk.event(Stage.TEAM_REPORT, "25/03/2024")
    desk.event(Stage.DRAFT, "05/04/2024")
    view.send_opinion_button.click()
    desk.save(view.form, {"to": "Bộ Tài chính\nBộ Xây dựng\nUBND tỉnh A", "doc": "120/TTCP-C.II",
                          "sent": "08/04/2024", "subject": "Xin ý kiến dự thảo kết luận"})
    desk.on_opinions_page("Bộ Tài chính", "reply", {"date": "20/04/2024", "doc": "45/BTC"})
    desk.on_opinions_page("Bộ Xây dựng", "reply", {"date": "25/05/2024", "doc": "30/BXD"})
    desk.on_opinions_page("UBND tỉnh A", "remind", {"date": "15/05/2024", "doc": "150/TTCP-C.II"})
    desk.event(Stage.PM_DRAFT_OPINION, "20/05/2024")
    view.send_opinion_button.click()
    desk.save(view.form, {"to": "Thủ tướng Chính phủ", "doc": "180/TTr-TTCP", "sent": "20/05/2024"})
    desk.on_opinions_page("Thủ tướng Chính phủ", "reply",
                          {"date": "05/06/2024", "doc": "400/VPCP-V.I", "gist": "Đồng ý ban hành"})
    desk.event(Stage.CONCLUDED, "10/06/2024", "88/KL-TTCP")

    view.edit_button.click()   # the conclusion's figures, as the CLI's `case result`
    desk.save(view.form, {"violation_money": "20 tỷ", "recovery_money": "12,5 tỷ",
                          "disciplined_persons": "3"})
    add = view.findChild(type(view.add_button), "recommendation_add")
    for kind, to, money in (("recover_money", "UBND tỉnh A", "12,5 tỷ"),
                            ("discipline", "Sở TNMT", ""), ("policy", "Bộ TNMT", "")):
        add.click()
        desk.save(view.form, {"kind": kind, "to": to, "money": money})
    desk.event(Stage.FOLLOW_UP, "15/06/2024")
    update = view.findChild(type(view.add_button), "recommendation_update")
    view.recommendation_table.setCurrentCell(0, 0)
    update.click()
    desk.save(view.form, {"date": "20/06/2024", "status": "partly_done", "money": "5 tỷ"})
    for row in range(3):
        view.recommendation_table.setCurrentCell(row, 0)
        update.click()
        desk.save(view.form, {"date": "28/06/2024", "status": "done",
                              **({"money": "12,5 tỷ"} if row == 0 else {})})
    desk.event(Stage.CLOSED, "29/06/2024")
    assert view.detail.row.stage is Stage.CLOSED

    review = ReviewPage(ctx)
    qtbot.addWidget(review)
    review.show()
    review.start.setDate(QDate(2024, 1, 1))
    review.end.setDate(QDate(2024, 6, 30))
    review.run_report()
    qtbot.waitUntil(lambda: review.report is not None, timeout=WAIT)
    shown = review.report.indicators
    assert (shown.started, shown.conclusions_issued, shown.recovery_money) == (1, 1, 12_500_000_000)
    assert [o["addressee"] for o in review.report.opinions_overdue] == ["UBND tỉnh A"]

    ctx.runner.wait()
    desktop = outcome(ctx.session)
    hoso = admin_cli(tmp_path / "cli")
    tell_the_story(hoso)
    on_the_command_line = cli_outcome(tmp_path / "cli")
    assert desktop[0] == on_the_command_line[0]
    assert desktop[1] == on_the_command_line[1]
    assert len(desktop[1]) >= 25 and ("case.event_fix", "ST-1") in desktop[1]
    assert date(2024, 6, 29) in {e.date for e in view.timeline_events}

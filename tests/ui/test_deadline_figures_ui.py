"""The case view's "Thời hạn" tab as the checked rule data shows it: a due date resting on a
figure still to verify carries a mark explained under the table, and a Law 84/2025 limit
without a known figure (the drafting time, Art. 34(5)) is listed as "chưa có số liệu"."""

from datetime import date

from desktop.domain.stages import InspectingLevel, Stage
from desktop.services import cases
from desktop.ui.cases.case_view import CaseView

WAIT = 20000


def test_the_deadlines_tab_marks_figures_to_verify_and_lists_a_limit_without_one(qtbot, ctx):
    def setup(vs, _control):
        cases.add_case(vs, cases.CaseInput(code="TT-25", title="Thanh tra đất đai",
                                           decision_date=date(2025, 8, 4),
                                           inspecting_level=InspectingLevel.PROVINCE))
        for stage, when in ((Stage.ANNOUNCED, date(2025, 8, 11)),
                            (Stage.ONSITE_ENDED, date(2025, 10, 1)),
                            (Stage.TEAM_REPORT, date(2025, 10, 10))):
            cases.add_event(vs, "TT-25", stage, when)
    done = []
    ctx.db(setup, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    view = CaseView(ctx)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.load("TT-25")
    view.tabs.setCurrentIndex(view.deadlines_tab)
    table = view.deadline_table
    dues = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert dues["Kết thúc thanh tra trực tiếp"].startswith("15/10/2025 *")   # not in the texts
    assert "*" not in dues["Giao xây dựng dự thảo kết luận"]                  # Art. 34(1), checked
    notes = view.deadline_notes.text().splitlines()
    assert view.deadline_notes.isVisible()
    assert notes[0] == "* Hạn tính theo số liệu chưa đối chiếu được với văn bản luật (cần kiểm tra)."
    assert notes[1].startswith("Xây dựng dự thảo kết luận: chưa có số liệu — Điều 34 khoản 5")

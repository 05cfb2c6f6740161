"""Creating a case from the Cases page (Ctrl+N, the button, the empty page's hint) and
changing it from the case view, with its History tab; on a real, fresh encrypted vault."""

from PySide6.QtCore import Qt

from desktop.domain.levels import Level
from desktop.services import case_edit, cases
from desktop.ui.cases.cases import CasesPage

WAIT = 20000


def _page(qtbot, ctx) -> CasesPage:
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    with qtbot.waitSignal(page.model.reset_done, timeout=WAIT):
        page.activate()
    qtbot.waitUntil(lambda: not page.model.busy, timeout=WAIT)
    return page


def _read(ctx, qtbot, fn):
    """Read through the services on the database worker (the GUI's one connection)."""
    box = []
    ctx.db(lambda vs, _c: fn(vs), done=box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT)
    return box[0]


def test_a_new_vault_says_what_to_do_and_ctrl_n_creates_a_case(qtbot, ctx):
    page = _page(qtbot, ctx)
    qtbot.waitUntil(page.empty_hint.isVisible, timeout=WAIT)
    assert "Ctrl+N" in page.empty_hint.text()
    page.activateWindow()   # a shortcut needs the active window (an X server has one)
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(page, "form", None) is not None and page.form.isVisible(),
                    timeout=WAIT)
    form = page.form
    form.edits["code"].setText("TT-01")
    form.edits["title"].setText("Thanh tra việc quản lý đất đai")
    form.edits["decision_date"].setText("32/13/2024")   # a bad date: said, nothing written
    form.submit()
    qtbot.waitUntil(lambda: form.buttons.isEnabled() and not form.busy.isVisible(), timeout=WAIT)
    assert form.isVisible()
    # said under the date field, which is outlined; the form's own line stays empty
    assert "32/13/2024" in form.fields["decision_date"][2].text()
    assert form.fields["decision_date"][2].isVisible() and not form.message.isVisible()
    assert _read(ctx, qtbot, lambda vs: cases.count_cases(vs)) == 0
    form.edits["decision_date"].setText("01/03/2024")
    form.team.setText("Nguyễn Văn An:trưởng đoàn; Trần Thị Bình")
    with qtbot.waitSignal(page.case_view.loaded, timeout=WAIT):
        form.submit()
    assert not form.isVisible()
    assert page.case_view.title_label.text() == "Thanh tra việc quản lý đất đai"
    qtbot.waitUntil(lambda: not page.empty_hint.isVisible(), timeout=WAIT)
    detail = _read(ctx, qtbot, lambda vs: cases.get_case(vs, "TT-01"))
    assert [name for name, _ in detail.team] == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_editing_a_case_keeps_its_history_and_a_level_change_needs_a_reason(qtbot, ctx):
    _read(ctx, qtbot, lambda vs: cases.add_case(vs, cases.CaseInput(
        code="TT-02", title="Thanh tra đầu tư công", inspected_party="Sở Xây dựng")))
    page = _page(qtbot, ctx)
    with qtbot.waitSignal(page.case_view.loaded, timeout=WAIT):
        page.open_code("TT-02")
    view = page.case_view
    view.edit_case()
    form = view.form
    assert form.edits["title"].text() == "Thanh tra đầu tư công"
    form.edits["title"].setText("Thanh tra dự án đầu tư công")
    form.level.setCurrentIndex(form.level.findData(Level.TOI_MAT.code))
    form.submit()   # no reason for the level change: refused under the reason, the form stays
    qtbot.waitUntil(lambda: form.buttons.isEnabled() and not form.busy.isVisible(), timeout=WAIT)
    assert form.isVisible() and form.fields["reason"][2].isVisible()
    form.reason.setText("Có tài liệu tối mật")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        form.submit()
    assert view.title_label.text() == "Thanh tra dự án đầu tư công"
    assert view.tabs.tabText(view.history_tab) == "Lịch sử (2)"
    rows = [[view.history_table.item(r, c).text() for c in range(6)]
            for r in range(view.history_table.rowCount())]
    assert ["Độ mật", "Thường", "Tối mật", "Có tài liệu tối mật"] in [r[2:] for r in rows]
    assert ["Tên cuộc thanh tra", "Thanh tra đầu tư công", "Thanh tra dự án đầu tư công",
            "Có tài liệu tối mật"] in [r[2:] for r in rows]
    changes = _read(ctx, qtbot, lambda vs: case_edit.history(vs, "TT-02"))
    assert {c.field for c in changes} == {"title", "level"} and {c.by for c in changes} == {"admin"}


def test_a_wrong_event_is_corrected_from_the_timeline(qtbot, ctx):
    from datetime import date

    from desktop.domain.stages import Stage

    def setup(vs):
        cases.add_case(vs, cases.CaseInput(code="TT-03", title="Thanh tra C",
                                           decision_date=date(2024, 3, 1)))
        cases.add_event(vs, "TT-03", Stage.ANNOUNCED, date(2024, 3, 15))
    _read(ctx, qtbot, setup)
    page = _page(qtbot, ctx)
    with qtbot.waitSignal(page.case_view.loaded, timeout=WAIT):
        page.open_code("TT-03")
    view = page.case_view
    view.timeline.setCurrentCell(-1, -1)
    view.fix_event()   # nothing selected: said under the timeline
    assert "Chọn một sự kiện" in view.event_error.text()
    view.timeline.setCurrentCell(1, 0)
    view.fix_event()
    form = view.form
    form.date.setText("18/03/2024")
    form.submit()      # no reason: refused, the form stays
    qtbot.waitUntil(lambda: form.buttons.isEnabled() and not form.busy.isVisible(), timeout=WAIT)
    assert form.isVisible()
    form.reason.setText("Ghi nhầm ngày")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        form.submit()
    texts = [[view.timeline.item(r, c).text() for c in range(3)]
             for r in range(view.timeline.rowCount())]
    assert ["15/03/2024", "Công bố quyết định (đã hủy)", "Lý do: Ghi nhầm ngày"] in texts
    assert ["18/03/2024", "Công bố quyết định (đã sửa)", ""] in texts
    assert view.timeline.item(1, 0).font().strikeOut()


def test_recommendations_are_added_and_followed_up_in_the_results_tab(qtbot, ctx):
    from datetime import date

    from desktop.domain.stages import Stage

    def setup(vs):
        cases.add_case(vs, cases.CaseInput(code="TT-04", title="Thanh tra D",
                                           decision_date=date(2023, 3, 1)))
        for stage, day in ((Stage.ANNOUNCED, date(2023, 3, 15)),
                           (Stage.ONSITE_ENDED, date(2023, 5, 15)),
                           (Stage.TEAM_REPORT, date(2023, 6, 1)), (Stage.DRAFT, date(2023, 6, 15)),
                           (Stage.CONCLUDED, date(2023, 7, 1))):
            cases.add_event(vs, "TT-04", stage, day)
    _read(ctx, qtbot, setup)
    page = _page(qtbot, ctx)
    with qtbot.waitSignal(page.case_view.loaded, timeout=WAIT):
        page.open_code("TT-04")
    view = page.case_view
    view._recommendation("update")   # nothing selected
    assert "Chọn một kiến nghị" in view.results_message.text()
    view._recommendation("add")
    form = view.form
    form.widgets["to"].setText("UBND tỉnh A")
    form.widgets["content"].setPlainText("Thu hồi về ngân sách")
    form.widgets["money"].setText("12,5 tỷ")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        form.submit()
    table = view.recommendation_table
    assert table.rowCount() == 1
    assert table.item(0, 2).text() == "12.500.000.000 đồng"
    assert table.item(0, 5).text() == "Chưa thực hiện"
    table.setCurrentCell(0, 0)
    view._recommendation("update")
    form = view.form
    form.widgets["status"].setCurrentIndex(form.widgets["status"].findData("partly_done"))
    form.widgets["money"].setText("5 tỷ")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        form.submit()
    assert table.item(0, 3).text() == "5.000.000.000 đồng"
    assert table.item(0, 5).text() == "Đã thực hiện một phần"


def test_the_team_changes_from_the_information_tab(qtbot, ctx):
    from desktop.domain.stages import TeamRole
    _read(ctx, qtbot, lambda vs: cases.add_case(vs, cases.CaseInput(
        code="TT-05", title="Thanh tra E", team=[("Nguyễn Văn An", TeamRole.LEADER)])))
    page = _page(qtbot, ctx)
    with qtbot.waitSignal(page.case_view.loaded, timeout=WAIT):
        page.open_code("TT-05")
    view = page.case_view
    view._team("leader")
    form = view.form
    form.widgets["name"].setText("Trần Bình")
    form.widgets["since"].setText("01/04/2024")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        form.submit()
    rows = [[view.team_table.item(r, c).text() for c in range(4)]
            for r in range(view.team_table.rowCount())]
    assert rows == [["Nguyễn Văn An", "Trưởng đoàn", "", "31/03/2024"],
                    ["Trần Bình", "Trưởng đoàn", "01/04/2024", ""]]
    assert view.tabs.tabText(view.history_tab) == "Lịch sử (1)"


def test_the_review_page_shows_the_follow_up_of_conclusions(qtbot, ctx):
    from datetime import date

    from desktop.domain.stages import Stage
    from desktop.services import recommendations
    from desktop.ui.review.review import ReviewPage

    def setup(vs):
        cases.add_case(vs, cases.CaseInput(code="TT-06", title="Thanh tra F",
                                           decision_date=date(2023, 3, 1)))
        for stage, day in ((Stage.ANNOUNCED, date(2023, 3, 15)),
                           (Stage.ONSITE_ENDED, date(2023, 5, 15)),
                           (Stage.TEAM_REPORT, date(2023, 6, 1)), (Stage.DRAFT, date(2023, 6, 15)),
                           (Stage.CONCLUDED, date(2023, 7, 1))):
            cases.add_event(vs, "TT-06", stage, day)
        item = recommendations.add(vs, "TT-06", "recover_money", "UBND tỉnh A", "Thu hồi",
                                   12_500_000_000)
        recommendations.update(vs, item, date(2024, 2, 1), "partly_done", 5_000_000_000)
    _read(ctx, qtbot, setup)
    page = ReviewPage(ctx)
    qtbot.addWidget(page)
    page.set_period(date(2024, 1, 1), date(2024, 6, 30))
    with qtbot.waitSignal(page.follow_up_model.modelReset, timeout=WAIT):
        page.run_report()
    model = page.follow_up_model
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "TT-06", "Thanh tra F", "01/07/2023", "0/1", "12.500.000.000", "5.000.000.000",
        "7.500.000.000"]
    assert page.tabs.tabText(4) == "Theo dõi thực hiện kết luận (1)"


def test_the_plan_is_approved_and_then_amended_from_the_plan_page(qtbot, ctx):
    from datetime import date

    from desktop.services import plan_changes, plans
    from desktop.ui.review.plan import PlanPage

    def setup(vs):
        plans.create_plan(vs, date.today().year, "Kế hoạch")
        plans.add_item(vs, date.today().year, "UBND tỉnh A", "Đất đai", quarter=4, days=30)
    _read(ctx, qtbot, setup)
    page = PlanPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.status_data is not None and page.items_model.rowCount() == 1,
                    timeout=WAIT)
    assert page.approve_button.isVisible()
    page.approve_plan()
    page.dialog.widgets["number"].setText("15/QĐ-TTCP")
    page.dialog.submit()
    qtbot.waitUntil(lambda: page.status_data.approved_number == "15/QĐ-TTCP", timeout=WAIT)
    assert not page.approve_button.isVisible()
    page.items.selectRow(0)
    page.change_item("change")
    form = page.dialog
    form.widgets["days"].setText("45")
    form.submit()   # no amending decision: refused, the form stays
    qtbot.waitUntil(lambda: form.buttons.isEnabled() and not form.busy.isVisible(), timeout=WAIT)
    assert form.isVisible()
    form.widgets["amend_number"].setText("88/QĐ-TTCP")
    form.submit()
    qtbot.waitUntil(lambda: page.status_data.items[0].days == 45, timeout=WAIT)
    found = _read(ctx, qtbot, lambda vs: plan_changes.amendments(vs, date.today().year))
    assert [(a.action, a.decision_number) for a in found] == [("change", "88/QĐ-TTCP")]
    assert page.amendments.isVisible() and page.amendments_model.rowCount() == 1
    assert page.amendments_model.index(0, 0).data() == "88/QĐ-TTCP"
    assert "45" in page.amendments_model.index(0, 4).data()


def test_a_form_opened_before_anothers_save_is_told_and_saves_on_the_fresh_case(qtbot, ctx):
    _read(ctx, qtbot, lambda vs: cases.add_case(vs, cases.CaseInput(
        code="TT-04", title="Thanh tra đất đai", content="Giai đoạn 2020-2024")))
    page = _page(qtbot, ctx)
    with qtbot.waitSignal(page.case_view.loaded, timeout=WAIT):
        page.open_code("TT-04")
    view = page.case_view
    view.edit_case()
    form = view.form
    # meanwhile someone else saves a new title
    _read(ctx, qtbot, lambda vs: case_edit.edit_case(vs, "TT-04",
                                                     {"title": "Thanh tra quản lý đất đai"}))
    form.content.setPlainText("Giai đoạn 2019-2024")
    form.submit()
    qtbot.waitUntil(lambda: form.buttons.isEnabled() and not form.busy.isVisible(), timeout=WAIT)
    assert form.isVisible()
    said = form.message.text()
    assert "đã được admin sửa lúc" in said and "Tên cuộc thanh tra" in said, said
    # their title is in the form now, this user's content is kept, the field is marked
    assert form.edits["title"].text() == "Thanh tra quản lý đất đai"
    assert form.content.toPlainText() == "Giai đoạn 2019-2024"
    assert form.fields["title"][2].isVisible()
    detail = _read(ctx, qtbot, lambda vs: cases.get_case(vs, "TT-04"))
    assert detail.content == "Giai đoạn 2020-2024"          # nothing of the refused save
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        form.submit()                                        # saved on the fresh version
    assert not form.isVisible()
    detail = _read(ctx, qtbot, lambda vs: cases.get_case(vs, "TT-04"))
    assert (detail.row.title, detail.content) == ("Thanh tra quản lý đất đai",
                                                  "Giai đoạn 2019-2024")

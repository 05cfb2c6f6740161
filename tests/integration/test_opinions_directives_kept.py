"""Opinion requests and directives recorded by users, day to day: one letter to three
addressees answered on time, late and never (with a reminder); directives with progress
notes and completion; the states the register and the review read; clearance and the
sealed fields of a classified case; the command line alike."""

import json
from datetime import date

import pytest

from desktop.domain.deadlines import DeadlineState
from desktop.domain.errors import InvalidInput, NotFound, PermissionDenied
from desktop.domain.levels import Level, Role
from desktop.services import (audit_log, cases, directives, opinion_requests, opinions_directives,
                              users)
from tests.conftest import admin_cli, open_as
from tests.raw_db import raw

ON_BOTH_ENGINES = True  # the same tests on a vault and on a department server

AS_OF = date(2024, 6, 30)


def _case(vault, code="O-1", level=Level.THUONG):
    cases.add_case(vault, cases.CaseInput(code=code, title="Thanh tra đất đai", level=level,
                                          decision_date=date(2024, 1, 10)))


def test_one_letter_three_addressees_answered_on_time_late_and_never(vault):
    _case(vault)
    ids = opinion_requests.send(vault, "O-1", [("Bộ Tài chính", None), ("UBND tỉnh Hà Giang", None),
                                               ("Thủ tướng Chính phủ", None)],
                                date(2024, 4, 1), "12/TTCP-C.II", "Xin ý kiến dự thảo kết luận")
    opinion_requests.reply(vault, ids[0], date(2024, 4, 20), "55/BTC-TTr", "Thống nhất")
    opinion_requests.reply(vault, ids[1], date(2024, 6, 20), "9/UBND-NC")
    assert opinion_requests.remind(vault, ids[2], date(2024, 5, 10), "20/TTCP-C.II") == 1
    with pytest.raises(InvalidInput):
        opinion_requests.reply(vault, ids[2], date(2024, 3, 1))   # before it was sent
    lines, _ = opinions_directives.register(vault, AS_OF)
    states = {line.addressee: line.deadline.state for line in lines}
    assert states == {"Bộ Tài chính": DeadlineState.MET, "UBND tỉnh Hà Giang": DeadlineState.MET_LATE,
                      "Thủ tướng Chính phủ": DeadlineState.OVERDUE}
    by_name = {line.addressee: line for line in lines}
    assert by_name["Thủ tướng Chính phủ"].reminders == 1
    assert by_name["Bộ Tài chính"].answer_gist == "Thống nhất"
    detail = cases.get_case(vault, "O-1")
    assert {o["addressee"]: o["kind"] for o in detail.opinions} == {
        "Bộ Tài chính": "ministry", "UBND tỉnh Hà Giang": "province", "Thủ tướng Chính phủ": "pm"}
    with vault.uow() as uow:
        actions = [e.action for e in audit_log.entries(uow.session, limit=10)]
    assert {"opinion.send", "opinion.reply", "opinion.remind"} <= set(actions)


def test_directives_with_notes_and_completion(vault):
    _case(vault)
    first = directives.add(vault, "O-1", "Thủ tướng Chính phủ", "Hoàn thiện dự thảo kết luận",
                           date(2024, 5, 30), date(2024, 5, 1), "1842/VPCP-V.I", "Cục II")
    general = directives.add(vault, None, "Tổng Thanh tra Chính phủ", "Báo cáo sơ kết 6 tháng",
                             date(2024, 6, 15))
    directives.note(vault, first, date(2024, 5, 10), "Đã trình dự thảo lần 2")
    directives.done(vault, first, date(2024, 5, 28), "77/BC-C.II")
    with pytest.raises(InvalidInput):
        directives.add(vault, None, "", "Thiếu người chỉ đạo", None)
    _, lines = opinions_directives.register(vault, AS_OF)
    states = {line.id: line.deadline.state for line in lines}
    assert states == {first: DeadlineState.MET, general: DeadlineState.OVERDUE}
    assert [n.note for n in directives.notes(vault, first)] == ["Đã trình dự thảo lần 2"]
    assert next(line for line in lines if line.id == first).report_ref == "77/BC-C.II"


def test_classified_case_rows_are_sealed_and_clearance_holds(vault):
    _case(vault, "S-1", Level.TOI_MAT)
    [request] = opinion_requests.send(vault, "S-1", [("Bộ Công an", "ministry")], date(2024, 4, 1),
                                      "99/TTCP-MAT", "Xin ý kiến về nội dung tối mật")
    opinion_requests.remind(vault, request, date(2024, 5, 2), "100/TTCP-MAT")
    directive = directives.add(vault, "S-1", "Thủ tướng Chính phủ", "Chỉ đạo tối mật",
                               date(2024, 7, 1))
    directives.note(vault, directive, date(2024, 5, 3), "Tiến độ tối mật")
    conn = raw(vault)
    dump = " ".join(str(v) for table in ("opinion_requests", "opinion_reminders", "directives",
                                          "directive_notes")
                    for row in conn.execute(f"SELECT * FROM {table}") for v in row)
    conn.close()
    for secret in ("Bộ Công an", "99/TTCP-MAT", "100/TTCP-MAT", "Chỉ đạo tối mật", "Tiến độ tối mật"):
        assert secret not in dump
    users.add_user(vault, "insp", Role.INSPECTOR, Level.MAT, "thanh-tra-vien-1")
    insp = open_as(vault, "insp", "thanh-tra-vien-1")
    try:
        # refused in the vault; on the server the rows are not even visible to the inspector
        refusal = NotFound if vault.server else PermissionDenied
        with pytest.raises(refusal):
            opinion_requests.reply(insp, request, date(2024, 5, 1))
        with pytest.raises(refusal):
            directives.done(insp, directive, date(2024, 5, 1))
        assert opinions_directives.register(insp, AS_OF) == ([], [])
    finally:
        insp.close()


def test_the_command_line_keeps_the_register(tmp_path):
    path = tmp_path / "vault"
    hoso = admin_cli(path)

    hoso("case", "add", "--code", "C-1", "--title", "Thanh tra A", "--decision-date", "10/01/2024")
    sent = json.loads(hoso("opinion", "send", "--case", "C-1", "--to", "Bộ Tài chính", "--to",
                           "Bộ Xây dựng", "--date", "01/04/2024", "--doc", "12/TTCP", "--json"))
    first, second = sent["ids"]
    hoso("opinion", "reply", str(first), "--date", "20/04/2024", "--doc", "55/BTC")
    hoso("opinion", "remind", str(second), "--date", "10/05/2024", "--doc", "20/TTCP")
    listed = json.loads(hoso("opinion", "list", "--as-of", "30/06/2024", "--json"))
    assert {(o["addressee"], o["state"], o["reminders"]) for o in listed} == {
        ("Bộ Tài chính", "met", 0), ("Bộ Xây dựng", "overdue", 1)}
    added = json.loads(hoso("directive", "add", "--case", "C-1", "--issuer", "Thủ tướng Chính phủ",
                            "--content", "Hoàn thiện kết luận", "--due", "30/05/2024", "--json"))
    hoso("directive", "note", str(added["id"]), "--date", "10/05/2024", "--text", "Đang làm")
    hoso("directive", "done", str(added["id"]), "--date", "28/05/2024", "--report", "77/BC")
    [line] = json.loads(hoso("directive", "list", "--as-of", "30/06/2024", "--json"))
    assert (line["state"], line["notes"], line["report"]) == ("met", 1, "77/BC")
    text = hoso("opinion", "list", "--as-of", "30/06/2024")
    assert "Quá hạn" in text and "Bộ Xây dựng" in text

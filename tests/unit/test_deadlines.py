"""The deadline engine with the shipped rule sets and holiday calendar.

Expected dates are counted by hand on the 2024/2025 calendars (desktop/docs/domain.md table); the
day-by-day helper below re-derives them the way a clerk would with a paper calendar.
"""

from __future__ import annotations

import builtins
import pathlib
import random
import time
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.calendar import WorkCalendar
from desktop.storage.resource_files import load_default_calendar
from desktop.domain.deadlines import (
    CaseFacts,
    Deadline,
    DeadlineState,
    DirectiveFact,
    EventFact,
    OpinionFact,
    case_deadlines,
    directive_deadline,
    opinion_deadline,
    worst_first,
)
from desktop.domain.messages import MESSAGES
from desktop.domain.rules import Unit
from desktop.storage.resource_files import load_rule_book
from desktop.domain.stages import InspectingLevel, Stage

BOOK = load_rule_book()
CAL = load_default_calendar()
S = Stage
GOV = InspectingLevel.GOVERNMENT
ON_TIME, DUE_SOON, OVERDUE = DeadlineState.ON_TIME, DeadlineState.DUE_SOON, DeadlineState.OVERDUE
MET, MET_LATE = DeadlineState.MET, DeadlineState.MET_LATE


def d(text: str) -> date:
    day, month, year = (int(x) for x in text.split("/"))
    return date(year, month, day)


def ev(stage: Stage, when: str, days: int | None = None) -> EventFact:
    return EventFact(stage, d(when), days)


def case(*events: EventFact, decided: str | None = "05/01/2024", level=GOV,
         complexity: str = "normal", code: str = "TTCP-01") -> CaseFacts:
    return CaseFacts(code, d(decided) if decided else None, level, complexity,
                     tuple(sorted(events, key=lambda e: e.date)))


def by_kind(deadlines: list[Deadline]) -> dict[str, Deadline]:
    return {x.kind: x for x in deadlines}


def paper_add(cal: WorkCalendar, start: date, n: int) -> date:
    """Count n working days after start, one day at a time."""
    day = start
    while n:
        day += timedelta(days=1)
        if cal.is_working_day(day):
            n -= 1
    return day


ANNOUNCED_2024 = (ev(S.DECISION, "05/01/2024"), ev(S.ANNOUNCED, "15/01/2024"))


def onsite(*extra: EventFact, today: str = "01/03/2024", **kw) -> Deadline:
    return by_kind(case_deadlines(case(*ANNOUNCED_2024, *extra, **kw), BOOK, CAL,
                                  d(today)))["onsite_end"]


# --- the on-site duration: 2024, government level, over Tết -------------------------------

def test_sixty_working_days_from_15_01_2024_skip_tet() -> None:
    x = onsite()
    # 16/01–31/01: 12; February minus Tết 08–14/02: 16; March: 21; 01–12/04: 10 → 59; 15/04: 60
    assert x.due == d("15/04/2024")
    assert x.due == paper_add(CAL, d("15/01/2024"), 60)
    # without the five Tết days off it would have been 08/04
    assert x.due != d("08/04/2024")
    assert (x.rule_set, x.unit, x.limit_days) == ("law-11-2022", Unit.WORKING_DAYS, 60)
    assert (x.counted_from, x.counted_from_date) == ("announced", d("15/01/2024"))
    assert x.verify  # per-level durations are marked (verify) in desktop/docs/domain.md
    text = x.explanation()
    assert "Luật Thanh tra 11/2022/QH15" in text and "Điều 3 khoản 5" in text
    assert "60 ngày làm việc" in text
    assert "“Công bố quyết định” ngày 15/01/2024" in text
    assert "15/04/2024" in text and text.endswith("(cần kiểm tra).")
    english = x.explanation("en")
    assert "60 working days" in english and "“Decision announced” on 15/01/2024" in english
    assert english.endswith("(to verify).")
    # the article in English, the law's and circular's names as cited; no Vietnamese prose
    assert english.startswith("Under Inspection duration, Luật Thanh tra 11/2022/QH15; "
                              "counted per TT 06/2021/TT-TTCP Điều 3 khoản 5:")
    assert "Thời hạn" not in english and "tính theo" not in english
    assert x.label() == "Kết thúc thanh tra trực tiếp"
    assert x.label("en") == "End of on-site inspection"


@pytest.mark.parametrize("complexity, limit", [("complex", 90), ("very_complex", 120)])
def test_complexity_raises_the_limit(complexity: str, limit: int) -> None:
    x = onsite(complexity=complexity)
    assert x.limit_days == limit
    assert x.due == paper_add(CAL, d("15/01/2024"), limit)


def test_an_extension_of_15_days_moves_the_due_date() -> None:
    x = onsite(ev(S.EXTENDED, "01/04/2024", 15))
    # after 15/04: 16, 17, (18/4 Giỗ Tổ), 19, 22–26, (27/4–01/5 off), 02, 03, Sat 04/5 made
    # up, 06, 07, 08, 09/5 → the 15th working day is 09/05/2024
    assert x.due == d("09/05/2024")
    assert x.limit_days == 75 and x.extension_days == 15
    assert "cộng 15 ngày làm việc gia hạn" in x.explanation()
    assert "plus 15 working days of extension" in x.explanation("en")


def test_extensions_add_up_and_one_without_days_is_only_mentioned() -> None:
    x = onsite(ev(S.EXTENDED, "01/03/2024", 10), ev(S.EXTENDED, "01/04/2024", 5),
               ev(S.EXTENDED, "02/04/2024"))
    assert x.due == d("09/05/2024") and x.limit_days == 75
    assert "1 lần gia hạn chưa ghi số ngày" in x.explanation()


def test_a_suspension_moves_the_due_date_by_the_working_days_it_covered() -> None:
    x = onsite(ev(S.SUSPENDED, "01/03/2024"), ev(S.RESUMED, "11/03/2024"),
               today="12/03/2024")
    # suspended Fri 01/03 up to Mon 11/03: 01, 04, 05, 06, 07, 08 = 6 working days
    assert x.detail.suspended_days == 6
    # 6 working days after 15/04: 16, 17, 19, 22, 23, 24 (18/04 is Giỗ Tổ)
    assert x.due == d("24/04/2024")
    assert x.suspended_since is None and x.state is ON_TIME
    assert "6 ngày làm việc tạm dừng" in x.explanation()


def test_extension_and_suspension_together() -> None:
    x = onsite(ev(S.SUSPENDED, "01/03/2024"), ev(S.RESUMED, "11/03/2024"),
               ev(S.EXTENDED, "20/03/2024", 15), today="21/03/2024")
    assert x.due == paper_add(CAL, d("09/05/2024"), 6) == d("17/05/2024")


def test_an_open_suspension_stops_the_clock() -> None:
    x = onsite(ev(S.SUSPENDED, "01/03/2024"), today="20/03/2024")
    covered = CAL.working_days_between(d("29/02/2024"), d("20/03/2024"))  # 01/03 … 20/03
    assert covered == 14
    assert x.due == paper_add(CAL, d("15/04/2024"), covered)
    assert x.state is ON_TIME and x.suspended_since == d("01/03/2024")
    assert "đang tạm dừng từ ngày 01/03/2024" in x.explanation()
    assert x.status_text().startswith("Đang tạm dừng từ 01/03/2024")
    # a day later the due date has moved one working day further
    assert onsite(ev(S.SUSPENDED, "01/03/2024"), today="21/03/2024").due == \
        paper_add(CAL, x.due, 1)


def test_an_open_suspension_near_the_end_is_still_on_time() -> None:
    x = onsite(ev(S.SUSPENDED, "12/04/2024"), today="10/05/2024")
    assert x.state is ON_TIME and x.suspended_since == d("12/04/2024")
    assert x.due > d("10/05/2024")


# --- states and the sign of `days` -----------------------------------------------------------

@pytest.mark.parametrize("today, state, days", [
    ("01/03/2024", ON_TIME, 31),
    ("05/04/2024", ON_TIME, 6),      # 08–12/04 and 15/04: six working days left
    ("08/04/2024", DUE_SOON, 5),     # five working days left: due soon (inclusive)
    ("10/04/2024", DUE_SOON, 3),
    ("15/04/2024", DUE_SOON, 0),     # due today
    ("16/04/2024", OVERDUE, -1),
    ("20/04/2024", OVERDUE, -3),     # 16, 17, 19 (18/04 is a holiday; 20/04 a Saturday)
])
def test_open_states(today: str, state: DeadlineState, days: int) -> None:
    x = onsite(today=today)
    assert (x.state, x.days) == (state, days)
    assert x.met_on is None and x.is_open
    assert x.days_late == max(0, -days)


def test_overdue_on_a_weekend_right_after_the_due_date_is_one_day_late() -> None:
    # 15/04 + 3 working days (16, 17, 19; 18/04 is Giỗ Tổ) = Fri 19/04
    for today in ("20/04/2024", "21/04/2024", "22/04/2024"):
        x = onsite(ev(S.EXTENDED, "01/04/2024", 3), today=today)
        assert x.due == d("19/04/2024")
        assert (x.state, x.days) == (OVERDUE, -1)
    assert onsite(ev(S.EXTENDED, "01/04/2024", 3), today="23/04/2024").days == -2


@pytest.mark.parametrize("ended, state, days", [
    ("12/04/2024", MET, 1),
    ("13/04/2024", MET, 1),         # a Saturday before the Monday due date
    ("15/04/2024", MET, 0),
    ("17/04/2024", MET_LATE, -2),
    ("02/05/2024", MET_LATE, -9),   # 16, 17, 19, 22–26, 02/05 (18/04 and 27/04–01/05 off)
])
def test_met_states(ended: str, state: DeadlineState, days: int) -> None:
    x = onsite(ev(S.ONSITE_ENDED, ended), today="30/06/2024")
    assert (x.met_on, x.state, x.days) == (d(ended), state, days)
    assert not x.is_open


def test_met_late_days_count_working_days() -> None:
    x = onsite(ev(S.ONSITE_ENDED, "17/04/2024"), today="30/06/2024")
    assert (x.state, x.days, x.days_late) == (MET_LATE, -2, 2)
    assert x.status_text() == "Hoàn thành trễ 2 ngày làm việc"
    assert x.status_text("en") == "Completed 2 working days late"


def test_status_texts() -> None:
    assert onsite(today="16/04/2024").status_text() == "Quá hạn 1 ngày làm việc"
    assert onsite(today="16/04/2024").status_text("en") == "Overdue by 1 working day"
    assert onsite(today="15/04/2024").status_text() == "Đến hạn hôm nay"
    assert onsite(today="01/03/2024").status_text() == "Còn 31 ngày làm việc"
    assert onsite(ev(S.ONSITE_ENDED, "12/04/2024")).status_text() == \
        "Hoàn thành đúng hạn (sớm 1 ngày làm việc)"
    on_the_day = onsite(ev(S.ONSITE_ENDED, "15/04/2024"))   # the due date itself
    assert on_the_day.status_text() == "Hoàn thành đúng hạn (vào ngày hạn)"
    assert on_the_day.status_text("en") == "Completed on time (on the due date)"


def test_state_labels() -> None:
    assert [s.label() for s in DeadlineState] == [
        "Trong hạn", "Sắp đến hạn", "Quá hạn", "Đã hoàn thành đúng hạn", "Hoàn thành trễ hạn"]
    assert DeadlineState.OVERDUE.label("en") == "Overdue"


def test_a_stage_not_recorded_is_done_by_a_later_one() -> None:
    x = onsite(ev(S.ONSITE_ENDED, "10/04/2024"), ev(S.DRAFT, "20/04/2024"))
    team = by_kind(case_deadlines(case(*ANNOUNCED_2024, ev(S.ONSITE_ENDED, "10/04/2024"),
                                       ev(S.DRAFT, "20/04/2024")), BOOK, CAL,
                                  d("30/06/2024")))["team_report"]
    assert x.state is MET
    assert team.met_on == d("20/04/2024") and team.state is MET


# --- the later stages ----------------------------------------------------------------------

def test_team_report_counts_calendar_days_and_rolls_off_tet() -> None:
    deadlines = by_kind(case_deadlines(case(*ANNOUNCED_2024, ev(S.ONSITE_ENDED, "19/01/2024"),
                                            level=InspectingLevel.PROVINCE),
                                       BOOK, CAL, d("01/02/2024")))
    team = deadlines["team_report"]
    # Thanh tra tỉnh: 19/01 + 20 days = Thu 08/02, first day of Tết: moved to Thu 15/02
    assert team.due == d("15/02/2024") and team.detail.rolled_from == d("08/02/2024")
    assert team.unit is Unit.CALENDAR_DAYS and team.limit_days == 20
    assert team.counted_from == "onsite_ended"
    assert team.days == 14   # calendar days from 01/02 …
    # … but only 02, 05, 06, 07 and 15/02 are working days: due soon counts those
    assert team.state is DUE_SOON
    text = team.explanation()
    assert "20 ngày kể từ “Kết thúc thanh tra trực tiếp” ngày 19/01/2024" in text
    assert "ngày nghỉ 08/02/2024" in text
    assert "draft_assign" not in deadlines  # only Law 84/2025 has Art. 34


def test_the_government_inspectorates_team_report_is_30_days_or_45_if_complex() -> None:
    """Law 11/2022 as checked: 30 days for Thanh tra Chính phủ (the file said 20), 45 for a
    complex case; Thanh tra tỉnh 20 either way."""
    def team(level: InspectingLevel, complexity: str = "normal") -> Deadline:
        c = case(*ANNOUNCED_2024, ev(S.ONSITE_ENDED, "01/03/2024"), level=level,
                 complexity=complexity)
        return by_kind(case_deadlines(c, BOOK, CAL, d("02/03/2024")))["team_report"]
    assert (team(GOV).due, team(GOV).limit_days) == (d("01/04/2024"), 30)   # Sun 31/03 → Mon
    assert (team(GOV, "complex").due, team(GOV, "complex").limit_days) == (d("15/04/2024"), 45)
    assert "trường hợp phức tạp" in team(GOV, "complex").explanation()
    assert team(InspectingLevel.PROVINCE, "complex").limit_days == 20
    assert not team(GOV).verify and team(InspectingLevel.MINISTRY).verify


def test_conclusion_counts_from_the_draft() -> None:
    c = case(*ANNOUNCED_2024, ev(S.ONSITE_ENDED, "02/05/2024"), ev(S.TEAM_REPORT, "10/05/2024"),
             ev(S.DRAFT, "20/05/2024"))
    conclusion = by_kind(case_deadlines(c, BOOK, CAL, d("01/06/2024")))["conclusion"]
    assert conclusion.due == d("04/06/2024")           # 20/05 + 15 days
    assert "Điều 78" in conclusion.article and conclusion.counted_from == "draft"
    assert conclusion.detail.consultation_date is None


def test_a_consultation_after_the_draft_gives_the_reply_time() -> None:
    c = case(*ANNOUNCED_2024, ev(S.ONSITE_ENDED, "02/05/2024"), ev(S.TEAM_REPORT, "10/05/2024"),
             ev(S.DRAFT, "20/05/2024"), ev(S.CONSULTATION, "25/05/2024"))
    conclusion = by_kind(case_deadlines(c, BOOK, CAL, d("01/06/2024")))["conclusion"]
    # max(20/05 + 15 = 04/06, 25/05 + 30 = 24/06)
    assert conclusion.due == d("24/06/2024")
    assert conclusion.detail.consultation_date == d("25/05/2024")
    text = conclusion.explanation()
    assert "“Lấy ý kiến bộ, ngành, địa phương” ngày 25/05/2024" in text
    assert "30 ngày" in text
    english = conclusion.explanation("en")
    assert "Opinions of ministries and localities" in english
    assert "Article 78 of Luật Thanh tra 11/2022/QH15 (opinion of the state-management head)" \
        in english and "ý kiến" not in english


def test_the_latest_pm_opinion_counts() -> None:
    c = case(*ANNOUNCED_2024, ev(S.ONSITE_ENDED, "02/05/2024"), ev(S.DRAFT, "10/05/2024"),
             ev(S.CONSULTATION, "15/05/2024"), ev(S.PM_ISSUE_OPINION, "03/06/2024"))
    conclusion = by_kind(case_deadlines(c, BOOK, CAL, d("10/06/2024")))["conclusion"]
    assert conclusion.due == d("03/07/2024")
    assert conclusion.detail.consultation_stage == "pm_issue_opinion"


def test_a_case_decided_in_august_2025_is_under_law_84_2025() -> None:
    c = case(ev(S.DECISION, "04/08/2025"), ev(S.ANNOUNCED, "11/08/2025"),
             ev(S.ONSITE_ENDED, "01/10/2025"), ev(S.TEAM_REPORT, "10/10/2025"),
             decided="04/08/2025", level=InspectingLevel.PROVINCE)
    deadlines = by_kind(case_deadlines(c, BOOK, CAL, d("20/10/2025")))
    assert {x.rule_set for x in deadlines.values()} == {"law-84-2025"}
    assign = deadlines["draft_assign"]
    # Art. 34: 5 working days after Fri 10/10/2025 → Fri 17/10/2025; today Mon 20/10
    assert assign.due == d("17/10/2025")
    assert assign.unit is Unit.WORKING_DAYS and assign.counted_from == "team_report"
    assert (assign.state, assign.days) == (OVERDUE, -1)
    assert "Điều 34" in assign.explanation() and not assign.verify
    assert assign.label() == "Giao xây dựng dự thảo kết luận"
    assert deadlines["onsite_end"].due == paper_add(CAL, d("11/08/2025"), 45)
    assert deadlines["onsite_end"].met_on == d("01/10/2025")


def test_law_84_2025_conclusion_limits_per_level() -> None:
    def conclusion(level: InspectingLevel) -> Deadline:
        c = case(ev(S.DECISION, "04/08/2025"), ev(S.ANNOUNCED, "11/08/2025"),
                 ev(S.ONSITE_ENDED, "01/10/2025"), ev(S.TEAM_REPORT, "10/10/2025"),
                 ev(S.DRAFT, "15/10/2025"), decided="04/08/2025", level=level)
        return by_kind(case_deadlines(c, BOOK, CAL, d("20/10/2025")))["conclusion"]
    # 15 days at both levels (Art. 36(1)); the Government Inspectorate's 30 is a ceiling
    assert conclusion(GOV).due == d("30/10/2025")          # 15/10 + 15
    assert conclusion(InspectingLevel.PROVINCE).due == d("30/10/2025")
    assert not conclusion(GOV).verify


def test_a_level_the_2025_law_does_not_have_falls_back_to_government() -> None:
    c = case(ev(S.DECISION, "04/08/2025"), ev(S.ANNOUNCED, "11/08/2025"),
             decided="04/08/2025", level=InspectingLevel.MINISTRY)
    x = case_deadlines(c, BOOK, CAL, d("20/08/2025"))[0]
    assert x.limit_days == 60 and x.verify and x.detail.fallback_level == "ministry"
    assert "không có số cho cấp Thanh tra Bộ" in x.explanation()
    assert "Government Inspectorate's is used" in x.explanation("en")


def test_the_rule_set_follows_the_decision_date_not_the_announcement() -> None:
    c = case(ev(S.DECISION, "25/06/2025"), ev(S.ANNOUNCED, "07/07/2025"), decided="25/06/2025")
    assert case_deadlines(c, BOOK, CAL, d("10/07/2025"))[0].rule_set == "law-11-2022"


def test_no_decision_and_no_announcement_means_no_deadlines() -> None:
    assert case_deadlines(case(ev(S.GATHERING, "02/01/2024"), decided=None), BOOK, CAL,
                          d("01/03/2024")) == []
    assert case_deadlines(case(decided=None), BOOK, CAL, d("01/03/2024")) == []
    # decided but not yet announced: nothing runs yet
    assert case_deadlines(case(ev(S.DECISION, "05/01/2024")), BOOK, CAL, d("01/03/2024")) == []


def test_an_announcement_without_a_decision_date_uses_the_first_event() -> None:
    c = case(ev(S.ANNOUNCED, "15/01/2024"), decided=None)
    assert case_deadlines(c, BOOK, CAL, d("01/03/2024"))[0].due == d("15/04/2024")


def test_a_cancelled_case_has_no_open_deadlines() -> None:
    c = case(*ANNOUNCED_2024, ev(S.CANCELLED, "01/02/2024"))
    assert case_deadlines(c, BOOK, CAL, d("01/06/2024")) == []
    c = case(*ANNOUNCED_2024, ev(S.ONSITE_ENDED, "01/03/2024"), ev(S.CANCELLED, "10/03/2024"))
    kept = case_deadlines(c, BOOK, CAL, d("01/06/2024"))
    assert [x.kind for x in kept] == ["onsite_end"] and kept[0].state is MET


def test_a_year_without_holidays_is_flagged() -> None:
    c = case(ev(S.DECISION, "01/10/2027"), ev(S.ANNOUNCED, "15/11/2027"), decided="01/10/2027")
    x = case_deadlines(c, BOOK, CAL, d("20/11/2027"))[0]
    assert x.verify and x.detail.uncovered_year == 2028
    assert "lịch nghỉ năm 2028 chưa có" in x.explanation()


def test_to_json() -> None:
    x = onsite(ev(S.EXTENDED, "01/04/2024", 15), today="10/05/2024")
    data = x.to_json()
    assert data["due"] == "2024-05-09" and data["met_on"] is None
    assert data["state"] == "overdue" and data["state_label"] == "Quá hạn"
    assert data["counted_from_date"] == "2024-01-15" and data["limit_days"] == 75
    assert data["days"] == -1 and data["unit"] == "working_days"
    assert data["explanation"] == x.explanation("vi")
    assert data["rule_set"] == "law-11-2022" and data["verify"] is True


def test_deadlines_are_ordinary_frozen_values() -> None:
    x = onsite()
    y = onsite()
    assert x == y and hash(x) == hash(y)
    with pytest.raises(Exception):
        x.days = 3  # type: ignore[misc]


def test_stages_given_as_codes_work_too() -> None:
    events = tuple(EventFact(e.stage.value, e.date) for e in ANNOUNCED_2024)  # type: ignore
    c = CaseFacts("X", d("05/01/2024"), "government", "normal", events)  # type: ignore
    assert case_deadlines(c, BOOK, CAL, d("01/03/2024"))[0].due == d("15/04/2024")


# --- opinion requests and directives -------------------------------------------------------

def test_opinion_reply_30_days_rolled_to_a_working_day() -> None:
    op = OpinionFact(1, "TTCP-01", "Bộ Tài chính", d("01/03/2024"), None, None)
    x = opinion_deadline(op, BOOK, CAL, d("20/03/2024"))
    # 01/03 + 30 = Sun 31/03 → Mon 01/04
    assert x.due == d("01/04/2024") and x.detail.rolled_from == d("31/03/2024")
    assert (x.kind, x.subject, x.case_code) == ("opinion_reply", "Bộ Tài chính", "TTCP-01")
    assert (x.state, x.days) == (ON_TIME, 12)
    # counted from the head's receipt (Art. 78): not recorded, so the sent date + 0 days
    assert x.counted_from == "head_received" and x.limit_days == 30
    text = x.explanation()
    assert ("30 ngày kể từ “Thủ trưởng nhận văn bản xin ý kiến gửi Bộ Tài chính” ngày "
            "01/03/2024 (chưa ghi ngày nhận: tính là chính ngày gửi)") in text
    assert "Điều 78" in text and "cần kiểm tra" not in text
    assert opinion_deadline(op, BOOK, CAL, d("02/04/2024")).state is OVERDUE
    answered = OpinionFact(1, "TTCP-01", "Bộ Tài chính", d("01/03/2024"), None, d("25/03/2024"))
    done = opinion_deadline(answered, BOOK, CAL, d("02/04/2024"))
    assert (done.state, done.days, done.met_on) == (MET, 7, d("25/03/2024"))


def test_opinion_under_the_2025_law_and_with_its_own_due_date() -> None:
    op = OpinionFact(2, None, "UBND tỉnh A", d("01/09/2025"), None, None)
    x = opinion_deadline(op, BOOK, CAL, d("05/09/2025"), decision_date=d("04/08/2025"))
    assert x.rule_set == "law-84-2025" and "Điều 36" in x.article
    assert x.due == d("01/10/2025")
    given_due = OpinionFact(3, None, "UBND tỉnh A", d("01/09/2025"), d("15/09/2025"), None)
    y = opinion_deadline(given_due, BOOK, CAL, d("16/09/2025"))
    assert (y.due, y.state, y.days, y.rule_set) == (d("15/09/2025"), OVERDUE, -1, "")
    assert "UBND tỉnh A" in y.explanation() and "01/09/2025" in y.explanation()


def test_directive_overdue_and_done() -> None:
    task = DirectiveFact(1, None, "Thủ tướng Chính phủ", "Báo cáo kết quả", d("10/05/2024"),
                         None, "open")
    x = directive_deadline(task, CAL, d("20/05/2024"))
    assert x is not None
    assert (x.kind, x.subject, x.state, x.days) == ("directive", "Thủ tướng Chính phủ",
                                                    OVERDUE, -10)
    assert x.unit is Unit.CALENDAR_DAYS
    assert "Thủ tướng Chính phủ" in x.explanation() and "10/05/2024" in x.explanation()
    late = DirectiveFact(1, None, "TTCP", "", d("10/05/2024"), d("13/05/2024"), "done")
    assert directive_deadline(late, CAL, d("20/05/2024")).state is MET_LATE  # type: ignore
    on_time = DirectiveFact(1, None, "TTCP", "", d("10/05/2024"), None, "done")
    assert directive_deadline(on_time, CAL, d("20/05/2024")).state is MET  # type: ignore
    soon = DirectiveFact(1, None, "TTCP", "", d("10/05/2024"), None, "open")
    assert directive_deadline(soon, CAL, d("06/05/2024")).state is DUE_SOON  # type: ignore


def test_directive_without_due_date_or_cancelled_has_no_deadline() -> None:
    assert directive_deadline(DirectiveFact(1, None, "A", "", None, None, "open"), CAL,
                              d("01/01/2024")) is None
    assert directive_deadline(DirectiveFact(1, None, "A", "", d("01/02/2024"), None,
                                            "cancelled"), CAL, d("01/03/2024")) is None


# --- worst first ----------------------------------------------------------------------------

def test_worst_first() -> None:
    def task(code: str, due: str, today: str = "20/05/2024", done: str | None = None):
        x = directive_deadline(DirectiveFact(1, code, "A", "", d(due), d(done) if done else None,
                                             "done" if done else "open"), CAL, d(today))
        assert x is not None
        return x
    late_10 = task("a", "10/05/2024")
    late_2 = task("b", "18/05/2024")
    soon_1 = task("c", "21/05/2024")
    soon_3 = task("d", "23/05/2024")
    later = task("e", "30/06/2024")
    met_late = task("f", "10/05/2024", done="12/05/2024")
    met = task("g", "10/05/2024", done="01/05/2024")
    shuffled = [met, later, soon_3, late_2, met_late, soon_1, late_10]
    assert worst_first(shuffled) == [late_10, late_2, soon_1, soon_3, later, met_late, met]
    assert [x.state for x in worst_first(shuffled)][:4] == [OVERDUE, OVERDUE, DUE_SOON,
                                                            DUE_SOON]


# --- properties -----------------------------------------------------------------------------

any_day = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31))


@settings(max_examples=150, deadline=None)
@given(announced=any_day, extension=st.integers(0, 60), offset=st.integers(0, 300),
       level=st.sampled_from([GOV, InspectingLevel.PROVINCE]),
       complexity=st.sampled_from(["normal", "complex", "very_complex"]))
def test_state_and_sign_agree(announced: date, extension: int, offset: int,
                              level: InspectingLevel, complexity: str) -> None:
    events = (EventFact(S.DECISION, announced - timedelta(days=7)),
              EventFact(S.ANNOUNCED, announced), EventFact(S.EXTENDED, announced, extension))
    today = announced + timedelta(days=offset)
    c = CaseFacts("P", announced - timedelta(days=7), level, complexity, events)
    x = case_deadlines(c, BOOK, CAL, today)[0]
    assert x.due == paper_add(CAL, announced, x.limit_days)
    assert CAL.is_working_day(x.due)
    if x.state is OVERDUE:
        assert today > x.due and x.days <= -1
    else:
        assert today <= x.due and x.days >= 0
        assert (x.state is DUE_SOON) == (CAL.working_days_between(today, x.due) <= 5)
    shorter = CaseFacts("P", c.decision_date, level, complexity, events[:2])
    assert case_deadlines(shorter, BOOK, CAL, today)[0].due <= x.due


@settings(max_examples=150, deadline=None)
@given(start=any_day, length=st.integers(0, 40), resumed=st.integers(0, 40))
def test_a_suspension_never_brings_the_due_date_forward(start: date, length: int,
                                                        resumed: int) -> None:
    announced = d("15/01/2024")
    base = onsite(today="31/12/2026").due
    suspended = max(start, announced)
    x = onsite(EventFact(S.SUSPENDED, suspended),
               EventFact(S.RESUMED, suspended + timedelta(days=resumed)), today="31/12/2026")
    assert x.due >= base
    if suspended > base:
        assert x.due == base  # the clock had already run out


# --- speed and purity ------------------------------------------------------------------------

def synthetic_cases(n: int, seed: int = 7) -> list[CaseFacts]:
    rnd = random.Random(seed)
    chain = [S.DECISION, S.ANNOUNCED, S.EXTENDED, S.ONSITE_ENDED, S.TEAM_REPORT, S.DRAFT,
             S.CONSULTATION, S.CONCLUDED]
    out = []
    for i in range(n):
        decided = date(2024, 1, 1) + timedelta(days=rnd.randrange(700))
        when, events = decided, []
        for stage in chain[:rnd.randint(4, 8)]:
            when += timedelta(days=rnd.randint(1, 40))
            events.append(EventFact(stage, when, 15 if stage is S.EXTENDED else None))
        out.append(CaseFacts(f"C{i}", decided, rnd.choice([GOV, InspectingLevel.PROVINCE]),
                             rnd.choice(["normal", "complex"]), tuple(events)))
    return out


def test_speed_and_no_file_io(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 100 000-case report must fit in about a second; 20 000 here with a wide margin
    (the measured figure is in the hand-over notes). No file is opened per call."""
    cases = synthetic_cases(20_000)
    case_deadlines(cases[0], BOOK, CAL, d("10/01/2026"))  # warm the rule cache

    def no_io(*args, **kwargs):
        raise AssertionError("file I/O during deadline computation")
    monkeypatch.setattr(builtins, "open", no_io)
    monkeypatch.setattr(pathlib.Path, "read_text", no_io)
    today = d("10/01/2026")
    started = time.perf_counter()
    total = sum(len(case_deadlines(c, BOOK, CAL, today)) for c in cases)
    elapsed = time.perf_counter() - started
    assert total > 40_000
    assert elapsed < 2.0, f"{elapsed:.2f} s for 20 000 cases"


def test_every_message_key_has_both_languages() -> None:
    keys = [k for k in MESSAGES if k.startswith(("deadline.", "workflow."))]
    assert len(keys) > 30
    for key in keys:
        vi, en = MESSAGES[key]
        assert vi and en

"""Event-order validation: what may be recorded, and what the refusal says."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.storage.resource_files import load_default_calendar
from desktop.domain.deadlines import CaseFacts, EventFact, case_deadlines
from desktop.domain.errors import InvalidInput
from desktop.storage.resource_files import load_rule_book
from desktop.domain.stages import InspectingLevel, Stage
from desktop.domain.workflow import RULES, validate_event

S = Stage
TODAY = date(2024, 6, 30)
DECIDED = date(2024, 1, 5)


def d(text: str) -> date:
    day, month, year = (int(x) for x in text.split("/"))
    return date(year, month, day)


def ev(stage: Stage, when: str, days: int | None = None) -> EventFact:
    return EventFact(stage, d(when), days)


FULL = [
    ev(S.GATHERING, "02/01/2024"),
    ev(S.DECISION, "05/01/2024"),
    ev(S.PLAN_APPROVED, "10/01/2024"),
    ev(S.ANNOUNCED, "15/01/2024"),
    ev(S.SUSPENDED, "01/03/2024"),
    ev(S.RESUMED, "11/03/2024"),
    ev(S.EXTENDED, "01/04/2024", 15),
    ev(S.ONSITE_ENDED, "02/05/2024"),
    ev(S.TEAM_REPORT, "10/05/2024"),
    ev(S.DRAFT, "20/05/2024"),
    ev(S.REVIEW, "22/05/2024"),
    ev(S.CONSULTATION, "25/05/2024"),
    ev(S.DRAFT, "28/05/2024"),          # a second version of the draft
    ev(S.PM_DRAFT_OPINION, "29/05/2024"),
    ev(S.PM_ISSUE_OPINION, "05/06/2024"),
    ev(S.CONCLUDED, "12/06/2024"),
    ev(S.PUBLISHED, "14/06/2024"),
    ev(S.FOLLOW_UP, "20/06/2024"),
    ev(S.CLOSED, "28/06/2024"),
]


def upto(stage: Stage) -> list[EventFact]:
    """The full history up to and including the first event of `stage`."""
    i = next(i for i, e in enumerate(FULL) if e.stage is stage)
    return FULL[: i + 1]


def refusal(existing: list[EventFact], new: EventFact, decided: date | None = DECIDED,
            today: date = TODAY) -> InvalidInput:
    with pytest.raises(InvalidInput) as info:
        validate_event(existing, new, decided, today)
    return info.value


def test_the_whole_life_of_a_case_is_accepted_step_by_step() -> None:
    for i, event in enumerate(FULL):
        validate_event(FULL[:i], event, DECIDED, TODAY)


def test_the_table_covers_every_stage() -> None:
    assert set(RULES) == set(Stage)
    assert RULES[S.CONCLUDED].once and not RULES[S.DRAFT].once


def test_a_date_in_the_future() -> None:
    error = refusal(upto(S.ANNOUNCED), ev(S.ONSITE_ENDED, "01/07/2024"))
    assert error.key == "workflow.future_date"
    assert error.message("vi") == ("Không thể ghi nhận “Kết thúc thanh tra trực tiếp” ngày "
                                   "01/07/2024: ngày này nằm trong tương lai (hôm nay là "
                                   "30/06/2024).")
    assert error.message("en") == ("Cannot record “End of on-site inspection” on 01/07/2024: "
                                   "that date is in the future (today is 30/06/2024).")
    validate_event(upto(S.ANNOUNCED), ev(S.ONSITE_ENDED, "30/06/2024"), DECIDED, TODAY)


def test_negative_days() -> None:
    error = refusal(upto(S.ANNOUNCED), ev(S.EXTENDED, "01/03/2024", -5))
    assert error.key == "workflow.negative_days"
    assert "“Gia hạn”" in error.message("vi") and "-5" in error.message("vi")
    assert "“Extension”" in error.message("en")


@pytest.mark.parametrize("existing_upto, new, needed_vi, needed_en", [
    (S.GATHERING, ev(S.ANNOUNCED, "15/01/2024"), "Quyết định thanh tra", "Decision to inspect"),
    (S.DECISION, ev(S.ONSITE_ENDED, "02/05/2024"), "Công bố quyết định", "Decision announced"),
    (S.ANNOUNCED, ev(S.TEAM_REPORT, "10/05/2024"), "Kết thúc thanh tra trực tiếp",
     "End of on-site inspection"),
    (S.ANNOUNCED, ev(S.DRAFT, "20/05/2024"),
     "Báo cáo kết quả thanh tra” hoặc “Kết thúc thanh tra trực tiếp",
     "Team's result report” or “End of on-site inspection"),
    (S.TEAM_REPORT, ev(S.REVIEW, "22/05/2024"), "Dự thảo kết luận", "Draft conclusion"),
    (S.TEAM_REPORT, ev(S.CONSULTATION, "22/05/2024"), "Dự thảo kết luận", "Draft conclusion"),
    (S.TEAM_REPORT, ev(S.PM_DRAFT_OPINION, "22/05/2024"), "Dự thảo kết luận",
     "Draft conclusion"),
    (S.ONSITE_ENDED, ev(S.CONCLUDED, "12/06/2024"),
     "Dự thảo kết luận” hoặc “Báo cáo kết quả thanh tra",
     "Draft conclusion” or “Team's result report"),
    (S.DRAFT, ev(S.PUBLISHED, "14/06/2024"), "Ban hành kết luận", "Conclusion issued"),
    (S.DRAFT, ev(S.FOLLOW_UP, "14/06/2024"), "Ban hành kết luận", "Conclusion issued"),
    (S.DRAFT, ev(S.CLOSED, "14/06/2024"), "Ban hành kết luận” hoặc “Hủy cuộc thanh tra",
     "Conclusion issued” or “Cancelled"),
])
def test_a_missing_predecessor(existing_upto: Stage, new: EventFact, needed_vi: str,
                               needed_en: str) -> None:
    existing = upto(existing_upto)
    decided = DECIDED if any(e.stage is S.DECISION for e in existing) else None
    error = refusal(existing, new, decided)
    assert error.key == "workflow.missing_predecessor"
    assert error.message("vi") == (f"Chưa thể ghi nhận “{new.stage.label('vi')}”: hồ sơ chưa "
                                   f"có “{needed_vi}”.")
    assert error.message("en") == (f"Cannot record “{new.stage.label('en')}”: the case has no "
                                   f"“{needed_en}” yet.")


def test_the_decision_date_alone_is_enough_for_an_announcement() -> None:
    validate_event([], ev(S.ANNOUNCED, "15/01/2024"), DECIDED, TODAY)
    validate_event([], ev(S.PLAN_APPROVED, "10/01/2024"), DECIDED, TODAY)


def test_end_of_onsite_before_the_announcement() -> None:
    error = refusal(upto(S.ANNOUNCED), ev(S.ONSITE_ENDED, "12/01/2024"))
    assert error.key == "workflow.predecessor_later"
    assert error.message("vi") == ("Không thể ghi nhận “Kết thúc thanh tra trực tiếp” ngày "
                                   "12/01/2024: “Công bố quyết định” ghi ngày 15/01/2024, muộn "
                                   "hơn.")
    assert error.message("en") == ("Cannot record “End of on-site inspection” on 12/01/2024: "
                                   "“Decision announced” is dated later, 15/01/2024.")


def test_a_team_report_before_the_end_of_onsite() -> None:
    error = refusal(upto(S.ONSITE_ENDED), ev(S.TEAM_REPORT, "30/04/2024"))
    assert error.key == "workflow.predecessor_later"
    assert "02/05/2024" in error.message("vi") and "30/04/2024" in error.message("vi")


def test_a_conclusion_before_the_announcement() -> None:
    # legacy data: a team report with no announcement recorded at all
    existing = [ev(S.DECISION, "05/01/2024"), ev(S.TEAM_REPORT, "08/01/2024"),
                ev(S.ANNOUNCED, "15/01/2024")]
    error = refusal(existing, ev(S.CONCLUDED, "10/01/2024"))
    assert error.key == "workflow.before_other"
    assert error.message("vi") == ("“Ban hành kết luận” ngày 10/01/2024 không thể trước "
                                   "“Công bố quyết định” ngày 15/01/2024.")
    assert error.message("en") == ("“Conclusion issued” on 10/01/2024 cannot be before "
                                   "“Decision announced” on 15/01/2024.")


def test_a_conclusion_may_follow_the_team_report_without_a_draft() -> None:
    validate_event(upto(S.TEAM_REPORT), ev(S.CONCLUDED, "12/06/2024"), DECIDED, TODAY)


def test_an_event_before_the_decision_date() -> None:
    error = refusal([ev(S.DECISION, "05/01/2024")], ev(S.ANNOUNCED, "03/01/2024"))
    assert error.key == "workflow.before_decision"
    assert error.message("vi") == ("“Công bố quyết định” ngày 03/01/2024 không thể trước ngày "
                                   "quyết định thanh tra 05/01/2024.")
    assert error.message("en") == ("“Decision announced” on 03/01/2024 cannot be before the "
                                   "decision to inspect of 05/01/2024.")
    # the case's decision date counts even without a recorded decision event
    assert refusal([], ev(S.PLAN_APPROVED, "04/01/2024")).key == "workflow.before_decision"
    # gathering information happens before the decision
    validate_event([ev(S.DECISION, "05/01/2024")], ev(S.GATHERING, "02/01/2024"), DECIDED,
                   TODAY)


def test_gathering_after_the_decision_would_move_the_case_backwards() -> None:
    error = refusal(upto(S.ANNOUNCED)[1:], ev(S.GATHERING, "20/01/2024"))
    assert error.key == "workflow.after_other"
    assert "“Thu thập thông tin” ngày 20/01/2024 không thể sau" in error.message("vi")


def test_a_second_conclusion() -> None:
    error = refusal(upto(S.CONCLUDED), ev(S.CONCLUDED, "13/06/2024"))
    assert error.key == "workflow.duplicate"
    assert error.message("vi") == ("Hồ sơ đã có “Ban hành kết luận” ngày 12/06/2024; bước này "
                                   "chỉ được ghi nhận một lần.")
    assert error.message("en") == ("The case already has “Conclusion issued” on 12/06/2024; "
                                   "this step is recorded only once.")


def test_a_second_announcement_or_decision() -> None:
    assert refusal(upto(S.ANNOUNCED), ev(S.ANNOUNCED, "16/01/2024")).key == "workflow.duplicate"
    assert refusal(upto(S.ANNOUNCED), ev(S.DECISION, "06/01/2024")).key == "workflow.duplicate"


def test_several_drafts_and_consultations_are_fine() -> None:
    existing = upto(S.CONSULTATION)
    validate_event(existing, ev(S.DRAFT, "27/05/2024"), DECIDED, TODAY)
    validate_event(existing, ev(S.CONSULTATION, "27/05/2024"), DECIDED, TODAY)


@pytest.mark.parametrize("new", [
    ev(S.FOLLOW_UP, "29/06/2024"),
    ev(S.PUBLISHED, "28/06/2024"),      # the same day as the closing, entered after it
    ev(S.CANCELLED, "29/06/2024"),
])
def test_nothing_after_the_file_is_closed(new: EventFact) -> None:
    error = refusal(FULL, new)
    assert error.key == "workflow.case_final"
    assert error.message("vi").startswith("Hồ sơ đã có “Kết thúc hồ sơ” ngày 28/06/2024; "
                                          "không thể ghi nhận thêm")
    assert error.message("en").startswith("The case has “File closed” on 28/06/2024;")


def test_nothing_after_a_cancellation_except_closing_the_file() -> None:
    cancelled = upto(S.ANNOUNCED) + [ev(S.CANCELLED, "01/02/2024")]
    error = refusal(cancelled, ev(S.ONSITE_ENDED, "10/02/2024"))
    assert error.key == "workflow.case_final"
    assert error.message("vi") == ("Hồ sơ đã có “Hủy cuộc thanh tra” ngày 01/02/2024; không "
                                   "thể ghi nhận thêm “Kết thúc thanh tra trực tiếp” ngày "
                                   "10/02/2024.")
    assert error.message("en") == ("The case has “Cancelled” on 01/02/2024; “End of on-site "
                                   "inspection” on 10/02/2024 cannot be recorded.")
    assert refusal(cancelled, ev(S.CANCELLED, "02/02/2024")).key == "workflow.case_final"
    validate_event(cancelled, ev(S.CLOSED, "05/02/2024"), DECIDED, TODAY)


def test_a_cancellation_cannot_be_dated_before_what_happened() -> None:
    error = refusal(upto(S.ONSITE_ENDED), ev(S.CANCELLED, "01/04/2024"))
    assert error.key == "workflow.before_other"
    assert "“Hủy cuộc thanh tra” ngày 01/04/2024 không thể trước" in error.message("vi")


def test_resumed_without_an_open_suspension() -> None:
    error = refusal(upto(S.ANNOUNCED), ev(S.RESUMED, "01/03/2024"))
    assert error.key == "workflow.not_suspended"
    assert error.message("vi") == ("Không thể ghi nhận “Tiếp tục” ngày 01/03/2024: cuộc thanh "
                                   "tra không bị tạm dừng vào ngày đó.")
    assert error.message("en") == ("Cannot record “Resumed” on 01/03/2024: the inspection is "
                                   "not suspended on that date.")
    # already resumed
    assert refusal(upto(S.RESUMED), ev(S.RESUMED, "12/03/2024")).key == "workflow.not_suspended"


def test_suspended_while_already_suspended() -> None:
    error = refusal(upto(S.SUSPENDED), ev(S.SUSPENDED, "05/03/2024"))
    assert error.key == "workflow.already_suspended"
    assert error.message("vi") == ("Cuộc thanh tra đang tạm dừng từ ngày 01/03/2024; hãy ghi "
                                   "nhận “Tiếp tục” trước khi tạm dừng lần nữa.")
    assert error.message("en") == ("The inspection has been suspended since 01/03/2024; record "
                                   "“Resumed” before suspending it again.")
    validate_event(upto(S.RESUMED), ev(S.SUSPENDED, "20/03/2024"), DECIDED, TODAY)
    validate_event(upto(S.SUSPENDED), ev(S.RESUMED, "01/03/2024"), DECIDED, TODAY)


def test_a_suspension_slipped_in_before_a_later_one() -> None:
    error = refusal(upto(S.RESUMED), ev(S.SUSPENDED, "20/02/2024"))
    assert error.key == "workflow.before_other"
    assert "“Tạm dừng” ngày 20/02/2024 không thể trước “Tạm dừng” ngày 01/03/2024" in \
        error.message("vi")


@pytest.mark.parametrize("stage", [S.EXTENDED, S.SUSPENDED])
def test_no_extension_or_suspension_after_the_onsite_phase(stage: Stage) -> None:
    error = refusal(upto(S.ONSITE_ENDED), ev(stage, "03/05/2024", 10))
    assert error.key == "workflow.onsite_over"
    label_vi, label_en = stage.label("vi"), stage.label("en")
    assert error.message("vi") == (f"Không thể ghi nhận “{label_vi}” ngày 03/05/2024: đã kết "
                                   f"thúc thanh tra trực tiếp ngày 02/05/2024.")
    assert error.message("en") == (f"Cannot record “{label_en}” on 03/05/2024: the on-site "
                                   f"inspection ended on 02/05/2024.")
    assert refusal(upto(S.ONSITE_ENDED), ev(stage, "02/05/2024")).key == "workflow.onsite_over"
    # recorded late but dated while on site: accepted
    validate_event(upto(S.ONSITE_ENDED), ev(stage, "15/04/2024", 10), DECIDED, TODAY)


def test_an_extension_needs_the_announcement() -> None:
    error = refusal(upto(S.DECISION), ev(S.EXTENDED, "01/03/2024", 10))
    assert error.key == "workflow.missing_predecessor"


def test_stages_given_as_codes() -> None:
    existing = [EventFact("decision", d("05/01/2024")),  # type: ignore[arg-type]
                EventFact("announced", d("15/01/2024"))]  # type: ignore[arg-type]
    validate_event(existing, EventFact(S.ONSITE_ENDED, d("02/05/2024")), DECIDED, TODAY)
    assert refusal(existing, ev(S.ANNOUNCED, "16/01/2024")).key == "workflow.duplicate"


# --- property: whatever validation lets through, the deadline engine can compute ---------

BOOK = load_rule_book()
CAL = load_default_calendar()


@settings(max_examples=200, deadline=None)
@given(steps=st.lists(st.tuples(st.sampled_from(list(Stage)), st.integers(-15, 40),
                                st.one_of(st.none(), st.integers(0, 30))),
                      min_size=1, max_size=25))
def test_accepted_histories_stay_in_order(steps: list[tuple[Stage, int, int | None]]) -> None:
    events: list[EventFact] = [EventFact(S.DECISION, DECIDED)]
    when = DECIDED
    today = date(2025, 12, 31)
    for stage, gap, days in steps:
        when += timedelta(days=gap)
        new = EventFact(stage, when, days)
        try:
            validate_event(events, new, DECIDED, today)
        except InvalidInput as error:
            assert error.key.startswith("workflow.")
            assert error.message("vi") != error.key and error.message("en") != error.key
            continue
        events.append(new)
        events.sort(key=lambda e: e.date)  # stable: a new event goes after its day's others
    # accepted histories keep their phases in date order …
    for a in events:
        for b in events:
            if RULES[a.stage].phase < RULES[b.stage].phase:
                assert a.date <= b.date
    assert sum(e.stage is S.CONCLUDED for e in events) <= 1
    pauses = [e.stage for e in events if e.stage in (S.SUSPENDED, S.RESUMED)]
    assert pauses == [S.SUSPENDED, S.RESUMED] * (len(pauses) // 2) + [S.SUSPENDED] * (
        len(pauses) % 2)
    ended = [e.date for e in events if e.stage is S.ONSITE_ENDED]
    if ended:
        assert all(e.date < ended[0] for e in events if e.stage in (S.EXTENDED, S.SUSPENDED))
    closed = [e.date for e in events if e.stage is S.CLOSED]
    if closed:
        assert events[-1].stage is S.CLOSED
    # … and the engine computes their deadlines without surprises
    facts = CaseFacts("P", DECIDED, InspectingLevel.PROVINCE, "normal", tuple(events))
    for x in case_deadlines(facts, BOOK, CAL, today):
        assert x.due >= x.counted_from_date
        assert x.explanation() and x.explanation("en")

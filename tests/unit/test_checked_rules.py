"""The rule files' figures checked against the law texts (desktop/docs/domain.md, "Checked
against the law texts", 04/12/2026): each pinned to its article, unit and start, without a
"verify" mark; what the texts did not give stays marked, and a limit the law sets without a
known figure is shown as "chưa có số liệu" — never guessed, never silently absent."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain import deadlines as engine
from desktop.domain.rules import HEAD_RECEIVED, Unit
from desktop.domain.stages import InspectingLevel
from desktop.storage.resource_files import load_rule_book

BOOK = load_rule_book()
LAW_2022, LAW_2025 = BOOK.by_id("law-11-2022"), BOOK.by_id("law-84-2025")
CHECKED = date(2026, 12, 4)

# (rule set, limit, level, complexity) → (days, unit, counted from, words of the article)
PINNED = [
    (LAW_2022, "conclusion_signature", "government", "normal", 15, Unit.CALENDAR_DAYS, "draft",
     "Điều 78"),
    (LAW_2022, "conclusion_signature", "department", "normal", 15, Unit.CALENDAR_DAYS, "draft",
     "Điều 78"),
    (LAW_2025, "conclusion_signature", "government", "normal", 15, Unit.CALENDAR_DAYS, "draft",
     "Điều 36 khoản 1"),
    (LAW_2025, "conclusion_signature", "province", "normal", 15, Unit.CALENDAR_DAYS, "draft",
     "Điều 36 khoản 1"),
    (LAW_2022, "opinion_reply", "province", "normal", 30, Unit.CALENDAR_DAYS, HEAD_RECEIVED,
     "Điều 78"),
    (LAW_2025, "opinion_reply", "government", "normal", 30, Unit.CALENDAR_DAYS, HEAD_RECEIVED,
     "Điều 36"),
    (LAW_2022, "team_report", "government", "normal", 30, Unit.CALENDAR_DAYS, "onsite_ended",
     "báo cáo kết quả thanh tra"),
    (LAW_2022, "team_report", "government", "complex", 45, Unit.CALENDAR_DAYS, "onsite_ended",
     "trường hợp phức tạp"),
    (LAW_2022, "team_report", "province", "normal", 20, Unit.CALENDAR_DAYS, "onsite_ended",
     "báo cáo kết quả thanh tra"),
    (LAW_2022, "team_report", "province", "complex", 20, Unit.CALENDAR_DAYS, "onsite_ended",
     "báo cáo kết quả thanh tra"),   # only the Government Inspectorate has a complex figure
    (LAW_2022, "team_report", "department", "normal", 15, Unit.CALENDAR_DAYS, "onsite_ended",
     "báo cáo kết quả thanh tra"),
    (LAW_2022, "suspension_max", "province", "normal", 30, Unit.CALENDAR_DAYS, "suspended",
     "Điều 70 khoản 1 điểm b"),
    (LAW_2025, "draft_conclusion_assign", "province", "normal", 5, Unit.WORKING_DAYS,
     "team_report", "Điều 34 khoản 1"),
]


@pytest.mark.parametrize("rule_set, key, level, complexity, days, unit, start, article", PINNED,
                         ids=[f"{r.id}-{k}-{lv}-{c}" for r, k, lv, c, *_ in PINNED])
def test_each_checked_figure_is_pinned_to_its_article(rule_set, key, level, complexity, days,
                                                      unit, start, article):
    limit = rule_set.limit(key, level, complexity)
    assert (limit.value, limit.unit, limit.counted_from) == (days, unit, start)
    assert article in limit.article
    assert not limit.verify and limit.checked == CHECKED


def test_what_the_texts_did_not_give_stays_marked():
    for rule_set in (LAW_2022, LAW_2025):
        for complexity in ("normal", "complex", "very_complex"):
            assert rule_set.limit("onsite_duration", "government", complexity).verify
    assert LAW_2022.limit("team_report", "ministry").verify        # no figure for ministries
    assert LAW_2025.limit("team_report", "government").verify      # not found in Law 84/2025
    assert LAW_2025.limit("suspension_max", "province").verify
    assert "chưa thấy trong văn bản" in LAW_2022.limit("suspension_max", "province").note


def test_the_government_inspectorates_ceiling_is_a_note_not_the_base():
    signature = LAW_2025.limit("conclusion_signature", "government")
    assert signature.value == 15 and "tối đa 30 ngày" in signature.note


def test_the_drafting_time_of_law_84_is_a_limit_without_a_figure():
    draft = LAW_2025.limit("draft_conclusion", "province")
    assert draft.value is None and not draft.known and draft.verify
    assert "Điều 34 khoản 5" in draft.article
    assert draft.figure("vi") == "chưa có số liệu" and draft.figure("en") == "no figure yet"
    assert draft.describe().startswith("chưa có số liệu — Điều 34 khoản 5")
    from desktop.domain.deadlines import CaseFacts, EventFact
    from desktop.domain.stages import Stage

    def reported(decided: date) -> CaseFacts:
        return CaseFacts("TT-1", decided, InspectingLevel.PROVINCE, "normal",
                         (EventFact(Stage.TEAM_REPORT, decided.replace(month=10), None),))
    missing = engine.missing_figures(reported(date(2025, 9, 1)), BOOK)
    assert [m.key for m in missing] == ["draft_conclusion"]
    assert engine.missing_figures(reported(date(2024, 3, 1)), BOOK) == []


def test_the_consultation_counts_from_the_heads_receipt_with_the_allowance_set():
    reply = LAW_2022.limit("opinion_reply", "government")
    assert reply.counted_from == HEAD_RECEIVED and reply.receipt_days == 0
    assert "kể từ ngày thủ trưởng nhận báo cáo" in reply.note


def rules_with(tmp_path, key: str, **changes):
    """A copy of the shipped rule files where Law 11/2022's limit `key` has `changes`, as an
    administrator would edit it."""
    import json
    import shutil

    from desktop.storage.resource_files import resources_dir
    folder = tmp_path / "rules"
    shutil.copytree(resources_dir() / "rules", folder)
    path = folder / "law-11-2022.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    next(x for x in data["limits"] if x["key"] == key).update(changes)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def test_an_administrators_delivery_allowance_moves_the_reply_and_is_explained(tmp_path):
    from desktop.domain.deadlines import OpinionFact, opinion_deadline
    from desktop.storage.resource_files import load_default_calendar
    book = load_rule_book(rules_with(tmp_path, "opinion_reply", receipt_days=3))
    op = OpinionFact(1, "HS-1", "Bộ Tài chính", date(2024, 3, 1), None, None)
    found = opinion_deadline(op, book, load_default_calendar(), date(2024, 3, 5))
    assert found.counted_from_date == date(2024, 3, 4)      # 01/03 + 3 days of delivery
    assert found.due == date(2024, 4, 3)                     # + 30 days
    assert ("(chưa ghi ngày nhận: tính là ngày gửi 01/03/2024 cộng 3 ngày chuyển văn bản)"
            in found.explanation())
    assert "plus 3 day(s) of delivery" in found.explanation("en")


def test_an_allowance_is_refused_on_a_limit_not_counted_from_the_heads_receipt(tmp_path):
    from desktop.domain.rules import RuleFileError
    with pytest.raises(RuleFileError, match="receipt_days"):
        load_rule_book(rules_with(tmp_path, "team_report", receipt_days=3))


def test_a_recorded_receipt_is_the_start_and_nothing_is_assumed():
    from desktop.domain.deadlines import OpinionFact, opinion_deadline
    from desktop.storage.resource_files import load_default_calendar
    op = OpinionFact(1, "HS-1", "Bộ Tài chính", date(2024, 3, 1), None, None,
                     received=date(2024, 3, 6))
    found = opinion_deadline(op, BOOK, load_default_calendar(), date(2024, 3, 7))
    assert (found.counted_from, found.counted_from_date) == (HEAD_RECEIVED, date(2024, 3, 6))
    assert found.due == date(2024, 4, 5)                     # 06/03 + 30
    text = found.explanation()
    assert "kể từ “Thủ trưởng nhận văn bản xin ý kiến gửi Bộ Tài chính” ngày 06/03/2024" in text
    assert "chưa ghi ngày nhận" not in text


def test_under_law_84_a_consultation_holds_the_conclusion_back_only_on_its_grounds():
    """Law 84/2025 Art. 36: the state-management head is consulted on defence/security
    cases, cases followed by an anti-corruption steering committee, or when the head asks;
    a case recorded on none of them is concluded without waiting for an opinion."""
    from desktop.domain.deadlines import CaseFacts, EventFact, case_deadlines
    from desktop.domain.stages import Stage
    from desktop.storage.resource_files import load_default_calendar
    events = (EventFact(Stage.DECISION, date(2025, 8, 4), None),
              EventFact(Stage.ANNOUNCED, date(2025, 8, 11), None),
              EventFact(Stage.ONSITE_ENDED, date(2025, 10, 1), None),
              EventFact(Stage.TEAM_REPORT, date(2025, 10, 10), None),
              EventFact(Stage.DRAFT, date(2025, 10, 15), None),
              EventFact(Stage.CONSULTATION, date(2025, 10, 20), None))

    def conclusion(grounds: str):
        case = CaseFacts("TT-84", date(2025, 8, 4), InspectingLevel.PROVINCE, "normal", events,
                         grounds)
        found = case_deadlines(case, BOOK, load_default_calendar(), date(2025, 10, 21))
        return next(d for d in found if d.kind == "conclusion")
    flagged, plain = conclusion("defence_security"), conclusion("")
    assert flagged.due == date(2025, 11, 19)      # 20/10 + 30 days (the head's reply)
    assert plain.due == date(2025, 10, 30)        # 15/10 + 15: no wait for the opinion
    assert "không thuộc diện phải lấy ý kiến thủ trưởng" in plain.explanation()
    assert "không thuộc diện" not in flagged.explanation()
    # Law 11/2022 knows no such grounds: every consultation counts
    old = CaseFacts("TT-22", date(2024, 1, 4), InspectingLevel.PROVINCE, "normal", tuple(
        EventFact(e.stage, e.date.replace(year=2024), None) for e in events), "")
    found = case_deadlines(old, BOOK, load_default_calendar(), date(2024, 10, 21))
    assert next(d for d in found if d.kind == "conclusion").due == date(2024, 11, 19)

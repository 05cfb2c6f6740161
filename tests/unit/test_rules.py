"""Legal rule sets: the shipped files, choosing a set by decision date, bad files."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.rules import (HEAD_RECEIVED, REQUEST_SENT, LimitNotFound, RuleBook,
                                  RuleFileError, Unit)
from desktop.storage.resource_files import load_rule_book, load_rule_set, resources_dir
from desktop.domain.stages import InspectingLevel, Stage

RULES = resources_dir() / "rules"
BOOK = load_rule_book()
LAW_2022 = BOOK.by_id("law-11-2022")
LAW_2025 = BOOK.by_id("law-84-2025")


# --- shipped rule sets ---

def test_both_shipped_rule_sets_load() -> None:
    assert [r.id for r in BOOK.rule_sets] == ["law-11-2022", "law-84-2025"]
    assert LAW_2022.effective_from == date(2023, 7, 1)
    assert LAW_2022.effective_to == date(2025, 6, 30)
    assert LAW_2025.effective_from == date(2025, 7, 1)
    assert LAW_2025.effective_to is None
    assert "43/2023" in LAW_2022.decree and "216/2025" in LAW_2025.decree


@pytest.mark.parametrize("decision_date, rule_set_id", [
    (date(2024, 3, 1), "law-11-2022"),
    (date(2025, 6, 30), "law-11-2022"),
    (date(2025, 7, 1), "law-84-2025"),
    (date(2025, 8, 1), "law-84-2025"),
    (date(2031, 1, 1), "law-84-2025"),
    (date(2020, 5, 5), "law-11-2022"),  # before any set: the earliest, no error
])
def test_for_date_picks_the_set_in_force(decision_date: date, rule_set_id: str) -> None:
    assert BOOK.for_date(decision_date).id == rule_set_id


@pytest.mark.parametrize("level, complexity, value", [
    ("government", "normal", 60), ("government", "complex", 90),
    ("government", "very_complex", 120),
    ("ministry", "normal", 45), ("province", "complex", 70),
    ("province", "very_complex", 70),  # no separate figure: the complex one applies
    ("department", "normal", 30), ("department", "complex", 45),
])
def test_onsite_duration_2022(level: str, complexity: str, value: int) -> None:
    limit = LAW_2022.limit("onsite_duration", level, complexity)
    assert limit.value == value
    assert limit.unit is Unit.WORKING_DAYS  # Circular 06/2021 counts working days
    assert limit.counted_from == Stage.ANNOUNCED.value
    assert limit.verify  # desktop/docs/domain.md marks the per-level durations (verify)


def test_limits_2022_counted_from_the_right_events() -> None:
    province = InspectingLevel.PROVINCE
    assert LAW_2022.limit("team_report", province).value == 20
    assert LAW_2022.limit("team_report", "department").value == 15
    assert LAW_2022.limit("team_report", province).counted_from == "onsite_ended"
    signature = LAW_2022.limit("conclusion_signature", province)
    assert (signature.value, signature.counted_from) == (15, "draft")
    assert "78" in signature.article
    assert LAW_2022.limit("opinion_reply", province).counted_from == HEAD_RECEIVED
    assert LAW_2022.limit("opinion_reply", province).value == 30
    suspension = LAW_2022.limit("suspension_max", "ministry")
    assert (suspension.value, suspension.counted_from) == (30, "suspended")


def test_limits_2025() -> None:
    assign = LAW_2025.limit("draft_conclusion_assign", "province")
    assert (assign.value, assign.unit, assign.counted_from) == (5, Unit.WORKING_DAYS,
                                                                "team_report")
    assert not assign.verify and "34" in assign.article  # read in the law (Art. 34)
    assert LAW_2025.limit("conclusion_signature", "government").value == 15   # 30: a ceiling
    assert LAW_2025.limit("conclusion_signature", "province").value == 15
    assert "36" in LAW_2025.limit("conclusion_signature", "province").article
    assert LAW_2025.limit("opinion_reply", "government").value == 30


def test_2025_per_level_durations_are_marked_verify() -> None:
    for complexity in ("normal", "complex", "very_complex"):
        for level in ("government", "province"):
            assert LAW_2025.limit("onsite_duration", level, complexity).verify


def test_levels_abolished_in_2025_are_not_guessed() -> None:
    with pytest.raises(LimitNotFound, match="ministry"):
        LAW_2025.limit("onsite_duration", InspectingLevel.MINISTRY)


def test_unknown_key_is_an_error() -> None:
    with pytest.raises(LimitNotFound, match="no_such_rule"):
        LAW_2022.limit("no_such_rule", "province")


def test_every_limit_names_its_source() -> None:
    for rule_set in BOOK.rule_sets:
        for key in rule_set.keys():
            for limit in rule_set.limits[key].values():
                assert limit.article and limit.rule_set_id == rule_set.id
                assert limit.counted_from in {s.value for s in Stage} | {REQUEST_SENT,
                                                                         HEAD_RECEIVED}


def test_describe_says_value_unit_rule_and_doubt() -> None:
    text = LAW_2022.limit("onsite_duration", "province").describe()
    assert "45 ngày làm việc" in text and "11/2022" in text and "cần kiểm tra" in text
    english = LAW_2022.limit("onsite_duration", "province").describe("en")
    assert english.startswith("45 working days — Inspection duration, Luật Thanh tra 11/2022")
    assert english.endswith("(to verify)")


def test_every_article_has_english_words_and_keeps_the_law_as_cited() -> None:
    for rule_set in BOOK.rule_sets:
        for key in rule_set.keys():
            for limit in rule_set.limits[key].values():
                english = limit.article.in_lang("en")
                assert english != limit.article, key
                assert rule_set.title in english, key  # "Luật Thanh tra 84/2025/QH15"
                assert limit.article.in_lang("vi") == limit.article


def test_overlapping_rule_sets_are_rejected() -> None:
    with pytest.raises(ValueError, match="overlap"):
        RuleBook([LAW_2022, replace(LAW_2025, effective_from=date(2025, 6, 1))])


# --- malformed files ---

def minimal() -> dict[str, Any]:
    return {
        "id": "test", "title": "Test", "effective_from": "2023-07-01",
        "legal_basis": {"law": "Luật X", "decree": "NĐ Y"},
        "limits": [{"key": "onsite_duration", "counted_from": "announced",
                    "unit": "working_days", "article": "Điều 1",
                    "values": {"government": 60, "province": 45}}],
    }


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def error_for(tmp_path: Path, data: dict[str, Any]) -> RuleFileError:
    path = write(tmp_path, data)
    with pytest.raises(RuleFileError) as info:
        load_rule_set(path)
    assert str(path) in str(info.value)
    return info.value


def test_minimal_file_loads(tmp_path: Path) -> None:
    rule_set = load_rule_set(write(tmp_path, minimal()))
    assert rule_set.limit("onsite_duration", "government").value == 60


def test_invalid_json_names_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.json"
    path.write_text('{\n  "id": "x",\n  "title": "y"\n  "limits": []\n}', encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_rule_set(path)
    assert "line 4" in str(info.value) and str(path) in str(info.value)


def test_missing_key(tmp_path: Path) -> None:
    data = minimal()
    del data["effective_from"]
    assert error_for(tmp_path, data).where == "effective_from"


def test_missing_key_inside_a_rule(tmp_path: Path) -> None:
    data = minimal()
    del data["limits"][0]["unit"]
    err = error_for(tmp_path, data)
    assert err.where.startswith("limits[0]") and err.where.endswith(".unit")


def test_bad_date(tmp_path: Path) -> None:
    data = minimal()
    data["effective_from"] = "2023-02-30"
    err = error_for(tmp_path, data)
    assert err.where.startswith("effective_from") and "2023-02-30" in err.message
    assert "line" in err.where


def test_effective_to_before_from(tmp_path: Path) -> None:
    data = minimal()
    data["effective_to"] = "2022-01-01"
    assert error_for(tmp_path, data).where.startswith("effective_to")


def test_unknown_unit(tmp_path: Path) -> None:
    data = minimal()
    data["limits"][0]["unit"] = "weeks"
    err = error_for(tmp_path, data)
    assert ".unit" in err.where and "weeks" in err.message and "working_days" in err.message


def test_negative_value(tmp_path: Path) -> None:
    data = minimal()
    data["limits"][0]["values"]["province"] = -45
    err = error_for(tmp_path, data)
    assert err.where.startswith("limits[0] (onsite_duration).values.province")


def test_negative_value_in_detailed_form(tmp_path: Path) -> None:
    data = minimal()
    data["limits"][0]["values"]["province"] = {"value": -1, "verify": True}
    assert "values.province" in error_for(tmp_path, data).where


def test_non_integer_value(tmp_path: Path) -> None:
    data = minimal()
    data["limits"][0]["values"]["province"] = "45"
    assert "values.province" in error_for(tmp_path, data).where


def test_unknown_inspecting_level(tmp_path: Path) -> None:
    data = minimal()
    data["limits"][0]["values"]["district"] = 30
    err = error_for(tmp_path, data)
    assert "values.district" in err.where and "department" in err.message


def test_unknown_counted_from(tmp_path: Path) -> None:
    data = minimal()
    data["limits"][0]["counted_from"] = "announcement"
    assert ".counted_from" in error_for(tmp_path, data).where


def test_misspelled_key_is_reported(tmp_path: Path) -> None:
    data = minimal()
    data["limits"][0]["verfy"] = True
    assert "verfy" in error_for(tmp_path, data).where


def test_duplicate_rule_key(tmp_path: Path) -> None:
    data = minimal()
    data["limits"].append(dict(data["limits"][0]))
    assert "duplicate" in error_for(tmp_path, data).message


def test_per_level_verify_flag(tmp_path: Path) -> None:
    data = minimal()
    data["limits"][0]["values"]["province"] = {"value": 45, "verify": True, "note": "tạm"}
    rule_set = load_rule_set(write(tmp_path, data))
    assert rule_set.limit("onsite_duration", "province").verify
    assert rule_set.limit("onsite_duration", "province").note == "tạm"
    assert not rule_set.limit("onsite_duration", "government").verify


def test_units_read_right_after_one_and_after_many():
    assert Unit.WORKING_DAYS.label("en", 1) == "working day"
    assert Unit.CALENDAR_DAYS.label("en", -1) == "calendar day"
    assert Unit.CALENDAR_DAYS.label("en", 3) == "calendar days"
    assert Unit.WORKING_DAYS.label("vi", 1) == "ngày làm việc"

"""The audit trail read in words, in both languages: every action the program records has
a name, details read as a sentence, dates dd/mm/yyyy, numbers with the language's separators."""

import ast
from pathlib import Path

from desktop.domain import audit_words as w


def recorded_actions() -> set[str]:
    """The action names the program's code passes to audit_log.append / _audit."""
    found = set()
    for path in Path("desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(
                    node.func, "id", "")) in ("append", "_audit") and len(node.args) >= 4:
                for arg in node.args[2:5]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) \
                            and "." in arg.value and " " not in arg.value:
                        found.add(arg.value)
    return found


def test_every_recorded_action_has_words_in_both_languages():
    actions = recorded_actions()
    assert {"export.cases", "doc.list", "register.stats", "session.open"} <= actions
    for action in actions:
        assert w.action_text(action, "vi") != action, action
        assert w.action_text(action, "en") != action, action
    assert w.action_text("case.team_add", "vi") == "Đổi thành viên đoàn"


def test_details_read_as_a_sentence():
    detail = {"rows": 52, "classified_rows": 29, "level": 2, "reason": "Báo cáo Bộ"}
    assert w.entry_text("export.cases", detail, "vi") == \
        "Xuất danh sách hồ sơ: 52 dòng, 29 dòng mật; độ mật: Tối mật; lý do: Báo cáo Bộ"
    assert w.entry_text("export.cases", detail, "en") == \
        "Case list exported: 52 rows, 29 classified rows; classification: Secret; reason: Báo cáo Bộ"
    imported = {"inserted": 1200, "updated": 0, "rejected": 3, "from_export": False}
    assert w.detail_text(imported, "vi") == "thêm 1.200, cập nhật 0, bị loại 3; tệp do " \
        "chương trình xuất: không"
    assert w.detail_text(imported, "en").startswith("added 1,200, updated 0, rejected 3")
    assert w.detail_text({"stage": "published", "date": "2024-03-12"}, "vi") == \
        "giai đoạn: Công khai kết luận; ngày: 12/03/2024"
    assert w.value_text("target", "2024-01-01..2024-06-30") == "01/01/2024 – 30/06/2024"
    assert w.detail_text({"then": "", "by": "unit"}, "en") == "by: chairing unit"


def test_years_versions_and_documents_read_as_named():
    """Seen on the audit page: "năm: 2.024", "300 số lượng", "doc:103", "records"."""
    assert w.detail_text({"year": 2024}, "vi") == "năm: 2024"
    assert w.detail_text({"version": 1200}, "en") == "version: 1200"
    assert w.detail_text({"count": 300, "max_level": 2}, "vi") == "300 mục; độ mật cao nhất: Tối mật"
    assert w.value_text("target", "doc:103", "vi") == "tài liệu #103"
    assert w.value_text("target", "doc:103", "en") == "document #103"
    assert w.value_text("target", "records", "vi") == "dữ liệu"
    assert w.value_text("target", "C2-2023-01", "vi") == "C2-2023-01"   # a case code as is

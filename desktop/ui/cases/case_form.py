"""The case form: a new case (Cases page, Ctrl+N) or the change of an existing one (the
case view's "Sửa…"). Dates are typed dd/mm/yyyy and may stay empty; the service checks
everything and its message is shown under the field it is about; the form stays open to be
corrected."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QGroupBox, QFormLayout, QLineEdit, QPlainTextEdit)

from desktop.domain.messages import in_language
from desktop.domain import case_fields
from desktop.domain.errors import ChangedMeanwhile, HosoError
from desktop.domain.levels import Level
from desktop.domain.stages import Basis, InspectingLevel
from desktop.services import case_edit, cases
from desktop.ui.forms import FormDialog

_TEXT_FIELDS = ("code", "title", "inspected_party", "decision_number", "decision_date",
                "period_from", "period_to", "assignment_ref", "chaired_by", "supervisor")
_RESULT_FIELDS = ("violation_money", "violation_land_m2", "recovery_money", "recovery_land_m2",
                  "disciplined_orgs", "disciplined_persons", "referral_cases", "referral_persons")


class CaseFormDialog(FormDialog):
    error_fields = {"case.exists": "code", "perm.level_above_own": "level",
                    "input.reason_required": "reason", "input.bad_team": "team",
                    "input.period_order": "period_to"}

    def __init__(self, ctx, detail: cases.CaseDetail | None = None, parent=None) -> None:
        editing = detail is not None
        super().__init__(ctx, "", "caseForm", parent)
        self.setWindowTitle(self.tr("Sửa hồ sơ") if editing else self.tr("Thêm hồ sơ"))
        self.setMinimumWidth(620)
        self.detail = detail
        lang = ctx.lang
        self.edits: dict[str, QLineEdit] = {}
        for field in _TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"case_{field}")
            if case_fields.FIELDS[field][0] == "date":
                edit.setPlaceholderText("dd/mm/yyyy")
            self.edits[field] = edit
        self.content = QPlainTextEdit()
        self.content.setObjectName("case_content")
        self.content.setFixedHeight(70)
        self.basis = self._combo("case_basis", [(b.label(lang), b.value) for b in Basis])
        self.inspecting = self._combo("case_inspecting_level",
                                      [(i.label(lang), i.value) for i in InspectingLevel])
        self.complexity = self._combo("case_complexity", [
            (in_language(names, lang), key) for key, names in case_fields.COMPLEXITIES.items()])
        self.consultation = self._combo("case_consultation_basis", [
            (in_language(names, lang), key)
            for key, names in case_fields.CONSULTATION_BASES.items()])
        cleared = ctx.session.actor.clearance if ctx.session is not None else Level.THUONG
        self.level = self._combo("case_level", [(lv.label(lang), lv.code) for lv in Level
                                                if lv <= cleared])
        order = ("code", "title", "inspected_party", "content", "level", "basis",
                 "decision_number", "decision_date", "period_from", "period_to", "assignment_ref",
                 "inspecting_level", "complexity", "consultation_basis", "chaired_by",
                 "supervisor")
        widgets = {**self.edits, "content": self.content, "basis": self.basis,
                   "inspecting_level": self.inspecting, "complexity": self.complexity,
                   "consultation_basis": self.consultation, "level": self.level}
        for field in order:
            self.add_field(field, case_fields.label(field, lang) + ":", widgets[field])
        self.team = QLineEdit()
        self.team.setObjectName("case_team")
        self.team.setPlaceholderText(self.tr("Nguyễn Văn A:trưởng đoàn; Trần Thị B"))
        self.results: dict[str, QLineEdit] = {}
        self.reason = QLineEdit()
        self.reason.setObjectName("case_reason")
        if editing:
            group = QGroupBox(self.tr("Kết quả thanh tra"))
            inner = QFormLayout(group)
            for field in _RESULT_FIELDS:
                edit = QLineEdit()
                edit.setObjectName(f"case_{field}")
                self.results[field] = edit
                self.add_field(field, case_fields.label(field, lang) + ":", edit, inner)
            self.form.addRow(group)
            self.reason.setPlaceholderText(self.tr("bắt buộc khi đổi độ mật"))
            self.add_field("reason", self.tr("Lý do thay đổi:"), self.reason)
            self._fill(detail)
        else:
            self.add_field("team", self.tr("Đoàn thanh tra:"), self.team)
            self.edits["code"].setFocus()

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def _fill(self, detail: cases.CaseDetail) -> None:
        self.before, self.version = _values_of(detail), detail.version
        self._fill_values(self.before)

    def _fill_values(self, values: dict[str, str], shown: set[str] = frozenset()) -> None:
        """Put canonical values into the widgets (`shown`: values as the user typed them)."""
        for field, edit in {**self.edits, **self.results}.items():
            date_field = case_fields.FIELDS[field][0] == "date" and field not in shown
            edit.setText(case_fields.shown(field, values[field], self.ctx.lang)
                         if date_field else values[field])
        self.content.setPlainText(values["content"])
        for combo, field in ((self.basis, "basis"), (self.inspecting, "inspecting_level"),
                             (self.complexity, "complexity"),
                             (self.consultation, "consultation_basis"), (self.level, "level")):
            combo.setCurrentIndex(max(0, combo.findData(values[field])))

    def values(self) -> dict[str, str]:
        values = {field: edit.text() for field, edit in {**self.edits, **self.results}.items()}
        values.update(content=self.content.toPlainText(), basis=self.basis.currentData(),
                      inspecting_level=self.inspecting.currentData(),
                      complexity=self.complexity.currentData(),
                      consultation_basis=self.consultation.currentData(),
                      level=self.level.currentData())
        return values

    def task(self):
        values = self.values()
        if self.detail is None:
            team_text = self.team.text()

            def create(vs, _control):
                data = cases.CaseInput(
                    code=values["code"], title=values["title"],
                    inspected_party=values["inspected_party"], content=values["content"],
                    period_from=cases.parse_optional_date(values["period_from"].strip()),
                    period_to=cases.parse_optional_date(values["period_to"].strip()),
                    basis=Basis(values["basis"]), assignment_ref=values["assignment_ref"],
                    decision_number=values["decision_number"],
                    decision_date=cases.parse_optional_date(values["decision_date"].strip()),
                    inspecting_level=InspectingLevel(values["inspecting_level"]),
                    complexity=values["complexity"],
                    consultation_basis=values["consultation_basis"], chaired_by=values["chaired_by"],
                    supervisor=values["supervisor"], level=Level.parse(values["level"]),
                    team=cases.parse_team(p for p in team_text.split(";") if p.strip()))
                return cases.add_case(vs, data).code
            return create
        changed = {}
        for field, value in values.items():
            try:
                if case_fields.canonical(field, value) != self.before[field]:
                    changed[field] = value
            except HosoError as exc:  # shown at the field at once, nothing is sent
                self.show_error(exc, field=field)
                return None
        code, reason = self.detail.row.code, self.reason.text()
        base, version = dict(self.before), self.version

        def edit(vs, _control):
            case_edit.edit_case(vs, code, changed, reason, base=base, base_version=version)
            return changed.get("code", code).strip() or code
        return edit

    def _failed(self, exc: BaseException) -> None:
        """Another user saved the case meanwhile: their values come into the fields this
        user did not touch, this user's own edits stay, and Lưu tries again on the fresh
        version (the message names who, when and which fields)."""
        if isinstance(exc, ChangedMeanwhile) and exc.current and self.detail is not None:
            typed = self.values()
            mine = {f for f, v in typed.items() if _canonical_or_none(f, v) != self.before[f]}
            fresh = dict(exc.current)
            self._fill_values({**fresh, **{f: typed[f] for f in mine}}, shown=mine)
            self.before, self.version = fresh, exc.version
            for field in exc.fields:
                if field in self.fields:
                    self.mark(field, self.tr("vừa được người khác sửa"))
        super()._failed(exc)


def _canonical_or_none(field: str, value: str) -> str | None:
    try:
        return case_fields.canonical(field, value)
    except HosoError:
        return None


def _values_of(detail: cases.CaseDetail) -> dict[str, str]:
    row = detail.row
    raw = {"code": row.code, "title": row.title, "inspected_party": row.inspected_party,
           "content": detail.content, "period_from": detail.period_from,
           "period_to": detail.period_to, "basis": detail.basis,
           "assignment_ref": detail.assignment_ref, "decision_number": row.decision_number,
           "decision_date": row.decision_date, "inspecting_level": detail.inspecting_level,
           "complexity": detail.complexity, "consultation_basis": detail.consultation_basis,
           "chaired_by": detail.chaired_by,
           "supervisor": detail.supervisor, "level": row.level, **detail.results}
    return {field: case_fields.canonical(field, raw[field]) for field in case_fields.FIELDS}


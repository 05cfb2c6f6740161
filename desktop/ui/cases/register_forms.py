"""Small forms of the "Ý kiến & chỉ đạo" page: send a request for opinions to one or many
addressees, record a reply or a reminder; record a directive, a progress note, its
completion. One dialog class, described by its fields; the service checks the values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from desktop.domain.messages import in_language
from desktop.domain.addressees import ADDRESSEE_KINDS
from desktop.domain.dates import format_date, parse_date
from desktop.domain.errors import HosoError
from desktop.domain import recommendations as rec
from desktop.domain.numbers import parse_decimal, parse_money
from desktop.services import directives, opinion_requests, recommendations
from desktop.ui.forms import FormDialog


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"          # text | lines | date | optional_date | kind | choice
    value: str = ""
    choices: tuple = ()         # (label, value) pairs of a "choice"


class FieldsDialog(FormDialog):
    """A form of `fields`; OK runs `work(vs, values)` on the database worker."""

    # refusals whose message names no field of its own (used when the form has that field)
    error_fields = {"plan.amendment_required": "amend_number", "input.reason_required": "reason",
                    "team.already": "name", "team.not_member": "name", "case.not_found": "case"}

    def __init__(self, ctx, title: str, name: str, fields: list[Field],
                 work: Callable[[object, dict], object], parent=None) -> None:
        super().__init__(ctx, title, name, parent)
        self.work = work
        self.kinds = {f.name: f.kind for f in fields}
        self.widgets: dict[str, object] = {}
        for field in fields:
            if field.kind == "lines":
                widget = QPlainTextEdit(field.value)
                widget.setFixedHeight(72)
            elif field.kind == "choice":
                widget = QComboBox()
                for text, value in field.choices:
                    widget.addItem(text, value)
                widget.setCurrentIndex(max(0, widget.findData(field.value)))
            elif field.kind == "kind":
                widget = QComboBox()
                widget.addItem(QCoreApplication.translate("RegisterForms", "Đoán theo tên"),
                               None)
                for key, names in ADDRESSEE_KINDS.items():
                    widget.addItem(in_language(names, ctx.lang), key)
            else:
                widget = QLineEdit(field.value)
                if field.kind in ("date", "optional_date"):
                    widget.setPlaceholderText("dd/mm/yyyy")
            widget.setObjectName(f"field_{field.name}")
            self.widgets[field.name] = widget
            self.add_field(field.name, field.label, widget)

    def values(self) -> dict:
        out = {}
        for name, widget in self.widgets.items():
            kind = self.kinds[name]
            if kind == "lines":
                out[name] = widget.toPlainText()
            elif kind in ("kind", "choice"):
                out[name] = widget.currentData()
            else:
                out[name] = widget.text().strip()
        return out

    def task(self):
        values = self.values()
        for name, kind in self.kinds.items():
            try:
                if kind == "date" or (kind == "optional_date" and values[name]):
                    values[name] = parse_date(values[name])
                elif kind == "optional_date":
                    values[name] = None
            except HosoError as exc:  # the date's own message, at the field, at once
                self.show_error(exc, field=name)
                return None
        return lambda vs, _control: self.work(vs, values)


def _today() -> str:
    return format_date(date.today())


def _tr(context_text: str) -> str:
    return QCoreApplication.translate("RegisterForms", context_text)


# (lupdate reads the literals in QT_TRANSLATE_NOOP; _tr translates them when shown)
_CASE = QT_TRANSLATE_NOOP("RegisterForms", "Hồ sơ (mã; bỏ trống nếu là việc chung):")
_LABELS = {
    "to": QT_TRANSLATE_NOOP("RegisterForms", "Nơi được xin ý kiến (mỗi nơi một dòng):"),
    "kind": QT_TRANSLATE_NOOP("RegisterForms", "Loại:"),
    "doc": QT_TRANSLATE_NOOP("RegisterForms", "Số văn bản:"),
    "sent": QT_TRANSLATE_NOOP("RegisterForms", "Ngày gửi:"),
    "due_letter": QT_TRANSLATE_NOOP("RegisterForms", "Hạn ghi trong văn bản (bỏ trống: theo luật):"),
    "subject": QT_TRANSLATE_NOOP("RegisterForms", "Nội dung xin ý kiến:"),
    "send": QT_TRANSLATE_NOOP("RegisterForms", "Gửi văn bản xin ý kiến"),
    "reply_date": QT_TRANSLATE_NOOP("RegisterForms", "Ngày trả lời:"),
    "reply_doc": QT_TRANSLATE_NOOP("RegisterForms", "Số văn bản trả lời:"),
    "gist": QT_TRANSLATE_NOOP("RegisterForms", "Tóm tắt ý kiến:"),
    "reply": QT_TRANSLATE_NOOP("RegisterForms", "Trả lời của %1"),
    "remind_date": QT_TRANSLATE_NOOP("RegisterForms", "Ngày đôn đốc:"),
    "remind_doc": QT_TRANSLATE_NOOP("RegisterForms", "Số văn bản đôn đốc:"),
    "note": QT_TRANSLATE_NOOP("RegisterForms", "Ghi chú:"),
    "remind": QT_TRANSLATE_NOOP("RegisterForms", "Đôn đốc %1"),
    "received_date": QT_TRANSLATE_NOOP("RegisterForms", "Ngày thủ trưởng nhận:"),
    "received": QT_TRANSLATE_NOOP("RegisterForms", "%1 nhận văn bản xin ý kiến"),
    "issuer": QT_TRANSLATE_NOOP("RegisterForms", "Người, cơ quan chỉ đạo:"),
    "content": QT_TRANSLATE_NOOP("RegisterForms", "Nội dung chỉ đạo:"),
    "issued": QT_TRANSLATE_NOOP("RegisterForms", "Ngày chỉ đạo:"),
    "due": QT_TRANSLATE_NOOP("RegisterForms", "Hạn:"),
    "assignee": QT_TRANSLATE_NOOP("RegisterForms", "Giao cho (người, đơn vị):"),
    "directive": QT_TRANSLATE_NOOP("RegisterForms", "Ghi chỉ đạo, nhiệm vụ được giao"),
    "day": QT_TRANSLATE_NOOP("RegisterForms", "Ngày:"),
    "progress": QT_TRANSLATE_NOOP("RegisterForms", "Tiến độ thực hiện:"),
    "noted": QT_TRANSLATE_NOOP("RegisterForms", "Tiến độ thực hiện chỉ đạo"),
    "done_date": QT_TRANSLATE_NOOP("RegisterForms", "Ngày hoàn thành:"),
    "report": QT_TRANSLATE_NOOP("RegisterForms", "Văn bản báo cáo kết quả:"),
    "done": QT_TRANSLATE_NOOP("RegisterForms", "Hoàn thành chỉ đạo"),
    "rec_kind": QT_TRANSLATE_NOOP("RegisterForms", "Loại kiến nghị:"),
    "rec_to": QT_TRANSLATE_NOOP("RegisterForms", "Đơn vị, người thực hiện:"),
    "rec_content": QT_TRANSLATE_NOOP("RegisterForms", "Nội dung kiến nghị:"),
    "rec_money": QT_TRANSLATE_NOOP("RegisterForms", "Số tiền (đồng):"),
    "rec_area": QT_TRANSLATE_NOOP("RegisterForms", "Diện tích đất (m²):"),
    "rec_add": QT_TRANSLATE_NOOP("RegisterForms", "Thêm kiến nghị"),
    "rec_status": QT_TRANSLATE_NOOP("RegisterForms", "Tình trạng:"),
    "rec_money_done": QT_TRANSLATE_NOOP("RegisterForms", "Tổng số tiền đã thu đến nay (đồng):"),
    "rec_area_done": QT_TRANSLATE_NOOP("RegisterForms", "Tổng diện tích đã thu đến nay (m²):"),
    "rec_update": QT_TRANSLATE_NOOP("RegisterForms", "Tiến độ thực hiện kiến nghị"),
    "member": QT_TRANSLATE_NOOP("RegisterForms", "Họ và tên:"),
    "role": QT_TRANSLATE_NOOP("RegisterForms", "Vai trò:"),
    "effective": QT_TRANSLATE_NOOP("RegisterForms", "Có hiệu lực từ ngày:"),
    "team_add": QT_TRANSLATE_NOOP("RegisterForms", "Thêm thành viên đoàn"),
    "team_leader": QT_TRANSLATE_NOOP("RegisterForms", "Thay trưởng đoàn"),
    "team_remove": QT_TRANSLATE_NOOP("RegisterForms", "Rút khỏi đoàn"),
    "approval_number": QT_TRANSLATE_NOOP("RegisterForms", "Số quyết định phê duyệt:"),
    "approval_date": QT_TRANSLATE_NOOP("RegisterForms", "Ngày phê duyệt:"),
    "approve": QT_TRANSLATE_NOOP("RegisterForms", "Phê duyệt kế hoạch năm %1"),
    "amend_number": QT_TRANSLATE_NOOP("RegisterForms", "Số quyết định điều chỉnh:"),
    "amend_date": QT_TRANSLATE_NOOP("RegisterForms", "Ngày quyết định điều chỉnh:"),
    "party": QT_TRANSLATE_NOOP("RegisterForms", "Đối tượng thanh tra:"),
    "item_content": QT_TRANSLATE_NOOP("RegisterForms", "Nội dung:"),
    "quarter": QT_TRANSLATE_NOOP("RegisterForms", "Quý dự kiến (1-4):"),
    "days": QT_TRANSLATE_NOOP("RegisterForms", "Số ngày thanh tra:"),
    "team_size": QT_TRANSLATE_NOOP("RegisterForms", "Số người trong đoàn:"),
    "item_change": QT_TRANSLATE_NOOP("RegisterForms", "Sửa mục kế hoạch"),
    "item_remove": QT_TRANSLATE_NOOP("RegisterForms", "Bỏ mục kế hoạch: %1"),
}


def _l(key: str) -> str:
    return _tr(_LABELS[key])


def send_opinion(ctx, case_code: str = "", parent=None) -> FieldsDialog:
    fields = [Field("case", _tr(_CASE), value=case_code), Field("to", _l("to"), "lines"),
              Field("kind", _l("kind"), "kind"), Field("doc", _l("doc")),
              Field("sent", _l("sent"), "date", _today()),
              Field("due", _l("due_letter"), "optional_date"),
              Field("subject", _l("subject"), "lines")]

    def work(vs, v):
        names = [line for line in v["to"].splitlines() if line.strip()]
        return opinion_requests.send(vs, v["case"] or None, [(n, v["kind"]) for n in names],
                                     v["sent"], v["doc"], v["subject"], v["due"])
    return FieldsDialog(ctx, _l("send"), "sendOpinionForm", fields, work, parent)


def reply_opinion(ctx, line, parent=None) -> FieldsDialog:
    fields = [Field("date", _l("reply_date"), "date", _today()),
              Field("doc", _l("reply_doc")), Field("gist", _l("gist"), "lines")]
    return FieldsDialog(ctx, _l("reply").replace("%1", line.addressee), "replyForm", fields,
                        lambda vs, v: opinion_requests.reply(vs, line.id, v["date"], v["doc"],
                                                             v["gist"]), parent)


def remind_opinion(ctx, line, parent=None) -> FieldsDialog:
    fields = [Field("date", _l("remind_date"), "date", _today()),
              Field("doc", _l("remind_doc")), Field("note", _l("note"))]
    return FieldsDialog(ctx, _l("remind").replace("%1", line.addressee), "remindForm", fields,
                        lambda vs, v: opinion_requests.remind(vs, line.id, v["date"], v["doc"],
                                                              v["note"]), parent)


def receive_opinion(ctx, line, parent=None) -> FieldsDialog:
    """The day the head received the request: the reply's 30 days count from it."""
    fields = [Field("date", _l("received_date"), "date", _today())]
    return FieldsDialog(ctx, _l("received").replace("%1", line.addressee), "receivedForm",
                        fields, lambda vs, v: opinion_requests.record_receipt(vs, line.id,
                                                                             v["date"]), parent)


def add_directive(ctx, case_code: str = "", parent=None) -> FieldsDialog:
    fields = [Field("case", _tr(_CASE), value=case_code), Field("issuer", _l("issuer")),
              Field("content", _l("content"), "lines"), Field("doc", _l("doc")),
              Field("issued", _l("issued"), "optional_date", _today()),
              Field("due", _l("due"), "optional_date"), Field("assignee", _l("assignee"))]

    def work(vs, v):
        return directives.add(vs, v["case"] or None, v["issuer"], v["content"], v["due"],
                              v["issued"], v["doc"], v["assignee"])
    return FieldsDialog(ctx, _l("directive"), "directiveForm", fields, work, parent)


def note_directive(ctx, line, parent=None) -> FieldsDialog:
    fields = [Field("date", _l("day"), "date", _today()),
              Field("text", _l("progress"), "lines")]
    return FieldsDialog(ctx, _l("noted"), "directiveNoteForm", fields,
                        lambda vs, v: directives.note(vs, line.id, v["date"], v["text"]), parent)


def finish_directive(ctx, line, parent=None) -> FieldsDialog:
    fields = [Field("date", _l("done_date"), "date", _today()), Field("report", _l("report"))]
    return FieldsDialog(ctx, _l("done"), "directiveDoneForm", fields,
                        lambda vs, v: directives.done(vs, line.id, v["date"], v["report"]), parent)


def add_recommendation(ctx, case_code: str, parent=None) -> FieldsDialog:
    lang = ctx.lang
    kinds = tuple((rec.label(rec.KINDS, k, lang), k) for k in rec.KINDS)
    fields = [Field("kind", _l("rec_kind"), "choice", "recover_money", kinds),
              Field("to", _l("rec_to")), Field("content", _l("rec_content"), "lines"),
              Field("money", _l("rec_money")), Field("area", _l("rec_area")),
              Field("due", _l("due"), "optional_date")]

    def work(vs, v):
        return recommendations.add(vs, case_code, v["kind"], v["to"], v["content"],
                                   _amount(v["money"], parse_money, int),
                                   _amount(v["area"], parse_decimal, float), v["due"])
    return FieldsDialog(ctx, _l("rec_add"), "recommendationForm", fields, work, parent)


def update_recommendation(ctx, item, parent=None) -> FieldsDialog:
    lang = ctx.lang
    statuses = tuple((rec.label(rec.STATUSES, k, lang), k) for k in rec.STATUSES)
    fields = [Field("date", _l("day"), "date", _today()),
              Field("status", _l("rec_status"), "choice", item.status, statuses),
              Field("money", _l("rec_money_done"), value=str(item.recovered_money or "")),
              Field("area", _l("rec_area_done"), value=f"{item.recovered_area_m2:g}"
                    if item.recovered_area_m2 else ""),
              Field("note", _l("note"))]

    def work(vs, v):
        return recommendations.update(vs, item.id, v["date"], v["status"],
                                      _amount(v["money"], parse_money, int),
                                      _amount(v["area"], parse_decimal, float), v["note"])
    return FieldsDialog(ctx, _l("rec_update"), "recommendationUpdateForm", fields, work, parent)


def _amount(text: str, parse, kind):
    """A typed amount in Vietnamese notation ("12,5 tỷ"); empty: 0. A bad one raises the
    parser's own message (shown under the form)."""
    return kind(parse(text)) if text.strip() else kind(0)


def team_change(ctx, case_code: str, action: str, name: str = "", parent=None) -> FieldsDialog:
    """add: a member with a role; leader: a new leader; remove: `name` leaves."""
    from desktop.domain.stages import TeamRole
    from desktop.services import case_team
    fields = [Field("name", _l("member"), value=name)]
    if action == "add":
        roles = tuple((r.label(ctx.lang), r.value) for r in TeamRole if r is not TeamRole.LEADER)
        fields.append(Field("role", _l("role"), "choice", TeamRole.MEMBER.value, roles))
    fields.append(Field("since", _l("effective"), "date", _today()))

    def work(vs, v):
        if action == "add":
            return case_team.add_member(vs, case_code, v["name"], TeamRole(v["role"]), v["since"])
        if action == "leader":
            return case_team.replace_leader(vs, case_code, v["name"], v["since"])
        return case_team.remove_member(vs, case_code, v["name"], v["since"])
    return FieldsDialog(ctx, _l(f"team_{action}"), f"team{action.title()}Form", fields, work,
                        parent)


def approve_plan(ctx, year: int, parent=None) -> FieldsDialog:
    from desktop.services import plan_changes
    fields = [Field("number", _l("approval_number")),
              Field("date", _l("approval_date"), "date", _today())]
    return FieldsDialog(ctx, _l("approve").replace("%1", str(year)), "approvePlanForm", fields,
                        lambda vs, v: plan_changes.approve(vs, year, v["number"], v["date"]),
                        parent)


def change_plan_item(ctx, item, action: str, approved: bool, parent=None) -> FieldsDialog:
    """Change ("change") or remove ("remove") a plan item; once the plan is approved, with
    the amending decision."""
    from desktop.services import plan_changes
    fields = []
    if action == "change":
        fields = [Field("party", _l("party"), value=item.inspected_party),
                  Field("content", _l("item_content"), "lines", item.content or ""),
                  Field("quarter", _l("quarter"), value=str(item.quarter or "")),
                  Field("days", _l("days"), value=str(item.days or "")),
                  Field("team_size", _l("team_size"), value=str(item.team_size or ""))]
    if approved:
        fields += [Field("amend_number", _l("amend_number")),
                   Field("amend_date", _l("amend_date"), "optional_date", _today())]
    before = {"party": item.inspected_party, "content": item.content or "",
              "quarter": item.quarter, "days": item.days, "team_size": item.team_size}

    def work(vs, v):
        number, day = v.get("amend_number", ""), v.get("amend_date")
        if action == "remove":
            return plan_changes.remove_item(vs, item.id, number, day)
        changes = {}
        for key in before:
            value = v[key].strip()
            typed = value
            if key in ("quarter", "days", "team_size"):
                if value and not value.isdigit():
                    from desktop.domain.errors import InvalidInput
                    raise InvalidInput("input.bad_number", value=value, field=_l(key))
                typed = int(value) if value else None
            if typed != before[key]:
                changes[key] = typed
        return plan_changes.change_item(vs, item.id, changes, number, day)
    title = _l("item_change") if action == "change" else \
        _l("item_remove").replace("%1", item.inspected_party)
    return FieldsDialog(ctx, title, f"planItem{action.title()}Form", fields, work, parent)

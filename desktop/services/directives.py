"""Directives and assigned tasks (chỉ đạo, nhiệm vụ được giao) kept day to day: given by
an issuer with a due date, tied to a case or general, assigned to a person or unit;
dated progress notes; completion with its report. Their state comes from the deadline
engine in the register (opinions_directives.register), the dashboard and the review."""

from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.dates import format_date
from desktop.domain.errors import HosoError, InvalidInput, NotFound
from desktop.services import audit_log, cases
from desktop.services.context import VaultSession
from desktop.storage.orm import Directive, DirectiveNote
from desktop.storage.repos import cases as case_rows
from desktop.storage.repos import opinions as opinion_rows


@dataclass(frozen=True)
class NoteInfo:
    day: date
    note: str
    by: str

    def to_json(self) -> dict:
        return {"date": self.day.isoformat(), "note": self.note, "by": self.by}


def add(vs: VaultSession, case_code: str | None, issuer: str, content: str, due: date | None,
        issued: date | None = None, doc_ref: str = "", assignee: str = "") -> int:
    issuer, content = " ".join(issuer.split()), content.strip()
    if not issuer:
        raise InvalidInput("input.required", field="issuer / người chỉ đạo")
    if not content:
        raise InvalidInput("input.required", field="content / nội dung chỉ đạo")
    if issued and issued > date.today():
        raise InvalidInput("input.future_date", value=format_date(issued))
    if issued and due and due < issued:
        raise InvalidInput("input.period_order", start=format_date(issued),
                           end=format_date(due))
    with vs.uow() as uow:
        session = uow.session
        case = cases.load_case(vs, session, case_code, change=True) if case_code else None
        row = Directive(case_id=case.id if case else None, issuer=issuer, doc_ref=doc_ref.strip(),
                        content=content, issued_date=issued, due_date=due, status="open",
                        assignee=" ".join(assignee.split()))
        session.add(row)
        session.flush()
        audit_log.append(session, vs.signer, vs.actor.username, "directive.add",
                         f"directive:{row.id}", case=case.code if case else "")
        uow.commit()
        return row.id


def note(vs: VaultSession, directive_id: int, day: date, text: str) -> None:
    if not text.strip():
        raise InvalidInput("input.required", field="note / nội dung")
    if day > date.today():
        raise InvalidInput("input.future_date", value=format_date(day))
    with vs.uow() as uow:
        session = uow.session
        row, case = _load(vs, session, directive_id, change=True)
        session.add(DirectiveNote(directive_id=row.id, case_id=row.case_id, note_date=day,
                                  note=text.strip(), recorded_by=vs.actor.username,
                                  recorded_at=datetime.now()))
        audit_log.append(session, vs.signer, vs.actor.username, "directive.note",
                         f"directive:{row.id}", case=case.code if case else "")
        uow.commit()


def done(vs: VaultSession, directive_id: int, day: date, report_ref: str = "") -> None:
    with vs.uow() as uow:
        session = uow.session
        row, case = _load(vs, session, directive_id, change=True)
        if row.status != "open":
            raise HosoError("directive.not_open", id=row.id)
        if day > date.today():
            raise InvalidInput("input.future_date", value=format_date(day))
        if row.issued_date and day < row.issued_date:
            raise InvalidInput("input.period_order", start=format_date(row.issued_date),
                               end=format_date(day))
        row.status, row.done_date, row.report_ref = "done", day, report_ref.strip()
        audit_log.append(session, vs.signer, vs.actor.username, "directive.done",
                         f"directive:{row.id}", case=case.code if case else "")
        uow.commit()


def notes(vs: VaultSession, directive_id: int) -> list[NoteInfo]:
    with vs.uow() as uow:
        session = uow.session
        row, _case = _load(vs, session, directive_id)
        return [NoteInfo(n.note_date, n.note, n.recorded_by)
                for n in opinion_rows.notes(session, row.id)]


def _load(vs: VaultSession, session, directive_id: int, change: bool = False):
    row = session.get(Directive, int(directive_id))
    if row is None:
        raise NotFound("directive.not_found", id=directive_id)
    case = None
    if row.case_id is not None:
        code = case_rows.code_of(session, row.case_id)
        case = cases.load_case(vs, session, code, change=change)
    return row, case

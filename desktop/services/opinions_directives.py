"""The register of opinion requests and directives with their deadline as of a day:
every request and directive the actor may see (of cases up to their clearance, or tied
to no case), not only the late ones (deadlines_service.overdue gives those)."""

from dataclasses import dataclass
from datetime import date

from desktop.domain import deadlines as engine
from desktop.domain.deadlines import Deadline, DirectiveFact, OpinionFact
from desktop.domain.rules import LimitNotFound
from desktop.services import audit_log, calendar_service, settings
from desktop.services.context import VaultSession
from desktop.services.deadlines_service import rule_book
from desktop.storage.repos import opinions as opinion_rows


@dataclass(frozen=True)
class OpinionLine:
    id: int
    case_code: str | None
    addressee: str
    subject: str
    doc_ref: str
    sent: date
    due: date | None          # as written in the request (None: by the rule set)
    answered: date | None
    answer_ref: str
    deadline: Deadline | None  # None when no rule set gives a reply limit
    answer_gist: str = ""
    reminders: int = 0         # reminders sent (văn bản đôn đốc)

    def to_json(self, lang: str = "vi") -> dict:
        return {"id": self.id, "case": self.case_code, "addressee": self.addressee,
                "subject": self.subject, "doc": self.doc_ref, "sent": _iso(self.sent),
                "due": _iso(self.deadline.due if self.deadline else self.due),
                "answered": _iso(self.answered), "answer_doc": self.answer_ref,
                "answer_gist": self.answer_gist, "reminders": self.reminders,
                "state": self.deadline.state.value if self.deadline else None,
                "state_label": self.deadline.state.label(lang) if self.deadline else ""}


@dataclass(frozen=True)
class DirectiveLine:
    id: int
    case_code: str | None
    issuer: str
    doc_ref: str
    content: str
    assignee: str
    issued: date | None
    due: date | None
    done: date | None
    status: str               # open / done / cancelled
    deadline: Deadline | None  # None without a due date or when cancelled
    report_ref: str = ""
    notes: int = 0             # dated progress notes

    def to_json(self, lang: str = "vi") -> dict:
        return {"id": self.id, "case": self.case_code, "issuer": self.issuer,
                "doc": self.doc_ref, "content": self.content, "assignee": self.assignee,
                "issued": _iso(self.issued), "due": _iso(self.due), "done": _iso(self.done),
                "status": self.status, "report": self.report_ref, "notes": self.notes,
                "state": self.deadline.state.value if self.deadline else None,
                "state_label": self.deadline.state.label(lang) if self.deadline else ""}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def register(vs: VaultSession, today: date | None = None
             ) -> tuple[list[OpinionLine], list[DirectiveLine]]:
    today = today or settings.view_date(vs)
    clearance = int(vs.actor.clearance)
    with vs.uow() as uow:
        s = uow.session
        cal = calendar_service.calendar(s)
        soon = settings.get(s, "due_soon_days")
        rules = rule_book()
        classified = set()
        opinions = []
        reminded = opinion_rows.reminders_per_request(s)
        for o, code, decided, level, secrecy in opinion_rows.requests_with_cases(s, clearance):
            fact = OpinionFact(o.id, code, o.addressee, o.sent_date, o.due_date, o.answered_date,
                               o.received_date)
            try:
                deadline = engine.opinion_deadline(fact, rules, cal, today, soon, decided,
                                                   level or "government")
            except LimitNotFound:
                deadline = None
            if secrecy:
                classified.add(code)
            opinions.append(OpinionLine(o.id, code, o.addressee, o.subject or "", o.doc_ref or "",
                                        o.sent_date, o.due_date, o.answered_date,
                                        o.answer_ref or "", deadline, o.answer_gist or "",
                                        reminded.get(o.id, 0)))
        directives = []
        noted = opinion_rows.notes_per_directive(s)
        for d, code, secrecy in opinion_rows.directives_with_cases(s, clearance):
            fact = DirectiveFact(d.id, code, d.issuer, d.content, d.due_date, d.done_date,
                                 d.status, d.issued_date)
            if secrecy:
                classified.add(code)
            directives.append(DirectiveLine(d.id, code, d.issuer, d.doc_ref or "", d.content,
                                            d.assignee or "", d.issued_date, d.due_date,
                                            d.done_date, d.status,
                                            engine.directive_deadline(fact, cal, today, soon),
                                            d.report_ref or "", noted.get(d.id, 0)))
        if classified:
            audit_log.append(s, vs.signer, vs.actor.username, "opinions.register", "",
                             classified_cases=len(classified))
            uow.commit()
    return opinions, directives

"""The register of opinion requests and directives with their deadline as of a day:
every request and directive the actor may see (of cases up to their clearance, or tied
to no case), not only the late ones (deadlines_service.overdue gives those)."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from desktop.domain import deadlines as engine
from desktop.domain.deadlines import Deadline, DirectiveFact, OpinionFact
from desktop.domain.rules import LimitNotFound
from desktop.services import audit_log, calendar_service, settings
from desktop.services.context import VaultSession
from desktop.services.deadlines_service import rule_book
from desktop.storage.orm import Case, Directive, OpinionRequest


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


def register(vs: VaultSession, today: date | None = None
             ) -> tuple[list[OpinionLine], list[DirectiveLine]]:
    today = today or date.today()
    clearance = int(vs.actor.clearance)
    with vs.uow() as uow:
        s = uow.session
        cal = calendar_service.calendar(s)
        soon = settings.get(s, "due_soon_days")
        rules = rule_book()
        visible = (Case.level <= clearance) | (Case.id.is_(None))
        classified = set()
        opinions = []
        query = (select(OpinionRequest, Case.code, Case.decision_date, Case.inspecting_level,
                        Case.level)
                 .outerjoin(Case, Case.id == OpinionRequest.case_id).where(visible)
                 .order_by(OpinionRequest.sent_date.desc(), OpinionRequest.id))
        for o, code, decided, level, secrecy in s.execute(query):
            fact = OpinionFact(o.id, code, o.addressee, o.sent_date, o.due_date, o.answered_date)
            try:
                deadline = engine.opinion_deadline(fact, rules, cal, today, soon, decided,
                                                   level or "government")
            except LimitNotFound:
                deadline = None
            if secrecy:
                classified.add(code)
            opinions.append(OpinionLine(o.id, code, o.addressee, o.subject or "", o.doc_ref or "",
                                        o.sent_date, o.due_date, o.answered_date,
                                        o.answer_ref or "", deadline))
        directives = []
        query = (select(Directive, Case.code, Case.level)
                 .outerjoin(Case, Case.id == Directive.case_id).where(visible)
                 .order_by(Directive.due_date.desc(), Directive.id))
        for d, code, secrecy in s.execute(query):
            fact = DirectiveFact(d.id, code, d.issuer, d.content, d.due_date, d.done_date,
                                 d.status, d.issued_date)
            if secrecy:
                classified.add(code)
            directives.append(DirectiveLine(d.id, code, d.issuer, d.doc_ref or "", d.content,
                                            d.assignee or "", d.issued_date, d.due_date,
                                            d.done_date, d.status,
                                            engine.directive_deadline(fact, cal, today, soon)))
        if classified:
            audit_log.append(s, vs.signer, vs.actor.username, "opinions.register", "",
                             classified_cases=len(classified))
            uow.commit()
    return opinions, directives

"""Opinion requests (xin ý kiến) kept day to day: one letter to one or many addressees,
each addressee's reply, reminders (văn bản đôn đốc). The state of each (waiting, due
soon, overdue, answered on time or late) comes from the deadline engine, in the register
(opinions_directives.register)."""

from dataclasses import dataclass
from datetime import date, datetime

from desktop.domain.addressees import addressee_kind, guess_kind
from desktop.domain.dates import format_date
from desktop.domain.errors import InvalidInput, NotFound
from desktop.services import audit_log, cases
from desktop.services.context import VaultSession
from desktop.storage.orm import OpinionReminder, OpinionRequest
from desktop.storage.repos import cases as case_rows
from desktop.storage.repos import opinions as opinion_rows


@dataclass(frozen=True)
class ReminderInfo:
    sent: date
    doc_ref: str
    note: str

    def to_json(self) -> dict:
        return {"sent": self.sent.isoformat(), "doc": self.doc_ref, "note": self.note}


def send(vs: VaultSession, case_code: str | None, addressees: list[tuple[str, str | None]],
         sent: date, doc_ref: str = "", subject: str = "", due: date | None = None) -> list[int]:
    """One letter to each addressee (name, kind or None to guess from the name); `due`:
    the date written in the letter, else the rule's limit applies. Returns the ids."""
    names = [(" ".join(name.split()), kind) for name, kind in addressees]
    if not names or any(not name for name, _ in names):
        raise InvalidInput("input.required", field="addressee / nơi nhận")
    _check_dates(sent, due)
    with vs.uow() as uow:
        session = uow.session
        case = cases.load_case(vs, session, case_code, change=True) if case_code else None
        rows = [OpinionRequest(case_id=case.id if case else None, addressee=name,
                               addressee_kind=addressee_kind(kind) if kind else guess_kind(name),
                               subject=subject.strip(), doc_ref=doc_ref.strip(), sent_date=sent,
                               due_date=due) for name, kind in names]
        session.add_all(rows)
        session.flush()
        audit_log.append(session, vs.signer, vs.actor.username, "opinion.send",
                         case.code if case else "", requests=[r.id for r in rows])
        uow.commit()
        return [r.id for r in rows]


def reply(vs: VaultSession, request_id: int, answered: date, answer_ref: str = "",
          gist: str = "") -> None:
    """Record the addressee's reply (a second reply corrects the first, audited)."""
    with vs.uow() as uow:
        session = uow.session
        request, case = _load(vs, session, request_id, change=True)
        _since_sent(request, answered, "opinion.bad_reply_date")
        corrected = request.answered_date is not None
        request.answered_date = answered
        request.answer_ref = answer_ref.strip()
        request.answer_gist = gist.strip()
        audit_log.append(session, vs.signer, vs.actor.username, "opinion.reply",
                         f"opinion:{request.id}", case=case.code if case else "",
                         corrected=corrected)
        uow.commit()


def _since_sent(request: OpinionRequest, day: date, refusal: str) -> None:
    """A reply, receipt or reminder is dated from the request's sending to today."""
    if day < request.sent_date or day > date.today():
        raise InvalidInput(refusal, value=format_date(day), sent=format_date(request.sent_date))


def record_receipt(vs: VaultSession, request_id: int, received: date) -> None:
    """The day the head received the request (from the delivery slip or the addressee's
    register): the reply's 30 days count from it (Law 11/2022 Art. 78, Law 84/2025 Art. 36)
    instead of the sent date plus the assumed delivery time. A second entry corrects the
    first, audited."""
    with vs.uow() as uow:
        session = uow.session
        request, case = _load(vs, session, request_id, change=True)
        _since_sent(request, received, "opinion.bad_receipt_date")
        corrected = request.received_date is not None
        request.received_date = received
        audit_log.append(session, vs.signer, vs.actor.username, "opinion.received",
                         f"opinion:{request.id}", case=case.code if case else "",
                         date=received.isoformat(), corrected=corrected)
        uow.commit()


def remind(vs: VaultSession, request_id: int, sent: date, doc_ref: str = "",
           note: str = "") -> int:
    """A reminder about a request; returns how many the request has had."""
    with vs.uow() as uow:
        session = uow.session
        request, case = _load(vs, session, request_id, change=True)
        _since_sent(request, sent, "opinion.bad_reminder_date")
        session.add(OpinionReminder(request_id=request.id, case_id=request.case_id,
                                    sent_date=sent, doc_ref=doc_ref.strip(), note=note.strip(),
                                    recorded_by=vs.actor.username, recorded_at=datetime.now()))
        session.flush()
        count = opinion_rows.reminder_count(session, request.id)
        audit_log.append(session, vs.signer, vs.actor.username, "opinion.remind",
                         f"opinion:{request.id}", case=case.code if case else "", count=count)
        uow.commit()
        return count


def reminders(vs: VaultSession, request_id: int) -> list[ReminderInfo]:
    with vs.uow() as uow:
        session = uow.session
        request, _case = _load(vs, session, request_id)
        return [ReminderInfo(r.sent_date, r.doc_ref, r.note)
                for r in opinion_rows.reminders(session, request.id)]


def _load(vs: VaultSession, session, request_id: int, change: bool = False):
    request = session.get(OpinionRequest, int(request_id))
    if request is None:
        raise NotFound("opinion.not_found", id=request_id)
    case = None
    if request.case_id is not None:
        code = case_rows.code_of(session, request.case_id)
        case = cases.load_case(vs, session, code, change=change)  # refusal audited
    return request, case


def _check_dates(sent: date, due: date | None) -> None:
    if sent > date.today():
        raise InvalidInput("input.future_date", value=format_date(sent))
    if due is not None and due < sent:
        raise InvalidInput("input.period_order", start=format_date(sent),
                           end=format_date(due))

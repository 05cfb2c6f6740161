"""The state-secret registers as rows (Circular 24/2020/TT-BCA; forms verify: Decree
63/2026 may replace them): incoming (form 15) and outgoing (form 14) documents, the copy
register (form 12), the yearly statistics (form 18, 15/12 to 14/12), and the documents
whose protection period is about to end.

Rows carry every field the forms ask for; the Excel layouts (exchange/) print them.
A reader below a document's level still gets its row (the register is complete) with
what the document says (summary, issuer, sender, recipient) left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desktop.domain.errors import InvalidInput
from desktop.domain.levels import Level
from desktop.domain.state_secrets import Direction
from desktop.storage.resource_files import load_state_secret_rules
from desktop.services import audit_log
from desktop.services.context import VaultSession
from desktop.services.levels import my_level_keys
from desktop.storage.orm import DocumentRecord
from desktop.storage.repos import DbSession as Session
from desktop.storage.repos import cases as case_rows
from desktop.storage.repos import secret_registers as register_rows

_CLASSIFIED_LEVELS = [lv for lv in Level if lv > Level.THUONG]


@dataclass(frozen=True)
class RegisterRow:
    """One line of the incoming (form 15) or outgoing (form 14) register."""

    seq: int                     # số đến / số đi (per year, classified documents only)
    year: int
    document_id: int
    direction: Direction
    number: str                  # số, ký hiệu
    doc_type: str
    doc_date: date | None
    received_date: date | None   # ngày đến (incoming)
    level: Level                 # the current level
    cleared: bool
    summary: str | None          # trích yếu (None: above the reader's clearance)
    issuer: str | None           # cơ quan ban hành
    sender: str | None           # nơi gửi (incoming)
    recipient: str | None        # nơi nhận (outgoing)
    signer: str | None           # người ký (outgoing)
    handler: str | None          # đơn vị / người nhận, xử lý, lưu
    copies: int                  # số lượng bản
    note: str | None
    case_code: str | None
    protection_until: date | None
    destroyed: bool

    def to_json(self) -> dict:
        return {"seq": self.seq, "year": self.year, "document_id": self.document_id,
                "direction": self.direction.value, "number": self.number, "type": self.doc_type,
                "date": _iso(self.doc_date), "received_date": _iso(self.received_date),
                "level": self.level.label_vi, "level_code": self.level.code,
                "cleared": self.cleared, "summary": self.summary, "issuer": self.issuer,
                "sender": self.sender, "recipient": self.recipient, "signer": self.signer,
                "handler": self.handler, "copies": self.copies, "note": self.note,
                "case": self.case_code, "protection_until": _iso(self.protection_until),
                "destroyed": self.destroyed}


@dataclass(frozen=True)
class CopyRegisterRow:
    """One line of the copy register (form 12)."""

    seq: int                     # per year
    copy_date: date
    document_id: int
    number: str
    doc_type: str
    doc_date: date | None
    level: Level                 # the level when the copies were made
    cleared: bool
    issuer: str | None
    summary: str | None
    copies: int
    method: str                  # sao, chụp, trích sao…
    approved_by: str             # người cho phép sao
    made_by: str                 # người thực hiện
    recipients: str | None       # nơi nhận bản sao
    reason: str | None

    def to_json(self) -> dict:
        return {"seq": self.seq, "date": _iso(self.copy_date), "document_id": self.document_id,
                "number": self.number, "type": self.doc_type, "doc_date": _iso(self.doc_date),
                "level": self.level.label_vi, "level_code": self.level.code,
                "cleared": self.cleared, "issuer": self.issuer, "summary": self.summary,
                "copies": self.copies, "method": self.method, "approved_by": self.approved_by,
                "made_by": self.made_by, "recipients": self.recipients, "reason": self.reason}


@dataclass(frozen=True)
class YearlyStatistics:
    """Form 18: what happened to classified documents over the statistics period."""

    year: int
    period_from: date
    period_to: date
    verify: bool
    # level code → direction value → documents registered in the period
    registered: dict[str, dict[str, int]] = field(default_factory=dict)
    copies_made: dict[str, int] = field(default_factory=dict)       # number of copies
    copy_acts: dict[str, int] = field(default_factory=dict)         # times copies were made
    destroyed: dict[str, int] = field(default_factory=dict)         # by the level destroyed at
    declassified: dict[str, int] = field(default_factory=dict)      # by the level before
    level_changes: dict[str, int] = field(default_factory=dict)     # by the level before
    extended: dict[str, int] = field(default_factory=dict)
    held_at_end: dict[str, int] = field(default_factory=dict)       # not destroyed at period end

    def total_registered(self) -> int:
        return sum(sum(by_direction.values()) for by_direction in self.registered.values())

    def to_json(self) -> dict:
        return {"year": self.year, "period_from": _iso(self.period_from),
                "period_to": _iso(self.period_to), "verify": self.verify,
                "registered": self.registered, "copies_made": self.copies_made,
                "copy_acts": self.copy_acts, "destroyed": self.destroyed,
                "declassified": self.declassified, "level_changes": self.level_changes,
                "extended": self.extended, "held_at_end": self.held_at_end,
                "total_registered": self.total_registered()}


@dataclass(frozen=True)
class ExpiringRow:
    document_id: int
    number: str
    doc_type: str
    doc_date: date | None
    level: Level
    protection_until: date
    days_left: int              # negative: the period has ended and the level is still on
    cleared: bool
    summary: str | None
    case_code: str | None

    def to_json(self) -> dict:
        return {"document_id": self.document_id, "number": self.number, "type": self.doc_type,
                "date": _iso(self.doc_date), "level": self.level.label_vi,
                "level_code": self.level.code, "protection_until": _iso(self.protection_until),
                "days_left": self.days_left, "cleared": self.cleared, "summary": self.summary,
                "case": self.case_code}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# --- registers -------------------------------------------------------------------------

def incoming_register(vs: VaultSession, year: int) -> list[RegisterRow]:
    """Form 15: classified documents received in `year`, in register order."""
    return _register(vs, Direction.INCOMING, year)


def outgoing_register(vs: VaultSession, year: int) -> list[RegisterRow]:
    """Form 14: classified documents sent in `year`, in register order."""
    return _register(vs, Direction.OUTGOING, year)


def internal_register(vs: VaultSession, year: int) -> list[RegisterRow]:
    """Classified documents drafted and kept here (their own sequence)."""
    return _register(vs, Direction.INTERNAL, year)


def _register(vs: VaultSession, direction: Direction, year: int) -> list[RegisterRow]:
    _check_year(year)
    with vs.uow() as uow:
        session = uow.session
        docs = register_rows.registered_in(session, direction.value, year)
        cleared_levels = _cleared_levels(vs, session)
        cases = _case_codes(vs, session, {d.case_id for d in docs})
        rows = []
        for d in docs:
            ok = d.level in cleared_levels
            rows.append(RegisterRow(
                seq=d.reg_seq, year=d.reg_year, document_id=d.id, direction=direction,
                number=d.number, doc_type=d.doc_type, doc_date=d.doc_date,
                received_date=d.received_date, level=Level(d.level), cleared=ok,
                summary=d.summary if ok else None, issuer=d.issuer if ok else None,
                sender=d.sender if ok else None, recipient=d.recipient if ok else None,
                signer=d.signer if ok else None, handler=d.handler if ok else None,
                copies=d.copies, note=d.note if ok else None, case_code=cases.get(d.case_id),
                protection_until=d.protection_until, destroyed=d.destroyed_at is not None))
        _audit(vs, session, f"register.{direction.value}", year, rows)
        uow.commit()
        return rows


def copy_register(vs: VaultSession, year: int) -> list[CopyRegisterRow]:
    """Form 12: copies made in `year` (by copy date), in order."""
    _check_year(year)
    with vs.uow() as uow:
        session = uow.session
        found = register_rows.copies_with_documents(session, date(year, 1, 1),
                                                    date(year, 12, 31))
        cleared_levels = _cleared_levels(vs, session)
        rows = []
        for seq, (c, d) in enumerate(found, start=1):
            ok = d.level in cleared_levels and c.level in cleared_levels
            rows.append(CopyRegisterRow(
                seq=seq, copy_date=c.copy_date, document_id=d.id, number=d.number,
                doc_type=d.doc_type, doc_date=d.doc_date, level=Level(c.level), cleared=ok,
                issuer=d.issuer if ok else None, summary=d.summary if ok else None,
                copies=c.copies, method=c.method, approved_by=c.approved_by, made_by=c.made_by,
                recipients=c.recipients if ok else None, reason=c.reason if ok else None))
        _audit(vs, session, "register.copies", year, rows)
        uow.commit()
        return rows


def yearly_statistics(vs: VaultSession, year: int) -> YearlyStatistics:
    """Form 18 counts over the statistics period of `year` (rules: 15/12 of the previous
    year to 14/12). Counts only: nothing a document says."""
    _check_year(year)
    rules = load_state_secret_rules()
    start, end = rules.statistics_period(year)
    codes = [lv.code for lv in _CLASSIFIED_LEVELS]
    registered = {code: {d.value: 0 for d in Direction} for code in codes}
    counters = {name: {code: 0 for code in codes} for name in (
        "copies_made", "copy_acts", "destroyed", "declassified", "level_changes", "extended",
        "held_at_end")}
    with vs.uow() as uow:
        session = uow.session
        for d in register_rows.every_registered(session):
            day = _registered_on(d)
            level = _level_when_registered(session, d)
            if level is not None and start <= day <= end:
                registered[level.code][d.direction] = registered[level.code].get(d.direction, 0) + 1
        for c in register_rows.copies_between(session, start, end):
            if c.level > Level.THUONG:
                counters["copies_made"][Level(c.level).code] += c.copies
                counters["copy_acts"][Level(c.level).code] += 1
        for e in register_rows.events_between(session, start, end):
            before = Level(e.from_level) if e.from_level is not None else None
            if before is None or before == Level.THUONG:
                continue
            name = {"destroyed": "destroyed", "declassified": "declassified",
                    "level_change": "level_changes", "extended": "extended"}.get(e.kind)
            if name:
                counters[name][before.code] += 1
        for d in register_rows.every_classified(session):
            if (d.destroyed_at is None or d.destroyed_at.date() > end) and \
                    (d.classified_on is None or d.classified_on <= end):
                counters["held_at_end"][Level(d.level).code] += 1
        audit_log.append(session, vs.signer, vs.actor.username, "register.stats", "",
                         year=year)
        uow.commit()
    return YearlyStatistics(year=year, period_from=start, period_to=end,
                            verify=rules.stats_verify, registered=registered, **counters)


def expiring(vs: VaultSession, within_days: int | None = None,
             today: date | None = None, include_ended: bool = True) -> list[ExpiringRow]:
    """Classified, not destroyed documents whose protection period ends within
    `within_days` (default: the rules' 60) of `today`, soonest first. With
    include_ended, also those whose period has already ended but still carry a level
    (declassification not yet recorded): days_left is negative for them."""
    rules = load_state_secret_rules()
    within = rules.expiring_within_days if within_days is None else int(within_days)
    if within < 0:
        raise InvalidInput("input.bad_number", value=within_days, field="within_days")
    today = today or date.today()
    horizon = today + timedelta(days=within)
    with vs.uow() as uow:
        session = uow.session
        docs = register_rows.protection_ending(session, horizon,
                                               None if include_ended else today)
        cleared_levels = _cleared_levels(vs, session)
        cases = _case_codes(vs, session, {d.case_id for d in docs})
        rows = [ExpiringRow(
            document_id=d.id, number=d.number, doc_type=d.doc_type, doc_date=d.doc_date,
            level=Level(d.level), protection_until=d.protection_until,
            days_left=(d.protection_until - today).days, cleared=d.level in cleared_levels,
            summary=d.summary if d.level in cleared_levels else None,
            case_code=cases.get(d.case_id)) for d in docs]
        shown = sum(1 for r in rows if r.cleared)
        if shown:
            audit_log.append(session, vs.signer, vs.actor.username, "doc.list", "expiring",
                             classified_rows=shown, rows=len(rows))
            uow.commit()
        return rows


# --- helpers ---------------------------------------------------------------------------

def _check_year(year: int) -> None:
    if not isinstance(year, int) or not 1900 <= year <= 9999:
        raise InvalidInput("input.bad_number", value=year, field="year")


def _cleared_levels(vs: VaultSession, session: Session) -> set[int]:
    keys = my_level_keys(vs, session)
    return {int(lv) for lv in keys if lv <= vs.actor.clearance}


def _case_codes(vs: VaultSession, session: Session, case_ids: set[int | None]) -> dict:
    ids = {i for i in case_ids if i is not None}
    if not ids:
        return {}
    return {c.id: c.code for c in case_rows.with_ids(session, ids)
            if c.level <= vs.actor.clearance}


def _registered_on(d: DocumentRecord) -> date:
    if d.direction == Direction.INCOMING.value and d.received_date:
        return d.received_date
    if d.doc_date:
        return d.doc_date
    created = d.created_at
    return created.date() if isinstance(created, datetime) else date.today()


def _level_when_registered(session: Session, d: DocumentRecord) -> Level | None:
    """The level the document had when it entered the register: its first classification
    event (or the first level change that classified it), else its level now."""
    event = register_rows.first_classifying_event(session, d.id)
    if event is not None:
        return Level(event.to_level)
    return Level(d.level) if d.level > 0 else None


def _audit(vs: VaultSession, session: Session, action: str, year: int, rows: list) -> None:
    audit_log.append(session, vs.signer, vs.actor.username, action, str(year),
                     rows=len(rows), cleared_rows=sum(1 for r in rows if r.cleared))

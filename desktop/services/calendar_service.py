"""The working-day calendar in force: the shipped holiday file, with an
administrator's changes (kept in the vault) laid over it day by day."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop.domain.calendar import CalendarEntry, DayKind, WorkCalendar
from desktop.storage.resource_files import load_default_calendar
from desktop.domain.dates import format_date
from desktop.domain.errors import InvalidInput, PermissionDenied
from desktop.services import audit_log
from desktop.storage.orm import CalendarOverride
from desktop.storage.repos import DbSession as Session
from desktop.storage.repos import settings as setting_rows

WORKING_DAY = "working_day"  # an override that cancels a shipped day off
_KINDS = [k.value for k in DayKind] + [WORKING_DAY]
_shipped: WorkCalendar | None = None


def shipped() -> WorkCalendar:
    global _shipped
    if _shipped is None:
        _shipped = load_default_calendar()
    return _shipped


def calendar(session: Session) -> WorkCalendar:
    overrides = setting_rows.calendar_overrides(session)
    base = shipped()
    if not overrides:
        return base
    changed = {o.day for o in overrides}
    entries = [CalendarEntry(day, day, e.name, e.kind, e.source, e.verify, e.note)
               for e in base.entries for day in e.days() if day not in changed]
    entries += [CalendarEntry(o.day, o.day, o.name, DayKind(o.kind), o.source or "vault",
                              False, f"edited by {o.edited_by}")
                for o in overrides if o.kind != WORKING_DAY]
    return WorkCalendar(entries)


@dataclass(frozen=True)
class DayInfo:
    day: date
    kind: str
    name: str
    source: str
    verify: bool
    edited: bool

    def to_json(self) -> dict:
        return {"date": self.day.isoformat(), "kind": self.kind, "name": self.name,
                "source": self.source, "verify": self.verify, "edited": self.edited}


def days_of_year(session: Session, year: int) -> list[DayInfo]:
    """Every day off and make-up day of the year, shipped or edited."""
    overrides = {o.day: o for o in setting_rows.calendar_overrides(session)}
    found: dict[date, DayInfo] = {}
    for entry in shipped().entries:
        for day in entry.days():
            if day.year == year:
                found[day] = DayInfo(day, entry.kind.value, entry.name, entry.source, entry.verify,
                                     False)
    for day, o in overrides.items():
        if day.year == year:
            found[day] = DayInfo(day, o.kind, o.name, o.source, False, True)
    return [found[d] for d in sorted(found)]


def set_day(vs, day: date, kind: str, name: str = "", source: str = "") -> None:
    """Administrator's edit: mark a day as holiday/day off/make-up day, or as a normal
    working day (cancelling a shipped day off)."""
    if not vs.actor.is_admin:
        raise PermissionDenied("perm.admin_only")
    if kind not in _KINDS:
        raise InvalidInput("input.bad_choice", value=kind, field="day_kind", choices=", ".join(_KINDS))
    if kind == DayKind.MAKEUP_WORKDAY.value and day.weekday() < 5:
        raise InvalidInput("calendar.makeup_weekday", date=format_date(day))
    with vs.uow() as uow:
        row = setting_rows.calendar_override(uow.session, day)
        if row is None:
            row = CalendarOverride(day=day)
            uow.session.add(row)
        row.kind, row.name, row.source = kind, name, source
        row.edited_by, row.edited_at = vs.actor.username, datetime.now()
        audit_log.append(uow.session, vs.signer, vs.actor.username, "calendar.set",
                         day.isoformat(), kind=kind)
        uow.commit()


def working_days_in_year(cal: WorkCalendar, year: int) -> int:
    return cal.working_days_between(date(year, 1, 1) - timedelta(days=1), date(year, 12, 31))

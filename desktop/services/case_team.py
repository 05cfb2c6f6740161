"""A case's inspection team over time: members join and leave on dates, the leader is
replaced on a date (the former leader stays, with the day they left). Each change is a
row of the case's history and an audit row. An ordinary case keeps its team in
team_members; a classified one inside its sealed record (cases.team_follows_level)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop.domain.dates import format_date
from desktop.domain.errors import HosoError, InvalidInput, NotFound
from desktop.domain.levels import Level
from desktop.domain.stages import TeamRole
from desktop.services import audit_log, case_access, cases
from desktop.services.context import VaultSession
from desktop.storage import search, sealed
from desktop.storage.orm import Case, CaseChange, TeamMember
from desktop.storage.repos import DbSession


@dataclass(frozen=True)
class Membership:
    name: str
    role: TeamRole
    since: date | None = None
    until: date | None = None

    def active_on(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or
                                                              self.until >= day)

    def describe(self, lang: str = "vi") -> str:
        text = f"{self.name} ({self.role.label(lang)})"
        if self.since or self.until:
            text += f" {format_date(self.since) or '…'} – {format_date(self.until) or '…'}"
        return text

    def to_json(self) -> dict:
        return {"name": self.name, "role": self.role.value,
                "from": self.since.isoformat() if self.since else None,
                "to": self.until.isoformat() if self.until else None}


def memberships(case: Case) -> list[Membership]:
    """Every membership of the case, from its rows or its sealed record."""
    found = [Membership(m.staff.full_name, TeamRole(m.role), m.from_date, m.to_date)
             for m in case.team]
    for entry in sealed.extra(case).get("team", []):
        name, role, *dates = entry + [None, None]
        found.append(Membership(name, TeamRole(role), _day(dates[0]), _day(dates[1])))
    return found


def store(session: DbSession, case: Case, members: list[Membership]) -> None:
    """Write the team back where the case's level says it lives."""
    case.team.clear()
    extra = sealed.extra(case)
    extra.pop("team", None)
    if case.level > Level.THUONG:
        extra["team"] = [[m.name, m.role.value, _iso(m.since), _iso(m.until)] for m in members]
        sealed.mark(session, case)
        return
    session.flush()
    for m in members:
        case.team.append(TeamMember(staff_id=cases._staff_id(session, m.name), role=m.role.value,
                                    from_date=m.since, to_date=m.until))


def team(vs: VaultSession, code: str) -> list[Membership]:
    with vs.uow() as uow:
        case = cases.load_case(vs, uow.session, code, load=True)
        return memberships(case)


def add_member(vs: VaultSession, code: str, name: str, role: TeamRole, since: date) -> None:
    name = " ".join((name or "").split())
    if not name:
        raise InvalidInput("input.required", field="name / họ tên")
    if role is TeamRole.LEADER:
        return replace_leader(vs, code, name, since)
    _change(vs, code, since, lambda members: _joined(members, name, role, since), "add")


def remove_member(vs: VaultSession, code: str, name: str, effective: date) -> None:
    """`name` is off the team from `effective` (their last day is the day before)."""
    name = " ".join((name or "").split())
    until = effective - timedelta(days=1)

    def leave(members):
        current = [m for m in members if m.name == name and m.until is None]
        if not current:
            raise NotFound("team.not_member", name=name, code=code)
        return [m if m not in current else Membership(m.name, m.role, m.since, until)
                for m in members]
    _change(vs, code, effective, leave, "remove")


def replace_leader(vs: VaultSession, code: str, name: str, since: date) -> None:
    """`name` leads from `since`; whoever led (and `name`'s own other role) ends the day
    before."""
    name = " ".join((name or "").split())
    if not name:
        raise InvalidInput("input.required", field="name / họ tên")

    def lead(members):
        if any(m.name == name and m.role is TeamRole.LEADER and m.until is None
               for m in members):
            raise HosoError("team.already", name=name, code=code)
        day_before = since - timedelta(days=1)
        ended = [Membership(m.name, m.role, m.since, day_before)
                 if m.until is None and (m.role is TeamRole.LEADER or m.name == name) else m
                 for m in members]
        return ended + [Membership(name, TeamRole.LEADER, since, None)]
    _change(vs, code, since, lead, "leader")


def _joined(members, name, role, since):
    if any(m.name == name and m.until is None for m in members):
        raise HosoError("team.already", name=name, code="")
    return members + [Membership(name, role, since, None)]


def _change(vs: VaultSession, code: str, day: date, change, action: str) -> None:
    if day > date.today():
        raise InvalidInput("input.future_date", value=format_date(day))
    with vs.uow() as uow:
        session = uow.session
        case = cases.load_case(vs, session, code, load=True, change=True)
        before = memberships(case)
        after = change(before)
        store(session, case, after)
        now = datetime.now()
        session.add(CaseChange(case_id=case.id, field="team", old_value=_text(before),
                               new_value=_text(after), reason="", changed_by=vs.actor.username,
                               changed_at=now))
        case_access.mark_changed(vs, case, now)
        session.flush()
        search.refresh(session, [case.id])
        audit_log.append(session, vs.signer, vs.actor.username, f"case.team_{action}", case.code,
                         members=len([m for m in after if m.until is None]))
        uow.commit()


def _text(members: list[Membership]) -> str:
    return "; ".join(m.describe() for m in members)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(value) -> date | None:
    return date.fromisoformat(value) if value else None

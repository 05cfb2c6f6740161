"""Cases: finding one by code or id, the filtered lists of the case table, what a case's
page shows with it (its requests, directives, documents and history), and the bulk insert
of imports and the demo (through the driver's cursor)."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, extract, func, literal_column, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from desktop.domain.changes import Area
from desktop.domain.folding import fold
from desktop.storage import sealed, search
from desktop.storage.repos import driver
from desktop.storage.orm import (Case, CaseChange, Directive, DocumentRecord,
                                 OpinionRequest, Staff, TeamMember)
from desktop.storage.uow import note_changes


def code_of(session: Session, case_id: int) -> str | None:
    return session.execute(select(Case.code).where(Case.id == case_id)).scalar()


# --- one case ---------------------------------------------------------------------------

def by_code(session: Session, code: str, load: bool = False) -> Case | None:
    """`load`: with its team (and their staff rows), events, supervisor and chairing unit."""
    query = select(Case).where(Case.code == code)
    if load:
        query = query.options(selectinload(Case.team).selectinload(TeamMember.staff),
                              selectinload(Case.events), selectinload(Case.supervisor),
                              selectinload(Case.chaired_by))
    return session.execute(query).scalar()


def lock(session: Session, case: Case) -> None:
    """On the server: hold the case's row until the transaction ends and read it afresh, so
    two users' changes of one case follow each other (the second sees the first's
    version). The vault's writers are serialised by its file lock already."""
    if search.on_server(session):
        session.refresh(case, with_for_update=True)


def exists(session: Session, code: str) -> bool:
    return session.execute(select(Case.id).where(Case.code == code)).first() is not None


def opinion_requests_of(session: Session, case_id: int) -> list[OpinionRequest]:
    return list(session.execute(select(OpinionRequest).where(OpinionRequest.case_id == case_id)
                                .order_by(OpinionRequest.sent_date)).scalars())


def directives_of(session: Session, case_id: int) -> list[Directive]:
    return list(session.execute(select(Directive).where(Directive.case_id == case_id)
                                .order_by(Directive.due_date)).scalars())


def documents_of(session: Session, case_id: int) -> list[DocumentRecord]:
    return list(session.execute(select(DocumentRecord).where(DocumentRecord.case_id == case_id)
                                .order_by(DocumentRecord.doc_date)).scalars())


def changes_of(session: Session, case_id: int) -> list[CaseChange]:
    """The case's history, oldest first."""
    return list(session.execute(select(CaseChange).where(CaseChange.case_id == case_id)
                                .order_by(CaseChange.changed_at, CaseChange.id)).scalars())


# --- many cases by code -----------------------------------------------------------------

def codes_among(session: Session, codes: Sequence[str]) -> list[str]:
    """Those of `codes` some case has, in the database's order."""
    return list(session.execute(select(Case.code).where(Case.code.in_(codes))).scalars())


def existing_codes(session: Session, codes: Sequence[str]) -> list[str]:
    """The same for many codes: one statement for all of them (a JSON array)."""
    cursor = driver.cursor(session)
    return [code for (code,) in cursor.execute(
        "SELECT code FROM cases WHERE code IN (SELECT value FROM json_each(?))",
        (json.dumps(list(codes)),))]


def with_codes(session: Session, codes: Sequence[str]) -> Iterator[Case]:
    """The ORM rows of these codes (500 codes a statement)."""
    codes = list(codes)
    for start in range(0, len(codes), 500):
        yield from session.execute(select(Case).where(Case.code.in_(codes[start:start + 500]))
                                   ).scalars()


def with_ids(session: Session, case_ids: Collection[int]) -> list[Case]:
    """The ORM rows of these cases (500 ids a statement: SQLite's limit on parameters)."""
    ids = list(case_ids)
    found: list[Case] = []
    for start in range(0, len(ids), 500):
        found += session.execute(select(Case).where(Case.id.in_(ids[start:start + 500]))).scalars()
    return found


def ids_by_code(session: Session) -> dict[str, int]:
    return {code: case_id for code, case_id in session.execute(select(Case.code, Case.id))}


def levels_by_code(session: Session) -> dict[str, int]:
    return {code: level for code, level in session.execute(select(Case.code, Case.level))}


# --- the case table's lists -------------------------------------------------------------

@dataclass(frozen=True)
class Filter:
    """The cases a list shows: up to `clearance`, and matching whatever else is given."""

    clearance: int
    search: str = ""          # words, as the user typed them
    stage: str | None = None
    level: int | None = None
    year: int | None = None   # of the decision
    supervisor: str = ""      # part of the supervising leader's name, accents optional
    limit: int | None = None
    offset: int = 0


# (id, code, title, inspected party, stage, stage date, decision number, decision date,
# level), the sealed columns opened; by name too (row.code)
Listed = Row[tuple[int, str, str, str, str, date | None, str, date | None, int]]

_SORTS: dict[str, InstrumentedAttribute[Any] | ColumnElement[Any]] = {
    "code": Case.code, "title": sealed.opened(Case, "title"),
    "inspected_party": sealed.opened(Case, "inspected_party"),
    "stage": Case.stage, "decision_date": Case.decision_date, "level": Case.level}


def _filtered(session: Session, flt: Filter, by_date: bool = False) -> Select[Any]:
    query = select(Case.id, Case.code, sealed.opened(Case, "title"),
                   sealed.opened(Case, "inspected_party"), Case.stage, Case.stage_date,
                   sealed.opened(Case, "decision_number"), Case.decision_date, Case.level
                   ).where(Case.level <= flt.clearance)
    if flt.search and search.match_expression(flt.search) and search.on_server(session):
        few = search.few_matching_ids(session, _params(session, flt))
        query = query.where(Case.id.in_(few) if few is not None
                            else text(search.SERVER_PAGE_MATCHES_SQL if flt.limit is not None
                                      else search.SERVER_MATCHES_SQL))
    elif flt.search and search.match_expression(flt.search):
        # In date order, "+cases.id" keeps SQLite from driving the query by the matches:
        # it walks the decision-date index and stops at the page's last row (10× faster
        # for common words, which match tens of thousands of cases).
        ids = literal_column("+cases.id") if by_date else Case.id
        query = query.where(ids.in_(text(search.matching_ids_sql(session))))
    if flt.stage is not None:
        query = query.where(Case.stage == flt.stage)
    if flt.level is not None:
        query = query.where(Case.level == flt.level)
    if flt.year is not None:
        query = query.where(extract("year", Case.decision_date) == flt.year)
    if flt.supervisor:
        query = query.join(Staff, Staff.id == Case.supervisor_id).where(
            func.hoso_fold(Staff.full_name).like(f"%{_like_free(flt.supervisor)}%"))
    return query


def _like_free(text_: str) -> str:
    return fold(text_).replace("%", "").replace("_", "")


def _params(session: Session, flt: Filter) -> dict[str, str]:
    params: dict[str, str] = (search.match_params(session, flt.search, flt.clearance)
                              if flt.search else {})
    return params


def _ordered(session: Session, flt: Filter, sort: str, descending: bool) -> Select[Any]:
    column = _SORTS.get(sort, Case.decision_date)
    first = column.desc() if descending else column.asc()
    if search.on_server(session):   # NULL sorts as SQLite sorts it: the smallest value
        first = first.nulls_last() if descending else first.nulls_first()
    order = [first, Case.id.desc() if descending else Case.id.asc()]
    inner = _filtered(session, flt, by_date=column is Case.decision_date).order_by(*order)
    if flt.limit is not None:
        inner = inner.limit(flt.limit).offset(flt.offset)
    return inner


# sealed columns: the server cannot order what it cannot read
_SEALED_SORTS = {"title": 2, "inspected_party": 3}


def _sorted_here(session: Session, flt: Filter, sort: str, descending: bool) -> list[Listed]:
    """On the department server, by a sealed column: every match read (opened on this
    machine), ordered as the vault's SQL orders it (code points, then id), then the page."""
    rows = list(session.execute(_filtered(session, replace(flt, limit=None, offset=0)),
                                _params(session, flt)))
    at = _SEALED_SORTS[sort]
    rows.sort(key=lambda row: (row[at] or "", row[0]), reverse=descending)
    if flt.limit is not None:
        rows = rows[flt.offset:flt.offset + flt.limit]
    return rows


def listed(session: Session, flt: Filter, sort: str = "decision_date",
           descending: bool = True) -> list[Listed]:
    """The matching rows in display order (`sort`: a column of Listed; the newest decision
    first by default), `flt.limit` of them from `flt.offset`."""
    if sort in _SEALED_SORTS and search.on_server(session):
        return _sorted_here(session, flt, sort, descending)
    return list(session.execute(_ordered(session, flt, sort, descending),
                                _params(session, flt)))


def listed_ids(session: Session, flt: Filter, sort: str = "decision_date",
               descending: bool = True) -> list[int]:
    """Their ids only, in the same order."""
    if sort in _SEALED_SORTS and search.on_server(session):
        return [int(row.id) for row in _sorted_here(session, flt, sort, descending)]
    query = select(_ordered(session, flt, sort, descending).subquery().c.id)
    return list(session.execute(query, _params(session, flt)).scalars())


def listed_by_ids(session: Session, clearance: int, ids: Sequence[int]) -> list[Listed]:
    """The rows of these ids up to `clearance` (500 ids a statement), in no order."""
    found: list[Listed] = []
    for start in range(0, len(ids), 500):
        query = _filtered(session, Filter(clearance)).where(
            Case.id.in_(list(ids[start:start + 500])))
        found += session.execute(query)
    return found


def count(session: Session, flt: Filter) -> int:
    query = select(func.count()).select_from(_filtered(session, flt).subquery())
    return session.execute(query, _params(session, flt)).scalar() or 0


# --- the bulk insert (imports, demo) ------------------------------------------------------

INSERT_COLUMNS = (
    "id", "code", "title", "inspected_party", "content", "period_from", "period_to", "basis",
    "plan_item_id", "assignment_ref", "decision_number", "decision_date", "inspecting_level",
    "complexity", "chaired_by_unit_id", "supervisor_id", "level", "stage", "stage_date",
    "started_on", "closed_on", "violation_money", "violation_land_m2", "recovery_money",
    "recovery_land_m2", "disciplined_orgs", "disciplined_persons", "referral_cases",
    "referral_persons", "units_inspected", "created_at", "updated_at", "version", "event_trail",
    "sealed")
TEAM_COLUMNS = ("case_id", "staff_id", "role")
EVENT_COLUMNS = ("id", "case_id", "stage", "event_date", "days", "doc_ref", "note",
                 "recorded_by", "recorded_at", "sealed")


def stored_time(value: datetime) -> str:
    """A datetime as SQLAlchemy's SQLite dialect stores it (dates are ISO)."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def first_clash(session: Session, codes: Sequence[str]) -> str | None:
    """One of `codes` a case already has, or None."""
    cursor = driver.cursor(session)
    # one statement for all the codes (a JSON array), not one per few hundred
    clash = cursor.execute("SELECT code FROM cases WHERE code IN (SELECT value FROM "
                           "json_each(?)) LIMIT 1", (json.dumps(list(codes)),)).fetchone()
    return str(clash[0]) if clash else None


def new_ids(session: Session, cases: int, events: int) -> tuple[list[int], list[int]]:
    """Ids for `cases` new cases and `events` new events. On the server they come from the
    sequences (other users insert at the same time, and a user's max(id) does not see
    the rows above their clearance); the vault takes them after its highest."""
    return driver.new_ids(session, "cases", cases), driver.new_ids(session, "case_events", events)


def insert_many(session: Session, cases: Sequence[driver.Row], team: Sequence[driver.Row],
                events: Sequence[driver.Row]) -> None:
    """Rows of cases (INSERT_COLUMNS), team members (TEAM_COLUMNS) and events
    (EVENT_COLUMNS), with their ids, stored as the ORM stores them (ISO dates,
    stored_time)."""
    # Plain tuples through the driver: SQLAlchemy's per-row parameter processing cost
    # more than SQLite's own work at 100 000 rows.
    note_changes(session, Area.CASES, Area.EVENTS)   # written past the ORM's sight
    cursor = driver.cursor(session)
    for table, columns, rows in (("cases", INSERT_COLUMNS, cases),
                                 ("team_members", TEAM_COLUMNS, team),
                                 ("case_events", EVENT_COLUMNS, events)):
        if rows:
            cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                               f"({', '.join('?' * len(columns))})", rows)
    driver.analyze_after_bulk(session, len(cases) + len(events), "cases", "case_events",
                              "team_members")


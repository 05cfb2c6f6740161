"""Summaries secretaries are asked for: table 01/TTr's figures grouped by unit, stage, year,
leader, level or inspected party (and split again by a second field), with subtotals and a
grand total. The figures are each case's own share of table 01/TTr (report.case_indicators),
so the grand total is the table's for the same period, by construction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.domain.bulk import collector_paused
from desktop.domain.errors import InvalidInput
from desktop.domain.levels import Level
from desktop.domain.messages import register
from desktop.services import audit_log, facts, report
from desktop.services.context import VaultSession
from desktop.storage.repos import DbSession
from desktop.storage.repos import facts as fact_rows

register({
    "summary.bad_field": ("Không tổng hợp được theo “{value}”; chọn một trong: {choices}.",
                          "Cannot group by “{value}”; choose one of: {choices}."),
    "summary.same_field": ("Hai lần nhóm theo cùng “{value}”; hãy chọn trường khác cho lần nhóm "
                           "thứ hai.",
                           "Grouping twice by “{value}”; choose another field for the second "
                           "grouping."),
})

# field → (Vietnamese, English) name, as the column heading of the group
FIELDS = {
    "unit": ("Đơn vị chủ trì", "Chairing unit"),
    "stage": ("Giai đoạn", "Stage"),
    "year": ("Năm", "Year"),
    "leader": ("Lãnh đạo phụ trách", "Supervising leader"),
    "level": ("Độ mật", "Classification"),
    "party": ("Đối tượng thanh tra", "Inspected party"),
}
ALL_CASES_FROM = date(1900, 1, 1)   # "from the beginning": every case begun by the end
_NONE = ("(chưa ghi)", "(not recorded)")


@dataclass
class Line:
    group: str                      # the first field's value
    sub: str = ""                   # the second field's value ("" on a group's own line)
    kind: str = "data"              # data | subtotal | total
    figures: report.Indicators = field(default_factory=report.Indicators)


@dataclass
class Summary:
    by: str
    then: "str | None"
    start: "date | None"
    end: date
    lines: list[Line]
    total: report.Indicators
    level: Level = Level.THUONG     # the highest level of the cases summed (the export's mark)


@collector_paused()
def summarize(vs: VaultSession, by: str, then: "str | None" = None, start: "date | None" = None,
              end: "date | None" = None, lang: str = "vi") -> Summary:
    """Groups of the period's cases (all cases begun by `end` when `start` is None)."""
    for name in (by, then):
        if name is not None and name not in FIELDS:
            raise InvalidInput("summary.bad_field", value=name, choices=", ".join(FIELDS))
    if then == by:
        raise InvalidInput("summary.same_field", value=by)
    end = end or date.today()
    first = start or ALL_CASES_FROM
    report.check_period(first, end)
    clearance = int(vs.actor.clearance)
    with vs.uow() as uow:
        s = uow.session
        records = facts.load_cases(s, clearance, None, active_between=(first, end))
        per_case, _waiting = report.case_indicators(s, records, first, end)
        extra = _names(s, [r.id for r, _ in per_case], {by, then})
        audit_log.append(s, vs.signer, vs.actor.username, "report.summary",
                         f"{first.isoformat()}..{end.isoformat()}", by=by, then=then or "",
                         cases=len(per_case))
        uow.commit()

    def key(record, name: str) -> str:
        value = _value(record, name, end, extra, lang)
        return value if value not in (None, "") else _NONE[0 if lang == "vi" else 1]

    groups: dict[str, dict[str, list[report.Indicators]]] = {}
    for record, own in per_case:
        sub = key(record, then) if then else ""
        groups.setdefault(key(record, by), {}).setdefault(sub, []).append(own)
    lines = []
    for group in sorted(groups, key=_order(by)):
        subs = groups[group]
        if then:   # the group's subtotal first (bold), then its parts
            lines.append(Line(group, "", "subtotal",
                              report.total(x for shares in subs.values() for x in shares)))
            for sub in sorted(subs, key=_order(then)):
                lines.append(Line(group, sub, "data", report.total(subs[sub])))
        else:
            lines.append(Line(group, "", "data", report.total(subs[""])))
    grand = report.total(own for _record, own in per_case)
    level = Level(max((r.level for r, _ in per_case), default=0))
    return Summary(by, then, start, end, lines, grand, level)


def _order(name: str):
    """Groups in a reader's order: years ascending, levels by rank, the rest by name."""
    if name == "level":
        ranks = {Level(n).label(lang): n for n in range(4) for lang in ("vi", "en")}
        return lambda text: (ranks.get(text, 9), text)
    from desktop.domain.folding import fold
    return lambda text: (text.startswith("("), fold(text))


def _value(record: facts.CaseRecord, name: str, end: date, extra: dict, lang: str) -> str:
    if name == "unit":
        return record.chaired_by
    if name == "stage":
        stage, _since = record.stage_at(end)
        return stage.label(lang) if stage else ""
    if name == "year":
        begun = record.start_date
        return str(begun.year) if begun else ""
    if name == "level":
        return Level(record.level).label(lang)
    return extra.get(name, {}).get(record.id, "")


def _names(session: DbSession, ids: list[int], wanted: set) -> dict[str, dict[int, str]]:
    """Case id → supervising leader / inspected party (opened for classified cases), for
    the fields asked only."""
    out: dict[str, dict[int, str]] = {}
    if not ids or not wanted & {"leader", "party"}:
        return out
    leaders, parties = out.setdefault("leader", {}), out.setdefault("party", {})
    for case_id, leader, name in fact_rows.leaders_and_parties(session, ids):
        leaders[case_id], parties[case_id] = leader or "", name or ""
    return out

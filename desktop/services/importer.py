"""Importing other departments' workbooks: find the header, read and check every row,
compare with the vault (insert / update with cell-level changes / unchanged / reject),
then write everything in one transaction with one audit row — or, on a dry run, nothing.

Why one module of 630 lines: the analysis and the commit share the plan they pass between
them; reading the file, recognising headers and converting values are in exchange.excel."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from desktop.domain.bulk import collector_paused
from desktop.domain.dates import format_date
from desktop.domain.errors import HosoError, InvalidInput
from desktop.domain.folding import fold
from desktop.domain.levels import Level, write_ceiling
from desktop.domain.progress import Progress
from desktop.domain.stages import Basis, TeamRole
from desktop.exchange.excel import importspec, shown, table_rows
from desktop.exchange.excel.table_rows import Problem
from desktop.exchange.excel.manifest import row_hash
from desktop.exchange.excel.reader import Sheet, Workbook, read_workbook
from desktop.services import audit_log, case_access, cases
from desktop.services.context import VaultSession
from desktop.storage import case_summary, search
from desktop.storage.orm import AnnualPlan, OpinionRequest, PlanItem, Staff
from desktop.storage.repos import DbSession
from desktop.storage.repos import cases as case_rows
from desktop.storage.repos import imports as import_rows
from desktop.storage.repos import staff as staff_rows
from desktop.security.crypto import file_sha256

MANIFEST_SHEET = "_hoso_manifest"


@dataclass(frozen=True)
class Change:
    field: str
    old: object
    new: object

    def to_json(self) -> dict:
        return {"field": self.field, "old": _plain(self.old), "new": _plain(self.new)}

    def texts(self, lang: str = "vi") -> tuple[str, str]:
        """(old, new) as the user reads them."""
        return (shown.field_text(self.field, self.old, lang),
                shown.field_text(self.field, self.new, lang))


@dataclass
class RowOutcome:
    row: int
    key: str
    action: str                      # insert | update | unchanged | reject
    values: dict = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def to_json(self, fields=()) -> dict:
        """`values`: every value read from the row, shown as it will be stored."""
        data = {"row": self.row + 1, "key": self.key, "action": self.action}
        if fields and self.action != "reject":
            data["values"] = shown.row_texts(fields, self.values)
        if self.changes:
            data["changes"] = [c.to_json() for c in self.changes]
        if self.problems:
            data["problems"] = [p.to_json() for p in self.problems]
        return data


@dataclass
class ImportPlan:
    path: Path
    sha256: str
    kind: str
    sheet: str = ""
    header_row: int = 0
    columns: dict[str, int] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)
    file_problems: list[Problem] = field(default_factory=list)
    from_export: bool = False
    skipped: list = field(default_factory=list)   # table_end.Skipped: lines that are not data
    missing: list[str] = field(default_factory=list)   # exported codes no longer in the file
    swap_dates: set[str] = field(default_factory=set)  # date fields the user said to swap back
    dates_swapped: dict[str, int] = field(default_factory=dict)   # field → cells swapped
    keep_encoding: set[str] = field(default_factory=set)   # TCVN3/VNI columns left as typed
    converted: dict = field(default_factory=dict)   # field → vn_legacy.Detection (found)

    def counts(self) -> dict[str, int]:
        result = {"insert": 0, "update": 0, "unchanged": 0, "reject": 0}
        for row in self.rows:
            result[row.action] += 1
        return result

    @property
    def problems(self) -> list[Problem]:
        return self.file_problems + [p for r in self.rows for p in r.problems]

    def to_json(self) -> dict:
        counts = self.counts()
        return {"file": self.path.name, "sha256": self.sha256, "kind": self.kind,
                "sheet": self.sheet, "header_row": self.header_row + 1,
                "columns": {k: Sheet.cell_ref(0, v)[:-1] for k, v in self.columns.items()},
                "unknown_columns": self.unknown, "from_export": self.from_export,
                "missing_from_file": self.missing, "dates_swapped": self.dates_swapped,
                "converted": {name: {**found.to_json(), "kept": name in self.keep_encoding}
                              for name, found in self.converted.items()},
                "skipped": [{"row": k.row + 1, "reason": k.reason, "why": k.label("vi"),
                             "why_en": k.label("en")} for k in self.skipped],
                "inserted": counts["insert"], "updated": counts["update"],
                "unchanged": counts["unchanged"], "rejected": counts["reject"],
                "rows": [r.to_json(importspec.KINDS[self.kind]) for r in self.rows
                         if r.action != "unchanged"],
                "problems": [p.to_json() for p in self.problems]}


# --- analysis (reads only) -------------------------------------------------------------

@collector_paused()
def analyse(vs: VaultSession, path: Path, kind: str, *, year: int | None = None,
            allow_foreign: bool = False, progress: Progress | None = None,
            mapping: dict[str, int] | None = None, workbook: Workbook | None = None,
            swap_dates: "set[str] | None" = None,
            keep_encoding: "set[str] | None" = None) -> ImportPlan:
    """Read and check every row; write nothing. `mapping` (field → column index) replaces
    the automatic column matching (the import wizard lets the user correct it);
    `workbook` reuses a file already read."""
    if kind not in importspec.KINDS:
        raise InvalidInput("import.bad_kind", kind=kind)
    path = Path(path)
    workbook = workbook or open_workbook(path)
    plan = ImportPlan(path, file_sha256(path), kind)
    plan.swap_dates = set(swap_dates or ())
    plan.keep_encoding = set(keep_encoding or ())
    manifest = _check_origin(vs, workbook, plan, allow_foreign)
    sheet, match = table_rows.locate(workbook, kind)
    if mapping is not None:
        match.columns = {name: col for name, col in mapping.items() if col is not None and col >= 0}
        claimed = set(match.columns.values())
        match.unknown = [(c, t) for c, t in match.unknown if c not in claimed]
        match.missing_required = [f for f in importspec.required(kind) if f not in match.columns]
    plan.sheet, plan.header_row, plan.columns = sheet.name, match.row_index, match.columns
    # a row-number column ("STT") is the form's own, not a column the import left out
    plan.unknown = [str(text) for _, text in match.unknown
                    if " ".join(fold(str(text)).replace(".", " ").split()) not in _ROW_NUMBERS]
    fields = importspec.KINDS[kind]
    if match.missing_required:
        names = ", ".join(f"“{f.vi}”" for f in fields if f.name in match.missing_required)
        raise HosoError("import.missing_columns", columns=names)
    parsed = table_rows.read_rows(sheet, match, fields, workbook.date1904, plan, progress,
                                  fonts=lambda: workbook.fonts(sheet.name))
    if manifest is not None and kind == "cases" and manifest.kind == "cases":
        _apply_manifest_keys(vs, parsed, manifest, sheet, plan)
    {"cases": _compare_cases, "plan": _compare_plan, "opinions": _compare_opinions,
     "staff": _compare_staff}[kind](vs, parsed, plan, year)
    return plan


_ROW_NUMBERS = frozenset(("stt", "tt", "so tt", "so thu tu", "thu tu", "no", "#"))


def date_fields(kind: str, names: list[str]) -> set[str]:
    """Date fields named as a user would (decision_date, "Ngày quyết định", ngay quyet dinh)."""
    return _fields_named(kind, names, importspec.to_date, "--swap-dates")


def text_fields(kind: str, names: list[str]) -> set[str]:
    """Text fields named as a user would (inspected_party, "Đối tượng thanh tra")."""
    return _fields_named(kind, names, importspec.to_text, "--keep-encoding")


def _fields_named(kind: str, names: list[str], read, option: str) -> set[str]:
    fields = [f for f in importspec.KINDS[kind] if f.read is read]
    chosen = set()
    for name in names:
        wanted = " ".join(fold(name).replace("_", " ").split())
        match = next((f for f in fields if wanted in (f.name.replace("_", " "), fold(f.vi),
                                                      fold(f.en))), None)
        if match is None:
            raise InvalidInput("input.bad_choice", value=name, field=option,
                               choices=", ".join(f.name for f in fields))
        chosen.add(match.name)
    return chosen


# --- the steps the wizard and the command line share ------------------------------------
# open the workbook → find the header and guess the kind → analyse (with the user's
# mapping) → commit

def open_workbook(path: "str | Path") -> Workbook:
    """The file read after the guard said yes (hostile and broken files stop here)."""
    return read_workbook(Path(path))


def locate_header(workbook: Workbook, kind: str):
    """(sheet, HeaderMatch) the import of this kind would use: the wizard's mapping step."""
    return table_rows.locate(workbook, kind)


def guess_kind(workbook: Workbook) -> "str | None":
    """The kind whose columns the file names best (required columns found first)."""
    best, best_rank = None, (0, 0)
    for kind in importspec.KINDS:
        try:
            _sheet, match = table_rows.locate(workbook, kind)
        except HosoError:   # no header of this kind: not a candidate
            continue
        rank = (0 if match.missing_required else 1, len(match.columns))
        if rank > best_rank:
            best, best_rank = kind, rank
    return best


# the cases export's columns (exporter._case_columns): a row's manifest hash covers them all
_EXPORT_WIDTH = 13


def _apply_manifest_keys(vs: VaultSession, parsed, manifest, sheet: Sheet,
                         plan: ImportPlan) -> None:
    """Rows of our own export are matched by their case code, wherever they now sit (rows
    inserted, deleted, sorted or moved by whoever edited the file): a code the export had
    is that case. A code it did not have is a new case — unless the row is, cell for cell,
    an exported row whose code alone was changed (its manifest hash, taken with the old
    code, matches): then it is that case renamed. Exported codes found nowhere in the file
    are reported as missing, never deleted."""
    if manifest.sheet and manifest.sheet != sheet.name:
        return
    exported = manifest.rows()
    in_file = {values.get("code") for _index, values, _p in parsed if values.get("code")}
    absent = {digest: key for key, (digest, _row) in exported.items()
              if key not in in_file and digest}
    code_col = plan.columns.get("code")
    unknown = []
    for index, values, _problems in parsed:
        code = values.get("code")
        if not code or code in exported or not absent or code_col is None:
            continue
        raw = list(sheet.rows[index])
        for digest, key in list(absent.items()):
            trial = raw[:]
            trial[code_col] = key
            if row_hash(trial[:_EXPORT_WIDTH]) == digest:
                values["_original_code"] = key
                del absent[digest]
                break
        else:
            unknown.append(values)
    if unknown and absent:   # code and other cells changed: the closest remaining case
        _match_by_content(vs, unknown, absent)
    plan.missing = sorted(absent.values())


_DISTINCT = ("title", "inspected_party", "content", "decision_number", "decision_date",
             "period_from", "period_to", "violation_money", "violation_land_m2", "recovery_money")


def _match_by_content(vs: VaultSession, unknown: list[dict], absent: dict[str, str]) -> None:
    """A row whose code and some other cells were edited matches an exported case no longer
    in the file when most of its other values (at least two, more than half of those it
    has) are that case's, and no other case comes as close."""
    with vs.uow() as uow:
        current = {case.code: {name: getattr(case, name) for name in _CASE_FIELDS}
                   for case in case_rows.with_codes(uow.session, list(absent.values()))}
    for values in unknown:
        scores = []
        # fields that tell cases apart (a level, a basis or a zero is shared by many)
        compared = [f for f in _DISTINCT if values.get(f) not in (None, "", 0)]
        for code, stored in current.items():
            same = sum(1 for f in compared if _norm(values[f]) == _norm(stored.get(f)))
            if len(compared) >= 2 and same >= 2 and same * 2 > len(compared):
                scores.append((same, code))
        scores.sort(reverse=True)
        if scores and (len(scores) == 1 or scores[0][0] > scores[1][0]):
            code = scores[0][1]
            values["_original_code"] = code
            current.pop(code)
            absent.pop(next(d for d, k in absent.items() if k == code))


def _duplicates(parsed, key_of, sheet: str):
    """Later rows with the same key as an earlier one are rejected."""
    first_row: dict = {}
    for index, values, problems in parsed:
        key = key_of(values)
        if key is None or problems:
            continue
        if key in first_row:
            problems.append(Problem(sheet, index, None, "import.duplicate",
                                    {"value": key if isinstance(key, str) else key[0],
                                     "first": first_row[key] + 1}))
        else:
            first_row[key] = index


def _outcome(index: int, key: str, problems: list[Problem], values: dict,
             changes: list[Change] | None, exists: bool) -> RowOutcome:
    if problems:
        return RowOutcome(index, key, "reject", values, [], problems)
    if not exists:
        return RowOutcome(index, key, "insert", values)
    return RowOutcome(index, key, "update" if changes else "unchanged", values, changes or [])


def _diff(current: dict, values: dict, names) -> list[Change]:
    """Cell-level changes; an empty cell in the file leaves the vault's value alone."""
    out = []
    for name in names:
        new = values.get(name)
        if new is None or name not in current:
            continue
        old = current[name]
        if _norm(old) != _norm(new):
            out.append(Change(name, old, new))
    return out


def _norm(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and value.is_integer():
        return float(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, Level):
        return int(value)
    return value


# --- per kind ----------------------------------------------------------------------------

_CASE_FIELDS = ("title", "inspected_party", "content", "decision_number", "decision_date", "basis",
                "level", "period_from", "period_to", "violation_money", "violation_land_m2",
                "recovery_money", "disciplined_orgs", "disciplined_persons", "referral_cases",
                "referral_persons")


def _ceiling(vs: VaultSession) -> int:
    return write_ceiling(vs.actor.role, vs.actor.clearance)


def _role_problem(vs: VaultSession, plan: ImportPlan, index: int) -> Problem:
    """A clerk reads classified cases but changes unclassified ones only (cases.require_writable)."""
    return Problem(plan.sheet, index, None, "import.role_level",
                   {"role": vs.actor.role.label("vi"),
                    "ceiling": Level(max(_ceiling(vs), 0)).label_vi})


def _compare_cases(vs: VaultSession, parsed, plan: ImportPlan, _year) -> None:
    _duplicates(parsed, lambda v: v.get("code"), plan.sheet)
    codes = [v.get("_original_code") or v["code"] for _, v, p in parsed if v.get("code") and not p]
    existing = {}
    with vs.uow() as uow:
        # one statement for all the codes; ORM rows only for those found
        found = case_rows.existing_codes(uow.session, codes)
        for case in case_rows.with_codes(uow.session, found):
            existing[case.code] = {name: getattr(case, name) for name in _CASE_FIELDS}
            existing[case.code]["level"] = Level(case.level)
        # a code renamed in the file must not be another case's: found now, not at commit
        renamed = [v["code"] for _, v, _p in parsed if v.get("_original_code")]
        taken = set(case_rows.codes_among(uow.session, renamed)) if renamed else set()
    today = date.today()
    for index, values, problems in parsed:
        if values.get("_original_code") and values["code"] in taken:
            problems.append(Problem(plan.sheet, index, plan.columns.get("code"), "case.exists",
                                    {"code": values["code"]}))
        level = values.get("level")
        code = values.get("_original_code") or values.get("code") or ""
        current = existing.get(code)
        _check_case_dates(values, current, problems, plan, index, today)
        if level is not None and level > vs.actor.clearance:
            problems.append(Problem(plan.sheet, index, plan.columns.get("level"), "import.level_above",
                                    {"level": level.label_vi}))
        if current and current["level"] > vs.actor.clearance:
            problems.append(Problem(plan.sheet, index, None, "import.level_above",
                                    {"level": current["level"].label_vi}))
        highest = max(level if level is not None else Level.THUONG,
                      current["level"] if current else Level.THUONG)
        if vs.actor.clearance >= highest > _ceiling(vs):
            problems.append(_role_problem(vs, plan, index))
        changes = _diff(current, values, _CASE_FIELDS) if current and not problems else None
        if current is not None and changes is not None and values.get("_original_code"):
            changes.insert(0, Change("code", code, values["code"]))
        plan.rows.append(_outcome(index, code, problems, values, changes, current is not None))


def _check_case_dates(values: dict, current: dict | None, problems: list[Problem],
                      plan: ImportPlan, index: int, today: date) -> None:
    """What adding the case would refuse, said here with the cell, not at the commit. For
    a case already in the vault, only what the file changes is judged (an empty cell keeps
    the vault's value), so old data does not block a re-import."""
    decided = values.get("decision_date")
    start, end = values.get("period_from"), values.get("period_to")
    if current is not None:
        if decided == current["decision_date"]:
            decided = None
        if (start is None or start == current["period_from"]) and \
                (end is None or end == current["period_to"]):
            start = end = None
        else:
            start, end = start or current["period_from"], end or current["period_to"]
    if decided and decided > today:
        problems.append(Problem(plan.sheet, index, plan.columns.get("decision_date"),
                                "input.future_date", {"value": format_date(decided)}))
    if start and end and start > end:
        problems.append(Problem(plan.sheet, index, plan.columns.get("period_to"),
                                "input.period_order", {"start": format_date(start),
                                                       "end": format_date(end)}))


def _compare_plan(vs: VaultSession, parsed, plan: ImportPlan, year: int | None) -> None:
    for index, values, problems in parsed:
        values["year"] = values.get("year") or year
        if values["year"] is None and not problems:
            problems.append(Problem(plan.sheet, index, None, "import.no_year", {}))
    key_of = lambda v: (f"{v.get('year')}: {v.get('inspected_party')}",  # noqa: E731
                        fold(v.get("content") or "")) if v.get("inspected_party") else None
    _duplicates(parsed, key_of, plan.sheet)
    existing = {}
    with vs.uow() as uow:
        for item, plan_year in import_rows.plan_items_with_years(uow.session):
            existing[(plan_year, fold(item.inspected_party), fold(item.content or ""))] = {
                "quarter": item.planned_quarter, "days": item.planned_days,
                "team_size": item.planned_team_size}
    for index, values, problems in parsed:
        key = (values.get("year"), fold(values.get("inspected_party") or ""),
               fold(values.get("content") or ""))
        current = existing.get(key)
        changes = _diff(current, values, ("quarter", "days", "team_size")) if current else None
        label = f"{values.get('year')}: {values.get('inspected_party') or ''}"
        plan.rows.append(_outcome(index, label, problems, values, changes, current is not None))


def _compare_opinions(vs: VaultSession, parsed, plan: ImportPlan, _year) -> None:
    key_of = lambda v: (f"{v.get('case_code')} → {v.get('addressee')}", v.get("sent_date")) \
        if v.get("case_code") and v.get("addressee") else None  # noqa: E731
    _duplicates(parsed, key_of, plan.sheet)
    with vs.uow() as uow:
        s = uow.session
        visible = case_rows.levels_by_code(s)
        existing = {}
        for op, code in import_rows.opinions_with_codes(s):
            existing[(code, fold(op.addressee), op.sent_date)] = {
                "subject": op.subject, "doc_ref": op.doc_ref, "due_date": op.due_date,
                "answered_date": op.answered_date}
    for index, values, problems in parsed:
        code = values.get("case_code")
        if code and code not in visible:
            problems.append(Problem(plan.sheet, index, plan.columns.get("case_code"), "import.no_case",
                                    {"code": code}))
        elif code and visible[code] > vs.actor.clearance:
            problems.append(Problem(plan.sheet, index, None, "import.level_above",
                                    {"level": Level(visible[code]).label_vi}))
        elif code and visible[code] > _ceiling(vs):
            problems.append(_role_problem(vs, plan, index))
        key = (code, fold(values.get("addressee") or ""), values.get("sent_date"))
        current = existing.get(key)
        changes = _diff(current, values, ("subject", "doc_ref", "due_date", "answered_date")) \
            if current and not problems else None
        plan.rows.append(_outcome(index, f"{code} → {values.get('addressee') or ''}", problems,
                                  values, changes, current is not None))


def _compare_staff(vs: VaultSession, parsed, plan: ImportPlan, _year) -> None:
    _duplicates(parsed, lambda v: fold(v.get("full_name") or "") or None, plan.sheet)
    with vs.uow() as uow:
        existing = {}
        for person, unit in staff_rows.with_unit_names(uow.session):
            existing.setdefault(fold(person.full_name), {"position": person.position, "unit": unit})
    for index, values, problems in parsed:
        name = values.get("full_name") or ""
        current = existing.get(fold(name))
        changes = _diff(current, values, ("position", "unit")) if current else None
        plan.rows.append(_outcome(index, name, problems, values, changes, current is not None))


# --- commit (one transaction) --------------------------------------------------------------

@collector_paused()
def commit(vs: VaultSession, plan: ImportPlan, skip_rejected: bool = False) -> dict[str, int]:
    counts = plan.counts()
    if counts["reject"] and not skip_rejected:
        raise HosoError("import.rejected_all", file=plan.path.name, rejected=counts["reject"])
    with vs.uow() as uow:
        s = uow.session
        inserts = [r for r in plan.rows if r.action == "insert"]
        updates = [r for r in plan.rows if r.action == "update"]
        {"cases": _write_cases, "plan": _write_plan, "opinions": _write_opinions,
         "staff": _write_staff}[plan.kind](vs, s, inserts, updates)
        audit_log.append(s, vs.signer, vs.actor.username, "import." + plan.kind, plan.path.name,
                         sha256=plan.sha256, inserted=counts["insert"], updated=counts["update"],
                         unchanged=counts["unchanged"], rejected=counts["reject"],
                         from_export=plan.from_export, **({"converted": ", ".join(
                             f"{name}: {found.encoding}" for name, found in plan.converted.items()
                             if name not in plan.keep_encoding)} if plan.converted else {}))
        uow.commit()
    return counts


def _write_cases(vs: VaultSession, s: DbSession, inserts, updates) -> None:
    items = []
    for r in inserts:
        v = r.values
        items.append(cases.CaseInput(
            code=v["code"], title=v["title"], inspected_party=v.get("inspected_party") or "",
            content=v.get("content") or "", decision_number=v.get("decision_number") or "",
            decision_date=v.get("decision_date"), basis=Basis(v.get("basis") or "plan"),
            level=v.get("level") or Level.THUONG, chaired_by=v.get("chaired_by") or "",
            supervisor=v.get("supervisor") or "", period_from=v.get("period_from"),
            period_to=v.get("period_to"),
            team=[(v["team_leader"], TeamRole.LEADER)] if v.get("team_leader") else [],
            violation_money=int(v.get("violation_money") or 0),
            violation_land_m2=float(v.get("violation_land_m2") or 0),
            recovery_money=int(v.get("recovery_money") or 0),
            disciplined_orgs=v.get("disciplined_orgs") or 0,
            disciplined_persons=v.get("disciplined_persons") or 0,
            referral_cases=v.get("referral_cases") or 0,
            referral_persons=v.get("referral_persons") or 0))
    if items:
        cases.insert_cases(vs, s, items)
    if updates:
        by_code = {r.key: r for r in updates}
        touched = []
        for case in case_rows.with_codes(s, list(by_code)):
            for change in by_code[case.code].changes:
                value = change.new
                if change.field == "code" and case_rows.exists(s, value):
                    raise HosoError("case.exists", code=value)
                if change.field == "level":
                    value = int(value)
                elif change.field in ("violation_money", "recovery_money"):
                    value = int(value)
                elif change.field == "violation_land_m2":
                    value = float(value)
                setattr(case, change.field, value)
                if change.field == "level":
                    cases.team_follows_level(s, case)
            case_access.mark_changed(vs, case, datetime.now())
            touched.append(case.id)
        s.flush()
        case_summary.refresh(s, touched)
        search.refresh(s, touched)


def _write_plan(vs: VaultSession, s: DbSession, inserts, updates) -> None:
    plans = {p.year: p for p in import_rows.plans(s)}
    for r in inserts:
        v = r.values
        plan = plans.get(v["year"])
        if plan is None:
            plan = plans[v["year"]] = AnnualPlan(year=v["year"], title=f"Kế hoạch thanh tra năm {v['year']}")
            s.add(plan)
            s.flush()
        s.add(PlanItem(plan_id=plan.id, inspected_party=v["inspected_party"], content=v.get("content") or "",
                       planned_quarter=v.get("quarter"), planned_days=v.get("days"),
                       planned_team_size=v.get("team_size")))
    for r in updates:
        v = r.values
        for candidate in import_rows.plan_items_of(s, v["year"]):
            if fold(candidate.inspected_party) == fold(v["inspected_party"]) and \
                    fold(candidate.content or "") == fold(v.get("content") or ""):
                for change in r.changes:
                    setattr(candidate, {"quarter": "planned_quarter", "days": "planned_days",
                                        "team_size": "planned_team_size"}[change.field], change.new)


def _write_opinions(vs: VaultSession, s: DbSession, inserts, updates) -> None:
    ids = case_rows.ids_by_code(s)
    for r in inserts:
        v = r.values
        s.add(OpinionRequest(case_id=ids[v["case_code"]], addressee=v["addressee"],
                             subject=v.get("subject") or "", doc_ref=v.get("doc_ref") or "",
                             sent_date=v["sent_date"], due_date=v.get("due_date"),
                             answered_date=v.get("answered_date")))
    for r in updates:
        v = r.values
        for op in import_rows.opinions_sent(s, ids[v["case_code"]], v["sent_date"]):
            if fold(op.addressee) == fold(v["addressee"]):
                for change in r.changes:
                    setattr(op, change.field, change.new)


def _write_staff(vs: VaultSession, s: DbSession, inserts, updates) -> None:
    for r in inserts + updates:
        v = r.values
        unit_id = cases._unit_id(s, v.get("unit") or "")
        person = next((p for p in staff_rows.every(s)
                       if fold(p.full_name) == fold(v["full_name"])), None) if r.action == "update" else None
        if person is None:
            s.add(Staff(full_name=v["full_name"], position=v.get("position") or "", unit_id=unit_id))
        else:
            if v.get("position"):
                person.position = v["position"]
            if v.get("unit"):
                person.unit_id = unit_id


def write_errors(plan: ImportPlan, dest: Path, lang: str = "vi") -> None:
    from desktop.exchange.excel.errorbook import Mark, write_error_workbook
    marks = [Mark(p.sheet, p.row, p.col, p.message(lang)) for p in plan.problems]
    rows_of = None
    try:
        rows_of = {s.name: s.rows for s in read_workbook(plan.path).sheets}
    except HosoError:
        pass
    write_error_workbook(plan.path, Path(dest), marks, rows_of,
                         "Lỗi" if lang == "vi" else "Errors")


# --- helpers -------------------------------------------------------------------------

def _check_origin(vs: VaultSession, workbook: Workbook, plan: ImportPlan, allow_foreign: bool):
    """A file this program exported carries a manifest: from another vault, refuse unless
    asked. Returns the manifest (its row keys say which record each row was)."""
    from desktop.exchange.excel.manifest import manifest_from_workbook
    manifest = manifest_from_workbook(workbook)
    if manifest is None:
        return None
    plan.from_export = True
    if manifest.vault_id != vs.keys.vault_id and not allow_foreign:
        raise HosoError("import.foreign", file=plan.path.name)
    return manifest


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral() else float(value)
    if isinstance(value, Level):
        return value.label_vi
    return value

"""Exports to Excel: the case register, the overdue list, the annual plan and the period
review (table 01/TTr). Classified content needs a reason; the export is marked with the
highest level (banner, header/footer, file name) and audited with who, what and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from desktop.domain import recommendations as rec
from desktop.domain.dates import format_date, parse_date
from desktop.domain.errors import InvalidInput
from desktop.domain.levels import Level
from desktop.domain.messages import in_language, register
from desktop.domain.progress import Progress
from desktop.domain.stages import Basis, Stage
from desktop.exchange.excel.writer import (Column, Manifest, classified_file_name, row_hash,
                                           write_period_report, write_register, write_summary)
from desktop.services import (audit_log, deadlines_service, plans, recommendations, report,
                              settings)
from desktop.services.context import VaultSession
from desktop.storage.repos import exports as export_rows

register({
    "export.reason_required": ("Dữ liệu xuất có nội dung {level}: phải ghi lý do xuất.",
                               "The export holds {level} content: a reason is required."),
    "export.done": ("Đã xuất {rows} dòng vào {path}.", "{rows} rows exported to {path}."),
    "export.bad_kind": ("Loại xuất “{kind}” không hợp lệ (cases, overdue, plan, report).",
                        "Invalid export “{kind}” (cases, overdue, plan, report)."),
})


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    level: Level

    def to_json(self) -> dict:
        return {"path": str(self.path), "rows": self.rows, "level": self.level.label_vi}


# Headers are the import's own column names, so an export re-imports as it is.
def _agency(vs: VaultSession) -> str:
    """The agency named at the top left of an export (settings: unit_name)."""
    with vs.uow() as uow:
        return settings.get(uow.session, "unit_name")


def _case_columns(lang: str) -> list[Column]:
    vi = lang == "vi"
    def h(a: str, b: str) -> str:
        return a if vi else b
    return [
        Column("code", h("Mã hồ sơ", "Case code"), "text", 16),
        Column("title", h("Tên cuộc thanh tra", "Title"), "text", 50),
        Column("inspected_party", h("Đối tượng thanh tra", "Inspected party"), "text", 30),
        Column("decision_number", h("Số quyết định", "Decision number"), "text", 16),
        Column("decision_date", h("Ngày quyết định", "Decision date"), "date", 12),
        Column("basis", h("Căn cứ", "Basis"), "text", 14),
        Column("stage", h("Giai đoạn", "Stage"), "text", 26),
        Column("stage_date", h("Ngày giai đoạn", "Stage date"), "date", 12),
        Column("level", h("Độ mật", "Classification"), "level", 10),
        Column("chaired_by", h("Đơn vị chủ trì", "Chaired by"), "text", 22),
        Column("supervisor", h("Lãnh đạo phụ trách", "Supervising leader"), "text", 20),
        Column("violation_money", h("Sai phạm tiền (đồng)", "Violations, money (VND)"), "money", 18),
        Column("recovery_money", h("Kiến nghị thu hồi tiền (đồng)", "Recovery, money (VND)"), "money", 18),
    ]


def export_cases(vs: VaultSession, path: Path, reason: str = "", lang: str = "vi",
                 search: str = "", progress: Progress | None = None) -> ExportResult:
    """The case register as a workbook; progress(rows written) may stop it (domain.progress)."""
    from desktop.storage import search as case_search
    clearance = int(vs.actor.clearance)
    matching = case_search.match_params(vs.engine, search, vs.actor.clearance) if search else {}
    agency = _agency(vs)
    with vs.uow() as uow:
        level = Level(export_rows.register_level(uow.session, clearance, matching))
        target = _classified_target(path, level, reason)
        stages = {s.value: s.label(lang) for s in Stage}
        bases = {b.value: b.label(lang) for b in Basis}
        keys: list[str] = []
        hashes: list[str] = []

        def rows():
            for r in export_rows.register_rows(uow.session, clearance, matching):
                values = (r[0], r[1], r[2], r[3], _d(r[4]), bases.get(r[5], r[5]), stages.get(r[6], r[6]),
                          _d(r[7]), Level(r[8]).label(lang), r[9] or "", r[10] or "", r[11] or 0, r[12] or 0)
                keys.append(r[0])
                hashes.append(row_hash(values))
                yield values

        manifest = _Manifest(vs, "cases", keys, hashes)
        count = write_register(target, title=_t(lang, "SỔ THEO DÕI CÁC CUỘC THANH TRA", "CASE REGISTER"),
                               subtitle=_t(lang, "Ngày xuất: ", "Exported: ") + format_date(date.today()),
                               unit_name=agency, columns=_case_columns(lang), rows=rows(),
                               level_label=level.label_vi.upper() if level else None,
                               manifest=manifest, sheet_name=_t(lang, "Hồ sơ", "Cases"), lang=lang,
                               progress=progress)
        _audit(vs, uow, "export.cases", target, count, level, reason)
        uow.commit()
    return ExportResult(target, count, level)


class _Manifest(Manifest):
    """Filled while the rows stream out: keys and hashes are known only at the end."""

    def __init__(self, vs: VaultSession, kind: str, keys: list[str], hashes: list[str]) -> None:
        super().__init__(vault_id=vs.keys.vault_id, kind=kind,
                         exported_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                         exported_by=vs.actor.username, row_keys=keys, row_hashes=hashes)


def export_overdue(vs: VaultSession, path: Path, reason: str = "", lang: str = "vi",
                   today: date | None = None, within: int | None = None) -> ExportResult:
    today = today or settings.view_date(vs)
    items = deadlines_service.overdue(vs, within, today)
    codes = {d.case_code for d in items if d.case_code}
    level = _max_level(vs, codes)
    target = _classified_target(path, level, reason)
    columns = [Column("case", _t(lang, "Mã hồ sơ", "Case"), "text", 16),
               Column("item", _t(lang, "Việc", "Item"), "text", 40),
               Column("subject", _t(lang, "Đối tượng / nơi nhận", "Addressee"), "text", 30),
               Column("due", _t(lang, "Hạn", "Due"), "date", 12),
               Column("state", _t(lang, "Tình trạng", "State"), "text", 24),
               Column("explanation", _t(lang, "Căn cứ tính hạn", "How it was computed"), "text", 60)]
    rows = [(d.case_code or "", d.label(lang), d.subject, d.due, d.status_text(lang), d.explanation(lang))
            for d in items]
    count = write_register(target, title=_t(lang, "DANH SÁCH VIỆC QUÁ HẠN VÀ SẮP ĐẾN HẠN",
                                            "OVERDUE AND DUE-SOON ITEMS"),
                           subtitle=_t(lang, "Tính đến ngày ", "As of ") + format_date(today),
                           unit_name=_agency(vs), columns=columns, rows=rows, level_label=level.label_vi.upper() if level else None,
                           sheet_name=_t(lang, "Quá hạn", "Overdue"), lang=lang)
    with vs.uow() as uow:
        _audit(vs, uow, "export.overdue", target, count, level, reason)
        uow.commit()
    return ExportResult(target, count, level)


def export_plan(vs: VaultSession, path: Path, year: int, reason: str = "", lang: str = "vi",
                today: date | None = None) -> ExportResult:
    status = plans.plan_status(vs, year, today)
    labels = {"started": _t(lang, "Đã triển khai", "Started"), "not_started": _t(lang, "Chưa triển khai", "Not started"),
              "late": _t(lang, "Chậm triển khai", "Late")}
    columns = [Column("inspected_party", _t(lang, "Đối tượng thanh tra", "Inspected party"), "text", 32),
               Column("content", _t(lang, "Nội dung", "Content"), "text", 50),
               Column("quarter", _t(lang, "Quý", "Quarter"), "int", 8),
               Column("days", _t(lang, "Số ngày", "Days"), "int", 9),
               Column("team_size", _t(lang, "Số người", "Team size"), "int", 9),
               Column("status", _t(lang, "Tình trạng", "Status"), "text", 18),
               Column("case", _t(lang, "Mã hồ sơ", "Case"), "text", 16)]
    rows = [(i.inspected_party, i.content, i.quarter, i.days, i.team_size, labels[i.status], i.case_code or "")
            for i in status.items]
    count = write_register(Path(path), title=status.title.upper(), subtitle=status.capacity.explanation(lang),
                           unit_name=status.unit, columns=columns, rows=rows,
                           sheet_name=_t(lang, "Kế hoạch", "Plan"), lang=lang)
    with vs.uow() as uow:
        _audit(vs, uow, "export.plan", Path(path), count, Level.THUONG, reason)
        uow.commit()
    return ExportResult(Path(path), count, Level.THUONG)


def export_report(vs: VaultSession, path: Path, start: date, end: date, unit: str | None = None,
                  reason: str = "", lang: str = "vi") -> ExportResult:
    result = report.period_report(vs, start, end, unit)
    codes = {w.code for w in result.without_conclusion}
    level = _max_level(vs, codes)
    target = _classified_target(path, level, reason)
    write_period_report(target, result.to_json(), unit_name=unit or _agency(vs),
                        level_label=level.label_vi.upper() if level else None, lang=lang)
    with vs.uow() as uow:
        _audit(vs, uow, "export.report", target, len(result.without_conclusion), level, reason,
               period=f"{start.isoformat()}..{end.isoformat()}")
        uow.commit()
    return ExportResult(target, result.indicators.carried_out, level)


def export_summary(vs: VaultSession, path: Path, by: str, then: "str | None" = None,
                   start: "date | None" = None, end: "date | None" = None, reason: str = "",
                   lang: str = "vi") -> ExportResult:
    """hoso export summary: table 01/TTr's figures by a field (and a second), subtotals and
    a grand total, in the sector's layout (services.summary)."""
    from desktop.services import summary as summaries
    result = summaries.summarize(vs, by, then, start, end, lang)
    level = result.level
    target = _classified_target(path, level, reason)
    name = summaries.FIELDS[by][0 if lang == "vi" else 1]
    sub_name = summaries.FIELDS[then][0 if lang == "vi" else 1] if then else ""
    columns = [Column("stt", _t(lang, "STT", "No."), "int", 6),
               Column("group", name, "text", 30)]
    if then:
        columns.append(Column("sub", sub_name, "text", 30))
    money, land = _t(lang, "Sai phạm", "Violations"), _t(lang, "Kiến nghị thu hồi", "To recover")
    columns += [Column("cases", _t(lang, "Số cuộc thanh tra", "Inspections"), "int", 12),
                Column("concluded", _t(lang, "Kết luận đã ban hành", "Conclusions issued"), "int",
                       12),
                Column("v_money", _t(lang, "Tiền (đồng)", "Money (VND)"), "money", 18, money),
                Column("v_land", _t(lang, "Đất (m²)", "Land (m²)"), "area", 12, money),
                Column("r_money", _t(lang, "Tiền (đồng)", "Money (VND)"), "money", 18, land),
                Column("r_land", _t(lang, "Đất (m²)", "Land (m²)"), "area", 12, land)]

    def figures(ind) -> tuple:
        return (ind.carried_out, ind.conclusions_issued, ind.violation_money,
                ind.violation_land_m2, ind.recovery_money, ind.recovery_land_m2)
    rows, number, sub_number = [], 0, 0
    for line in result.lines:
        if line.kind == "subtotal" or not then:
            number, sub_number = number + 1, 0
            label = (line.group,) + (("",) if then else ())
            rows.append(((number, *label, *figures(line.figures)), line.kind == "subtotal"))
        else:
            sub_number += 1
            rows.append(((f"{number}.{sub_number}", "", line.sub, *figures(line.figures)), False))
    rows.append((("", _t(lang, "TỔNG CỘNG", "TOTAL"), *(("",) if then else ()),
                  *figures(result.total)), True))
    if start:
        period = _t(lang, "Từ ngày ", "From ") + format_date(start) + \
            _t(lang, " đến ngày ", " to ") + format_date(result.end)
    else:
        period = _t(lang, "Toàn bộ hồ sơ đến ngày ", "All cases to ") + \
            format_date(result.end)
    title = _t(lang, "TỔNG HỢP KẾT QUẢ THANH TRA THEO ", "INSPECTION RESULTS BY ") + name.upper() \
        + ((_t(lang, " VÀ ", " AND ") + sub_name.upper()) if then else "")
    write_summary(target, title=title, subtitle=period, unit_name=_agency(vs), columns=columns,
                  rows=rows, level_label=level.label_vi.upper() if level else None,
                  sheet_name=_t(lang, "Tổng hợp", "Summary"), lang=lang)
    with vs.uow() as uow:
        _audit(vs, uow, "export.summary", target, len(result.lines), level, reason,
               by=by, then=then or "")
        uow.commit()
    return ExportResult(target, len(result.lines), level)


# --- helpers -------------------------------------------------------------------------------

def export_follow_up(vs: VaultSession, path: Path, start: date, end: date, reason: str = "",
                     lang: str = "vi") -> ExportResult:
    lines = recommendations.follow_up(vs, start, end)
    level = _max_level(vs, {line.case_code for line in lines})
    target = _classified_target(path, level, reason)
    columns = [Column("case", _t(lang, "Mã hồ sơ", "Case"), "text", 16),
               Column("title", _t(lang, "Tên cuộc thanh tra", "Inspection"), "text", 36),
               Column("concluded", _t(lang, "Ngày kết luận", "Concluded"), "date", 12),
               Column("kind", _t(lang, "Loại kiến nghị", "Kind"), "text", 22),
               Column("content", _t(lang, "Nội dung kiến nghị", "Recommendation"), "text", 40),
               Column("addressee", _t(lang, "Đơn vị thực hiện", "Who must act"), "text", 24),
               Column("amount", _t(lang, "Kiến nghị thu hồi (đồng)", "Recommended (VND)"),
                      "money", 18),
               Column("recovered", _t(lang, "Đã thu hồi (đồng)", "Recovered (VND)"), "money", 18),
               Column("outstanding", _t(lang, "Còn phải thu (đồng)", "Outstanding (VND)"),
                      "money", 18),
               Column("area", _t(lang, "Đất kiến nghị thu hồi (m²)", "Land recommended (m²)"),
                      "area", 14),
               Column("area_done", _t(lang, "Đất đã thu hồi (m²)", "Land recovered (m²)"),
                      "area", 14),
               Column("due", _t(lang, "Hạn", "Due"), "date", 12),
               Column("status", _t(lang, "Tình trạng", "Status"), "text", 20)]
    rows = [(line.case_code, line.title, line.concluded, rec.label(rec.KINDS, i.kind, lang),
             i.content, i.addressee, i.amount_money, i.recovered_money, i.outstanding_money,
             i.area_m2, i.recovered_area_m2, i.due, rec.label(rec.STATUSES, i.status, lang))
            for line in lines for i in line.items]
    period = f"{start.strftime('%d/%m/%Y')} – {end.strftime('%d/%m/%Y')}"
    count = write_register(
        target, title=_t(lang, "THEO DÕI THỰC HIỆN KẾT LUẬN THANH TRA",
                         "FOLLOW-UP OF INSPECTION CONCLUSIONS"),
        subtitle=_t(lang, "Kỳ ", "Period ") + period, unit_name=_agency(vs), columns=columns,
        rows=rows,
        level_label=level.label_vi.upper() if level else None,
        sheet_name=_t(lang, "Theo dõi kết luận", "Follow-up"), lang=lang)
    with vs.uow() as uow:
        _audit(vs, uow, "export.follow_up", target, count, level, reason)
        uow.commit()
    return ExportResult(target, count, Level(level))


def _classified_target(path, level: Level, reason: str) -> Path:
    """Classified content needs a reason, and its file name carries the level (MAT_…)."""
    _require_reason(level, reason)
    return classified_file_name(Path(path), level.label_vi.upper()) if level else Path(path)


def _require_reason(level: Level, reason: str) -> None:
    if level > Level.THUONG and not (reason or "").strip():
        raise InvalidInput("export.reason_required", level=level.label_vi)


def _max_level(vs: VaultSession, codes: set[str]) -> Level:
    if not codes:
        return Level.THUONG
    with vs.uow() as uow:
        return Level(export_rows.max_level_of(uow.session, sorted(codes)))


def _audit(vs: VaultSession, uow, action: str, target: Path, rows: int, level: Level, reason: str,
           **extra) -> None:
    audit_log.append(uow.session, vs.signer, vs.actor.username, action, target.name, rows=rows,
                     level=int(level), reason=reason.strip(), **extra)


def _d(value):
    return parse_date(value) if isinstance(value, str) and value else value


def _t(lang: str, vi: str, en: str) -> str:
    return in_language((vi, en), lang)

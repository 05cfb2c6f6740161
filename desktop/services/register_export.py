"""The state-secret registers to Excel (Circular 24/2020/TT-BCA, forms verify: Decree
63/2026 may replace them): incoming (form 15), outgoing (form 14), the classified
documents kept here, the copy register (form 12) and the yearly statistics (form 18).

Each register is written with the sector's layout (exchange/excel/writer.write_register):
the form's title and columns, the year, an empty "Ký nhận" column for the signatures the
paper register asks for, and the highest level of its rows in the red banner, the page
header/footer and the file name (MAT_…). A classified export needs a reason and is
audited ("export.register") with who, what, how many rows and why; rows the exporter is
not cleared for carry only their number, type, date and level, as on screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from desktop.domain.dates import format_date
from desktop.domain.errors import InvalidInput
from desktop.domain.levels import Level
from desktop.domain.messages import in_language, register
from desktop.domain.progress import Progress
from desktop.storage.resource_files import load_state_secret_rules
from desktop.exchange.excel.writer import (Column, Manifest, classified_file_name,
                                           write_register)
from desktop.services import audit_log, secret_registers
from desktop.services.context import VaultSession

register({
    "register_export.bad_kind": (
        "Loại sổ “{kind}” không hợp lệ (incoming, outgoing, internal, copies, statistics).",
        "Invalid register “{kind}” (incoming, outgoing, internal, copies, statistics)."),
    "register_export.reason_required": (
        "Sổ có tài liệu {level}: phải ghi lý do xuất.",
        "The register holds {level} documents: a reason is required."),
})

KINDS = ("incoming", "outgoing", "internal", "copies", "statistics")
_FORMS = {"incoming": "incoming", "outgoing": "outgoing", "copies": "copies",
          "statistics": "statistics"}
_TITLES_EN = {"incoming": "INCOMING STATE SECRETS REGISTER",
              "outgoing": "OUTGOING STATE SECRETS REGISTER",
              "internal": "REGISTER OF CLASSIFIED DOCUMENTS KEPT HERE",
              "copies": "REGISTER OF COPIES OF STATE SECRETS",
              "statistics": "STATE SECRETS STATISTICS"}
_TITLE_INTERNAL_VI = "Sổ theo dõi tài liệu bí mật nhà nước nội bộ"


@dataclass(frozen=True)
class RegisterExport:
    path: Path
    rows: int
    level: Level
    kind: str
    year: int

    def to_json(self) -> dict:
        return {"path": str(self.path), "rows": self.rows, "level": self.level.label_vi,
                "kind": self.kind, "year": self.year}


def _t(lang: str, vi: str, en: str) -> str:
    return in_language((vi, en), lang)


def register_title(kind: str, lang: str = "vi") -> str:
    """The form's title in capitals ("SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐI")."""
    _check_kind(kind)
    if lang != "vi":
        return _TITLES_EN[kind]
    if kind == "internal":
        return _TITLE_INTERNAL_VI.upper()
    spec = load_state_secret_rules().registers.get(_FORMS[kind], {})
    return str(spec.get("title") or _TITLES_EN[kind]).upper()


def form_number(kind: str) -> str | None:
    """"14", "15", "12", "18" (None: the internal list has no form)."""
    _check_kind(kind)
    if kind == "internal":
        return None
    spec = load_state_secret_rules().registers.get(_FORMS[kind], {})
    return str(spec.get("form")) if spec.get("form") else None


def columns(kind: str, lang: str = "vi") -> list[Column]:
    """The form's columns, in its order."""
    _check_kind(kind)
    h = lambda vi, en: _t(lang, vi, en)  # noqa: E731
    doc = h("Tài liệu, vật chứa bí mật nhà nước", "Document")
    if kind == "incoming":
        return [
            Column("seq", h("Số đến", "No."), "int", 8),
            Column("received", h("Ngày đến", "Received"), "date", 12),
            Column("sender", h("Nơi gửi", "Sender"), "text", 24),
            Column("number", h("Số, ký hiệu", "Number"), "text", 16, doc),
            Column("date", h("Ngày tháng", "Date"), "date", 12, doc),
            Column("summary", h("Tên loại và trích yếu nội dung", "Type and summary"), "text", 44,
                   doc),
            Column("level", h("Độ mật", "Level"), "text", 10),
            Column("copies", h("Số lượng bản", "Copies"), "int", 8),
            Column("handler", h("Đơn vị, người nhận", "Received by"), "text", 20),
            Column("sign", h("Ký nhận", "Signature"), "text", 12),
            Column("note", h("Ghi chú", "Note"), "text", 18),
        ]
    if kind in ("outgoing", "internal"):
        return [
            Column("seq", h("Số", "No."), "int", 8),
            Column("date", h("Ngày tháng", "Date"), "date", 12),
            Column("number", h("Số, ký hiệu", "Number"), "text", 16),
            Column("summary", h("Tên loại và trích yếu nội dung", "Type and summary"), "text", 44),
            Column("signer", h("Người ký", "Signed by"), "text", 18),
            Column("recipient", h("Nơi nhận", "Recipients"), "text", 26),
            Column("copies", h("Số lượng bản", "Copies"), "int", 8),
            Column("level", h("Độ mật", "Level"), "text", 10),
            Column("handler", h("Đơn vị, người lưu", "Kept by"), "text", 18),
            Column("sign", h("Ký nhận", "Signature"), "text", 12),
            Column("note", h("Ghi chú", "Note"), "text", 18),
        ]
    if kind == "copies":
        return [
            Column("seq", h("STT", "No."), "int", 6),
            Column("copy_date", h("Ngày sao, chụp", "Copied on"), "date", 12),
            Column("number", h("Số, ký hiệu", "Number"), "text", 16, doc),
            Column("date", h("Ngày tháng", "Date"), "date", 12, doc),
            Column("summary", h("Tên loại và trích yếu nội dung", "Type and summary"), "text", 36,
                   doc),
            Column("level", h("Độ mật", "Level"), "text", 10),
            Column("copies", h("Số bản sao, chụp", "Copies"), "int", 8),
            Column("method", h("Hình thức", "Method"), "text", 10),
            Column("approved_by", h("Người cho phép", "Approved by"), "text", 18),
            Column("made_by", h("Người thực hiện", "Made by"), "text", 18),
            Column("recipients", h("Nơi nhận bản sao", "Copies sent to"), "text", 22),
            Column("reason", h("Lý do", "Reason"), "text", 22),
        ]
    return [
        Column("level", h("Độ mật", "Level"), "text", 12),
        Column("incoming", h("Đến", "Incoming"), "int", 8, h("Đăng ký trong kỳ", "Registered")),
        Column("outgoing", h("Đi", "Outgoing"), "int", 8, h("Đăng ký trong kỳ", "Registered")),
        Column("internal", h("Nội bộ", "Internal"), "int", 8, h("Đăng ký trong kỳ", "Registered")),
        Column("copies_made", h("Số bản sao, chụp", "Copies made"), "int", 10),
        Column("level_changes", h("Điều chỉnh độ mật", "Level changes"), "int", 10),
        Column("declassified", h("Giải mật", "Declassified"), "int", 9),
        Column("extended", h("Gia hạn", "Extended"), "int", 9),
        Column("destroyed", h("Tiêu hủy", "Destroyed"), "int", 9),
        Column("held_at_end", h("Đang quản lý cuối kỳ", "Held at period end"), "int", 12),
    ]


def hidden_text(lang: str = "vi") -> str:
    return _t(lang, "(không đủ độ mật)", "(not cleared)")


def register_rows(kind: str, rows: list, lang: str = "vi") -> list[tuple]:
    """Register rows (secret_registers DTOs) as the form's cells, in column order."""
    _check_kind(kind)
    hidden = hidden_text(lang)

    def shown(row, value):
        return (value or "") if row.cleared else ""

    def summary(row):
        if not row.cleared:
            return " ".join(p for p in (row.doc_type, hidden) if p)
        return " ".join(p for p in (row.doc_type, row.summary or "") if p).strip()

    out: list[tuple] = []
    if kind == "incoming":
        for r in rows:
            out.append((r.seq, r.received_date, shown(r, r.sender), r.number, r.doc_date,
                        summary(r), r.level.label(lang), r.copies, shown(r, r.handler), "",
                        shown(r, r.note)))
    elif kind in ("outgoing", "internal"):
        for r in rows:
            out.append((r.seq, r.doc_date, r.number, summary(r), shown(r, r.signer),
                        shown(r, r.recipient), r.copies, r.level.label(lang),
                        shown(r, r.handler), "", shown(r, r.note)))
    elif kind == "copies":
        for r in rows:
            out.append((r.seq, r.copy_date, r.number, r.doc_date, summary(r), r.level.label(lang),
                        r.copies, r.method, r.approved_by, r.made_by, shown(r, r.recipients),
                        shown(r, r.reason)))
    else:
        stats = rows[0]
        for level in (lv for lv in Level if lv > Level.THUONG):
            code = level.code
            reg = stats.registered.get(code, {})
            out.append((level.label(lang), reg.get("incoming", 0), reg.get("outgoing", 0),
                        reg.get("internal", 0), stats.copies_made.get(code, 0),
                        stats.level_changes.get(code, 0), stats.declassified.get(code, 0),
                        stats.extended.get(code, 0), stats.destroyed.get(code, 0),
                        stats.held_at_end.get(code, 0)))
    return out


def fetch(vs: VaultSession, kind: str, year: int) -> list:
    """The register's rows (the statistics: a one-item list)."""
    _check_kind(kind)
    if kind == "incoming":
        return secret_registers.incoming_register(vs, year)
    if kind == "outgoing":
        return secret_registers.outgoing_register(vs, year)
    if kind == "internal":
        return secret_registers.internal_register(vs, year)
    if kind == "copies":
        return secret_registers.copy_register(vs, year)
    return [secret_registers.yearly_statistics(vs, year)]


def export_level(kind: str, rows: list) -> Level:
    """The mark of the file: the highest level of its rows (the statistics are counts
    only, nothing a document says: not marked)."""
    if kind == "statistics" or not rows:
        return Level.THUONG
    return max((Level(r.level) for r in rows), default=Level.THUONG)


def export_register(vs: VaultSession, kind: str, year: int, path: Path | str, reason: str = "",
                    lang: str = "vi", unit_name: str = "",
                    progress: Progress | None = None) -> RegisterExport:
    """Write one register of `year` to `path` (the level prefix is put in front of the
    file name when it holds classified rows). Returns where it went and what it held;
    progress(rows written) may stop it (domain.progress)."""
    _check_kind(kind)
    reason = " ".join((reason or "").split())
    rows = fetch(vs, kind, year)
    level = export_level(kind, rows)
    if level > Level.THUONG and not reason:
        raise InvalidInput("register_export.reason_required", level=level.label_vi)
    mark = level.label_vi.upper() if level > Level.THUONG else None
    target = classified_file_name(Path(path), mark) if mark else Path(path)
    if kind == "statistics":
        stats = rows[0]
        period = _t(lang, "Số liệu từ ngày {a} đến ngày {b}", "Data from {a} to {b}").format(
            a=format_date(stats.period_from), b=format_date(stats.period_to))
    else:
        period = _t(lang, "Năm {y}", "Year {y}").format(y=year)
    form = form_number(kind)
    subtitle = period
    if form:
        subtitle = _t(lang, "(Mẫu số {f} – Thông tư 24/2020/TT-BCA) · ",
                      "(Form {f}, Circular 24/2020/TT-BCA) · ").format(f=form) + period
    cells = register_rows(kind, rows, lang)
    keys = ([] if kind == "statistics" else
            [f"doc:{r.document_id}" for r in rows])
    manifest = Manifest(vault_id=vs.keys.vault_id, kind=f"register.{kind}",
                        exported_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                        exported_by=vs.actor.username, row_keys=keys) if keys else None
    with vs.uow() as uow:  # audited before the first byte is written
        audit_log.append(uow.session, vs.signer, vs.actor.username, "export.register",
                         target.name, kind=kind, year=year, rows=len(cells), level=int(level),
                         cleared_rows=sum(1 for r in rows if getattr(r, "cleared", True)),
                         reason=reason, folder=str(target.parent))
        uow.commit()
    try:
        count = write_register(target, title=register_title(kind, lang), subtitle=subtitle,
                               unit_name=unit_name, columns=columns(kind, lang), rows=cells,
                               level_label=mark, manifest=manifest,
                               sheet_name=_t(lang, "Thống kê", "Statistics") if kind == "statistics"
                               else _t(lang, "Sổ", "Register"),
                               lang=lang, progress=progress)
    except BaseException as exc:
        _audit_failed(vs, target, kind, year, exc)
        raise
    return RegisterExport(target, count, level, kind, year)


def _audit_failed(vs: VaultSession, target: Path, kind: str, year: int,
                  exc: BaseException) -> None:
    why = getattr(exc, "key", None) or type(exc).__name__
    try:
        with vs.uow() as uow:
            audit_log.append(uow.session, vs.signer, vs.actor.username,
                             "export.register_failed", target.name, kind=kind, year=year, why=why)
            uow.commit()
    except Exception:  # noqa: BLE001 — the original error is the one to report
        pass


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise InvalidInput("register_export.bad_kind", kind=kind)

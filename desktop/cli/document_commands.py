"""Sub-commands of documents (hoso doc …) and the state-secret registers (hoso register …)."""

import sys
from datetime import date
from pathlib import Path

from desktop.cli.args import (DocAddArgs, DocCopyArgs, DocDestroyArgs, DocExpiringArgs,
                              DocExportArgs, DocExtendArgs, DocLevelArgs, DocListArgs,
                              DocSearchArgs, DocShowArgs, DocVersionArgs, RegisterArgs)
from desktop.cli import print_json
from desktop.cli.commands import _level, clip, headers, open_session, table, vault_session
from desktop.cli.passwords import say
from desktop.cli.texts import label
from desktop.domain.dates import format_date, parse_date
from desktop.domain.errors import InvalidInput
from desktop.domain.levels import Level
from desktop.domain.messages import render
from desktop.domain.state_secrets import Direction
from desktop.services import documents, secret_registers


def _date(value: str | None) -> date | None:
    return parse_date(value) if value else None


def _direction(value: str) -> Direction:
    try:
        return Direction.parse(value)
    except ValueError:
        raise InvalidInput("input.bad_choice", value=value, field="--direction",
                           choices="in (đến), out (đi), internal (nội bộ)") from None


def _size(n: int | None) -> str:
    if n is None:
        return ""
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


class _Progress:
    """Percentages on stderr when it is a terminal; silent otherwise."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.shown = -1
        self.on = sys.stderr.isatty() and bool(total)

    def __call__(self, done: int, _total: int = 0) -> None:
        if not self.on:
            return
        percent = int(done * 100 / self.total)
        if percent != self.shown:
            self.shown = percent
            print(f"\r{percent:3d}%", end="", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.on and self.shown >= 0:
            print("\r    \r", end="", file=sys.stderr, flush=True)


def _file_size(path: str | None) -> int | None:
    try:
        return Path(path).stat().st_size if path else None
    except OSError:
        return None


def _level_text(level: Level, lang: str) -> str:
    return level.label(lang)


def _hidden(lang: str) -> str:
    return render("cli.doc.hidden", lang)


# --- doc -------------------------------------------------------------------------------

def cmd_doc_add(args: DocAddArgs) -> None:
    data = documents.DocumentInput(
        number=args.number, doc_type=args.type, level=_level(args.level),
        case_code=None if args.code in ("-", "") else args.code, doc_date=_date(args.date),
        issuer=args.issuer, summary=args.summary, note=args.note,
        direction=_direction(args.direction), received_date=_date(args.received),
        sender=args.sender, recipient=args.recipient, signer=args.signer, handler=args.handled_by,
        copies=args.copies, classified_on=_date(args.classified_on))
    vs, _ = open_session(args)
    progress = _Progress(_file_size(args.file))
    try:
        row = documents.add_document(vs, data, args.file, note=args.version_note,
                                     progress=progress)
    finally:
        progress.end()
        vs.close()
    if args.json:
        print_json(row.to_json())
        return
    say("doc.added", args.lang, number=row.number, id=row.id, level=row.level.label(args.lang))
    if row.reg_seq is not None:
        say("doc.added_register", args.lang, year=row.reg_year, seq=row.reg_seq)


def cmd_doc_version(args: DocVersionArgs) -> None:
    vs, _ = open_session(args)
    progress = _Progress(_file_size(args.file))
    try:
        info = documents.add_version(vs, args.id, args.file, note=args.note, progress=progress)
    finally:
        progress.end()
        vs.close()
    if args.json:
        print_json(info.to_json())
        return
    say("doc.version_added", args.lang, version=info.version, id=args.id)


def cmd_doc_list(args: DocListArgs) -> None:
    with vault_session(args) as vs:
        rows = documents.list_documents(vs, args.code or None)
    if args.json:
        print_json([r.to_json() for r in rows])
        return
    if not rows:
        say("doc.none", args.lang)
        return
    _print_rows(rows, args.lang)


def _print_rows(rows, lang: str) -> None:
    out = []
    for r in rows:
        summary = _hidden(lang) if not r.cleared else clip(r.summary or "", 50)
        state = render("cli.doc.destroyed", lang) if r.destroyed else (
            f"v{r.latest_version} {_size(r.size)}" if r.latest_version else "")
        out.append((str(r.id), r.number, r.doc_type, format_date(r.doc_date),
                    _level_text(r.level, lang), r.direction.label(lang), summary, state))
    table(out, headers(lang, ["Mã", "Số, ký hiệu", "Loại", "Ngày", "Độ mật", "Đi/đến", "Trích yếu",
                              "Nội dung"],
                       ["Id", "Number", "Type", "Date", "Level", "Direction", "Summary", "Content"]))


def cmd_doc_show(args: DocShowArgs) -> None:
    with vault_session(args) as vs:
        detail = documents.get_document(vs, args.id)
    if args.json:
        print_json(detail.to_json())
        return
    lang = args.lang
    r = detail.row
    mark = f"  [{r.level.label(lang).upper()}]" if r.level > Level.THUONG else ""
    print(f"{r.number}{mark}  (#{r.id})")
    lines = [("type", r.doc_type), ("date", format_date(r.doc_date)), ("case", r.case_code or ""),
             ("direction", r.direction.label(lang))]
    if r.reg_seq is not None:
        lines.append(("register_number", f"{r.reg_seq}/{r.reg_year}"))
    if r.protection_until:
        lines.append(("protection_until", format_date(r.protection_until)))
    if not r.cleared:
        _print_lines(lines, lang)
        print("  " + _hidden(lang))
        return
    lines += [("summary", r.summary or ""), ("issuer", r.issuer or ""),
              ("received", format_date(detail.received_date)), ("sender", detail.sender or ""),
              ("recipient", detail.recipient or ""), ("signer", detail.signer or ""),
              ("handler", detail.handler or ""), ("copies", str(detail.copies or "")),
              ("note", detail.note or "")]
    _print_lines(lines, lang)
    if r.destroyed:
        print("  " + render("cli.doc.content_destroyed", lang))
    if detail.versions:
        print(f"  {render('cli.doc.versions', lang)}:")
        for v in detail.versions:
            gone = (" — " + render("cli.doc.destroyed", lang)) if v.destroyed else ""
            note = f" — {v.note}" if v.note else ""
            digest = f"  sha256 {v.sha256[:16]}…" if v.sha256 else ""
            print(f"    v{v.version}  {v.file_name}  {_size(v.size)}  "
                  f"{v.created_at:%d/%m/%Y %H:%M}  {v.created_by}{digest}{note}{gone}")
    if detail.events:
        print(f"  {render('cli.events', lang)}:")
        for e in detail.events:
            change = ""
            if e.from_level is not None or e.to_level is not None:
                change = " " + " → ".join(x.label(lang) for x in (e.from_level, e.to_level)
                                          if x is not None)
            until = f" ({render('cli.doc.until', lang, date=format_date(e.until))})" if e.until else ""
            why = f" — {e.reason}" if e.reason else ""
            kind = label("doc_event", e.kind, lang)
            print(f"    {format_date(e.date)}  {kind}{change}{until}{why}")
    if detail.copy_records:
        print(f"  {render('cli.doc.copies_made', lang)}:")
        for c in detail.copy_records:
            print(f"    {format_date(c.copy_date)}  {c.copies} × {c.method} — {c.approved_by}: {c.reason}")


def _print_lines(lines: list[tuple[str, str]], lang: str) -> None:
    """The document's non-empty fields, one a line: (key in cli.doc.*, value)."""
    for name, value in lines:
        if value:
            print(f"  {render('cli.doc.' + name, lang)}: {value}")


def cmd_doc_export(args: DocExportArgs) -> None:
    vs, _ = open_session(args)
    progress = _Progress(None)
    try:
        path = documents.export_copy(vs, args.id, Path(args.out), args.reason,
                                     version=args.version, progress=progress)
    finally:
        progress.end()
        vs.close()
    if args.json:
        print_json({"path": str(path)})
    else:
        say("doc.exported", args.lang, path=str(path))


def cmd_doc_destroy(args: DocDestroyArgs) -> None:
    with vault_session(args) as vs:
        row = documents.destroy_document(vs, args.id, args.reason, reference=args.decision,
                                         decided_by=args.decided_by)
    if args.json:
        print_json(row.to_json())
    else:
        say("doc.destroyed_done", args.lang, number=row.number, id=row.id)


def cmd_doc_level(args: DocLevelArgs) -> None:
    level = _level(args.level)
    with vault_session(args) as vs:
        before = documents.get_document(vs, args.id).row.level
        row = documents.change_level(vs, args.id, level, args.reason, decided_by=args.decided_by,
                                     reference=args.decision, when=_date(args.date))
    if args.json:
        print_json(row.to_json())
    else:
        say("doc.level_changed", args.lang, number=row.number, before=before.label(args.lang),
            after=row.level.label(args.lang))


def cmd_doc_extend(args: DocExtendArgs) -> None:
    with vault_session(args) as vs:
        result = documents.extend_protection(vs, args.id, args.years, args.reason,
                                             decided_by=args.decided_by, reference=args.decision,
                                             when=_date(args.date))
    if args.json:
        data = result.row.to_json()
        data.update({"previous_until": result.previous_until.isoformat(), "late": result.late})
        print_json(data)
        return
    say("doc.extended", args.lang, number=result.row.number, until=format_date(result.until))
    if result.late:
        print(render("doc.extension_late", args.lang, days=result.notice_days), file=sys.stderr)


def cmd_doc_copy(args: DocCopyArgs) -> None:
    with vault_session(args) as vs:
        info = documents.record_copy(vs, args.id, args.copies, args.reason, args.approved_by,
                                     recipients=args.recipients, method=args.method,
                                     made_by=args.made_by, when=_date(args.date))
    if args.json:
        print_json(info.to_json())
    else:
        say("doc.copy_recorded", args.lang, copies=info.copies, number=f"#{info.document_id}")


def cmd_doc_search(args: DocSearchArgs) -> None:
    with vault_session(args) as vs:
        hits = documents.search_documents(vs, args.text, limit=args.limit)
    if args.json:
        print_json([h.to_json() for h in hits])
        return
    if not hits:
        say("doc.search_none", args.lang)
        return
    for h in hits:
        r = h.row
        where = f"v{h.version}" if h.version else render("cli.doc.in_record", args.lang)
        print(f"#{r.id}  {r.number}  [{r.level.label(args.lang)}]  {where}")
        if h.snippet:
            print(f"    {h.snippet}")


def cmd_doc_expiring(args: DocExpiringArgs) -> None:
    today = _date(args.today)
    with vault_session(args) as vs:
        rows = secret_registers.expiring(vs, args.within, today)
    if args.json:
        print_json([r.to_json() for r in rows])
        return
    if not rows:
        say("doc.expiring_none", args.lang)
        return
    lang = args.lang
    table([(str(r.document_id), r.number, r.level.label(lang), format_date(r.protection_until),
            str(r.days_left), clip(r.summary, 50) if r.cleared else _hidden(lang)) for r in rows],
          headers(lang, ["Mã", "Số, ký hiệu", "Độ mật", "Hết hạn bảo vệ", "Còn (ngày)", "Trích yếu"],
                  ["Id", "Number", "Level", "Protection ends", "Days left", "Summary"]))


# --- registers -------------------------------------------------------------------------

def cmd_register(args: RegisterArgs) -> None:
    year = args.year or date.today().year
    kind = args.kind
    with vault_session(args) as vs:
        if kind == "stats":
            stats = secret_registers.yearly_statistics(vs, year)
        elif kind == "copies":
            rows = secret_registers.copy_register(vs, year)
        else:
            rows = {"in": secret_registers.incoming_register,
                    "out": secret_registers.outgoing_register,
                    "internal": secret_registers.internal_register}[kind](vs, year)
    lang = args.lang
    if kind == "stats":
        if args.json:
            print_json(stats.to_json())
        else:
            _print_stats(stats, lang)
        return
    if args.json:
        print_json([r.to_json() for r in rows])
        return
    if not rows:
        say("register.none", lang, year=year)
        return
    hidden = _hidden(lang)
    if kind == "copies":
        table([(str(r.seq), format_date(r.copy_date), r.number, r.level.label(lang),
                str(r.copies), r.method, r.approved_by, r.made_by,
                clip(r.reason, 40) if r.cleared else hidden) for r in rows],
              headers(lang, ["STT", "Ngày sao", "Số, ký hiệu", "Độ mật", "Số bản", "Hình thức",
                             "Người cho phép", "Người sao", "Lý do"],
                      ["#", "Date", "Number", "Level", "Copies", "Method", "Approved by",
                       "Made by", "Reason"]))
        return
    if kind == "in":
        table([(str(r.seq), format_date(r.received_date), (r.sender or "") if r.cleared else "",
                r.number, format_date(r.doc_date),
                clip(r.summary, 40) if r.cleared else hidden, r.level.label(lang),
                (r.handler or "") if r.cleared else "", str(r.copies)) for r in rows],
              headers(lang, ["Số đến", "Ngày đến", "Nơi gửi", "Số, ký hiệu", "Ngày", "Trích yếu",
                             "Độ mật", "Người nhận", "Số bản"],
                      ["No.", "Received", "Sender", "Number", "Date", "Summary", "Level",
                       "Handler", "Copies"]))
        return
    table([(str(r.seq), format_date(r.doc_date), r.number,
            clip(r.summary, 40) if r.cleared else hidden, (r.signer or "") if r.cleared else "",
            (r.recipient or "") if r.cleared else "", str(r.copies), r.level.label(lang))
           for r in rows],
          headers(lang, ["Số", "Ngày", "Số, ký hiệu", "Trích yếu", "Người ký", "Nơi nhận",
                         "Số bản", "Độ mật"],
                  ["No.", "Date", "Number", "Summary", "Signer", "Recipient", "Copies", "Level"]))


def _print_stats(stats, lang: str) -> None:
    print(render("cli.register.stats_title", lang, year=stats.year,
                 start=format_date(stats.period_from), end=format_date(stats.period_to)))
    levels = [lv for lv in Level if lv > Level.THUONG]
    rows = []
    for lv in levels:
        reg = stats.registered.get(lv.code, {})
        rows.append((lv.label(lang), str(reg.get("incoming", 0)), str(reg.get("outgoing", 0)),
                     str(reg.get("internal", 0)), str(stats.copies_made.get(lv.code, 0)),
                     str(stats.level_changes.get(lv.code, 0)),
                     str(stats.declassified.get(lv.code, 0)), str(stats.extended.get(lv.code, 0)),
                     str(stats.destroyed.get(lv.code, 0)), str(stats.held_at_end.get(lv.code, 0))))
    table(rows, headers(lang, ["Độ mật", "Đến", "Đi", "Nội bộ", "Bản sao", "Đổi độ mật", "Giải mật",
                               "Gia hạn", "Tiêu hủy", "Đang quản lý"],
                        ["Level", "In", "Out", "Internal", "Copies", "Level changes",
                         "Declassified", "Extended", "Destroyed", "Held"]))

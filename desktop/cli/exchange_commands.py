"""hoso import / hoso export."""

import sys
from pathlib import Path

from desktop.cli.args import ExportArgs, ImportArgs
from desktop.cli import print_json
from desktop.cli.commands import vault_session
from desktop.cli.hints import with_hint
from desktop.cli.passwords import say
from desktop.domain.errors import HosoError
from desktop.domain.messages import in_language, render
from desktop.exchange.excel import importspec, shown
from desktop.services import importer


def cmd_import(args: ImportArgs) -> int:
    # the wizard's steps: open the workbook → the kind (said, or guessed) → analyse → commit
    path = Path(args.file)
    workbook = importer.open_workbook(path)
    kind = args.kind or importer.guess_kind(workbook)
    if kind is None:
        raise HosoError("import.kind_unknown", file=path.name)
    if not args.kind and not args.json:
        say("import.kind_guessed", args.lang, kind=kind)
    with vault_session(args) as vs:
        plan = importer.analyse(vs, path, kind, year=args.year, workbook=workbook,
                                allow_foreign=args.allow_foreign,
                                swap_dates=importer.date_fields(kind, args.swap_dates),
                                keep_encoding=importer.text_fields(kind, args.keep_encoding))
        if args.errors and plan.problems:
            importer.write_errors(plan, Path(args.errors), args.lang)
        counts = plan.counts()
        failed = False
        if not args.dry_run:
            if counts["reject"] and not args.skip_errors:
                failed = True
            else:
                importer.commit(vs, plan, skip_rejected=args.skip_errors)
    if args.json:
        data = plan.to_json()
        data["dry_run"] = bool(args.dry_run)
        data["committed"] = not args.dry_run and not failed
        print_json(data)
    else:
        _print_plan(plan, args, committed=not args.dry_run and not failed)
    if failed:
        params = {"file": plan.path.name, "rejected": counts["reject"]}
        print(with_hint("import.rejected_all", render("import.rejected_all", args.lang, **params),
                        args.lang, params), file=sys.stderr)
        return 1
    return 0


ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}
_SHOWN_INSERTS = 50   # a dry run lists this many new rows in full (--json gives them all)


def _print_plan(plan: importer.ImportPlan, args, committed: bool) -> None:
    lang = args.lang
    counts = plan.counts()
    if committed or args.dry_run:
        say("import.done" if committed else "import.dry", lang, file=plan.path.name,
            inserted=counts["insert"], updated=counts["update"], unchanged=counts["unchanged"],
            rejected=counts["reject"])
    labels = {f.name: in_language((f.vi, f.en), lang) for f in importspec.KINDS[plan.kind]}
    if plan.unknown:
        say("import.unknown_columns", lang, columns=", ".join(f"“{u}”" for u in plan.unknown))
    if plan.missing:   # exported rows deleted from the file: said, never deleted from the vault
        say("import.missing_rows", lang, count=len(plan.missing), codes=", ".join(
            plan.missing[:30]) + (", …" if len(plan.missing) > 30 else ""))
    for name, found in plan.converted.items():   # TCVN3 / VNI text turned into Unicode
        before, after = found.samples[0] if found.samples else ("", "")
        key = "import.kept_encoding" if name in plan.keep_encoding else "import.converted"
        params = dict(column=labels.get(name, name), cells=found.cells, field=name,
                      encoding=ENCODING_NAMES[found.encoding], before=before, after=after)
        print(with_hint(key, render(key, lang, **params), lang, params))
    if plan.skipped:   # notes, totals, signatures… under the table: not data, not errors
        say("import.skipped_lines", lang, count=len(plan.skipped), lines="; ".join(
            f"{_row(k.row, lang)} ({k.label(lang)})" for k in plan.skipped[:20])
            + ("; …" if len(plan.skipped) > 20 else ""))
    empty = render("cli.import.empty", lang)
    for row in plan.rows:
        if row.action == "update":
            changes = "; ".join(f"{labels.get(c.field, c.field)}: {c.texts(lang)[0] or empty} → "
                                f"{c.texts(lang)[1] or empty}" for c in row.changes)
            print(f"  ~ {row.key} ({_row(row.row, lang)}): {changes}")
    if args.dry_run:   # what each new row will hold, as it will be stored
        inserts = [row for row in plan.rows if row.action == "insert"]
        for row in inserts[:_SHOWN_INSERTS]:
            values = shown.row_texts(importspec.KINDS[plan.kind], row.values, lang)
            print(f"  + {row.key} ({_row(row.row, lang)}): " + "; ".join(
                f"{labels.get(name, name)}: {text}" for name, text in values.items()
                if text != row.key))
        if len(inserts) > _SHOWN_INSERTS:
            print(f"  + … {len(inserts) - _SHOWN_INSERTS}")
    for problem in plan.problems[:200]:
        where = "" if problem.col is not None else f"{_row(problem.row, lang)}: "
        text = with_hint(problem.key, problem.message(lang), lang, problem.params)
        print(f"  ! [{problem.sheet}] {where}{text}")
    if len(plan.problems) > 200:
        print(f"  … {len(plan.problems) - 200}")
    if args.errors and plan.problems:
        say("import.errors_written", lang, path=args.errors)


def _row(index: int, lang: str) -> str:
    """A worksheet row as a spreadsheet numbers it (the reader counts from 0)."""
    return render("cli.import.row", lang, n=index + 1)


def cmd_export(args: ExportArgs) -> None:
    from desktop.domain.dates import parse_date
    from desktop.domain.errors import InvalidInput
    from desktop.services import exporter
    out = Path(args.out)
    if args.format:   # --format ods: OUT.ods (the writer writes by the extension)
        out = out.with_suffix("." + args.format)
    elif out.suffix.lower() not in (".xlsx", ".ods"):
        out = out.with_name(out.name + ".xlsx")
    with vault_session(args) as vs:
        if args.kind == "cases":
            result = exporter.export_cases(vs, out, args.reason, args.lang, search=args.search)
        elif args.kind == "overdue":
            as_of = parse_date(args.as_of) if args.as_of else None
            result = exporter.export_overdue(vs, out, args.reason, args.lang, as_of, args.within)
        elif args.kind == "plan":
            if not args.year:
                raise InvalidInput("input.required", field="--year")
            as_of = parse_date(args.as_of) if args.as_of else None
            result = exporter.export_plan(vs, out, args.year, args.reason, args.lang, as_of)
        elif args.kind == "summary":
            if not args.by:
                raise InvalidInput("input.required", field="--by")
            result = exporter.export_summary(
                vs, out, args.by, args.then, parse_date(args.start) if args.start else None,
                parse_date(args.end) if args.end else None, args.reason, args.lang)
        elif args.kind == "follow-up":
            if not args.start or not args.end:
                raise InvalidInput("input.required", field="--from / --to")
            result = exporter.export_follow_up(vs, out, parse_date(args.start), parse_date(args.end),
                                      args.reason, args.lang)
        else:
            if not args.start or not args.end:
                raise InvalidInput("input.required", field="--from / --to")
            result = exporter.export_report(vs, out, parse_date(args.start), parse_date(args.end),
                                            args.unit or None, args.reason, args.lang)
    if args.json:
        print_json(result.to_json())
    else:
        say("export.done", args.lang, rows=result.rows, path=str(result.path))

"""hoso import / hoso export."""

import sys
from pathlib import Path

from desktop.cli import print_json
from desktop.cli.commands import open_session
from desktop.cli.passwords import say
from desktop.domain.messages import render
from desktop.exchange.excel import importspec
from desktop.services import importer


def cmd_import(args) -> int:
    vs, _ = open_session(args)
    try:
        plan = importer.analyse(vs, Path(args.file), args.kind, year=args.year,
                                allow_foreign=args.allow_foreign)
        if args.errors and plan.problems:
            importer.write_errors(plan, Path(args.errors), args.lang)
        counts = plan.counts()
        failed = False
        if not args.dry_run:
            if counts["reject"] and not args.skip_errors:
                failed = True
            else:
                importer.commit(vs, plan, skip_rejected=args.skip_errors)
    finally:
        vs.close()
    if args.json:
        data = plan.to_json()
        data["dry_run"] = bool(args.dry_run)
        data["committed"] = not args.dry_run and not failed
        print_json(data)
    else:
        _print_plan(plan, args, committed=not args.dry_run and not failed)
    if failed:
        print(render("import.rejected_all", args.lang, file=plan.path.name, rejected=counts["reject"]),
              file=sys.stderr)
        return 1
    return 0


def _print_plan(plan: importer.ImportPlan, args, committed: bool) -> None:
    lang = args.lang
    counts = plan.counts()
    if committed or args.dry_run:
        say("import.done" if committed else "import.dry", lang, file=plan.path.name,
            inserted=counts["insert"], updated=counts["update"], unchanged=counts["unchanged"],
            rejected=counts["reject"])
    labels = {f.name: (f.vi if lang == "vi" else f.en) for f in importspec.KINDS[plan.kind]}
    if plan.unknown:
        say("import.unknown_columns", lang, columns=", ".join(f"“{u}”" for u in plan.unknown))
    for row in plan.rows:
        if row.action == "update":
            changes = "; ".join(f"{labels.get(c.field, c.field)}: {importer._plain(c.old)!s} → "
                                f"{importer._plain(c.new)!s}"
                                for c in row.changes)
            print(f"  ~ {row.key} ({'dòng' if lang == 'vi' else 'row'} {row.row + 1}): {changes}")
    row_word = "dòng" if lang == "vi" else "row"
    for problem in plan.problems[:200]:
        where = "" if problem.col is not None else f"{row_word} {problem.row + 1}: "
        print(f"  ! [{problem.sheet}] {where}{problem.message(lang)}")
    if len(plan.problems) > 200:
        print(f"  … {len(plan.problems) - 200}")
    if args.errors and plan.problems:
        say("import.errors_written", lang, path=args.errors)

"""hoso case edit / history: changing a case after its creation, and what was changed."""

from desktop.cli.args import CaseEditArgs, CaseEventFixArgs, CaseHistoryArgs, CaseTeamArgs
from desktop.cli import print_json
from desktop.cli.commands import clip, headers, table, vault_session
from desktop.cli.passwords import say
from desktop.domain import case_fields
from desktop.domain.dates import format_date, parse_date
from desktop.services import case_edit, event_fix


def cmd_case_edit(args: CaseEditArgs) -> None:
    edit_and_say(args, {field: value for field in case_fields.FIELDS
                        if (value := getattr(args, f"set_{field}", None)) is not None})


def edit_and_say(args, changes: dict) -> None:
    """Apply `changes` to the case and say which fields changed (hoso case edit, result)."""
    with vault_session(args) as vs:
        done = case_edit.edit_case(vs, args.code, changes, args.reason)
    if args.json:
        print_json([c.to_json() for c in done])
    elif not done:
        say("case.no_change", args.lang, code=args.code)
    else:
        say("case.edited", args.lang, code=args.code,
            fields=", ".join(case_fields.label(c.field, args.lang) for c in done))


def cmd_case_history(args: CaseHistoryArgs) -> None:
    with vault_session(args) as vs:
        rows = case_edit.history(vs, args.code)
    if args.json:
        print_json([c.to_json() for c in rows])
        return
    lang = args.lang
    table([(c.at.strftime("%d/%m/%Y %H:%M"), c.by, case_fields.label(c.field, lang),
            clip(case_fields.shown(c.field, c.old, lang), 40),
            clip(case_fields.shown(c.field, c.new, lang), 40), clip(c.reason, 40)) for c in rows],
          headers(lang, ["Lúc", "Người sửa", "Mục", "Cũ", "Mới", "Lý do"],
                  ["When", "By", "Field", "Old", "New", "Reason"]))


def cmd_case_event_fix(args: CaseEventFixArgs) -> None:
    with vault_session(args) as vs:
        fixed = event_fix.fix_event(vs, args.code, args.event_id,
                                    when=parse_date(args.date) if args.date else None,
                                    doc_ref=args.doc, void=args.void, reason=args.reason)
    if args.json:
        print_json(fixed.to_json() if fixed else None)
    else:
        say("case.event_voided" if fixed is None else "case.event_fixed", args.lang,
            id=args.event_id, code=args.code)


def cmd_case_team(args: CaseTeamArgs) -> None:
    from desktop.services import case_team
    lang = args.lang
    with vault_session(args) as vs:
        if args.action:
            if not args.name or not args.since:
                from desktop.domain.errors import InvalidInput
                raise InvalidInput("input.required", field="NAME --from DD/MM/YYYY")
            since = parse_date(args.since)
            if args.action == "add":
                role = cases_parse_role(args.role)
                case_team.add_member(vs, args.code, args.name, role, since)
            elif args.action == "remove":
                case_team.remove_member(vs, args.code, args.name, since)
            else:
                case_team.replace_leader(vs, args.code, args.name, since)
        members = case_team.team(vs, args.code)
    if args.json:
        print_json([m.to_json() for m in members])
        return
    if args.action:
        say("team.changed", lang, code=args.code)
    table([(m.name, m.role.label(lang), _d(m.since), _d(m.until)) for m in members],
          headers(lang, ["Họ tên", "Vai trò", "Từ ngày", "Đến ngày"],
                  ["Name", "Role", "From", "To"]))


def cases_parse_role(text):
    from desktop.services.cases import parse_team
    return parse_team([f"x:{text or 'member'}"])[0][1]


def _d(day) -> str:
    return format_date(day) if day else ""

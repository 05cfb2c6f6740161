"""hoso plan approve | item-edit | item-remove | amendments: the plan changed before and
after its approval."""

from desktop.cli.args import (PlanAmendmentsArgs, PlanApproveArgs, PlanItemEditArgs,
                              PlanItemRemoveArgs)
from desktop.cli import print_json
from desktop.cli.commands import clip, headers, table, vault_session
from desktop.cli.passwords import say
from desktop.cli.texts import label
from desktop.domain.dates import format_date, parse_date
from desktop.services import plan_changes


def _decision(args):
    return args.amendment_number, parse_date(args.amendment_date) if args.amendment_date else None


def cmd_plan_approve(args: PlanApproveArgs) -> None:
    with vault_session(args) as vs:
        plan_changes.approve(vs, args.year, args.decision_number, parse_date(args.decision_date))
    say("plan.approved", args.lang, year=args.year)


def cmd_plan_item_edit(args: PlanItemEditArgs) -> None:
    changes = {key: value for key in ("party", "content", "quarter", "days", "team_size")
               if (value := getattr(args, key)) is not None}
    with vault_session(args) as vs:
        plan_changes.change_item(vs, args.item, changes, *_decision(args))
    say("plan.item_changed", args.lang, item=args.item)


def cmd_plan_item_remove(args: PlanItemRemoveArgs) -> None:
    with vault_session(args) as vs:
        plan_changes.remove_item(vs, args.item, *_decision(args))
    say("plan.item_removed", args.lang, item=args.item)


def cmd_plan_amendments(args: PlanAmendmentsArgs) -> None:
    with vault_session(args) as vs:
        found = plan_changes.amendments(vs, args.year)
    if args.json:
        print_json([a.to_json() for a in found])
        return
    lang = args.lang
    table([(format_date(a.decision_date), a.decision_number, label("amendment", a.action, lang),
            clip(a.before, 40), clip(a.after, 40), a.by) for a in found],
          headers(lang, ["Ngày QĐ", "Số QĐ điều chỉnh", "Việc", "Trước", "Sau", "Người ghi"],
                  ["Decision date", "Amending decision", "Action", "Before", "After", "By"]))

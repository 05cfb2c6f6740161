"""hoso case result, hoso recommendation add|update|list, hoso report follow-up: the
conclusion's figures, its recommendations and their follow-up."""

from desktop.cli.args import (CaseResultArgs, RecommendationAddArgs, RecommendationListArgs,
                              RecommendationUpdateArgs, ReportFollowUpArgs)
from desktop.cli import print_json
from desktop.cli.commands import _float, _int, clip, headers, table, vault_session
from desktop.cli.passwords import say
from desktop.domain import recommendations as rec
from desktop.domain.dates import format_date, parse_date
from desktop.domain.numbers import format_int
from desktop.cli.case_commands import edit_and_say
from desktop.services import recommendations

RESULT_OPTIONS = (("violation_money", "--violation-money"), ("violation_land_m2", "--violation-land"),
                  ("recovery_money", "--recovery-money"), ("recovery_land_m2", "--recovery-land"),
                  ("disciplined_orgs", "--disciplined-orgs"),
                  ("disciplined_persons", "--disciplined-persons"),
                  ("referral_cases", "--referral-cases"), ("referral_persons", "--referral-persons"))


def cmd_case_result(args: CaseResultArgs) -> None:
    edit_and_say(args, {field: value for field, _option in RESULT_OPTIONS
                        if (value := getattr(args, f"result_{field}", None)) is not None})


def cmd_recommendation_add(args: RecommendationAddArgs) -> None:
    with vault_session(args) as vs:
        new_id = recommendations.add(vs, args.code, args.kind, args.to, args.content,
                                     _int(args.money, "--money"), _float(args.area, "--area"),
                                     parse_date(args.due) if args.due else None)
    if args.json:
        print_json({"id": new_id})
    else:
        say("recommendation.added", args.lang, id=new_id, code=args.code)


def cmd_recommendation_update(args: RecommendationUpdateArgs) -> None:
    with vault_session(args) as vs:
        recommendations.update(
            vs, args.id, parse_date(args.date), args.status,
            _int(args.recovered_money, "--recovered-money") if args.recovered_money else None,
            _float(args.recovered_area, "--recovered-area") if args.recovered_area else None,
            args.note)
    say("recommendation.updated", args.lang, id=args.id)


def cmd_recommendation_list(args: RecommendationListArgs) -> None:
    with vault_session(args) as vs:
        items = recommendations.list_for(vs, args.case,
                                         parse_date(args.as_of) if args.as_of else None)
    if args.json:
        print_json([i.to_json(args.lang) for i in items])
        return
    lang = args.lang
    table([(i.id, i.case_code, rec.label(rec.KINDS, i.kind, lang), clip(i.addressee, 28),
            format_int(i.amount_money, lang), format_int(i.recovered_money, lang),
            format_int(i.outstanding_money, lang), format_date(i.due),
            rec.label(rec.STATUSES, i.status, lang)) for i in items],
          headers(lang, ["Số", "Hồ sơ", "Loại", "Đơn vị thực hiện", "Kiến nghị (đ)", "Đã thu (đ)",
                         "Còn lại (đ)", "Hạn", "Tình trạng"],
                  ["#", "Case", "Kind", "Addressee", "Recommended", "Recovered", "Outstanding",
                   "Due", "Status"]))


def cmd_report_follow_up(args: ReportFollowUpArgs) -> None:
    with vault_session(args) as vs:
        lines = recommendations.follow_up(vs, parse_date(args.start), parse_date(args.end))
    if args.json:
        print_json([line.to_json(args.lang) for line in lines])
        return
    lang = args.lang
    table([(line.case_code, clip(line.title, 44), format_date(line.concluded),
            f"{line.settled}/{len(line.items)}", format_int(line.recommended_money, lang),
            format_int(line.recovered_money, lang), format_int(line.outstanding_money, lang))
           for line in lines],
          headers(lang, ["Hồ sơ", "Tên cuộc thanh tra", "Kết luận", "Kiến nghị xong",
                         "Kiến nghị thu (đ)", "Đã thu (đ)", "Còn phải thu (đ)"],
                  ["Case", "Title", "Concluded", "Done", "Recommended", "Recovered",
                   "Outstanding"]))

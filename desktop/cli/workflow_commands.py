"""Sub-commands of deadlines, plans, the period review, the calendar and settings."""

from datetime import date

from desktop.cli.args import (CalendarSetArgs, CalendarShowArgs, CaseDeadlinesArgs, OverdueArgs,
                              PlanCreateArgs, PlanItemArgs, PlanListArgs, PlanShowArgs,
                              PlanStartArgs, ReportPeriodArgs, RulesArgs, SettingsListArgs,
                              SettingsSetArgs)
from desktop.cli import print_json
from desktop.cli.commands import case_input, clip, headers, table, vault_session
from desktop.cli.passwords import say
from desktop.cli.texts import label
from desktop.domain.dates import format_date, format_iso_date, parse_date
from desktop.domain.deadlines import Deadline, DeadlineState
from desktop.domain.messages import in_language, render
from desktop.domain.numbers import format_number
from desktop.domain.rules import cited_in
from desktop.services import calendar_service, deadlines_service, plans, report, settings


def _as_of(args) -> date | None:
    return parse_date(args.as_of) if getattr(args, "as_of", None) else None


def _print_deadlines(found: list[Deadline], lang: str, with_case: bool) -> None:
    rows = []
    for d in found:
        state = d.state.label(lang)
        if d.state in (DeadlineState.OVERDUE, DeadlineState.MET_LATE):
            state += " " + render("cli.days", lang, n=abs(d.days))
        elif d.state is DeadlineState.DUE_SOON:
            state += f" ({render('cli.days', lang, n=d.days)})"
        # a due date resting on a figure still to verify carries a mark, explained below
        row = (d.label(lang) + (f" — {d.subject}" if d.subject else ""),
               format_date(d.due) + (" *" if d.verify else ""), format_date(d.met_on), state)
        rows.append(((d.case_code or "-",) if with_case else ()) + row)
    cols_vi = ["Việc", "Hạn", "Hoàn thành", "Tình trạng"]
    cols_en = ["Item", "Due", "Done", "State"]
    if with_case:
        cols_vi, cols_en = ["Hồ sơ"] + cols_vi, ["Case"] + cols_en
    table(rows, headers(lang, cols_vi, cols_en))
    if any(d.verify for d in found):
        say("cli.deadline_verify_mark", lang)


def cmd_case_deadlines(args: CaseDeadlinesArgs) -> None:
    with vault_session(args) as vs:
        found = deadlines_service.for_case(vs, args.code, _as_of(args))
        unknown = deadlines_service.missing_figures(vs, args.code)
    if args.json:
        print_json([d.to_json() for d in found] + [
            {"kind": limit.key, "due": None, "state": "no_figure", "article": str(limit.article),
             "explanation": deadlines_service.no_figure_text(limit, "vi")} for limit in unknown])
        return
    _print_deadlines(found, args.lang, with_case=False)
    print()
    for d in found:
        print(f"- {d.label(args.lang)}: {d.explanation(args.lang)}")
    for limit in unknown:
        print(f"- {deadlines_service.no_figure_text(limit, args.lang)}")


def cmd_overdue(args: OverdueArgs) -> None:
    with vault_session(args) as vs:
        found = deadlines_service.overdue(vs, args.within, _as_of(args))
    if args.json:
        print_json([d.to_json() for d in found])
        return
    if not found:
        say("cli.overdue.none", args.lang)
        return
    _print_deadlines(found, args.lang, with_case=True)


# --- plans -----------------------------------------------------------------------------

def cmd_plan_create(args: PlanCreateArgs) -> None:
    approved = parse_date(args.decision_date) if args.decision_date else None
    with vault_session(args) as vs:
        plans.create_plan(vs, args.year, args.title, args.decision_number, approved, args.unit,
                          args.staff)
    say("plan.created", args.lang, year=args.year)


def cmd_plan_item(args: PlanItemArgs) -> None:
    from desktop.services import plan_changes
    with vault_session(args) as vs:
        item = plan_changes.add_item(
            vs, args.year, args.party, args.content, args.quarter, args.days, args.team_size,
            args.amendment_number,
            parse_date(args.amendment_date) if args.amendment_date else None)
    say("plan.item_added", args.lang, item=item, year=args.year)


def cmd_plan_start(args: PlanStartArgs) -> None:
    data = case_input(args)
    with vault_session(args) as vs:
        row = plans.start_item(vs, args.item, data)
    if args.json:
        print_json(row.to_json())
    else:
        say("case.created", args.lang, code=row.code)


def cmd_plan_list(args: PlanListArgs) -> None:
    with vault_session(args) as vs:
        found = plans.list_plans(vs)
    if args.json:
        print_json([{"year": y, "title": t, "items": n} for y, t, n in found])
        return
    table([(str(y), t, str(n)) for y, t, n in found],
          headers(args.lang, ["Năm", "Kế hoạch", "Số mục"], ["Year", "Plan", "Items"]))


def cmd_plan_show(args: PlanShowArgs) -> None:
    with vault_session(args) as vs:
        status = plans.plan_status(vs, args.year, _as_of(args))
    if args.json:
        print_json(status.to_json())
        return
    print(status.title + (f" ({status.approved_number} {format_date(status.approved_date)})"
                          if status.approved_number else ""))
    table([(str(i.id), clip(i.inspected_party, 40), clip(i.content, 50), str(i.quarter or ""),
            str(i.days or ""), str(i.team_size or ""),
            label("plan_item", i.status, args.lang) + (f" ({i.case_code})" if i.case_code else ""))
           for i in status.items],
          headers(args.lang, ["#", "Đối tượng", "Nội dung", "Quý", "Ngày", "Người", "Tình trạng"],
                  ["#", "Inspected party", "Content", "Q", "Days", "People", "Status"]))
    counts = status.counts()
    say("cli.plan.counts", args.lang, **counts)
    if status.carried_codes:
        say("cli.plan.carried_over", args.lang, codes=", ".join(status.carried_codes))
    print(status.capacity.explanation(args.lang))


# --- the period review -----------------------------------------------------------------

# the rows of table 01/TTr in order, with their depth (a part of the row above is indented)
_INDICATORS = [
    ("carried_out", 0), ("carried_over", 1), ("started", 1), ("started_planned", 2),
    ("started_ad_hoc", 2), ("onsite_finished", 0), ("conclusions_issued", 0),
    ("units_inspected", 0), ("violation_money", 0), ("violation_land_m2", 0),
    ("recovery_money", 0), ("recovery_land_m2", 0), ("disciplined_orgs", 0),
    ("disciplined_persons", 0), ("referral_cases", 0), ("referral_persons", 0),
    ("policy_recommendations", 0),
]


def _number(value, lang: str) -> str:
    """A whole value without decimals, any other with one, kept even when it rounds to 0
    ("3,0" for 2,96 triệu: not a whole figure) where format_number would drop it."""
    whole = format_number(value, lang, 0)
    if float(value).is_integer():
        return whole
    tenths = format_number(value, lang, 1)
    if tenths != whole:
        return tenths
    point = format_number(0.5, lang, 1)[1]   # lang's decimal mark, from the same formatter
    return f"{whole}{point}0"


def cmd_report_period(args: ReportPeriodArgs) -> None:
    start, end = parse_date(args.start), parse_date(args.end)
    with vault_session(args) as vs:
        result = report.period_report(vs, start, end, args.unit or None)
    if args.json:
        print_json(result.to_json())
        return
    lang = args.lang
    print(render("cli.report.title", lang) + f" — {format_date(start)} – {format_date(end)}" + (f" — {result.unit}" if result.unit else ""))
    ind = result.indicators
    rows = []
    for name, depth in _INDICATORS:
        value = getattr(ind, name)
        if name.endswith("_money"):
            value = value / 1e6
        rows.append(("  " * depth + label("indicator", name, lang), _number(value, lang)))
    table(rows, headers(lang, ["Chỉ tiêu", "Số liệu"], ["Indicator", "Value"]))
    print()
    say("cli.report.without_conclusion", lang, n=len(result.without_conclusion))
    table([(w.code, clip(w.title, 45), w.stage.label(lang) if w.stage else "",
            format_date(w.since), str(w.days), clip(in_language((w.waiting_on, w.waiting_on_en), lang), 50))
           for w in result.without_conclusion],
          headers(lang, ["Mã", "Tên", "Đang ở bước", "Từ ngày", "Số ngày", "Chờ"],
                  ["Code", "Title", "Stage", "Since", "Days", "Waiting on"]))
    if result.opinions_overdue:
        print()
        say("cli.report.opinions_overdue", lang)
        table([(o["case"] or "-", clip(o["addressee"], 40), format_date(date.fromisoformat(o["sent"])),
                format_date(date.fromisoformat(o["due"])), str(o["days_late"]))
               for o in result.opinions_overdue],
              headers(lang, ["Hồ sơ", "Gửi", "Ngày gửi", "Hạn", "Trễ (ngày)"],
                      ["Case", "To", "Sent", "Due", "Days late"]))
    if result.directives_overdue:
        print()
        say("cli.report.directives_overdue", lang)
        table([(d["case"] or "-", clip(d["issuer"], 35), clip(d["content"], 45),
                format_date(date.fromisoformat(d["due"])), str(d["days_late"]))
               for d in result.directives_overdue],
              headers(lang, ["Hồ sơ", "Cơ quan giao", "Nội dung", "Hạn", "Trễ (ngày)"],
                      ["Case", "Issuer", "Content", "Due", "Days late"]))
    if result.plan_items_not_started:
        print()
        say("cli.report.items_not_started", lang)
        table([(str(i["id"]), clip(i["inspected_party"], 40), clip(i["content"], 50),
                str(i["quarter"] or "")) for i in result.plan_items_not_started],
              headers(lang, ["#", "Đối tượng", "Nội dung", "Quý"], ["#", "Party", "Content", "Q"]))


# --- calendar, rules, settings ---------------------------------------------------------

def cmd_calendar_show(args: CalendarShowArgs) -> None:
    with vault_session(args) as vs:
        with vs.uow() as uow:
            days = calendar_service.days_of_year(uow.session, args.year)
            working = calendar_service.working_days_in_year(
                calendar_service.calendar(uow.session), args.year)
    if args.json:
        print_json({"year": args.year, "working_days": working, "days": [d.to_json() for d in days]})
        return
    lang = args.lang
    table([(format_date(d.day), label("day", d.kind, lang), d.name,
            render("cli.to_verify", lang) if d.verify else "",
            render("cli.day.edited", lang) if d.edited else "") for d in days],
          headers(lang, ["Ngày", "Loại", "Tên", "", ""], ["Date", "Kind", "Name", "", ""]))
    say("cli.calendar.working_days", lang, year=args.year, n=working)


def cmd_calendar_set(args: CalendarSetArgs) -> None:
    day = parse_date(args.date)
    with vault_session(args) as vs:
        calendar_service.set_day(vs, day, args.kind, args.name, args.source)
    say("calendar.set", args.lang, date=format_date(day), kind=args.kind)


def cmd_rules(args: RulesArgs) -> None:
    book = deadlines_service.rule_book()
    data = []
    for rule_set in book.rule_sets:
        for key in rule_set.keys():
            for level in ("government", "ministry", "province", "department"):
                try:
                    limit = rule_set.limit(key, level)
                except LookupError:
                    continue
                data.append({"rule_set": rule_set.id, "effective_from": rule_set.effective_from.isoformat(),
                             "key": key, "level": level, "value": limit.value,
                             "unit": limit.unit.value, "article": str(limit.article),
                             "article_en": cited_in(limit.article, "en"),
                             "counted_from": limit.counted_from, "verify": limit.verify,
                             "checked": limit.checked.isoformat() if limit.checked else None,
                             "receipt_days": limit.receipt_days,
                             "note": limit.note, "note_en": limit.note_in("en")})
    if args.json:
        print_json(data)
        return
    lang = args.lang
    no_figure = render("cli.no_figure", lang)
    table([(d["rule_set"], d["key"], d["level"],
            no_figure if d["value"] is None else str(d["value"]), d["unit"],
            clip(in_language((d["article"], d["article_en"]), lang), 50),
            format_iso_date(d["checked"]) if d["checked"] else "",
            render("cli.to_verify", lang) if d["verify"] else "") for d in data],
          headers(args.lang, ["Bộ quy tắc", "Thời hạn", "Cấp", "Số", "Đơn vị", "Căn cứ",
                              "Đối chiếu", ""],
                  ["Rule set", "Limit", "Level", "Value", "Unit", "Article", "Checked", ""]))


def cmd_settings_list(args: SettingsListArgs) -> None:
    with vault_session(args) as vs:
        with vs.uow() as uow:
            values = settings.all_values(uow.session)
    if args.json:
        print_json(values)
        return
    table([(k, str(v), in_language((settings.SETTINGS[k].vi, settings.SETTINGS[k].en), args.lang))
           for k, v in values.items()],
          headers(args.lang, ["Khóa", "Giá trị", "Ý nghĩa"], ["Key", "Value", "Meaning"]))


def cmd_settings_set(args: SettingsSetArgs) -> None:
    with vault_session(args) as vs:
        value = settings.set_value(vs, args.key, args.value)
    say("setting.set", args.lang, key=args.key, value=value)

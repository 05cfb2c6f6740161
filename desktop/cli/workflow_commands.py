"""Sub-commands of deadlines, plans, the period review, the calendar and settings."""

from datetime import date

from desktop.cli import print_json
from desktop.cli.commands import case_input, clip, headers, table, vault_session
from desktop.cli.passwords import say
from desktop.domain.dates import format_date, parse_date
from desktop.domain.deadlines import Deadline, DeadlineState
from desktop.domain.rules import cited_in
from desktop.services import calendar_service, deadlines_service, plans, report, settings


def _as_of(args) -> date | None:
    return parse_date(args.as_of) if getattr(args, "as_of", None) else None


def _print_deadlines(found: list[Deadline], lang: str, with_case: bool) -> None:
    vi = lang == "vi"
    rows = []
    for d in found:
        state = d.state.label(lang)
        if d.state in (DeadlineState.OVERDUE, DeadlineState.MET_LATE):
            state += f" {abs(d.days)} " + ("ngày" if vi else "days")
        elif d.state is DeadlineState.DUE_SOON:
            state += f" ({d.days} " + ("ngày" if vi else "days") + ")"
        row = (d.label(lang) + (f" — {d.subject}" if d.subject else ""), format_date(d.due),
               format_date(d.met_on), state)
        rows.append(((d.case_code or "-",) if with_case else ()) + row)
    cols_vi = ["Việc", "Hạn", "Hoàn thành", "Tình trạng"]
    cols_en = ["Item", "Due", "Done", "State"]
    if with_case:
        cols_vi, cols_en = ["Hồ sơ"] + cols_vi, ["Case"] + cols_en
    table(rows, headers(lang, cols_vi, cols_en))


def cmd_case_deadlines(args) -> None:
    with vault_session(args) as vs:
        found = deadlines_service.for_case(vs, args.code, _as_of(args))
    if args.json:
        print_json([d.to_json() for d in found])
        return
    _print_deadlines(found, args.lang, with_case=False)
    print()
    for d in found:
        print(f"- {d.label(args.lang)}: {d.explanation(args.lang)}")


def cmd_overdue(args) -> None:
    with vault_session(args) as vs:
        found = deadlines_service.overdue(vs, args.within, _as_of(args))
    if args.json:
        print_json([d.to_json() for d in found])
        return
    if not found:
        print("Không có việc quá hạn hoặc sắp đến hạn." if args.lang == "vi"
              else "Nothing overdue or due soon.")
        return
    _print_deadlines(found, args.lang, with_case=True)


# --- plans -----------------------------------------------------------------------------

def cmd_plan_create(args) -> None:
    approved = parse_date(args.decision_date) if args.decision_date else None
    with vault_session(args) as vs:
        plans.create_plan(vs, args.year, args.title, args.decision_number, approved, args.unit,
                          args.staff)
    say("plan.created", args.lang, year=args.year)


def cmd_plan_item(args) -> None:
    from desktop.services import plan_changes
    with vault_session(args) as vs:
        item = plan_changes.add_item(
            vs, args.year, args.party, args.content, args.quarter, args.days, args.team_size,
            args.amendment_number,
            parse_date(args.amendment_date) if args.amendment_date else None)
    say("plan.item_added", args.lang, item=item, year=args.year)


def cmd_plan_start(args) -> None:
    data = case_input(args)
    with vault_session(args) as vs:
        row = plans.start_item(vs, args.item, data)
    if args.json:
        print_json(row.to_json())
    else:
        say("case.created", args.lang, code=row.code)


def cmd_plan_list(args) -> None:
    with vault_session(args) as vs:
        found = plans.list_plans(vs)
    if args.json:
        print_json([{"year": y, "title": t, "items": n} for y, t, n in found])
        return
    table([(str(y), t, str(n)) for y, t, n in found],
          headers(args.lang, ["Năm", "Kế hoạch", "Số mục"], ["Year", "Plan", "Items"]))


_ITEM_STATUS = {"started": ("Đã triển khai", "Started"), "not_started": ("Chưa triển khai", "Not started"),
                "late": ("Chậm triển khai", "Late")}


def cmd_plan_show(args) -> None:
    with vault_session(args) as vs:
        status = plans.plan_status(vs, args.year, _as_of(args))
    if args.json:
        print_json(status.to_json())
        return
    vi = args.lang == "vi"
    print(status.title + (f" ({status.approved_number} {format_date(status.approved_date)})"
                          if status.approved_number else ""))
    table([(str(i.id), clip(i.inspected_party, 40), clip(i.content, 50), str(i.quarter or ""),
            str(i.days or ""), str(i.team_size or ""),
            _ITEM_STATUS[i.status][0 if vi else 1] + (f" ({i.case_code})" if i.case_code else ""))
           for i in status.items],
          headers(args.lang, ["#", "Đối tượng", "Nội dung", "Quý", "Ngày", "Người", "Tình trạng"],
                  ["#", "Inspected party", "Content", "Q", "Days", "People", "Status"]))
    counts = status.counts()
    print(("Đã triển khai {started}, chưa triển khai {not_started}, chậm {late}." if vi else
           "Started {started}, not started {not_started}, late {late}.").format(**counts))
    if status.carried_codes:
        print(("Cuộc chưa kết luận chuyển sang: " if vi else "Unfinished cases carried over: ")
              + ", ".join(status.carried_codes))
    print(status.capacity.explanation(args.lang))


# --- the period review -----------------------------------------------------------------

_INDICATORS = [
    ("carried_out", "Số cuộc thanh tra đang thực hiện", "Inspections carried out"),
    ("carried_over", "  kỳ trước chuyển sang", "  carried over"),
    ("started", "  triển khai trong kỳ", "  started in the period"),
    ("started_planned", "    theo kế hoạch", "    planned"),
    ("started_ad_hoc", "    đột xuất", "    ad hoc"),
    ("onsite_finished", "Đã kết thúc thanh tra trực tiếp", "On-site phase finished"),
    ("conclusions_issued", "Đã ban hành kết luận", "Conclusions issued"),
    ("units_inspected", "Số đơn vị được thanh tra", "Units inspected"),
    ("violation_money", "Sai phạm về tiền (triệu đồng)", "Violations, money (million VND)"),
    ("violation_land_m2", "Sai phạm về đất (m²)", "Violations, land (m²)"),
    ("recovery_money", "Kiến nghị thu hồi tiền (triệu đồng)", "Recovery, money (million VND)"),
    ("recovery_land_m2", "Kiến nghị thu hồi đất (m²)", "Recovery, land (m²)"),
    ("disciplined_orgs", "Kiến nghị xử lý hành chính: tổ chức", "Administrative handling: organisations"),
    ("disciplined_persons", "Kiến nghị xử lý hành chính: cá nhân", "Administrative handling: individuals"),
    ("referral_cases", "Chuyển cơ quan điều tra: vụ", "Referred to investigators: cases"),
    ("referral_persons", "Chuyển cơ quan điều tra: người", "Referred to investigators: persons"),
    ("policy_recommendations", "Kiến nghị sửa đổi cơ chế, chính sách (văn bản)",
     "Changes of rules or policy recommended (documents)"),
]


def _number(value, lang: str) -> str:
    text = f"{value:,.0f}" if isinstance(value, int) or float(value).is_integer() else f"{value:,.1f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".") if lang == "vi" else text


def cmd_report_period(args) -> None:
    start, end = parse_date(args.start), parse_date(args.end)
    with vault_session(args) as vs:
        result = report.period_report(vs, start, end, args.unit or None)
    if args.json:
        print_json(result.to_json())
        return
    lang, vi = args.lang, args.lang == "vi"
    print(("BÁO CÁO KẾT QUẢ THANH TRA HÀNH CHÍNH (biểu 01/TTr)" if vi else
           "ADMINISTRATIVE INSPECTION RESULTS (table 01/TTr)")
          + f" — {format_date(start)} – {format_date(end)}" + (f" — {result.unit}" if result.unit else ""))
    ind = result.indicators
    rows = []
    for name, label_vi, label_en in _INDICATORS:
        value = getattr(ind, name)
        if name.endswith("_money"):
            value = value / 1e6
        rows.append((label_vi if vi else label_en, _number(value, lang)))
    table(rows, headers(lang, ["Chỉ tiêu", "Số liệu"], ["Indicator", "Value"]))
    print()
    print(("Cuộc thanh tra chưa ban hành kết luận: " if vi else "Inspections without a conclusion: ")
          + str(len(result.without_conclusion)))
    table([(w.code, clip(w.title, 45), w.stage.label(lang) if w.stage else "",
            format_date(w.since), str(w.days), clip(w.waiting_on if vi else w.waiting_on_en, 50))
           for w in result.without_conclusion],
          headers(lang, ["Mã", "Tên", "Đang ở bước", "Từ ngày", "Số ngày", "Chờ"],
                  ["Code", "Title", "Stage", "Since", "Days", "Waiting on"]))
    if result.opinions_overdue:
        print()
        print("Xin ý kiến quá hạn chưa trả lời:" if vi else "Opinion requests overdue:")
        table([(o["case"] or "-", clip(o["addressee"], 40), format_date(date.fromisoformat(o["sent"])),
                format_date(date.fromisoformat(o["due"])), str(o["days_late"]))
               for o in result.opinions_overdue],
              headers(lang, ["Hồ sơ", "Gửi", "Ngày gửi", "Hạn", "Trễ (ngày)"],
                      ["Case", "To", "Sent", "Due", "Days late"]))
    if result.directives_overdue:
        print()
        print("Nhiệm vụ, chỉ đạo quá hạn:" if vi else "Directives overdue:")
        table([(d["case"] or "-", clip(d["issuer"], 35), clip(d["content"], 45),
                format_date(date.fromisoformat(d["due"])), str(d["days_late"]))
               for d in result.directives_overdue],
              headers(lang, ["Hồ sơ", "Cơ quan giao", "Nội dung", "Hạn", "Trễ (ngày)"],
                      ["Case", "Issuer", "Content", "Due", "Days late"]))
    if result.plan_items_not_started:
        print()
        print("Mục kế hoạch chưa triển khai:" if vi else "Plan items not started:")
        table([(str(i["id"]), clip(i["inspected_party"], 40), clip(i["content"], 50),
                str(i["quarter"] or "")) for i in result.plan_items_not_started],
              headers(lang, ["#", "Đối tượng", "Nội dung", "Quý"], ["#", "Party", "Content", "Q"]))


# --- calendar, rules, settings ---------------------------------------------------------

def cmd_calendar_show(args) -> None:
    with vault_session(args) as vs:
        with vs.uow() as uow:
            days = calendar_service.days_of_year(uow.session, args.year)
            working = calendar_service.working_days_in_year(
                calendar_service.calendar(uow.session), args.year)
    if args.json:
        print_json({"year": args.year, "working_days": working, "days": [d.to_json() for d in days]})
        return
    vi = args.lang == "vi"
    kinds = {"holiday": ("Nghỉ lễ, Tết", "Holiday"), "day_off": ("Nghỉ", "Day off"),
             "makeup_workday": ("Làm bù", "Make-up working day"),
             "working_day": ("Làm việc bình thường", "Working day")}
    table([(format_date(d.day), kinds[d.kind][0 if vi else 1], d.name,
            ("cần kiểm tra" if vi else "to verify") if d.verify else "",
            ("đã sửa" if vi else "edited") if d.edited else "") for d in days],
          headers(args.lang, ["Ngày", "Loại", "Tên", "", ""], ["Date", "Kind", "Name", "", ""]))
    print((f"Năm {args.year} có {working} ngày làm việc." if vi else
           f"{args.year} has {working} working days."))


def cmd_calendar_set(args) -> None:
    day = parse_date(args.date)
    with vault_session(args) as vs:
        calendar_service.set_day(vs, day, args.kind, args.name, args.source)
    say("calendar.set", args.lang, date=format_date(day), kind=args.kind)


def cmd_rules(args) -> None:
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
                             "counted_from": limit.counted_from, "verify": limit.verify})
    if args.json:
        print_json(data)
        return
    vi = args.lang == "vi"
    table([(d["rule_set"], d["key"], d["level"], str(d["value"]), d["unit"],
            clip(d["article"] if vi else d["article_en"], 50),
            ("cần kiểm tra" if vi else "to verify") if d["verify"] else "") for d in data],
          headers(args.lang, ["Bộ quy tắc", "Thời hạn", "Cấp", "Số", "Đơn vị", "Căn cứ", ""],
                  ["Rule set", "Limit", "Level", "Value", "Unit", "Article", ""]))


def cmd_settings_list(args) -> None:
    with vault_session(args) as vs:
        with vs.uow() as uow:
            values = settings.all_values(uow.session)
    if args.json:
        print_json(values)
        return
    table([(k, str(v), settings.SETTINGS[k].vi if args.lang == "vi" else settings.SETTINGS[k].en)
           for k, v in values.items()],
          headers(args.lang, ["Khóa", "Giá trị", "Ý nghĩa"], ["Key", "Value", "Meaning"]))


def cmd_settings_set(args) -> None:
    with vault_session(args) as vs:
        value = settings.set_value(vs, args.key, args.value)
    say("setting.set", args.lang, key=args.key, value=value)

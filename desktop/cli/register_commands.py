"""hoso opinion send|reply|remind|list and hoso directive add|note|done|list: the
opinion requests and directives kept day to day."""

from desktop.cli.args import (DirectiveAddArgs, DirectiveDoneArgs, DirectiveListArgs,
                              DirectiveNoteArgs, OpinionListArgs, OpinionReceivedArgs, OpinionRemindArgs,
                              OpinionReplyArgs, OpinionSendArgs)
from desktop.cli import print_json
from desktop.cli.commands import clip, headers, table, vault_session
from desktop.cli.passwords import say
from desktop.domain.dates import format_date, parse_date
from desktop.services import directives, opinion_requests, opinions_directives


def _date(value: str | None):
    return parse_date(value) if value else None


def cmd_opinion_send(args: OpinionSendArgs) -> None:
    with vault_session(args) as vs:
        ids = opinion_requests.send(vs, args.case, [(name, args.kind) for name in args.to],
                                    parse_date(args.date), args.doc, args.subject, _date(args.due))
    if args.json:
        print_json({"ids": ids})
    else:
        say("opinion.sent", args.lang, count=len(ids), ids=", ".join(str(i) for i in ids))


def cmd_opinion_reply(args: OpinionReplyArgs) -> None:
    with vault_session(args) as vs:
        opinion_requests.reply(vs, args.id, parse_date(args.date), args.doc, args.gist)
    say("opinion.replied", args.lang, id=args.id)


def cmd_opinion_remind(args: OpinionRemindArgs) -> None:
    with vault_session(args) as vs:
        count = opinion_requests.remind(vs, args.id, parse_date(args.date), args.doc, args.note)
    say("opinion.reminded", args.lang, id=args.id, count=count)


def cmd_opinion_received(args: OpinionReceivedArgs) -> None:
    with vault_session(args) as vs:
        opinion_requests.record_receipt(vs, args.id, parse_date(args.date))
    say("opinion.receipt_recorded", args.lang, id=args.id, date=format_date(parse_date(args.date)))


def cmd_opinion_list(args: OpinionListArgs) -> None:
    with vault_session(args) as vs:
        lines, _ = opinions_directives.register(vs, _date(args.as_of))
    lines = [line for line in lines if not args.case or line.case_code == args.case]
    if args.json:
        print_json([line.to_json(args.lang) for line in lines])
        return
    lang = args.lang
    table([(line.id, line.case_code or "", clip(line.addressee, 36), format_date(line.sent),
            format_date(line.deadline.due if line.deadline else line.due),
            line.deadline.state.label(lang) if line.deadline else "",
            format_date(line.answered), line.reminders or "") for line in lines],
          headers(lang, ["Số", "Hồ sơ", "Nơi được xin ý kiến", "Ngày gửi", "Hạn", "Tình trạng",
                         "Ngày trả lời", "Đôn đốc"],
                  ["#", "Case", "Addressee", "Sent", "Due", "State", "Answered", "Reminders"]))


def cmd_directive_add(args: DirectiveAddArgs) -> None:
    with vault_session(args) as vs:
        new_id = directives.add(vs, args.case, args.issuer, args.content, _date(args.due),
                                _date(args.date), args.doc, args.assignee)
    if args.json:
        print_json({"id": new_id})
    else:
        say("directive.added", args.lang, id=new_id)


def cmd_directive_note(args: DirectiveNoteArgs) -> None:
    with vault_session(args) as vs:
        directives.note(vs, args.id, parse_date(args.date), args.text)
    say("directive.noted", args.lang, id=args.id)


def cmd_directive_done(args: DirectiveDoneArgs) -> None:
    with vault_session(args) as vs:
        directives.done(vs, args.id, parse_date(args.date), args.report)
    say("directive.done", args.lang, id=args.id)


def cmd_directive_list(args: DirectiveListArgs) -> None:
    with vault_session(args) as vs:
        _, lines = opinions_directives.register(vs, _date(args.as_of))
    lines = [line for line in lines if not args.case or line.case_code == args.case]
    if args.json:
        print_json([line.to_json(args.lang) for line in lines])
        return
    lang = args.lang
    table([(line.id, line.case_code or "", clip(line.issuer, 28), clip(line.content, 44),
            clip(line.assignee, 20), format_date(line.due),
            line.deadline.state.label(lang) if line.deadline else "", format_date(line.done))
           for line in lines],
          headers(lang, ["Số", "Hồ sơ", "Người chỉ đạo", "Nội dung", "Giao cho", "Hạn",
                         "Tình trạng", "Hoàn thành"],
                  ["#", "Case", "Issuer", "Content", "Assignee", "Due", "State", "Done"]))

"""Argument parser. Global options are accepted before or after the sub-command."""

import argparse
from typing import get_type_hints

from desktop import __version__
from desktop.domain import case_fields


def _globals(parser: argparse.ArgumentParser, nested: bool) -> None:
    default = argparse.SUPPRESS if nested else None
    group = parser.add_argument_group("chung / global")
    group.add_argument("--vault", metavar="PATH", default=default,
                       help="thư mục kho dữ liệu (hoặc HOSO_VAULT) / vault directory")
    group.add_argument("--server", metavar="PROFILE", default=default,
                       help="tệp cấu hình máy chủ của đơn vị (hoặc HOSO_SERVER) / "
                            "department server's connection profile")
    group.add_argument("--user", metavar="NAME", default=default,
                       help="người dùng (hoặc HOSO_USER) / user name")
    group.add_argument("--password-stdin", action="store_true",
                       default=argparse.SUPPRESS if nested else False,
                       help="đọc mật khẩu từ dòng đầu của stdin / read the password from stdin")
    group.add_argument("--lang", choices=["vi", "en"], default=default,
                       help="ngôn ngữ / language (mặc định tiếng Việt)")
    group.add_argument("--accept-rollback", action="store_true",
                       default=argparse.SUPPRESS if nested else False,
                       help="mở kho cũ hơn lần trước đã thấy (ghi nhật ký) / open a vault older "
                            "than last seen (audited)")


def _case_fields(p: argparse.ArgumentParser) -> None:
    """Options describing a case (hoso case add, hoso plan start)."""
    p.add_argument("--code", required=True, help="mã hồ sơ / case code")
    p.add_argument("--title", required=True, help="tên cuộc thanh tra / title")
    p.add_argument("--party", "--inspected-party", dest="party", default="",
                   help="đối tượng thanh tra / inspected party")
    p.add_argument("--content", default="", help="nội dung / content")
    p.add_argument("--period-from", help="thời kỳ thanh tra từ (dd/mm/yyyy)")
    p.add_argument("--period-to", help="thời kỳ thanh tra đến (dd/mm/yyyy)")
    p.add_argument("--basis", default="plan", help="plan (kế hoạch) | assignment (đột xuất/được giao)")
    p.add_argument("--plan-item", type=int, help="mục kế hoạch / plan item id")
    p.add_argument("--assignment", default="", help="văn bản giao nhiệm vụ / assignment reference")
    p.add_argument("--decision-number", default="", help="số quyết định, ví dụ 123/QĐ-TTCP")
    p.add_argument("--decision-date", help="ngày quyết định (dd/mm/yyyy)")
    p.add_argument("--inspecting-level", default="government",
                   help="government | ministry | province | department")
    p.add_argument("--complexity", default="normal", help="normal | complex | very_complex")
    p.add_argument("--consultation-basis", default="",
                   help="diện lấy ý kiến thủ trưởng (Luật 84/2025 Điều 36) / why the head is "
                        "consulted: defence_security | steering_committee | head_request")
    p.add_argument("--chaired-by", default="", help="đơn vị chủ trì / chairing unit")
    p.add_argument("--leader", "--supervisor", dest="leader", default="",
                   help="lãnh đạo phụ trách / supervising leader")
    p.add_argument("--team", action="append", default=[],
                   help="thành viên đoàn “Họ tên[:leader|deputy|member|secretary]” (lặp lại)")
    p.add_argument("--level", default="thuong", help="độ mật / classification")
    for name, what in (("violation-money", "sai phạm tiền (đồng)"),
                       ("violation-land", "sai phạm đất (m²)"),
                       ("recovery-money", "kiến nghị thu hồi tiền (đồng)"),
                       ("recovery-land", "kiến nghị thu hồi đất (m²)"),
                       ("disciplined-orgs", "tổ chức bị kiến nghị xử lý"),
                       ("disciplined-persons", "cá nhân bị kiến nghị xử lý"),
                       ("referral-cases", "vụ chuyển cơ quan điều tra"),
                       ("referral-persons", "người chuyển cơ quan điều tra")):
        p.add_argument(f"--{name}", help=what)


def _amendment(p: argparse.ArgumentParser) -> None:
    """A change of an approved plan names its amending decision."""
    p.add_argument("--amendment-number", default="", help="số quyết định điều chỉnh (kế hoạch "
                   "đã phê duyệt) / the amending decision's number")
    p.add_argument("--amendment-date", help="ngày quyết định điều chỉnh (dd/mm/yyyy)")


# hoso case edit: option → field (case_fields.FIELDS); the case is named by its code
_EDIT_OPTIONS = (
    ("--new-code", "code"), ("--title", "title"), ("--party", "inspected_party"),
    ("--content", "content"), ("--period-from", "period_from"), ("--period-to", "period_to"),
    ("--basis", "basis"), ("--assignment", "assignment_ref"),
    ("--decision-number", "decision_number"), ("--decision-date", "decision_date"),
    ("--inspecting-level", "inspecting_level"), ("--complexity", "complexity"),
    ("--consultation-basis", "consultation_basis"),
    ("--chaired-by", "chaired_by"), ("--leader", "supervisor"), ("--level", "level"),
    ("--violation-money", "violation_money"), ("--violation-land", "violation_land_m2"),
    ("--recovery-money", "recovery_money"), ("--recovery-land", "recovery_land_m2"),
    ("--disciplined-orgs", "disciplined_orgs"), ("--disciplined-persons", "disciplined_persons"),
    ("--referral-cases", "referral_cases"), ("--referral-persons", "referral_persons"))


def build_parser() -> argparse.ArgumentParser:
    from desktop.cli import case_commands as k
    from desktop.cli import commands as c
    from desktop.cli import exchange_commands as x
    from desktop.cli import plan_commands as pc
    from desktop.cli import followup_commands as f
    from desktop.cli import register_commands as r
    from desktop.cli import workflow_commands as w

    parser = argparse.ArgumentParser(
        prog="hoso", description="Hồ sơ Thanh tra — quản lý cuộc thanh tra và tài liệu mật, "
        "ngoại tuyến, mã hóa. / Inspection cases and state-secret documents, offline and encrypted.")
    parser.add_argument("--version", action="version", version=f"hoso {__version__}")
    parser.add_argument("--demo", action="store_true", help="mở kho dữ liệu mẫu tạm thời / "
                        "open a throw-away demo vault (GUI)")
    _globals(parser, nested=False)
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")

    def command(parent, name, handler, help_text):
        p = parent.add_parser(name, help=help_text, description=help_text)
        _globals(p, nested=True)
        # the handler's typed record (cli/args.py), named by its annotation
        p.set_defaults(handler=handler, args_type=get_type_hints(handler)["args"])
        return p

    def group(name, help_text):
        p = sub.add_parser(name, help=help_text, description=help_text)
        inner = p.add_subparsers(dest=f"{name}_command", metavar="LỆNH", required=True)
        return inner

    p = command(sub, "init", c.cmd_init, "tạo kho dữ liệu mới / create a vault")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--admin", required=True, metavar="NAME")
    p.add_argument("--full-name", default="")

    from desktop.cli import server_commands, workstation_commands
    server_commands.add_parsers(command, group)
    workstation_commands.add_parsers(command, sub)

    users = group("user", "người dùng / users")
    p = command(users, "add", c.cmd_user_add, "thêm người dùng / add a user (administrator)")
    p.add_argument("name")
    p.add_argument("--role", required=True, help="admin | leader | inspector | clerk")
    p.add_argument("--clearance", default="thuong",
                   help="Thường | Mật | Tối mật | Tuyệt mật (thuong, mat, toi_mat, tuyet_mat)")
    p.add_argument("--full-name", default="")
    command(users, "passwd", c.cmd_user_passwd, "đổi mật khẩu / change your password")
    p = command(users, "list", c.cmd_user_list, "danh sách người dùng / list users")
    p.add_argument("--json", action="store_true")
    p = command(users, "reset", c.cmd_user_reset,
                "đặt lại mật khẩu (quản trị) / reset a user's password (administrator)")
    p.add_argument("name")
    p = command(users, "set", c.cmd_user_set,
                "đổi độ mật, vai trò (quản trị) / change clearance or role (administrator)")
    p.add_argument("name")
    p.add_argument("--clearance")
    p.add_argument("--role")

    for name, handler, text in (
            ("disable", c.cmd_user_disable,
             "khóa tài khoản, thu hồi khóa độ mật (quản trị) / disable an account (administrator)"),
            ("unlock", c.cmd_user_unlock,
             "mở khóa sau nhiều lần sai mật khẩu (quản trị) / unlock after failed passwords"),
            ("enable", c.cmd_user_enable,
             "mở lại tài khoản (quản trị) / enable an account again (administrator)")):
        command(users, name, handler, text).add_argument("name")

    trust = group("trust", "khóa ký của quản trị viên / the administrators' signing key")
    command(trust, "show", c.cmd_trust_show, "dấu vân tay khóa ký / show its fingerprint")
    p = command(trust, "check", c.cmd_trust_check,
                "kiểm tra chữ ký mọi tài khoản, khóa, quyền / check every signed record")
    p.add_argument("--json", action="store_true")
    command(trust, "rotate", c.cmd_trust_rotate,
            "thay khóa ký (quản trị) / rotate the signing key (administrator)")

    cases = group("case", "hồ sơ thanh tra / inspection cases")
    p = command(cases, "add", c.cmd_case_add, "thêm cuộc thanh tra / add a case")
    _case_fields(p)
    p.add_argument("--json", action="store_true")

    p = command(cases, "list", c.cmd_case_list, "danh sách, tìm kiếm / list and search cases")
    p.add_argument("--search", default="", help="tìm không dấu / accent-insensitive search")
    p.add_argument("--stage")
    p.add_argument("--level")
    p.add_argument("--year", type=int)
    p.add_argument("--leader", default="")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", action="store_true")

    p = command(cases, "show", c.cmd_case_show, "xem hồ sơ / show a case")
    p.add_argument("code")
    p.add_argument("--json", action="store_true")

    p = command(cases, "event", c.cmd_case_event,
                "ghi nhận một bước / record a workflow event")
    p.add_argument("code")
    p.add_argument("stage", help="giai đoạn / stage code (xem “hoso case stages”)")
    p.add_argument("--date", required=True, help="dd/mm/yyyy")
    p.add_argument("--doc", default="", help="văn bản / document reference")
    p.add_argument("--note", default="")
    p.add_argument("--days", type=int, help="số ngày (gia hạn, tạm dừng)")
    p.add_argument("--json", action="store_true")

    p = command(cases, "edit", k.cmd_case_edit,
                "sửa hồ sơ (mỗi thay đổi được ghi lịch sử) / change a case (each change is kept)")
    p.add_argument("code")
    for option, field in _EDIT_OPTIONS:
        p.add_argument(option, dest=f"set_{field}", metavar="VALUE",
                       help=case_fields.label(field))
    p.add_argument("--reason", default="", help="lý do (bắt buộc khi đổi độ mật) / reason")
    p.add_argument("--json", action="store_true")

    p = command(cases, "event-fix", k.cmd_case_event_fix,
                "sửa hoặc hủy một sự kiện ghi sai (không xóa) / correct or void a wrong event")
    p.add_argument("code")
    p.add_argument("event_id", type=int, metavar="EVENT_ID", help="số sự kiện (hoso case show)")
    p.add_argument("--date", help="ngày đúng (dd/mm/yyyy) / the right date")
    p.add_argument("--doc", help="văn bản đúng / the right document")
    p.add_argument("--void", action="store_true", help="hủy sự kiện / void it")
    p.add_argument("--reason", required=True, help="lý do / reason")
    p.add_argument("--json", action="store_true")

    p = command(cases, "team", k.cmd_case_team,
                "đoàn thanh tra: xem, thêm, rút, thay trưởng đoàn / the team over time")
    p.add_argument("code")
    p.add_argument("action", nargs="?", choices=["add", "remove", "leader"])
    p.add_argument("name", nargs="?", metavar="NAME")
    p.add_argument("--from", dest="since", help="có hiệu lực từ ngày (dd/mm/yyyy)")
    p.add_argument("--role", default="member", help="member | deputy | secretary (add)")
    p.add_argument("--json", action="store_true")

    p = command(cases, "history", k.cmd_case_history,
                "lịch sử thay đổi của hồ sơ / the case's change history")
    p.add_argument("code")
    p.add_argument("--json", action="store_true")

    p = command(cases, "stages", c.cmd_case_stages, "các giai đoạn / list the stage codes")
    p.add_argument("--json", action="store_true")

    opinions = group("opinion", "xin ý kiến / opinion requests")
    p = command(opinions, "send", r.cmd_opinion_send,
                "gửi văn bản xin ý kiến (một hoặc nhiều nơi) / send a request to one or many")
    p.add_argument("--case", help="mã hồ sơ (bỏ trống: việc chung) / case code")
    p.add_argument("--to", action="append", required=True, metavar="NAME",
                   help="nơi được xin ý kiến (lặp lại) / addressee (repeat)")
    p.add_argument("--kind", help="ministry | province | agency | pm (mặc định: đoán theo tên)")
    p.add_argument("--date", required=True, help="ngày gửi (dd/mm/yyyy)")
    p.add_argument("--doc", default="", help="số văn bản / letter number")
    p.add_argument("--subject", default="", help="nội dung xin ý kiến / subject")
    p.add_argument("--due", help="hạn ghi trong văn bản (bỏ trống: theo luật) / due date")
    p.add_argument("--json", action="store_true")
    p = command(opinions, "reply", r.cmd_opinion_reply, "ghi nhận trả lời / record a reply")
    p.add_argument("id", type=int)
    p.add_argument("--date", required=True, help="ngày trả lời (dd/mm/yyyy)")
    p.add_argument("--doc", default="", help="số văn bản trả lời / reply number")
    p.add_argument("--gist", default="", help="tóm tắt ý kiến / what it says")
    p = command(opinions, "remind", r.cmd_opinion_remind,
                "ghi văn bản đôn đốc / record a reminder")
    p.add_argument("id", type=int)
    p.add_argument("--date", required=True, help="ngày đôn đốc (dd/mm/yyyy)")
    p.add_argument("--doc", default="")
    p.add_argument("--note", default="")
    p = command(opinions, "received", r.cmd_opinion_received,
                "ghi ngày thủ trưởng nhận văn bản (30 ngày tính từ đó) / record the day the "
                "head received it (the 30 days count from it)")
    p.add_argument("id", type=int)
    p.add_argument("--date", required=True, help="ngày nhận (dd/mm/yyyy)")
    p = command(opinions, "list", r.cmd_opinion_list,
                "sổ theo dõi xin ý kiến / the register of requests")
    p.add_argument("--case")
    p.add_argument("--as-of", help="tính đến ngày (dd/mm/yyyy)")
    p.add_argument("--json", action="store_true")

    directive_cmds = group("directive", "chỉ đạo, nhiệm vụ được giao / directives")
    p = command(directive_cmds, "add", r.cmd_directive_add, "ghi chỉ đạo / record a directive")
    p.add_argument("--case", help="mã hồ sơ (bỏ trống: việc chung) / case code")
    p.add_argument("--issuer", required=True, help="người, cơ quan chỉ đạo / issuer")
    p.add_argument("--content", required=True)
    p.add_argument("--doc", default="", help="số văn bản / document")
    p.add_argument("--date", help="ngày chỉ đạo (dd/mm/yyyy)")
    p.add_argument("--due", help="hạn (dd/mm/yyyy)")
    p.add_argument("--assignee", default="", help="giao cho / assigned to")
    p.add_argument("--json", action="store_true")
    p = command(directive_cmds, "note", r.cmd_directive_note,
                "ghi tiến độ thực hiện / a progress note")
    p.add_argument("id", type=int)
    p.add_argument("--date", required=True)
    p.add_argument("--text", required=True)
    p = command(directive_cmds, "done", r.cmd_directive_done,
                "ghi hoàn thành / mark done")
    p.add_argument("id", type=int)
    p.add_argument("--date", required=True)
    p.add_argument("--report", default="", help="văn bản báo cáo kết quả / report document")
    p = command(directive_cmds, "list", r.cmd_directive_list,
                "sổ theo dõi chỉ đạo / the register of directives")
    p.add_argument("--case")
    p.add_argument("--as-of", help="tính đến ngày (dd/mm/yyyy)")
    p.add_argument("--json", action="store_true")

    audit = group("audit", "nhật ký / audit trail")
    p = command(audit, "verify", c.cmd_audit_verify,
                "kiểm tra chuỗi nhật ký và chữ ký / verify the chain and the signatures")
    p.add_argument("--seal", metavar="FILE", help="so với dấu niêm phong / check against a seal")
    p.add_argument("--json", action="store_true")
    p = command(audit, "seal", c.cmd_audit_seal,
                "niêm phong đầu chuỗi nhật ký / export the audit head to file or paper")
    p.add_argument("--out", metavar="FILE", help="tệp dấu niêm phong / seal file (.json)")
    p = command(audit, "list", c.cmd_audit_list, "xem nhật ký / show the audit trail")
    p.add_argument("--by", dest="by_user", default=None, help="lọc theo người dùng")
    p.add_argument("--action", default=None)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")

    p = command(sub, "verify", c.cmd_verify, "kiểm tra toàn vẹn kho dữ liệu / check the whole "
                "vault: every page, the audit chain, every document file, the key file")
    p.add_argument("--json", action="store_true")
    p = command(sub, "backup", c.cmd_backup, "sao lưu mã hóa / encrypted backup")
    p.add_argument("dest", metavar="DEST")
    p = command(sub, "restore", c.cmd_restore, "khôi phục / restore a backup into a new vault")
    p.add_argument("src", metavar="SRC")
    p.add_argument("dest", metavar="DEST")

    p = command(cases, "deadlines", w.cmd_case_deadlines,
                "thời hạn của một cuộc thanh tra / a case's deadlines")
    p.add_argument("code")
    p.add_argument("--as-of", help="tính đến ngày (dd/mm/yyyy; mặc định hôm nay)")
    p.add_argument("--json", action="store_true")

    p = command(sub, "overdue", w.cmd_overdue,
                "việc quá hạn và sắp đến hạn / overdue and due-soon items, worst first")
    p.add_argument("--within", type=int, help="số ngày làm việc báo trước (mặc định 5)")
    p.add_argument("--as-of", help="tính đến ngày (dd/mm/yyyy)")
    p.add_argument("--json", action="store_true")

    plans = group("plan", "kế hoạch thanh tra năm / annual inspection plan")
    p = command(plans, "create", w.cmd_plan_create, "lập kế hoạch năm / create a year's plan")
    p.add_argument("year", type=int)
    p.add_argument("--title", default="")
    p.add_argument("--decision-number", default="", help="số quyết định phê duyệt")
    p.add_argument("--decision-date", help="ngày phê duyệt (dd/mm/yyyy)")
    p.add_argument("--unit", default="", help="đơn vị / unit")
    p.add_argument("--staff", type=int, help="số công chức tham gia thanh tra / staff available")
    p = command(plans, "item", w.cmd_plan_item, "thêm mục kế hoạch / add a plan item")
    p.add_argument("year", type=int)
    p.add_argument("--party", required=True, help="đối tượng thanh tra")
    p.add_argument("--content", default="")
    p.add_argument("--quarter", type=int, help="quý dự kiến 1-4")
    p.add_argument("--days", type=int, help="số ngày thanh tra dự kiến")
    p.add_argument("--team-size", type=int, help="số người dự kiến")
    _amendment(p)
    p = command(plans, "approve", pc.cmd_plan_approve,
                "ghi phê duyệt kế hoạch / record the plan's approval")
    p.add_argument("year", type=int)
    p.add_argument("--decision-number", required=True, help="số quyết định phê duyệt")
    p.add_argument("--decision-date", required=True, help="ngày phê duyệt (dd/mm/yyyy)")
    p = command(plans, "item-edit", pc.cmd_plan_item_edit,
                "sửa mục kế hoạch (sau phê duyệt: điều chỉnh) / change an item")
    p.add_argument("item", type=int)
    p.add_argument("--party")
    p.add_argument("--content")
    p.add_argument("--quarter", type=int)
    p.add_argument("--days", type=int)
    p.add_argument("--team-size", type=int)
    _amendment(p)
    p = command(plans, "item-remove", pc.cmd_plan_item_remove,
                "bỏ mục kế hoạch (sau phê duyệt: điều chỉnh) / remove an item")
    p.add_argument("item", type=int)
    _amendment(p)
    p = command(plans, "amendments", pc.cmd_plan_amendments,
                "các lần điều chỉnh kế hoạch đã phê duyệt / amendments of the approved plan")
    p.add_argument("year", type=int)
    p.add_argument("--json", action="store_true")
    p = command(plans, "show", w.cmd_plan_show,
                "tiến độ và cân đối lực lượng / progress and capacity")
    p.add_argument("year", type=int)
    p.add_argument("--as-of", help="tính đến ngày (dd/mm/yyyy)")
    p.add_argument("--json", action="store_true")
    p = command(plans, "list", w.cmd_plan_list, "các kế hoạch / list plans")
    p.add_argument("--json", action="store_true")
    p = command(plans, "start", w.cmd_plan_start,
                "triển khai một mục thành cuộc thanh tra / start an item as a case")
    p.add_argument("item", type=int)
    _case_fields(p)
    p.add_argument("--json", action="store_true")

    reports = group("report", "báo cáo / reports")
    p = command(reports, "period", w.cmd_report_period,
                "báo cáo kỳ (biểu 01/TTr) / period review (table 01/TTr)")
    p.add_argument("--from", dest="start", required=True, help="dd/mm/yyyy")
    p.add_argument("--to", dest="end", required=True, help="dd/mm/yyyy")
    p.add_argument("--unit", default="", help="chỉ đơn vị chủ trì này / only this chairing unit")
    p.add_argument("--json", action="store_true")
    p = command(reports, "follow-up", f.cmd_report_follow_up,
                "theo dõi thực hiện kết luận / follow-up of the conclusions' recommendations")
    p.add_argument("--from", dest="start", required=True, help="dd/mm/yyyy")
    p.add_argument("--to", dest="end", required=True, help="dd/mm/yyyy")
    p.add_argument("--json", action="store_true")

    p = command(cases, "result", f.cmd_case_result,
                "kết quả của kết luận (số liệu) / the conclusion's figures")
    p.add_argument("code")
    for field, option in f.RESULT_OPTIONS:
        p.add_argument(option, dest=f"result_{field}", metavar="VALUE")
    p.add_argument("--reason", default="")
    p.add_argument("--json", action="store_true")

    recs = group("recommendation", "kiến nghị của kết luận / recommendations")
    p = command(recs, "add", f.cmd_recommendation_add, "ghi kiến nghị / add a recommendation")
    p.add_argument("code", help="mã hồ sơ / case code")
    p.add_argument("--kind", required=True,
                   help="recover_money | recover_land | discipline | referral | policy | other")
    p.add_argument("--to", default="", help="đơn vị, người thực hiện / who must act")
    p.add_argument("--content", default="")
    p.add_argument("--money", help="số tiền kiến nghị thu hồi (đồng)")
    p.add_argument("--area", help="diện tích đất (m²)")
    p.add_argument("--due", help="hạn (dd/mm/yyyy)")
    p.add_argument("--json", action="store_true")
    p = command(recs, "update", f.cmd_recommendation_update,
                "ghi tiến độ thực hiện / record a follow-up")
    p.add_argument("id", type=int)
    p.add_argument("--date", required=True)
    p.add_argument("--status", required=True,
                   help="not_started | in_progress | partly_done | done")
    p.add_argument("--recovered-money", help="tổng số tiền đã thu đến nay (đồng)")
    p.add_argument("--recovered-area", help="tổng diện tích đã thu đến nay (m²)")
    p.add_argument("--note", default="")
    p = command(recs, "list", f.cmd_recommendation_list, "danh sách kiến nghị / list")
    p.add_argument("--case")
    p.add_argument("--as-of", help="tính đến ngày (dd/mm/yyyy)")
    p.add_argument("--json", action="store_true")

    cal = group("calendar", "lịch ngày nghỉ / holiday calendar")
    p = command(cal, "show", w.cmd_calendar_show, "ngày nghỉ, ngày làm bù / days off")
    p.add_argument("year", type=int)
    p.add_argument("--json", action="store_true")
    p = command(cal, "set", w.cmd_calendar_set,
                "sửa một ngày (quản trị) / change a day (administrator)")
    p.add_argument("date", help="dd/mm/yyyy")
    p.add_argument("--kind", required=True,
                   help="holiday | day_off | makeup_workday | working_day")
    p.add_argument("--name", default="")
    p.add_argument("--source", default="", help="văn bản căn cứ / source notice")

    p = command(sub, "rules", w.cmd_rules, "các bộ quy tắc thời hạn / legal rule sets")
    p.add_argument("--json", action="store_true")

    st = group("settings", "thiết lập / settings")
    p = command(st, "list", w.cmd_settings_list, "xem / show")
    p.add_argument("--json", action="store_true")
    p = command(st, "set", w.cmd_settings_set, "đặt (quản trị) / set (administrator)")
    p.add_argument("key")
    p.add_argument("value")

    p = command(sub, "import", x.cmd_import,
                "nhập dữ liệu từ Excel / import an Excel workbook")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--kind", choices=["cases", "plan", "opinions", "staff"],
                   help="loại dữ liệu (mặc định: đoán theo dòng tiêu đề) / what the file holds "
                        "(default: guessed from its header)")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi / preview only")
    p.add_argument("--errors", metavar="OUT.xlsx", help="ghi bảng lỗi / write the error workbook")
    p.add_argument("--year", type=int, help="năm kế hoạch (khi tệp không có cột Năm)")
    p.add_argument("--allow-foreign", action="store_true",
                   help="cho phép tệp xuất từ kho dữ liệu khác / accept another vault's export")
    p.add_argument("--swap-dates", action="append", default=[], metavar="COLUMN",
                   help="đảo lại ngày/tháng của cột bị bảng tính kiểu Mỹ đảo (vd decision_date) / "
                        "swap back day and month of a column a month/day spreadsheet swapped")
    p.add_argument("--keep-encoding", action="append", default=[], metavar="COLUMN",
                   help="giữ nguyên cột gõ bằng TCVN3/VNI, không chuyển sang Unicode / leave a "
                        "column typed in TCVN3 or VNI as it is")
    p.add_argument("--skip-errors", action="store_true",
                   help="nhập các dòng đúng, bỏ dòng lỗi / import the good rows only")
    p.add_argument("--json", action="store_true")

    p = command(sub, "export", x.cmd_export, "xuất ra Excel / export to Excel")
    p.add_argument("kind", choices=["cases", "overdue", "plan", "report", "follow-up", "summary"])
    p.add_argument("out", metavar="OUT.xlsx")
    p.add_argument("--format", choices=["xlsx", "ods"],
                   help="xlsx (Excel) hoặc ods (OpenDocument); mặc định theo đuôi tệp / "
                        "xlsx or ods; by default the file's extension decides")
    p.add_argument("--reason", default="", help="lý do xuất (bắt buộc với dữ liệu mật)")
    p.add_argument("--search", default="", help="cases: chỉ hồ sơ khớp / only matching cases")
    p.add_argument("--year", type=int, help="plan: năm")
    p.add_argument("--from", dest="start", help="report, follow-up: từ ngày dd/mm/yyyy")
    p.add_argument("--to", dest="end", help="report, follow-up: đến ngày dd/mm/yyyy")
    p.add_argument("--unit", default="", help="report: đơn vị chủ trì")
    p.add_argument("--by", choices=["unit", "stage", "year", "leader", "level", "party"],
                   help="summary: tổng hợp theo / group by")
    p.add_argument("--then", choices=["unit", "stage", "year", "leader", "level", "party"],
                   help="summary: rồi chia tiếp theo / then split by")
    p.add_argument("--as-of", help="overdue, plan: tính đến ngày")
    p.add_argument("--within", type=int, help="overdue: số ngày làm việc báo trước")
    p.add_argument("--json", action="store_true")

    p = command(sub, "demo", c.cmd_demo, "tạo kho dữ liệu mẫu / create a demo vault")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--cases", type=int, default=0, help="số hồ sơ tổng hợp thêm / synthetic cases")

    p = command(sub, "remember", c.cmd_remember,
                "ghi nhớ đăng nhập trên máy này (kho khóa hệ điều hành) / remember me here")
    p.add_argument("--off", action="store_true", help="quên / forget")

    _document_commands(sub, command, group)
    return parser


def _document_commands(sub, command, group) -> None:
    """hoso doc … (documents and their encrypted contents), hoso register … (forms 12-18)."""
    from desktop.cli import document_commands as d

    docs = group("doc", "tài liệu, tệp nội dung mã hóa / documents and their encrypted files")
    p = command(docs, "add", d.cmd_doc_add,
                "lưu tài liệu (và tệp nội dung) / record a document (and store its file)")
    p.add_argument("code", metavar="CODE", help="mã hồ sơ, “-” nếu không thuộc hồ sơ nào")
    p.add_argument("file", metavar="FILE", nargs="?", help="tệp nội dung (mọi loại, mọi cỡ)")
    p.add_argument("--number", required=True, help="số, ký hiệu, ví dụ 12/KL-TTCP")
    p.add_argument("--type", default="", help="loại văn bản: QĐ, KL, BC, KH, TB, TTr, BB…")
    p.add_argument("--level", default="thuong", help="độ mật / classification")
    p.add_argument("--date", help="ngày văn bản (dd/mm/yyyy)")
    p.add_argument("--issuer", default="", help="cơ quan ban hành / issuer")
    p.add_argument("--summary", default="", help="trích yếu / summary")
    p.add_argument("--note", default="", help="ghi chú / note")
    p.add_argument("--direction", default="internal", help="in (đến) | out (đi) | internal")
    p.add_argument("--received", help="ngày đến (dd/mm/yyyy)")
    p.add_argument("--sender", default="", help="nơi gửi (văn bản đến)")
    p.add_argument("--recipient", default="", help="nơi nhận (văn bản đi)")
    p.add_argument("--signer", default="", help="người ký (văn bản đi)")
    p.add_argument("--handler", dest="handled_by", default="", help="người/đơn vị nhận, xử lý")
    p.add_argument("--copies", type=int, default=1, help="số lượng bản")
    p.add_argument("--classified-on", help="ngày xác định độ mật (mặc định: ngày văn bản)")
    p.add_argument("--version-note", default="", help="ghi chú của phiên bản 1")
    p.add_argument("--json", action="store_true")
    p = command(docs, "version", d.cmd_doc_version,
                "thêm phiên bản mới (giữ các phiên bản cũ) / add a version")
    p.add_argument("id", type=int)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--note", default="", help="ghi chú / note")
    p.add_argument("--json", action="store_true")
    p = command(docs, "list", d.cmd_doc_list, "danh sách tài liệu / list documents")
    p.add_argument("code", metavar="CODE", nargs="?", help="mã hồ sơ (bỏ trống: tất cả)")
    p.add_argument("--json", action="store_true")
    p = command(docs, "show", d.cmd_doc_show, "xem tài liệu / show a document")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p = command(docs, "export", d.cmd_doc_export,
                "xuất bản sao giải mã (ghi nhật ký) / export a decrypted copy (audited)")
    p.add_argument("id", type=int)
    p.add_argument("out", metavar="OUT", help="thư mục hoặc tên tệp / folder or file name")
    p.add_argument("--reason", required=True, help="lý do / reason")
    p.add_argument("--version", type=int, help="phiên bản (mặc định: mới nhất)")
    p.add_argument("--json", action="store_true")
    p = command(docs, "destroy", d.cmd_doc_destroy,
                "tiêu hủy nội dung (giữ sổ đăng ký) / destroy the content (the register stays)")
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True, help="lý do / reason")
    p.add_argument("--decision", default="", help="quyết định, biên bản tiêu hủy / decision")
    p.add_argument("--decided-by", default="", help="người quyết định / decided by")
    p.add_argument("--json", action="store_true")
    p = command(docs, "level", d.cmd_doc_level,
                "đổi độ mật, giải mật / change the level or declassify")
    p.add_argument("id", type=int)
    p.add_argument("level", metavar="LEVEL", help="Thường | Mật | Tối mật | Tuyệt mật")
    p.add_argument("--reason", required=True, help="lý do / reason")
    p.add_argument("--decision", default="", help="văn bản quyết định / decision")
    p.add_argument("--decided-by", default="", help="người quyết định / decided by")
    p.add_argument("--date", help="ngày quyết định (dd/mm/yyyy)")
    p.add_argument("--json", action="store_true")
    p = command(docs, "extend", d.cmd_doc_extend,
                "gia hạn thời hạn bảo vệ / extend the protection period")
    p.add_argument("id", type=int)
    p.add_argument("--years", type=int, required=True)
    p.add_argument("--reason", required=True, help="lý do / reason")
    p.add_argument("--decision", default="", help="văn bản quyết định / decision")
    p.add_argument("--decided-by", default="", help="người quyết định / decided by")
    p.add_argument("--date", help="ngày quyết định (dd/mm/yyyy)")
    p.add_argument("--json", action="store_true")
    p = command(docs, "copy", d.cmd_doc_copy,
                "ghi sổ sao, chụp (mẫu 12) / record copies made (form 12)")
    p.add_argument("id", type=int)
    p.add_argument("--copies", type=int, required=True, help="số bản / number of copies")
    p.add_argument("--reason", required=True, help="lý do / reason")
    p.add_argument("--approved-by", required=True, help="người cho phép sao / approved by")
    p.add_argument("--made-by", default="", help="người thực hiện / made by")
    p.add_argument("--recipients", default="", help="nơi nhận bản sao / recipients")
    p.add_argument("--method", default="sao", help="sao | chụp | trích sao…")
    p.add_argument("--date", help="ngày sao (dd/mm/yyyy)")
    p.add_argument("--json", action="store_true")
    p = command(docs, "search", d.cmd_doc_search,
                "tìm trong nội dung (không dấu) / search contents (accent-insensitive)")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p = command(docs, "expiring", d.cmd_doc_expiring,
                "sắp hết thời hạn bảo vệ / protection period ending soon")
    p.add_argument("--within", type=int, help="số ngày (mặc định 60)")
    p.add_argument("--today", help="tính đến ngày (dd/mm/yyyy)")
    p.add_argument("--json", action="store_true")

    registers = group("register", "sổ bí mật nhà nước / state-secret registers")
    for kind, help_text in (("in", "sổ đến (mẫu 15) / incoming register (form 15)"),
                            ("out", "sổ đi (mẫu 14) / outgoing register (form 14)"),
                            ("internal", "tài liệu mật nội bộ / internal classified documents"),
                            ("copies", "sổ sao, chụp (mẫu 12) / copy register (form 12)"),
                            ("stats", "thống kê năm (mẫu 18) / yearly statistics (form 18)")):
        p = command(registers, kind, d.cmd_register, help_text)
        p.set_defaults(kind=kind)
        p.add_argument("--year", type=int, help="năm (mặc định: năm nay)")
        p.add_argument("--json", action="store_true")

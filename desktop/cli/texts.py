"""The command line's own words: prompts, the headings and labels of what it prints.

Key → (Vietnamese, English), as in desktop.domain.messages; desktop/cli/__init__ registers
them there (as desktop.exchange.excel does its own), so render() is the one way out and
a key can never be given two texts. A table's column headings stay beside its rows, one
pair per table (commands.headers), so a heading cannot drift from the cell it names."""

from desktop.domain.messages import render

CLI_TEXTS: dict[str, tuple[str, str]] = {
    # password prompts
    "cli.prompt.password": ("Mật khẩu", "Password"),
    "cli.prompt.current_password": ("Mật khẩu hiện tại", "Current password"),
    "cli.prompt.new_password": ("Mật khẩu mới", "New password"),
    "cli.prompt.admin_password": ("Mật khẩu quản trị viên", "Administrator password"),
    "cli.prompt.demo_password": ("Mật khẩu cho admin", "Password for admin"),
    "cli.prompt.repeat": ("Nhập lại", "Repeat"),
    # hoso user list: the state of an account
    "cli.account.altered": ("BỊ SỬA NGOÀI CHƯƠNG TRÌNH (theo chứng thư)",
                            "ALTERED OUTSIDE THE PROGRAM (as certified)"),
    "cli.account.unsigned": ("KHÔNG CÓ CHỮ KÝ HỢP LỆ", "NO VALID SIGNATURE"),
    "cli.account.not_enrolled": ("cần đặt lại mật khẩu", "needs a password reset"),
    "cli.account.disabled": ("đã khóa", "disabled"),
    # hoso case list / show
    "cli.case.count": ("{n} hồ sơ", "{n} cases"),
    "cli.case.inspected_party": ("Đối tượng thanh tra", "Inspected party"),
    "cli.case.content": ("Nội dung", "Content"),
    "cli.case.period": ("Thời kỳ thanh tra", "Inspected period"),
    "cli.case.basis": ("Căn cứ", "Basis"),
    "cli.case.decision": ("Quyết định", "Decision"),
    "cli.case.chaired_by": ("Đơn vị chủ trì", "Chaired by"),
    "cli.case.supervisor": ("Lãnh đạo phụ trách", "Supervising leader"),
    "cli.case.stage": ("Giai đoạn", "Stage"),
    "cli.case.team": ("Đoàn thanh tra", "Team"),
    "cli.case.event_voided": ("[đã hủy: {reason}]", "[voided: {reason}]"),
    "cli.case.event_corrects": ("[sửa sự kiện #{id}]", "[corrects event #{id}]"),
    "cli.case.opinions": ("Xin ý kiến", "Opinion requests"),
    "cli.case.not_answered": ("chưa trả lời", "not answered"),
    "cli.case.directives": ("Chỉ đạo", "Directives"),
    "cli.case.documents": ("Văn bản", "Documents"),
    "cli.case.results": ("Kết quả", "Results"),
    "cli.case.violations": ("Sai phạm", "Violations"),
    "cli.case.recovery": ("Kiến nghị thu hồi", "Recovery"),
    "cli.events": ("Diễn biến", "Events"),   # of a case and of a document
    # hoso doc …, hoso register …
    "cli.doc.hidden": ("(không đủ độ mật)", "(not cleared)"),
    "cli.doc.destroyed": ("đã tiêu hủy", "destroyed"),
    "cli.doc.content_destroyed": ("Nội dung đã bị tiêu hủy.", "The content was destroyed."),
    "cli.doc.type": ("Loại", "Type"),
    "cli.doc.date": ("Ngày", "Date"),
    "cli.doc.case": ("Hồ sơ", "Case"),
    "cli.doc.direction": ("Đi/đến", "Direction"),
    "cli.doc.register_number": ("Số đăng ký mật", "Register number"),
    "cli.doc.protection_until": ("Hết thời hạn bảo vệ", "Protection ends"),
    "cli.doc.summary": ("Trích yếu", "Summary"),
    "cli.doc.issuer": ("Cơ quan ban hành", "Issuer"),
    "cli.doc.received": ("Ngày đến", "Received"),
    "cli.doc.sender": ("Nơi gửi", "Sender"),
    "cli.doc.recipient": ("Nơi nhận", "Recipient"),
    "cli.doc.signer": ("Người ký", "Signer"),
    "cli.doc.handler": ("Người xử lý", "Handler"),
    "cli.doc.copies": ("Số bản", "Copies"),
    "cli.doc.note": ("Ghi chú", "Note"),
    "cli.doc.versions": ("Phiên bản", "Versions"),
    "cli.doc.copies_made": ("Sao, chụp", "Copies made"),
    "cli.doc.until": ("đến {date}", "until {date}"),
    "cli.doc.in_record": ("hồ sơ", "record"),   # a search hit in the record, not a file
    "cli.doc_event.classified": ("Xác định độ mật", "Classified"),
    "cli.doc_event.level_change": ("Điều chỉnh độ mật", "Level changed"),
    "cli.doc_event.declassified": ("Giải mật", "Declassified"),
    "cli.doc_event.extended": ("Gia hạn bảo vệ", "Protection extended"),
    "cli.doc_event.destroyed": ("Tiêu hủy", "Destroyed"),
    "cli.register.stats_title": ("Thống kê bí mật nhà nước năm {year} ({start} – {end})",
                                 "State-secret statistics {year} ({start} – {end})"),
    # hoso import
    "cli.import.row": ("dòng {n}", "row {n}"),
    "cli.import.empty": ("(trống)", "(empty)"),
    # deadlines, plans
    "cli.days": ("{n} ngày", "{n} days"),
    "cli.overdue.none": ("Không có việc quá hạn hoặc sắp đến hạn.", "Nothing overdue or due soon."),
    "cli.plan_item.started": ("Đã triển khai", "Started"),
    "cli.plan_item.not_started": ("Chưa triển khai", "Not started"),
    "cli.plan_item.late": ("Chậm triển khai", "Late"),
    "cli.plan.counts": ("Đã triển khai {started}, chưa triển khai {not_started}, chậm {late}.",
                        "Started {started}, not started {not_started}, late {late}."),
    "cli.plan.carried_over": ("Cuộc chưa kết luận chuyển sang: {codes}",
                              "Unfinished cases carried over: {codes}"),
    "cli.amendment.add": ("Thêm", "Added"),
    "cli.amendment.change": ("Sửa", "Changed"),
    "cli.amendment.remove": ("Bỏ", "Removed"),
    # hoso report period (table 01/TTr)
    "cli.report.title": ("BÁO CÁO KẾT QUẢ THANH TRA HÀNH CHÍNH (biểu 01/TTr)",
                         "ADMINISTRATIVE INSPECTION RESULTS (table 01/TTr)"),
    "cli.report.without_conclusion": ("Cuộc thanh tra chưa ban hành kết luận: {n}",
                                      "Inspections without a conclusion: {n}"),
    "cli.report.opinions_overdue": ("Xin ý kiến quá hạn chưa trả lời:", "Opinion requests overdue:"),
    "cli.report.directives_overdue": ("Nhiệm vụ, chỉ đạo quá hạn:", "Directives overdue:"),
    "cli.report.items_not_started": ("Mục kế hoạch chưa triển khai:", "Plan items not started:"),
    "cli.indicator.carried_out": ("Số cuộc thanh tra đang thực hiện", "Inspections carried out"),
    "cli.indicator.carried_over": ("kỳ trước chuyển sang", "carried over"),
    "cli.indicator.started": ("triển khai trong kỳ", "started in the period"),
    "cli.indicator.started_planned": ("theo kế hoạch", "planned"),
    "cli.indicator.started_ad_hoc": ("đột xuất", "ad hoc"),
    "cli.indicator.onsite_finished": ("Đã kết thúc thanh tra trực tiếp", "On-site phase finished"),
    "cli.indicator.conclusions_issued": ("Đã ban hành kết luận", "Conclusions issued"),
    "cli.indicator.units_inspected": ("Số đơn vị được thanh tra", "Units inspected"),
    "cli.indicator.violation_money": ("Sai phạm về tiền (triệu đồng)",
                                      "Violations, money (million VND)"),
    "cli.indicator.violation_land_m2": ("Sai phạm về đất (m²)", "Violations, land (m²)"),
    "cli.indicator.recovery_money": ("Kiến nghị thu hồi tiền (triệu đồng)",
                                     "Recovery, money (million VND)"),
    "cli.indicator.recovery_land_m2": ("Kiến nghị thu hồi đất (m²)", "Recovery, land (m²)"),
    "cli.indicator.disciplined_orgs": ("Kiến nghị xử lý hành chính: tổ chức",
                                       "Administrative handling: organisations"),
    "cli.indicator.disciplined_persons": ("Kiến nghị xử lý hành chính: cá nhân",
                                          "Administrative handling: individuals"),
    "cli.indicator.referral_cases": ("Chuyển cơ quan điều tra: vụ", "Referred to investigators: cases"),
    "cli.indicator.referral_persons": ("Chuyển cơ quan điều tra: người",
                                       "Referred to investigators: persons"),
    "cli.indicator.policy_recommendations": ("Kiến nghị sửa đổi cơ chế, chính sách (văn bản)",
                                             "Changes of rules or policy recommended (documents)"),
    # calendar, rules
    "cli.day.holiday": ("Nghỉ lễ, Tết", "Holiday"),
    "cli.day.day_off": ("Nghỉ", "Day off"),
    "cli.day.makeup_workday": ("Làm bù", "Make-up working day"),
    "cli.day.working_day": ("Làm việc bình thường", "Working day"),
    "cli.day.edited": ("đã sửa", "edited"),
    "cli.to_verify": ("cần kiểm tra", "to verify"),
    "cli.no_figure": ("chưa có số liệu", "no figure yet"),
    "cli.deadline_verify_mark": (
        "* hạn tính theo số liệu chưa đối chiếu được với văn bản luật (cần kiểm tra).",
        "* a due date resting on a figure not yet confirmed against the law's text (to verify)."),
    "cli.calendar.working_days": ("Năm {year} có {n} ngày làm việc.", "{year} has {n} working days."),
}


def label(group: str, code: str, lang: str) -> str:
    """The words for `code` of a closed set (an account problem, a kind of day…); the code
    itself if it has none, so a value added later still shows."""
    key = f"cli.{group}.{code}"
    return render(key, lang) if key in CLI_TEXTS else code

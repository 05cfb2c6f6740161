"""Messages of the deadline engine and of event-order validation (Vietnamese, English).

Part of the catalogue: desktop.domain.messages merges it into MESSAGES.
"""


WORKFLOW_MESSAGES: dict[str, tuple[str, str]] = {
    # --- event-order validation (desktop.domain.workflow) ---
    # Stage labels come in both languages: {stage}/{other}/{needed} in Vietnamese,
    # {stage_en}/{other_en}/{needed_en} in English; dates are dd/mm/yyyy.
    "workflow.future_date": (
        "Không thể ghi nhận “{stage}” ngày {date}: ngày này nằm trong tương lai (hôm nay là {today}).",
        "Cannot record “{stage_en}” on {date}: that date is in the future (today is {today})."),
    "workflow.negative_days": (
        "Số ngày của “{stage}” không được âm ({days}).",
        "The number of days of “{stage_en}” cannot be negative ({days})."),
    "workflow.missing_predecessor": (
        "Chưa thể ghi nhận “{stage}”: hồ sơ chưa có “{needed}”.",
        "Cannot record “{stage_en}”: the case has no “{needed_en}” yet."),
    "workflow.predecessor_later": (
        "Không thể ghi nhận “{stage}” ngày {date}: “{needed}” ghi ngày {other_date}, muộn hơn.",
        "Cannot record “{stage_en}” on {date}: “{needed_en}” is dated later, {other_date}."),
    "workflow.before_other": (
        "“{stage}” ngày {date} không thể trước “{other}” ngày {other_date}.",
        "“{stage_en}” on {date} cannot be before “{other_en}” on {other_date}."),
    "workflow.after_other": (
        "“{stage}” ngày {date} không thể sau “{other}” ngày {other_date}.",
        "“{stage_en}” on {date} cannot be after “{other_en}” on {other_date}."),
    "workflow.before_decision": (
        "“{stage}” ngày {date} không thể trước ngày quyết định thanh tra {other_date}.",
        "“{stage_en}” on {date} cannot be before the decision to inspect of {other_date}."),
    "workflow.duplicate": (
        "Hồ sơ đã có “{stage}” ngày {other_date}; bước này chỉ được ghi nhận một lần.",
        "The case already has “{stage_en}” on {other_date}; this step is recorded only once."),
    "workflow.case_final": (
        "Hồ sơ đã có “{other}” ngày {other_date}; không thể ghi nhận thêm “{stage}” ngày {date}.",
        "The case has “{other_en}” on {other_date}; “{stage_en}” on {date} cannot be recorded."),
    "workflow.not_suspended": (
        "Không thể ghi nhận “Tiếp tục” ngày {date}: cuộc thanh tra không bị tạm dừng vào ngày đó.",
        "Cannot record “Resumed” on {date}: the inspection is not suspended on that date."),
    "workflow.already_suspended": (
        "Cuộc thanh tra đang tạm dừng từ ngày {other_date}; hãy ghi nhận “Tiếp tục” trước khi tạm dừng lần nữa.",
        "The inspection has been suspended since {other_date}; record “Resumed” before suspending it again."),
    "workflow.onsite_over": (
        "Không thể ghi nhận “{stage}” ngày {date}: đã kết thúc thanh tra trực tiếp ngày {other_date}.",
        "Cannot record “{stage_en}” on {date}: the on-site inspection ended on {other_date}."),

    # --- deadline kinds and states (desktop.domain.deadlines) ---
    "deadline.kind.onsite_end": ("Kết thúc thanh tra trực tiếp", "End of on-site inspection"),
    "deadline.kind.team_report": ("Báo cáo kết quả thanh tra", "Team's result report"),
    "deadline.kind.draft_assign": ("Giao xây dựng dự thảo kết luận",
                                   "Assignment of the draft conclusion"),
    "deadline.kind.conclusion": ("Ký ban hành kết luận thanh tra", "Signing of the conclusion"),
    "deadline.kind.opinion_reply": ("Trả lời xin ý kiến", "Reply to a request for opinions"),
    "deadline.kind.directive": ("Nhiệm vụ được giao", "Assigned task"),
    "deadline.kind.stage_limit": ("Giai đoạn kéo dài quá mức", "Stage held too long"),
    "deadline.state.on_time": ("Trong hạn", "On time"),
    "deadline.state.due_soon": ("Sắp đến hạn", "Due soon"),
    "deadline.state.overdue": ("Quá hạn", "Overdue"),
    "deadline.state.met": ("Đã hoàn thành đúng hạn", "Completed on time"),
    "deadline.state.met_late": ("Hoàn thành trễ hạn", "Completed late"),
    # status_text(): the state with its day count
    "deadline.status.on_time": ("Còn {days} {unit}", "{days} {unit} left"),
    "deadline.status.due_soon": ("Sắp đến hạn: còn {days} {unit}", "Due soon: {days} {unit} left"),
    "deadline.status.due_today": ("Đến hạn hôm nay", "Due today"),
    "deadline.status.overdue": ("Quá hạn {days} {unit}", "Overdue by {days} {unit}"),
    "deadline.status.met": ("Hoàn thành đúng hạn (sớm {days} {unit})",
                            "Completed on time ({days} {unit} early)"),
    "deadline.status.met_on_the_day": ("Hoàn thành đúng hạn (vào ngày hạn)",
                                       "Completed on time (on the due date)"),
    "deadline.status.met_late": ("Hoàn thành trễ {days} {unit}", "Completed {days} {unit} late"),
    "deadline.status.suspended": ("Đang tạm dừng từ {since}; còn {days} {unit}",
                                  "Suspended since {since}; {days} {unit} left"),

    "deadline.start.request_sent": ("Gửi văn bản xin ý kiến tới {subject}",
                                    "Request for opinions sent to {subject}"),
    "deadline.start.issued": ("Giao nhiệm vụ", "Task assigned"),
    "deadline.start.head_received": ("Thủ trưởng nhận văn bản xin ý kiến gửi {subject}",
                                     "The head receives the request for opinions sent to "
                                     "{subject}"),
    "deadline.explain.receipt_same_day": (
        " (chưa ghi ngày nhận: tính là chính ngày gửi)",
        " (receipt not recorded: taken as the day it was sent)"),
    "deadline.explain.head_receipt_same_day": (
        "ngày thủ trưởng nhận báo cáo (chưa ghi ngày nhận: tính là chính ngày đó)",
        "the day the head receives the report (receipt not recorded: taken as that day)"),
    "deadline.explain.receipt": (
        " (chưa ghi ngày nhận: tính là ngày gửi {sent} cộng {days} ngày chuyển văn bản)",
        " (receipt not recorded: taken as the sent date {sent} plus {days} day(s) of delivery)"),
    "deadline.explain.that_day": ("ngày đó", "that day"),
    "deadline.explain.consultation_not_due": (
        "; việc lấy ý kiến đã ghi không lùi hạn vì hồ sơ không thuộc diện phải lấy ý kiến thủ "
        "trưởng (Luật 84/2025 Điều 36: vụ việc quốc phòng, an ninh; Ban Chỉ đạo phòng, chống "
        "tham nhũng theo dõi; hoặc thủ trưởng yêu cầu — ghi ở mục “Diện lấy ý kiến thủ trưởng”)",
        "; the consultation recorded does not move the due date: the case is not one the head "
        "must be consulted on (Law 84/2025 Art. 36: defence or security, followed by an "
        "anti-corruption steering committee, or the head asked — set in “Head's opinion "
        "required”)"),
    "deadline.no_figure": (
        "{limit}: chưa có số liệu — {article}. {note}",
        "{limit}: no figure yet — {article}. {note}"),
    "deadline.limit.draft_conclusion": ("Xây dựng dự thảo kết luận", "Drafting the conclusion"),
    "deadline.explain.head_receipt": (
        "ngày thủ trưởng nhận báo cáo (chưa ghi ngày nhận: tính là ngày đó cộng {days} ngày "
        "chuyển văn bản)",
        "the day the head receives the report (receipt not recorded: taken as that day plus "
        "{days} day(s) of delivery)"),
    # --- explanations: one sentence built from the parts below ---
    "deadline.explain.rule": (
        "Theo {article}: {limit} {unit} kể từ “{start}” ngày {start_date}{extras}; hạn {due}{flags}.",
        "Under {article}: {limit} {unit} from “{start}” on {start_date}{extras}; due {due}{flags}."),
    "deadline.explain.opinion_given": (
        "Hạn trả lời ghi trong văn bản xin ý kiến gửi {subject} ngày {start_date}; hạn {due}{flags}.",
        "Reply date set in the request for opinions sent to {subject} on {start_date}; due {due}{flags}."),
    "deadline.explain.stage_limit": (
        "Hồ sơ ở giai đoạn “{stage}” từ ngày {start_date}; luật không quy định thời hạn cho "
        "giai đoạn này, quản trị viên đặt {limit} ngày; hạn {due}{flags}.",
        "The case has been at “{stage}” since {start_date}; the law sets no limit for this "
        "stage, the administrator set {limit} days; due {due}{flags}."),
    "deadline.explain.directive": (
        "Hạn do {subject} giao{issued}: {due}{flags}.",
        "Due date set by {subject}{issued}: {due}{flags}."),
    "deadline.explain.issued": (" ngày {date}", " on {date}"),
    "deadline.explain.extension": (", cộng {days} {unit} gia hạn", ", plus {days} {unit} of extension"),
    "deadline.explain.extension_no_days": (
        ", {n} lần gia hạn chưa ghi số ngày (chưa cộng)",
        ", {n} extension(s) recorded without a number of days (not added)"),
    "deadline.explain.suspension": (
        ", cộng {days} {unit} tạm dừng (thời gian tạm dừng không tính vào thời hạn — điều này "
        "chưa đối chiếu được với văn bản luật)",
        ", plus {days} {unit} of suspension (suspended time does not count — not yet confirmed "
        "against the law's text)"),
    "deadline.explain.suspended_now": (
        ", đang tạm dừng từ ngày {since} nên hạn lùi theo từng ngày tạm dừng",
        ", suspended since {since}, so the due date moves with each day of suspension"),
    "deadline.explain.consultation": (
        ", và vì có “{stage}” ngày {date} sau dự thảo nên hạn không sớm hơn {reply} {reply_unit} "
        "sau {received} (thời hạn trả lời ý kiến, {reply_article})",
        ", and because of “{stage}” on {date} after the draft, the due date is no earlier than "
        "{reply} {reply_unit} after {received} (reply time limit, {reply_article})"),
    "deadline.explain.rolled": (
        ", hạn rơi vào ngày nghỉ {raw} nên chuyển sang ngày làm việc tiếp theo",
        ", the limit falls on the day off {raw} so it moves to the next working day"),
    "deadline.explain.level_fallback": (
        " (bộ quy tắc không có số cho cấp {level}: tạm dùng số của cấp Thanh tra Chính phủ)",
        " (the rule set has no figure for level {level}: the Government Inspectorate's is used)"),
    "deadline.explain.verify": (" (cần kiểm tra)", " (to verify)"),
    "deadline.explain.no_calendar": (
        " (lịch nghỉ năm {year} chưa có: chỉ trừ thứ Bảy, Chủ nhật)",
        " (no holiday calendar for {year}: only weekends are skipped)"),
}


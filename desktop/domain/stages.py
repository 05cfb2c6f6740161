"""Workflow stages of an inspection case (desktop/docs/domain.md, "The life of a case").

A case's events are stages with a date; the case's current stage is its latest
event that is a *milestone* (extensions, suspensions and resumptions are events
that do not move the case forward).
"""

from enum import Enum

from desktop.domain.folding import fold


class Stage(str, Enum):
    GATHERING = "gathering"              # thu thập thông tin
    DECISION = "decision"                # quyết định thanh tra
    PLAN_APPROVED = "plan_approved"      # phê duyệt kế hoạch tiến hành thanh tra
    ANNOUNCED = "announced"              # công bố quyết định: the clock starts
    EXTENDED = "extended"                # gia hạn
    SUSPENDED = "suspended"              # tạm dừng: the clock stops
    RESUMED = "resumed"                  # tiếp tục sau tạm dừng
    ONSITE_ENDED = "onsite_ended"        # kết thúc thanh tra trực tiếp
    TEAM_REPORT = "team_report"          # báo cáo kết quả thanh tra
    DRAFT = "draft"                      # dự thảo kết luận
    REVIEW = "review"                    # thẩm định dự thảo
    CONSULTATION = "consultation"        # lấy ý kiến bộ, ngành, địa phương
    PM_DRAFT_OPINION = "pm_draft_opinion"  # xin ý kiến Thủ tướng về dự thảo KL
    PM_ISSUE_OPINION = "pm_issue_opinion"  # xin ý kiến Thủ tướng về việc ban hành KL
    CONCLUDED = "concluded"              # ban hành kết luận
    PUBLISHED = "published"              # công khai kết luận
    FOLLOW_UP = "follow_up"              # theo dõi, đôn đốc thực hiện KL
    CLOSED = "closed"                    # kết thúc hồ sơ
    CANCELLED = "cancelled"              # hủy cuộc thanh tra

    @property
    def rank(self) -> int:
        return _ORDER.index(self)

    @property
    def is_milestone(self) -> bool:
        return self not in (Stage.EXTENDED, Stage.SUSPENDED, Stage.RESUMED)

    @property
    def is_final(self) -> bool:
        return self in (Stage.CLOSED, Stage.CANCELLED)

    @property
    def has_conclusion(self) -> bool:
        return self in (Stage.CONCLUDED, Stage.PUBLISHED, Stage.FOLLOW_UP, Stage.CLOSED)

    def label(self, lang: str = "vi") -> str:
        return _LABELS[self][0 if lang == "vi" else 1]

    @classmethod
    def parse(cls, text: str) -> "Stage":
        """Accepts the code, or the Vietnamese/English label with or without accents."""
        key = fold(text).strip().replace("-", "_").replace(" ", "_")
        for stage in cls:
            if key in (stage.value, fold(_LABELS[stage][0]).replace(" ", "_"),
                       fold(_LABELS[stage][1]).replace(" ", "_")):
                return stage
        raise ValueError(text)


_ORDER = list(Stage)

_LABELS = {
    Stage.GATHERING: ("Thu thập thông tin", "Information gathering"),
    Stage.DECISION: ("Quyết định thanh tra", "Decision to inspect"),
    Stage.PLAN_APPROVED: ("Phê duyệt kế hoạch", "Team plan approved"),
    Stage.ANNOUNCED: ("Công bố quyết định", "Decision announced"),
    Stage.EXTENDED: ("Gia hạn", "Extension"),
    Stage.SUSPENDED: ("Tạm dừng", "Suspension"),
    Stage.RESUMED: ("Tiếp tục", "Resumed"),
    Stage.ONSITE_ENDED: ("Kết thúc thanh tra trực tiếp", "End of on-site inspection"),
    Stage.TEAM_REPORT: ("Báo cáo kết quả thanh tra", "Team's result report"),
    Stage.DRAFT: ("Dự thảo kết luận", "Draft conclusion"),
    Stage.REVIEW: ("Thẩm định dự thảo", "Review of the draft"),
    Stage.CONSULTATION: ("Lấy ý kiến bộ, ngành, địa phương", "Opinions of ministries and localities"),
    Stage.PM_DRAFT_OPINION: ("Xin ý kiến Thủ tướng về dự thảo KL",
                             "Prime Minister's opinion on the draft"),
    Stage.PM_ISSUE_OPINION: ("Xin ý kiến Thủ tướng về việc ban hành KL",
                             "Prime Minister's opinion on issuing"),
    Stage.CONCLUDED: ("Ban hành kết luận", "Conclusion issued"),
    Stage.PUBLISHED: ("Công khai kết luận", "Conclusion published"),
    Stage.FOLLOW_UP: ("Theo dõi thực hiện kết luận", "Follow-up of the conclusion"),
    Stage.CLOSED: ("Kết thúc hồ sơ", "File closed"),
    Stage.CANCELLED: ("Hủy cuộc thanh tra", "Cancelled"),
}


class InspectingLevel(str, Enum):
    """Who inspects: the limits of the law differ by level."""

    GOVERNMENT = "government"    # Thanh tra Chính phủ
    MINISTRY = "ministry"        # Thanh tra Bộ
    PROVINCE = "province"        # Thanh tra tỉnh
    DEPARTMENT = "department"    # Thanh tra sở / huyện

    def label(self, lang: str = "vi") -> str:
        vi = {"government": "Thanh tra Chính phủ", "ministry": "Thanh tra Bộ",
              "province": "Thanh tra tỉnh", "department": "Thanh tra sở, huyện"}
        return vi[self.value] if lang == "vi" else self.value.capitalize()


class Basis(str, Enum):
    PLAN = "plan"              # theo kế hoạch
    ASSIGNMENT = "assignment"  # đột xuất / được giao

    def label(self, lang: str = "vi") -> str:
        if lang == "vi":
            return "Theo kế hoạch" if self is Basis.PLAN else "Đột xuất / được giao"
        return "Planned" if self is Basis.PLAN else "Ad hoc / assigned"


class TeamRole(str, Enum):
    LEADER = "leader"        # trưởng đoàn
    DEPUTY = "deputy"        # phó trưởng đoàn
    MEMBER = "member"        # thành viên
    SECRETARY = "secretary"  # thư ký

    def label(self, lang: str = "vi") -> str:
        vi = {"leader": "Trưởng đoàn", "deputy": "Phó trưởng đoàn", "member": "Thành viên",
              "secretary": "Thư ký"}
        return vi[self.value] if lang == "vi" else self.value.capitalize()

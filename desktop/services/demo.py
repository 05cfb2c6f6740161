"""Demo data: the situation of Cục II, Thanh tra Chính phủ, at 30/06/2024 (the seed's
half-year review), plus any number of synthetic cases for scale.

The fixed part reproduces the seed: six inspections chaired by Cục II with no conclusion
at the end of the first half of 2024 — one waiting for the Prime Minister's opinion on
issuing the conclusion, four waiting for his opinion on the draft, one still gathering
the opinions of ministries and localities (several of them late) — so the 2024 plan has
not started. Names, numbers and findings are invented (only Phó Tổng Thanh tra Chính phủ
Lê Sỹ Bảy is named by the seed); amounts are plausible, not real.

Everything is deterministic for a given `seed` and `today`; nothing is dated after `today`
(events, documents, answers… that would be are left out, as they had not happened yet).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterator, Sequence

from sqlalchemy import insert, select

from desktop.domain.dates import format_date
from desktop.domain.errors import HosoError, PermissionDenied
from desktop.domain.levels import Level, Role
from desktop.domain.stages import Basis, InspectingLevel, Stage, TeamRole
from desktop.services import audit_log
from desktop.services.cases import CaseInput, add_case, add_cases_bulk, add_event
from desktop.services.context import VaultSession
from desktop.services.users import add_user
from desktop.storage import search
from desktop.storage.orm import AnnualPlan, Case, Staff, Unit, User

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "CUC_II", "SITUATION_DATE", "FIXED_CASE_CODES",
           "STALLED_CASE_CODES", "fill_demo", "synthetic_inputs"]

DEMO_PASSWORD = "matkhau-demo"
SITUATION_DATE = date(2024, 6, 30)   # end of the first half of 2024 (the seed's review)
TTCP = "Thanh tra Chính phủ"
CUC_II = "Cục II – Thanh tra Chính phủ"
CUC_V = "Cục V – Thanh tra Chính phủ"
PM = "Thủ tướng Chính phủ"
BCD_TW = "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực"
TONG_TT = "Tổng Thanh tra Chính phủ"
SUPERVISOR = "Lê Sỹ Bảy"

_BULK_CHUNK = 20_000


def _d(text: str) -> date:
    day, month, year = (int(p) for p in text.split("/"))
    return date(year, month, day)


def _vnd(amount: int) -> str:
    """1.234.567.000 đồng (1,2 tỷ đồng), as users write money."""
    dotted = f"{amount:,}".replace(",", ".")
    billions = amount / 1_000_000_000
    short = f"{billions:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{dotted} đồng (khoảng {short} tỷ đồng)"


# --- organisation -------------------------------------------------------------------------

# (name, kind, parent name)
_UNITS: tuple[tuple[str, str, str | None], ...] = (
    (TTCP, "inspectorate", None),
    (CUC_II, "department", TTCP),
    (CUC_V, "department", TTCP),
    ("Vụ Kế hoạch – Tổng hợp – Thanh tra Chính phủ", "department", TTCP),
    ("Văn phòng Chính phủ", "government", None),
    (BCD_TW, "committee", None),
    ("Bộ Tài chính", "ministry", None),
    ("Bộ Xây dựng", "ministry", None),
    ("Bộ Giao thông vận tải", "ministry", None),
    ("Bộ Tài nguyên và Môi trường", "ministry", None),
    ("Bộ Kế hoạch và Đầu tư", "ministry", None),
    ("Bộ Công Thương", "ministry", None),
    ("Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "agency", None),
    ("UBND tỉnh Quảng Ninh", "province", None),
    ("UBND thành phố Hà Nội", "province", None),
    ("UBND tỉnh Đồng Nai", "province", None),
    ("UBND tỉnh Bình Dương", "province", None),
    ("UBND tỉnh Thanh Hóa", "province", None),
    ("UBND thành phố Đà Nẵng", "province", None),
    ("UBND tỉnh Khánh Hòa", "province", None),
    ("UBND tỉnh Lâm Đồng", "province", None),
    ("UBND tỉnh Bà Rịa – Vũng Tàu", "province", None),
    ("UBND tỉnh Hải Dương", "province", None),
    ("Tổng công ty Đường sắt Việt Nam", "company", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp"),
    ("Tập đoàn Điện lực Việt Nam", "company", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp"),
    ("Tổng công ty Hàng hải Việt Nam", "company", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp"),
    ("Tổng công ty Lương thực miền Bắc", "company", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp"),
    ("Tổng công ty Cà phê Việt Nam", "company", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("Bộ Nông nghiệp và Phát triển nông thôn", "ministry", None),
)

# (full name, position, unit)
_STAFF: tuple[tuple[str, str, str], ...] = (
    (SUPERVISOR, "Phó Tổng Thanh tra Chính phủ", TTCP),
    ("Trần Minh Đức", "Cục trưởng", CUC_II),
    ("Đặng Văn Đường", "Phó Cục trưởng", CUC_II),
    ("Nguyễn Thị Thu Hà", "Phó Cục trưởng", CUC_II),
    ("Phạm Quốc Hùng", "Phó Cục trưởng", CUC_II),
    ("Đoàn Thị Hương", "Trưởng phòng", CUC_II),
    ("Lê Hoàng Nam", "Trưởng phòng", CUC_II),
    ("Vũ Đình Khải", "Trưởng phòng", CUC_II),
    ("Hoàng Văn Đông", "Trưởng phòng", CUC_II),
    ("Bùi Thị Lan Anh", "Phó Trưởng phòng", CUC_II),
    ("Ngô Quang Đạt", "Phó Trưởng phòng", CUC_II),
    ("Đào Xuân Diệu", "Phó Trưởng phòng", CUC_II),
    ("Trịnh Văn Lợi", "Thanh tra viên chính", CUC_II),
    ("Đỗ Thị Minh Nguyệt", "Thanh tra viên chính", CUC_II),
    ("Phan Thanh Tùng", "Thanh tra viên chính", CUC_II),
    ("Lương Đức Thắng", "Thanh tra viên chính", CUC_II),
    ("Đinh Thị Hồng Nhung", "Thanh tra viên chính", CUC_II),
    ("Tạ Văn Định", "Thanh tra viên chính", CUC_II),
    ("Nguyễn Văn Đoàn", "Thanh tra viên chính", CUC_II),
    ("Nguyễn Đức Anh", "Thanh tra viên", CUC_II),
    ("Trần Thị Ngọc Ánh", "Thanh tra viên", CUC_II),
    ("Lý Văn Đạo", "Thanh tra viên", CUC_II),
    ("Hồ Thị Thảo", "Thanh tra viên", CUC_II),
    ("Mai Xuân Trường", "Thanh tra viên", CUC_II),
    ("Dương Thị Huyền", "Thanh tra viên", CUC_II),
    ("Cao Văn Đạt", "Thanh tra viên", CUC_II),
    ("Kiều Thị Mai", "Thanh tra viên", CUC_II),
    ("Võ Minh Tâm", "Thanh tra viên", CUC_II),
    ("Đồng Thị Phương", "Thanh tra viên", CUC_II),
    ("Lã Văn Quyết", "Thanh tra viên", CUC_II),
    ("Phùng Thị Yến", "Thanh tra viên", CUC_II),
    ("Nghiêm Thị Thu Trang", "Chuyên viên (văn thư)", CUC_II),
)

# (username, role, clearance, staff name); all start with DEMO_PASSWORD and must change it
DEMO_USERS: tuple[tuple[str, Role, Level, str], ...] = (
    ("lanhdao", Role.LEADER, Level.TOI_MAT, "Trần Minh Đức"),
    ("thanhtra1", Role.INSPECTOR, Level.MAT, "Đoàn Thị Hương"),
    ("thanhtra2", Role.INSPECTOR, Level.MAT, "Lý Văn Đạo"),
    ("vanthu", Role.CLERK, Level.THUONG, "Nghiêm Thị Thu Trang"),
)


# --- annual plans -------------------------------------------------------------------------

@dataclass(frozen=True)
class _Plan:
    year: int
    title: str
    approved_number: str
    approved_date: date
    # (inspected party, content, quarter, days, team size)
    items: tuple[tuple[str, str, int, int, int], ...]


_PLAN_2023 = _Plan(
    2023, "Kế hoạch thanh tra năm 2023 của Cục II", "689/QĐ-TTCP", _d("25/11/2022"), (
        ("UBND tỉnh Đồng Nai", "Quản lý, sử dụng vốn đầu tư công và đất đai tại các khu công nghiệp",
         1, 60, 7),
        ("UBND thành phố Hà Nội", "Cổ phần hóa, thoái vốn nhà nước tại doanh nghiệp", 1, 60, 7),
        ("Bộ Tài nguyên và Môi trường", "Quản lý nhà nước về khoáng sản, cấp phép hoạt động khoáng sản",
         2, 60, 7),
        ("UBND tỉnh Thanh Hóa", "Quản lý, sử dụng đất đai; các dự án BT, BOT", 2, 70, 8),
        ("Tập đoàn Điện lực Việt Nam", "Đầu tư các dự án nguồn điện, lưới điện", 1, 60, 7),
        ("UBND thành phố Đà Nẵng", "Quản lý, sử dụng đất đai và thực hiện các dự án đầu tư", 2, 60, 7),
        ("Tổng công ty Hàng hải Việt Nam", "Quản lý, sử dụng vốn, tài sản nhà nước; thoái vốn",
         3, 45, 6),
    ))

_PLAN_2024 = _Plan(
    2024, "Kế hoạch thanh tra năm 2024 của Cục II", "612/QĐ-TTCP", _d("08/12/2023"), (
        ("UBND tỉnh Khánh Hòa", "Quản lý, sử dụng đất đai ven biển; giao đất, cho thuê đất dự án du lịch",
         1, 60, 8),
        ("Bộ Giao thông vận tải", "Đầu tư công các dự án đường bộ cao tốc Bắc – Nam phía Đông "
         "giai đoạn 2017–2020", 1, 70, 10),
        ("UBND tỉnh Lâm Đồng", "Cấp phép thăm dò, khai thác khoáng sản; thu tiền cấp quyền khai thác",
         2, 45, 6),
        ("Tổng công ty Cà phê Việt Nam", "Cổ phần hóa; quản lý, sử dụng đất đai sau cổ phần hóa",
         2, 60, 8),
        ("UBND tỉnh Bà Rịa – Vũng Tàu", "Chuyển mục đích sử dụng đất; thực hiện các dự án du lịch, "
         "nghỉ dưỡng", 2, 60, 7),
        ("Bộ Công Thương", "Thực hiện quy hoạch phát triển điện lực; đầu tư dự án năng lượng tái tạo",
         3, 70, 10),
        ("Tổng công ty Lương thực miền Bắc", "Thoái vốn nhà nước; quản lý, sử dụng nhà, đất", 3, 45, 6),
        ("UBND tỉnh Hải Dương", "Quản lý, sử dụng vốn đầu tư công", 4, 45, 6),
    ))


# --- the fixed cases ----------------------------------------------------------------------

# an event: (stage, "dd/mm/yyyy", doc_ref, note, extension days)
_Ev = tuple[Stage, str, str, str, int | None]


@dataclass(frozen=True)
class _Opinion:
    addressee: str
    kind: str            # ministry / province / agency / pm
    sent: str
    doc_ref: str
    subject: str
    answered: str | None = None
    answer_ref: str = ""


@dataclass(frozen=True)
class _Fixed:
    code: str
    title: str
    party: str
    content: str
    period: tuple[str, str]
    basis: Basis
    level: Level
    complexity: str
    leader: str
    deputy: str
    members: tuple[str, ...]
    secretary: str
    findings: str
    events: tuple[_Ev, ...]
    plan_item: int | None = None      # index into _PLAN_2023.items
    assignment_ref: str = ""
    results: dict = field(default_factory=dict)
    opinions: tuple[_Opinion, ...] = ()

    @property
    def decision(self) -> _Ev:
        return self.events[0]


def _ev(stage: Stage, when: str, doc: str = "", note: str = "", days: int | None = None) -> _Ev:
    return (stage, when, doc, note, days)


S = Stage
_ASK_DRAFT = "Xin ý kiến về dự thảo Kết luận thanh tra"
_EXPLAIN = "Đề nghị giải trình, cung cấp ý kiến về dự thảo Kết luận thanh tra"
_PM_DRAFT = "Báo cáo xin ý kiến Thủ tướng Chính phủ về dự thảo Kết luận thanh tra"
_PM_ISSUE = "Xin ý kiến Thủ tướng Chính phủ về việc ban hành Kết luận thanh tra"

_FIXED: tuple[_Fixed, ...] = (
    # ---- the six without a conclusion at 30/06/2024 ----
    _Fixed(
        "C2-2022-01",
        "Thanh tra việc chấp hành chính sách, pháp luật về quản lý, sử dụng đất đai và cấp phép "
        "khai thác khoáng sản tại tỉnh Quảng Ninh",
        "UBND tỉnh Quảng Ninh",
        "Quản lý, sử dụng đất đai; cấp giấy phép thăm dò, khai thác khoáng sản (than, cát, sỏi); "
        "thu tiền cấp quyền khai thác khoáng sản giai đoạn 2016–2021",
        ("01/01/2016", "31/12/2021"), Basis.ASSIGNMENT, Level.MAT, "very_complex",
        "Đặng Văn Đường", "Vũ Đình Khải",
        ("Trịnh Văn Lợi", "Đinh Thị Hồng Nhung", "Mai Xuân Trường", "Cao Văn Đạt", "Đoàn Thị Hương"),
        "Hồ Thị Thảo",
        "giao đất, cho thuê đất không qua đấu giá quyền sử dụng đất; cấp phép khai thác cát, sỏi "
        "vượt quy hoạch; chậm thu tiền cấp quyền khai thác khoáng sản",
        (_ev(S.DECISION, "18/07/2022", "412/QĐ-TTCP"),
         _ev(S.PLAN_APPROVED, "27/07/2022", "01/KH-ĐTT"),
         _ev(S.ANNOUNCED, "08/08/2022", "01/BB-ĐTT", "Công bố Quyết định thanh tra tại UBND tỉnh Quảng Ninh"),
         _ev(S.EXTENDED, "31/10/2022", "628/QĐ-TTCP", "Gia hạn thời hạn thanh tra", 30),
         _ev(S.ONSITE_ENDED, "09/12/2022", "05/TB-ĐTT"),
         _ev(S.TEAM_REPORT, "15/03/2023", "12/BC-ĐTT"),
         _ev(S.DRAFT, "10/05/2023", "", "Dự thảo Kết luận thanh tra lần 1"),
         _ev(S.REVIEW, "12/07/2023", "", "Cục V thẩm định dự thảo Kết luận thanh tra"),
         _ev(S.CONSULTATION, "05/09/2023", "2075/TTCP-C.II",
             "Xin ý kiến Bộ Tài nguyên và Môi trường, Bộ Công Thương; giải trình của UBND tỉnh Quảng Ninh"),
         _ev(S.PM_DRAFT_OPINION, "20/12/2023", "268/BC-TTCP", _PM_DRAFT),
         _ev(S.PM_ISSUE_OPINION, "21/05/2024", "45/TTr-TTCP",
             "Tờ trình xin ý kiến Thủ tướng Chính phủ về việc ban hành Kết luận thanh tra")),
        assignment_ref="Ý kiến chỉ đạo của Thủ tướng Chính phủ tại Văn bản số 4321/VPCP-V.I "
                       "ngày 15/6/2022 của Văn phòng Chính phủ",
        opinions=(
            _Opinion("Bộ Tài nguyên và Môi trường", "ministry", "05/09/2023", "2075/TTCP-C.II",
                     _ASK_DRAFT, "20/10/2023", "5840/BTNMT-TTr"),
            _Opinion("Bộ Công Thương", "ministry", "05/09/2023", "2075/TTCP-C.II",
                     _ASK_DRAFT, "30/11/2023", "7012/BCT-TTr"),
            _Opinion("UBND tỉnh Quảng Ninh", "province", "05/09/2023", "2075/TTCP-C.II",
                     _EXPLAIN, "02/10/2023", "3356/UBND-TH"),
            _Opinion(PM, "pm", "20/12/2023", "268/BC-TTCP", _PM_DRAFT,
                     "28/03/2024", "2156/VPCP-V.I"),
            _Opinion(PM, "pm", "21/05/2024", "45/TTr-TTCP", _PM_ISSUE),
        )),
    _Fixed(
        "C2-2022-02",
        "Thanh tra việc quản lý, sử dụng đất đai, cổ phần hóa các công ty con và đầu tư dự án tại "
        "Tổng công ty Đường sắt Việt Nam",
        "Tổng công ty Đường sắt Việt Nam",
        "Quản lý, sử dụng đất đai được giao; cổ phần hóa các công ty con; đầu tư các dự án cải tạo, "
        "nâng cấp tuyến đường sắt Bắc – Nam giai đoạn 2015–2021",
        ("01/01/2015", "31/12/2021"), Basis.ASSIGNMENT, Level.TOI_MAT, "very_complex",
        "Nguyễn Thị Thu Hà", "Hoàng Văn Đông",
        ("Phan Thanh Tùng", "Lương Đức Thắng", "Nguyễn Đức Anh", "Võ Minh Tâm"),
        "Đồng Thị Phương",
        "sử dụng đất tại các nhà ga sai mục đích, cho thuê lại không đúng quy định; cổ phần hóa các "
        "công ty con chưa xác định đầy đủ giá trị quyền sử dụng đất; các dự án cải tạo tuyến đường sắt "
        "Bắc – Nam chậm tiến độ, tăng tổng mức đầu tư",
        (_ev(S.DECISION, "12/09/2022", "520/QĐ-TTCP"),
         _ev(S.PLAN_APPROVED, "21/09/2022", "01/KH-ĐTT"),
         _ev(S.ANNOUNCED, "03/10/2022", "01/BB-ĐTT",
             "Công bố Quyết định thanh tra tại Tổng công ty Đường sắt Việt Nam"),
         _ev(S.EXTENDED, "26/12/2022", "742/QĐ-TTCP", "Gia hạn thời hạn thanh tra", 30),
         _ev(S.ONSITE_ENDED, "10/02/2023", "06/TB-ĐTT"),
         _ev(S.TEAM_REPORT, "04/05/2023", "15/BC-ĐTT"),
         _ev(S.DRAFT, "20/07/2023", "", "Dự thảo Kết luận thanh tra lần 1"),
         _ev(S.REVIEW, "29/11/2023", "", "Cục V thẩm định dự thảo Kết luận thanh tra"),
         _ev(S.CONSULTATION, "15/01/2024", "78/TTCP-C.II",
             "Xin ý kiến Bộ Giao thông vận tải, Bộ Tài chính, Ủy ban Quản lý vốn nhà nước tại doanh nghiệp"),
         _ev(S.PM_DRAFT_OPINION, "16/04/2024", "87/BC-TTCP", _PM_DRAFT)),
        assignment_ref="Chỉ đạo của Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực; "
                       "Văn bản số 5617/VPCP-V.I ngày 19/8/2022 của Văn phòng Chính phủ",
        opinions=(
            _Opinion("Bộ Giao thông vận tải", "ministry", "15/01/2024", "78/TTCP-C.II",
                     _ASK_DRAFT, "20/03/2024", "2874/BGTVT-TTr"),
            _Opinion("Bộ Tài chính", "ministry", "15/01/2024", "78/TTCP-C.II",
                     _ASK_DRAFT, "07/02/2024", "1402/BTC-TTr"),
            _Opinion("Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "agency", "15/01/2024",
                     "78/TTCP-C.II", _ASK_DRAFT, "01/04/2024", "655/UBQLV-CNHT"),
            _Opinion(PM, "pm", "16/04/2024", "87/BC-TTCP", _PM_DRAFT),
        )),
    _Fixed(
        "C2-2023-01",
        "Thanh tra việc quản lý, sử dụng vốn đầu tư công và đất đai tại các khu công nghiệp trên "
        "địa bàn tỉnh Đồng Nai",
        "UBND tỉnh Đồng Nai",
        "Quản lý, sử dụng vốn đầu tư công; quy hoạch, giao đất, cho thuê đất tại các khu công nghiệp; "
        "bồi thường, giải phóng mặt bằng giai đoạn 2017–2022",
        ("01/01/2017", "31/12/2022"), Basis.PLAN, Level.THUONG, "complex",
        "Đoàn Thị Hương", "Ngô Quang Đạt",
        ("Đỗ Thị Minh Nguyệt", "Lý Văn Đạo", "Dương Thị Huyền", "Lã Văn Quyết"),
        "Kiều Thị Mai",
        "chậm giải phóng mặt bằng; điều chỉnh quy hoạch khu công nghiệp không đúng thẩm quyền; "
        "giải ngân vốn đầu tư công thấp, nhiều dự án kéo dài",
        (_ev(S.DECISION, "20/02/2023", "85/QĐ-TTCP"),
         _ev(S.PLAN_APPROVED, "01/03/2023", "01/KH-ĐTT"),
         _ev(S.ANNOUNCED, "13/03/2023", "01/BB-ĐTT", "Công bố Quyết định thanh tra tại UBND tỉnh Đồng Nai"),
         _ev(S.ONSITE_ENDED, "07/06/2023", "04/TB-ĐTT"),
         _ev(S.TEAM_REPORT, "10/08/2023", "09/BC-ĐTT"),
         _ev(S.DRAFT, "28/09/2023", "", "Dự thảo Kết luận thanh tra lần 1"),
         _ev(S.REVIEW, "15/11/2023", "", "Cục V thẩm định dự thảo Kết luận thanh tra"),
         _ev(S.CONSULTATION, "10/01/2024", "45/TTCP-C.II",
             "Xin ý kiến Bộ Kế hoạch và Đầu tư, Bộ Tài nguyên và Môi trường; giải trình của UBND tỉnh Đồng Nai"),
         _ev(S.PM_DRAFT_OPINION, "12/06/2024", "131/BC-TTCP", _PM_DRAFT)),
        plan_item=0,
        opinions=(
            _Opinion("Bộ Kế hoạch và Đầu tư", "ministry", "10/01/2024", "45/TTCP-C.II",
                     _ASK_DRAFT, "06/02/2024", "1021/BKHĐT-TTr"),
            _Opinion("Bộ Tài nguyên và Môi trường", "ministry", "10/01/2024", "45/TTCP-C.II",
                     _ASK_DRAFT, "05/03/2024", "1688/BTNMT-TTr"),
            _Opinion("UBND tỉnh Đồng Nai", "province", "10/01/2024", "45/TTCP-C.II",
                     _EXPLAIN, "15/04/2024", "4127/UBND-KTN"),
            _Opinion(PM, "pm", "12/06/2024", "131/BC-TTCP", _PM_DRAFT),
        )),
    _Fixed(
        "C2-2023-02",
        "Thanh tra công tác cổ phần hóa, thoái vốn nhà nước tại các doanh nghiệp thuộc UBND "
        "thành phố Hà Nội",
        "UBND thành phố Hà Nội",
        "Cổ phần hóa, thoái vốn nhà nước; xác định giá trị doanh nghiệp; quản lý, sử dụng nhà, đất "
        "sau cổ phần hóa giai đoạn 2016–2022",
        ("01/01/2016", "31/12/2022"), Basis.PLAN, Level.MAT, "complex",
        "Phạm Quốc Hùng", "Lê Hoàng Nam",
        ("Tạ Văn Định", "Trần Thị Ngọc Ánh", "Lý Văn Đạo", "Phùng Thị Yến"),
        "Hồ Thị Thảo",
        "xác định giá trị doanh nghiệp chưa tính đủ lợi thế vị trí đất; chuyển nhượng vốn nhà nước "
        "không qua đấu giá; sử dụng nhà, đất sau cổ phần hóa sai mục đích",
        (_ev(S.DECISION, "27/03/2023", "142/QĐ-TTCP"),
         _ev(S.PLAN_APPROVED, "05/04/2023", "01/KH-ĐTT"),
         _ev(S.ANNOUNCED, "17/04/2023", "01/BB-ĐTT", "Công bố Quyết định thanh tra tại UBND thành phố Hà Nội"),
         _ev(S.EXTENDED, "03/07/2023", "331/QĐ-TTCP", "Gia hạn thời hạn thanh tra", 30),
         _ev(S.ONSITE_ENDED, "18/08/2023", "05/TB-ĐTT"),
         _ev(S.TEAM_REPORT, "20/10/2023", "11/BC-ĐTT"),
         _ev(S.DRAFT, "08/12/2023", "", "Dự thảo Kết luận thanh tra lần 1"),
         _ev(S.REVIEW, "19/01/2024", "", "Cục V thẩm định dự thảo Kết luận thanh tra"),
         _ev(S.CONSULTATION, "26/02/2024", "342/TTCP-C.II",
             "Xin ý kiến Bộ Tài chính, Ủy ban Quản lý vốn nhà nước tại doanh nghiệp; "
             "giải trình của UBND thành phố Hà Nội"),
         _ev(S.PM_DRAFT_OPINION, "03/06/2024", "120/BC-TTCP", _PM_DRAFT)),
        plan_item=1,
        opinions=(
            _Opinion("UBND thành phố Hà Nội", "province", "26/02/2024", "342/TTCP-C.II",
                     _EXPLAIN, "10/05/2024", "1496/UBND-KT"),
            _Opinion("Bộ Tài chính", "ministry", "26/02/2024", "342/TTCP-C.II",
                     _ASK_DRAFT, "08/04/2024", "3520/BTC-TCDN"),
            _Opinion("Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "agency", "26/02/2024",
                     "342/TTCP-C.II", _ASK_DRAFT),
            _Opinion(PM, "pm", "03/06/2024", "120/BC-TTCP", _PM_DRAFT),
        )),
    _Fixed(
        "C2-2023-03",
        "Thanh tra trách nhiệm quản lý nhà nước về khoáng sản và việc cấp phép hoạt động khoáng sản "
        "tại Bộ Tài nguyên và Môi trường",
        "Bộ Tài nguyên và Môi trường",
        "Quản lý nhà nước về khoáng sản; cấp giấy phép thăm dò, khai thác khoáng sản; tính, thu tiền "
        "cấp quyền khai thác khoáng sản giai đoạn 2017–2022",
        ("01/01/2017", "31/12/2022"), Basis.PLAN, Level.THUONG, "complex",
        "Đặng Văn Đường", "Bùi Thị Lan Anh",
        ("Nguyễn Văn Đoàn", "Mai Xuân Trường", "Cao Văn Đạt", "Dương Thị Huyền"),
        "Võ Minh Tâm",
        "cấp phép khai thác khoáng sản không phù hợp quy hoạch; tính tiền cấp quyền khai thác "
        "khoáng sản chưa đúng; buông lỏng kiểm tra sau cấp phép",
        (_ev(S.DECISION, "24/04/2023", "198/QĐ-TTCP"),
         _ev(S.PLAN_APPROVED, "08/05/2023", "01/KH-ĐTT"),
         _ev(S.ANNOUNCED, "15/05/2023", "01/BB-ĐTT",
             "Công bố Quyết định thanh tra tại Bộ Tài nguyên và Môi trường"),
         _ev(S.ONSITE_ENDED, "04/08/2023", "04/TB-ĐTT"),
         _ev(S.TEAM_REPORT, "05/10/2023", "10/BC-ĐTT"),
         _ev(S.DRAFT, "22/11/2023", "", "Dự thảo Kết luận thanh tra lần 1"),
         _ev(S.REVIEW, "05/01/2024", "", "Cục V thẩm định dự thảo Kết luận thanh tra"),
         _ev(S.CONSULTATION, "24/01/2024", "131/TTCP-C.II",
             "Xin ý kiến Bộ Công Thương, Bộ Tài chính, Bộ Xây dựng"),
         _ev(S.PM_DRAFT_OPINION, "27/05/2024", "112/BC-TTCP", _PM_DRAFT)),
        plan_item=2,
        opinions=(
            _Opinion("Bộ Công Thương", "ministry", "24/01/2024", "131/TTCP-C.II",
                     _ASK_DRAFT, "22/02/2024", "1187/BCT-ĐCKS"),
            _Opinion("Bộ Tài chính", "ministry", "24/01/2024", "131/TTCP-C.II",
                     _ASK_DRAFT, "29/03/2024", "3011/BTC-CST"),
            _Opinion("Bộ Xây dựng", "ministry", "24/01/2024", "131/TTCP-C.II",
                     _ASK_DRAFT, "15/04/2024", "1544/BXD-VLXD"),
            _Opinion(PM, "pm", "27/05/2024", "112/BC-TTCP", _PM_DRAFT),
        )),
    _Fixed(
        "C2-2023-04",
        "Thanh tra việc quản lý, sử dụng đất đai và thực hiện các dự án BT, BOT trên địa bàn tỉnh "
        "Thanh Hóa",
        "UBND tỉnh Thanh Hóa",
        "Quản lý, sử dụng đất đai; giao đất đối ứng các dự án BT; điều chỉnh, quyết toán các dự án "
        "BOT giai đoạn 2016–2022",
        ("01/01/2016", "31/12/2022"), Basis.PLAN, Level.THUONG, "complex",
        "Vũ Đình Khải", "Đào Xuân Diệu",
        ("Trịnh Văn Lợi", "Đoàn Thị Hương", "Lã Văn Quyết", "Nguyễn Đức Anh", "Kiều Thị Mai"),
        "Phùng Thị Yến",
        "giao đất đối ứng dự án BT không qua đấu giá; điều chỉnh tăng tổng mức đầu tư dự án BOT; "
        "chậm quyết toán dự án hoàn thành",
        (_ev(S.DECISION, "12/06/2023", "305/QĐ-TTCP"),
         _ev(S.PLAN_APPROVED, "21/06/2023", "01/KH-ĐTT"),
         _ev(S.ANNOUNCED, "03/07/2023", "01/BB-ĐTT", "Công bố Quyết định thanh tra tại UBND tỉnh Thanh Hóa"),
         _ev(S.EXTENDED, "18/09/2023", "452/QĐ-TTCP", "Gia hạn thời hạn thanh tra", 20),
         _ev(S.ONSITE_ENDED, "24/10/2023", "06/TB-ĐTT"),
         _ev(S.TEAM_REPORT, "22/12/2023", "14/BC-ĐTT"),
         _ev(S.DRAFT, "12/01/2024", "", "Dự thảo Kết luận thanh tra lần 1"),
         _ev(S.REVIEW, "22/02/2024", "", "Cục V thẩm định dự thảo Kết luận thanh tra"),
         _ev(S.CONSULTATION, "12/03/2024", "518/TTCP-C.II",
             "Xin ý kiến Bộ Tài nguyên và Môi trường, Bộ Kế hoạch và Đầu tư, Bộ Tài chính, "
             "Bộ Giao thông vận tải; giải trình của UBND tỉnh Thanh Hóa")),
        plan_item=3,
        opinions=(
            _Opinion("Bộ Tài nguyên và Môi trường", "ministry", "12/03/2024", "518/TTCP-C.II", _ASK_DRAFT),
            _Opinion("Bộ Kế hoạch và Đầu tư", "ministry", "12/03/2024", "518/TTCP-C.II",
                     _ASK_DRAFT, "06/05/2024", "3390/BKHĐT-TTr"),
            _Opinion("Bộ Tài chính", "ministry", "12/03/2024", "518/TTCP-C.II", _ASK_DRAFT),
            _Opinion("Bộ Giao thông vận tải", "ministry", "12/03/2024", "518/TTCP-C.II",
                     _ASK_DRAFT, "09/04/2024", "3618/BGTVT-ĐTCT"),
            _Opinion("UBND tỉnh Thanh Hóa", "province", "12/03/2024", "518/TTCP-C.II", _EXPLAIN),
        )),
    # ---- concluded ----
    _Fixed(
        "C2-2022-03",
        "Thanh tra việc chấp hành pháp luật về quy hoạch, cấp phép xây dựng và quản lý dự án đầu tư "
        "xây dựng tại Bộ Xây dựng",
        "Bộ Xây dựng",
        "Quy hoạch xây dựng; cấp phép xây dựng; quản lý dự án đầu tư xây dựng sử dụng vốn nhà nước "
        "giai đoạn 2016–2021",
        ("01/01/2016", "31/12/2021"), Basis.ASSIGNMENT, Level.THUONG, "normal",
        "Lê Hoàng Nam", "Đỗ Thị Minh Nguyệt",
        ("Phan Thanh Tùng", "Trần Thị Ngọc Ánh", "Đồng Thị Phương", "Lý Văn Đạo"),
        "Cao Văn Đạt",
        "cấp phép xây dựng không đúng quy hoạch; điều chỉnh quy hoạch chi tiết làm tăng mật độ xây "
        "dựng; chậm quyết toán dự án hoàn thành",
        (_ev(S.DECISION, "09/05/2022", "268/QĐ-TTCP"),
         _ev(S.PLAN_APPROVED, "18/05/2022", "01/KH-ĐTT"),
         _ev(S.ANNOUNCED, "30/05/2022", "01/BB-ĐTT", "Công bố Quyết định thanh tra tại Bộ Xây dựng"),
         _ev(S.ONSITE_ENDED, "19/08/2022", "04/TB-ĐTT"),
         _ev(S.TEAM_REPORT, "14/10/2022", "08/BC-ĐTT"),
         _ev(S.DRAFT, "30/11/2022", "", "Dự thảo Kết luận thanh tra lần 1"),
         _ev(S.REVIEW, "10/01/2023", "", "Thẩm định dự thảo Kết luận thanh tra"),
         _ev(S.CONSULTATION, "14/02/2023", "215/TTCP-C.II", "Xin ý kiến giải trình của Bộ Xây dựng"),
         _ev(S.CONCLUDED, "25/04/2023", "25/KL-TTCP"),
         _ev(S.PUBLISHED, "08/05/2023", "", "Công khai trên Cổng Thông tin điện tử Thanh tra Chính phủ"),
         _ev(S.FOLLOW_UP, "15/11/2023", "", "Theo dõi, đôn đốc thực hiện Kết luận thanh tra")),
        assignment_ref="Văn bản số 2104/VPCP-V.I ngày 06/4/2022 của Văn phòng Chính phủ",
        results=dict(violation_money=152_600_000_000, recovery_money=38_450_000_000,
                     disciplined_orgs=3, disciplined_persons=11),
        opinions=(
            _Opinion("Bộ Xây dựng", "ministry", "14/02/2023", "215/TTCP-C.II",
                     _EXPLAIN, "10/03/2023", "912/BXD-TTr"),
        )),
    _Fixed(
        "C2-2022-04",
        "Thanh tra việc chuyển mục đích sử dụng đất, giao đất, cho thuê đất và cổ phần hóa doanh "
        "nghiệp nhà nước tại tỉnh Bình Dương",
        "UBND tỉnh Bình Dương",
        "Chuyển mục đích sử dụng đất, giao đất, cho thuê đất; cổ phần hóa doanh nghiệp nhà nước "
        "giai đoạn 2013–2020",
        ("01/01/2013", "31/12/2020"), Basis.ASSIGNMENT, Level.MAT, "very_complex",
        "Đặng Văn Đường", "Hoàng Văn Đông",
        ("Lương Đức Thắng", "Đinh Thị Hồng Nhung", "Tạ Văn Định", "Mai Xuân Trường", "Đoàn Thị Hương"),
        "Dương Thị Huyền",
        "chuyển mục đích sử dụng đất, giao đất không qua đấu giá; cổ phần hóa không đưa giá trị quyền "
        "sử dụng đất vào giá trị doanh nghiệp, gây thất thoát ngân sách nhà nước",
        (_ev(S.DECISION, "28/03/2022", "190/QĐ-TTCP"),
         _ev(S.PLAN_APPROVED, "06/04/2022", "01/KH-ĐTT"),
         _ev(S.ANNOUNCED, "18/04/2022", "01/BB-ĐTT", "Công bố Quyết định thanh tra tại UBND tỉnh Bình Dương"),
         _ev(S.EXTENDED, "04/07/2022", "401/QĐ-TTCP", "Gia hạn thời hạn thanh tra", 30),
         _ev(S.ONSITE_ENDED, "19/08/2022", "07/TB-ĐTT"),
         _ev(S.TEAM_REPORT, "25/10/2022", "13/BC-ĐTT"),
         _ev(S.DRAFT, "20/12/2022", "", "Dự thảo Kết luận thanh tra lần 1"),
         _ev(S.REVIEW, "15/03/2023", "", "Cục V thẩm định dự thảo Kết luận thanh tra"),
         _ev(S.CONSULTATION, "12/06/2023", "1340/TTCP-C.II",
             "Xin ý kiến Bộ Tài nguyên và Môi trường; giải trình của UBND tỉnh Bình Dương"),
         _ev(S.PM_DRAFT_OPINION, "10/08/2023", "176/BC-TTCP", _PM_DRAFT),
         _ev(S.CONCLUDED, "22/09/2023", "78/KL-TTCP"),
         _ev(S.PUBLISHED, "05/10/2023", "", "Công khai trên Cổng Thông tin điện tử Thanh tra Chính phủ"),
         _ev(S.FOLLOW_UP, "20/03/2024", "", "Theo dõi, đôn đốc thực hiện Kết luận thanh tra")),
        assignment_ref="Văn bản số 1480/VPCP-V.I ngày 07/3/2022 của Văn phòng Chính phủ",
        results=dict(violation_money=842_300_000_000, violation_land_m2=435_620.0,
                     recovery_money=96_700_000_000, recovery_land_m2=120_000.0,
                     disciplined_orgs=5, disciplined_persons=17, referral_cases=1, referral_persons=4),
        opinions=(
            _Opinion("Bộ Tài nguyên và Môi trường", "ministry", "12/06/2023", "1340/TTCP-C.II",
                     _ASK_DRAFT, "10/07/2023", "4102/BTNMT-TTr"),
            _Opinion("UBND tỉnh Bình Dương", "province", "12/06/2023", "1340/TTCP-C.II",
                     _EXPLAIN, "25/07/2023", "3377/UBND-KT"),
            _Opinion(PM, "pm", "10/08/2023", "176/BC-TTCP", _PM_DRAFT, "08/09/2023", "6731/VPCP-V.I"),
        )),
    _Fixed(
        "C2-2023-05",
        "Thanh tra việc đầu tư các dự án nguồn điện, lưới điện tại Tập đoàn Điện lực Việt Nam",
        "Tập đoàn Điện lực Việt Nam",
        "Đầu tư các dự án nguồn điện, lưới điện truyền tải; lựa chọn nhà thầu; quản lý hợp đồng EPC "
        "giai đoạn 2016–2021",
        ("01/01/2016", "31/12/2021"), Basis.PLAN, Level.THUONG, "complex",
        "Nguyễn Thị Thu Hà", "Ngô Quang Đạt",
        ("Nguyễn Văn Đoàn", "Võ Minh Tâm", "Lã Văn Quyết", "Hồ Thị Thảo"),
        "Phùng Thị Yến",
        "dự án nguồn điện chậm tiến độ, tăng tổng mức đầu tư; lựa chọn nhà thầu chưa đúng quy định; "
        "quản lý hợp đồng EPC còn sai sót",
        (_ev(S.DECISION, "06/03/2023", "120/QĐ-TTCP"),
         _ev(S.PLAN_APPROVED, "15/03/2023", "01/KH-ĐTT"),
         _ev(S.ANNOUNCED, "27/03/2023", "01/BB-ĐTT",
             "Công bố Quyết định thanh tra tại Tập đoàn Điện lực Việt Nam"),
         _ev(S.ONSITE_ENDED, "21/06/2023", "05/TB-ĐTT"),
         _ev(S.TEAM_REPORT, "25/08/2023", "09/BC-ĐTT"),
         _ev(S.DRAFT, "06/10/2023", "", "Dự thảo Kết luận thanh tra lần 1"),
         _ev(S.REVIEW, "10/11/2023", "", "Cục V thẩm định dự thảo Kết luận thanh tra"),
         _ev(S.CONSULTATION, "01/12/2023", "2950/TTCP-C.II",
             "Xin ý kiến Bộ Công Thương, Ủy ban Quản lý vốn nhà nước tại doanh nghiệp"),
         _ev(S.CONCLUDED, "26/01/2024", "06/KL-TTCP"),
         _ev(S.PUBLISHED, "20/02/2024", "", "Công khai trên Cổng Thông tin điện tử Thanh tra Chính phủ")),
        plan_item=4,
        results=dict(violation_money=318_900_000_000, recovery_money=12_500_000_000,
                     disciplined_orgs=4, disciplined_persons=9),
        opinions=(
            _Opinion("Bộ Công Thương", "ministry", "01/12/2023", "2950/TTCP-C.II",
                     _ASK_DRAFT, "27/12/2023", "8930/BCT-ĐL"),
            _Opinion("Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "agency", "01/12/2023",
                     "2950/TTCP-C.II", _ASK_DRAFT, "29/12/2023", "2214/UBQLV-NL"),
        )),
    _Fixed(
        "C2-2022-05",
        "Thanh tra công tác thẩm định giá, xác định giá trị doanh nghiệp khi cổ phần hóa tại Bộ Tài chính",
        "Bộ Tài chính",
        "Thẩm định giá, xác định giá trị doanh nghiệp khi cổ phần hóa; phê duyệt phương án sử dụng đất; "
        "quản lý Quỹ hỗ trợ sắp xếp và phát triển doanh nghiệp giai đoạn 2016–2021",
        ("01/01/2016", "31/12/2021"), Basis.ASSIGNMENT, Level.TOI_MAT, "complex",
        "Phạm Quốc Hùng", "Bùi Thị Lan Anh",
        ("Trịnh Văn Lợi", "Phan Thanh Tùng", "Nguyễn Đức Anh", "Đồng Thị Phương"),
        "Kiều Thị Mai",
        "thẩm định giá tài sản khi cổ phần hóa thấp hơn giá thị trường; phê duyệt phương án sử dụng đất "
        "chưa đúng quy định; chậm thu hồi các khoản nợ phải thu",
        (_ev(S.DECISION, "24/10/2022", "615/QĐ-TTCP"),
         _ev(S.PLAN_APPROVED, "02/11/2022", "01/KH-ĐTT"),
         _ev(S.ANNOUNCED, "14/11/2022", "01/BB-ĐTT", "Công bố Quyết định thanh tra tại Bộ Tài chính"),
         _ev(S.ONSITE_ENDED, "13/02/2023", "05/TB-ĐTT"),
         _ev(S.TEAM_REPORT, "21/04/2023", "10/BC-ĐTT"),
         _ev(S.DRAFT, "09/06/2023", "", "Dự thảo Kết luận thanh tra lần 1"),
         _ev(S.REVIEW, "20/07/2023", "", "Cục V thẩm định dự thảo Kết luận thanh tra"),
         _ev(S.CONSULTATION, "15/08/2023", "1890/TTCP-C.II", "Xin ý kiến giải trình của Bộ Tài chính"),
         _ev(S.PM_DRAFT_OPINION, "10/11/2023", "241/BC-TTCP", _PM_DRAFT),
         _ev(S.CONCLUDED, "15/03/2024", "21/KL-TTCP")),
        assignment_ref="Văn bản số 6912/VPCP-V.I ngày 03/10/2022 của Văn phòng Chính phủ",
        results=dict(violation_money=1_086_400_000_000, recovery_money=204_000_000_000,
                     disciplined_orgs=6, disciplined_persons=23, referral_cases=2, referral_persons=7),
        opinions=(
            _Opinion("Bộ Tài chính", "ministry", "15/08/2023", "1890/TTCP-C.II",
                     _EXPLAIN, "14/09/2023", "9655/BTC-TCDN"),
            _Opinion(PM, "pm", "10/11/2023", "241/BC-TTCP", _PM_DRAFT, "26/02/2024", "1234/VPCP-V.I"),
        )),
    _Fixed(
        "C2-2023-06",
        "Thanh tra việc quản lý, sử dụng đất đai và thực hiện các dự án đầu tư tại thành phố Đà Nẵng",
        "UBND thành phố Đà Nẵng",
        "Quản lý, sử dụng đất đai; giao đất, cho thuê đất; chuyển mục đích sử dụng đất công sang dự án "
        "nhà ở giai đoạn 2017–2022",
        ("01/01/2017", "31/12/2022"), Basis.PLAN, Level.THUONG, "normal",
        "Hoàng Văn Đông", "Đào Xuân Diệu",
        ("Đinh Thị Hồng Nhung", "Trần Thị Ngọc Ánh", "Lý Văn Đạo", "Cao Văn Đạt"),
        "Hồ Thị Thảo",
        "giao đất, cho thuê đất không qua đấu giá; chuyển mục đích đất công sang dự án nhà ở; "
        "chậm đưa đất vào sử dụng",
        (_ev(S.DECISION, "15/05/2023", "236/QĐ-TTCP"),
         _ev(S.PLAN_APPROVED, "24/05/2023", "01/KH-ĐTT"),
         _ev(S.ANNOUNCED, "05/06/2023", "01/BB-ĐTT", "Công bố Quyết định thanh tra tại UBND thành phố Đà Nẵng"),
         _ev(S.ONSITE_ENDED, "25/08/2023", "04/TB-ĐTT"),
         _ev(S.TEAM_REPORT, "20/10/2023", "08/BC-ĐTT"),
         _ev(S.DRAFT, "01/12/2023", "", "Dự thảo Kết luận thanh tra lần 1"),
         _ev(S.REVIEW, "05/01/2024", "", "Cục V thẩm định dự thảo Kết luận thanh tra"),
         _ev(S.CONSULTATION, "22/01/2024", "112/TTCP-C.II",
             "Xin ý kiến Bộ Tài nguyên và Môi trường; giải trình của UBND thành phố Đà Nẵng"),
         _ev(S.CONCLUDED, "23/04/2024", "32/KL-TTCP"),
         _ev(S.PUBLISHED, "14/05/2024", "", "Công khai trên Cổng Thông tin điện tử Thanh tra Chính phủ")),
        plan_item=5,
        results=dict(violation_money=96_500_000_000, violation_land_m2=182_350.5,
                     recovery_money=21_300_000_000, recovery_land_m2=45_600.0,
                     disciplined_orgs=2, disciplined_persons=8),
        opinions=(
            _Opinion("Bộ Tài nguyên và Môi trường", "ministry", "22/01/2024", "112/TTCP-C.II",
                     _ASK_DRAFT, "20/02/2024", "1290/BTNMT-TTr"),
            _Opinion("UBND thành phố Đà Nẵng", "province", "22/01/2024", "112/TTCP-C.II",
                     _EXPLAIN, "21/02/2024", "802/UBND-STNMT"),
        )),
    _Fixed(
        "C2-2022-06",
        "Thanh tra việc quản lý, sử dụng vốn ODA và vốn vay ưu đãi nước ngoài tại Bộ Kế hoạch và Đầu tư",
        "Bộ Kế hoạch và Đầu tư",
        "Quản lý, phân bổ, sử dụng vốn ODA và vốn vay ưu đãi của các nhà tài trợ nước ngoài giai đoạn "
        "2016–2020",
        ("01/01/2016", "31/12/2020"), Basis.ASSIGNMENT, Level.THUONG, "normal",
        "Lê Hoàng Nam", "Tạ Văn Định",
        ("Lương Đức Thắng", "Dương Thị Huyền", "Mai Xuân Trường"),
        "Đồng Thị Phương",
        "phân bổ vốn ODA chưa đúng đối tượng; giải ngân chậm; thanh toán vượt khối lượng tại một số dự án",
        (_ev(S.DECISION, "21/02/2022", "98/QĐ-TTCP"),
         _ev(S.PLAN_APPROVED, "02/03/2022", "01/KH-ĐTT"),
         _ev(S.ANNOUNCED, "14/03/2022", "01/BB-ĐTT", "Công bố Quyết định thanh tra tại Bộ Kế hoạch và Đầu tư"),
         _ev(S.ONSITE_ENDED, "08/06/2022", "04/TB-ĐTT"),
         _ev(S.TEAM_REPORT, "05/08/2022", "07/BC-ĐTT"),
         _ev(S.DRAFT, "23/09/2022", "", "Dự thảo Kết luận thanh tra lần 1"),
         _ev(S.REVIEW, "04/11/2022", "", "Thẩm định dự thảo Kết luận thanh tra"),
         _ev(S.CONSULTATION, "05/12/2022", "2418/TTCP-C.II", "Xin ý kiến Bộ Tài chính"),
         _ev(S.CONCLUDED, "28/02/2023", "15/KL-TTCP"),
         _ev(S.PUBLISHED, "14/03/2023", "", "Công khai trên Cổng Thông tin điện tử Thanh tra Chính phủ"),
         _ev(S.FOLLOW_UP, "12/09/2023", "", "Theo dõi, đôn đốc thực hiện Kết luận thanh tra"),
         _ev(S.CLOSED, "29/03/2024", "", "Các kiến nghị đã thực hiện xong; kết thúc hồ sơ")),
        assignment_ref="Văn bản số 598/VPCP-V.I ngày 27/01/2022 của Văn phòng Chính phủ",
        results=dict(violation_money=57_800_000_000, recovery_money=9_650_000_000,
                     disciplined_orgs=2, disciplined_persons=6),
        opinions=(
            _Opinion("Bộ Tài chính", "ministry", "05/12/2022", "2418/TTCP-C.II",
                     _ASK_DRAFT, "30/12/2022", "14520/BTC-QLN"),
        )),
)

FIXED_CASE_CODES: tuple[str, ...] = tuple(f.code for f in _FIXED)
STALLED_CASE_CODES: tuple[str, ...] = FIXED_CASE_CODES[:6]

# (issuer, doc_ref, content, issued, due, done or None, case code or None, assignee)
_DIRECTIVES: tuple[tuple[str, str, str, str, str, str | None, str | None, str], ...] = (
    (PM, "1842/VPCP-V.I",
     "Khẩn trương hoàn thiện dự thảo Kết luận thanh tra tại Tổng công ty Đường sắt Việt Nam, "
     "báo cáo Thủ tướng Chính phủ trước ngày 30/4/2024",
     "12/03/2024", "30/04/2024", "16/04/2024", "C2-2022-02", "Nguyễn Thị Thu Hà"),
    (BCD_TW, "45-TB/BCĐTW",
     "Đẩy nhanh tiến độ, sớm ban hành Kết luận thanh tra việc quản lý, sử dụng đất đai, khoáng sản "
     "tại tỉnh Quảng Ninh; báo cáo Ban Chỉ đạo trong quý II/2024",
     "26/02/2024", "28/06/2024", None, "C2-2022-01", "Đặng Văn Đường"),
    (TONG_TT, "312/TB-TTCP",
     "Hoàn thiện dự thảo Kết luận thanh tra công tác cổ phần hóa, thoái vốn tại thành phố Hà Nội, "
     "trình Tổng Thanh tra Chính phủ trước ngày 31/5/2024",
     "15/04/2024", "31/05/2024", "03/06/2024", "C2-2023-02", "Phạm Quốc Hùng"),
    (TONG_TT, "198/TB-TTCP",
     "Rà soát các cuộc thanh tra chậm ban hành kết luận, đề xuất biện pháp xử lý theo Nghị quyết "
     "số 122-NQ/BCSĐ ngày 01/3/2024 của Ban Cán sự Đảng Thanh tra Chính phủ",
     "05/03/2024", "29/03/2024", "28/03/2024", None, "Trần Minh Đức"),
    (TONG_TT, "612/QĐ-TTCP",
     "Triển khai các cuộc thanh tra theo Kế hoạch thanh tra năm 2024 của Cục II",
     "08/12/2023", "31/03/2024", None, None, "Trần Minh Đức"),
    (PM, "3105/VPCP-V.I",
     "Tổng hợp đầy đủ ý kiến các bộ, ngành và giải trình của UBND tỉnh Thanh Hóa, hoàn thiện dự thảo "
     "Kết luận thanh tra, báo cáo Thủ tướng Chính phủ",
     "06/05/2024", "15/07/2024", None, "C2-2023-04", "Vũ Đình Khải"),
    (BCD_TW, "38-TB/BCĐTW",
     "Báo cáo kết quả xử lý sai phạm sau thanh tra tại tỉnh Bình Dương",
     "22/01/2024", "15/03/2024", "12/03/2024", "C2-2022-04", "Đặng Văn Đường"),
    (PM, "8770/VPCP-V.I",
     "Hoàn thiện, ban hành Kết luận thanh tra công tác thẩm định giá, xác định giá trị doanh nghiệp "
     "tại Bộ Tài chính",
     "05/12/2023", "29/02/2024", "15/03/2024", "C2-2022-05", "Phạm Quốc Hùng"),
    (TONG_TT, "Thông báo kết luận Hội nghị sơ kết 6 tháng đầu năm 2024 của Cục II",
     "Xây dựng Kế hoạch thanh tra năm 2025 của Cục II bám sát trọng tâm, cân đối phạm vi, đối tượng, "
     "lực lượng; tăng cường công tác bảo mật và an toàn thông tin",
     "08/07/2024", "30/09/2024", "27/09/2024", None, "Trần Minh Đức"),
)

# which stage records which kind of document: (type, issuer, summary template)
_DOCS: dict[Stage, tuple[str, str, str]] = {
    S.DECISION: ("QĐ", TONG_TT, "Quyết định về việc {title_l}"),
    S.PLAN_APPROVED: ("KH", "Đoàn thanh tra", "Kế hoạch tiến hành thanh tra đã được phê duyệt: {title_l}"),
    S.ANNOUNCED: ("BB", "Đoàn thanh tra", "Biên bản công bố Quyết định thanh tra số {decision} tại {party}"),
    S.EXTENDED: ("QĐ", TONG_TT, "Quyết định gia hạn thời hạn thanh tra thêm {days} ngày làm việc "
                                "(Quyết định thanh tra số {decision})"),
    S.ONSITE_ENDED: ("TB", "Đoàn thanh tra", "Thông báo kết thúc thanh tra trực tiếp tại {party}"),
    S.TEAM_REPORT: ("BC", "Trưởng đoàn thanh tra", "Báo cáo kết quả thanh tra tại {party}: {findings}"),
    S.DRAFT: ("DTKL", "Đoàn thanh tra", "Dự thảo Kết luận thanh tra tại {party}: {findings}"),
    S.REVIEW: ("BC", CUC_V, "Báo cáo thẩm định dự thảo Kết luận thanh tra tại {party}"),
    S.CONSULTATION: ("CV", TTCP, "Công văn xin ý kiến về dự thảo Kết luận thanh tra tại {party}"),
    S.PM_DRAFT_OPINION: ("BC", TTCP, "Báo cáo Thủ tướng Chính phủ xin ý kiến về dự thảo Kết luận "
                                     "thanh tra tại {party}"),
    S.PM_ISSUE_OPINION: ("TTr", TTCP, "Tờ trình Thủ tướng Chính phủ xin ý kiến về việc ban hành Kết "
                                      "luận thanh tra tại {party}"),
    S.CONCLUDED: ("KL", TTCP, "Kết luận thanh tra tại {party}: {findings}. Sai phạm về kinh tế "
                              "{money}; kiến nghị thu hồi {recovery}"),
    S.PUBLISHED: ("TB", TTCP, "Công khai Kết luận thanh tra số {conclusion} trên Cổng Thông tin điện "
                              "tử Thanh tra Chính phủ"),
    S.FOLLOW_UP: ("BC", CUC_II, "Báo cáo kết quả theo dõi, đôn đốc thực hiện Kết luận thanh tra số "
                                "{conclusion}"),
}


# --- the entry point ----------------------------------------------------------------------

def view(vs: VaultSession) -> "tuple[date, bool]":
    """(the day the vault is viewed as of, whether it holds the demo data): what the
    desktop program's status bar says after unlocking."""
    from desktop.services import settings
    from desktop.storage.orm import AuditRow
    day = settings.view_date(vs)
    with vs.uow() as uow:
        filled = uow.session.execute(select(AuditRow.id).where(AuditRow.action == "demo.fill")
                                     .limit(1)).first() is not None
    return day, filled


def fill_demo(vs: VaultSession, synthetic_cases: int = 0, today: date | None = None,
              seed: int = 2024) -> int:
    """Fill an open, freshly created vault with the demo; returns the number of cases added.

    The acting user must be an administrator cleared for Tối mật (the vault's creator is).
    """
    if not vs.actor.is_admin:
        raise PermissionDenied("perm.admin_only")
    if vs.actor.clearance < Level.TOI_MAT:
        raise PermissionDenied("perm.level_above_own", level=Level.TOI_MAT.label_vi)
    if synthetic_cases < 0:
        raise ValueError("synthetic_cases must be >= 0")
    # the services refuse dates after the real today, whatever the caller says
    today = min(today or date.today(), date.today())

    _refuse_second_fill(vs)

    staff_pool = _synthetic_staff(random.Random(f"{seed}-staff")) if synthetic_cases else {}
    _add_organisation(vs, today, staff_pool)
    from desktop.services import settings
    settings.set_value(vs, "unit_name", CUC_II)   # the agency named on every export
    # the demo reads as Cục II saw it at the end of its half-year, not years overdue
    settings.set_value(vs, "as_of", format_date(SITUATION_DATE))
    for username, role, clearance, staff_name in DEMO_USERS:
        add_user(vs, username, role, clearance, DEMO_PASSWORD, full_name=staff_name)

    plan_items = _plan_item_ids(vs, _PLAN_2023)
    added = 0
    for spec in _FIXED:
        if _add_fixed_case(vs, spec, today, plan_items):
            added += 1
    _add_records(vs, today)

    if synthetic_cases:
        inputs = synthetic_inputs(synthetic_cases, seed=seed, today=today, staff_pool=staff_pool)
        for start in range(0, len(inputs), _BULK_CHUNK):
            added += add_cases_bulk(vs, inputs[start:start + _BULK_CHUNK])
    return added


def _refuse_second_fill(vs: VaultSession) -> None:
    """Check before writing anything: a second fill would fail half-way through."""
    with vs.uow() as uow:
        session = uow.session
        user = session.execute(select(User.username).where(
            User.username.in_([u[0] for u in DEMO_USERS]))).scalar()
        if user:
            raise HosoError("user.exists", user=user)
        code = session.execute(select(Case.code).where(Case.code.in_(FIXED_CASE_CODES))).scalar()
        if code:
            raise HosoError("case.exists", code=code)


def _add_organisation(vs: VaultSession, today: date, staff_pool: dict[str, list[tuple[str, str]]]
                      ) -> None:
    """Units and staff (no service for the directory yet: ORM rows, one audit row), then
    the annual plans through their services."""
    with vs.uow() as uow:
        session = uow.session
        unit_ids = _ensure_units(session, [(n, k, p) for n, k, p in _UNITS])
        chairs = [(name, "inspectorate", TTCP if level is InspectingLevel.GOVERNMENT else None)
                  for name, level, _key in _chairs() if name in staff_pool]
        unit_ids.update(_ensure_units(session, chairs))
        known = set(session.execute(select(Staff.full_name)).scalars())
        staff_rows = [{"full_name": n, "position": pos, "unit_id": unit_ids[u], "active": True}
                      for n, pos, u in _STAFF if n not in known]
        for unit_name, people in staff_pool.items():
            staff_rows += [{"full_name": n, "position": pos, "unit_id": unit_ids[unit_name],
                            "active": True} for n, pos in people if n not in known]
        if staff_rows:
            session.execute(insert(Staff), staff_rows)
        session.flush()
        audit_log.append(session, vs.signer, vs.actor.username, "demo.fill", "organisation",
                         units=len(unit_ids), staff=len(staff_rows))
        uow.commit()
    _add_plans(vs, today)


def _add_plans(vs: VaultSession, today: date) -> None:
    """The annual plans as the Plan page makes them: created, items typed in, approved."""
    from desktop.services import plan_changes, plans
    for plan in (_PLAN_2023, _PLAN_2024):
        if plan.approved_date > today:
            continue
        plans.create_plan(vs, plan.year, plan.title, unit=CUC_II)
        for party, content, quarter, days, size in plan.items:
            plans.add_item(vs, plan.year, party, content, quarter, days, size)
        plan_changes.approve(vs, plan.year, plan.approved_number, plan.approved_date)


def _ensure_units(session, units: Sequence[tuple[str, str, str | None]]) -> dict[str, int]:
    ids = dict(session.execute(select(Unit.name, Unit.id)).all())
    for name, kind, parent in units:
        if name not in ids:
            unit = Unit(name=name, kind=kind, parent_id=ids.get(parent) if parent else None)
            session.add(unit)
            session.flush()
            ids[name] = unit.id
    # a parent listed after its child (the coffee corporation's ministry)
    for name, _kind, parent in units:
        if parent and parent in ids:
            unit = session.get(Unit, ids[name])
            if unit.parent_id is None:
                unit.parent_id = ids[parent]
    return ids


def _plan_item_ids(vs: VaultSession, plan: _Plan) -> list[int]:
    with vs.uow() as uow:
        row = uow.session.execute(select(AnnualPlan).where(AnnualPlan.year == plan.year,
                                                           AnnualPlan.title == plan.title)
                                  .order_by(AnnualPlan.id.desc())).scalar()
        return [item.id for item in row.items] if row else []


def _add_fixed_case(vs: VaultSession, spec: _Fixed, today: date, plan_items: list[int]) -> bool:
    events = [e for e in spec.events if _d(e[1]) <= today]
    if not events:
        return False
    concluded = any(e[0] is S.CONCLUDED for e in events)
    stage, when, number, _note, _days = spec.decision
    team = [(spec.leader, TeamRole.LEADER), (spec.deputy, TeamRole.DEPUTY)]
    team += [(name, TeamRole.MEMBER) for name in spec.members]
    team.append((spec.secretary, TeamRole.SECRETARY))
    plan_item_id = None
    if spec.plan_item is not None and spec.plan_item < len(plan_items):
        plan_item_id = plan_items[spec.plan_item]
    data = CaseInput(
        code=spec.code, title=spec.title, inspected_party=spec.party, content=spec.content,
        period_from=_d(spec.period[0]), period_to=_d(spec.period[1]), basis=spec.basis,
        plan_item_id=plan_item_id, assignment_ref=spec.assignment_ref, decision_number=number,
        decision_date=_d(when), inspecting_level=InspectingLevel.GOVERNMENT,
        complexity=spec.complexity, chaired_by=CUC_II, supervisor=SUPERVISOR, team=team,
        level=spec.level, **(spec.results if concluded else {}))
    add_case(vs, data)   # records the decision event
    closing = [e for e in events[1:] if e[0] is S.CLOSED]
    for stage, when, doc, note, days in events[1:]:
        if stage is not S.CLOSED:
            add_event(vs, spec.code, stage, _d(when), doc_ref=doc, note=note, days=days)
    if concluded:   # the recommendations are followed up before the case can close
        _add_recommendations(vs, spec, today, _d(closing[0][1]) if closing else None)
    for stage, when, doc, note, days in closing:
        add_event(vs, spec.code, stage, _d(when), doc_ref=doc, note=note, days=days)
    return True


# How far each conclusion's recommendations had got: the share of the money recovered at
# the follow-up (a case closed in the demo has all of them done before its closing).
_RECOVERED_SHARE = {"C2-2022-03": 0.6, "C2-2022-04": 0.35, "C2-2023-05": 0.0,
                    "C2-2022-05": 0.2, "C2-2023-06": 0.5, "C2-2022-06": 1.0}
_POLICY = {"C2-2022-04": ("Bộ Tài nguyên và Môi trường",
                          "Sửa đổi quy định về xác định giá đất khi cổ phần hóa doanh nghiệp nhà nước"),
           "C2-2022-05": ("Bộ Tài chính",
                          "Hoàn thiện quy định về thẩm định giá tài sản khi cổ phần hóa")}


def _add_recommendations(vs: VaultSession, spec: _Fixed, today: date, closed: date | None) -> None:
    """The conclusion's recommendations and their follow-up, through the service the
    Result tab and `hoso recommendation` call."""
    from desktop.services import recommendations
    concluded = _d(next(e[1] for e in spec.events if e[0] is S.CONCLUDED))
    r, party = spec.results, spec.party
    due = concluded + timedelta(days=180)
    items: list[tuple[int, str, int, float]] = []   # id, kind, money, land
    if r.get("recovery_money"):
        items.append((recommendations.add(
            vs, spec.code, "recover_money", party, "Thu hồi về ngân sách nhà nước số tiền sai phạm",
            r["recovery_money"], due=due), "recover_money", r["recovery_money"], 0.0))
    if r.get("recovery_land_m2"):
        items.append((recommendations.add(
            vs, spec.code, "recover_land", party, "Thu hồi diện tích đất giao, cho thuê sai quy định",
            area_m2=r["recovery_land_m2"], due=due), "recover_land", 0, r["recovery_land_m2"]))
    if r.get("disciplined_orgs") or r.get("disciplined_persons"):
        text = (f"Kiểm điểm, xử lý trách nhiệm {r.get('disciplined_orgs', 0)} tổ chức, "
                f"{r.get('disciplined_persons', 0)} cá nhân có sai phạm")
        items.append((recommendations.add(vs, spec.code, "discipline", party, text, due=due),
                      "discipline", 0, 0.0))
    if r.get("referral_cases"):
        text = (f"Chuyển hồ sơ {r['referral_cases']} vụ việc, {r.get('referral_persons', 0)} người "
                "có dấu hiệu tội phạm sang Cơ quan Cảnh sát điều tra, Bộ Công an")
        items.append((recommendations.add(vs, spec.code, "referral", "Cơ quan Cảnh sát điều tra, "
                                          "Bộ Công an", text, due=concluded + timedelta(days=30)),
                      "referral", 0, 0.0))
    if spec.code in _POLICY:
        addressee, text = _POLICY[spec.code]
        items.append((recommendations.add(vs, spec.code, "policy", addressee, text), "policy", 0, 0.0))
    share = _RECOVERED_SHARE.get(spec.code, 0.0)
    day = min(concluded + timedelta(days=120), (closed or today) - timedelta(days=5), today)
    if day <= concluded:
        return
    for rec_id, kind, money, land in items:
        if share >= 1.0:
            recommendations.update(vs, rec_id, day, "done", money or None, land or None)
        elif kind == "recover_money" and share > 0:
            recommendations.update(vs, rec_id, day, "partly_done", int(round(money * share, -6)))
        elif kind in ("recover_land", "discipline") and share > 0:
            recommendations.update(vs, rec_id, day, "in_progress",
                                   recovered_area_m2=round(land * share, 1) if land else None)
        elif kind == "referral":
            recommendations.update(vs, rec_id, day, "done",
                                   note="Cơ quan điều tra đã tiếp nhận hồ sơ")


def _add_opinions_and_directives(vs: VaultSession, today: date, present: set[str]) -> None:
    """Through the services a user's forms call: each letter, reply and directive is
    recorded (and audited) as if typed in (the demo proves they can be)."""
    from desktop.services import directives, opinion_requests
    for spec in _FIXED:
        if spec.code not in present:
            continue
        for op in spec.opinions:
            sent = _d(op.sent)
            if sent > today:
                continue
            [request] = opinion_requests.send(vs, spec.code, [(op.addressee, op.kind)], sent,
                                              op.doc_ref, op.subject, sent + timedelta(days=30))
            if op.answered and _d(op.answered) <= today:
                opinion_requests.reply(vs, request, _d(op.answered), op.answer_ref)
    for issuer, ref, content, issued, due, done, code, assignee in _DIRECTIVES:
        if _d(issued) > today or (code and code not in present):
            continue
        made = directives.add(vs, code or None, issuer, content, _d(due), _d(issued), ref,
                              assignee)
        if done and _d(done) <= today:
            directives.done(vs, made, _d(done))


def _add_records(vs: VaultSession, today: date) -> None:
    """Opinion requests, directives and documents through the services the forms call
    (documents are register records without a file, in date order so that the classified
    ones get their register numbers as a secretary entering them would); the links of the
    directory (inspected unit, the demo users' staff records) directly, having no service."""
    from desktop.services import documents as docs
    with vs.uow() as uow:
        present = set(uow.session.execute(select(Case.code).where(
            Case.code.in_(FIXED_CASE_CODES))).scalars())
    _add_opinions_and_directives(vs, today, present)
    # (a step with no document number has no register entry: a secretary could not make one)
    papers = [(doc["doc_date"] or date.min, doc["number"], spec.code, doc)
              for spec in _FIXED if spec.code in present for doc in _documents(spec, today)
              if doc["number"].strip()]
    for _day, _number, code, doc in sorted(papers, key=lambda p: (p[0], p[1])):
        docs.add_document(vs, docs.DocumentInput(
            number=doc["number"], doc_type=doc["doc_type"], level=Level(doc["level"]),
            case_code=code, doc_date=doc["doc_date"], issuer=doc["issuer"],
            summary=doc["summary"]))
    with vs.uow() as uow:
        session = uow.session
        cases = {c.code: c for c in session.execute(
            select(Case).where(Case.code.in_(FIXED_CASE_CODES))).scalars()}
        units = dict(session.execute(select(Unit.name, Unit.id)).all())
        for spec in _FIXED:
            case = cases.get(spec.code)
            if case is not None and case.inspected_unit_id is None and case.level == Level.THUONG:
                # (a classified case's party is sealed: no link to it in clear)
                case.inspected_unit_id = units.get(spec.party)
        # demo users are the staff they are named after
        staff_ids = dict(session.execute(select(Staff.full_name, Staff.id)
                                         .where(Staff.unit_id == units.get(CUC_II))).all())
        for username, _role, _level, staff_name in DEMO_USERS:
            user = session.execute(select(User).where(User.username == username)).scalar()
            if user is not None and user.staff_id is None:
                user.staff_id = staff_ids.get(staff_name)
        session.flush()
        search.refresh(session, [c.id for c in cases.values()])
        audit_log.append(session, vs.signer, vs.actor.username, "demo.fill", "records",
                         cases=len(cases), documents=len(papers))
        uow.commit()


def _documents(spec: _Fixed, today: date) -> Iterator[dict]:
    conclusion = next((e[2] for e in spec.events if e[0] is S.CONCLUDED), "")
    money = _vnd(spec.results.get("violation_money", 0))
    recovery = _vnd(spec.results.get("recovery_money", 0))
    title_l = spec.title[0].lower() + spec.title[1:]
    draft_no = 0
    for stage, when, doc, _note, days in spec.events:
        if _d(when) > today or stage not in _DOCS:
            continue
        doc_type, issuer, template = _DOCS[stage]
        summary = template.format(title_l=title_l, decision=spec.decision[2], party=spec.party,
                                  days=days, findings=spec.findings, money=money,
                                  recovery=recovery, conclusion=conclusion)
        if stage is S.DRAFT:
            draft_no += 1
            summary = f"{summary} (lần {draft_no})"
        if not doc and stage is S.DRAFT:   # a draft has no number of its own yet
            doc = f"Dự thảo lần {draft_no} ({spec.code})"
        yield {"number": doc, "doc_type": doc_type, "doc_date": _d(when), "issuer": issuer,
               "summary": summary, "level": int(spec.level)}


# --- synthetic cases ----------------------------------------------------------------------

_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
           "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đào", "Trịnh", "Mai", "Tạ", "Lương", "Cao",
           "Đoàn", "Kiều", "Chu", "Lã", "Phùng", "Tô", "Hà")
_MIDDLE_M = ("Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Xuân", "Đình", "Công", "Quang",
             "Tiến", "Hoàng", "Ngọc", "Trọng", "Bá")
_MIDDLE_F = ("Thị", "Thị Thu", "Thị Minh", "Thị Hồng", "Thị Ngọc", "Thị Lan", "Thị Thanh",
             "Thị Kim", "Thị Bích", "Thị Diệu")
_GIVEN_M = ("Anh", "Bình", "Cường", "Dũng", "Đạt", "Định", "Đông", "Đức", "Đường", "Giang",
            "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Luân",
            "Mạnh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quyết", "Sơn", "Tâm", "Thắng",
            "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ")
_GIVEN_F = ("An", "Anh", "Ánh", "Châu", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hạnh", "Hiền",
            "Hoa", "Hồng", "Huệ", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga",
            "Ngân", "Nguyệt", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thủy", "Trang", "Vân",
            "Yến", "Đào")

# (name, is a centrally-run city)
_PROVINCES = (
    ("Hà Nội", True), ("Hồ Chí Minh", True), ("Hải Phòng", True), ("Đà Nẵng", True),
    ("Cần Thơ", True), ("Quảng Ninh", False), ("Thanh Hóa", False), ("Nghệ An", False),
    ("Hà Tĩnh", False), ("Quảng Bình", False), ("Thừa Thiên Huế", False), ("Quảng Nam", False),
    ("Quảng Ngãi", False), ("Bình Định", False), ("Khánh Hòa", False), ("Lâm Đồng", False),
    ("Đắk Lắk", False), ("Đắk Nông", False), ("Gia Lai", False), ("Kon Tum", False),
    ("Đồng Nai", False), ("Bình Dương", False), ("Bà Rịa – Vũng Tàu", False), ("Long An", False),
    ("Tiền Giang", False), ("Đồng Tháp", False), ("An Giang", False), ("Kiên Giang", False),
    ("Cà Mau", False), ("Bắc Ninh", False), ("Bắc Giang", False), ("Hải Dương", False),
    ("Hưng Yên", False), ("Thái Bình", False), ("Nam Định", False), ("Ninh Bình", False),
    ("Thái Nguyên", False), ("Lào Cai", False), ("Điện Biên", False), ("Sơn La", False),
)

# ministry → (its inspectorate's specialised topics, the bodies it inspects: "{p}" = province)
_MINISTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Bộ Tài chính": (("việc chấp hành pháp luật về quản lý thu, chi ngân sách nhà nước",
                      "công tác quản lý thuế, hoàn thuế giá trị gia tăng",
                      "việc quản lý, sử dụng tài sản công"),
                     ("Cục Thuế tỉnh {p}", "Kho bạc Nhà nước tỉnh {p}", "Sở Tài chính tỉnh {p}")),
    "Bộ Xây dựng": (("việc chấp hành pháp luật về quy hoạch, cấp phép xây dựng",
                     "công tác quản lý chất lượng công trình xây dựng",
                     "việc quản lý phát triển nhà ở, thị trường bất động sản"),
                    ("Sở Xây dựng tỉnh {p}", "Ban Quản lý dự án đầu tư xây dựng tỉnh {p}")),
    "Bộ Giao thông vận tải": (("việc quản lý, bảo trì kết cấu hạ tầng giao thông đường bộ",
                               "công tác quản lý đầu tư các dự án giao thông",
                               "công tác đào tạo, sát hạch, cấp giấy phép lái xe"),
                              ("Sở Giao thông vận tải tỉnh {p}",
                               "Ban Quản lý dự án giao thông tỉnh {p}")),
    "Bộ Tài nguyên và Môi trường": (("việc quản lý, sử dụng đất đai",
                                     "việc cấp phép, quản lý hoạt động khai thác khoáng sản",
                                     "việc chấp hành pháp luật về bảo vệ môi trường"),
                                    ("Sở Tài nguyên và Môi trường tỉnh {p}",
                                     "Văn phòng Đăng ký đất đai tỉnh {p}")),
    "Bộ Kế hoạch và Đầu tư": (("công tác quản lý đầu tư công",
                               "việc cấp giấy chứng nhận đăng ký đầu tư, đăng ký doanh nghiệp"),
                              ("Sở Kế hoạch và Đầu tư tỉnh {p}",)),
    "Bộ Công Thương": (("việc quản lý, thực hiện quy hoạch phát triển điện lực",
                        "công tác quản lý thị trường, an toàn thực phẩm thuộc ngành công thương"),
                       ("Sở Công Thương tỉnh {p}", "Cục Quản lý thị trường tỉnh {p}")),
    "Bộ Y tế": (("công tác đấu thầu, mua sắm thuốc, vật tư, trang thiết bị y tế",
                 "việc quản lý, sử dụng quỹ bảo hiểm y tế"),
                ("Sở Y tế tỉnh {p}", "Bệnh viện Đa khoa tỉnh {p}")),
    "Bộ Giáo dục và Đào tạo": (("công tác tuyển sinh, tổ chức thi",
                                "việc quản lý, sử dụng kinh phí chương trình mục tiêu giáo dục"),
                               ("Sở Giáo dục và Đào tạo tỉnh {p}",)),
}

_GENERAL_TOPICS = (
    "việc quản lý, sử dụng đất đai",
    "công tác quản lý, sử dụng vốn đầu tư công",
    "việc cấp phép, quản lý hoạt động khai thác khoáng sản",
    "công tác cổ phần hóa, thoái vốn nhà nước tại doanh nghiệp",
    "việc quản lý, sử dụng nguồn vốn ngân sách nhà nước",
    "việc thực hiện các dự án đầu tư theo hình thức đối tác công tư (BT, BOT)",
    "công tác đấu thầu, mua sắm tài sản công",
    "việc chấp hành pháp luật về phòng, chống tham nhũng, tiêu cực",
    "việc quản lý, sử dụng trụ sở làm việc, nhà, đất công",
    "công tác bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất",
    "việc quản lý quy hoạch, cấp phép xây dựng",
    "công tác quản lý thu, chi ngân sách",
    "việc quản lý, sử dụng đất có nguồn gốc nông, lâm trường",
    "công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
    "việc thực hiện chương trình mục tiêu quốc gia xây dựng nông thôn mới",
)

_CONTENT_BITS = (
    "giao đất, cho thuê đất, chuyển mục đích sử dụng đất", "đấu giá quyền sử dụng đất",
    "lập, thẩm định, phê duyệt dự án", "lựa chọn nhà thầu", "nghiệm thu, thanh toán, quyết toán",
    "quản lý, sử dụng vốn ngân sách", "cấp phép khai thác khoáng sản", "thu tiền sử dụng đất",
    "xác định giá trị doanh nghiệp", "quản lý tài sản công", "trách nhiệm người đứng đầu",
    "kê khai tài sản, thu nhập", "bồi thường, giải phóng mặt bằng", "mua sắm tập trung",
)

_SOES = ("Tổng công ty Đường sắt Việt Nam", "Tập đoàn Điện lực Việt Nam",
         "Tập đoàn Dầu khí Việt Nam", "Tập đoàn Công nghiệp Than – Khoáng sản Việt Nam",
         "Tổng công ty Hàng hải Việt Nam", "Tổng công ty Lương thực miền Bắc",
         "Tổng công ty Cà phê Việt Nam", "Tổng công ty Cảng hàng không Việt Nam",
         "Tổng công ty Đầu tư phát triển đường cao tốc Việt Nam", "Tập đoàn Hóa chất Việt Nam",
         "Tổng công ty Thuốc lá Việt Nam", "Tổng công ty Đầu tư và Kinh doanh vốn nhà nước")

_COMPANY_WORDS = ("Phú Thành", "Đức Long", "An Phát", "Thành Đông", "Hải Đăng", "Minh Đạt",
                  "Tân Đô", "Việt Đức", "Đông Á", "Kim Ngân", "Trường Sơn", "Đại Dương",
                  "Hồng Lĩnh", "Bảo Châu", "Sông Đà Xanh", "Thiên Phú")

_GOV_CHAIRS = ("Cục I – Thanh tra Chính phủ", "Cục III – Thanh tra Chính phủ",
               "Cục IV – Thanh tra Chính phủ")
_DEPT_KINDS = ("Thanh tra Sở Xây dựng tỉnh {p}", "Thanh tra Sở Tài nguyên và Môi trường tỉnh {p}")
_DEPT_PROVINCES = 10   # department-level inspectorates in the first N provinces


def _province_label(name: str, is_city: bool) -> str:
    return f"thành phố {name}" if is_city else f"tỉnh {name}"


def _in_province(template: str, name: str, is_city: bool) -> str:
    return template.replace("tỉnh {p}", _province_label(name, is_city)).replace("{p}", name)


def _chairs() -> list[tuple[str, InspectingLevel, str]]:
    """Every synthetic chairing inspectorate: (name, level, key for parties/topics)."""
    chairs = [(name, InspectingLevel.GOVERNMENT, "") for name in _GOV_CHAIRS]
    chairs += [(f"Thanh tra {ministry}", InspectingLevel.MINISTRY, ministry) for ministry in _MINISTRIES]
    chairs += [(f"Thanh tra {_province_label(p, c)}", InspectingLevel.PROVINCE, p)
               for p, c in _PROVINCES]
    for p, c in _PROVINCES[:_DEPT_PROVINCES]:
        chairs += [(_in_province(kind, p, c), InspectingLevel.DEPARTMENT, p) for kind in _DEPT_KINDS]
    return chairs


def _synthetic_staff(rng: random.Random) -> dict[str, list[tuple[str, str]]]:
    """Per chairing inspectorate 8 people (head, deputy, inspectors), names unique vault-wide."""
    taken = {name for name, _pos, _unit in _STAFF}
    pool: dict[str, list[tuple[str, str]]] = {}
    for chair, level, _key in _chairs():
        head = "Cục trưởng" if level is InspectingLevel.GOVERNMENT else "Chánh Thanh tra"
        deputy = "Phó " + head
        positions = [head, deputy] + ["Thanh tra viên chính"] * 2 + ["Thanh tra viên"] * 4
        people = []
        for position in positions:
            while True:
                if rng.random() < 0.55:
                    name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE_M)} {rng.choice(_GIVEN_M)}"
                else:
                    name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE_F)} {rng.choice(_GIVEN_F)}"
                if name not in taken:
                    taken.add(name)
                    break
            people.append((name, position))
        pool[chair] = people
    return pool


_FIXED_HOLIDAYS = {(1, 1), (4, 30), (5, 1), (9, 2)}   # Tết and the Hùng Kings' day move yearly


def _plain_working_day(ordinal: int) -> bool:
    """Weekday and not a fixed-date public holiday (synthetic dates need no more)."""
    if (ordinal - 1) % 7 >= 5:      # date.fromordinal(1) is a Monday
        return False
    d = date.fromordinal(ordinal)
    return (d.month, d.day) not in _FIXED_HOLIDAYS


def synthetic_inputs(count: int, seed: int = 2024, today: date | None = None,
                     staff_pool: dict[str, list[tuple[str, str]]] | None = None) -> list[CaseInput]:
    """`count` synthetic cases, deterministic for (count, seed, today); decisions 2019–2024 on
    weekdays, none after `today`, none chaired by Cục II. Codes "TT-<year>-<serial>" and each
    issuer's decision numbers grow with the decision date."""
    today = min(today or date.today(), date.today())
    rng = random.Random(seed)
    rnd = rng.random

    def pick(seq):
        return seq[int(rnd() * len(seq))]

    pool = staff_pool if staff_pool is not None else _synthetic_staff(random.Random(f"{seed}-staff"))
    chairs = _chairs()
    share = {InspectingLevel.GOVERNMENT: 10, InspectingLevel.MINISTRY: 25,
             InspectingLevel.PROVINCE: 45, InspectingLevel.DEPARTMENT: 20}
    per_level = {lvl: sum(1 for _c, other, _k in chairs if other is lvl) for lvl in share}
    weights = [share[lvl] / per_level[lvl] for _name, lvl, _key in chairs]
    # per chair: the teams it fields (a rotation of its inspectors, 3 to 6 people)
    teams: dict[str, list[list[tuple[str, TeamRole]]]] = {}
    for chair, _lvl, _key in chairs:
        inspectors = [name for name, _pos in pool[chair][2:]]
        variants = []
        for turn in range(len(inspectors)):
            ring = inspectors[turn:] + inspectors[:turn]
            for size in range(3, min(6, len(ring)) + 1):
                team = [(ring[0], TeamRole.LEADER)] + [(m, TeamRole.MEMBER) for m in ring[1:size - 1]]
                team.append((ring[size - 1], TeamRole.SECRETARY))
                variants.append(team)
        teams[chair] = variants
    contents = [f"{a[0].upper()}{a[1:]}; {b}" + (f"; {c}" if c else "")
                for i, a in enumerate(_CONTENT_BITS) for j, b in enumerate(_CONTENT_BITS) if j > i
                for c in ("",) + _CONTENT_BITS[j + 1:j + 4]]
    province_label = [(p, _province_label(p, c)) for p, c in _PROVINCES]
    label_of = dict(province_label)
    ubnd = [f"UBND {label}" for _p, label in province_label]
    ministries = tuple(_MINISTRIES)
    departments = ("Sở Tài chính", "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Sở Kế hoạch và Đầu tư",
          "Sở Giao thông vận tải", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Y tế",
          "Ban Quản lý dự án đầu tư xây dựng")
    dept_topics = _GENERAL_TOPICS[:4] + _GENERAL_TOPICS[10:11]
    ministry_parties = {m: [_in_province(body, p, c) for body in bodies for p, c in _PROVINCES]
                        for m, (_topics, bodies) in _MINISTRIES.items()}

    last = min(date(2024, 12, 31), today)
    first = date(2019, 1, 1) if last >= date(2019, 1, 1) else last - timedelta(days=5 * 365)
    lo, hi = first.toordinal(), last.toordinal()
    ordinals = []
    for _ in range(count):
        o = lo + int(rnd() * (hi - lo + 1))
        while not _plain_working_day(o):
            o -= 1
        if o < lo:
            o = lo
            while not _plain_working_day(o):
                o += 1
        ordinals.append(o)
    ordinals.sort()
    day_of: dict[int, date] = {}

    reserved = {(_d(f.decision[1]).year, f.decision[2].split("/")[0]) for f in _FIXED}
    reserved |= {(_d(e[1]).year, e[2].split("/")[0]) for f in _FIXED for e in f.events
                 if e[0] is S.EXTENDED}
    reserved |= {(p.approved_date.year, p.approved_number.split("/")[0])
                 for p in (_PLAN_2023, _PLAN_2024)}
    counters: dict[tuple[str, int], int] = {}
    chosen = rng.choices(range(len(chairs)), weights=weights, k=count)
    gov, ministry, province = (InspectingLevel.GOVERNMENT, InspectingLevel.MINISTRY,
                               InspectingLevel.PROVINCE)
    out: list[CaseInput] = []
    for serial, (o, ci) in enumerate(zip(ordinals, chosen), start=1):
        decided = day_of.get(o) or day_of.setdefault(o, date.fromordinal(o))
        year = decided.year
        chair, inspecting, key = chairs[ci]
        if inspecting is gov:
            roll = rnd()
            party = pick(ubnd) if roll < 0.45 else pick(ministries) if roll < 0.75 else pick(_SOES)
            topic = pick(_GENERAL_TOPICS)
            symbol, counter_key = "QĐ-TTCP", "TTCP"
            assigner = "Thủ tướng Chính phủ", "VPCP-V.I"
        elif inspecting is ministry:
            party = pick(ministry_parties[key])
            topic = pick(_MINISTRIES[key][0])
            symbol, counter_key = "QĐ-TTr", chair
            assigner = f"Bộ trưởng {key}", "VP"
        elif inspecting is province:
            if rnd() < 0.6:
                party = f"{pick(departments)} {label_of[key]}"
            else:
                party = f"Công ty Cổ phần {pick(_COMPANY_WORDS)} {key}"
            topic = pick(_GENERAL_TOPICS)
            symbol, counter_key = "QĐ-TTr", chair
            assigner = f"Chủ tịch UBND {label_of[key]}", "UBND-NC"
        else:
            party = f"Công ty TNHH Xây dựng {pick(_COMPANY_WORDS)}"
            topic = pick(dept_topics)
            symbol, counter_key = "QĐ-TTr", chair
            assigner = "Giám đốc " + chair.removeprefix("Thanh tra "), "VP"
        period_from = date(year - 2 - int(rnd() * 4), 1, 1)
        period_to = date(year - 1, 12, 31)
        # decision number, unique per issuer and year
        ck = (counter_key, year)
        number = counters.get(ck, int(rnd() * 10)) + 1 + int(rnd() * 3)
        while counter_key == "TTCP" and (year, str(number)) in reserved:
            number += 1
        counters[ck] = number
        assignment = ""
        basis = Basis.PLAN
        if rnd() >= 0.7:
            basis = Basis.ASSIGNMENT
            ref_day = decided - timedelta(days=10 + int(rnd() * 30))
            who, sign = assigner
            assignment = (f"Chỉ đạo của {who} tại Văn bản số {100 + int(rnd() * 8900)}/{sign} "
                          f"ngày {ref_day.day:02d}/{ref_day.month}/{ref_day.year}")
        roll = rnd()
        level = Level.THUONG if roll < 0.85 else Level.MAT if roll < 0.97 else Level.TOI_MAT
        roll = rnd()
        complexity = "normal" if roll < 0.7 else "complex" if roll < 0.95 else "very_complex"
        out.append(CaseInput(
            code=f"TT-{year}-{serial:06d}",
            title=f"Thanh tra {topic} tại {party} giai đoạn {period_from.year}–{year - 1}",
            inspected_party=party, content=pick(contents), period_from=period_from,
            period_to=period_to, basis=basis, assignment_ref=assignment,
            decision_number=f"{number}/{symbol}", decision_date=decided,
            inspecting_level=inspecting, complexity=complexity, chaired_by=chair,
            supervisor=pool[chair][1][0], team=list(pick(teams[chair])), level=level))
    return out

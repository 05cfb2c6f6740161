"""Recommendations of a conclusion (kiến nghị): their kinds and follow-up states."""

from desktop.domain.messages import in_language
from desktop.domain.errors import InvalidInput
from desktop.domain.folding import fold

KINDS = {
    "recover_money": ("Thu hồi tiền", "Recover money"),
    "recover_land": ("Thu hồi đất", "Recover land"),
    "discipline": ("Xử lý hành chính, kỷ luật", "Administrative or disciplinary action"),
    "referral": ("Chuyển cơ quan điều tra", "Referral to the investigation agency"),
    "policy": ("Sửa đổi cơ chế, chính sách", "Change of rules or policy"),
    "other": ("Kiến nghị khác", "Other"),
}
STATUSES = {
    "not_started": ("Chưa thực hiện", "Not started"),
    "in_progress": ("Đang thực hiện", "In progress"),
    "partly_done": ("Đã thực hiện một phần", "Partly done"),
    "done": ("Đã thực hiện xong", "Done"),
}
SETTLED = "done"


# a choice's key → (Vietnamese, English) name
Table = dict[str, tuple[str, str]]


def label(table: Table, key: str, lang: str = "vi") -> str:
    return in_language(table[key], lang)


def parse(table: Table, text: str, field: str) -> str:
    """A key of `table` from its code or either name, without diacritics or case."""
    wanted = " ".join(fold(text or "").replace("_", " ").split())
    for key, (vi, en) in table.items():
        if wanted in (key.replace("_", " "), fold(vi), fold(en)):
            return key
    raise InvalidInput("input.bad_choice", value=text, field=field, choices=", ".join(table))

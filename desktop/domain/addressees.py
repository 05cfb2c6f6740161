"""Who an opinion request goes to, and who gives a directive: kinds with their names."""

from desktop.domain.errors import InvalidInput
from desktop.domain.folding import fold

ADDRESSEE_KINDS = {"ministry": ("Bộ, ngành", "Ministry or agency"),
                   "province": ("Địa phương", "Locality"),
                   "agency": ("Cơ quan khác", "Other agency"),
                   "pm": ("Thủ tướng Chính phủ", "The Prime Minister")}
_ALIASES = {"bo": "ministry", "nganh": "ministry", "bo nganh": "ministry", "tinh": "province",
            "dia phuong": "province", "locality": "province", "thu tuong": "pm",
            "thu tuong chinh phu": "pm", "prime minister": "pm", "co quan": "agency",
            "other": "agency"}


def addressee_kind(text: str) -> str:
    key = " ".join(fold(text or "ministry").replace("_", " ").split())
    found = key if key in ADDRESSEE_KINDS else _ALIASES.get(key)
    if found is None:
        raise InvalidInput("input.bad_choice", value=text, field="addressee_kind",
                           choices=", ".join(ADDRESSEE_KINDS))
    return found


def guess_kind(addressee: str) -> str:
    """The kind an addressee's name suggests (a user may still choose another)."""
    name = fold(addressee)
    if "thu tuong" in name:
        return "pm"
    if name.startswith(("ubnd", "uy ban nhan dan", "tinh ", "thanh pho ")):
        return "province"
    if name.startswith(("bo ", "ngan hang nha nuoc", "thanh tra chinh phu")):
        return "ministry"
    return "agency"

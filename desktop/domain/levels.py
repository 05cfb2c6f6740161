"""Classification levels (state-secret law) and user roles."""

from enum import IntEnum, Enum

from desktop.domain.folding import fold


class Level(IntEnum):
    """Ordered: a user cleared for a level may read every level below it."""

    THUONG = 0
    MAT = 1
    TOI_MAT = 2
    TUYET_MAT = 3

    @property
    def label_vi(self) -> str:
        return _LEVEL_VI[self]

    @property
    def label_en(self) -> str:
        return _LEVEL_EN[self]

    def label(self, lang: str = "vi") -> str:
        return self.label_vi if lang == "vi" else self.label_en

    @property
    def code(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: "str | int | Level") -> "Level":
        """Accepts 0-3, codes (toi_mat), Vietnamese with or without accents, English."""
        if isinstance(text, Level):
            return text
        if isinstance(text, int):
            return cls(text)
        key = fold(str(text)).strip().replace("-", " ").replace("_", " ")
        key = " ".join(key.split())
        if key.isdigit() and int(key) in cls._value2member_map_:
            return cls(int(key))
        for level in cls:
            names = {fold(level.label_vi), fold(level.label_en), level.code.replace("_", " ")}
            if key in names:
                return level
        aliases = {"normal": cls.THUONG, "unclassified": cls.THUONG, "none": cls.THUONG,
                   "khong mat": cls.THUONG, "confidential": cls.MAT, "secret": cls.TOI_MAT,
                   "top secret": cls.TUYET_MAT}
        if key in aliases:
            return aliases[key]
        raise ValueError(text)


_LEVEL_VI = {Level.THUONG: "Thường", Level.MAT: "Mật", Level.TOI_MAT: "Tối mật",
             Level.TUYET_MAT: "Tuyệt mật"}
_LEVEL_EN = {Level.THUONG: "Unclassified", Level.MAT: "Confidential", Level.TOI_MAT: "Secret",
             Level.TUYET_MAT: "Top secret"}


class Role(str, Enum):
    ADMIN = "admin"
    LEADER = "leader"
    INSPECTOR = "inspector"
    CLERK = "clerk"

    def label(self, lang: str = "vi") -> str:
        return (_ROLE_VI if lang == "vi" else _ROLE_EN)[self]

    @classmethod
    def parse(cls, text: str) -> "Role":
        key = fold(text).strip().replace("-", " ").replace("_", " ")
        for role in cls:
            if key in {role.value, fold(_ROLE_VI[role]), fold(_ROLE_EN[role])}:
                return role
        aliases = {"administrator": cls.ADMIN, "quan tri": cls.ADMIN, "lanh dao": cls.LEADER,
                   "thanh tra vien": cls.INSPECTOR, "van thu": cls.CLERK, "thu ky": cls.CLERK,
                   "secretary": cls.CLERK}
        if key in aliases:
            return aliases[key]
        raise ValueError(text)


_ROLE_VI = {Role.ADMIN: "Quản trị", Role.LEADER: "Lãnh đạo", Role.INSPECTOR: "Thanh tra viên",
            Role.CLERK: "Văn thư"}
_ROLE_EN = {Role.ADMIN: "Administrator", Role.LEADER: "Leader", Role.INSPECTOR: "Inspector",
            Role.CLERK: "Clerk"}


def write_ceiling(role: Role, clearance: Level) -> int:
    """The highest level of case a user may change: their clearance, but a clerk (who keeps
    registers and prepares summaries, cleared for reading) changes unclassified cases only.
    The department server enforces the same rule in its row-level security
    (storage/migrations/server_policies.py); -1 would mean nothing at all."""
    return min(int(clearance), int(Level.THUONG)) if role is Role.CLERK else int(clearance)

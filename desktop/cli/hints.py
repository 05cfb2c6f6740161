"""What to type next: the command line adds it to a message that calls for a command.
The messages themselves name no command (the desktop program has its own way: the Users
page unlocks an account, the backups list restores)."""

from __future__ import annotations

from desktop.domain.messages import in_language

_RESTORE = ("Khôi phục: “hoso restore BẢN_SAO THƯ_MỤC_MỚI”.",
            "To restore: “hoso restore BACKUP NEW_FOLDER”.")
_RESET = ("Quản trị viên chạy “hoso user reset {user}”.",
          "An administrator runs “hoso user reset {user}”.")

HINTS: dict[str, tuple[str, str]] = {
    "vault.must_change_password": ("Chạy “hoso user passwd”.", "Run “hoso user passwd”."),
    "vault.slot_locked": ("Quản trị viên chạy “hoso user unlock {user}”.",
                          "An administrator runs “hoso user unlock {user}”."),
    "trust.not_enrolled": _RESET,
    "integrity.no_slot": _RESET,
    "integrity.page": _RESTORE,
    "integrity.structure": _RESTORE,
    "integrity.unreadable": _RESTORE,
    "integrity.keyfile": _RESTORE,
    "backup.source_damaged": ("Chạy “hoso verify”.", "Run “hoso verify”."),
    "vault.rolled_back": ("Dòng lệnh: --accept-rollback.", "Command line: --accept-rollback."),
    "import.no_year": ("Dùng --year.", "Use --year."),
    "import.foreign": ("Dùng --allow-foreign nếu vẫn muốn nhập.",
                       "Use --allow-foreign to import it anyway."),
    "import.converted": ("Để giữ nguyên: --keep-encoding {field}.",
                         "To keep them as they are: --keep-encoding {field}."),
    "import.rejected_all": ("--errors TỆP.xlsx ghi các dòng lỗi, tô đỏ.",
                            "--errors FILE.xlsx writes the rows with their errors in red."),
    "import.dates_swapped": ("Nhập lại với --swap-dates {field}.",
                             "Import again with --swap-dates {field}."),
    "summary.same_field": ("Chọn trường khác cho --then.", "Choose another field for --then."),
}


def with_hint(key: str, message: str, lang: str, params: dict | None = None) -> str:
    """`message` and, for a key that calls for a command, the command to run."""
    pair = HINTS.get(key)
    if pair is None:
        return message
    try:
        hint = in_language(pair, lang).format(**(params or {}))
    except (KeyError, IndexError):
        return message
    return f"{message} {hint}"

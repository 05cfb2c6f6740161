"""Errors every layer raises; each carries a message key so the CLI and the GUI
can show it in the user's language (desktop.domain.messages)."""

from desktop.domain.messages import render


class HosoError(Exception):
    """An error explained to the user. Never carries confidential content."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "vi") -> str:
        return render(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("vi")


class WrongPassword(HosoError):
    pass


class VaultDamaged(HosoError):
    pass


class PermissionDenied(HosoError):
    pass


class NotFound(HosoError):
    pass


class InvalidInput(HosoError):
    pass


class Cancelled(HosoError):
    """The user stopped a job: an export, an upload, an import, a long read. The one
    cancellation every layer raises (the task runner reports it as cancelled, not as
    a failure); `key` says what was left behind ("nothing was stored", "no file")."""

    def __init__(self, key: str = "error.interrupted", **params: object) -> None:
        super().__init__(key, **params)


class ChangedMeanwhile(HosoError):
    """Another user saved the record after this user's form read it: nothing of this save
    was written. `fields` names what the other changed; `current` (field → value, kept in
    memory only, never in the message) and `version` let a form load the fresh record so
    the user can redo their change on it."""

    def __init__(self, key: str = "record.changed_meanwhile", fields: tuple[str, ...] = (),
                 current: dict[str, str] | None = None, version: int = 0,
                 **params: object) -> None:
        super().__init__(key, **params)
        self.fields = fields
        self.current = current or {}
        self.version = version

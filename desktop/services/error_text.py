"""One sentence for any error, in the user's language, for both front ends (the command
line prints it on one line, the desktop program shows it in a dialog or beside a form).
An unexpected error is logged — its type and code locations, never values — and the
sentence names the log."""

from __future__ import annotations

import os
import traceback
from pathlib import Path

from desktop.domain.calendar import DataFileError
from desktop.domain.errors import HosoError
from desktop.domain.messages import render
from desktop.storage import db_errors, presence


def log_file() -> Path:
    import platformdirs
    folder = Path(os.environ.get("HOSO_LOG_DIR")
                  or platformdirs.user_log_dir("hoso", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "errors.log"


def log_unexpected(exc: BaseException) -> Path:
    """Append the error's type and code locations to the log; the log's path ("-" when
    it cannot be written)."""
    frames = getattr(exc, "__hoso_trace__", None) or traceback.extract_tb(exc.__traceback__)
    lines = [f"{type(exc).__module__}.{type(exc).__name__}"] + [
        f"  {f.filename}:{f.lineno} in {f.name}" for f in frames]
    try:
        path = log_file()
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    except OSError:
        return Path("-")
    return path


def describe(exc: BaseException, lang: str, vault_dir: Path | None = None) -> str:
    """The sentence for `exc`; `vault_dir` names the vault in a database error."""
    if isinstance(exc, HosoError):
        return exc.message(lang)
    if isinstance(exc, DataFileError):
        return render("data.file_error", lang, path=str(exc.path), where=exc.where,
                      detail=exc.message)
    if isinstance(exc, KeyboardInterrupt):
        return render("error.interrupted", lang)
    meaning = db_errors.kind(exc)
    if meaning == "server":
        log_unexpected(exc)   # the statement is the developers' to see, not the user's
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()
        return render("server.failed", lang, reason=reason[0] if reason else "?")
    if meaning == "locked":
        return presence.busy_error(vault_dir).message(lang)
    if meaning == "full" or (isinstance(exc, OSError) and exc.errno == 28):
        where = vault_dir if meaning else getattr(exc, "filename", None)
        return render("vault.disk_full", lang, path=str(where or ""))
    if meaning == "damaged":
        return render("vault.db_damaged", lang,
                      path=str(vault_dir / "hoso.db") if vault_dir else "hoso.db")
    return render("error.unexpected", lang, kind=type(exc).__name__,
                  log=str(log_unexpected(exc)))

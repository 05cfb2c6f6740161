"""The command line (`hoso`): a scriptable front to the services, and the contract
the acceptance checks use. With no sub-command it opens the desktop program.

Exit status: 0 success, 1 an error explained in one line on stderr, 2 bad usage.
"""

import json
import logging
import os
import sys
from pathlib import Path

import sqlalchemy.exc

from desktop.cli.parser import build_parser
from desktop.domain.calendar import DataFileError
from desktop.domain.errors import HosoError
from desktop.domain.messages import default_language, render


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang or default_language()
    args.lang = lang
    if not getattr(args, "handler", None):
        from desktop.cli.commands import run_gui
        return run_gui(args)
    try:
        result = args.handler(args)
        return 0 if result is None else int(result)
    except HosoError as err:
        _fail(err.message(lang))
    except DataFileError as err:
        _fail(render("data.file_error", lang, path=str(err.path), where=err.where,
                     detail=err.message))
    except sqlalchemy.exc.DatabaseError as err:
        # a page that fails its HMAC shows up only when it is read
        db = Path(getattr(args, "vault", "") or "") / "hoso.db"
        message = str(err.orig if hasattr(err, "orig") else err).lower()
        from desktop.storage import presence
        if presence.is_locked(err):
            _fail(presence.busy_error(db.parent).message(lang))
        elif "full" in message:
            _fail(render("vault.disk_full", lang, path=str(db.parent)))
        else:
            _fail(render("vault.db_damaged", lang, path=str(db)))
    except KeyboardInterrupt:
        _fail(render("error.interrupted", lang))
    except BrokenPipeError:
        # the reader went away (`hoso … | head`): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as err:
        if err.errno == 28:
            _fail(render("vault.disk_full", lang, path=err.filename or ""))
        _fail(_unexpected(err, lang))
    except Exception as err:  # noqa: BLE001 — one line for the user, details in the log
        _fail(_unexpected(err, lang))
    return 1


def _fail(message: str) -> None:
    print(message, file=sys.stderr)
    raise SystemExit(1)


def _unexpected(err: Exception, lang: str) -> str:
    """Log the traceback (types and places only, no values) for the developers."""
    log_dir = Path(os.environ.get("HOSO_LOG_DIR") or _default_log_dir())
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        log_file = log_dir / "errors.log"
        import traceback
        frames = traceback.extract_tb(err.__traceback__)
        lines = [f"{type(err).__module__}.{type(err).__name__}"] + [
            f"  {f.filename}:{f.lineno} in {f.name}" for f in frames]
        logging.basicConfig(filename=str(log_file), level=logging.ERROR)
        logging.getLogger("hoso").error("\n".join(lines))
    except OSError:
        log_file = Path("-")
    return render("error.unexpected", lang, kind=type(err).__name__, log=str(log_file))


def _default_log_dir() -> str:
    import platformdirs
    return platformdirs.user_log_dir("hoso", appauthor=False)


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")

"""The command line (`hoso`): a scriptable front to the services, and the contract
the acceptance checks use. With no sub-command it opens the desktop program.

Exit status: 0 success, 1 an error explained in one line on stderr, 2 bad usage.
"""

import json
import os
import sys
from pathlib import Path

from desktop.cli.args import parsed
from desktop.cli.parser import build_parser
from desktop.cli.texts import CLI_TEXTS
from desktop.domain.messages import register
from desktop import bootstrap

# the command line's words join the one catalogue before any of its commands runs
register(CLI_TEXTS)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = bootstrap.language(args.lang)
    args.lang = lang
    if not getattr(args, "handler", None):
        from desktop.cli.commands import run_gui
        return run_gui(args)
    try:
        result = args.handler(parsed(args.args_type, args))
        return 0 if result is None else int(result)
    except BrokenPipeError:
        # the reader went away (`hoso … | head`): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except (Exception, KeyboardInterrupt) as err:  # noqa: BLE001 — one line for the user
        from desktop.cli.hints import with_hint
        from desktop.services.error_text import describe
        vault = getattr(args, "vault", None)
        message = describe(err, lang, Path(vault) if vault else None)
        _fail(with_hint(getattr(err, "key", ""), message, lang, getattr(err, "params", None)))
    return 1


def _fail(message: str) -> None:
    print(message, file=sys.stderr)
    raise SystemExit(1)


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")

"""Every command of `hoso` hands its handler a typed record (desktop/cli/args.py) naming
exactly the options the command accepts: an option added to the parser but not to the
record — or the reverse — fails here, not as an AttributeError in a user's hands."""

import argparse
from dataclasses import fields

from desktop.cli.args import Common, parsed
from desktop.cli.parser import build_parser

_ROUTING = {"handler", "args_type", "help"}


def _commands(parser, path=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))
    if "handler" in parser._defaults:
        yield " ".join(path), parser


def _options(parser) -> set[str]:
    names = {a.dest for a in parser._actions
             if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction,
                                   argparse._VersionAction))}
    names |= set(parser._defaults)
    return {n for n in names if n not in _ROUTING and not n.endswith("_command")}


def test_every_command_has_a_record_naming_exactly_its_options():
    common = {f.name for f in fields(Common)}
    commands = list(_commands(build_parser()))
    assert len(commands) > 70
    for name, parser in commands:
        kind = parser._defaults["args_type"]
        assert issubclass(kind, Common), name
        assert _options(parser) - common == {f.name for f in fields(kind)} - common, name


def test_a_command_line_becomes_its_record():
    parser = build_parser()
    namespace = parser.parse_args(["doc", "export", "7", "ra", "--reason", "trình lãnh đạo",
                                   "--version", "2", "--lang", "en"])
    record = parsed(namespace.args_type, namespace)
    assert type(record).__name__ == "DocExportArgs"
    assert (record.id, record.out, record.reason, record.version, record.lang) == \
        (7, "ra", "trình lãnh đạo", 2, "en")
    namespace = parser.parse_args(["--vault", "/kho", "case", "list", "--search", "dat dai"])
    record = parsed(namespace.args_type, namespace)
    assert (record.vault, record.search, record.json, record.password_stdin) == \
        ("/kho", "dat dai", False, False)

"""Where passwords come from: the first lines of standard input (--password-stdin),
or a prompt on the terminal that never echoes."""

import getpass
import os
import sys

from desktop.domain.errors import InvalidInput
from desktop.domain.messages import render


class PasswordSource:
    def __init__(self, from_stdin: bool, lang: str) -> None:
        self.from_stdin = from_stdin
        self.lang = lang
        self._lines: list[str] | None = None
        self.unlock_password = ""  # the one that opened the vault, for "user passwd"

    def _stdin_lines(self) -> list[str]:
        if self._lines is None:
            if sys.stdin is None or sys.stdin.closed:
                raise InvalidInput("password.no_input")
            self._lines = [line.rstrip("\r\n") for line in sys.stdin.read().splitlines()]
        return self._lines

    def next(self, prompt: str = "") -> str:
        """The next password: the next stdin line, or a prompt (a key of desktop.cli.texts;
        none when the caller reads standard input only)."""
        if self.from_stdin:
            lines = self._stdin_lines()
            if not lines:
                raise InvalidInput("password.missing")
            return lines.pop(0)
        if not _can_prompt():
            raise InvalidInput("password.no_input")
        try:
            return getpass.getpass(render(prompt, self.lang) + ": ")
        except (EOFError, OSError):
            raise InvalidInput("password.no_input") from None

    def has_more(self) -> bool:
        return self.from_stdin and bool(self._stdin_lines())

    def interactive(self) -> bool:
        return not self.from_stdin and sys.stdin.isatty()

    def new_password(self, prompt: str) -> str:
        """A new password: asked twice on a terminal, taken once from stdin."""
        first = self.next(prompt)
        if not self.from_stdin:
            again = self.next("cli.prompt.repeat")
            if again != first:
                raise InvalidInput("password.mismatch")
        return first


def _can_prompt() -> bool:
    """A terminal to ask on: getpass reads /dev/tty, or standard input if it is one. With
    neither (a service, a closed or redirected input) it would fail or echo the password."""
    if sys.stdin is not None and not sys.stdin.closed and sys.stdin.isatty():
        return True
    if os.name == "nt":  # pragma: no cover - getpass uses the console
        return sys.stdin is not None
    try:
        os.close(os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY))
        return True
    except OSError:
        return False


def say(key: str, lang: str, /, **params) -> None:
    print(render(key, lang, **params))

"""The command line picks its language one way: through the catalogue (desktop.cli.texts,
render) or in_language, never by comparing the language inline."""

import ast
import re
import string
from pathlib import Path

import desktop.cli
from desktop.cli.texts import CLI_TEXTS
from desktop.domain.messages import MESSAGES

CLI = Path(desktop.cli.__file__).parent


def _sources():
    return sorted(CLI.glob("*.py"))


def test_no_inline_language_choice():
    # `lang == "vi"`, `"en" != args.lang`…: each such choice is a text that belongs in
    # the catalogue (or a pair for in_language)
    found = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare) and any(
                    isinstance(side, ast.Constant) and side.value in ("vi", "en")
                    for side in (node.left, *node.comparators)):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []


def test_every_text_in_both_languages():
    fields = string.Formatter()
    for key, (vi, en) in CLI_TEXTS.items():
        assert key.startswith("cli.") and vi.strip() and en.strip(), key
        # the same {params} in both, so neither language loses a value
        assert ({f for _, f, _, _ in fields.parse(vi) if f}
                == {f for _, f, _, _ in fields.parse(en) if f}), key


def test_texts_registered_and_every_key_used_exists():
    assert all(MESSAGES[key] == pair for key, pair in CLI_TEXTS.items())
    # render() says a missing key as the key itself: a typo must fail here instead
    used = {key for path in _sources() if path.name != "texts.py"
            for key in re.findall(r"[\"'](cli\.[a-z_.]+[a-z_])[\"']", path.read_text(encoding="utf-8"))}
    assert used and used <= set(CLI_TEXTS)

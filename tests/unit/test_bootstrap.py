"""Both front ends choose the vault, the user and the language the same way
(desktop.bootstrap): what is named first, then the environment, then what was used last,
then the default."""

from pathlib import Path

from desktop import bootstrap


def test_the_vault_named_then_the_environment_then_the_last_then_the_default(monkeypatch, tmp_path):
    monkeypatch.delenv("HOSO_VAULT", raising=False)
    default = bootstrap.default_vault()
    assert default.name == "vault" and "hoso" in str(default)
    assert bootstrap.vault_location() == default
    assert bootstrap.vault_location(None, tmp_path / "last") == tmp_path / "last"
    monkeypatch.setenv("HOSO_VAULT", str(tmp_path / "env"))
    assert bootstrap.vault_location(None, tmp_path / "last") == tmp_path / "env"
    assert bootstrap.vault_location(tmp_path / "named", tmp_path / "last") == tmp_path / "named"
    assert bootstrap.vault_location("~/v") == Path.home() / "v"


def test_the_user_and_the_language(monkeypatch):
    monkeypatch.delenv("HOSO_USER", raising=False)
    assert bootstrap.user_name() is None
    monkeypatch.setenv("HOSO_USER", "thanhtra1")
    assert bootstrap.user_name() == "thanhtra1" and bootstrap.user_name("admin") == "admin"
    for var in ("HOSO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert bootstrap.language() == "vi" and bootstrap.language("en") == "en"
    monkeypatch.setenv("HOSO_LANG", "en")
    assert bootstrap.language() == "en" and bootstrap.language("vi") == "vi"


def test_both_front_ends_use_it():
    """The command line's vault and the desktop program's come from the same function."""
    import argparse

    from desktop.cli.commands import vault_path
    named = Path("/tmp/some-vault")
    assert vault_path(argparse.Namespace(vault=str(named))) == bootstrap.vault_location(named)

"""The layers of desktop/docs/architecture.md hold: no Qt below ui, imports point
downward, and inside the split packages (blobs, documents, import wizard) each module uses
only those below it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # every contract in pyproject is checked (none silently dropped from the run)
    declared = (ROOT / "pyproject.toml").read_text(encoding="utf-8").count(
        "[[tool.importlinter.contracts]]")
    assert f"{declared} kept, 0 broken" in result.stdout


def _lint_a_copy(tmp_path, path: str, line: str) -> str:
    """lint-imports' report on a copy of the package with `line` appended to `path`."""
    import shutil
    copy = tmp_path / "proj"
    shutil.copytree(ROOT / "desktop", copy / "desktop")
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    with (copy / path).open("a") as f:
        f.write("\n" + line + "\n")
    lint = Path(sys.executable).with_name("lint-imports")
    env = {"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([str(lint), "--no-cache"], cwd=copy, capture_output=True, text=True,
                            env=env)
    assert result.returncode != 0
    return result.stdout


def test_a_forbidden_import_would_be_caught(tmp_path):
    """The contract is not vacuous: a Qt import in services breaks it."""
    report = _lint_a_copy(tmp_path, "desktop/services/leak.py", "import PySide6.QtCore")
    assert "No Qt below the ui layer BROKEN" in report


def test_an_upward_import_inside_a_package_would_be_caught(tmp_path):
    """The packages' own layers hold too: the blob format may not use the store."""
    report = _lint_a_copy(tmp_path, "desktop/security/blobs/format.py",
                          "from desktop.security.blobs import store  # noqa")
    assert "Blobs: the format at the bottom, the store on top BROKEN" in report


def test_no_module_over_600_lines_without_a_reason_at_its_top():
    """A newcomer finds small rooms: a module past 600 lines says why at its top."""
    import ast
    unexplained = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 600:
            doc = ast.get_docstring(ast.parse(text)) or ""
            if "Why one module" not in doc:
                unexplained.append(str(path.relative_to(ROOT)))
    assert unexplained == []


def test_ruff_finds_nothing():
    """Unused imports, undefined names and the like (pyproject's [tool.ruff]) in the program,
    its tests and its packaging scripts."""
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "--no-cache", "desktop", "tests", "packaging"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_domain_opens_no_file():
    """Rule sets, calendars and state-secret rules are read by storage.resource_files; the
    domain parses what it is given (and so is tested without files)."""
    import re
    io = re.compile(r"\.read_text\(|\.read_bytes\(|(?<![\w.])open\(|\.glob\(|\.stat\(\)")
    found = [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / "desktop" / "domain").rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if io.search(line.split("#")[0])]
    assert found == []


def test_the_domain_type_checks_strictly():
    """mypy --strict over domain, security and storage (pyproject's [tool.mypy])."""
    result = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

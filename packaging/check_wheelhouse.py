"""Is a wheelhouse folder complete for its target? Walks the requirements from the program's
wheel down, evaluating each environment marker *for the target* (pip download evaluates
them for the machine it runs on: a Windows folder built on Linux would lack keyring's
pywin32-ctypes and psycopg's tzdata), and prints each requirement no wheel in the folder
satisfies, one per line. Exit 0 when complete, 1 otherwise.

    python packaging/check_wheelhouse.py FOLDER TARGET      (TARGET e.g. win-cp312)

Uses pip's own copy of `packaging`, so it runs wherever pip does."""

from __future__ import annotations

import re
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

from pip._vendor.packaging.requirements import Requirement
from pip._vendor.packaging.utils import canonicalize_name
from pip._vendor.packaging.version import Version


def environment(target: str) -> dict[str, str]:
    """The marker variables of a target such as linux-cp311 or win-cp312."""
    match = re.fullmatch(r"(linux|win)-cp(\d)(\d+)", target)
    if not match:
        raise SystemExit(f"unknown target {target!r} (linux-cp311 … win-cp312)")
    system, major, minor = match.groups()
    windows = system == "win"
    return {"os_name": "nt" if windows else "posix",
            "sys_platform": "win32" if windows else "linux",
            "platform_system": "Windows" if windows else "Linux",
            "platform_machine": "AMD64" if windows else "x86_64",
            "platform_python_implementation": "CPython", "implementation_name": "cpython",
            "python_version": f"{major}.{minor}", "python_full_version": f"{major}.{minor}.0",
            "implementation_version": f"{major}.{minor}.0", "platform_release": "",
            "platform_version": "", "extra": ""}


def wheels(folder: Path) -> dict[str, tuple[Version, Path]]:
    found = {}
    for path in folder.glob("*.whl"):
        name, version = path.name.split("-")[:2]
        found[canonicalize_name(name)] = (Version(version), path)
    return found


def requirements_of(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as archive:
        meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        message = Parser().parsestr(archive.read(meta).decode("utf-8"))
    return [Requirement(line) for line in message.get_all("Requires-Dist") or []]


def missing(folder: Path, target: str) -> list[str]:
    env = environment(target)
    present = wheels(folder)
    program = canonicalize_name("hoso-thanh-tra")
    if program not in present:
        return ["hoso-thanh-tra"]
    lacking: list[str] = []
    todo: list[tuple[str, frozenset[str]]] = [(program, frozenset())]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        name, extras = todo.pop()
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        for req in requirements_of(present[name][1]):
            wanted = any(req.marker is None or req.marker.evaluate({**env, "extra": e})
                         for e in (extras or {""}))
            if not wanted:
                continue
            dep = canonicalize_name(req.name)
            if dep not in present or not req.specifier.contains(present[dep][0],
                                                                prereleases=True):
                lacking.append(str(Requirement(f"{req.name}{req.specifier}")))
                continue
            todo.append((dep, frozenset(req.extras)))
    return sorted(set(lacking))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    lacking = missing(Path(argv[0]), argv[1])
    for line in lacking:
        print(line)
    return 1 if lacking else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""`hoso verify-release PATH`: is a copy of a release (a wheelhouse, a bundle, a USB stick's
folder) genuine? Its SHA256SUMS must be signed with a release key the program carries
(security/release.py), and every file must match its line — none missing, none changed,
none added. Runs offline; reads the files, changes nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.security import release
from desktop.security.crypto import file_sha256

SUMS, SIGNATURE = "SHA256SUMS", "SHA256SUMS.sig"
_LINE = re.compile(r"([0-9a-fA-F]{64}) [ *](.+)")


@dataclass
class ReleaseCheck:
    folder: Path
    signed_by: str = ""
    checked: int = 0
    problems: list[tuple[str, dict[str, object]]] = field(default_factory=list)

    @property
    def genuine(self) -> bool:
        return bool(self.signed_by) and not self.problems


def verify_release(path: Path, keys: dict[str, bytes] | None = None) -> ReleaseCheck:
    """`path`: the release's folder, or one file of it (then only that file must be there;
    the signature still covers the whole list). `keys`: trusted release keys (the
    program's own unless given)."""
    if not path.exists():
        return ReleaseCheck(path, problems=[("release.not_found", {"path": str(path)})])
    folder = path if path.is_dir() else _release_folder(path)
    check = ReleaseCheck(folder)
    sums_file = folder / SUMS
    if not sums_file.is_file():
        check.problems.append(("release.no_sums", {"folder": str(folder)}))
        return check
    sums = sums_file.read_bytes()
    signature = folder / SIGNATURE
    if not signature.is_file():
        check.problems.append(("release.no_signature", {}))
    else:
        verdict, key = release.check_signature(sums, signature.read_text("utf-8", "replace"),
                                               keys)
        if verdict:
            check.problems.append((f"release.{verdict}", {"key": key or "?"}))
        else:
            check.signed_by = key
    listed = _listed(sums.decode("utf-8", "replace"), check)
    only = None if path.is_dir() else path.resolve().relative_to(folder.resolve()).as_posix()
    for name, digest in sorted(listed.items()):
        file = folder / name
        if only is not None and name != only:
            continue
        if not file.is_file():
            check.problems.append(("release.file_missing", {"file": name}))
        elif file_sha256(file) != digest:
            check.problems.append(("release.file_differs", {"file": name}))
        else:
            check.checked += 1
    if only is not None:
        if only not in listed:
            check.problems.append(("release.file_extra", {"file": only}))
        return check
    for file in sorted(folder.rglob("*")):
        name = file.relative_to(folder).as_posix()
        if file.is_file() and name not in listed and name not in (SUMS, SIGNATURE):
            check.problems.append(("release.file_extra", {"file": name}))
    return check


def _release_folder(file: Path) -> Path:
    """The nearest folder above a file that holds SHA256SUMS (a wheel sits one level below
    it, in its target's folder); the file's own folder if none does."""
    for folder in list(file.resolve().parents)[:3]:
        if (folder / SUMS).is_file():
            return folder
    return file.parent


def _listed(text: str, check: ReleaseCheck) -> dict[str, str]:
    listed = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _LINE.fullmatch(line.rstrip("\r"))
        name = match.group(2).removeprefix("./") if match else ""
        if not match or name.startswith(("/", "../")) or "/../" in name or "\\" in name:
            check.problems.append(("release.bad_line", {"line": number}))
            continue
        listed[name] = match.group(1).lower()
    return listed

"""Crash campaign: the real command line killed with SIGKILL at random moments of each
write, then the vault checked as its owner would find it the next morning.

    python -m tests.reliability.campaign [--trials N] [--only import,backup,…] [--seed S]

Each trial copies a prepared vault (a case, a classified case, an 8 MB document, a second
user), starts one operation in a child process, kills it after a random delay drawn up to
that operation's own measured duration, and then requires:

- the vault opens, and `verify` (every page, the audit chain, every document file, the key
  file) finds nothing;
- the operation happened wholly or not at all (rows counted, the document readable, the
  backup or restored vault absent or complete and itself verified);
- no key lost: every user logs in (a password change with the old or the new password,
  never neither).

It prints one table: operation, trials, survived, lost/partial, tracebacks (a traceback is
any unexpected exception while checking, counted apart from a clean loss)."""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

PASSWORD = "mat-khau-quan-tri"
OTHER = "mat-khau-thanh-tra"
NEW = "mat-khau-moi-sau-khi-doi"
ROOT = Path(__file__).resolve().parents[2]
ROWS = 20_000                 # rows imported: the write takes most of the run, not start-up
SIZE = 40 * 1024 * 1024       # bytes of each document file


@dataclass
class Row:
    operation: str
    trials: int = 0
    survived: int = 0
    lost: int = 0
    tracebacks: int = 0
    problems: list[str] = field(default_factory=list)


# --- the prepared vault ---------------------------------------------------------------------

def prepare(work: Path) -> Path:
    """The vault every trial starts from, and the files the operations read."""
    from desktop.domain.levels import Level, Role
    from desktop.services import cases, users, vault_service
    from desktop.services import documents as docs
    template = work / "template"
    os.environ["HOSO_PROFILE_DIR"] = str(work / "profile-template")
    vs = vault_service.create_vault(template, "admin", PASSWORD, "Quản trị")
    cases.add_case(vs, cases.CaseInput(code="K-1", title="Thanh tra đất đai",
                                       decision_date=date(2024, 3, 1)))
    cases.add_case(vs, cases.CaseInput(code="K-2", title="Thanh tra cổ phần hóa", level=Level.MAT,
                                       decision_date=date(2024, 4, 1)))
    body = work / "tai-lieu.bin"
    body.write_bytes(os.urandom(SIZE))
    docs.add_document(vs, docs.DocumentInput(number="01/BC", doc_type="BC",
                                             doc_date=date(2024, 5, 2)), body)
    users.add_user(vs, "thanhtra", Role.INSPECTOR, Level.MAT, OTHER)
    vs.close()
    _workbook(work / "nhap.xlsx", ROWS)
    (work / "phien-ban.bin").write_bytes(os.urandom(SIZE))
    return template


def _workbook(path: Path, rows: int) -> None:
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Mã hồ sơ", "Tên cuộc thanh tra", "Ngày quyết định", "Đối tượng thanh tra"])
    for i in range(rows):
        ws.append([f"N-{i:05d}", f"Thanh tra đơn vị số {i}", "05/02/2024", f"Công ty {i}"])
    wb.save(path)


# --- the operations ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Operation:
    name: str
    args: Callable[[Path, Path], list[str]]   # (vault, work) → command-line arguments
    stdin: str
    check: Callable[[Path, Path, dict], str]   # → "" when whole-or-nothing holds
    before: Callable[[Path], dict] = lambda vault: {}
    # a restore's target has the same vault id and a newer audit: the source then looks older
    source_older: bool = False


def _session(vault: Path, user: str = "admin", password: str = PASSWORD, older: bool = False):
    from desktop.services import vault_service
    return vault_service.open_vault(vault, user, password, accept_rollback=older)


def _count(vault: Path, model) -> int:
    from sqlalchemy import func, select
    vs = _session(vault)
    try:
        with vs.uow() as uow:
            return uow.session.execute(select(func.count()).select_from(model)).scalar()
    finally:
        vs.close()


def _cases(vault: Path) -> dict:
    from desktop.storage.orm import Case
    return {"cases": _count(vault, Case)}


def _check_import(vault: Path, work: Path, before: dict) -> str:
    after = _cases(vault)["cases"]
    return "" if after in (before["cases"], before["cases"] + ROWS) else f"{after} cases"


def _docs(vault: Path) -> dict:
    from desktop.storage.orm import DocumentRecord, DocumentVersion
    return {"docs": _count(vault, DocumentRecord), "versions": _count(vault, DocumentVersion)}


def _check_docs(vault: Path, work: Path, before: dict) -> str:
    after = _docs(vault)
    grown = (after["docs"] - before["docs"], after["versions"] - before["versions"])
    return "" if grown in ((0, 0), (1, 1)) else f"documents grew by {grown}"


def _check_version(vault: Path, work: Path, before: dict) -> str:
    after = _docs(vault)
    grown = (after["docs"] - before["docs"], after["versions"] - before["versions"])
    return "" if grown in ((0, 0), (0, 1)) else f"versions grew by {grown}"


def _events(vault: Path) -> dict:
    from desktop.storage.orm import CaseEvent
    return {"events": _count(vault, CaseEvent)}


def _check_event(vault: Path, work: Path, before: dict) -> str:
    grown = _events(vault)["events"] - before["events"]
    return "" if grown in (0, 1) else f"events grew by {grown}"


def _check_copy(target: Path) -> str:
    """A backup or a restored vault: absent (or an empty folder), or whole and verified."""
    from desktop.services import integrity
    if not target.exists() or not any(target.iterdir()):
        return ""
    vs = _session(target, older=True)   # a copy is older than its source, by design
    try:
        report = integrity.verify_vault(vs)
    finally:
        vs.close()
    return "" if report.ok else "; ".join(report.lines("en"))


def _check_backup(vault: Path, work: Path, before: dict) -> str:
    return _check_copy(work / "backup")


def _check_restore(vault: Path, work: Path, before: dict) -> str:
    return _check_copy(work / "restored")


def _check_password(vault: Path, work: Path, before: dict) -> str:
    from desktop.domain.errors import WrongPassword
    opened = []
    for password in (OTHER, NEW):
        try:
            _session(vault, "thanhtra", password).close()
            opened.append(password)
        except WrongPassword:
            continue
    return "" if len(opened) == 1 else f"the inspector opens with {len(opened)} passwords"


def _check_user(vault: Path, work: Path, before: dict) -> str:
    from desktop.domain.errors import HosoError
    try:
        _session(vault, "moi", OTHER).close()
        return ""
    except HosoError as exc:
        if exc.key == "vault.no_user":
            from sqlalchemy import select

            from desktop.storage.orm import User
            vs = _session(vault)
            try:
                with vs.uow() as uow:
                    row = uow.session.execute(select(User).where(User.username == "moi")).scalar()
            finally:
                vs.close()
            return "" if row is None else "a user row without a key slot"
        return f"the new user cannot log in: {exc.key}"


def _check_level(vault: Path, work: Path, before: dict) -> str:
    from desktop.domain.levels import Level
    from desktop.services import cases
    vs = _session(vault)
    try:
        detail = cases.get_case(vs, "K-1")
    finally:
        vs.close()
    level = detail.row.level
    ok = level in (Level.THUONG, Level.TOI_MAT) and detail.row.title == "Thanh tra đất đai"
    return "" if ok else f"level {level}, title {detail.row.title!r}"


def _operations(work: Path) -> dict[str, Operation]:
    pw = PASSWORD + "\n"
    return {op.name: op for op in (
        Operation("import", lambda v, w: ["--vault", v, "import", "--kind", "cases",
                                          w / "nhap.xlsx", "--password-stdin"], pw,
                  _check_import, _cases),
        Operation("document add", lambda v, w: ["--vault", v, "doc", "add", "K-1", w / "tai-lieu.bin",
                                                "--number", "02/BC", "--password-stdin"], pw,
                  _check_docs, _docs),
        Operation("new version", lambda v, w: ["--vault", v, "doc", "version", "1",
                                               w / "phien-ban.bin", "--password-stdin"], pw,
                  _check_version, _docs),
        Operation("backup", lambda v, w: ["--vault", v, "backup", w / "backup",
                                          "--password-stdin"], pw, _check_backup),
        Operation("restore", lambda v, w: ["restore", w / "source-backup", w / "restored",
                                           "--password-stdin"], pw, _check_restore,
                  source_older=True),
        Operation("event add", lambda v, w: ["--vault", v, "case", "event", "K-1", "announced",
                                             "--date", "15/03/2024", "--password-stdin"], pw,
                  _check_event, _events),
        Operation("password change", lambda v, w: ["--vault", v, "--user", "thanhtra", "user",
                                                   "passwd", "--password-stdin"],
                  f"{OTHER}\n{NEW}\n", _check_password),
        Operation("user add", lambda v, w: ["--vault", v, "user", "add", "moi", "--role",
                                            "inspector", "--password-stdin"],
                  f"{PASSWORD}\n{OTHER}\n", _check_user),
        Operation("level change", lambda v, w: ["--vault", v, "case", "edit", "K-1", "--level",
                                                "toi-mat", "--reason", "Có tài liệu tối mật",
                                                "--password-stdin"], pw, _check_level),
    )}


# --- running ---------------------------------------------------------------------------------

def _env(profile: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOSO_")}
    env.update({"HOSO_PROFILE_DIR": str(profile), "LANG": "C.UTF-8",
                "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(ROOT)})
    return env


def _start(args: list, stdin: str, profile: Path, errors=subprocess.DEVNULL) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "desktop", *map(str, args)],
                               stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               stderr=errors, env=_env(profile), cwd=ROOT)
    process.stdin.write(stdin.encode())
    process.stdin.close()
    return process


def _fresh(template: Path, work: Path, trial: Path) -> Path:
    if trial.exists():
        shutil.rmtree(trial)
    trial.mkdir(parents=True)
    vault = trial / "vault"
    shutil.copytree(template, vault)
    return vault


def start_up(template: Path, work: Path) -> float:
    """How long a command takes to start and unlock (kills before that hit nothing)."""
    trial = work / "start-up"
    vault = _fresh(template, work, trial)
    started = time.monotonic()
    process = _start(["--vault", vault, "settings", "list", "--password-stdin"], PASSWORD + "\n",
                     trial / "profile")
    process.wait(timeout=600)
    return time.monotonic() - started


def measure(op: Operation, template: Path, work: Path) -> float:
    """How long the whole operation takes here (the kill delays are drawn up to it)."""
    trial = work / "measure"
    vault = _fresh(template, work, trial)
    _extra_files(op, trial, work)
    started = time.monotonic()
    process = _start(op.args(vault, trial), op.stdin, trial / "profile", subprocess.PIPE)
    err = process.stderr.read()
    process.wait(timeout=600)
    if process.returncode != 0:
        raise RuntimeError(f"{op.name} fails when not killed: {err.decode(errors='replace')}")
    return time.monotonic() - started


def _extra_files(op: Operation, trial: Path, work: Path) -> None:
    for name in ("nhap.xlsx", "tai-lieu.bin", "phien-ban.bin"):
        target = trial / name
        if not target.exists():
            os.link(work / name, target) if os.name != "nt" else shutil.copy(work / name, target)
    if op.name == "restore" and not (trial / "source-backup").exists():
        shutil.copytree(work / "template", trial / "source-backup")


def trial(op: Operation, template: Path, work: Path, delay: float, row: Row, index: int) -> None:
    trial_dir = work / f"{op.name.replace(' ', '-')}-{index}"
    vault = _fresh(template, work, trial_dir)
    _extra_files(op, trial_dir, work)
    profile = trial_dir / "profile"
    os.environ["HOSO_PROFILE_DIR"] = str(profile)
    row.trials += 1
    try:
        before = op.before(vault)
        process = _start(op.args(vault, trial_dir), op.stdin, profile)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
        from desktop.services import integrity
        vs = _session(vault, older=op.source_older)
        try:
            report = integrity.verify_vault(vs)
        finally:
            vs.close()
        problem = "" if report.ok else "; ".join(report.lines("en"))
        problem = problem or op.check(vault, trial_dir, before)
        if problem:
            row.lost += 1
            row.problems.append(f"{op.name} killed at {delay:.2f}s: {problem}")
        else:
            row.survived += 1
            shutil.rmtree(trial_dir, ignore_errors=True)
    except Exception:  # noqa: BLE001 — counted and shown, the campaign goes on
        row.tracebacks += 1
        row.problems.append(f"{op.name} killed at {delay:.2f}s:\n{traceback.format_exc()}")


def run(trials: int, work: Path, only: list[str] | None = None, seed: int = 2024,
        say: Callable[[str], None] = lambda text: None) -> list[Row]:
    rng = random.Random(seed)
    template = prepare(work)
    base = start_up(template, work)
    say(f"start-up and unlock: {base:.2f} s")
    rows = []
    for name, op in _operations(work).items():
        if only and name not in only:
            continue
        span = measure(op, template, work)
        say(f"{name}: {span:.2f} s when not killed")
        row = Row(name)
        for index in range(trials):
            # from the end of start-up (a few before it) to the end of the run
            delay = base * 0.8 + (span - base * 0.8) * rng.random()
            trial(op, template, work, delay, row, index)
        rows.append(row)
    return rows


def table(rows: list[Row]) -> str:
    lines = [f"{'operation':<18}{'trials':>8}{'survived':>10}{'lost/partial':>14}{'tracebacks':>12}"]
    for r in rows:
        lines.append(f"{r.operation:<18}{r.trials:>8}{r.survived:>10}{r.lost:>14}{r.tracebacks:>12}")
    total = Row("total", sum(r.trials for r in rows), sum(r.survived for r in rows),
                sum(r.lost for r in rows), sum(r.tracebacks for r in rows))
    lines.append(f"{total.operation:<18}{total.trials:>8}{total.survived:>10}{total.lost:>14}"
                 f"{total.tracebacks:>12}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=56, help="per operation (9 operations)")
    parser.add_argument("--only", default="", help="comma-separated operation names")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hoso-campaign-") as folder:
        rows = run(args.trials, Path(folder), [n.strip() for n in args.only.split(",") if n.strip()],
                   args.seed, say=lambda text: print(text, flush=True))
        print(table(rows))
        for row in rows:
            for problem in row.problems:
                print("-", problem)
    return 0 if all(r.lost == 0 and r.tracebacks == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

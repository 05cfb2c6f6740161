"""The workstation's own commands: `hoso doctor` (what this computer lacks for the program,
each with its fix in one line; exit 0 when nothing needs fixing, notes allowed) and
`hoso verify-release PATH` (is a USB copy of a release genuine; exit 0 only if so)."""

import argparse
import sys

from desktop import __version__, bootstrap
from desktop.cli import print_json
from desktop.cli.args import DoctorArgs, VerifyReleaseArgs
from desktop.domain.messages import render


def add_parsers(command, sub) -> None:
    p = command(sub, "doctor", cmd_doctor,
                "kiểm tra máy tính có đủ để chạy chương trình / check this workstation")
    p.add_argument("--json", action="store_true")
    p.add_argument("--no-desktop", action="store_true",
                   help="bỏ qua phần giao diện (Qt, phông chữ) / leave out the desktop "
                        "program's checks")
    # the check of Qt's plugin runs in a process of its own (ui/platform_probe.py)
    p.add_argument("--platform-probe", action="store_true", help=argparse.SUPPRESS)

    p = command(sub, "verify-release", cmd_verify_release,
                "kiểm tra bản sao chương trình (USB) có đúng bản phát hành / check that a "
                "copy of a release is genuine")
    p.add_argument("path", metavar="PATH",
                   help="thư mục bản phát hành hoặc một tệp trong đó / the release's folder "
                        "or one of its files")
    p.add_argument("--json", action="store_true")


def cmd_doctor(args: DoctorArgs) -> int:
    from desktop.services import system_check
    from desktop.ui import platform_probe
    if args.platform_probe:
        return platform_probe.main()
    where = bootstrap.server_profile(args.server, args.vault) or bootstrap.vault_location(
        args.vault)
    platform = None if args.no_desktop else platform_probe.report()
    findings = system_check.check_all(where, platform)
    lang = args.lang
    if args.json:
        print_json([{"check": f.check.removeprefix("doctor."), "status": f.status,
                     "name": f.name(lang), "found": f.found(lang), "fix": f.remedy(lang)}
                    for f in findings])
        return 1 if system_check.failures(findings) else 0
    print(render("doctor.title", lang, version=__version__))
    marks = {"ok": "✓", "warn": "!", "fail": "✗"}
    for f in findings:
        status = render(f"doctor.status.{f.status}", lang)
        print(f"{marks[f.status]} [{status}] {f.name(lang)}: {f.found(lang)}")
        if f.fix and f.status != "ok":
            print(f"      {render('doctor.fix', lang, fix=f.remedy(lang))}")
    problems = system_check.failures(findings)
    print(render("doctor.problems", lang, count=problems) if problems
          else render("doctor.all_well", lang))
    sys.stdout.flush()
    return 1 if problems else 0


def cmd_verify_release(args: VerifyReleaseArgs) -> int:
    from pathlib import Path

    from desktop.services.release_check import verify_release
    check = verify_release(Path(args.path))
    lang = args.lang
    if args.json:
        print_json({"genuine": check.genuine, "signed_by": check.signed_by,
                    "files_checked": check.checked,
                    "problems": [render(key, lang, **params) for key, params in check.problems]})
    elif check.genuine:
        print(render("release.genuine", lang, count=check.checked, key=check.signed_by))
    else:
        for key, params in check.problems:
            print(render(key, lang, **params))
        print(render("release.not_genuine", lang, count=len(check.problems)))
    return 0 if check.genuine else 1

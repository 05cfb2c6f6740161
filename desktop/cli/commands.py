"""Sub-command handlers: parse options into service calls, print the results.

Why one module of 600 lines: opening the vault and the vault, user and backup commands
share the helpers at its top; the other families have their own *_commands.py."""

import os
import sys
from contextlib import contextmanager
from pathlib import Path

from desktop.cli.args import (AuditListArgs, Common, AuditSealArgs, AuditVerifyArgs, BackupArgs,
                              CaseAddArgs, CaseEventArgs, CaseListArgs, CaseShowArgs,
                              CaseStagesArgs, DemoArgs, InitArgs, RememberArgs, RestoreArgs,
                              TrustCheckArgs, TrustRotateArgs, TrustShowArgs, UserAddArgs,
                              UserDisableArgs, UserEnableArgs, UserListArgs, UserPasswdArgs,
                              UserResetArgs, UserSetArgs, UserUnlockArgs, VerifyArgs)
from desktop import bootstrap
from desktop.cli import print_json
from desktop.cli.hints import with_hint
from desktop.cli.passwords import PasswordSource, say
from desktop.cli.texts import label
from desktop.domain.dates import format_date, parse_date
from desktop.domain.errors import HosoError, InvalidInput, VaultDamaged
from desktop.domain.levels import Level, Role
from desktop.domain.messages import describe_problems, in_language, render
from desktop.domain.stages import Basis, InspectingLevel, Stage
from desktop.services import audit_log, backups, cases, users, vault_service
from desktop.services.context import VaultSession
from desktop.security.vault import UnlockedKeys
from desktop.security import vault as vault_files


# --- opening the vault -----------------------------------------------------------------

def vault_path(args: Common) -> Path:
    return bootstrap.vault_location(getattr(args, "vault", None))


def unlock_keys(args: Common) -> tuple[UnlockedKeys, PasswordSource]:
    """The user's keys: from "remember me" on a terminal, else from the password (then kept
    in passwords.unlock_password)."""
    path = vault_path(args)
    user = bootstrap.user_name(getattr(args, "user", None))
    passwords = PasswordSource(bool(getattr(args, "password_stdin", False)), args.lang)
    if not passwords.from_stdin:
        from desktop.security.secrets import unlock_remembered
        keys = unlock_remembered(path, user) if (path / "keys.json").exists() else None
        if keys is not None:
            return keys, passwords
    vault_service_check(path)
    passwords.unlock_password = passwords.next("cli.prompt.password")
    return vault_files.unlock(path, user, passwords.unlock_password), passwords


def open_session(args: Common, allow_must_change: bool = False) -> tuple[VaultSession, PasswordSource]:
    profile = bootstrap.server_profile(args.server, args.vault)
    if profile is not None:
        vs, passwords = _sign_in(args, profile)
    else:
        keys, passwords = unlock_keys(args)
        vs = vault_service.open_with_keys(keys, bool(getattr(args, "accept_rollback", False)))
    if passwords.unlock_password and vs.actor.must_change_password and not allow_must_change:
        _first_login_change(vs, passwords, passwords.unlock_password, args.lang)
    _login_warnings(vs, args.lang)
    _daily_backup(vs, args.lang)
    return vs, passwords


def _sign_in(args: Common, profile: Path) -> tuple[VaultSession, PasswordSource]:
    """The department server's register, as the user named (--user, HOSO_USER)."""
    from desktop.services import server_service
    user = bootstrap.user_name(args.user)
    if not user:
        raise HosoError("server.user_needed")
    passwords = PasswordSource(args.password_stdin, args.lang)
    passwords.unlock_password = passwords.next("cli.prompt.password")
    return server_service.sign_in(profile, user, passwords.unlock_password,
                                  args.accept_rollback), passwords


def _daily_backup(vs: VaultSession, lang: str) -> None:
    """The first unlock of the day backs up into the administrator's folder (if set); a
    failure is said, the command still runs."""
    if vs.read_only or vs.server:   # a server is backed up by its administrator (pg_dump)
        return
    try:
        path = backups.automatic(vs)
    except HosoError as err:
        print(render("backup.auto_failed", lang, why=err.message(lang)), file=sys.stderr)
        return
    if path is not None:
        print(render("backup.auto_done", lang, path=str(path)), file=sys.stderr)


def _login_warnings(vs: VaultSession, lang: str) -> None:
    """An upgrade just done, or records refused while logging in, are said at once."""
    if vs.read_only:
        print(render("vault.read_only_opened", lang), file=sys.stderr)
    if vs.upgraded_backup:
        print(render("trust.upgraded", lang, path=vs.upgraded_backup), file=sys.stderr)
    if vs.trust.problems:
        print(describe_problems(vs.trust.problems, lang), file=sys.stderr)


@contextmanager
def vault_session(args: Common, allow_must_change: bool = False):
    """The open vault for one command; keys and connection dropped at the end."""
    vs, _ = open_session(args, allow_must_change)
    try:
        yield vs
    finally:
        vs.close()


def _vault_only(args: Common) -> None:
    """Commands on a vault's files (backup, page check, remember me) have no meaning for
    a department server: its administrator backs it up with PostgreSQL's tools."""
    if bootstrap.server_profile(args.server, args.vault) is not None:
        raise HosoError("server.vault_only")


def vault_service_check(path: Path) -> None:
    if not (path / "keys.json").exists() and not (path / "hoso.db").exists():
        raise HosoError("vault.not_found", path=str(path))


def _first_login_change(vs: VaultSession, passwords: PasswordSource, old: str, lang: str) -> None:
    """The first password must be changed before anything else: on a terminal we ask now;
    a script may give the new password as the next line of stdin."""
    if passwords.has_more() or passwords.interactive():
        if passwords.interactive():
            print(render("vault.must_change_password", lang, user=vs.actor.username),
                  file=sys.stderr)
        new = passwords.new_password("cli.prompt.new_password")
        users.change_password(vs, old, new)
        print(render("user.password_changed", lang, user=vs.actor.username), file=sys.stderr)
        return
    vs.close()
    raise HosoError("vault.must_change_password", user=vs.actor.username)


# --- vault -----------------------------------------------------------------------------

def cmd_init(args: InitArgs) -> None:
    passwords = PasswordSource(args.password_stdin, args.lang)
    password = passwords.new_password("cli.prompt.admin_password")
    vs = vault_service.create_vault(Path(args.path), args.admin, password, args.full_name)
    vs.close()
    say("init.done", args.lang, path=args.path, user=args.admin)


def cmd_demo(args: DemoArgs) -> None:
    from desktop.services.demo import fill_demo
    passwords = PasswordSource(args.password_stdin, args.lang)
    password = passwords.new_password("cli.prompt.demo_password")
    vs = vault_service.create_vault(Path(args.path), "admin", password, "Quản trị hệ thống")
    try:
        count = fill_demo(vs, synthetic_cases=max(0, args.cases))
    except BaseException:
        vs.close()
        import shutil
        shutil.rmtree(args.path, ignore_errors=True)
        raise
    vs.close()
    say("demo.done", args.lang, path=args.path, n=count)


def cmd_backup(args: BackupArgs) -> None:
    _vault_only(args)
    with vault_session(args) as vs:
        dest = backups.backup(vs, Path(args.dest))
    say("backup.done", args.lang, path=str(dest))


def cmd_verify(args: VerifyArgs) -> int:
    """Every page, the audit chain, every document file, the key file; exit 1 on a finding.
    A database too damaged to open is still checked page by page (in a vault)."""
    if bootstrap.server_profile(args.server, args.vault) is not None:
        from desktop.services import integrity
        with vault_session(args) as vs:
            return _verify_report(integrity.verify_vault(vs), args)
    from desktop.services import integrity
    keys, _passwords = unlock_keys(args)
    try:
        vs = vault_service.open_with_keys(keys, bool(getattr(args, "accept_rollback", False)))
    except VaultDamaged:
        report = integrity.verify_unopened(keys)
        keys.drop()
    else:
        try:
            report = integrity.verify_vault(vs)
        finally:
            vs.close()
    return _verify_report(report, args)


def _verify_report(report, args: VerifyArgs) -> int:
    if args.json:
        print_json(report.to_json())
    else:
        out = sys.stdout if report.ok else sys.stderr
        print(report.summary(args.lang), file=out)
        for finding in report.ordered():   # the problems first, then the notices
            print("- " + with_hint(finding.key, finding.message(args.lang), args.lang,
                                   finding.params), file=out)
    return 0 if report.ok else 1


def cmd_restore(args: RestoreArgs) -> None:
    passwords = PasswordSource(args.password_stdin, args.lang)
    user = bootstrap.user_name(getattr(args, "user", None))
    password = passwords.next("cli.prompt.password")
    vs = backups.restore(Path(args.src), Path(args.dest), user, password)
    vs.close()
    say("backup.restored", args.lang, src=args.src, dest=args.dest)


def cmd_remember(args: RememberArgs) -> None:
    _vault_only(args)
    from desktop.security import secrets
    with vault_session(args) as vs:
        if args.off:
            secrets.forget(vs.keys)
        else:
            secrets.remember(vs.keys)


# --- users -----------------------------------------------------------------------------

def _level(value: str) -> Level:
    try:
        return Level.parse(value)
    except ValueError:
        raise InvalidInput("input.bad_level", value=value) from None


def _role(value: str) -> Role:
    try:
        return Role.parse(value)
    except ValueError:
        raise InvalidInput("input.bad_role", value=value) from None


def cmd_user_add(args: UserAddArgs) -> None:
    role, level = _role(args.role), _level(args.clearance)
    vs, passwords = open_session(args)
    try:
        generated = not passwords.has_more()
        first = passwords.next() if not generated else users.generate_password()
        users.add_user(vs, args.name, role, level, first, args.full_name)
    finally:
        vs.close()
    say("user.created", args.lang, user=args.name, role=role.label(args.lang),
        level=level.label(args.lang))
    if generated:
        say("user.first_password", args.lang, user=args.name, password=first)


def cmd_user_passwd(args: UserPasswdArgs) -> None:
    vs, passwords = open_session(args, allow_must_change=True)
    try:
        # the password that unlocked the vault is the current one; a remembered login asks
        old = passwords.unlock_password or passwords.next("cli.prompt.current_password")
        new = passwords.new_password("cli.prompt.new_password")
        users.change_password(vs, old, new)
    finally:
        vs.close()
    say("user.password_changed", args.lang, user=vs.actor.username)


def cmd_user_list(args: UserListArgs) -> None:
    with vault_session(args) as vs:
        found = users.list_users(vs)
    if args.json:
        print_json([u.to_json() for u in found])
        return
    rows = [(u.username, u.full_name, u.role.label(args.lang), u.clearance.label(args.lang),
             "*" if u.must_change_password else "", _account_state(u, args.lang))
            for u in found]
    table(rows, headers(args.lang, ["Tên đăng nhập", "Họ tên", "Vai trò", "Độ mật", "Đổi MK",
                                    "Trạng thái"],
                        ["User", "Full name", "Role", "Clearance", "Must change", "State"]))


def _account_state(user, lang: str) -> str:
    if user.problem:   # altered, unsigned, not_enrolled
        return label("account", user.problem, lang)
    if not user.active:
        return render("cli.account.disabled", lang)
    return ""


def cmd_user_disable(args: UserDisableArgs) -> None:
    with vault_session(args) as vs:
        users.set_active(vs, args.name, False)
    say("user.disabled", args.lang, user=args.name)


def cmd_user_unlock(args: UserUnlockArgs) -> None:
    with vault_session(args) as vs:
        users.unlock_slot(vs, args.name)
    say("user.unlocked", args.lang, user=args.name)


def cmd_user_enable(args: UserEnableArgs) -> None:
    with vault_session(args) as vs:
        users.set_active(vs, args.name, True)
    say("user.enabled", args.lang, user=args.name)


def cmd_user_reset(args: UserResetArgs) -> None:
    vs, passwords = open_session(args)
    try:
        generated = not passwords.has_more()
        first = passwords.next() if not generated else users.generate_password()
        users.reset_password(vs, args.name, first)
    finally:
        vs.close()
    if generated:
        say("user.first_password", args.lang, user=args.name, password=first)


def cmd_user_set(args: UserSetArgs) -> None:
    with vault_session(args) as vs:
        current = {u.username: u for u in users.list_users(vs)}
        if args.name not in current:
            raise HosoError("vault.no_user", user=args.name)
        level = _level(args.clearance) if args.clearance else current[args.name].clearance
        role = _role(args.role) if args.role else None
        info = users.set_clearance(vs, args.name, level, role)
    say("user.created", args.lang, user=info.username, role=info.role.label(args.lang),
        level=info.clearance.label(args.lang))


# --- cases -----------------------------------------------------------------------------

def _number(value: str | None, field: str, parse, kind):
    """Optional numeric option in Vietnamese notation ("12,5 tỷ", "1.234.567")."""
    if value in (None, ""):
        return kind(0)
    try:
        return kind(parse(value))
    except ValueError:
        raise InvalidInput("input.bad_number", value=value, field=field) from None


def _int(value: str | None, field: str) -> int:
    from desktop.domain.numbers import parse_money
    return _number(value, field, parse_money, int)


def _float(value: str | None, field: str) -> float:
    from desktop.domain.numbers import parse_decimal
    return _number(value, field, parse_decimal, float)


def _choice(enum, value: str, field: str):
    try:
        return enum(value)
    except ValueError:
        raise InvalidInput("input.bad_choice", value=value, field=field,
                           choices=", ".join(e.value for e in enum)) from None


def _stage(value: str) -> Stage:
    try:
        return Stage.parse(value)
    except ValueError:
        raise InvalidInput("input.bad_stage", value=value,
                           choices=", ".join(s.value for s in Stage)) from None


def case_input(args) -> cases.CaseInput:
    """A CaseInput from the options of _case_fields (hoso case add, hoso plan start)."""
    data = cases.CaseInput(
        code=args.code, title=args.title, inspected_party=args.party, content=args.content,
        period_from=cases.parse_optional_date(args.period_from),
        period_to=cases.parse_optional_date(args.period_to),
        basis=_choice(Basis, args.basis, "--basis"), plan_item_id=args.plan_item,
        assignment_ref=args.assignment, decision_number=args.decision_number,
        decision_date=cases.parse_optional_date(args.decision_date),
        inspecting_level=_choice(InspectingLevel, args.inspecting_level, "--inspecting-level"),
        complexity=args.complexity, consultation_basis=args.consultation_basis,
        chaired_by=args.chaired_by, supervisor=args.leader,
        team=cases.parse_team(args.team), level=_level(args.level),
        violation_money=_int(args.violation_money, "--violation-money"),
        violation_land_m2=_float(args.violation_land, "--violation-land"),
        recovery_money=_int(args.recovery_money, "--recovery-money"),
        recovery_land_m2=_float(args.recovery_land, "--recovery-land"),
        disciplined_orgs=_int(args.disciplined_orgs, "--disciplined-orgs"),
        disciplined_persons=_int(args.disciplined_persons, "--disciplined-persons"),
        referral_cases=_int(args.referral_cases, "--referral-cases"),
        referral_persons=_int(args.referral_persons, "--referral-persons"))
    if data.complexity not in ("normal", "complex", "very_complex"):
        raise InvalidInput("input.bad_choice", value=data.complexity, field="--complexity",
                           choices="normal, complex, very_complex")
    return data


def cmd_case_add(args: CaseAddArgs) -> None:
    data = case_input(args)
    with vault_session(args) as vs:
        row = cases.add_case(vs, data)
    if args.json:
        print_json(row.to_json())
    else:
        say("case.created", args.lang, code=row.code)


def cmd_case_list(args: CaseListArgs) -> None:
    flt = cases.CaseFilter(search=args.search, stage=_stage(args.stage) if args.stage else None,
                           level=_level(args.level) if args.level else None, year=args.year,
                           supervisor=args.leader, limit=args.limit)
    with vault_session(args) as vs:
        rows = cases.list_cases(vs, flt)
    if args.json:
        print_json([r.to_json() for r in rows])
        return
    if not rows:
        say("case.none", args.lang)
        return
    lang = args.lang
    table([(r.code, clip(r.title, 60), clip(r.inspected_party, 30), r.stage.label(lang),
             format_date(r.decision_date), r.level.label(lang)) for r in rows],
           headers(lang, ["Mã", "Tên cuộc thanh tra", "Đối tượng", "Giai đoạn", "Ngày QĐ", "Độ mật"],
                    ["Code", "Title", "Inspected party", "Stage", "Decision", "Level"]))
    say("cli.case.count", lang, n=len(rows))


def cmd_case_show(args: CaseShowArgs) -> None:
    with vault_session(args) as vs:
        detail = cases.get_case(vs, args.code)
    if args.json:
        print_json(detail.to_json())
        return
    _print_case(detail, args.lang)


def cmd_case_event(args: CaseEventArgs) -> None:
    stage = _stage(args.stage)
    when = parse_date(args.date)
    with vault_session(args) as vs:
        event = cases.add_event(vs, args.code, stage, when, args.doc, args.note, args.days)
    if args.json:
        print_json(event.to_json())
    else:
        say("case.event_added", args.lang, stage=stage.label(args.lang), date=format_date(when),
            code=args.code)


def cmd_case_stages(args: CaseStagesArgs) -> None:
    if args.json:
        print_json([{"code": s.value, "vi": s.label("vi"), "en": s.label("en")} for s in Stage])
        return
    table([(s.value, s.label(args.lang)) for s in Stage],
           headers(args.lang, ["Mã", "Giai đoạn"], ["Code", "Stage"]))


# --- audit -----------------------------------------------------------------------------

def cmd_audit_verify(args: AuditVerifyArgs) -> int:
    from desktop.services import anchoring, certs
    with vault_session(args) as vs:
        seal_ok = None
        if args.seal:
            seal = anchoring.read_seal(Path(args.seal))
            seal_ok = anchoring.check_seal(vs, seal, Path(args.seal))
        with vs.uow() as uow:
            report = audit_log.verify(uow.session, anchoring.audit_trust(vs, uow.session))
            problems = certs.check_all(vs.trust, uow.session)
    if args.json:
        print_json({"ok": report.ok and not problems and seal_ok is not False,
                    "rows": report.rows, "signed_rows": report.signed,
                    "head": report.head.hex(), "broken_at": report.broken_at, "why": report.why,
                    "trust_problems": problems, "seal_ok": seal_ok})
        return 0 if report.ok and not problems and seal_ok is not False else 1
    failed = False
    if report.ok:
        say("audit.ok", args.lang, n=report.rows, head=report.head.hex()[:16])
    else:
        print(render("audit.broken", args.lang, row=report.broken_at, why=report.why),
              file=sys.stderr)
        failed = True
    if problems:
        print(describe_problems(problems, args.lang), file=sys.stderr)
        failed = True
    if seal_ok is not None:
        key = "audit.seal_ok" if seal_ok else "audit.seal_mismatch"
        text = render(key, args.lang, row=seal["row"], at=anchoring.local_time(seal["at"]))
        print(text, file=sys.stdout if seal_ok else sys.stderr)
        failed = failed or not seal_ok
    return 1 if failed else 0


def cmd_audit_seal(args: AuditSealArgs) -> None:
    import json

    from desktop.security.keyfile import atomic_write
    from desktop.services import anchoring
    with vault_session(args) as vs:
        seal = anchoring.make_seal(vs)
    text = json.dumps(seal, indent=2, ensure_ascii=False) + "\n"
    if args.out:
        atomic_write(Path(args.out), text.encode("utf-8"))
        say("audit.seal_written", args.lang, row=seal["row"], head=seal["head"][:16],
            path=args.out)
    else:
        print(text, end="")


def cmd_trust_show(args: TrustShowArgs) -> None:
    with vault_session(args) as vs:
        say("trust.fingerprint", args.lang, generation=vs.trust.generation,
            fp=vs.trust.fingerprint)


def cmd_trust_check(args: TrustCheckArgs) -> int:
    from desktop.services import certs
    with vault_session(args) as vs:
        with vs.uow() as uow:
            problems = certs.check_all(vs.trust, uow.session)
    if args.json:
        print_json({"ok": not problems, "problems": problems})
    elif problems:
        print(describe_problems(problems, args.lang), file=sys.stderr)
    else:
        say("trust.no_problems", args.lang)
    return 1 if problems else 0


def cmd_trust_rotate(args: TrustRotateArgs) -> None:
    from desktop.services import root_rotation
    with vault_session(args) as vs:
        if not vs.actor.is_admin:
            raise HosoError("perm.admin_only")
        state = root_rotation.rotate(vs)
        say("trust.rotated", args.lang, generation=state.generation, fp=state.fingerprint)


def cmd_audit_list(args: AuditListArgs) -> None:
    with vault_session(args) as vs:
        with vs.uow() as uow:
            found = audit_log.entries(uow.session, args.by_user, args.action, args.limit)
    if args.json:
        print_json([e.to_json() for e in found])
        return
    from desktop.domain import audit_words
    lang = args.lang
    # in words, local time dd/mm/yyyy (the codes stay in --json)
    table([(str(e.id), audit_words.value_text("at", e.at, lang) if e.at else "", e.user,
            audit_words.action_text(e.action, lang), audit_words.value_text("target", e.target, lang),
            clip(audit_words.detail_text(e.detail, lang), 70)) for e in found],
          headers(lang, ["#", "Thời điểm", "Người dùng", "Hành động", "Đối tượng", "Chi tiết"],
                  ["#", "When", "User", "Action", "Target", "Details"]))


# --- GUI -------------------------------------------------------------------------------

def run_gui(args) -> int:
    """`hoso` with no sub-command: the desktop program."""
    from desktop.ui.shell.app import run
    lang = getattr(args, "lang", None) if "--lang" in sys.argv or os.environ.get("HOSO_LANG") else None
    profile = bootstrap.server_profile(getattr(args, "server", None), getattr(args, "vault", None))
    return run(vault=str(profile) if profile else (getattr(args, "vault", None)
                                                  or os.environ.get("HOSO_VAULT")),
               user=bootstrap.user_name(getattr(args, "user", None)),
               lang=lang, demo=bool(getattr(args, "demo", False)))


# --- printing --------------------------------------------------------------------------

def headers(lang: str, vi: list[str], en: list[str]) -> list[str]:
    """A table's column headings in `lang`; both lists sit beside the row they name."""
    return in_language((vi, en), lang)


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def table(rows: list[tuple], headers: list[str]) -> None:
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip())


def _print_case(d: cases.CaseDetail, lang: str) -> None:
    r = d.row
    mark = f"  [{r.level.label(lang).upper()}]" if r.level > Level.THUONG else ""
    print(f"{r.code}{mark}")
    print(r.title)
    fields = [
        ("inspected_party", r.inspected_party),
        ("content", d.content),
        ("period", f"{format_date(d.period_from)} – {format_date(d.period_to)}" if d.period_from else ""),
        ("basis", d.basis.label(lang) + (f" ({d.assignment_ref})" if d.assignment_ref else "")),
        ("decision", f"{r.decision_number} {format_date(r.decision_date)}".strip()),
        ("chaired_by", d.chaired_by),
        ("supervisor", d.supervisor),
        ("stage", f"{r.stage.label(lang)} ({format_date(r.stage_date)})"),
    ]
    for name, value in fields:
        if value:
            print(f"  {render('cli.case.' + name, lang)}: {value}")
    if d.team:
        print(f"  {render('cli.case.team', lang)}:")
        for name, role in d.team:
            print(f"    - {name} ({role.label(lang)})")
    if d.events:
        print(f"  {render('cli.events', lang)}:")
        for e in d.events:
            extra = f" — {e.doc_ref}" if e.doc_ref else ""
            if e.voided:
                extra += " " + render("cli.case.event_voided", lang, reason=e.void_reason)
            elif e.corrects_id:
                extra += " " + render("cli.case.event_corrects", lang, id=e.corrects_id)
            print(f"    #{e.id}  {format_date(e.date)}  {e.stage.label(lang)}{extra}")
    if d.opinions:
        print(f"  {render('cli.case.opinions', lang)}:")
        for o in d.opinions:
            answered = o["answered"] or render("cli.case.not_answered", lang)
            print(f"    {o['addressee']}: {o['sent']} → {o['due']} ({answered})")
    if d.directives:
        print(f"  {render('cli.case.directives', lang)}:")
        for x in d.directives:
            print(f"    {x['issuer']}: {x['content'][:70]} (hạn {x['due']}, {x['status']})")
    if d.documents:
        print(f"  {render('cli.case.documents', lang)}:")
        for doc in d.documents:
            print(f"    {doc['number']} {doc['date'] or ''} {doc['summary'][:60]} [{doc['level']}]")
    res = d.results
    if any(res.values()):
        print(f"  {render('cli.case.results', lang)}:")
        # dot thousands (and the dotted separator) in both languages, as this line always read
        violations = f"{res['violation_money']:,} đ, {res['violation_land_m2']:,} m²".replace(",", ".")
        recovery = f"{res['recovery_money']:,} đ".replace(",", ".")
        print(f"    {render('cli.case.violations', lang)}: {violations}")
        print(f"    {render('cli.case.recovery', lang)}: {recovery}")

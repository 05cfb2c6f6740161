"""What each command of `hoso` is given: its options as a typed record (one dataclass per
command, built from argparse's namespace by `parsed`), so a handler says what it reads and
a misspelt option is a type error, not a None at run time. tests/unit/test_cli_args.py
checks that every command's options and its record name the same fields.

Why one module of 830 lines: it is a flat table — 73 small records in the order of the
parser, one per command, with nothing but fields; a command's record is found by its name,
and the check above reads them as one list."""

from __future__ import annotations

import argparse
from dataclasses import MISSING, dataclass, field, fields
from typing import TypeVar

T = TypeVar("T", bound="Common")


@dataclass(kw_only=True)
class Common:
    """The global options, accepted before or after the sub-command."""

    vault: str | None = None
    server: str | None = None
    user: str | None = None
    password_stdin: bool = False
    lang: str = "vi"
    accept_rollback: bool = False
    demo: bool = False


def parsed(kind: type[T], namespace: argparse.Namespace) -> T:
    """The command's record from argparse's namespace (global options left unset by the
    sub-command keep their defaults)."""
    values = {}
    for known in fields(kind):
        if hasattr(namespace, known.name):
            values[known.name] = getattr(namespace, known.name)
        elif known.default is MISSING and known.default_factory is MISSING:
            raise TypeError(f"{kind.__name__}: no value for {known.name}")
    return kind(**values)



@dataclass(kw_only=True)
class ServerInitArgs(Common):
    """hoso server init"""

    dsn: str
    admin: str
    full_name: str


@dataclass(kw_only=True)
class ServerImportArgs(Common):
    """hoso server import-vault"""

    source: str
    dsn: str
    json: bool = False


@dataclass(kw_only=True)
class DoctorArgs(Common):
    """hoso doctor"""

    json: bool = False
    no_desktop: bool = False
    platform_probe: bool = False


@dataclass(kw_only=True)
class VerifyReleaseArgs(Common):
    """hoso verify-release"""

    path: str
    json: bool = False


@dataclass(kw_only=True)
class InitArgs(Common):
    """hoso init"""

    path: str
    admin: str
    full_name: str


@dataclass(kw_only=True)
class UserAddArgs(Common):
    """hoso user add"""

    name: str
    role: str
    clearance: str
    full_name: str


@dataclass(kw_only=True)
class UserPasswdArgs(Common):
    """hoso user passwd"""


@dataclass(kw_only=True)
class UserListArgs(Common):
    """hoso user list"""

    json: bool = False


@dataclass(kw_only=True)
class UserResetArgs(Common):
    """hoso user reset"""

    name: str


@dataclass(kw_only=True)
class UserSetArgs(Common):
    """hoso user set"""

    name: str
    clearance: str | None = None
    role: str | None = None


@dataclass(kw_only=True)
class UserDisableArgs(Common):
    """hoso user disable"""

    name: str


@dataclass(kw_only=True)
class UserUnlockArgs(Common):
    """hoso user unlock"""

    name: str


@dataclass(kw_only=True)
class UserEnableArgs(Common):
    """hoso user enable"""

    name: str


@dataclass(kw_only=True)
class TrustShowArgs(Common):
    """hoso trust show"""


@dataclass(kw_only=True)
class TrustCheckArgs(Common):
    """hoso trust check"""

    json: bool = False


@dataclass(kw_only=True)
class TrustRotateArgs(Common):
    """hoso trust rotate"""


@dataclass(kw_only=True)
class CaseAddArgs(Common):
    """hoso case add"""

    code: str
    title: str
    party: str
    content: str
    period_from: str | None = None
    period_to: str | None = None
    basis: str
    plan_item: int | None = None
    assignment: str
    decision_number: str
    decision_date: str | None = None
    inspecting_level: str
    complexity: str
    consultation_basis: str
    chaired_by: str
    leader: str
    team: list[str] = field(default_factory=list)
    level: str
    violation_money: str | None = None
    violation_land: str | None = None
    recovery_money: str | None = None
    recovery_land: str | None = None
    disciplined_orgs: str | None = None
    disciplined_persons: str | None = None
    referral_cases: str | None = None
    referral_persons: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class CaseListArgs(Common):
    """hoso case list"""

    search: str
    stage: str | None = None
    level: str | None = None
    year: int | None = None
    leader: str
    limit: int | None = None
    json: bool = False


@dataclass(kw_only=True)
class CaseShowArgs(Common):
    """hoso case show"""

    code: str
    json: bool = False


@dataclass(kw_only=True)
class CaseEventArgs(Common):
    """hoso case event"""

    code: str
    stage: str
    date: str
    doc: str
    note: str
    days: int | None = None
    json: bool = False


@dataclass(kw_only=True)
class CaseEditArgs(Common):
    """hoso case edit"""

    code: str
    set_code: str | None = None
    set_title: str | None = None
    set_inspected_party: str | None = None
    set_content: str | None = None
    set_period_from: str | None = None
    set_period_to: str | None = None
    set_basis: str | None = None
    set_assignment_ref: str | None = None
    set_decision_number: str | None = None
    set_decision_date: str | None = None
    set_inspecting_level: str | None = None
    set_complexity: str | None = None
    set_consultation_basis: str | None = None
    set_chaired_by: str | None = None
    set_supervisor: str | None = None
    set_level: str | None = None
    set_violation_money: str | None = None
    set_violation_land_m2: str | None = None
    set_recovery_money: str | None = None
    set_recovery_land_m2: str | None = None
    set_disciplined_orgs: str | None = None
    set_disciplined_persons: str | None = None
    set_referral_cases: str | None = None
    set_referral_persons: str | None = None
    reason: str
    json: bool = False


@dataclass(kw_only=True)
class CaseEventFixArgs(Common):
    """hoso case event-fix"""

    code: str
    event_id: int
    date: str | None = None
    doc: str | None = None
    void: bool = False
    reason: str
    json: bool = False


@dataclass(kw_only=True)
class CaseTeamArgs(Common):
    """hoso case team"""

    code: str
    action: str | None = None
    name: str | None = None
    since: str | None = None
    role: str
    json: bool = False


@dataclass(kw_only=True)
class CaseHistoryArgs(Common):
    """hoso case history"""

    code: str
    json: bool = False


@dataclass(kw_only=True)
class CaseStagesArgs(Common):
    """hoso case stages"""

    json: bool = False


@dataclass(kw_only=True)
class CaseDeadlinesArgs(Common):
    """hoso case deadlines"""

    code: str
    as_of: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class CaseResultArgs(Common):
    """hoso case result"""

    code: str
    result_violation_money: str | None = None
    result_violation_land_m2: str | None = None
    result_recovery_money: str | None = None
    result_recovery_land_m2: str | None = None
    result_disciplined_orgs: str | None = None
    result_disciplined_persons: str | None = None
    result_referral_cases: str | None = None
    result_referral_persons: str | None = None
    reason: str
    json: bool = False


@dataclass(kw_only=True)
class OpinionSendArgs(Common):
    """hoso opinion send"""

    case: str | None = None
    to: list[str] = field(default_factory=list)
    kind: str | None = None
    date: str
    doc: str
    subject: str
    due: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class OpinionReplyArgs(Common):
    """hoso opinion reply"""

    id: int
    date: str
    doc: str
    gist: str


@dataclass(kw_only=True)
class OpinionRemindArgs(Common):
    """hoso opinion remind"""

    id: int
    date: str
    doc: str
    note: str


@dataclass(kw_only=True)
class OpinionReceivedArgs(Common):
    """hoso opinion received"""

    id: int
    date: str


@dataclass(kw_only=True)
class OpinionListArgs(Common):
    """hoso opinion list"""

    case: str | None = None
    as_of: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class DirectiveAddArgs(Common):
    """hoso directive add"""

    case: str | None = None
    issuer: str
    content: str
    doc: str
    date: str | None = None
    due: str | None = None
    assignee: str
    json: bool = False


@dataclass(kw_only=True)
class DirectiveNoteArgs(Common):
    """hoso directive note"""

    id: int
    date: str
    text: str


@dataclass(kw_only=True)
class DirectiveDoneArgs(Common):
    """hoso directive done"""

    id: int
    date: str
    report: str


@dataclass(kw_only=True)
class DirectiveListArgs(Common):
    """hoso directive list"""

    case: str | None = None
    as_of: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class AuditVerifyArgs(Common):
    """hoso audit verify"""

    seal: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class AuditSealArgs(Common):
    """hoso audit seal"""

    out: str | None = None


@dataclass(kw_only=True)
class AuditListArgs(Common):
    """hoso audit list"""

    by_user: str | None = None
    action: str | None = None
    limit: int
    json: bool = False


@dataclass(kw_only=True)
class VerifyArgs(Common):
    """hoso verify"""

    json: bool = False


@dataclass(kw_only=True)
class BackupArgs(Common):
    """hoso backup"""

    dest: str


@dataclass(kw_only=True)
class RestoreArgs(Common):
    """hoso restore"""

    src: str
    dest: str


@dataclass(kw_only=True)
class OverdueArgs(Common):
    """hoso overdue"""

    within: int | None = None
    as_of: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class PlanCreateArgs(Common):
    """hoso plan create"""

    year: int
    title: str
    decision_number: str
    decision_date: str | None = None
    unit: str
    staff: int | None = None


@dataclass(kw_only=True)
class PlanItemArgs(Common):
    """hoso plan item"""

    year: int
    party: str
    content: str
    quarter: int | None = None
    days: int | None = None
    team_size: int | None = None
    amendment_number: str
    amendment_date: str | None = None


@dataclass(kw_only=True)
class PlanApproveArgs(Common):
    """hoso plan approve"""

    year: int
    decision_number: str
    decision_date: str


@dataclass(kw_only=True)
class PlanItemEditArgs(Common):
    """hoso plan item-edit"""

    item: int
    party: str | None = None
    content: str | None = None
    quarter: int | None = None
    days: int | None = None
    team_size: int | None = None
    amendment_number: str
    amendment_date: str | None = None


@dataclass(kw_only=True)
class PlanItemRemoveArgs(Common):
    """hoso plan item-remove"""

    item: int
    amendment_number: str
    amendment_date: str | None = None


@dataclass(kw_only=True)
class PlanAmendmentsArgs(Common):
    """hoso plan amendments"""

    year: int
    json: bool = False


@dataclass(kw_only=True)
class PlanShowArgs(Common):
    """hoso plan show"""

    year: int
    as_of: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class PlanListArgs(Common):
    """hoso plan list"""

    json: bool = False


@dataclass(kw_only=True)
class PlanStartArgs(Common):
    """hoso plan start"""

    item: int
    code: str
    title: str
    party: str
    content: str
    period_from: str | None = None
    period_to: str | None = None
    basis: str
    plan_item: int | None = None
    assignment: str
    decision_number: str
    decision_date: str | None = None
    inspecting_level: str
    complexity: str
    consultation_basis: str
    chaired_by: str
    leader: str
    team: list[str] = field(default_factory=list)
    level: str
    violation_money: str | None = None
    violation_land: str | None = None
    recovery_money: str | None = None
    recovery_land: str | None = None
    disciplined_orgs: str | None = None
    disciplined_persons: str | None = None
    referral_cases: str | None = None
    referral_persons: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class ReportPeriodArgs(Common):
    """hoso report period"""

    start: str
    end: str
    unit: str
    json: bool = False


@dataclass(kw_only=True)
class ReportFollowUpArgs(Common):
    """hoso report follow-up"""

    start: str
    end: str
    json: bool = False


@dataclass(kw_only=True)
class RecommendationAddArgs(Common):
    """hoso recommendation add"""

    code: str
    kind: str
    to: str
    content: str
    money: str | None = None
    area: str | None = None
    due: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class RecommendationUpdateArgs(Common):
    """hoso recommendation update"""

    id: int
    date: str
    status: str
    recovered_money: str | None = None
    recovered_area: str | None = None
    note: str


@dataclass(kw_only=True)
class RecommendationListArgs(Common):
    """hoso recommendation list"""

    case: str | None = None
    as_of: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class CalendarShowArgs(Common):
    """hoso calendar show"""

    year: int
    json: bool = False


@dataclass(kw_only=True)
class CalendarSetArgs(Common):
    """hoso calendar set"""

    date: str
    kind: str
    name: str
    source: str


@dataclass(kw_only=True)
class RulesArgs(Common):
    """hoso rules"""

    json: bool = False


@dataclass(kw_only=True)
class SettingsListArgs(Common):
    """hoso settings list"""

    json: bool = False


@dataclass(kw_only=True)
class SettingsSetArgs(Common):
    """hoso settings set"""

    key: str
    value: str


@dataclass(kw_only=True)
class ImportArgs(Common):
    """hoso import"""

    file: str
    kind: str | None = None
    dry_run: bool = False
    errors: str | None = None
    year: int | None = None
    allow_foreign: bool = False
    swap_dates: list[str] = field(default_factory=list)
    keep_encoding: list[str] = field(default_factory=list)
    skip_errors: bool = False
    json: bool = False


@dataclass(kw_only=True)
class ExportArgs(Common):
    """hoso export"""

    kind: str
    out: str
    format: str | None = None
    reason: str
    search: str
    year: int | None = None
    start: str | None = None
    end: str | None = None
    unit: str
    by: str | None = None
    then: str | None = None
    as_of: str | None = None
    within: int | None = None
    json: bool = False


@dataclass(kw_only=True)
class DemoArgs(Common):
    """hoso demo"""

    path: str
    cases: int


@dataclass(kw_only=True)
class RememberArgs(Common):
    """hoso remember"""

    off: bool = False


@dataclass(kw_only=True)
class DocAddArgs(Common):
    """hoso doc add"""

    code: str
    file: str | None = None
    number: str
    type: str
    level: str
    date: str | None = None
    issuer: str
    summary: str
    note: str
    direction: str
    received: str | None = None
    sender: str
    recipient: str
    signer: str
    handled_by: str
    copies: int
    classified_on: str | None = None
    version_note: str
    json: bool = False


@dataclass(kw_only=True)
class DocVersionArgs(Common):
    """hoso doc version"""

    id: int
    file: str
    note: str
    json: bool = False


@dataclass(kw_only=True)
class DocListArgs(Common):
    """hoso doc list"""

    code: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class DocShowArgs(Common):
    """hoso doc show"""

    id: int
    json: bool = False


@dataclass(kw_only=True)
class DocExportArgs(Common):
    """hoso doc export"""

    id: int
    out: str
    reason: str
    version: int | None = None
    json: bool = False


@dataclass(kw_only=True)
class DocDestroyArgs(Common):
    """hoso doc destroy"""

    id: int
    reason: str
    decision: str
    decided_by: str
    json: bool = False


@dataclass(kw_only=True)
class DocLevelArgs(Common):
    """hoso doc level"""

    id: int
    level: str
    reason: str
    decision: str
    decided_by: str
    date: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class DocExtendArgs(Common):
    """hoso doc extend"""

    id: int
    years: int
    reason: str
    decision: str
    decided_by: str
    date: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class DocCopyArgs(Common):
    """hoso doc copy"""

    id: int
    copies: int
    reason: str
    approved_by: str
    made_by: str
    recipients: str
    method: str
    date: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class DocSearchArgs(Common):
    """hoso doc search"""

    text: str
    limit: int
    json: bool = False


@dataclass(kw_only=True)
class DocExpiringArgs(Common):
    """hoso doc expiring"""

    within: int | None = None
    today: str | None = None
    json: bool = False


@dataclass(kw_only=True)
class RegisterArgs(Common):
    """hoso register in / hoso register out / hoso register internal / hoso register copies / hoso register stats"""

    year: int | None = None
    json: bool = False
    kind: str

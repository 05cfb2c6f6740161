"""Vault-wide settings, each declared once with its type, default and meaning
(Electrum's ConfigVar idea); stored in the meta table, changed by administrators."""

from dataclasses import dataclass
from datetime import date

from desktop.domain.changes import Area
from desktop.domain.dates import format_date, parse_date
from desktop.domain.errors import InvalidInput, PermissionDenied
from desktop.services import audit_log
from desktop.storage.orm import Meta
from desktop.storage.repos import DbSession as Session
from desktop.storage.repos import settings as setting_rows


@dataclass(frozen=True)
class Setting:
    key: str
    kind: type
    default: object
    vi: str
    en: str


SETTINGS = {s.key: s for s in (
    Setting("due_soon_days", int, 5, "Số ngày làm việc báo trước “sắp đến hạn”",
            "Working days before a deadline counts as due soon"),
    Setting("inspection_share", float, 0.7,
            "Tỷ lệ thời gian công chức dành cho thanh tra trực tiếp (cân đối lực lượng)",
            "Share of an inspector's working days available for on-site work (capacity)"),
    Setting("carry_over_days", int, 30,
            "Ngày công mỗi thành viên còn phải dành cho mỗi cuộc chưa kết luận chuyển sang",
            "Working days each team member still owes an unfinished carried-over case"),
    # stages the law gives no limit: how long a case may stay in them before it is listed
    # as overdue (calendar days; 0 = never). 15 days for announcing a decision was the
    # 2010 law's figure (desktop/docs/domain.md: not found in the current laws) — an
    # administrator's choice, shown as such in every explanation.
    Setting("stage_limit_decision", int, 15,
            "Số ngày tối đa từ quyết định thanh tra đến khi công bố (0: không theo dõi)",
            "Days from the decision to its announcement before a case is overdue (0: off)"),
    Setting("stage_limit_plan_approved", int, 15,
            "Số ngày tối đa từ phê duyệt kế hoạch tiến hành đến khi công bố (0: không theo dõi)",
            "Days from the approved inspection plan to the announcement (0: off)"),
    Setting("stage_limit_gathering", int, 0,
            "Số ngày tối đa ở giai đoạn thu thập thông tin (0: không theo dõi)",
            "Days a case may stay gathering information (0: off)"),
    Setting("stage_limit_concluded", int, 0,
            "Số ngày tối đa từ ban hành kết luận đến khi công khai (0: không theo dõi)",
            "Days from the conclusion to its publication (0: off)"),
    Setting("unit_name", str, "",
            "Tên cơ quan, đơn vị in ở góc trên bên trái các tệp xuất và báo cáo",
            "Agency name printed at the top left of exports and reports"),
    # automatic backups (services/backups.automatic): at the first unlock of each day and
    # before every schema upgrade, into this folder, the newest `backup_keep` kept
    Setting("backup_folder", str, "",
            "Thư mục sao lưu tự động (để trống: không sao lưu tự động)",
            "Folder for automatic backups (empty: none)"),
    Setting("backup_keep", int, 7, "Số bản sao lưu tự động được giữ lại",
            "Automatic backups kept"),
    # the day the vault is looked at: empty = today; the demo vault reads as the department
    # saw it at the end of its half-year (30/06/2024), not years overdue
    Setting("as_of", str, "",
            "Ngày xem dữ liệu, dd/mm/yyyy (để trống: hôm nay; kho dữ liệu mẫu: 30/06/2024)",
            "The day the data is viewed as of, dd/mm/yyyy (empty: today; the demo: 30/06/2024)"),
)}


def _folder(value: str) -> str:
    """A folder setting: empty (off) or an absolute path (a relative one would depend on
    where each program happens to be started)."""
    from pathlib import Path
    text = value.strip()
    if text and not Path(text).expanduser().is_absolute():
        raise InvalidInput("settings.folder_not_absolute", value=text)
    return str(Path(text).expanduser()) if text else ""


def stage_limits(session: Session) -> dict[str, int]:
    """Stage value → days an administrator allows (stage_limit_* settings)."""
    prefix = "stage_limit_"
    return {key[len(prefix):]: get(session, key) for key in SETTINGS if key.startswith(prefix)}


def get(session: Session, key: str):
    setting = SETTINGS[key]
    raw = setting_rows.meta_value(session, f"setting.{key}")
    return setting.default if raw is None else setting.kind(raw)


def view_date(vs) -> date:
    """"Today" for deadlines, the dashboard, registers and plans: the as_of setting, else
    the calendar's today (a date the CLI's --as-of or a page's own date overrides)."""
    with vs.uow() as uow:
        text = get(uow.session, "as_of")
    if text:
        try:
            return parse_date(text)
        except InvalidInput:
            pass   # an unreadable setting must not stop the program: today
    return date.today()


def all_values(session: Session) -> dict[str, object]:
    return {key: get(session, key) for key in SETTINGS}


def set_value(vs, key: str, value: str) -> object:
    if not vs.actor.is_admin:
        raise PermissionDenied("perm.admin_only")
    setting = SETTINGS.get(key)
    if setting is None:
        raise InvalidInput("input.bad_choice", value=key, field="setting",
                           choices=", ".join(SETTINGS))
    if setting.kind is str and key == "as_of":
        typed = format_date(parse_date(value)) if value.strip() else ""
    elif setting.kind is str:
        typed = _folder(value) if key.endswith("_folder") else value.strip()
    else:
        try:
            typed = setting.kind(value.replace(",", ".") if setting.kind is float else value)
        except ValueError:
            raise InvalidInput("input.bad_number", value=value, field=key) from None
        if typed < 0 or (key == "backup_keep" and typed < 1):
            raise InvalidInput("input.bad_number", value=value, field=key)
    with vs.uow() as uow:
        row = uow.session.get(Meta, f"setting.{key}")
        if row is None:
            uow.session.add(Meta(key=f"setting.{key}", value=str(typed)))
        else:
            row.value = str(typed)
        audit_log.append(uow.session, vs.signer, vs.actor.username, "settings.set", key,
                         value=typed)
        uow.changed(Area.RULES)   # meta holds stamps written on reads too: said here
        uow.commit()
    return typed

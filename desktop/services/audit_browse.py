"""Browsing the audit trail page by page: filters by user, action and time range,
newest first. Reading only; the chain itself is checked by audit_log.verify."""

import json
from datetime import datetime, timezone

from sqlalchemy import select

from desktop.services.audit_log import AuditEntry
from desktop.services.context import VaultSession
from desktop.storage.orm import AuditRow


def _utc(moment: datetime) -> str:
    """The stored form of a moment (ISO, UTC, microseconds): rows compare as text."""
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive = local time of this workstation
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def page(vs: VaultSession, user: str | None = None, action: str | None = None,
         since: datetime | None = None, until: datetime | None = None,
         before_id: int | None = None, limit: int = 500) -> list[AuditEntry]:
    """Up to `limit` entries, newest first, older than `before_id` when given.
    `action` matches a whole action ("user.add") or a prefix ("user." / "user");
    `since` is inclusive, `until` exclusive."""
    query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if user:
        query = query.where(AuditRow.username == user)
    if action:
        prefix = action if action.endswith(".") else action + "."
        query = query.where((AuditRow.action == action) | AuditRow.action.startswith(prefix))
    if since is not None:
        query = query.where(AuditRow.at >= _utc(since))
    if until is not None:
        query = query.where(AuditRow.at < _utc(until))
    if before_id is not None:
        query = query.where(AuditRow.id < before_id)
    with vs.uow() as uow:
        return [AuditEntry(r.id, r.at, r.username, r.action, r.target, json.loads(r.detail or "{}"))
                for r in uow.session.execute(query).scalars()]


def filter_choices(vs: VaultSession) -> tuple[list[str], list[str]]:
    """(user names, actions) that occur in the trail, sorted."""
    with vs.uow() as uow:
        s = uow.session
        names = sorted(s.execute(select(AuditRow.username).distinct()).scalars())
        actions = sorted(s.execute(select(AuditRow.action).distinct()).scalars())
    return names, actions

"""Browsing the audit trail page by page: filters by user, action and time range,
newest first. Reading only; the chain itself is checked by audit_log.verify."""

import json
from datetime import datetime, timezone

from desktop.services.audit_log import AuditEntry
from desktop.services.context import VaultSession
from desktop.storage.repos import audit_pages


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
    since_at = _utc(since) if since is not None else None
    until_at = _utc(until) if until is not None else None
    with vs.uow() as uow:
        return [AuditEntry(r.id, r.at, r.username, r.action, r.target, json.loads(r.detail or "{}"))
                for r in audit_pages.page(uow.session, user, action, since_at, until_at,
                                          before_id, limit)]


def filter_choices(vs: VaultSession) -> tuple[list[str], list[str]]:
    """(user names, actions) that occur in the trail, sorted."""
    with vs.uow() as uow:
        return audit_pages.users_and_actions(uow.session)

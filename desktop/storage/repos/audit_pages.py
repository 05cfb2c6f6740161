"""Browsing the audit trail: a filtered page of rows, newest first, and the user names
and actions that occur in it (the chain itself: repos/audit)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.storage.orm import AuditRow


def page(session: Session, user: str | None = None, action: str | None = None,
         since: str | None = None, until: str | None = None, before_id: int | None = None,
         limit: int = 500) -> list[AuditRow]:
    """Up to `limit` rows, newest first, older than `before_id` when given. `action`
    matches the whole action or as a prefix ending in "."; `since` (inclusive) and `until`
    (exclusive) are moments in their stored form (ISO, UTC, microseconds)."""
    query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if user:
        query = query.where(AuditRow.username == user)
    if action:
        prefix = action if action.endswith(".") else action + "."
        query = query.where((AuditRow.action == action) | AuditRow.action.startswith(prefix))
    if since is not None:
        query = query.where(AuditRow.at >= since)
    if until is not None:
        query = query.where(AuditRow.at < until)
    if before_id is not None:
        query = query.where(AuditRow.id < before_id)
    return list(session.execute(query).scalars())


def users_and_actions(session: Session) -> tuple[list[str], list[str]]:
    """(user names, actions) that occur in the trail, sorted."""
    names = sorted(session.execute(select(AuditRow.username).distinct()).scalars())
    actions = sorted(session.execute(select(AuditRow.action).distinct()).scalars())
    return names, actions

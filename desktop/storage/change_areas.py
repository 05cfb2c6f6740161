"""Which area of the register each table belongs to, so that a unit of work can say what
its commit changed (domain.changes) without every service spelling it out. Tables that are
written while reading — the audit trail, caches, the deadline index, meta's stamps — belong
to no area: appending an audit row on a read must not make every page load again."""

from __future__ import annotations

from desktop.domain.changes import Area

TABLE_AREAS: dict[str, Area] = {
    "units": Area.STAFF, "staff": Area.STAFF,
    "users": Area.USERS, "level_grants": Area.USERS, "trust_roots": Area.USERS,
    "root_seals": Area.USERS, "certificates": Area.USERS, "level_keys": Area.USERS,
    "annual_plans": Area.PLAN, "plan_items": Area.PLAN, "plan_amendments": Area.PLAN,
    "cases": Area.CASES, "case_changes": Area.CASES, "team_members": Area.CASES,
    "case_events": Area.EVENTS,
    "opinion_requests": Area.OPINIONS, "opinion_reminders": Area.OPINIONS,
    "directives": Area.DIRECTIVES, "directive_notes": Area.DIRECTIVES,
    "recommendations": Area.RESULTS, "recommendation_updates": Area.RESULTS,
    "documents": Area.DOCUMENTS, "document_versions": Area.DOCUMENTS,
    "document_texts": Area.DOCUMENTS, "doc_index_map": Area.DOCUMENTS,
    "document_events": Area.DOCUMENTS, "document_copies": Area.DOCUMENTS,
    "blob_chunks": Area.DOCUMENTS,
    "calendar_overrides": Area.RULES,
}

# written on reads or kept beside the data: no page reloads for them
NO_AREA = frozenset({"meta", "audit_log", "deadline_index", "deadline_index_cases"})


def area_of(table: str) -> Area | None:
    return TABLE_AREAS.get(table)

"""change notices: on a department server every committed write of the register's tables
sends the table's name on the channel "hoso_changes" (LISTEN/NOTIFY), so the other
workstations' open pages load again within moments; the vault has one program at a time
per window and needs none. A notice carries no id and no content: only which table.

Revision ID: 0018
Revises: 0017
"""
from alembic import op

from desktop.storage.migrations import ddl

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

CHANNEL = "hoso_changes"
# the tables the pages show (storage.change_areas), as they are at this revision
TABLES = ("units", "staff", "users", "level_grants", "trust_roots", "root_seals",
          "certificates", "level_keys", "annual_plans", "plan_items", "plan_amendments",
          "cases", "case_changes", "team_members", "case_events", "opinion_requests",
          "opinion_reminders", "directives", "directive_notes", "recommendations",
          "recommendation_updates", "documents", "document_versions", "document_texts",
          "doc_index_map", "document_events", "document_copies", "calendar_overrides")


def upgrade() -> None:
    if ddl.on_sqlite():
        return
    # sent at commit, once per table and transaction (PostgreSQL folds equal notices)
    op.execute(f"""CREATE FUNCTION hoso_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$""")
    for table in TABLES:
        op.execute(f"CREATE TRIGGER {table}_notice AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION hoso_notify_change()")


def downgrade() -> None:
    if ddl.on_sqlite():
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_notice ON {table}")
    op.execute("DROP FUNCTION IF EXISTS hoso_notify_change()")

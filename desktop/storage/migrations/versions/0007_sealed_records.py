"""sealed records: the sensitive text of classified rows sealed under level keys
(storage/sealed.py), and a keyed-token index for classified cases

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

from desktop.storage.migrations import ddl

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_TABLES = ("cases", "case_events", "opinion_requests", "directives", "documents",
           "document_versions", "document_events", "document_copies")


def upgrade() -> None:
    for table in _TABLES:
        op.add_column(table, sa.Column("sealed", sa.LargeBinary(), nullable=True))
    # rowid = cases.id of a classified case; body = keyed tokens (storage/search.py). Rows
    # already classified are sealed and moved here at the next login of a cleared user.
    ddl.search_table("case_search_sealed", "tokenize='ascii'")
    if ddl.on_sqlite():   # records written before this revision wait to be sealed
        op.execute("INSERT OR REPLACE INTO meta(key, value) "
                   "VALUES ('records_pending_levels', '[1, 2, 3]')")


def downgrade() -> None:
    ddl.drop_search_table("case_search_sealed")
    op.execute("DELETE FROM meta WHERE key = 'records_pending_levels'")
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("sealed")

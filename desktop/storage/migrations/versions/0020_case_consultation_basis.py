"""why the state-management head is consulted on a case (Law 84/2025 Art. 36: defence or
security, followed by an anti-corruption steering committee, or the head asked): only then
does a consultation hold the conclusion back; the deadline index's trigger reads it too

Revision ID: 0020
Revises: 0019
"""
from alembic import op
import sqlalchemy as sa

from desktop.storage.migrations import ddl

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

# migration 0014's, with the new column: the deadlines of a case whose basis changes
# are recomputed at the next reading
STALE_COLUMNS = ("decision_date, inspecting_level, complexity, consultation_basis, "
                 "event_trail, closed_on, level, code")
STALE = ("DELETE FROM deadline_index WHERE case_id = NEW.id; "
         "DELETE FROM deadline_index_cases WHERE case_id = NEW.id;")


def upgrade() -> None:
    op.add_column('cases', sa.Column('consultation_basis', sa.String(length=30),
                                     nullable=False, server_default=''))
    ddl.drop_row_trigger("deadline_index_stale", "cases")
    ddl.row_trigger("deadline_index_stale", "cases", STALE_COLUMNS, STALE)


def downgrade() -> None:
    ddl.drop_row_trigger("deadline_index_stale", "cases")
    with op.batch_alter_table('cases') as batch:
        batch.drop_column('consultation_basis')
    ddl.row_trigger("deadline_index_stale", "cases",
                    "decision_date, inspecting_level, complexity, event_trail, closed_on, "
                    "level, code", STALE)

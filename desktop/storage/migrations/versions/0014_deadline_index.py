"""deadline index: the pending deadlines of open cases by due date (a cache the
dashboard reads), emptied for a case by a trigger when the case's facts change; covering
indexes for the dashboard's counts

Revision ID: 0014
Revises: 0013
"""
from alembic import op
import sqlalchemy as sa

from desktop.storage.migrations import ddl

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

# Any change to what a case's deadlines are computed from, or to the code and level
# copied beside them, drops them: the next reading recomputes that case.
STALE_COLUMNS = "decision_date, inspecting_level, complexity, event_trail, closed_on, level, code"
STALE = ("DELETE FROM deadline_index WHERE case_id = NEW.id; "
         "DELETE FROM deadline_index_cases WHERE case_id = NEW.id;")


def upgrade() -> None:
    op.create_table(
        'deadline_index_cases',
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('volatile', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('case_id'))
    op.create_index('ix_deadline_index_cases_volatile', 'deadline_index_cases', ['volatile'])
    op.create_table(
        'deadline_index',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=60), nullable=False),
        sa.Column('level', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('due', sa.Date(), nullable=False),
        sa.Column('working', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_deadline_index_case_id', 'deadline_index', ['case_id'])
    op.create_index('ix_deadline_index_due', 'deadline_index',
                    ['due', 'code', 'kind', 'level', 'working', 'case_id'])
    op.create_index('ix_cases_open_level', 'cases', ['closed_on', 'level'])
    # covering indexes for the dashboard's counts (they read these, not the wide rows)
    op.create_index('ix_cases_stage_level', 'cases', ['stage', 'level'])
    op.create_index('ix_cases_started_level', 'cases', ['started_on', 'level', 'closed_on'])
    op.create_index('ix_case_events_date_stage', 'case_events',
                    ['event_date', 'stage', 'voided_at', 'case_id'])
    ddl.row_trigger("deadline_index_stale", "cases", STALE_COLUMNS, STALE)


def downgrade() -> None:
    ddl.drop_row_trigger("deadline_index_stale", "cases")
    op.drop_index('ix_case_events_date_stage', table_name='case_events')
    op.drop_index('ix_cases_started_level', table_name='cases')
    op.drop_index('ix_cases_stage_level', table_name='cases')
    op.drop_index('ix_cases_open_level', table_name='cases')
    op.drop_index('ix_deadline_index_due', table_name='deadline_index')
    op.drop_index('ix_deadline_index_case_id', table_name='deadline_index')
    op.drop_table('deadline_index')
    op.drop_index('ix_deadline_index_cases_volatile', table_name='deadline_index_cases')
    op.drop_table('deadline_index_cases')

"""cases.started_on / closed_on, derived from the events, for fast period filters

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

from desktop.storage.migrations import ddl

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases') as batch:
        batch.add_column(sa.Column('started_on', sa.Date(), nullable=True))
        batch.add_column(sa.Column('closed_on', sa.Date(), nullable=True))
        batch.create_index('ix_cases_started_on', ['started_on'])
        batch.create_index('ix_cases_closed_on', ['closed_on'])
    if ddl.on_sqlite():   # a server database has no rows yet (created at head)
        # the SQL as it was at this revision (case_summary's grows with later ones)
        op.execute("""
    UPDATE cases SET
      started_on = coalesce(decision_date,
                            (SELECT min(e.event_date) FROM case_events e WHERE e.case_id = cases.id)),
      closed_on = (SELECT min(e.event_date) FROM case_events e
                   WHERE e.case_id = cases.id AND e.stage IN ('concluded', 'cancelled'))
    """)


def downgrade() -> None:
    with op.batch_alter_table('cases') as batch:
        batch.drop_index('ix_cases_closed_on')
        batch.drop_index('ix_cases_started_on')
        batch.drop_column('closed_on')
        batch.drop_column('started_on')

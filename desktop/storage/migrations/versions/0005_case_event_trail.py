"""cases.event_trail: each case's events packed in one string, for reports over 100 000 cases

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

from desktop.storage.migrations import ddl

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cases') as batch:
        batch.add_column(sa.Column('event_trail', sa.Text(), nullable=True))
    if ddl.on_sqlite():   # a server database has no rows yet (created at head)
        # frozen here: storage/case_summary.py computes the same for later writes
        op.execute("""
    UPDATE cases SET event_trail = (SELECT group_concat(t, ';') FROM (
        SELECT e.stage || ' ' || e.event_date || ' ' || ifnull(e.days, '') AS t FROM case_events e
        WHERE e.case_id = cases.id ORDER BY e.event_date, e.id))
    """)


def downgrade() -> None:
    with op.batch_alter_table('cases') as batch:
        batch.drop_column('event_trail')

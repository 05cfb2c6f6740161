"""the day the head received a request for opinions: the law counts the 30 days of the
state-management head's opinion from it (Law 11/2022 Art. 78, Law 84/2025 Art. 36); without
it, the sent date plus the rule file's delivery allowance

Revision ID: 0019
Revises: 0018
"""
from alembic import op
import sqlalchemy as sa

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('opinion_requests', sa.Column('received_date', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('opinion_requests') as batch:
        batch.drop_column('received_date')

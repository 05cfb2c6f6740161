"""team membership dates: members join and leave, a leader is replaced on a date

Revision ID: 0012
Revises: 0011
"""
from alembic import op
import sqlalchemy as sa

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('team_members', sa.Column('from_date', sa.Date(), nullable=True))
    op.add_column('team_members', sa.Column('to_date', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('team_members') as batch:
        batch.drop_column('to_date')
        batch.drop_column('from_date')

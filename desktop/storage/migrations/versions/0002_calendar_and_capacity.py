"""calendar overrides edited by an administrator; plan capacity

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'calendar_overrides',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('source', sa.String(length=300), nullable=False),
        sa.Column('edited_by', sa.String(length=64), nullable=False),
        sa.Column('edited_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('day'),
    )
    with op.batch_alter_table('annual_plans') as batch:
        batch.add_column(sa.Column('staff_available', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('annual_plans') as batch:
        batch.drop_column('staff_available')
    op.drop_table('calendar_overrides')

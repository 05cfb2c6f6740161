"""event corrections: a wrong workflow event is voided or replaced, never deleted

Revision ID: 0010
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('case_events', sa.Column('voided_at', sa.DateTime(), nullable=True))
    op.add_column('case_events', sa.Column('voided_by', sa.String(length=64), nullable=False,
                                           server_default=''))
    op.add_column('case_events', sa.Column('void_reason', sa.Text(), nullable=False,
                                           server_default=''))
    op.add_column('case_events', sa.Column('corrects_id', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('case_events') as batch:
        for column in ('corrects_id', 'void_reason', 'voided_by', 'voided_at'):
            batch.drop_column(column)

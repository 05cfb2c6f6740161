"""plan amendments: changes of an approved plan with the decision that made them

Revision ID: 0013
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'plan_amendments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('plan_id', sa.Integer(), nullable=False),
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=True),
        sa.Column('before', sa.Text(), nullable=False),
        sa.Column('after', sa.Text(), nullable=False),
        sa.Column('decision_number', sa.String(length=100), nullable=False),
        sa.Column('decision_date', sa.Date(), nullable=True),
        sa.Column('recorded_by', sa.String(length=64), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['plan_id'], ['annual_plans.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_plan_amendments_plan_id', 'plan_amendments', ['plan_id'])


def downgrade() -> None:
    op.drop_index('ix_plan_amendments_plan_id', table_name='plan_amendments')
    op.drop_table('plan_amendments')

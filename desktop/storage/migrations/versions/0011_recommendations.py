"""recommendations of a conclusion (kiến nghị) and their follow-up updates

Revision ID: 0011
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'recommendations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('addressee', sa.String(length=300), nullable=False),
        sa.Column('content', sa.Text(), nullable=False),
        sa.Column('amount_money', sa.BigInteger(), nullable=False),
        sa.Column('area_m2', sa.Float(), nullable=False),
        sa.Column('due_date', sa.Date(), nullable=True),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('recovered_money', sa.BigInteger(), nullable=False),
        sa.Column('recovered_area_m2', sa.Float(), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('sealed', sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_recommendations_case_id', 'recommendations', ['case_id'])
    op.create_table(
        'recommendation_updates',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('recommendation_id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('update_date', sa.Date(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('recovered_money', sa.BigInteger(), nullable=False),
        sa.Column('recovered_area_m2', sa.Float(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('recorded_by', sa.String(length=64), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.Column('sealed', sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_recommendation_updates_recommendation_id', 'recommendation_updates',
                    ['recommendation_id'])


def downgrade() -> None:
    op.drop_index('ix_recommendation_updates_recommendation_id',
                  table_name='recommendation_updates')
    op.drop_table('recommendation_updates')
    op.drop_index('ix_recommendations_case_id', table_name='recommendations')
    op.drop_table('recommendations')

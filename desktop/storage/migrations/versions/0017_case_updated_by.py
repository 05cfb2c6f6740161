"""who last changed a case: with its version (optimistic locking), what a second user's
save is told when the case changed under their form ("changed by X at HH:MM")

Revision ID: 0017
Revises: 0016
"""
from alembic import op
import sqlalchemy as sa

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('cases', sa.Column('updated_by', sa.String(length=64), nullable=False,
                                     server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('cases') as batch:
        batch.drop_column('updated_by')

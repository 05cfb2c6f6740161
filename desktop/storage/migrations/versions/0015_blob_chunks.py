"""blob chunks: on a department server, the documents' encrypted files are kept in the
database (the server has no folder the workstations share); the vault keeps its files in
blobs/ and leaves this table empty

Revision ID: 0015
Revises: 0014
"""
from alembic import op
import sqlalchemy as sa

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'blob_chunks',
        sa.Column('blob_id', sa.String(length=80), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('body', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('blob_id', 'seq'))


def downgrade() -> None:
    op.drop_table('blob_chunks')

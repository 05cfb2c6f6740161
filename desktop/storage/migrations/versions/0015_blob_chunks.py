"""blob chunks: on a department server, the documents' encrypted files are kept in the
database (the server has no folder the workstations share); the vault keeps its files in
blobs/ and leaves this table empty. On the server also the register's order (newest
decision first, undated last) as an index, which SQLite's NULL order gets from the plain one

Revision ID: 0015
Revises: 0014
"""
from alembic import op
import sqlalchemy as sa

from desktop.storage.migrations import ddl

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
    if not ddl.on_sqlite():
        op.execute("CREATE INDEX ix_cases_newest_first ON cases "
                   "(decision_date DESC NULLS LAST, id DESC)")


def downgrade() -> None:
    if not ddl.on_sqlite():
        op.execute("DROP INDEX ix_cases_newest_first")
    op.drop_table('blob_chunks')

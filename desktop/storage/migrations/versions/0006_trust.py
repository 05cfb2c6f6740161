"""trust: the administrators' root key, account certificates, signed level keys and
grants, signed audit rows

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'trust_roots',
        sa.Column('generation', sa.Integer(), nullable=False),
        sa.Column('public_key', sa.LargeBinary(), nullable=False),
        sa.Column('link_signature', sa.LargeBinary(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('generation'))
    op.create_table(
        'root_seals',
        sa.Column('username', sa.String(length=64), nullable=False),
        sa.Column('generation', sa.Integer(), nullable=False),
        sa.Column('sealed', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('username', 'generation'))
    op.create_table(
        'certificates',
        sa.Column('serial', sa.Integer(), nullable=False),
        sa.Column('username', sa.String(length=64), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('signature', sa.LargeBinary(), nullable=False),
        sa.Column('root_generation', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('serial'))
    op.create_index('ix_certificates_username', 'certificates', ['username'])
    op.create_table(
        'level_keys',
        sa.Column('level', sa.Integer(), nullable=False),
        sa.Column('fingerprint', sa.LargeBinary(), nullable=False),
        sa.Column('signature', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('level'))
    # plain ADD COLUMN (no table copy): the audit table keeps its append-only triggers
    op.add_column('users', sa.Column('cert_serial', sa.Integer(), nullable=True))
    op.add_column('level_grants', sa.Column('signature', sa.LargeBinary(), nullable=True))
    op.add_column('audit_log', sa.Column('signer_key', sa.LargeBinary(), nullable=True))
    op.add_column('audit_log', sa.Column('signature', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.drop_column('cert_serial')
    with op.batch_alter_table('level_grants') as batch:
        batch.drop_column('signature')
    op.drop_column('audit_log', 'signature')
    op.drop_column('audit_log', 'signer_key')
    op.drop_index('ix_certificates_username', table_name='certificates')
    for table in ('level_keys', 'certificates', 'root_seals', 'trust_roots'):
        op.drop_table(table)

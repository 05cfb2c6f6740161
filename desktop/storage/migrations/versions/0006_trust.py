"""trust: the administrators' root key, account certificates, signed level keys and
grants (with key generations), signed audit rows

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
        sa.Column('legacy_rows', sa.Integer(), nullable=False),
        sa.Column('statement', sa.LargeBinary(), nullable=False),
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
        sa.Column('generation', sa.Integer(), nullable=False),
        sa.Column('fingerprint', sa.LargeBinary(), nullable=False),
        sa.Column('signature', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('level', 'generation'))
    # grants gain a key generation in their primary key: a new table, rows copied
    op.create_table(
        'level_grants_new',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('level', sa.Integer(), nullable=False),
        sa.Column('generation', sa.Integer(), nullable=False),
        sa.Column('sealed_key', sa.LargeBinary(), nullable=False),
        sa.Column('granted_by', sa.String(length=64), nullable=False),
        sa.Column('granted_at', sa.DateTime(), nullable=False),
        sa.Column('signature', sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', 'level', 'generation'))
    op.execute("INSERT INTO level_grants_new (user_id, level, generation, sealed_key, granted_by,"
               " granted_at) SELECT user_id, level, 1, sealed_key, granted_by, granted_at"
               " FROM level_grants")
    op.drop_table('level_grants')
    op.rename_table('level_grants_new', 'level_grants')
    with op.batch_alter_table('document_versions') as batch:
        batch.add_column(sa.Column('key_generation', sa.Integer(), nullable=False,
                                   server_default='1'))
    # plain ADD COLUMN (no table copy): the audit table keeps its append-only triggers
    op.add_column('users', sa.Column('cert_serial', sa.Integer(), nullable=True))
    op.add_column('audit_log', sa.Column('signer_key', sa.LargeBinary(), nullable=True))
    op.add_column('audit_log', sa.Column('signature', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.drop_column('cert_serial')
    with op.batch_alter_table('document_versions') as batch:
        batch.drop_column('key_generation')
    op.create_table(
        'level_grants_old',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('level', sa.Integer(), nullable=False),
        sa.Column('sealed_key', sa.LargeBinary(), nullable=False),
        sa.Column('granted_by', sa.String(length=64), nullable=False),
        sa.Column('granted_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', 'level'))
    op.execute("INSERT INTO level_grants_old SELECT user_id, level, sealed_key, granted_by,"
               " granted_at FROM level_grants WHERE generation = 1")
    op.drop_table('level_grants')
    op.rename_table('level_grants_old', 'level_grants')
    op.drop_column('audit_log', 'signature')
    op.drop_column('audit_log', 'signer_key')
    op.drop_index('ix_certificates_username', table_name='certificates')
    for table in ('level_keys', 'certificates', 'root_seals', 'trust_roots'):
        op.drop_table(table)

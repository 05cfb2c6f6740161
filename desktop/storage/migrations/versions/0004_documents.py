"""documents: contents (encrypted versions), registers, protection periods, events, copies,
content search (keyed tokens, FTS5)

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

from desktop.storage.migrations import ddl

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


_NEW_DOCUMENT_COLUMNS = (
    ('direction', sa.String(length=10), False, 'internal'),
    ('reg_year', sa.Integer(), True, None),
    ('reg_seq', sa.Integer(), True, None),
    ('received_date', sa.Date(), True, None),
    ('sender', sa.String(length=300), False, ''),
    ('recipient', sa.String(length=500), False, ''),
    ('signer', sa.String(length=200), False, ''),
    ('handler', sa.String(length=200), False, ''),
    ('copies', sa.Integer(), False, '1'),
    ('note', sa.Text(), False, ''),
    ('classified_on', sa.Date(), True, None),
    ('protection_until', sa.Date(), True, None),
    ('destroyed_at', sa.DateTime(), True, None),
    ('destroyed_by', sa.String(length=64), False, ''),
    ('created_by', sa.String(length=64), False, ''),
    ('updated_at', sa.DateTime(), True, None),
)


def upgrade() -> None:
    with op.batch_alter_table('documents') as batch:
        for name, kind, nullable, default in _NEW_DOCUMENT_COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=nullable,
                                       server_default=None if default is None else sa.text(
                                           default if default.isdigit() else f"'{default}'")))
        batch.create_index('ux_documents_register', ['direction', 'reg_year', 'reg_seq'],
                           unique=True)
        batch.create_index('ix_documents_protection_until', ['protection_until'])

    op.create_table('document_versions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('blob_id', sa.String(length=64), nullable=False),
        sa.Column('wrapped_key', sa.LargeBinary(), nullable=True),
        sa.Column('key_level', sa.Integer(), nullable=False),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('sha256', sa.LargeBinary(), nullable=False),
        sa.Column('file_name', sa.String(length=260), nullable=False),
        sa.Column('mime_type', sa.String(length=120), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('index_state', sa.String(length=20), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('blob_id'),
        sa.UniqueConstraint('document_id', 'version', name='uq_document_versions'),
    )
    with op.batch_alter_table('document_versions') as batch:
        batch.create_index(batch.f('ix_document_versions_document_id'), ['document_id'])

    op.create_table('document_texts',
        sa.Column('version_id', sa.Integer(), nullable=False),
        sa.Column('sealed', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['version_id'], ['document_versions.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('version_id'),
    )
    op.create_table('doc_index_map',
        sa.Column('version_id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('level', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['version_id'], ['document_versions.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('version_id'),
    )
    with op.batch_alter_table('doc_index_map') as batch:
        batch.create_index(batch.f('ix_doc_index_map_document_id'), ['document_id'])
        batch.create_index(batch.f('ix_doc_index_map_level'), ['level'])

    op.create_table('document_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('event_date', sa.Date(), nullable=False),
        sa.Column('from_level', sa.Integer(), nullable=True),
        sa.Column('to_level', sa.Integer(), nullable=True),
        sa.Column('years', sa.Integer(), nullable=True),
        sa.Column('until', sa.Date(), nullable=True),
        sa.Column('decided_by', sa.String(length=200), nullable=False),
        sa.Column('reference', sa.String(length=200), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('recorded_by', sa.String(length=64), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('document_events') as batch:
        batch.create_index(batch.f('ix_document_events_document_id'), ['document_id'])

    op.create_table('document_copies',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('copy_date', sa.Date(), nullable=False),
        sa.Column('copies', sa.Integer(), nullable=False),
        sa.Column('level', sa.Integer(), nullable=False),
        sa.Column('method', sa.String(length=40), nullable=False),
        sa.Column('approved_by', sa.String(length=200), nullable=False),
        sa.Column('made_by', sa.String(length=200), nullable=False),
        sa.Column('recipients', sa.String(length=500), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('recorded_by', sa.String(length=64), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('document_copies') as batch:
        batch.create_index(batch.f('ix_document_copies_document_id'), ['document_id'])
        batch.create_index(batch.f('ix_document_copies_copy_date'), ['copy_date'])

    # Content search: one row of keyed tokens per document version, rowid = version id
    # (desktop/storage/doc_search.py). The tokens are HMACs under a key derived from the
    # level key, so the index reveals no words to whoever holds only the database key.
    ddl.search_table("doc_search", "tokenize='ascii'")
    if ddl.on_sqlite():
        _fill_registers()


def _fill_registers() -> None:
    """Documents recorded before this revision: classified on their date, protection
    period from the shipped rules, a place in the register of their year."""
    from datetime import date

    from desktop.domain.levels import Level
    from desktop.storage.resource_files import load_state_secret_rules

    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, level, doc_date, created_at FROM documents WHERE level > 0 "
        "ORDER BY doc_date, id")).all()
    if not rows:
        return
    try:
        rules = load_state_secret_rules()
    except Exception:  # a broken rules file must not stop the vault from opening
        rules = None
    seq: dict[int, int] = {}
    for doc_id, level, doc_date, created_at in rows:
        day = doc_date if isinstance(doc_date, date) else (
            date.fromisoformat(str(doc_date)[:10]) if doc_date else
            date.fromisoformat(str(created_at)[:10]))
        seq[day.year] = seq.get(day.year, 0) + 1
        until = rules.protection_until(Level(level), day) if rules else None
        conn.execute(sa.text(
            "UPDATE documents SET classified_on = :day, protection_until = :until, "
            "reg_year = :year, reg_seq = :seq WHERE id = :id"),
            {"day": day, "until": until, "year": day.year, "seq": seq[day.year], "id": doc_id})


def downgrade() -> None:
    ddl.drop_search_table("doc_search")
    op.drop_table('document_copies')
    op.drop_table('document_events')
    op.drop_table('doc_index_map')
    op.drop_table('document_texts')
    op.drop_table('document_versions')
    with op.batch_alter_table('documents') as batch:
        batch.drop_index('ix_documents_protection_until')
        batch.drop_index('ux_documents_register')
        for name, *_ in reversed(_NEW_DOCUMENT_COLUMNS):
            batch.drop_column(name)

"""opinion requests and directives kept day to day: a reply's gist, reminders, a
directive's completion report and progress notes

Revision ID: 0009
Revises: 0008
"""
from typing import Any

from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def _dated_rows(name: str, parent: str, parent_table: str, day: str,
                columns: list[sa.Column[Any]]) -> None:
    op.create_table(
        name,
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column(parent, sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=True),
        sa.Column(day, sa.Date(), nullable=False),
        *columns,
        sa.Column('recorded_by', sa.String(length=64), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.Column('sealed', sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint([parent], [f'{parent_table}.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    op.create_index(f'ix_{name}_{parent}', name, [parent])


def upgrade() -> None:
    op.add_column('opinion_requests', sa.Column('answer_gist', sa.Text(), nullable=False,
                                                server_default=''))
    op.add_column('directives', sa.Column('report_ref', sa.String(length=300), nullable=False,
                                          server_default=''))
    _dated_rows('opinion_reminders', 'request_id', 'opinion_requests', 'sent_date',
                [sa.Column('doc_ref', sa.String(length=300), nullable=False),
                 sa.Column('note', sa.Text(), nullable=False)])
    _dated_rows('directive_notes', 'directive_id', 'directives', 'note_date',
                [sa.Column('note', sa.Text(), nullable=False)])


def downgrade() -> None:
    for name, parent in (('directive_notes', 'directive_id'), ('opinion_reminders', 'request_id')):
        op.drop_index(f'ix_{name}_{parent}', table_name=name)
        op.drop_table(name)
    with op.batch_alter_table('directives') as batch:
        batch.drop_column('report_ref')
    with op.batch_alter_table('opinion_requests') as batch:
        batch.drop_column('answer_gist')

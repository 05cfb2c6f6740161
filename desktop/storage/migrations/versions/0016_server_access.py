"""server access: on a department server, who may read and change what is decided by the
server itself — each login's role and clearance in a table only the database's owner
and, through a SECURITY DEFINER function, the register's administrators change — and
row-level security on the register's tables by that clearance and role. A user with a
SQL console and their own password sees and changes no more than the program lets them.
The vault has no logins of its own (its keys decide): nothing changes there.

Revision ID: 0016
Revises: 0015
"""
from alembic import op

from desktop.storage.migrations import ddl, server_policies

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if ddl.on_sqlite():
        return
    for statement in server_policies.upgrade_statements():
        op.execute(statement)


def downgrade() -> None:
    if ddl.on_sqlite():
        return
    for statement in server_policies.downgrade_statements():
        op.execute(statement)

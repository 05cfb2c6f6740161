"""Alembic environment: always runs on the connection the program hands it
(the vault's SQLCipher connection), in batch mode for SQLite."""

from alembic import context

from desktop.storage.orm import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

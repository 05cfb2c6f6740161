"""The deadline index's refresh, as the deadlines service runs it: what says the vault
could not be written (a read-only copy, a full disk, a lock held), whichever way the
write was refused — through the session (its commit) or the index's own cursor."""

from __future__ import annotations

from sqlalchemy.exc import OperationalError

from desktop.storage import deadline_index

# the refusals the service answers by judging every case live, on the same session
NOT_WRITTEN: tuple[type[Exception], ...] = (OperationalError, deadline_index.NotWritten)

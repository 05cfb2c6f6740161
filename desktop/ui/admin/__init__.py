"""Administration: users and their clearances, the audit log, backups."""

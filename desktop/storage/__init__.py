"""SQLAlchemy 2 over SQLCipher: tables, engine, unit of work, search, migrations."""

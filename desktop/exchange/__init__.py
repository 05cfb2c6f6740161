"""Excel exchange: import and export (no Qt)."""

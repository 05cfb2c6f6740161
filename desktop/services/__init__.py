"""Use cases: each takes the open vault session and returns plain data (DTOs).
Permission checks and audit rows happen here, never in the GUI or the CLI."""

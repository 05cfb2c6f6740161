"""Keys, vault files, the audit chain and the optional OS credential store. No Qt, no SQL."""

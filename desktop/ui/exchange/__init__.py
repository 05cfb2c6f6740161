"""Excel in and out: the import wizard and the export dialog."""

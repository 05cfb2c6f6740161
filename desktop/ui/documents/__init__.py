"""State-secret documents: the registers page, a case's documents, adding one, the viewer,
what expires soon."""

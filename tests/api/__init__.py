"""API tests over a database built from known events."""

"""Alembic environment for the store; run programmatically by accordwatch.store.migrate."""

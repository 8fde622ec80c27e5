"""The store fixtures (`store`, `store_url`, `pg_schema_url`) live in tests/conftest.py."""

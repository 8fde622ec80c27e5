"""The store fixtures of tests/store (SQLite, and PostgreSQL when ACCORDWATCH_TEST_PG is set)."""

from tests.store.conftest import pg_schema_url, store_url  # noqa: F401  (fixtures)

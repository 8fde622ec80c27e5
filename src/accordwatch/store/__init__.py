"""Storage: documents, spans and the ingest log in SQLite or PostgreSQL (SQLAlchemy Core + Alembic)."""

from accordwatch.store.invariants import check_invariants
from accordwatch.store.lookup import AmbiguousKey
from accordwatch.store.search import SearchHit
from accordwatch.store.store import DocumentRow, Store

__all__ = ["AmbiguousKey", "DocumentRow", "SearchHit", "Store", "check_invariants"]

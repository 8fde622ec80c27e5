"""Storage: documents, spans and the ingest log in SQLite or PostgreSQL (SQLAlchemy Core + Alembic).

    with Store.open("accordwatch.db") as store:          # or "postgresql://user:pw@host/db"
        store.add_batch([(doc, spans), ...], run_id=store.start_run({...}))
        store.get_document("001")                        # id, id prefix, path, file name or its start
        store.search('ceasefire "border commission" -Russia')

Modules: schema (tables), migrate + migrations/ (Alembic, run on open), store (the Store
class), lookup (keys people type), search (full text), codec (rows <-> model objects),
bulk (fast inserts), prepared (a document made into its rows before the write), engine (URLs,
SQLite pragmas), invariants (checks for tests).
"""

from accordwatch.store.invariants import check_invariants
from accordwatch.store.lookup import AmbiguousKey
from accordwatch.store.search import SearchHit
from accordwatch.store.store import DocumentRow, Store

__all__ = ["AmbiguousKey", "DocumentRow", "SearchHit", "Store", "check_invariants"]

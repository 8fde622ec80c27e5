"""Bulk writes take seconds, and the number of SQL statements does not grow with the documents."""

from __future__ import annotations

from contextlib import contextmanager

import sqlalchemy as sa

from tests.store.synthetic import synthetic_document


@contextmanager
def counting_statements(engine: sa.Engine):
    statements: list[str] = []

    def count(conn, cursor, statement, params, context, executemany):
        statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)


def test_known_ids_is_one_query(store):
    store.add_batch([synthetic_document(i, spans=0) for i in range(300)])
    with counting_statements(store.engine) as statements:
        ids = store.known_ids()
    assert len(ids) == 300
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1


def test_batch_statements_do_not_grow_with_documents(store):
    def statements_for(first: int, n: int) -> int:
        with counting_statements(store.engine) as statements:
            store.add_batch([synthetic_document(i, spans=20) for i in range(first, first + n)])
        return len(statements)

    assert statements_for(0, 10) == statements_for(10, 400)


def test_bulk_insert_of_2000_documents_with_50_spans(store):
    # How fast: tests/store/throughput.py and bench/bench_store_write.py print it (no timed tests).
    items = [synthetic_document(i, spans=50) for i in range(2000)]
    for k in range(0, len(items), 200):
        store.add_batch(items[k:k + 200])
    stats = store.stats()
    assert stats["documents"] == 2000 and sum(stats["spans"].values()) == 100_000

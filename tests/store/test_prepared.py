"""Documents prepared as rows (store.prepared) are stored as the plain way stores them."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from accordwatch.ingest import read_inputs
from accordwatch.pipeline import corpus_context, process
from accordwatch.store import Store
from accordwatch.store.bulk import insert_spans
from accordwatch.store.codec import document_row
from accordwatch.store.events import index_documents
from accordwatch.store.prepared import prepare
from accordwatch.store.schema import documents, event_actors, event_index, spans
from tests.conftest import EXAMPLES
from tests.store.synthetic import synthetic_document


@pytest.fixture(scope="module")
def processed():
    raws = list(read_inputs([str(EXAMPLES)]))
    context = corpus_context(raws)
    return [process(raw, context) for raw in raws]


def _tables(store: Store) -> dict[str, list[tuple]]:
    """Every row of the written tables, the write time left out."""
    with store.reading() as conn:
        return {table.name: sorted(tuple(row) for row in conn.execute(
            sa.select(*(c for c in table.columns if c.name != "ingested_at"))))
            for table in (documents, spans, event_index, event_actors)}


def test_prepared_documents_are_stored_as_the_plain_way_stores_them(tmp_path, processed):
    """add_batch (rows prepared, documents a few an INSERT, index rows from memory) against the plain
    way: sa.insert a document at a time, its spans, and the event index read back from the spans."""
    now = datetime.now(UTC)
    with Store.open(str(tmp_path / "plain.db")) as plain, Store.open(str(tmp_path / "fast.db")) as fast:
        with plain.writing() as conn:
            for p in processed:
                conn.execute(sa.insert(documents), document_row(p.doc, previous_id=None, run_id=None, now=now))
                insert_spans(conn, p.spans)
            index_documents(conn, [p.doc.id for p in processed])
        assert fast.add_batch([(p.doc, p.spans) for p in processed]) == len(processed)
        expected, got = _tables(plain), _tables(fast)
    assert expected["event_index"] and expected["event_actors"]
    assert got == expected


def test_prepared_rows_survive_pickling(processed):
    """Workers send prepared documents to the writer: they must come back equal."""
    prepared = [prepare(p.doc, p.spans) for p in processed]
    assert pickle.loads(pickle.dumps(prepared, pickle.HIGHEST_PROTOCOL)) == prepared


def test_add_prepared_skips_documents_already_stored(store):
    first, first_spans = synthetic_document(1, spans=5, source="a.txt")
    assert store.add_prepared([prepare(first, first_spans)]) == 1
    assert store.add_prepared([prepare(first, first_spans)]) == 0
    with store.reading() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(spans)).scalar_one() == 5

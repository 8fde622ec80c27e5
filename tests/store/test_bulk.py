"""The fast span writer: the ids it chooses are the database's own, the rows decode to the same spans."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import sqlalchemy as sa

from accordwatch.ingest import read_inputs
from accordwatch.model import Span
from accordwatch.pipeline import corpus_context, process
from accordwatch.store import Store, bulk
from accordwatch.store.bulk import attrs_getter, insert_in_few_statements, reserve_span_ids
from accordwatch.store.codec import document_row
from accordwatch.store.engine import json_chunks, json_dumps
from accordwatch.store.prepared import prepare
from accordwatch.store.schema import documents, spans
from tests.conftest import EXAMPLES
from tests.store.synthetic import synthetic_document


def test_attrs_getter_gives_what_span_attrs_gives():
    for i in range(3):
        _, doc_spans = synthetic_document(i, spans=30)
        for span in doc_spans:
            assert attrs_getter(type(span))(span) == span.attrs()
    plain = Span("d", 0, 1, "x", "L", "r")
    assert attrs_getter(Span)(plain) == plain.attrs() == {}


def _span_ids(store) -> list[int]:
    with store.reading() as conn:
        return conn.execute(sa.select(spans.c.id).order_by(spans.c.id)).scalars().all()


def test_span_ids_are_those_the_database_gives(store):
    """The writer chooses span ids itself (to index events from memory): they must be the ones the
    database would give, and leave the database's own choice (PostgreSQL's sequence) in step."""
    store.add_batch([synthetic_document(i, spans=5) for i in range(3)])
    assert _span_ids(store) == list(range(1, 16))
    doc, doc_spans = synthetic_document(3, spans=3)
    with store.writing() as conn:  # rows given no id: the database chooses
        conn.execute(sa.insert(documents).values(
            id=doc.id, source=doc.source, source_name="x", media_type="text", raw=doc.raw, text=doc.text,
            offsets=[], removed=[], meta={}, words=1, removed_count=0, ingested_at=datetime.now(UTC)))
        rows = [{"doc_id": doc.id, "kind": "span", "start": s.start, "end": s.end, "text": s.text,
                 "label": s.label, "rule_id": s.rule_id, "confidence": 1.0, "attrs": {}} for s in doc_spans]
        conn.execute(sa.insert(spans), rows)
    assert _span_ids(store) == list(range(1, 19))
    store.add_batch([synthetic_document(4, spans=5)])
    assert _span_ids(store) == list(range(1, 24))
    with store.writing() as conn:
        assert reserve_span_ids(conn, 0) == []


def test_stored_spans_come_back_equal(store):
    doc, doc_spans = synthetic_document(7, spans=40)
    store.add_document(doc, doc_spans)
    def key(s: Span) -> tuple:
        return (s.start, s.end, s.kind, s.label)

    assert sorted(store.spans(doc.id), key=key) == sorted(doc_spans, key=key)


def _documents_and_search(store: Store) -> tuple[list[tuple], list[list[tuple]]]:
    with store.reading() as conn:
        rows = [tuple(r) for r in conn.execute(sa.select(documents).order_by(documents.c.pk))]
        found = [[tuple(r) for r in conn.exec_driver_sql(
            "SELECT rowid, bm25(documents_fts), snippet(documents_fts, 1, '[', ']', '...', 12) FROM documents_fts"
            " WHERE documents_fts MATCH ? ORDER BY rank, rowid", (word,))]
            for word in ("ceasefire", "Azerbaijan", "talks", "peace", "Karabakh")]
    return rows, found


def test_documents_written_in_few_statements_are_stored_as_sa_insert_stores_them(tmp_path):
    """The reference texts' document rows, written one INSERT a row by SQLAlchemy and a few rows an
    INSERT (2 here: the variable limit lowered to 2 rows' worth): the same rows, the same search."""
    raws = list(read_inputs([str(EXAMPLES)]))
    context = corpus_context(raws)
    now = datetime(2025, 5, 12, 10, 30, 1, 250, tzinfo=UTC)
    rows = [document_row(process(raw, context).doc, previous_id=None, run_id=None, now=now) for raw in raws]
    assert len(rows) > 2
    with Store.open(str(tmp_path / "plain.db")) as plain, Store.open(str(tmp_path / "few.db")) as few:
        with plain.writing() as conn:
            conn.execute(sa.insert(documents), rows)
        with few.writing() as conn:
            driver = conn.connection.driver_connection
            driver.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 2 * len(rows[0]) + 1)
            insert_in_few_statements(conn, documents, rows)
        assert _documents_and_search(few) == _documents_and_search(plain)
        assert _documents_and_search(few)[1][0]  # the search finds something


def test_json_chunks_join_to_json_dumps_for_the_attrs_of_real_spans():
    raws = list(read_inputs([str(EXAMPLES)]))
    context = corpus_context(raws)
    values: list[object] = [attrs_getter(type(s))(s) for raw in raws for s in process(raw, context).spans]
    values += [{"x": "Ağdam – «quoted»\n", "n": None, "f": 0.1, "big": 1e16, "t": (("a", "b"),)},
               {"when": datetime(2025, 5, 12, tzinfo=UTC)}, [], {}]  # a datetime goes through default=str
    assert len(values) > 100
    for value in values:
        assert "".join(json_chunks(value, 0)) == json_dumps(value)



def _written(path, prepared, rows_per_insert: int, monkeypatch) -> dict[str, list[tuple]]:
    monkeypatch.setattr(bulk, "ROWS_PER_INSERT", rows_per_insert)
    with Store.open(str(path)) as store:
        store.add_prepared(prepared)
        with store.reading() as conn:
            tables = {t: [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY rowid")]
                      for t in ("spans", "event_index", "event_actors")}
            written_at = documents.c.ingested_at
            tables["documents"] = [tuple(r) for r in conn.execute(
                sa.select(*(c for c in documents.columns if c is not written_at)).order_by(documents.c.pk))]
            return tables


def test_rows_written_many_to_an_insert_are_those_written_one_an_insert(tmp_path, monkeypatch):
    """The reference texts' rows written by INSERTs of one row (as sqlite3's executemany wrote them),
    of 100 rows, and of 7 rows (a count that leaves a last, shorter INSERT): the same tables."""
    raws = list(read_inputs([str(EXAMPLES)]))
    context = corpus_context(raws)
    prepared = [prepare(outcome.doc, outcome.spans) for outcome in (process(raw, context) for raw in raws)]
    one = _written(tmp_path / "one.db", prepared, 1, monkeypatch)
    assert len(one["spans"]) > 100 and len(one["spans"]) % 7 and one["event_index"] and one["event_actors"]
    assert _written(tmp_path / "hundred.db", prepared, 100, monkeypatch) == one
    assert _written(tmp_path / "seven.db", prepared, 7, monkeypatch) == one

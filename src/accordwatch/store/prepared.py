"""A processed document as the rows the store writes, made before the writing transaction.

Everything about a document's rows that does not depend on what is already stored is made here:
the document row (its JSON columns encoded), the span rows (attrs encoded) and the event index
rows. What depends on the store is left to the writer: span ids (their index in the document
stands in for them), the previous version of the source, the run and the time of the write.

A parallel ingest prepares its documents in the worker processes (accordwatch.parallel), so that
the single writer only inserts; rows of plain values also cross the process boundary faster than
model objects. Store.add_batch prepares in the writer, with the same functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from accordwatch.model import Document, Span
from accordwatch.store.bulk import attrs_getter
from accordwatch.store.codec import document_values
from accordwatch.store.engine import json_dumps
from accordwatch.store.events import index_values
from accordwatch.store.span_row import span_values

# Document columns prepared here as JSON text.
JSON_COLUMNS = ("offsets", "removed", "meta")


class PreparedDocument(NamedTuple):
    id: str
    source: str
    row: dict[str, Any]  # the documents row but previous_id, run_id and ingested_at; JSON_COLUMNS as JSON text
    spans: list[tuple]  # SPAN_COLUMNS but the id (attrs as JSON text), in the document's span order
    events: list[tuple]  # event_index rows whose span_id is the span's index in `spans`
    actors: list[tuple]  # event_actors rows, the same


def check_document(doc: Document) -> None:
    # PostgreSQL text cannot hold NUL; refusing it on SQLite too keeps the two stores alike.
    for name in ("source", "raw", "text"):
        if "\x00" in getattr(doc, name):
            raise ValueError(f"{doc.source}: {name} contains NUL characters, which the store does not keep")


def check_spans(doc: Document, doc_spans: Sequence[Span]) -> None:
    """Refuse, before writing anything, a span that is not over this document's text."""
    doc_id, text = doc.id, doc.text
    size = len(text)
    for s in doc_spans:
        # The checks below in one expression (the last one is Span.check's): tens of thousands of
        # spans an ingest pass it, and only a failing span needs to be told apart.
        if s.doc_id == doc_id and 0 <= s.start <= s.end <= size and text[s.start:s.end] == s.text:
            continue
        if s.doc_id != doc.id:
            raise ValueError(f"span {s.start}:{s.end} belongs to {s.doc_id[:12]}, not {doc.id[:12]} "
                             f"({doc.source})")
        if not 0 <= s.start <= s.end <= len(doc.text):
            raise ValueError(f"span {s.start}:{s.end} is outside {doc.source} ({len(doc.text)} characters)")
        s.check(doc)


def prepare(doc: Document, doc_spans: Sequence[Span]) -> PreparedDocument:
    """The document's rows (see the module's docstring); raises ValueError for what the store refuses."""
    check_document(doc)
    check_spans(doc, doc_spans)
    row = document_values(doc)
    for name in JSON_COLUMNS:
        row[name] = json_dumps(row[name])
    events: list[tuple] = []
    actors: list[tuple] = []
    for index, span in enumerate(doc_spans):
        if span.kind == "event":
            event, its_actors = index_values(index, span.doc_id, span.label, attrs_getter(type(span))(span))
            events.append(event)
            actors.extend(its_actors)
    return PreparedDocument(doc.id, doc.source, row, span_values(doc_spans), events, actors)


def with_ids(rows: list[tuple], span_ids: Sequence[int]) -> list[tuple]:
    """Rows whose first value is a span's index in its document, given its id in `span_ids` instead."""
    return [(span_ids[row[0]], *row[1:]) for row in rows]

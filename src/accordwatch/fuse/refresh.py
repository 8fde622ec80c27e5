"""Recompute the fused record from the store and keep it there."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from accordwatch.fuse.compute import fuse_corpus
from accordwatch.fuse.records import FusedRecord
from accordwatch.fuse.tables import fingerprint, read_record, write_record
from accordwatch.review.decisions import load_overrides


def load_corpus(store) -> list:
    """Every latest document with its spans, as stored."""
    out = []
    for row in store.documents():
        doc = store.get_document(row.id)
        if doc is not None:
            out.append((doc, store.spans(doc.id)))
    return out


def refresh(store, as_of: str = "") -> FusedRecord:
    """Recompute the fused record from the stored spans and write it in one transaction.

    The analyst's decisions (accordwatch.review) are applied on top of the stored spans.
    Called at the end of each ingest run. If spans change while it computes, it computes
    again (at most three times) so that what it writes matches what is stored.
    """
    record = FusedRecord()
    for _ in range(3):
        with store.engine.connect() as conn:
            expected = fingerprint(conn)
        record = fuse_corpus(load_corpus(store), as_of=as_of, overrides=load_overrides(store.engine))
        if write_record(store.engine, record, expected):
            return replace(record, fingerprint=expected)
    return record


def current_record(store, as_of: str = "") -> FusedRecord:
    """The stored record if it is up to date and judged at `as_of` (default today), else a fresh one."""
    as_of = as_of or date.today().isoformat()
    record = read_record(store.engine)
    if record is not None and record.as_of == as_of:
        return record
    return refresh(store, as_of=as_of)

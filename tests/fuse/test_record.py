"""The fused record in the store: written in one go, read back whole, recomputed when stale."""

from __future__ import annotations

import pytest

from accordwatch.fuse import current_record, fuse_corpus, refresh
from accordwatch.fuse.records import FusedRecord, from_dict, to_dict
from accordwatch.fuse.tables import metadata, read_record
from tests.fuse.helpers import doc, event, store_holding
from tests.fuse.test_tracker import _corpus
from tests.migration_check import migration_differences


@pytest.fixture
def store(store_url):
    with store_holding(store_url, _corpus()) as s:
        yield s


def test_migration_makes_the_tables_fuse_declares(store):
    assert migration_differences(store, metadata) == []


def test_refresh_writes_what_it_computes_and_reads_it_back(store):
    written = refresh(store, as_of="2026-01-01")
    computed = fuse_corpus([(store.get_document(r.id), store.spans(r.id)) for r in store.documents()],
                           as_of="2026-01-01")
    assert written.events == computed.events and written.claims == computed.claims
    assert written.agreements == computed.agreements
    assert read_record(store.engine) == written
    assert written.agreements[0].provisions[0].status_label == "terminated early"


def test_a_new_document_makes_the_record_stale(store):
    refresh(store, as_of="2026-01-01")
    d = doc("Azerbaijan and Armenia initialled the peace agreement on August 8, 2025.", "late",
            published="2025-08-09")
    store.add_document(d, [event(d, "initialled the peace agreement on August 8, 2025", "AGREE", "2025-08-08",
                                 ("Azerbaijan", "Armenia"))])
    assert read_record(store.engine) is None
    record = current_record(store, as_of="2026-01-01")
    assert "2025-08-08" in [e.date for e in record.events]
    assert read_record(store.engine) == record


def test_records_survive_json():
    record = fuse_corpus(_corpus(), as_of="2026-01-01")
    for attr, cls in (("events", "FusedEvent"), ("claims", "Claim"), ("agreements", "AgreementStatus")):
        items = getattr(record, attr)
        assert items
        klass = type(items[0])
        assert klass.__name__ == cls
        assert tuple(from_dict(klass, to_dict(i)) for i in items) == items
    assert isinstance(record, FusedRecord)

"""Checks that hold for everything stored, for tests of any stage that writes to the store."""

from __future__ import annotations

from accordwatch.store.store import Store


def check_invariants(store: Store) -> int:
    """Assert that every stored span matches its document's text; returns how many spans were checked.

    Also checks that every earlier version a document points to is stored.
    """
    checked = 0
    rows = store.documents(latest_only=False)
    ids = {r.id for r in rows}
    for row in rows:
        assert row.previous_id is None or row.previous_id in ids, f"{row.id[:12]}: missing previous version"
        doc = store.get_document(row.id)
        assert doc is not None, f"{row.id} listed but not loadable"
        for s in store.spans(row.id):
            assert s.doc_id == doc.id
            assert 0 <= s.start <= s.end <= len(doc.text), f"{doc.source}: span {s.start}:{s.end} outside"
            assert doc.text[s.start:s.end] == s.text, (
                f"{doc.source}: span {s.start}:{s.end} {s.text!r} != {doc.text[s.start:s.end]!r}")
            checked += 1
    return checked

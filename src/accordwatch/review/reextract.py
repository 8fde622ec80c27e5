"""Extraction run again over stored documents: after a rule change or an upgrade.

Documents are content-hashed, so ingesting unchanged files again skips them; this runs the
extractors over the stored clean text and replaces each document's spans (one transaction
a document), then recomputes the fused record. The analyst's decisions are kept apart and
keyed to stable identities, so they apply to the new spans (or are reported as orphans).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from accordwatch.model import SPAN_KINDS

KINDS = tuple(k for k in SPAN_KINDS if k != "span")


def reextract(store, progress: Callable[[int, int, str], None] | None = None, as_of: str = "",
              skip: Collection[str] = ()) -> int:
    """Re-extract every stored document (all versions) but those in `skip`; returns how many were done."""
    from accordwatch.fuse import refresh
    from accordwatch.pipeline import extract

    rows = [r for r in store.documents(latest_only=False) if r.id not in skip]
    for i, row in enumerate(rows, 1):
        doc = store.get_document(row.id)
        if doc is None:
            continue
        spans = [s for s in extract(doc).spans if s.kind in KINDS]
        store.replace_spans(doc.id, spans, KINDS)
        if progress:
            progress(i, len(rows), doc.source)
    refresh(store, as_of=as_of)
    return len(rows)

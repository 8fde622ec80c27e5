"""Extraction from a single text without a store, for `accordwatch extract` and quick use."""

from __future__ import annotations

from dataclasses import replace

from accordwatch.ingest import IngestError, read_inputs
from accordwatch.model import Document, MetaField, Span
from accordwatch.pipeline import extract


def extract_text(path: str, dct: str | None = None, *, stdin=None) -> tuple[Document, list[Span]]:
    """Clean and extract one input; `dct` (YYYY-MM-DD), when given, is the document's date."""
    from accordwatch.clean import clean_document

    items = list(read_inputs([path], stdin=stdin))
    if not items:
        raise ValueError(f"{path}: nothing to read")
    first = items[0]
    if isinstance(first, IngestError):  # an input problem, not a programming error
        raise ValueError(f"{first.source}: {first.reason}")  # noqa: TRY004
    if dct:
        first = replace(first, meta={**first.meta, "published": MetaField(dct, "given", "--date")})
    processed = extract(clean_document(first))
    return processed.doc, processed.spans

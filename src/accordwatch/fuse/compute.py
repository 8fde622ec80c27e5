"""The whole fused record from documents and their spans, as one pure function."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from accordwatch.fuse.agreements import track_agreements
from accordwatch.fuse.claims import agreement_date_claims, event_date_claims, figure_claims
from accordwatch.fuse.corpus import Corpus
from accordwatch.fuse.events import fuse_events
from accordwatch.fuse.records import Claim, FusedRecord
from accordwatch.fuse.supersede import deadline_claims, plan_claims
from accordwatch.model import Document, Span


def compare_claims(corpus: Corpus, events, agreements) -> list[Claim]:
    """Figures and dated facts from different sources: agree, differ, more precise, superseded."""
    return [*deadline_claims(agreements), *plan_claims(events), *agreement_date_claims(agreements, corpus),
            *event_date_claims(events), *figure_claims(corpus, include_single=True)]


def fuse_corpus(docs_with_spans: Sequence[tuple[Document, Sequence[Span]]], as_of: str = "") -> FusedRecord:
    """Events fused across sources, claims compared, agreements tracked; deadlines judged `as_of`
    (YYYY-MM-DD, default today)."""
    corpus = Corpus.of(docs_with_spans)
    as_of = as_of or date.today().isoformat()
    events = fuse_events(corpus)
    agreements = track_agreements(corpus, events, as_of)
    claims = compare_claims(corpus, events, agreements)
    return FusedRecord(tuple(events), tuple(claims), tuple(agreements), corpus.doc_infos(), as_of)

"""The whole fused record from documents and their spans, as one pure function."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from accordwatch.fuse.agreements import track_agreements
from accordwatch.fuse.claims import agreement_date_claims, event_date_claims, figure_claims
from accordwatch.fuse.corpus import Corpus
from accordwatch.fuse.decided import apply_statuses, apply_verdicts, count_origins
from accordwatch.fuse.events import fuse_events
from accordwatch.fuse.measures import measure_claims
from accordwatch.fuse.overrides import Overrides, apply_to_spans
from accordwatch.fuse.records import Claim, FusedRecord
from accordwatch.fuse.supersede import deadline_claims, plan_claims
from accordwatch.model import Document, Span


def compare_claims(corpus: Corpus, events, agreements) -> list[Claim]:
    """Figures and dated facts from different sources: agree, differ, more precise, superseded;
    figures of one population that measure different things: different_measures."""
    claims = [*deadline_claims(agreements), *plan_claims(events), *agreement_date_claims(agreements, corpus),
              *event_date_claims(events), *figure_claims(corpus, include_single=True), *measure_claims(corpus)]
    return count_origins(claims)


def fuse_corpus(docs_with_spans: Sequence[tuple[Document, Sequence[Span]]], as_of: str = "",
                overrides: Overrides | None = None) -> FusedRecord:
    """Events fused across sources, claims compared, agreements tracked; deadlines judged `as_of`
    (YYYY-MM-DD, default today). `overrides` (the analyst's decisions) are applied on top."""
    overrides = overrides or Overrides()
    if overrides.spans or overrides.entities:
        docs_with_spans = [(d, apply_to_spans(d, s, overrides)) for d, s in docs_with_spans]
    corpus = Corpus.of(docs_with_spans, overrides.roles, overrides.tiers)
    as_of = as_of or date.today().isoformat()
    events = fuse_events(corpus, overrides)
    agreements = track_agreements(corpus, events, as_of)
    if overrides.statuses:
        agreements = apply_statuses(agreements, overrides)
    claims = apply_verdicts(compare_claims(corpus, events, agreements), overrides)
    return FusedRecord(tuple(events), tuple(claims), tuple(agreements), corpus.doc_infos(), as_of)

"""What the pages and the API show, read from the store and the fused record (accordwatch.fuse).

One place that knows where things come from: the views only ask for overview figures,
filtered events, an event, agreements, conflicts, a document with its spans, and search
results with facets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from accordwatch.fuse import current_record
from accordwatch.fuse.records import AgreementStatus, Claim, FusedEvent, FusedRecord
from accordwatch.fuse.timeline import timeline
from accordwatch.store.search import MARK_CLOSE, MARK_OPEN, SearchHit

CONFLICT_VERDICTS = ("differ", "superseded", "more_precise")
SEARCH_POOL = 500  # hits fetched for one query, so that facets count more than one page


def record(store) -> FusedRecord:
    """The fused record, recomputed only when the stored spans changed since it was made."""
    return current_record(store)


@dataclass(frozen=True)
class EventFilter:
    date_from: str = ""
    date_to: str = ""
    actor: str = ""
    types: tuple[str, ...] = ()
    source: str = ""
    show_hidden: bool = False


def events(store, f: EventFilter = EventFilter()) -> list[FusedEvent]:
    return timeline(record(store), date_from=f.date_from, date_to=f.date_to, actor=f.actor, types=f.types,
                    source=f.source, show_hidden=f.show_hidden)


def event_choices(store) -> dict[str, list[str]]:
    """The actors, types and sources the timeline's filters offer."""
    all_events = timeline(record(store), show_hidden=True)
    actors = Counter(a for e in all_events for a in e.actors)
    sources = {m.ref.source for e in all_events for m in e.mentions}
    return {"actors": [a for a, _ in actors.most_common()],
            "types": sorted({e.type for e in all_events}),
            "sources": sorted(sources)}


def find_event(store, event_id: str) -> FusedEvent | None:
    return next((e for e in record(store).events if e.id == event_id), None)


def find_agreement(store, key: str) -> AgreementStatus | None:
    return next((a for a in record(store).agreements if a.key == key), None)


def conflicts(store, verdicts: Iterable[str] = CONFLICT_VERDICTS) -> list[Claim]:
    wanted = set(verdicts)
    return [c for c in record(store).claims if c.verdict in wanted]


def claims_about_event(store, event: FusedEvent) -> list[Claim]:
    """Claims citing any of the event's mentions (its date disputed, a plan it superseded...)."""
    keys = {(m.ref.doc_id, m.ref.start, m.ref.end) for m in event.mentions}
    return [c for c in record(store).claims
            if any((s.ref.doc_id, s.ref.start, s.ref.end) in keys for s in c.statements)]


def overview(store) -> dict:
    rec = record(store)
    dated = sorted((e for e in rec.events if e.date_start), key=lambda e: (e.date_end, e.date_start),
                   reverse=True)
    return {"stats": store.stats(), "documents": len(rec.documents), "events": len(rec.events),
            "latest_events": dated[:10], "conflicts": [c for c in rec.claims if c.verdict in CONFLICT_VERDICTS],
            "agreements": list(rec.agreements), "as_of": rec.as_of}


# --- search with facets -------------------------------------------------------------------

FACETS = ("actor", "type", "publisher", "year")


@dataclass
class SearchResult:
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def _doc_facets(store, doc_ids: Sequence[str]) -> dict[str, dict[str, set[str]]]:
    """For each document: its actors, event types, publisher and year."""
    rows = {r.id: r for r in store.documents()}
    out: dict[str, dict[str, set[str]]] = {}
    for doc_id in doc_ids:
        spans = store.spans(doc_id)
        row = rows.get(doc_id)
        out[doc_id] = {
            "actor": {getattr(s, "canonical", "") or s.text for s in spans if s.kind == "actor"},
            "type": {s.label for s in spans if s.kind == "event"},
            "publisher": {row.publisher} if row is not None and row.publisher else set(),
            "year": {row.published[:4]} if row is not None and row.published else set(),
        }
    return out


def _all_documents_as_hits(store) -> list[SearchHit]:
    return [SearchHit(r.id, r.source, r.title, r.published, "", 0.0) for r in store.documents()]


def search(store, query: str, chosen: dict[str, str], limit: int, offset: int) -> SearchResult:
    """Full-text hits (every document for an empty query), narrowed by the chosen facet values."""
    pool = store.search(query, limit=SEARCH_POOL) if query.strip() else _all_documents_as_hits(store)
    facets_of = _doc_facets(store, [h.id for h in pool])
    kept = [h for h in pool if all(not v or v in facets_of[h.id].get(k, set()) for k, v in chosen.items())]
    counts: dict[str, Counter] = {k: Counter() for k in FACETS}
    for h in kept:
        for k in FACETS:
            counts[k].update(facets_of[h.id][k])
    return SearchResult(kept[offset:offset + limit], len(kept),
                        {k: counts[k].most_common(15) for k in FACETS})


SNIPPET_MARKS = (MARK_OPEN, MARK_CLOSE)

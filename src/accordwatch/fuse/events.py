"""Event fusion: mentions of one happening, in one document or many, become one event.

Mentions fuse when their types are compatible (data/rules/fuse/fusion.yaml), one date
contains the other (2020-11 with 2020-11-09, never two different days), their actors do
not conflict, and their modalities are both factual (a plan is kept apart from the deed).
Clusters are complete-linkage: a mention joins a cluster only if it fits every member,
so 2023-09 cannot chain 2023-09-19 to 2023-09-25.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from accordwatch.fuse import dates
from accordwatch.fuse.corpus import Corpus
from accordwatch.fuse.overrides import Overrides, mention_key
from accordwatch.fuse.publishers import independent_count
from accordwatch.fuse.records import FusedEvent, Mention, stable_id
from accordwatch.fuse.rules import load, type_group, types_compatible
from accordwatch.fuse.text import sentence_shingles
from accordwatch.model import Event

Related = Callable[[str, str], bool]  # are two documents (by id) about the same actors?


def mentions_of(corpus: Corpus) -> list[Mention]:
    out = []
    for span in corpus.of_kind("event"):
        if not isinstance(span, Event):
            continue
        actors = tuple(dict.fromkeys((*span.source_actors, *span.target_actors)))
        out.append(Mention(corpus.ref(span), span.label, span.date, actors, span.modality, span.reported_by))
    return out


def _modality_class(m: Mention) -> str:
    return "factual" if m.modality in load("fusion")["factual_modalities"] else m.modality


def _shares_quote(a: Mention, b: Mention) -> bool:
    n = load("fusion")["shingle_words"]
    return bool(sentence_shingles(a.ref.sentence, n) & sentence_shingles(b.ref.sentence, n))


def _actors_agree(a: Mention, b: Mention, related: Related) -> bool:
    """Shared actors, or no actors to compare; else (different writers naming different sides of
    one happening) the same type, no single-day dates and documents about the same actors."""
    if not a.actors or not b.actors or set(a.actors) & set(b.actors):
        return True
    if dates.is_day(a.date) and dates.is_day(b.date):
        return False  # different happenings on the same day
    return a.type == b.type and related(a.ref.doc_id, b.ref.doc_id)


def same_happening(a: Mention, b: Mention, related: Related = lambda x, y: True) -> bool:
    if _modality_class(a) != _modality_class(b) or not types_compatible(a.type, b.type):
        return False
    if a.ref.doc_id == b.ref.doc_id and a.ref.sentence_start == b.ref.sentence_start:
        return a.type == b.type  # one sentence stating two events of different types: two events
    if not _actors_agree(a, b, related):
        return False
    if not (dates.parse(a.date) and dates.parse(b.date)):
        # an undated mention joins only a mention it quotes (or that quotes it)
        return _shares_quote(a, b)
    return dates.compatible(a.date, b.date)


def _affinity(m: Mention, cluster: list[Mention]) -> tuple[int, int]:
    """Shared actors first, then exact same dates: the best cluster for a mention."""
    actors = {a for c in cluster for a in c.actors}
    return len(actors & set(m.actors)), sum(c.date == m.date for c in cluster)


def _buckets(m: Mention) -> list[tuple]:
    """Where a mention's possible clusters are kept: modality class, type group, year.

    Mentions are clustered most precise first, so a cluster's first member is its narrowest
    and every later member contains it: looking in the years a mention covers finds them all.
    """
    head = (_modality_class(m), tuple(sorted(type_group(m.type))))
    r = dates.parse(m.date)
    if r is None:
        return [(*head, None)]
    return [(*head, y) for y in range(r.start.year, r.end.year + 1)]


def _quote_keys(m: Mention) -> list[tuple]:
    """Buckets by the word runs of a mention's sentence: where an undated mention looks."""
    head = (_modality_class(m), tuple(sorted(type_group(m.type))))
    return [(*head, g) for g in sorted(sentence_shingles(m.ref.sentence, load("fusion")["shingle_words"]))]


def cluster_mentions(mentions: Sequence[Mention], related: Related = lambda x, y: True) -> list[list[Mention]]:
    order = sorted(mentions, key=lambda m: (dates.granularity_rank(m.date), m.date, m.ref.said_on or "9999",
                                            m.ref.doc_id, m.ref.start))
    clusters: list[list[Mention]] = []
    index: dict[tuple, list[int]] = defaultdict(list)  # bucket -> clusters
    for m in order:
        dated = _buckets(m)[0][-1] is not None
        keys = _buckets(m) if dated else _quote_keys(m)  # undated: only a cluster it quotes
        candidates = sorted({i for k in keys for i in index.get(k, ())})
        fits = [i for i in candidates if all(same_happening(m, x, related) for x in clusters[i])]
        if fits:
            home = max(fits, key=lambda i: (_affinity(m, clusters[i]), -i))
            clusters[home].append(m)
        else:
            clusters.append([m])
            home = len(clusters) - 1
            for k in _buckets(m) if dated else ():
                index[k].append(home)
        for k in _quote_keys(m):
            index[k].append(home)
    return clusters


def _fused(cluster: list[Mention]) -> FusedEvent:
    mentions = tuple(sorted(cluster, key=lambda m: (m.ref.said_on or "9999", m.ref.doc_id, m.ref.start)))
    date = ""
    for m in mentions:
        if dates.parse(m.date):
            date = dates.more_precise(date, m.date) if date else m.date
    start, end = dates.bounds(date)
    types = [m.type for m in mentions]
    main_type = max(sorted(set(types)), key=types.count)
    modality = "asserted" if any(m.modality == "asserted" for m in mentions) else mentions[0].modality
    actors = tuple(dict.fromkeys(a for m in mentions for a in m.actors))
    count = independent_count([(m.ref.origin or m.ref.publisher, m.reported_by, m.ref.sentence) for m in mentions])
    label = min((m.ref.text for m in mentions), key=lambda t: (abs(len(t.split()) - 14), t))
    ident = stable_id("event", *sorted(f"{m.ref.doc_id}:{m.ref.start}:{m.ref.end}" for m in mentions))
    return FusedEvent(ident, main_type, date, start, end, modality, actors, mentions, count, label)


def _key(m: Mention) -> str:
    return mention_key(m.ref.doc_id, m.ref.start, m.ref.end)


def _find(clusters: list[list[Mention]], key: str) -> int | None:
    return next((i for i, c in enumerate(clusters) if any(_key(m) == key for m in c)), None)


def apply_merges_and_splits(clusters: list[list[Mention]], overrides: Overrides) -> list[list[Mention]]:
    """The analyst's splits (a mention taken out into an event of its own), then merges (the
    events holding two mentions made one). A decision naming a mention no longer extracted
    changes nothing (accordwatch.review reports it)."""
    out = [list(c) for c in clusters]
    for key in sorted(overrides.splits):
        i = _find(out, key)
        if i is not None and len(out[i]) > 1:
            taken = [m for m in out[i] if _key(m) == key]
            out[i] = [m for m in out[i] if _key(m) != key]
            out.append(taken)
    for a, b in overrides.merges:
        i, j = _find(out, a), _find(out, b)
        if i is not None and j is not None and i != j:
            out[min(i, j)].extend(out[max(i, j)])
            del out[max(i, j)]
    return out


def fuse_mentions(mentions: Sequence[Mention], related: Related = lambda x, y: True,
                  overrides: Overrides | None = None) -> list[FusedEvent]:
    clusters = cluster_mentions(mentions, related)
    if overrides:
        clusters = apply_merges_and_splits(clusters, overrides)
    events = [_fused(c) for c in clusters]
    return sorted(events, key=lambda e: (e.date_start or "9999", e.date_end or "9999", e.type, e.id))


def fuse_events(corpus: Corpus, overrides: Overrides | None = None) -> list[FusedEvent]:
    """Every event of the corpus, each with all its mentions and its independent source count."""
    need = load("fusion")["shared_document_actors"]
    actors = corpus.document_actors

    def related(a: str, b: str) -> bool:
        return a == b or len(actors[a] & actors[b]) >= need

    return fuse_mentions(mentions_of(corpus), related, overrides)

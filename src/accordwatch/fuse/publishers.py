"""Who published what: the identity corroboration counts.

A document's publisher is its `publisher` metadata where present. Where it is absent, a
repost is told from an independent report by text: two documents sharing most of their
long word runs are one publication. Within one happening, mentions that share a long
quote also count once (a news report quoting a statement does not corroborate it).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from accordwatch.fuse.rules import load
from accordwatch.fuse.text import sentence_shingles, shingles
from accordwatch.model import Document


def normalise_publisher(name: str) -> str:
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name.strip().lower())
    return " ".join(re.sub(r"[^\w.]+", " ", name).split())


class _Groups:
    """Union-find over string keys; the smallest key names its group (deterministic)."""

    def __init__(self, keys: Sequence[str]):
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _repost_pairs(grams: dict[str, frozenset], share: float, common: int) -> list[tuple[str, str]]:
    """Pairs of documents sharing `share` of the smaller one's n-grams, found through an index
    of n-grams (those in more than `common` documents are boilerplate, not reposts)."""
    holders: dict[tuple, list[str]] = defaultdict(list)
    for doc_id, gs in grams.items():
        for g in gs:
            holders[g].append(doc_id)
    shared: Counter = Counter()
    for ids in holders.values():
        if 1 < len(ids) <= common:
            shared.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
    return sorted((a, b) for (a, b), n in shared.items()
                  if n / max(1, min(len(grams[a]), len(grams[b]))) >= share)


def publisher_keys(docs: Sequence[Document]) -> dict[str, str]:
    """doc id -> publisher identity: "pub:<name>" from metadata, else "doc:<id>" shared by reposts."""
    rules = load("fusion")
    keys: dict[str, str] = {}
    unnamed = []
    for doc in docs:
        name = normalise_publisher(str(doc.get("publisher") or ""))
        if name:
            keys[doc.id] = f"pub:{name}"
        else:
            unnamed.append(doc)
    grams = {d.id: shingles(d.text, rules["shingle_words"]) for d in unnamed}
    groups = _Groups([d.id for d in unnamed])
    for a, b in _repost_pairs(grams, rules["repost_share"], rules["boilerplate_documents"]):
        groups.union(a, b)
    for d in unnamed:
        keys[d.id] = f"doc:{groups.find(d.id)[:12]}"
    return keys


def independent_count(items: Sequence[tuple[str, str, str]]) -> int:
    """How many independent sources among (publisher, reported_by, sentence) triples.

    Mentions from one publisher count once; so do mentions whose sentences share a long
    word run (one quotes the other, or both quote a third).
    """
    n = load("fusion")["shingle_words"]
    keys = [str(i) for i in range(len(items))]
    groups = _Groups(keys)
    grams = [sentence_shingles(sentence, n) for _, _, sentence in items]
    for i, (pub_i, _, _) in enumerate(items):
        for j in range(i + 1, len(items)):
            if pub_i == items[j][0] or grams[i] & grams[j]:
                groups.union(keys[i], keys[j])
    return len({groups.find(k) for k in keys})

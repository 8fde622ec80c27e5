"""Document roles and lineage: which documents are one origin, and what each document is.

A report that quotes an earlier statement, or copies its sentences, is derived from it:
what it repeats is the statement's claim, not independent corroboration. Roles (the text
of an agreement, a party's official statement, independent reporting, an aggregator's
rewrite) are inferred from cues listed in data/rules/fuse/lineage.yaml; the user's
setting (a review decision) wins over the inference.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from accordwatch.extract.sentences import sentence_spans
from accordwatch.fuse import dates
from accordwatch.fuse.rules import load
from accordwatch.fuse.text import words
from accordwatch.model import Document

_QUOTE = re.compile(r"[“\"«]([^”\"»]{10,600})[”\"»]")
_NUMBERED = re.compile(r"(?m)^\s*\d{1,2}[.)]\s+\S")


@dataclass(frozen=True)
class Lineage:
    role: str
    role_how: str  # inferred, given
    role_reason: str
    derived_from: str = ""  # the document it re-reports ("" for none)
    origin: str = ""  # the first document of its chain (itself when not derived)
    shared: tuple[str, ...] = ()  # the quotes and sentences it shares with `derived_from`


_BRITISH = re.compile(r"is(e|ed|es|ing|ation|ations)$")


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    """British and American spellings as one: stabilising/stabilizing, organisation/organization."""
    return _BRITISH.sub(r"iz\1", word) if "is" in word else word


@lru_cache(maxsize=4096)
def grams(text: str, n: int) -> frozenset[tuple[str, ...]]:
    """Runs of n words, spellings made one; kept, since fusion asks for a document's more than once."""
    ws = [_norm(w) for w in words(text)]
    return frozenset(tuple(ws[i:i + n]) for i in range(len(ws) - n + 1))


@cache
def _cues(role: str, where: str) -> re.Pattern[str] | None:
    cues = load("lineage")["roles"][role].get(where) or []
    return re.compile("|".join(f"(?:{c})" for c in cues), re.IGNORECASE) if cues else None


def _matches(role: str, where: str, text: str) -> str:
    pattern = _cues(role, where)
    m = pattern.search(text) if pattern else None
    return m.group(0) if m else ""


def infer_role(doc: Document) -> tuple[str, str]:
    """(role, reason) from the document's text and publisher."""
    rules = load("lineage")
    head = doc.raw[:rules["head_characters"]]
    publisher = str(doc.get("publisher") or "")
    primary = rules["roles"]["primary_text"]
    points = len(_NUMBERED.findall(doc.text))
    obliged = [w for w in primary["obligation_words"] if re.search(rf"\b{w}\b", doc.text, re.IGNORECASE)]
    if points >= primary["numbered_points"] and obliged:
        return "primary_text", f"{points} numbered points worded with {obliged[0]!r}"
    for role in ("aggregator_rewrite", "official_statement"):
        cue = _matches(role, "publisher", publisher)
        if cue:
            return role, f"publisher {publisher!r} ({cue})"
        cue = _matches(role, "head", head)
        if cue:
            return role, f"the document opens with {cue!r}"
    return "independent_reporting", "no cue of another role"


def _shared_passages(later: Document, earlier_grams: frozenset) -> tuple[list[str], list[str]]:
    """Quotes and sentences of `later` found (mostly) in the earlier document."""
    rules = load("lineage")
    n, share = rules["gram_words"], rules["shared_share"]

    def found(passage: str) -> bool:
        g = grams(passage, n)
        return bool(g) and len(g & earlier_grams) / len(g) >= share

    quotes = [q for q in _QUOTE.findall(later.text) if len(q.split()) >= rules["min_quote_words"] and found(q)]
    sentences = [" ".join(later.text[s:e].split()) for s, e in sentence_spans(later.text)]
    copied = [s for s in sentences if len(s.split()) >= rules["min_sentence_words"] and found(s)]
    return quotes, copied


def _candidate_pairs(docs: Sequence[Document]) -> set[tuple[str, str]]:
    """Pairs of documents sharing a long word run (8 words), found through an index."""
    holders: dict[tuple, list[str]] = defaultdict(list)
    for d in docs:
        for g in grams(d.text, 8):
            holders[g].append(d.id)
    common = load("fusion")["boilerplate_documents"]
    pairs: Counter = Counter()
    for ids in holders.values():
        if 1 < len(ids) <= common:
            pairs.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if a != b)
    return set(pairs)


def _ordered(a: Document, b: Document, said: Mapping[str, str]) -> list[tuple[Document, Document]]:
    """The (earlier, later) orders the documents' dates allow: one when the dates tell, both when
    they do not (2025-11 and 2025-11-07), and then the quoting shows which is later."""
    da, db = said.get(a.id, ""), said.get(b.id, "")
    if da and db and dates.before(da, db) is True:
        return [(a, b)]
    if da and db and dates.before(db, da) is True:
        return [(b, a)]
    return [(a, b), (b, a)]


def _derivation(a: Document, b: Document, said: Mapping[str, str]) -> tuple[Document, Document, tuple, int] | None:
    rules = load("lineage")
    orders = _ordered(a, b, said)
    found = []
    for earlier, later in orders:
        quotes, copied = _shared_passages(later, grams(earlier.text, rules["gram_words"]))
        if quotes or (len(orders) == 1 and len(copied) >= rules["min_shared_sentences"]):
            found.append((earlier, later, tuple(dict.fromkeys((*quotes, *copied))), len(quotes) * 3 + len(copied)))
    if len(found) != 1:  # none, or each quotes the other: no direction to tell
        return None
    return found[0]


def _derivations(docs: Sequence[Document], said: Mapping[str, str]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """later id -> (earlier id, shared passages) for every report derived from an earlier one."""
    by_id = {d.id: d for d in docs}
    found: dict[str, tuple[str, tuple[str, ...], int]] = {}
    for a, b in sorted(_candidate_pairs(docs)):
        hit = _derivation(by_id[a], by_id[b], said)
        if hit is None:
            continue
        earlier, later, shared, weight = hit
        if later.id not in found or weight > found[later.id][2]:
            found[later.id] = (earlier.id, shared, weight)
    return {k: (v[0], v[1]) for k, v in found.items()}


def _root(doc_id: str, parents: Mapping[str, str]) -> str:
    seen = {doc_id}
    while doc_id in parents and parents[doc_id] not in seen:
        doc_id = parents[doc_id]
        seen.add(doc_id)
    return doc_id


def document_lineage(docs: Sequence[Document], said: Mapping[str, str],
                     given_roles: Mapping[str, str] | None = None) -> dict[str, Lineage]:
    """Every document's role and, for derived reports, what they re-report and their origin."""
    given_roles = given_roles or {}
    derived = _derivations(docs, said)
    parents = {k: v[0] for k, v in derived.items()}
    out = {}
    for d in docs:
        role, reason = infer_role(d)
        how = "inferred"
        if d.id in given_roles:
            role, reason, how = given_roles[d.id], "set by the user", "given"
        parent, shared = derived.get(d.id, ("", ()))
        out[d.id] = Lineage(role, how, reason, parent, _root(d.id, parents), shared)
    return out


def attributes(sentence: str) -> bool:
    """Does a sentence attribute what it says to someone (a re-reported statement)?"""
    low = " " + " ".join(words(sentence)) + " "
    return any(f" {cue} " in low for cue in load("lineage")["attribution"])

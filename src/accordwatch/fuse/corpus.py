"""The documents and spans fusion works over, with what every citation needs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from accordwatch.extract.sentences import sentence_spans
from accordwatch.fuse.lineage import Lineage, attributes, document_lineage, grams
from accordwatch.fuse.publishers import publisher_keys
from accordwatch.fuse.records import DocInfo, SpanRef
from accordwatch.fuse.rules import load
from accordwatch.fuse.text import sentence_around, squash
from accordwatch.model import ActorMention, Document, Span


@dataclass(frozen=True)
class Corpus:
    docs: tuple[Document, ...]
    spans: tuple[tuple[Span, ...], ...]  # per document, in the same order
    roles: tuple[tuple[str, str], ...] = ()  # (doc id, role) set by the user
    tiers: tuple[tuple[str, str], ...] = ()  # (publisher key, tier) set by the user

    @classmethod
    def of(cls, docs_with_spans: Sequence[tuple[Document, Sequence[Span]]], roles: dict[str, str] | None = None,
           tiers: dict[str, str] | None = None) -> Corpus:
        ordered = sorted(docs_with_spans, key=lambda ds: (said_on(ds[0]) or "9999", ds[0].source, ds[0].id))
        return cls(tuple(d for d, _ in ordered), tuple(tuple(s) for _, s in ordered),
                   tuple(sorted((roles or {}).items())), tuple(sorted((tiers or {}).items())))

    @cached_property
    def lineage(self) -> dict[str, Lineage]:
        return document_lineage(self.docs, {d.id: said_on(d) for d in self.docs}, dict(self.roles))

    @cached_property
    def _origin_grams(self) -> dict[str, frozenset]:
        origins = {lin.origin for lin in self.lineage.values() if lin.derived_from}
        return {o: grams(self.by_id[o].text, load("lineage")["gram_words"]) for o in origins}

    def origin_of(self, doc_id: str, sentence: str) -> str:
        """Whose claim a sentence is: its publisher's, or, in a report derived from another, the
        origin's when the sentence repeats the origin or attributes what it says."""
        lin = self.lineage[doc_id]
        if not lin.derived_from:
            return self.publishers[doc_id]
        rules = load("lineage")
        g = grams(sentence, rules["gram_words"])
        shared = bool(g) and len(g & self._origin_grams[lin.origin]) / len(g) >= rules["shared_share"]
        return self.publishers[lin.origin] if shared or attributes(sentence) else self.publishers[doc_id]

    @cached_property
    def publishers(self) -> dict[str, str]:
        return publisher_keys(self.docs)

    @cached_property
    def by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.docs}

    @cached_property
    def document_actors(self) -> dict[str, frozenset[str]]:
        """The canonical actors each document names."""
        return {d.id: frozenset(s.canonical for s in spans if isinstance(s, ActorMention) and s.canonical)
                for d, spans in zip(self.docs, self.spans)}

    def of_kind(self, kind: str) -> Iterator[Span]:
        for doc_spans in self.spans:
            yield from (s for s in doc_spans if s.kind == kind)

    @cached_property
    def _sentences(self) -> dict[str, list[tuple[int, int]]]:
        return {}

    def sentences(self, doc: Document) -> list[tuple[int, int]]:
        """The document's sentences, split once."""
        if doc.id not in self._sentences:
            self._sentences[doc.id] = sentence_spans(doc.text)
        return self._sentences[doc.id]

    def ref(self, span: Span) -> SpanRef:
        doc = self.by_id[span.doc_id]
        lo, hi = sentence_around(self.sentences(doc), span.start, span.end)
        sentence = squash(doc.text[lo:hi])
        return SpanRef(doc_id=doc.id, kind=span.kind, start=span.start, end=span.end, text=span.text,
                       source=doc.source, publisher=self.publishers[doc.id], said_on=said_on(doc),
                       sentence=sentence, sentence_start=lo, sentence_end=hi,
                       origin=self.origin_of(doc.id, sentence), tier=dict(self.tiers).get(self.publishers[doc.id], ""))

    def tier(self, publisher: str) -> str:
        return dict(self.tiers).get(publisher, "unrated")

    def doc_infos(self) -> tuple[DocInfo, ...]:
        out = []
        for d in self.docs:
            lin = self.lineage[d.id]
            out.append(DocInfo(d.id, d.source, str(d.get("title") or ""), self.publishers[d.id], said_on(d),
                               lin.role, lin.role_how, lin.role_reason, lin.derived_from, lin.origin,
                               self.tier(self.publishers[d.id])))
        return tuple(out)

    def latest_date(self) -> str:
        return max((said_on(d) for d in self.docs), default="")


def said_on(doc: Document) -> str:
    value = doc.get("published")
    return str(value)[:10] if value else ""

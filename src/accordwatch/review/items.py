"""What an analyst reviews: every extracted item with its source sentence, a confidence and
the decision in force; and decisions whose evidence vanished (reported, never dropped)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from accordwatch.extract.sentences import sentence_spans
from accordwatch.fuse.overrides import find_span
from accordwatch.fuse.text import sentence_around, squash
from accordwatch.model import ActorMention, Document, Span
from accordwatch.review.decisions import SPAN_KINDS, Decision, in_force, parse_span_target, span_target


@dataclass(frozen=True)
class Item:
    id: str  # "<kind>:<document hash>:<start>:<end>", what `accordwatch review` takes
    kind: str
    target: str
    text: str
    label: str
    detail: str
    sentence: str
    source: str
    confidence: float
    decision: str = ""  # the action in force: accept, edit, reject ("" when undecided)
    decided_by: str = ""

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def _detail(span: Span) -> str:
    parts = [f"{k}={', '.join(map(str, v)) if isinstance(v, tuple) else v}"
             for k, v in span.attrs().items() if v not in ("", None, (), [])]
    return " · ".join(parts)


def span_items(doc: Document, spans: Sequence[Span], decided: dict[tuple[str, str], Decision],
               kinds: Sequence[str] = SPAN_KINDS) -> list[Item]:
    sentences = sentence_spans(doc.text)
    # Decisions found on their span as fusion finds them: by offsets, or by overlap when a rule moved them.
    on_span: dict[int, Decision] = {}
    for (kind, target), d in decided.items():
        if kind in SPAN_KINDS and target.startswith(f"{doc.id}:"):
            found = find_span(spans, kind, *parse_span_target(target)[1:])
            if found is not None:
                on_span[id(found)] = d
    out = []
    for s in spans:
        if s.kind not in kinds:
            continue
        lo, hi = sentence_around(sentences, s.start, s.end)
        target = span_target(doc.id, s.start, s.end)
        decision = on_span.get(id(s))
        out.append(Item(f"{s.kind}:{target}", s.kind, target, s.text, s.label, _detail(s), squash(doc.text[lo:hi]),
                        doc.source, s.confidence, decision.action if decision else "", decision.who if decision else ""))
    return out


def review_items(store, kinds: Sequence[str] = SPAN_KINDS, doc_key: str = "", undecided: bool = False) -> list[Item]:
    """The stored items of `kinds`, as extracted (rejected ones included, marked), document by document."""
    decided = {(d.target_kind, d.target): d for d in in_force(store.engine)}
    rows = [store.get_document(doc_key)] if doc_key else [store.get_document(r.id) for r in store.documents()]
    out = []
    for doc in rows:
        if doc is not None:
            out.extend(span_items(doc, store.spans(doc.id), decided, kinds))
    return [i for i in out if not i.decision] if undecided else out


def orphans(store, record=None) -> list[tuple[Decision, str]]:
    """Decisions in force whose target is gone (its span, entity, event or claim is no longer
    extracted or computed), with what is missing. They stay stored and listed here."""
    from accordwatch.fuse import current_record

    record = record or current_record(store)
    cache: dict[str, list[Span] | None] = {}

    def spans_of(doc_id: str) -> list[Span] | None:
        if doc_id not in cache:
            cache[doc_id] = store.spans(doc_id) if store.get_document(doc_id) is not None else None
        return cache[doc_id]

    def span_gone(kind: str, target: str) -> str:
        doc_id, start, end = parse_span_target(target)
        spans = spans_of(doc_id)
        if spans is None:
            return f"document {doc_id[:12]} is no longer stored"
        return "" if find_span(spans, kind, start, end) else f"no {kind} at {start}-{end} any more"

    entities = {s.canonical for d in record.documents for s in (spans_of(d.id) or [])
                if isinstance(s, ActorMention)}
    claims = {c.id for c in record.claims}
    provisions = {f"{a.key}:{p.label}" for a in record.agreements for p in a.provisions}
    out = []
    for d in in_force(store.engine):
        if d.target_kind in SPAN_KINDS:
            why = span_gone(d.target_kind, d.target)
        elif d.target_kind == "split":
            why = span_gone("event", d.target)
        elif d.target_kind == "merge":
            why = span_gone("event", d.value["a"]) or span_gone("event", d.value["b"])
        elif d.target_kind == "entity":
            why = "" if d.target in entities or d.action == "reject" else f"no mention of {d.target} any more"
        elif d.target_kind == "claim":
            why = "" if d.target in claims else "the claim is no longer computed"
        elif d.target_kind == "track":
            why = "" if d.target in provisions else "the provision is no longer found"
        elif d.target_kind == "document":
            why = "" if spans_of(d.target) is not None else "the document is no longer stored"
        else:
            why = ""
        if why:
            out.append((d, why))
    return out

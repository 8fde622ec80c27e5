"""The analyst's decisions, applied on top of machine output when the record is computed.

Decisions are kept apart from the extracted spans (accordwatch.review stores them) and
keyed to stable identities, so re-extraction never loses them:

- a span (actor, figure, event, agreement, provision, timex) by (kind, document hash, start, end);
  a span that moved a little under new rules is found again by overlap;
- an entity by its canonical name;
- a merge of two events by one mention of each, a split by the mention taken out;
- a claim's verdict by the claim id (made from the figures' or facts' own identities);
- a provision's status by (agreement key, provision type);
- a document's role by its hash, a publisher's tier by its identity key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from accordwatch.model import ActorMention, Document, Event, Span

SpanKey = tuple[str, str, int, int]  # kind, doc id, start, end
# Fields an analyst may edit, per kind (offsets and text stay: they are the identity).
EDITABLE = {
    "event": ("label", "date", "modality", "source_actors", "target_actors", "location"),
    "figure": ("label", "value", "unit", "object", "qualifier", "time"),
    "actor": ("label", "canonical", "actor_type"),
    "agreement": ("name", "date", "place", "parties"),
    "provision": ("label", "term", "extension"),
    "timex": ("label", "value"),
}


@dataclass(frozen=True)
class StatusSetting:
    date: str
    status: str
    reason: str
    cite: str
    by: str


@dataclass(frozen=True)
class Overrides:
    spans: dict[SpanKey, tuple[str, dict[str, Any]]] = field(default_factory=dict)  # -> (action, edits)
    entities: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    merges: tuple[tuple[str, str], ...] = ()  # mention keys "doc:start:end" of the two events
    splits: frozenset[str] = frozenset()
    verdicts: dict[str, tuple[str, str]] = field(default_factory=dict)  # claim id -> (verdict, "who: why")
    statuses: dict[tuple[str, str], tuple[StatusSetting, ...]] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    tiers: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def mention_key(doc_id: str, start: int, end: int) -> str:
    return f"{doc_id}:{start}:{end}"


def _overlap(a: Span, start: int, end: int) -> float:
    inter = min(a.end, end) - max(a.start, start)
    return inter / max(a.end - a.start, end - start, 1) if inter > 0 else 0.0


def find_span(spans: Sequence[Span], kind: str, start: int, end: int) -> Span | None:
    """The span a decision names: the same offsets, else the one of its kind overlapping it most
    (at least half of the longer), as when a changed rule moved a boundary."""
    best, score = None, 0.5
    for s in spans:
        if s.kind != kind:
            continue
        if s.start == start and s.end == end:
            return s
        o = _overlap(s, start, end)
        if o >= score:
            best, score = s, o
    return best


def _edited(span: Span, edits: dict[str, Any]) -> Span:
    allowed = {k: (tuple(v) if isinstance(v, list) else v) for k, v in edits.items()
               if k in EDITABLE.get(span.kind, ())}
    return replace(span, **allowed, confidence=1.0) if allowed else span  # type: ignore[arg-type]


def _rename(span: Span, names: dict[str, str], dropped: set[str]) -> Span | None:
    """Entity decisions: a rejected entity's mentions go, an edited one's canonical name changes."""
    if isinstance(span, ActorMention):
        if span.canonical in dropped:
            return None
        return replace(span, canonical=names[span.canonical]) if span.canonical in names else span
    if isinstance(span, Event):
        def fix(actors: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(dict.fromkeys(names.get(a, a) for a in actors if a not in dropped))
        return replace(span, source_actors=fix(span.source_actors), target_actors=fix(span.target_actors))
    return span


def apply_to_spans(doc: Document, spans: Sequence[Span], overrides: Overrides) -> list[Span]:
    """A document's spans with the decisions on them applied: rejected ones out, edited ones changed."""
    decided: dict[int, tuple[str, dict[str, Any]]] = {}
    for (kind, doc_id, start, end), decision in overrides.spans.items():
        if doc_id == doc.id:
            found = find_span(spans, kind, start, end)
            if found is not None:
                decided[id(found)] = decision
    names = {k: v.get("canonical", k) for k, (action, v) in overrides.entities.items() if action == "edit"}
    dropped = {k for k, (action, _) in overrides.entities.items() if action == "reject"}
    out = []
    for s in spans:
        action, edits = decided.get(id(s), ("", {}))
        if action == "reject":
            continue
        if action == "edit":
            s = _edited(s, edits)
        elif action == "accept":
            s = replace(s, confidence=1.0)
        renamed = _rename(s, names, dropped) if (names or dropped) else s
        if renamed is not None:
            out.append(renamed)
    return out

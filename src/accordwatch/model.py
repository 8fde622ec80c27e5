"""The one data model every stage shares.

A `Document` holds the raw input and the clean text made from it once; every finding
(timex, actor, figure, event, agreement...) is a `Span` over that clean text with
half-open character offsets, so `doc.text[span.start:span.end] == span.text` always.
Stages are plain functions from these objects to these objects; only ingest/, store/
and serve/ touch the outside world.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Any, ClassVar, Literal

# How a metadata value was obtained: given by the user (sidecar, manifest, CLI, JSONL
# record), read from the document (HTML meta, dateline, title line), or inferred from
# its content (with a reason and a confidence).
How = Literal["given", "read", "inferred"]


def content_hash(text: str) -> str:
    """Stable document identity: SHA-256 of the decoded raw text, newlines normalised."""
    norm = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class MetaField:
    """One metadata value and how we came by it."""

    value: Any
    how: How
    source: str  # e.g. "sidecar", "manifest", "html-meta", "dateline", "title-line", "content"
    reason: str = ""
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "how": self.how, "source": self.source,
                "reason": self.reason, "confidence": self.confidence}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> MetaField:
        return cls(d["value"], d["how"], d["source"], d.get("reason", ""), d.get("confidence", 1.0))


# Metadata keys every stage can rely on (any may be absent).
META_KEYS = ("url", "title", "publisher", "published", "language", "author")


@dataclass(frozen=True)
class RawInput:
    """What ingest hands to cleaning: the input as text, plus what we know of where it came from.

    `raw` is always text: a text file as decoded, the visible text of an HTML page (one
    block a line, so that cleaning can remove lines and keep them), the text layer of a
    PDF. `id` is the content hash of the original input (the HTML source, the PDF bytes,
    the decoded text), so that the same input always gets the same identity.
    """

    source: str  # path, URL, "-" (stdin) or "file.jsonl#3"
    raw: str
    id: str
    media_type: Literal["text", "html", "pdf"] = "text"
    meta: dict[str, MetaField] = field(default_factory=dict)
    # Stage hints from ingest, e.g. {"main_text": trafilatura's main text of an HTML page}.
    hints: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Segment:
    """`length` characters of clean text starting at `clean_start` copy raw text at `raw_start`."""

    clean_start: int
    raw_start: int
    length: int


@dataclass(frozen=True)
class OffsetMap:
    """Maps clean-text offsets back to raw-text offsets.

    Clean text is a sequence of copied raw segments with short joins between them
    (a space where a hard wrap was, a blank line between paragraphs); a join maps to the
    raw position where the next segment starts.
    """

    segments: tuple[Segment, ...] = ()

    def to_raw(self, clean_offset: int) -> int:
        if not self.segments:
            return clean_offset
        starts = [s.clean_start for s in self.segments]
        i = bisect.bisect_right(starts, clean_offset) - 1
        if i < 0:
            return self.segments[0].raw_start
        seg = self.segments[i]
        delta = clean_offset - seg.clean_start
        if delta <= seg.length:
            return seg.raw_start + delta
        nxt = self.segments[i + 1] if i + 1 < len(self.segments) else None
        return nxt.raw_start if nxt else seg.raw_start + seg.length

    def to_list(self) -> list[list[int]]:
        return [[s.clean_start, s.raw_start, s.length] for s in self.segments]

    @classmethod
    def from_list(cls, rows: list[list[int]]) -> OffsetMap:
        return cls(tuple(Segment(*r) for r in rows))


@dataclass(frozen=True)
class RemovedLine:
    """A raw line that cleaning took out, kept with its raw offsets and why."""

    raw_start: int
    raw_end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Document:
    id: str  # content hash of the raw text
    source: str
    raw: str
    text: str  # clean text; never changes once made
    offsets: OffsetMap
    media_type: str = "text"
    removed: tuple[RemovedLine, ...] = ()
    meta: dict[str, MetaField] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        m = self.meta.get(key)
        return m.value if m is not None else default

    def with_meta(self, key: str, value: MetaField) -> Document:
        return replace(self, meta={**self.meta, key: value})

    @property
    def words(self) -> int:
        return len(self.text.split())


_set_attribute = object.__setattr__


def _one_step_init(cls: type) -> type:
    """Give a frozen dataclass an __init__ that sets the instance's dictionary in one step.

    The generated __init__ of a frozen dataclass calls object.__setattr__ once a field (its own
    __setattr__ refuses); spans are made by the thousand a document, and one call setting the whole
    dictionary, in field order, costs about half. Parameters, defaults and the attributes made are
    the same; equality, hashing, repr, pickling, replace() and fields() are the dataclass's own.
    Like dataclasses itself, the method is made from source text.
    """
    params, items, defaults = [], [], {}
    for f in fields(cls):
        if f.default_factory is not MISSING or not f.init:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain fields and defaults can be set in one step")
        if f.default is MISSING:
            params.append(f.name)
        else:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        items.append(f"{f.name!r}: {f.name}")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__, which the one-step __init__ would not call")
    source = f"def __init__(self, {', '.join(params)}):\n    _set_attribute(self, '__dict__', {{{', '.join(items)}}})\n"
    namespace: dict[str, Any] = {"_set_attribute": _set_attribute, **defaults}
    exec(source, namespace)  # noqa: S102 - the source is made above from the class's own field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = dict(cls.__init__.__annotations__)  # type: ignore[misc]
    init.__module__ = cls.__module__
    cls.__init__ = init  # type: ignore[misc]
    return cls


@_one_step_init
@dataclass(frozen=True)
class Span:
    """A finding over a document's clean text. Subclasses add kind-specific fields."""

    kind: ClassVar[str] = "span"

    doc_id: str
    start: int
    end: int
    text: str
    label: str
    rule_id: str
    confidence: float = 1.0

    def check(self, doc: Document) -> None:
        if doc.text[self.start:self.end] != self.text:
            raise ValueError(f"span {self.start}:{self.end} {self.text!r} does not match document text")

    def attrs(self) -> dict[str, Any]:
        """Kind-specific fields, for storage as JSON."""
        base = {f.name for f in fields(Span)}
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in base}


def make_span(doc: Document, start: int, end: int, label: str, rule_id: str,
              confidence: float = 1.0) -> Span:
    return Span(doc.id, start, end, doc.text[start:end], label, rule_id, confidence)


Granularity = Literal["day", "month", "year", "week", "season", "decade", "century", "quarter", "half", "time", "unknown"]


@_one_step_init
@dataclass(frozen=True)
class Timex(Span):
    """A TIMEX3 temporal expression. `label` holds the TIMEX3 type (DATE, TIME, DURATION, SET)."""

    kind: ClassVar[str] = "timex"

    value: str = ""  # TIMEX3 value: 2024-06-12, 2024-06, P5Y, PRESENT_REF, 2023-09-19/2023-09-20 ...
    mod: str = ""  # TIMEX3 mod: START, MID, END, MORE_THAN, LESS_THAN, APPROX, ...
    granularity: str = "unknown"
    # What a relative value was resolved against: "" (absolute), "dct" or "narrative".
    anchored_to: str = ""
    anchor_inferred: bool = False  # resolved against an inferred document date


@_one_step_init
@dataclass(frozen=True)
class ActorMention(Span):
    """A mention of an actor, resolved to a canonical entity where we can. `label` is the actor type."""

    kind: ClassVar[str] = "actor"

    canonical: str = ""  # "Nikol Pashinyan", "Azerbaijan"
    actor_id: str = ""  # gazetteer id (a Wikidata id where known), or "candidate:<name>"
    actor_type: str = ""  # state, leader, organisation, armed_force, population, body
    resolved_via: str = ""  # alias, metonymy (capital/ministry as speaker), context, candidate


@_one_step_init
@dataclass(frozen=True)
class Figure(Span):
    """A reported number and what it counts. `label` is "count", "measure", "money", "percent"..."""

    kind: ClassVar[str] = "figure"

    value: float | None = None
    unit: str = ""
    object: str = ""  # what is counted: "explosive hazards neutralised"
    qualifier: str = ""  # approximately, over, at least, up to, out of ...
    time: str = ""  # TIMEX3 value of the time the figure refers to, where stated
    relations: tuple[tuple[str, str], ...] = ()  # (relation, other figure's "start:end"), e.g. ("part_of", "120:127")


@_one_step_init
@dataclass(frozen=True)
class Event(Span):
    """A PLOVER event. `label` is the PLOVER event type; the span is the sentence part that states it."""

    kind: ClassVar[str] = "event"

    mode: str = ""
    source_actors: tuple[str, ...] = ()  # canonical names
    target_actors: tuple[str, ...] = ()
    date: str = ""  # TIMEX3 value or interval
    date_basis: str = ""  # "timex", "narrative" or "document"
    location: str = ""
    modality: str = "asserted"  # asserted, reported, planned, negated, hypothetical
    reported_by: str = ""  # canonical name of who reports it, for modality "reported"


@_one_step_init
@dataclass(frozen=True)
class Agreement(Span):
    """A mention of an agreement. Mentions of the same agreement share `agreement_key`."""

    kind: ClassVar[str] = "agreement"

    name: str = ""
    agreement_key: str = ""  # stable key of the agreement across documents
    date: str = ""
    place: str = ""
    parties: tuple[str, ...] = ()
    signatories: tuple[str, ...] = ()
    witnesses: tuple[str, ...] = ()
    status_mentions: tuple[str, ...] = ()  # signed, initialled, ratified, in force, valid, violated ...


@_one_step_init
@dataclass(frozen=True)
class Provision(Span):
    """A provision of an agreement; `label` is its type (ceasefire, deployment, body, corridor ...)."""

    kind: ClassVar[str] = "provision"

    agreement_key: str = ""
    term: str = ""  # TIMEX3 duration, e.g. P5Y
    extension: str = ""  # e.g. "automatic P5Y unless a party objects P6M before expiry"
    # Derived dates with their reasoning: (fact, TIMEX3 value, how it was derived).
    derived: tuple[tuple[str, str, str], ...] = ()


SPAN_KINDS: dict[str, type[Span]] = {
    cls.kind: cls for cls in (Span, Timex, ActorMention, Figure, Event, Agreement, Provision)
}

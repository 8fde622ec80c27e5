"""What fusion makes: one record across documents, as frozen dataclasses.

Every item keeps its evidence as `SpanRef`s, citations that resolve to stored spans
(document id, kind, offsets), so any line of a timeline, claim or brief can be traced
back to the sentence that said it, who published it and when.
"""

from __future__ import annotations

import dataclasses
import hashlib
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any


@dataclass(frozen=True)
class SpanRef:
    """A citation: a stored span, with the sentence it stands in and who said it when."""

    doc_id: str
    kind: str
    start: int
    end: int
    text: str
    source: str = ""  # the document's source (path or URL)
    publisher: str = ""  # publisher identity used for corroboration (see fuse.publishers)
    said_on: str = ""  # the document's date (stated or inferred), YYYY-MM-DD or coarser
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    # Whose claim this is for corroboration: the publisher, or the origin a derived report re-reports.
    origin: str = ""
    tier: str = ""  # the publisher's reliability tier, as the user set it ("" when unrated)


@dataclass(frozen=True)
class Mention:
    """One event mention as fusion sees it."""

    ref: SpanRef
    type: str
    date: str
    actors: tuple[str, ...] = ()
    modality: str = "asserted"
    reported_by: str = ""


@dataclass(frozen=True)
class FusedEvent:
    id: str
    type: str
    date: str  # the most precise date its mentions agree on (TIMEX3 value)
    date_start: str  # YYYY-MM-DD bounds of that date, for sorting and filtering
    date_end: str
    modality: str
    actors: tuple[str, ...]
    mentions: tuple[Mention, ...]
    corroboration: int  # independent sources (publishers, reposts and shared quotes counted once)
    label: str  # a representative mention text

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({m.ref.doc_id for m in self.mentions}))


@dataclass(frozen=True)
class Statement:
    """One source's value for a claim: what it said, about when, and when it said it."""

    ref: SpanRef
    value: str
    about: str = ""  # the time the value refers to, where stated
    said_by: str = ""
    note: str = ""


@dataclass(frozen=True)
class Claim:
    id: str
    kind: str  # "figure", "date"
    subject: str
    verdict: str  # agree, differ, more_precise, superseded, single
    statements: tuple[Statement, ...]
    explanation: str = ""
    origins: int = 0  # independent origins among the statements (a report re-reporting another counts once)
    reviewed: str = ""  # the analyst's decision on the verdict, where one was made: "who: why"


@dataclass(frozen=True)
class Deadline:
    fact: str  # start, end, extended_end, notice ...
    value: str
    how: str
    passed: bool = False
    refs: tuple[SpanRef, ...] = ()


@dataclass(frozen=True)
class StatusStep:
    date: str
    status: str  # "0".."3", terminated, superseded
    reason: str
    evidence: tuple[str, ...] = ()  # fused event ids
    refs: tuple[SpanRef, ...] = ()
    by: str = ""  # the analyst who set this step ("" for a step proposed from the events)
    cite: str = ""  # what the analyst cites for it


@dataclass(frozen=True)
class ProvisionStatus:
    label: str
    status: str  # the last step's status
    status_label: str  # readable: "3 full", "terminated early" ...
    term: str = ""
    extension: str = ""
    deadlines: tuple[Deadline, ...] = ()
    steps: tuple[StatusStep, ...] = ()
    warnings: tuple[str, ...] = ()
    refs: tuple[SpanRef, ...] = ()


@dataclass(frozen=True)
class AgreementStatus:
    key: str
    name: str
    date: str
    parties: tuple[str, ...]
    status_mentions: tuple[str, ...]
    provisions: tuple[ProvisionStatus, ...]
    refs: tuple[SpanRef, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({r.doc_id for r in self.refs}))


@dataclass(frozen=True)
class DocInfo:
    id: str
    source: str
    title: str = ""
    publisher: str = ""  # identity key, see fuse.publishers
    said_on: str = ""
    role: str = ""  # primary_text, official_statement, independent_reporting, aggregator_rewrite
    role_how: str = ""  # inferred or given
    role_reason: str = ""
    derived_from: str = ""  # the document it re-reports
    origin: str = ""  # the first document of its chain
    tier: str = "unrated"  # the publisher's reliability tier, set by the user


@dataclass(frozen=True)
class FusedRecord:
    events: tuple[FusedEvent, ...] = ()
    claims: tuple[Claim, ...] = ()
    agreements: tuple[AgreementStatus, ...] = ()
    documents: tuple[DocInfo, ...] = ()
    as_of: str = ""
    fingerprint: dict[str, Any] = field(default_factory=dict)


def stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{prefix}:{digest[:12]}"


def to_dict(obj: Any) -> Any:
    return dataclasses.asdict(obj)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type, data: Any) -> Any:
    """Rebuild a record class from `to_dict` output (lists back to tuples of dataclasses)."""
    hints = _hints(cls)
    kwargs = {f.name: _build(hints[f.name], data[f.name])
              for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


def _build(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    if origin is tuple:
        inner = typing.get_args(hint)[0]
        return tuple(_build(inner, v) for v in value)
    return value

"""find_events: PLOVER events over a document, with actors, date, location and modality.

Per sentence: triggers (triggers.yaml); actions that a frame governs are folded into it
("threatened to shell" is one THREATEN); a speech verb with a known speaker is a statement event
and makes the events of its content "reported"; a dated agreement named with no verb of its own
("the November 2020 ceasefire agreement between ...") is an AGREE event. Then each event gets its
source, targets, date (dating.py) and modality; duplicates are merged.
"""

from __future__ import annotations

from collections.abc import Sequence

from accordwatch.extract.agreements import find_agreements
from accordwatch.extract.events.actors import location, source_of, speaker_of, targets_of
from accordwatch.extract.events.dating import calendar_timexes, event_date, sentence_tense_dct
from accordwatch.extract.events.triggers import (
    CLAUSE_BREAK,
    Trigger,
    conditional,
    find_triggers,
    governed,
    modality,
    retyped,
)
from accordwatch.extract.sentences import sentence_spans
from accordwatch.model import ActorMention, Agreement, Document, Event, Timex


class _Context:
    """What every sentence of one document needs: its text, dated timexes, actors, agreements."""

    def __init__(self, doc: Document, actors: Sequence[ActorMention], timexes: Sequence[Timex], dct: str | None):
        self.doc, self.text = doc, doc.text
        self.triggers = find_triggers(doc.text)
        self.tx = calendar_timexes(timexes)
        self.actors = sorted((a for a in actors if a.canonical), key=lambda a: a.start)
        self.dct = dct or ""
        self.agreements = find_agreements(doc, actors, timexes)[0]
        self.bound = {t.start for t in self.tx for a in self.agreements if a.start <= t.start < a.end}
        self.last_source: tuple[str, ...] = ()
        self.last_speaker: tuple[str, ...] = ()
        self.agreement_of: dict[int, str] = {}  # id(event) -> agreement_key, for merging


def find_events(doc: Document, actors: Sequence[ActorMention], timexes: Sequence[Timex],
                dct: str | None) -> list[Event]:
    ctx = _Context(doc, actors, timexes, dct)
    events: list[Event] = []
    for lo, hi in sentence_spans(doc.text):
        events.extend(_sentence_events(ctx, lo, hi))
    return _merge(events, ctx.agreement_of)


def _sentence_events(ctx: _Context, lo: int, hi: int) -> list[Event]:
    text = ctx.text
    trigs = [t for t in ctx.triggers if lo <= t.start < hi]
    folded = governed(text, trigs)
    speech = [t for t in trigs if t.role == "speech"]
    speaker = speaker_of(text, lo, hi, speech, ctx.actors) if speech else ()
    if speech and not speaker and _pronoun_speaker(text, speech[0]):
        speaker = ctx.last_speaker
    if speaker:
        ctx.last_speaker = speaker
    agreements = [a for a in ctx.agreements if lo <= a.start < hi]
    out: list[Event] = []
    for t in trigs:
        if t.role == "speech" or t in folded:
            continue
        out.append(_event(ctx, lo, hi, t, speech, speaker, agreements))
    if agreements and not any(t.role == "agreement" for t in trigs):
        out.extend(_agreement_events(ctx, lo, hi, agreements))
    if speech and speaker:
        out.append(_statement(ctx, lo, hi, speech[0], speaker))
    return _one_per_type(out)


def _pronoun_speaker(text: str, t: Trigger) -> bool:
    before = text[max(0, t.start - 30):t.start].lower().split()[-2:]
    return any(w in ("it", "he", "she", "they", "ministry", "statement") for w in before)


def _event(ctx: _Context, lo: int, hi: int, t: Trigger, speech: list[Trigger], speaker: tuple[str, ...],
           agreements: list[Agreement]) -> Event:
    text = ctx.text
    mod = modality(text, lo, hi, t)
    kind = retyped(t.rule.type, mod, conditional(text, t, hi), t.role)
    reported = speaker if any(s.start < t.start for s in speech) or any(s.start > t.end for s in speech) else ()
    src = source_of(text, lo, hi, t, ctx.actors, after=max((s.end for s in speech if s.end <= t.start), default=lo))
    if not src:
        src = reported or ctx.last_source
    ctx.last_source = src or ctx.last_source
    tgt = targets_of(text, t, hi, ctx.actors, src)
    agreement = _governed_agreement(t, agreements) if t.role == "agreement" else None
    if agreement is not None and agreement.date:
        date, basis = agreement.date, "timex"
        tgt = tuple(dict.fromkeys([*tgt, *agreement.parties, *agreement.signatories]))
    else:
        date, basis = event_date(text, lo, hi, t.start, t.end, ctx.tx, ctx.bound, ctx.dct,
                                 statement=False, present=sentence_tense_dct(text, lo, t.start))
    start = min(t.start, _source_start(ctx, lo, t.start, src))
    ev = Event(ctx.doc.id, start, _clause_end(text, t.end, hi), text[start:_clause_end(text, t.end, hi)],
                 kind, t.rule.id, 0.7, mode=t.rule.mode if kind == t.rule.type else "",
                 source_actors=src, target_actors=tuple(a for a in tgt if a not in src), date=date,
                 date_basis=basis, location=location(text, t.end, hi, ctx.actors),
                 modality="reported" if reported and mod == "asserted" else mod,
                 reported_by=reported[0] if reported else "")
    if agreement is not None:
        ctx.agreement_of[id(ev)] = agreement.agreement_key
    return ev


def _governed_agreement(t: Trigger, agreements: list[Agreement]) -> Agreement | None:
    """The agreement a conclusion verb acts on: the nearest one named in its sentence."""
    if not agreements:
        return None
    return min(agreements, key=lambda a: abs(a.start - t.end) if a.start >= t.start else abs(t.start - a.end) + 40)


def _agreement_events(ctx: _Context, lo: int, hi: int, agreements: list[Agreement]) -> list[Event]:
    """A dated agreement named without a verb of conclusion is itself the record of an AGREE event."""
    out = []
    for a in agreements:
        if not a.date:
            continue
        inside = tuple(x.canonical for x in ctx.actors if a.start <= x.start < a.end)
        actors = tuple(dict.fromkeys([*a.parties, *inside, *a.signatories]))
        ev = Event(ctx.doc.id, a.start, a.end, a.text, "AGREE", "event.agreement_mention", 0.6,
                   mode="", source_actors=actors, date=a.date, date_basis="timex",
                   modality="asserted", location=a.place)
        ctx.agreement_of[id(ev)] = a.agreement_key
        out.append(ev)
    return out


def _statement(ctx: _Context, lo: int, hi: int, t: Trigger, speaker: tuple[str, ...]) -> Event:
    date, basis = event_date(ctx.text, lo, hi, t.start, t.end, ctx.tx, ctx.bound, ctx.dct, statement=True,
                             present=sentence_tense_dct(ctx.text, lo, t.start))
    end = _clause_end(ctx.text, t.end, hi)
    return Event(ctx.doc.id, lo, end, ctx.text[lo:end], "OTHER", "event.statement", 0.6, mode="statement",
                 source_actors=speaker, date=date, date_basis=basis, modality="asserted")


def _source_start(ctx: _Context, lo: int, pos: int, src: tuple[str, ...]) -> int:
    starts = [a.start for a in ctx.actors if lo <= a.start < pos and a.canonical in src]
    return min(starts) if starts else pos


def _clause_end(text: str, pos: int, hi: int) -> int:
    m = CLAUSE_BREAK.search(text, pos, hi)
    end = m.start() if m else hi
    return end if end > pos else hi


def _one_per_type(events: list[Event]) -> list[Event]:
    """One event of a type per sentence ("cleared ..., demined ..., inspected ..." is one AID)."""
    seen: dict[str, Event] = {}
    for e in events:
        if e.label not in seen or (e.date_basis == "timex" and seen[e.label].date_basis != "timex"):
            seen[e.label] = e
    return sorted(seen.values(), key=lambda e: e.start)


def _merge(events: list[Event], agreement_of: dict[int, str]) -> list[Event]:
    """One statement per speaker and date (a report quotes one statement many times), and one
    conclusion event per agreement (named again and again after it was signed)."""
    out: list[Event] = []
    seen: set[tuple[str, ...]] = set()
    for e in events:
        if e.rule_id == "event.statement":
            key: tuple[str, ...] = ("statement", *e.source_actors[:1], e.date)
        elif id(e) in agreement_of:
            key = ("agree", agreement_of[id(e)])
        else:
            out.append(e)
            continue
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out

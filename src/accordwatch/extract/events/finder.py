"""find_events: PLOVER events over a document, with actors, date, location and modality.

Per sentence: triggers (triggers.yaml); actions that a frame governs are folded into it
("threatened to shell" is one THREATEN); a speech verb with a known speaker is a statement event
and makes the events of its content "reported"; a dated agreement named with no verb of its own
("the November 2020 ceasefire agreement between ...") is an AGREE event. Then each event gets its
source, targets, date (dating.py) and modality; duplicates are merged (merge.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from accordwatch.extract.agreements import find_agreement_mentions
from accordwatch.extract.agreements.timeline import NarrativeClock
from accordwatch.extract.events.actors import (
    CLAUSE_COMMA,
    in_fronted_clause,
    location,
    passive_agent_at,
    source_of,
    speaker_of,
    targets_of,
)
from accordwatch.extract.events.dating import (
    calendar_timexes,
    clause_timex,
    event_date,
    opening_timex,
    sentence_tense_dct,
)
from accordwatch.extract.events.letters import first_letter
from accordwatch.extract.events.lexicon import modality_rules
from accordwatch.extract.events.merge import (
    drop_undated_retellings,
    fold_into_statements,
    merge,
    one_per_type,
)
from accordwatch.extract.events.triggers import (
    CLAUSE_BREAK,
    Trigger,
    clause_start,
    conditional,
    find_triggers,
    governed,
    in_background,
    main_trigger,
    modality,
    retyped,
    words_between,
)
from accordwatch.extract.sentences import sentences
from accordwatch.model import ActorMention, Agreement, Document, Event, Timex

AIM = re.compile(r"\b(?:mandate|aim|goal|task|purpose|objective|efforts?)\b[^.;]{0,25}\bto\s+$", re.IGNORECASE)
AGREEMENT_NOUN = re.compile(r"\b(?:agreements?|statements?|declarations?|treat(?:y|ies)|documents?|accords?)\s+$",
                            re.IGNORECASE)
# Phrases that make what follows them in their clause an aim, however far the trigger is.
# (Written to start with its first letters, see letters.py.)
AIM_OPENER = re.compile(first_letter("wisa") + r"(?<!\w.)(?:(?<=w)ith a view to|(?<=i)n order to|(?<=s)o as to|"
                        r"(?<=w)ith the (?:aim|goal|purpose|objective) of|(?<=a)imed at|(?<=i)n an effort to)\b",
                        re.IGNORECASE)
STRONG_BREAK = re.compile(r"[;:()\u2014\u2013]|\s-\s|\b(?:that|which|who|but|while|whereas)\b")
# Types of reactions to other events: what they are about carries its own date.
REACTIONS = frozenset({"SUPPORT", "ACCUSE", "REJECT", "PROTEST"})
DEMONSTRATIVE = re.compile(r"\b(?:[Tt]his|[Tt]hese|[Tt]hose|[Ss]uch)\s+(?:[a-z-]+\s+)?$")
PRESENT_IN_TRIGGER = re.compile(r"\b(?:is|are|remains?)\b", re.IGNORECASE)
TO_BEFORE = re.compile(r"\bto\s+$")
CONDITION = re.compile(first_letter("iuw") + r"(?<!\w.)(?:(?<=i)f|(?<=u)nless|(?<=w)hether)\b", re.IGNORECASE)


class _Context:
    """What every sentence of one document needs: its text, dated timexes, actors, agreements."""

    def __init__(self, doc: Document, actors: Sequence[ActorMention], timexes: Sequence[Timex], dct: str | None):
        self.doc, self.text = doc, doc.text
        self.triggers = find_triggers(doc.text)  # in text order
        self.trigger_starts = [t.start for t in self.triggers]
        self.all_tx = calendar_timexes(timexes)
        self.tx_starts = [t.start for t in self.all_tx]
        self.tx = self.all_tx  # the sentence at hand's, see at_sentence
        self.actors = sorted((a for a in actors if a.canonical), key=lambda a: a.start)
        self.actor_starts = [a.start for a in self.actors]
        self.here = self.actors  # the sentence at hand's, see at_sentence
        self.dct = dct or ""
        self.agreements = find_agreement_mentions(doc, actors, timexes)[0]
        self.bound = {t.start for t in self.all_tx for a in self.agreements if a.start <= t.start < a.end}
        self.last_source: tuple[str, ...] = ()
        self.last_speaker: tuple[str, ...] = ()
        self.agreement_of: dict[int, str] = {}  # id(event) -> agreement_key, for merging
        self._clause_starts: dict[int, int] = {}  # trigger start -> start of its clause
        self._clock: NarrativeClock | None = None  # the document's narrative time, made when first asked
        self._opening: Timex | None | bool = False  # the sentence at hand's opening timex, see opening

    def narrative_at(self, pos: int, statement: bool) -> str:
        """The narrative time at `pos`; for a statement, the dates in agreements' names do not count."""
        if self._clock is None:
            self._clock = NarrativeClock(self.text, self.all_tx, self.dct)
        return self._clock.at(pos, self.bound if statement else frozenset())

    def clause_of(self, lo: int, t: Trigger) -> int:
        """Where the clause of trigger t (in the sentence starting at lo) starts; asked for more than once."""
        at = self._clause_starts.get(t.start)
        if at is None:
            at = self._clause_starts[t.start] = clause_start(self.text, lo, t.start)
        return at

    def triggers_in(self, lo: int, hi: int) -> list[Trigger]:
        return self.triggers[bisect.bisect_left(self.trigger_starts, lo):bisect.bisect_left(self.trigger_starts, hi)]

    def at_sentence(self, lo: int, hi: int) -> None:
        """Narrow the timexes and actors to the sentence [lo, hi) (every use is within one sentence)."""
        self.here = self.actors[bisect.bisect_left(self.actor_starts, lo):bisect.bisect_left(self.actor_starts, hi)]
        self.tx = self.all_tx[bisect.bisect_left(self.tx_starts, lo):bisect.bisect_left(self.tx_starts, hi)]
        self._opening = False  # not found yet

    def opening(self, lo: int) -> Timex | None:
        """The sentence's opening timex (dating.opening_timex), found once for all its events."""
        if self._opening is False:
            self._opening = opening_timex(self.text, self.tx, lo, self.bound)
        return self._opening  # type: ignore[return-value]

    def in_agreement_name(self, t: Trigger) -> bool:
        """"the Statement on ... the termination of all hostilities": words of a name are not events."""
        return t.role != "agreement" and any(a.start <= t.start < a.end for a in self.agreements)


def find_events(doc: Document, actors: Sequence[ActorMention], timexes: Sequence[Timex],
                dct: str | None) -> list[Event]:
    ctx = _Context(doc, actors, timexes, dct)
    events: list[Event] = []
    for lo, hi in sentences(doc.text):
        events.extend(_sentence_events(ctx, lo, hi))
    return fold_into_statements(drop_undated_retellings(merge(ctx.text, events, ctx.agreement_of)))


def _sentence_events(ctx: _Context, lo: int, hi: int) -> list[Event]:
    text = ctx.text
    trigs = ctx.triggers_in(lo, hi)
    agreements = [a for a in ctx.agreements if lo <= a.start < hi]
    if not trigs and not agreements:
        return []  # every event comes from a trigger or a named agreement; the rest only reads the context
    ctx.at_sentence(lo, hi)
    if ctx.agreements:
        trigs = [t for t in trigs if not ctx.in_agreement_name(t)]
    speech = [t for t in trigs if t.role == "speech"]
    statements = [t for t in speech if t.rule.mode == "statement"]
    speaker = speaker_of(text, lo, hi, statements[0], ctx.here) if statements else ()
    if statements and not speaker and _pronoun_speaker(text, statements[0]):
        speaker = ctx.last_speaker
    if speaker:
        ctx.last_speaker = speaker
    concluding = any(t.role == "agreement" for t in trigs)
    out = [e for t in _acts(ctx, lo, hi, trigs) if (e := _event(ctx, lo, hi, t, speech, speaker, agreements))]
    if agreements and not concluding:
        out.extend(_agreement_events(ctx, lo, hi, agreements, speaker))
    if statements and speaker:
        said = _statement(ctx, lo, hi, statements[0], speaker)
        if not any(e.source_actors[:1] == speaker and e.date == said.date for e in out):
            out.append(said)  # else the content event already records what was said, by whom, when
    return one_per_type(text, out)


def _acts(ctx: _Context, lo: int, hi: int, trigs: list[Trigger]) -> list[Trigger]:
    """The triggers of a sentence that state events of their own."""
    text = ctx.text
    folded = governed(text, trigs)
    main: list[Trigger | None] = []  # the sentence's main trigger, found only where a rule asks for it

    def is_main(t: Trigger) -> bool:
        if not main:
            main.append(main_trigger(trigs, text))
        return t is main[0]

    out = []
    for t in trigs:
        if t.role == "speech" or t in folded or _in_condition(text, ctx.clause_of(lo, t), t):
            continue
        if _background(ctx, lo, hi, t) or _purpose(text, lo, t, is_main) or _aside(text, lo, t) \
                or _reduced_relative(text, lo, t) or _referred_back(text, lo, t):
            continue
        if t.rule.type == "CONSULT" and any(c.role == "agreement" and words_between(text, c.end, t.start) <= 6
                                            for c in trigs if c.end <= t.start):
            continue  # "a decision was made at the Moscow summit": the summit is where it was agreed
        out.append(t)
    return out


def _background(ctx: _Context, lo: int, hi: int, t: Trigger) -> bool:
    """A nominal trigger inside a prepositional phrase ("during these talks", "in the aftermath of renewed
    clashes", "following Russia's withdrawal") is background to the sentence, not its event, unless it
    carries its own date ("at their meeting on October 31, 2022")."""
    if t.role in ("agreement", "frame") or not in_background(ctx.text, lo, t.start):
        return False
    own = clause_timex(ctx.text, ctx.tx, lo, hi, t.start, t.end, ctx.bound)
    return own is None or own.start < t.start


def _referred_back(text: str, lo: int, t: Trigger) -> bool:
    """"Those talks led to ...", "this offensive": a demonstrative names an act told before, not a new one."""
    return t.role == "action" and bool(DEMONSTRATIVE.search(text, max(lo, t.start - 25), t.start))


def _aside(text: str, lo: int, t: Trigger) -> bool:
    """A trigger inside parentheses is an aside ("(attribution: ...; EU summit declarations)")."""
    before = text[lo:t.start]
    return before.count("(") > before.count(")")


def _reduced_relative(text: str, lo: int, t: Trigger) -> bool:
    """"trilateral agreements signed with Armenia": a participle describing an agreement noun names no new
    act (a dated agreement named so is an event of its own, see _agreement_events)."""
    return t.role == "agreement" and bool(AGREEMENT_NOUN.search(text, max(lo, t.start - 20), t.start))


def _purpose(text: str, lo: int, t: Trigger, is_main: Callable[[Trigger], bool]) -> bool:
    """"its mandate was to unblock ...", "an effort to support stability": an aim, not an event; but
    "ready to facilitate", "agreed to establish" are intentions (planned events). A sentence's main
    trigger is an aim only after a noun that says so."""
    if _after_aim_opener(text, lo, t.start):
        return True
    before = text[max(lo, t.start - 60):t.start]
    if not TO_BEFORE.search(before):
        return False
    if is_main(t):
        return bool(AIM.search(before))
    return not modality_rules().planned.search(" ".join(before.split()[-3:]))


def _after_aim_opener(text: str, lo: int, pos: int) -> bool:
    """"organized with a view to maintaining the work on normalizing relations", "efforts aimed at
    de-escalating tensions, stabilizing the border, unblocking links": an aim opened mid-sentence runs
    over a list up to a strong break; a fronted one ("In order to end the war, they signed") ends at
    its comma."""
    for m in AIM_OPENER.finditer(text, lo, pos):
        fronted = len(text[lo:m.start()].split()) <= 2
        if not (CLAUSE_BREAK if fronted else STRONG_BREAK).search(text, m.end(), pos):
            return True
    return False


def _in_condition(text: str, clause_lo: int, t: Trigger) -> bool:
    """An action named only as a condition ("unless Baku and Yerevan refuse") did not happen."""
    return bool(CONDITION.search(text, clause_lo, t.start))


def _pronoun_speaker(text: str, t: Trigger) -> bool:
    before = text[max(0, t.start - 30):t.start].lower().split()[-2:]
    return any(w in ("it", "he", "she", "they", "ministry", "statement") for w in before)


def _event(ctx: _Context, lo: int, hi: int, t: Trigger, speech: list[Trigger], speaker: tuple[str, ...],
           agreements: list[Agreement]) -> Event | None:
    text = ctx.text
    mod = modality(text, lo, hi, t, ctx.clause_of(lo, t))
    kind = retyped(t.rule.type, mod, False, t.role)
    if mod == "asserted" and conditional(text, t, hi):
        mod = "hypothetical"
    reported = speaker if any(s.start < t.start for s in speech) or any(s.start > t.end for s in speech) else ()
    src = source_of(text, lo, hi, t, ctx.here, after=max((s.end for s in speech if s.end <= t.start), default=lo))
    fronted = in_fronted_clause(text, lo, t.start)  # "When hostilities resumed, ...": its own agent or none
    if not src and not fronted and passive_agent_at(text, lo, hi, t) is None:
        src = reported or ctx.last_source
    ctx.last_source = src or ctx.last_source
    tgt = targets_of(text, t, _fronted_clause_end(text, t.end, hi) if fronted else hi, ctx.here, src)
    agreement = _governed_agreement(t, agreements) if t.role == "agreement" else None
    if agreement is not None and agreement.date:
        date, basis = agreement.date, "timex"
        tgt = tuple(dict.fromkeys([*tgt, *agreement.parties, *agreement.signatories]))
    else:
        present = sentence_tense_dct(text, lo, t.start) or _present_reaction(ctx, lo, t) \
            or bool(PRESENT_IN_TRIGGER.search(text, t.start, t.end))  # "contingent is located"
        date, basis = event_date(text, lo, hi, t.start, t.end, ctx.tx, ctx.narrative_at, ctx.bound, ctx.dct,
                                 statement=t.role == "frame", present=present, opening=ctx.opening(lo),
                                 heads=_reaction_objects(ctx, t, hi, agreements) if present else [])
    if t.rule.dated_by == "until":
        date, basis = _until_date(ctx, t, hi) if mod in ("asserted", "reported") else ("", "")
        if not date:
            return None  # an end "until" no stated date, or a planned one, states no event
    elif mod == "planned" and basis != "timex" and ctx.dct:
        date, basis = ctx.dct, "document"  # a plan without a date of its own: as stated at the report's date
    start, end = min(t.start, _source_start(ctx, lo, t.start, src)), _clause_end(text, t.end, hi)
    ev = Event(ctx.doc.id, start, end, text[start:end],
                 kind, t.rule.id, 0.7, mode=t.rule.mode if kind == t.rule.type else "",
                 source_actors=src, target_actors=tuple(a for a in tgt if a not in src), date=date,
                 date_basis=basis, location=location(text, t.end, hi, ctx.here),
                 modality="reported" if reported and mod == "asserted" else mod,
                 reported_by=reported[0] if reported else "")
    if agreement is not None:
        ctx.agreement_of[id(ev)] = agreement.agreement_key
    return ev


def _until_date(ctx: _Context, t: Trigger, hi: int) -> tuple[str, str]:
    """The date right after the trigger's "until": the end of what it says lasted until then."""
    after = next((x for x in ctx.tx if t.end <= x.start < hi), None)
    if after is None or len(ctx.text[t.end:after.start].split()) > 2:
        return "", ""
    return after.value, "timex"


def _governed_agreement(t: Trigger, agreements: list[Agreement]) -> Agreement | None:
    """The agreement a conclusion verb acts on: the nearest one named in its sentence."""
    if not agreements:
        return None
    return min(agreements, key=lambda a: abs(a.start - t.end) if a.start >= t.start else abs(t.start - a.end) + 40)


def _agreement_events(ctx: _Context, lo: int, hi: int, agreements: list[Agreement],
                      speaker: tuple[str, ...]) -> list[Event]:
    """A dated agreement named without a verb of conclusion is itself the record of an AGREE event."""
    out = []
    for a in agreements:
        if not a.date:
            continue
        inside = tuple(x.canonical for x in ctx.here if a.start <= x.start < a.end)
        actors = tuple(dict.fromkeys([*a.parties, *inside, *a.signatories])) or speaker or ctx.last_source
        ev = Event(ctx.doc.id, a.start, a.end, a.text, "AGREE", "event.agreement_mention", 0.6,
                   mode="", source_actors=actors, date=a.date, date_basis="timex",
                   modality="asserted", location=a.place)
        ctx.agreement_of[id(ev)] = a.agreement_key
        out.append(ev)
    return out


def _statement(ctx: _Context, lo: int, hi: int, t: Trigger, speaker: tuple[str, ...]) -> Event:
    date, basis = event_date(ctx.text, lo, hi, t.start, t.end, ctx.tx, ctx.narrative_at, ctx.bound, ctx.dct,
                             statement=True, present=sentence_tense_dct(ctx.text, lo, t.start, statement=True),
                             opening=ctx.opening(lo))
    end = _clause_end(ctx.text, t.end, hi)
    return Event(ctx.doc.id, lo, end, ctx.text[lo:end], "OTHER", "event.statement", 0.6, mode="statement",
                 source_actors=speaker, date=date, date_basis=basis, modality="asserted")


def _present_reaction(ctx: _Context, lo: int, t: Trigger) -> bool:
    """"Moscow welcomes the initialing ...": a reaction in the present tense, its verb right after its
    subject; it holds at the report's date."""
    word = ctx.text[t.start:t.end].split()[0].lower()
    return t.rule.type in REACTIONS and word.endswith("s") and not word.endswith("ss") and any(
        a.end <= t.start and not ctx.text[a.end:t.start].strip() for a in ctx.here if a.start >= lo)


def _reaction_objects(ctx: _Context, t: Trigger, hi: int, agreements: list[Agreement]) -> list[int]:
    """Where a reaction (welcomes, condemns, rejects ...) has event nouns after it in its sentence, their
    starts: a date after them is theirs ("welcomes the initialing ... in August")."""
    if t.rule.type not in REACTIONS:
        return []
    return [o.start for o in ctx.triggers if t.end <= o.start < hi and o.role != "speech"] + \
        [a.start for a in agreements if t.end <= a.start < hi]


def _fronted_clause_end(text: str, pos: int, hi: int) -> int:
    m = CLAUSE_COMMA.search(text, pos, hi)
    return m.start() if m else hi


def _source_start(ctx: _Context, lo: int, pos: int, src: tuple[str, ...]) -> int:
    starts = [a.start for a in ctx.here if lo <= a.start < pos and a.canonical in src]
    return min(starts) if starts else pos


def _clause_end(text: str, pos: int, hi: int) -> int:
    m = CLAUSE_BREAK.search(text, pos, hi)
    end = m.start() if m else hi
    return end if end > pos else hi

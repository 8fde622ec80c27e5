"""Who did it to whom: source, targets, speaker and location of an event in its sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from accordwatch.extract.events.letters import first_letter
from accordwatch.extract.events.triggers import Trigger
from accordwatch.model import ActorMention

# An actor right after one of these is an object or a place, not the subject. (Written to start with its first
# letters, see letters.py.)
PREPOSITION = re.compile(first_letter("otwafibul") + r"(?<!\w.)(?:(?<=o)f|(?<=t)o|(?<=w)ith|(?<=a)gainst|(?<=f)rom|"
                         r"(?<=i)nto|(?<=b)etween|(?<=a)mong|(?<=f)or|(?<=o)n|(?<=i)n|(?<=a)t|(?<=o)ver|(?<=t)oward|"
                         r"(?<=t)owards|(?<=u)nder|(?<=a)bout|(?<=t)han|(?<=i)ncluding|(?<=l)ike|(?<=w)hom)"
                         r"\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)
# Both are matched at a sentence's start (pattern.match(text, lo, pos): no copy of the sentence).
FRONTED = re.compile(r"(?:In|On|At|After|Following|When|Under|Since|As|During|Building|According|Before|Despite|"
                     r"While|With|Once|Later|Amid)\b")
# Conjunctions that open a subordinate clause (never a preposition: "After the talks, ..." is a phrase).
SUBORDINATE_OPENER = re.compile(r"(?:When|Whenever|While|Whereas|Although|Though|Because|Once|If|Unless|As soon as)\b")
CLAUSE_COMMA = re.compile(r",(?!\s*\d)")  # not the comma of "October 31, 2022"
# After a subject, an appositive ("(NUT), the umbrella union for teachers,", ", a key U.S. ally ...,") and at
# most three words ("has refused to") before the verb.
APPOSITIVE = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?,\s*(?:a|an|the|its|his|her|their|[A-Z][\w-]*['’]s)\s"
                        r"(?:[^,;:.()\"“”]|\.(?=\S|\s+[a-z])){1,80},\s*(?:[\w'’-]+\s+){0,3}$")
# Nouns of forces moving, whose "of" phrase names who moves (the nouns of other acts name the patient there:
# "the killing of civilians").
MOVE_NOUN = re.compile(r"\b(?:withdrawal|deployment|pull-?out|redeployment|demobili[sz]ation|mobili[sz]ation|arrival|"
                       r"presence)(?:\s+of)?$", re.IGNORECASE)
OF_ARTICLE = re.compile(r"\s*(?:of\s+)?(?:the\s+|its\s+|their\s+)?")
PASSIVE = re.compile(first_letter("wbia") + r"(?<!\w.)(?:(?<=w)(?:as|ere)|(?<=b)(?:een|e|eing)|(?<=i)s|(?<=a)re)"
                     r"\s+(?:\w+\s+)?$", re.IGNORECASE)
# That is \b(?:in|at)\s+..., written to start with "i" or "a" (re then skips at once to those letters, where a
# pattern starting with \b is tried at every position); "(?<!\w.)" after that letter is the word boundary before it.
PLACE = re.compile(r"(?:i(?<!\w.)n|a(?<!\w.)t)\s+(?:the\s+)?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)")
# What joins coordinated names: a comma, "and", ", and", "&" (with "or" for objects of a preposition).
JOINER = re.compile(r"\s*(?:,|and|,\s*and|&)\s*")
OBJECT_JOINER = re.compile(r"\s*(?:,|and|,\s*and|or|&)\s*")
BY_AGENT = re.compile(r"\s*(?:\w+\s+){0,3}?by\s+")
SEGMENT_CUT = re.compile(r",\s(?![A-Z])|,\s(?=[A-Z][a-z]+ [a-z])")
SPEAKER_BREAK = re.compile(r"[.;:\"\u201d]|\b(?:that|which|who)\b")
MONTHS = frozenset(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"])


def _subject_region_start(text: str, lo: int, pos: int) -> int:
    """Skip a fronted adverbial ("Following the events of late September, the parties ...")."""
    if FRONTED.match(text, lo, pos):
        comma = text.find(",", lo, pos)
        if comma != -1:
            return comma + 1
    return lo


def _coordinated(text: str, chosen: ActorMention, pool: list[ActorMention]) -> list[ActorMention]:
    """The chosen subject and the actors joined to it by "and" or commas ("Russia and Azerbaijan")."""
    group = [chosen]
    for a in sorted(pool, key=lambda a: -a.start):
        first = group[0]
        if a.end <= first.start and JOINER.fullmatch(text[a.end:first.start]):
            group.insert(0, a)
    for a in sorted(pool, key=lambda a: a.start):
        last = group[-1]
        if a.start >= last.end and JOINER.fullmatch(text[last.end:a.start]):
            group.append(a)
    return group


def in_fronted_clause(text: str, lo: int, pos: int) -> bool:
    """Whether `pos` lies in a fronted adverbial clause, before the comma that ends it ("When hostilities
    resumed in September 2023, ..."): the main clause's subject is not its agent."""
    if not SUBORDINATE_OPENER.match(text, lo, pos):
        return False
    return not CLAUSE_COMMA.search(text, lo, pos) and CLAUSE_COMMA.search(text, pos) is not None


def _nominal_agent(text: str, t: Trigger, hi: int, actors: Sequence[ActorMention]) -> ActorMention | None:
    """The "of" actor of a noun of moving forces ("deployment of X", "withdrawal of X"): who moves."""
    if not MOVE_NOUN.search(text, t.start, t.end):
        return None
    m = OF_ARTICLE.match(text, t.end, hi)
    at = m.end() if m else -1
    return next((a for a in actors if a.start == at), None)


def passive_agent_at(text: str, lo: int, hi: int, t: Trigger) -> int | None:
    """Where a passive trigger names its agent ("was killed by ..."), where the agent starts."""
    if not PASSIVE.search(text[max(lo, t.start - 20):t.start]):
        return None
    by = BY_AGENT.match(text[t.end:hi])
    return t.end + by.end() if by else None


def source_of(text: str, lo: int, hi: int, t: Trigger, actors: Sequence[ActorMention],
              after: int) -> tuple[str, ...]:
    """The subject before the trigger (after a speech verb where the event is reported content), or the
    agent of a passive ("killed by ...")."""
    own = _nominal_agent(text, t, hi, actors)
    if own is not None:  # "the deployment of NATO troops", "the withdrawal of Russian forces"
        return tuple(dict.fromkeys(a.canonical for a in _with_same_span(_coordinated(text, own, list(actors)), actors)))
    by = passive_agent_at(text, lo, hi, t)
    if by is not None:  # "criticised by the group's chief": the agent, or no actor; never the subject
        agent = next((a for a in actors if by <= a.start < by + 40), None)
        return (agent.canonical,) if agent is not None else ()
    region = lo if in_fronted_clause(text, lo, t.start) else _subject_region_start(text, lo, t.start)
    region = max(region, after)
    # an actor may overlap a trigger that spells out its subject ("contingent is located")
    pool = [a for a in actors if region <= a.start < t.start and (a.end <= t.start or a.end < t.end)]
    free = _free(text, lo, pool)
    chosen = _appositive_subject(text, t.start, free) or _nearest_segment_subject(text, region, t.start, free) \
        or next(iter(free or pool), None)
    chosen = _named_head(text, chosen, pool) if chosen is not None else None
    if chosen is None:
        return ()
    return tuple(dict.fromkeys(a.canonical for a in _with_same_span(_coordinated(text, chosen, free or pool), actors)))


def _with_same_span(group: list[ActorMention], actors: Sequence[ActorMention]) -> list[ActorMention]:
    """A plural reference ("the two foreign ministers") is one span standing for several actors: all of them."""
    spans = {(a.start, a.end) for a in group}
    return [a for a in actors if (a.start, a.end) in spans] if len(actors) > len(group) else group


def _free(text: str, lo: int, pool: list[ActorMention]) -> list[ActorMention]:
    """Actors of `pool` that are not objects of a preposition, nor joined to one that is ("relations
    between Azerbaijan and Armenia": both are objects)."""
    objects: list[ActorMention] = []
    for a in pool:
        if PREPOSITION.search(text[max(lo, a.start - 25):a.start]) or (
                objects and OBJECT_JOINER.fullmatch(text[objects[-1].end:a.start])):
            objects.append(a)
    return [a for a in pool if a not in objects]


def _appositive_subject(text: str, pos: int, free: list[ActorMention]) -> ActorMention | None:
    """"Pakistan, a key U.S. ally in the war, has refused ...": the actor before an appositive that
    runs up to the verb is the subject (not an actor inside the appositive)."""
    for a in free:
        if APPOSITIVE.match(text, a.end, pos):
            return a
    return None


def _named_head(text: str, chosen: ActorMention, pool: list[ActorMention]) -> ActorMention:
    """"Human rights watchdog Amnesty International": a generic noun right before a name is the name's
    title; the name is the actor."""
    if chosen.resolved_via != "generic":
        return chosen
    return next((a for a in pool if a.start > chosen.end and not text[chosen.end:a.start].strip()), chosen)


def _nearest_segment_subject(text: str, region: int, pos: int, free: list[ActorMention]) -> ActorMention | None:
    """In "X did A, B and C" or "Under ..., a contingent was deployed" the subject of a later verb is the
    first free actor of the nearest comma segment before it that has one."""
    cuts = [m.end() for m in SEGMENT_CUT.finditer(text[region:pos])]
    for cut in reversed([0, *cuts]):
        seg = [a for a in free if a.start >= region + cut]
        if seg:
            return seg[0]
    return None


def speaker_of(text: str, lo: int, hi: int, speech: Trigger, actors: Sequence[ActorMention]) -> tuple[str, ...]:
    """Who speaks: an actor just before the speech verb ("Putin said", "the Russian side emphasized"),
    or just after it ("..., said Putin")."""
    near = [a for a in actors if lo <= a.start and a.end <= speech.start
            and (len(text[a.end:speech.start].split()) <= 3
                 and not SPEAKER_BREAK.search(text[a.end:speech.start])
                 or APPOSITIVE.match(text, a.end, speech.start))]
    free = [a for a in near if not PREPOSITION.search(text[max(lo, a.start - 25):a.start])]
    if free or near:
        return tuple(dict.fromkeys(a.canonical for a in _with_same_span([(free or near)[-1]], actors)))
    after = next((a for a in actors if speech.end <= a.start < hi and len(text[speech.end:a.start].split()) <= 3), None)
    return (after.canonical,) if after is not None else ()


def targets_of(text: str, t: Trigger, hi: int, actors: Sequence[ActorMention],
               source: tuple[str, ...]) -> tuple[str, ...]:
    """Actors after the trigger in its sentence, up to three."""
    out: list[str] = []
    for a in actors:
        if t.end <= a.start < hi and a.canonical not in source and a.canonical not in out:
            out.append(a.canonical)
    return tuple(out[:3])


def location(text: str, pos: int, hi: int, actors: Sequence[ActorMention]) -> str:
    """A capitalised place after "in"/"at" following the trigger, where it is not an actor."""
    for m in PLACE.finditer(text, pos, hi):
        name = m.group(1)
        if name.split()[0] in MONTHS or any(a.start == m.start(1) and a.actor_type != "state" for a in actors):
            continue
        return name
    return ""

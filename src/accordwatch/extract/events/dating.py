"""Dating an event: its clause's timex, a fronted timex, the narrative time, or the document date."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache

from accordwatch.extract.agreements.timeline import BOUNDING, calendar_timexes, narrative_time
from accordwatch.model import Timex

__all__ = ["calendar_timexes", "clause_timex", "event_date", "narrative_time", "opening_timex", "sentence_tense_dct"]

# A statement reported without its own date is dated to the report when the narrative has moved
# no nearer to it than this many days: news reports what was said recently.
REPORTING_DAYS = 31
PRESENT = re.compile(r"\b(?:is|are|am|remains?|says|believes|continues)\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
PERFECT = re.compile(r"\b(?:has|have)\b(?:\s+\w+)?\s*$", re.IGNORECASE)
# The same, read backwards from the end of a reversed text ("\s*$" matches where "\s*\Z" does): one attempt
# at its start, where a search for the forward pattern tries every position of the text.
PRESENT_REVERSED = re.compile(r"\s*(?:\w+\s+){0,2}\b(?:si|era|ma|s?niamer|syas|seveileb|seunitnoc)\b", re.IGNORECASE)
PERFECT_REVERSED = re.compile(r"\s*(?:\w+\s+)?\b(?:sah|evah)\b", re.IGNORECASE)
# A comma before a capitalised word lists names ("Russia, Azerbaijan and Armenia"); it does not end a clause.
LIST_COMMA = re.compile(r",\s+(?=[A-Z])")


def clause_timex(text: str, tx: Sequence[Timex], lo: int, hi: int, start: int, end: int,
                  bound: set[int], heads: Sequence[int] = ()) -> Timex | None:
    """The free timex (not part of an agreement's name) in the trigger's clause, nearest to it. A timex
    after one of `heads` (other event nouns: "welcomed the initialling in August") that lies between it
    and the trigger dates that noun, not the trigger."""
    from accordwatch.extract.events.triggers import CLAUSE_BREAK

    best, best_d = None, 10**9
    for t in tx:
        if not lo <= t.start < hi or t.start in bound or BOUNDING.search(text[max(lo, t.start - 12):t.start]):
            continue
        if t.start >= end and any(end <= h < t.start for h in heads):
            continue
        a, b = (t.end, start) if t.end <= start else (end, t.start)
        if a < b and CLAUSE_BREAK.search(LIST_COMMA.sub("  ", text[a:b])):
            continue
        if b - a < best_d:
            best, best_d = t, b - a
    return best


def opening_timex(text: str, tx: Sequence[Timex], lo: int, bound: set[int]) -> Timex | None:
    """The first timex of the sentence starting at `lo` (`tx` in text order) in its first five words, not
    in an agreement's name nor bounding a period: opening the sentence ("In August 2025, ...", "On 25
    July ..."), it dates what follows it. Found once for all the events of a sentence: for an event, the
    first timex that meets all but "before the trigger" is before it, or none is (`tx` in text order)."""
    for t in tx:
        if t.start < lo:
            continue
        if len(text[lo:t.start].split()) > 5:
            return None  # and so are all later timexes: a longer start has no fewer words
        if t.start not in bound and not BOUNDING.search(text[max(lo, t.start - 12):t.start]):
            return t
    return None


def sentence_tense_dct(text: str, lo: int, start: int, statement: bool = False) -> bool:
    """Present tense just before the trigger (or present perfect, for a statement: "officials have
    emphasized"): the event holds at the document date."""
    before = text[max(lo, start - 40):start][::-1]  # the last 40 characters, without copying the whole sentence
    return bool(PRESENT_REVERSED.match(before) or (statement and PERFECT_REVERSED.match(before)))


@lru_cache(maxsize=256)
def days_apart(a: str, b: str) -> int:

    def as_date(v: str) -> date:
        parts = [int(p) for p in v[:10].split("-")] + [1, 1]
        return date(parts[0], parts[1] or 1, parts[2] or 1)

    try:
        return abs((as_date(a) - as_date(b)).days)
    except ValueError:
        return 10**6


def event_date(text: str, lo: int, hi: int, start: int, end: int, tx: Sequence[Timex],
               narrative_at: Callable[[int, bool], str], bound: set[int], dct: str, statement: bool, present: bool,
               opening: Timex | None, heads: Sequence[int] = ()) -> tuple[str, str]:
    """(TIMEX3 value, basis): the timex of the trigger's clause, else one opening the sentence, else an
    agreement's date in the sentence (for actions done under it), else the narrative time, else the
    document date. Statements and present-tense events without a timex take the document date.
    `tx` holds the sentence's timexes; `narrative_at(pos, statement)` is the document's narrative time at pos
    (for a statement, the dates in agreements' names do not count); `heads` are event nouns that a reaction
    in the present (welcomes, condemns ...) is about, whose dates are theirs; `opening` is the sentence's
    opening_timex."""
    t = clause_timex(text, tx, lo, hi, start, end, bound, heads)
    if t is None and opening is not None and opening.start < start:
        t = opening
    if t is not None:
        return t.value, "timex"
    if present and dct:
        return dct, "document"
    if not statement:  # an action done under an agreement named in the sentence: not before it
        named = [t for t in tx if lo <= t.start < hi and t.start in bound]
        if named:
            return named[0].value, "timex"
    narrative = narrative_at(start, statement)
    if statement and dct and (not narrative or days_apart(narrative, dct) > REPORTING_DAYS):
        return dct, "document"
    if narrative:
        return narrative, "narrative"
    return (dct, "document") if dct else ("", "")

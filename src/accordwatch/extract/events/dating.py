"""Dating an event: its clause's timex, a fronted timex, the narrative time, or the document date."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from accordwatch.extract.agreements.timeline import BOUNDING, calendar_timexes, narrative_time
from accordwatch.model import Timex

__all__ = ["calendar_timexes", "clause_timex", "event_date", "narrative_time", "sentence_tense_dct"]

# A statement reported without its own date is dated to the report when the narrative has moved
# no nearer to it than this many days: news reports what was said recently.
REPORTING_DAYS = 31
PRESENT = re.compile(r"\b(?:is|are|am|remains?|says|believes|continues)\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
PERFECT = re.compile(r"\b(?:has|have)\b(?:\s+\w+)?\s*$", re.IGNORECASE)
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


def fronted_timex(text: str, tx: Sequence[Timex], lo: int, start: int, bound: set[int]) -> Timex | None:
    """A timex opening the sentence ("In August 2025, ...", "On 25 July ...") dates all of it."""
    for t in tx:
        if lo <= t.start < start and t.start not in bound and len(text[lo:t.start].split()) <= 5 \
                and not BOUNDING.search(text[max(lo, t.start - 12):t.start]):
            return t
    return None


def sentence_tense_dct(text: str, lo: int, start: int, statement: bool = False) -> bool:
    """Present tense just before the trigger (or present perfect, for a statement: "officials have
    emphasized"): the event holds at the document date."""
    before = text[max(lo, start - 40):start]  # the last 40 characters, without copying the whole sentence
    return bool(PRESENT.search(before) or (statement and PERFECT.search(before)))


def days_apart(a: str, b: str) -> int:
    from datetime import date

    def as_date(v: str) -> date:
        parts = [int(p) for p in v[:10].split("-")] + [1, 1]
        return date(parts[0], parts[1] or 1, parts[2] or 1)

    try:
        return abs((as_date(a) - as_date(b)).days)
    except ValueError:
        return 10**6


def event_date(text: str, lo: int, hi: int, start: int, end: int, tx: Sequence[Timex],
               narrative_at: Callable[[int, bool], str], bound: set[int], dct: str, statement: bool, present: bool,
               heads: Sequence[int] = ()) -> tuple[str, str]:
    """(TIMEX3 value, basis): the timex of the trigger's clause, else one opening the sentence, else an
    agreement's date in the sentence (for actions done under it), else the narrative time, else the
    document date. Statements and present-tense events without a timex take the document date.
    `tx` holds the sentence's timexes; `narrative_at(pos, statement)` is the document's narrative time at pos
    (for a statement, the dates in agreements' names do not count); `heads` are event nouns that a reaction
    in the present (welcomes, condemns ...) is about, whose dates are theirs."""
    t = clause_timex(text, tx, lo, hi, start, end, bound, heads) or fronted_timex(text, tx, lo, start, bound)
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

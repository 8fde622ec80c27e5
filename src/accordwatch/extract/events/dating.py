"""Dating an event: its clause's timex, a fronted timex, the narrative time, or the document date."""

from __future__ import annotations

import re
from collections.abc import Sequence

from accordwatch.extract.agreements.timeline import calendar_timexes, narrative_time
from accordwatch.model import Timex

__all__ = ["calendar_timexes", "event_date", "narrative_time", "sentence_tense_dct"]

# A statement reported without its own date is dated to the report when the narrative has moved
# no nearer to it than this many days: news reports what was said recently.
REPORTING_DAYS = 31
PRESENT = re.compile(r"\b(?:is|are|am|has|have|remains?|says|believes|continues)\b(?:\s+\w+){0,2}\s*$", re.IGNORECASE)


def _clause_timex(text: str, tx: Sequence[Timex], lo: int, hi: int, start: int, end: int,
                  bound: set[int]) -> Timex | None:
    """The free timex (not part of an agreement's name) in the trigger's clause, nearest to it."""
    from accordwatch.extract.events.triggers import CLAUSE_BREAK

    best, best_d = None, 10**9
    for t in tx:
        if not lo <= t.start < hi or t.start in bound:
            continue
        a, b = (t.end, start) if t.end <= start else (end, t.start)
        gap = CLAUSE_BREAK.sub("", text[a:b]) if a < b else ""
        if a < b and CLAUSE_BREAK.search(text, a, b) and not _only_timex_commas(text, a, b, tx):
            continue
        d = len(gap)
        if d < best_d:
            best, best_d = t, d
    return best


def _only_timex_commas(text: str, a: int, b: int, tx: Sequence[Timex]) -> bool:
    """True when every clause break between a and b is a comma inside or just after a timex."""
    from accordwatch.extract.events.triggers import CLAUSE_BREAK

    for m in CLAUSE_BREAK.finditer(text, a, b):
        if not any(t.start <= m.start() <= t.end for t in tx):
            return False
    return True


def fronted_timex(text: str, tx: Sequence[Timex], lo: int, start: int, bound: set[int]) -> Timex | None:
    """A timex opening the sentence ("In August 2025, ...", "On 25 July ...") dates all of it."""
    for t in tx:
        if lo <= t.start < start and t.start not in bound and len(text[lo:t.start].split()) <= 5:
            return t
    return None


def sentence_tense_dct(text: str, lo: int, start: int) -> bool:
    """Present or present perfect just before the trigger: the event holds at the document date."""
    return bool(PRESENT.search(text[lo:start][-40:]))


def days_apart(a: str, b: str) -> int:
    from datetime import date

    def as_date(v: str) -> date:
        parts = [int(p) for p in v[:10].split("-")] + [1, 1]
        return date(parts[0], parts[1] or 1, parts[2] or 1)

    try:
        return abs((as_date(a) - as_date(b)).days)
    except ValueError:
        return 10**6


def event_date(text: str, lo: int, hi: int, start: int, end: int, tx: Sequence[Timex], bound: set[int],
               dct: str, statement: bool, present: bool) -> tuple[str, str]:
    """(TIMEX3 value, basis): the timex of the trigger's clause, else one opening the sentence, else an
    agreement's date in the sentence (for actions done under it), else the narrative time, else the
    document date. Statements and present-tense events without a timex take the document date."""
    t = _clause_timex(text, tx, lo, hi, start, end, bound) or fronted_timex(text, tx, lo, start, bound)
    if t is not None:
        return t.value, "timex"
    if present and dct:
        return dct, "document"
    if not statement:
        named = [t for t in tx if lo <= t.start < hi and t.start in bound]
        if named:
            return named[0].value, "timex"
    narrative = narrative_time(text, tx, start, dct)
    if statement and dct and (not narrative or days_apart(narrative, dct) > REPORTING_DAYS):
        return dct, "document"
    if narrative:
        return narrative, "narrative"
    return (dct, "document") if dct else ("", "")

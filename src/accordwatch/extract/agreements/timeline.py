"""Narrative time: the last calendar date a text has moved to before a given point."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from accordwatch.extract.sentences import sentence_spans
from accordwatch.model import Timex

# Dates that end or bound a period ("until June 2024", "by October 1") do not move the narrative there.
BOUNDING = re.compile(r"\b(?:until|through|till|by|before|ahead of)\s*$", re.IGNORECASE)


@lru_cache(maxsize=4)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence spans of a text, split once for the figures, agreements and events stages that all read
    them (in this order, one document after the other)."""
    return tuple(sentence_spans(text))


def calendar_timexes(timexes: Sequence[Timex]) -> list[Timex]:
    """DATE/TIME timexes with a calendar value, in text order (no durations, no PRESENT_REF)."""
    return sorted((t for t in timexes if t.label in ("DATE", "TIME") and t.value[:4].isdigit()),
                  key=lambda t: t.start)


def not_after(value: str, dct: str) -> bool:
    n = min(len(value), len(dct))
    return not dct or value[:n] <= dct[:n]


def narrative_time(text: str, tx: Sequence[Timex], pos: int, dct: str = "",
                   skip: frozenset[int] | set[int] = frozenset()) -> str:
    """The last day- or month-precise date before `pos` (a year where no finer one), never one after the
    document date, never one that only bounds a period, never one whose start is in `skip` (the date in
    an agreement's name: "under the November 9, 2020 Statement" does not move the story to 2020)."""
    year = ""
    for t in reversed(tx):
        if t.end > pos or t.start in skip or BOUNDING.search(text[max(0, t.start - 12):t.start]) \
                or not not_after(t.value, dct):
            continue
        if len(t.value) >= 7:
            return t.value[:10]
        year = year or t.value[:4]
    return year




class NarrativeClock:
    """narrative_time(text, tx, pos, dct, skip) for one document asked at many points: the timexes that can
    move the narrative (not bounding a period, not after the document date, not skipped) are sorted out
    once, so that each question is a bisection rather than a pass over every timex. `tx` must be in text
    order (calendar_timexes), as "the last date before" reads it."""

    def __init__(self, text: str, tx: Sequence[Timex], dct: str = "",
                 skip: frozenset[int] | set[int] = frozenset()):
        moving = [t for t in tx if t.start not in skip and not BOUNDING.search(text[max(0, t.start - 12):t.start])
                  and not_after(t.value, dct)]
        # A day or month date anywhere before wins over any nearer year, so the two are looked up apart.
        self._fine = [t for t in moving if len(t.value) >= 7]
        self._years = [t for t in moving if len(t.value) < 7]
        self._fine_starts = [t.start for t in self._fine]
        self._year_starts = [t.start for t in self._years]

    def at(self, pos: int) -> str:
        fine = _last_ending_by(self._fine, self._fine_starts, pos)
        if fine is not None:
            return fine.value[:10]
        year = _last_ending_by(self._years, self._year_starts, pos)
        return year.value[:4] if year is not None else ""


def _last_ending_by(tx: list[Timex], starts: list[int], pos: int) -> Timex | None:
    """The last timex of `tx` (in text order) that ends by `pos`: one that ends by pos starts by it too, so
    only the few before the bisection point that reach past pos are stepped over."""
    i = bisect_right(starts, pos)
    while i > 0:
        i -= 1
        if tx[i].end <= pos:
            return tx[i]
    return None

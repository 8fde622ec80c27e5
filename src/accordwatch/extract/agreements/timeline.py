"""Narrative time: the last calendar date a text has moved to before a given point."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from accordwatch.model import Timex

# Dates that end or bound a period ("until June 2024", "by October 1") do not move the narrative there.
BOUNDING = re.compile(r"\b(?:until|through|till|by|before|ahead of)\s*$", re.IGNORECASE)


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
    """narrative_time(text, tx, pos, dct, skip) for one document asked at many points. The walk back starts
    at the last timex that starts by `pos` (found by bisection: a later one cannot end by pos) rather than at
    the end of the document, and whether a timex can move the narrative at all (not bounding a period, not
    after the document date) is worked out once per timex. `tx` must be in text order (calendar_timexes)."""

    def __init__(self, text: str, tx: Sequence[Timex], dct: str = ""):
        self.text, self.tx, self.dct = text, tx, dct
        self._starts = [t.start for t in tx]
        self._moves: dict[int, bool] = {}  # index in tx -> whether it can move the narrative

    def at(self, pos: int, skip: frozenset[int] | set[int] = frozenset()) -> str:
        year = ""
        for i in range(bisect_right(self._starts, pos) - 1, -1, -1):
            t = self.tx[i]
            if t.end > pos or t.start in skip or not self._can_move(i):
                continue
            if len(t.value) >= 7:
                return t.value[:10]
            year = year or t.value[:4]
        return year

    def _can_move(self, i: int) -> bool:
        moves = self._moves.get(i)
        if moves is None:
            t = self.tx[i]
            moves = self._moves[i] = not BOUNDING.search(self.text[max(0, t.start - 12):t.start]) \
                and not_after(t.value, self.dct)
        return moves

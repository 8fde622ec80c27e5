"""Read a publication date from a dateline ("7 November 2025 13:52", "Nov. 7, 2025").

Only a line that is mostly a date counts as a dateline: a date inside body prose is what
the text talks about, not when it was published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from accordwatch.clean.resources import month_numbers
from accordwatch.startup_cache import compile as compile_regex

_TIME = r"(?:[,\s]+(?:at\s+)?(?P<hh>[01]?\d|2[0-3])[:.h](?P<mi>[0-5]\d)(?::[0-5]\d)?)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
# Words a dateline may carry besides the date itself.
_FILLER = re.compile(
    r"\b(published|updated|posted|last|modified|on|at|am|pm|gmt|utc|msk|cet|cest|est|edt|bst|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"date|time|\+\d\d:?\d\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    day: str  # ISO date, 2025-11-07
    stamp: str  # ISO date with time where given, 2025-11-07T13:52
    start: int
    end: int


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    names = sorted(month_numbers(), key=len, reverse=True)
    month = "(?P<mon>" + "|".join(re.escape(n) for n in names) + r")\.?"
    flags = re.IGNORECASE
    return (
        compile_regex(rf"(?<![\w-])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+{month},?\s+{_YEAR}(?![\w-]){_TIME}", flags),
        compile_regex(rf"(?<![\w-]){month}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}(?![\w-]){_TIME}", flags),
        compile_regex(rf"(?<![\w-]){_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])(?:[T\s]+(?P<hh>[01]\d|2[0-3]):"
                      r"(?P<mi>[0-5]\d))?", flags),
        compile_regex(rf"(?<![\w.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.{_YEAR}(?![\w.]){_TIME}", flags),
    )


def _to_found(match: re.Match[str]) -> FoundDate | None:
    groups = match.groupdict()
    month = int(groups["m"]) if groups.get("m") else month_numbers().get(groups["mon"].casefold())
    try:
        day = date(int(groups["y"]), month or 0, int(groups["d"])).isoformat()
    except ValueError:
        return None
    stamp = f"{day}T{int(groups['hh']):02d}:{groups['mi']}" if groups.get("hh") else day
    return FoundDate(day, stamp, match.start(), match.end())


def find_date(text: str, whole_line: bool = False) -> FoundDate | None:
    """The first full date in `text`; with `whole_line`, only if the date is (nearly) all the line holds."""
    if not _ANY_YEAR.search(text):  # every pattern needs a year: most lines are done with one quick scan
        return None
    for pattern in _patterns():
        match = pattern.search(text)
        if match is None:
            continue
        found = _to_found(match)
        if found is None:
            continue
        if whole_line and not _is_mostly_date(text, found):
            continue
        return found
    return None


def _is_mostly_date(text: str, found: FoundDate) -> bool:
    rest = _FILLER.sub(" ", text[:found.start] + " " + text[found.end:])
    rest_words = re.findall(r"\w+", rest)
    return len(rest_words) <= 3

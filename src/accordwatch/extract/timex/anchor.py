"""Anchoring: calendar arithmetic on a reference date, and the tense that picks a direction.

A relative expression ("last week", "Friday", "25 May") is resolved against a reference
date: the document creation time (DCT) or, for narrative expressions and where no DCT is
known, the latest fully specified date the text mentioned before it. The tense of the
clause decides which way an underspecified date goes ("said on Friday" is the Friday
before; "will meet on Friday" the Friday after).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from accordwatch.extract.skeleton import byte_table
from accordwatch.extract.timex.prefilter import fold, needles

PAST, UNKNOWN, FUTURE = -1, 0, 1
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# A clause end: one of .!?; and white space, or a newline alone ("[.!?;\n]\s|\n"), written to start
# with a character class so that a search skips to the next candidate in C (an alternation at the
# start makes the regex engine try a match at every character).
_CLAUSE_END = re.compile(r"[.!?;\n](?:\s|(?<=\n))")
_WORD = re.compile(r"[A-Za-z’']+")
_FUTURE_LEAD = re.compile(r"\b(?:as (?:soon|early) as(?:\s+[a-z]+){0,2}|ahead of|in time for|effective)\s+$",
                          re.IGNORECASE)
# One of these is in every match of `_FUTURE_LEAD` (see prefilter.needles): most expressions
# have none before them, and are not searched for it.
_FUTURE_LEAD_NEEDLES = needles(_FUTURE_LEAD)
_REFERENCE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
_PLAN_TO = frozenset({"is", "are", "set", "planned"})  # "is to resume", "set to resume": a plan


@dataclass(frozen=True)
class Reference:
    """A reference date and how much of it is known ("day", "month" or "year")."""

    day: date
    granularity: str = "day"

    @classmethod
    def parse(cls, value: str | None) -> Reference | None:
        """'1998-02-13T14:26:00', '2023-10-13', '2023-10' or '2023' -> Reference; else None."""
        return _parse_reference(value)


# Cached: anchoring parses the document date and every value it resolves, and values repeat.
# A Reference is immutable, so one object can serve every caller.
@lru_cache(maxsize=4096)
def _parse_reference(value: str | None) -> Reference | None:
    if not value:
        return None
    m = _REFERENCE.match(value.strip())
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    gran = "day" if d else "month" if mo else "year"
    try:
        return Reference(date(y, int(mo or 6), int(d or 15)), gran)
    except ValueError:
        return None


def shift(day: date, amount: int, unit: str) -> date:
    """`day` moved by `amount` units (Y, M, W, D, DE, CE, Q, WE)."""
    if unit in ("D",):
        return day + timedelta(days=amount)
    if unit in ("W", "WE"):
        return day + timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200, "H": 6}.get(unit)
    if months is None:
        return day
    total = day.year * 12 + day.month - 1 + amount * months
    y, m = divmod(total, 12)
    if y < 1 or y > 9999:
        return day
    return date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def at_granularity(day: date, unit: str) -> str:
    """The TIMEX3 value of the `unit` that contains `day`: 2023, 2023-10, 2023-W41, 202 ..."""
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit in ("W", "WE"):
        y, w, _ = day.isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "H":
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return day.isoformat()


def weekday_date(ref: date, weekday: int, direction: int, strict: bool = False) -> date:
    """The date of ISO `weekday` (1 = Monday) before (direction -1) or after (+1) `ref`.

    Not strict, the reference day itself counts ("Friday" said on a Friday is that day).
    """
    delta = weekday - ref.isoweekday()
    if direction >= 0:
        delta = delta % 7
        if strict and delta == 0:
            delta = 7
    else:
        delta = -((-delta) % 7)
        if strict and delta == 0:
            delta = -7
    return ref + timedelta(days=delta)


def month_year(ref: date, month: int, direction: int, day: int = 1, explicit: bool = False) -> int:
    """The year of a year-less month (and day): the one before, after or nearest to `ref`.

    Within two months of the reference the nearest wins whatever the tense: news reports
    "Dec. 14" in November as coming and "Oct. 30" in November as past.
    """
    here, there = (ref.month, ref.day), (month, day)
    months_apart = min((month - ref.month) % 12, (ref.month - month) % 12)
    if months_apart <= 2 and not explicit:  # "last December" is explicit
        direction = 0
    if direction < 0:
        return ref.year if there <= here else ref.year - 1
    if direction > 0:
        return ref.year if there >= here else ref.year + 1
    diff = month - ref.month
    return ref.year + (1 if diff < -6 else -1 if diff >= 6 else 0)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def holiday_date(spec: str, year: int) -> date:
    """The date of a holiday in `year`: "12-25" fixed; "11-4#4" the 4th Thursday of November
    ("05-1#-1" the last Monday of May); "E-2" two days before Easter."""
    if spec.startswith("E"):
        return easter(year) + timedelta(days=int(spec[1:] or 0))
    month_part, _, nth = spec.partition("#")
    month, second = (int(x) for x in month_part.split("-"))
    if not nth:
        return date(year, month, second)
    n = int(nth)
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(second - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - second) % 7 + 7 * (-n - 1))


def season_year(ref: date, season: str, direction: int) -> int:
    start = _SEASON_START.get(season, 6)
    if direction < 0:  # the last one that is over
        return ref.year if start + 3 <= ref.month else ref.year - 1
    if direction > 0:
        return ref.year if start > ref.month else ref.year + 1
    return ref.year


# A word of `_WORD` that does not start with a capital (capitalised words are names, "United",
# not verbs); in a string of its own, so that the look-behind sees what `_WORD` would.
_LOWER_WORD = re.compile(r"(?<![A-Za-z’'])[a-z’'][A-Za-z’']*")
# The skeleton (see extract/skeleton.py) of a Latin-1 piece in which `_WORD`'s words are the runs
# between blanks: its ASCII letters and apostrophes kept, any other character a blank.
_WORD_RUNS = byte_table(lambda ch: ch if ch == "'" or ch.isascii() and ch.isalpha() else " ")


def _lower_words(piece: str) -> list[str]:
    """The words `_LOWER_WORD` finds in `piece`, lower-cased, in order. A piece in Latin-1 (nearly
    every one: "’" is not) is read from its skeleton by a split, a third cheaper than the scan; the
    skeleton is made here rather than by `skeleton()`, whose named tuple costs a sixth more again."""
    try:
        runs = piece.encode("latin-1").translate(_WORD_RUNS).split()
    except UnicodeEncodeError:
        return " ".join(_LOWER_WORD.findall(piece)).lower().split()  # lower-cased at once: words hold no space
    return b" ".join([w for w in runs if not 64 < w[0] < 91]).lower().decode("ascii").split()  # no capital A-Z


def _clause(text: str, start: int, end: int, width: int = 120) -> tuple[list[str], list[str]]:
    """The words of the clause before and after a span (lower-cased), nearest first."""
    lo = max(0, start - width)
    cut = lo
    for ended in _CLAUSE_END.finditer(text, lo, start):  # the scan skips in C to the next .!?; or newline
        cut = ended.end()
    right_end = min(len(text), end + width // 2)
    m = _CLAUSE_END.search(text, end, right_end)
    return _lower_words(text[cut:start])[::-1], _lower_words(text[end:m.start() if m else right_end])


def _word_tense(word: str, future: frozenset[str], past: frozenset[str]) -> int:
    if word in future:
        return FUTURE
    if word in past or (len(word) > 4 and word.endswith("ed") and not word.endswith("eed")):
        return PAST
    if word in ("has", "have"):
        return PAST
    if word in ("is", "are", "says", "say", "am"):
        return UNKNOWN
    return 2  # not a verb marker


# Cached: recognition asks for the tense of every expression, and document dating asks again for
# the same spans of the same text (a string hashes once, and is found by identity).
@lru_cache(maxsize=1024)
def clause_tense(text: str, start: int, end: int, future: frozenset[str], past: frozenset[str]) -> int:
    """PAST, FUTURE or UNKNOWN from the nearest tense marker of the clause around a span.

    "as soon as Tuesday" looks ahead; "is to resume" is a plan; "had been due to expire" is a
    plan that is over; "set to", "planned to" are plans, but "set" and "planned" alone past;
    "Wednesday's ruling" is past.
    """
    lead = fold(text[max(0, start - 40):start])
    if any(map(lead.__contains__, _FUTURE_LEAD_NEEDLES)) and _FUTURE_LEAD.search(text, max(0, start - 40), start):
        return FUTURE
    if text.startswith(("'s ", "’s "), end):
        return PAST  # "Wednesday's ruling", "Friday's close": news names a past event by its day
    before, after = _clause(text, start, end)
    for words, nearest_first in ((before[:12], True), (after[:6], False)):
        for i, w in enumerate(words):
            t = _word_tense(w, future, past)
            if t == 2:
                continue
            earlier = words[i + 1:i + 3] if nearest_first else words[max(0, i - 2):i][::-1]
            later = words[i - 1:i] if nearest_first and i else words[i + 1:i + 2] if not nearest_first else []
            if t == PAST and earlier[:1] in (["be"], ["been"], ["being"]):
                continue  # a participle ("will be named", "would be paid"): the auxiliary before it tells
            if t == FUTURE and earlier[:2] == ["been", "had"]:
                return PAST
            if w in _PLAN_TO and later == ["to"]:
                return FUTURE
            return t
    return UNKNOWN

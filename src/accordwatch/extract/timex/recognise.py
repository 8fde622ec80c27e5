"""Recognition: run every rule over the text, keep plausible matches, resolve overlaps.

One pass per compiled rule; where matches overlap the longest wins (then the earlier
rule), which gives TimeML extents ("the past three years" over "three years"). Matches
that are names or numbers rather than times are dropped here: a lone year after
"Resolution", a year followed by "troops", "may" the verb, "Sun" the newspaper.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from accordwatch.extract.timex.rules import Language, Rule

_PREV_WORD = re.compile(r"([#\w.]+)\W*$")
_NEXT_WORD = re.compile(r"^\W{0,2}?([%\w]+)")
# Words that are a month or a weekday only when written with a capital.
_CAPITAL_ONLY = {"may", "march", "sun", "sat", "wed", "mon", "fri", "thu", "tue", "jan", "dec", "aug"}
_SEASON_CONTEXT = {"in", "the", "this", "last", "next", "during", "by", "until", "since", "early", "late",
                   "mid", "past", "coming", "that", "each", "every", "through", "throughout", "before",
                   "after", "of", "from", "till", "for"}


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text[max(0, start - 30):start])
    return m.group(1).lower().rstrip(".") if m else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text[end:end + 30])
    return m.group(1).lower() if m else ""


def _capital_ok(m: re.Match[str]) -> bool:
    for name in ("month", "weekday"):
        word = m.group(name) if name in m.re.groupindex else None
        if word and word.lower().rstrip(".") in _CAPITAL_ONLY and not word[0].isupper():
            return False
        if word and name == "weekday" and len(word) <= 4 and not word.endswith("."):
            return False  # "Sun", "Wed" without a dot are names and verbs more often than days
    return True


def _season_ok(text: str, m: re.Match[str]) -> bool:
    if "season" not in m.re.groupindex or not m.group("season"):
        return True
    if re.match(r"\s+of\s+(?!\d{4})", text[m.end():m.end() + 12]):
        return False  # "the fall of Kabul"
    has_anchor = m.group("season") != m.group(0) or _prev_word(text, m.start()) in _SEASON_CONTEXT
    return has_anchor


def plausible(text: str, c: Candidate, lang: Language) -> bool:
    """False for matches that are names, codes or quantities rather than times."""
    m = c.match
    if not _capital_ok(m) or not _season_ok(text, m):
        return False
    if c.rule.options.get("bare"):
        if _prev_word(text, c.start) in lang.lists.get("number_blockers", ()):
            return False
        if _next_word(text, c.end) in lang.lists.get("quantity_followers", ()):
            return False
    return True


# TimeML extents leave out "over" in "over the past year" and the article of an adjectival
# duration ("the two-week visit" -> "two-week").
_TRIM = re.compile(r"^(?:(?:just |well )?over (?=the )|the (?=[\w.]+-(?:year|month|week|day|hour|minute|quarter)s?$))",
                   re.IGNORECASE)


def candidates(text: str, lang: Language) -> Iterator[Candidate]:
    for rule in lang.rules:
        for m in rule.regex.finditer(text):
            if m.end() > m.start():
                trim = _TRIM.match(m.group(0))
                c = Candidate(m.start() + (trim.end() if trim else 0), m.end(), rule, m)
                if plausible(text, c, lang):
                    yield c


def select(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, in text order."""
    taken: list[Candidate] = []
    occupied = bytearray()
    for c in sorted(found, key=lambda c: (c.start - c.end, c.rule.order, c.start)):
        if len(occupied) < c.end:
            occupied.extend(b"\0" * (c.end - len(occupied)))
        if any(occupied[c.start:c.end]):
            continue
        occupied[c.start:c.end] = b"\1" * (c.end - c.start)
        taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def recognise(text: str, lang: Language) -> list[Candidate]:
    return select(list(candidates(text, lang)))

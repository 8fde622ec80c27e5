"""What a figure counts or measures: units, scale words, qualifiers, and the noun phrase.

A count's object is the phrase right after the number, over its modifiers, up to its plural
head noun ("31 socially significant facilities", "the three countries' leaders" ->
"countries"); a measure's object is the short phrase after "of" ("40 kilometres of
communication lines"). The phrase stops early rather than late: a figure's text that runs
past the noun phrase would no longer lie inside the annotated span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from accordwatch.extract.figures.lexicon import Lexicon, Unit
from accordwatch.extract.lookup import lookup

_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][A-Za-z’'-]*)")


class Extent(NamedTuple):
    """Where a figure's text ends and what it counts (a named tuple: one is made for every figure)."""

    end: int
    object: str = ""


def scale_after(text: str, end: int, lex: Lexicon) -> tuple[int, float]:
    """"2.5 million": the end of a scale word after a number and its multiplier, or (end, 1)."""
    m = lex.scale_after.match(text, end)
    if not m or m.group(1).lower() in ("hundred", "dozen"):
        return end, 1.0
    return m.end(), float(lookup(lex.scales, m.group(1)))


def unit_after(text: str, end: int, lex: Lexicon) -> tuple[int, Unit | None]:
    m = lex.unit_after.match(text, end)
    if not m:
        return end, None
    return m.end(), lookup(lex.units, m.group(1))


def currency_before(text: str, start: int, lex: Lexicon) -> tuple[int, str]:
    """"USD 100", "$ 5": a currency written before the number, as (new start, ISO code)."""
    # The pattern's form ends at most three characters before `start` (then a blank, and "$" also
    # matches before a last newline): without one of the forms' last characters there, no search.
    if lex.currency_last_chars.isdisjoint(text[max(0, start - 3):start]):
        return start, ""
    m = lex.currency_before.search(text, max(0, start - 12), start)
    if not m:
        return start, ""
    form = m.group(1)
    if form[0].isalpha() and m.start() > 0 and text[m.start() - 1].isalnum():
        return start, ""  # "SUSD 5" is no currency
    return m.start(), lex.currency_prefixes[form]


def qualifier_before(text: str, start: int, lex: Lexicon) -> tuple[int, str]:
    lo = max(0, start - 25)
    if not _may_end_with(text, lo, start, lex.qualifier_phrases):
        return start, ""
    m = lex.qualifier_before.search(text, lo, start)
    if not m:
        return start, ""
    return m.start(), lookup(lex.qualifiers, m.group(1))


def _may_end_with(text: str, lo: int, start: int, phrases: tuple[str, ...]) -> bool:
    """False where a pattern "(?<![\\w])(phrases)\\s+$" that ignores case cannot match in text[lo:start]
    (a search tries each position of the window): a phrase ends where the blanks before `start` begin,
    so the text there ends with one; told by str.endswith on the lower-cased end of the text where that
    is ASCII (there lower-casing is what the pattern's ignoring of case does). `phrases` are lower-cased."""
    end = start
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end == start or end == lo:
        return False  # no blank before the number, or nothing but blanks in the window
    tail = text[lo:end]  # a phrase the search finds lies inside the window
    return not tail.isascii() or tail.lower().endswith(phrases)


def determiner_before(text: str, start: int, lex: Lexicon) -> int:
    lo = max(0, start - 8)
    if not _may_end_with(text, lo, start, lex.determiner_phrases):
        return start
    m = lex.determiner_before.search(text, lo, start)
    return m.start() if m else start


def _words_after(text: str, end: int, limit: int) -> Iterator[tuple[str, int]]:
    """Up to `limit` words right after `end`, separated only by blanks, with their ends; read as they
    are asked for (an object phrase mostly ends at its first or second word)."""
    pos = end
    for _ in range(limit):
        m = _WORD_AFTER.match(text, pos)
        if not m:
            return
        pos = m.end()
        yield m.group(1), pos


def is_plural(word: str, lex: Lexicon) -> bool:
    low = word.lower().rstrip("'’")
    if low in lex.irregular_plurals:
        return True
    if len(low) < 3 or not low.endswith("s") or low in lex.not_plural_words or low in lex.stop_words:
        return False
    return not low.endswith(lex.not_plural_endings)


def counted_object(text: str, end: int, value: float, lex: Lexicon) -> Extent:
    """The counted noun phrase after a count: modifiers up to the plural head (or, for one,
    up to two words), stopping at function words and punctuation."""
    phrase: list[str] = []
    for word, word_end in _words_after(text, end, lex.max_object_words):
        if word.lower() in lex.stop_words:
            break
        if value > 1 and is_plural(word, lex):
            head = word.rstrip("'’")
            return Extent(word_end - (len(word) - len(head)), " ".join([*phrase, head]))
        if value <= 1 and word[0].islower():
            return Extent(word_end, " ".join([*phrase, word]))
        phrase.append(word)
    return Extent(end)


def linked_object(text: str, end: int, label: str, lex: Lexicon) -> Extent:
    """"of communication lines", "in aid": the short phrase after a measure, money or percent."""
    words = _words_after(text, end, 4)
    link = next(words, None)
    if link is None or link[0].lower() not in lex.object_links.get(label, ()):
        return Extent(end)
    phrase: list[str] = []
    phrase_end = end
    for word, word_end in words:
        if word.lower() in lex.stop_words or not word[0].islower() or phrase and word.endswith("ed"):
            break
        phrase.append(word)
        phrase_end = word_end
    return Extent(phrase_end, " ".join(phrase)) if phrase else Extent(end)

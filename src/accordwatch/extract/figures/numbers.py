"""Numbers as written: digits ("2,550.2", "$1.2bn", "76%"), words ("two and a half",
"a dozen") and counting ordinals ("the fifth anniversary"), with their offsets and values.

This module only reads numbers; whether a number is a figure (not a date, a score or a
name) is decided in guards.py, and what it counts in objects.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from accordwatch.extract.figures.lexicon import Lexicon
from accordwatch.extract.figures.skeleton import Skeleton, skeleton
from accordwatch.extract.lowered import lowered

_LEADING = "([\"'\u201c\u2018"
_TRAILING = ".,;:!?)]\"'\u201d\u2019"
# Thousands are grouped with commas, or with the no-break and thin spaces of typeset text ("5 000").
_GROUP = ",\u00a0\u202f\u2009"
_GROUP_SEPARATOR = re.compile(f"[{_GROUP}]")
_DIGITS = rf"\d{{1,3}}(?:[{_GROUP}]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SYMBOLS = r"US\$|\$|£|€|¥|₽|₼"
# A whole token: optional currency sign, the number, an attached suffix ("bn", "%", "km"),
# and an optional hyphenated word ("24-hour", "2,000-strong").
_TOKEN = re.compile(
    rf"(?P<cur>{_SYMBOLS})?(?P<num>{_DIGITS})(?P<suf>%|[a-zA-Z²]{{1,3}})?(?:-(?P<hyphen>[a-zA-Z]+(?:-[a-zA-Z]+)*))?"
)
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")


class Number(NamedTuple):
    """A number found in text: `start:end` covers the number (and an attached sign or suffix).
    (A named tuple: a dozen are made a document, and a tuple is made several times faster than a
    frozen dataclass.)"""

    start: int
    end: int
    value: float
    source: str  # "digits", "words" or "ordinal"
    currency: str = ""  # ISO code of an attached currency sign
    suffix: str = ""  # attached suffix, lower-cased: "%", "bn", "km"
    hyphen: str = ""  # hyphenated word after the number: "hour" in "24-hour"


def digit_numbers(text: str, lex: Lexicon, skel: Skeleton | None = None) -> Iterator[Number]:
    """Numbers written with digits. Tokens with more than one digit group ("4-3", "13:52",
    "1872-07-11-2025", "3+3") or letters around them ("G20", "1990s") are not numbers here."""
    for m in _number_tokens(text, lex, skel or skeleton(text)):
        start, end = m.start(), m.end()
        while start > 0 and not text[start - 1].isspace():
            start -= 1  # the token's sign or prefix: "$1.2bn", "(2,000", "G20"
        while start < end and text[start] in _LEADING:
            start += 1
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        token = text[start:end]
        # An ordinal ends with "st", "nd", "rd" or "th": its last letter is one of these, in either case
        # (no other character matches them when case is ignored), or the match is not tried.
        om = _ORDINAL_DIGITS.fullmatch(token) if token[-1:] in "dhtDHT" else None
        if om:
            yield Number(start, end, float(om.group(1)), "ordinal")
            continue
        tm = _TOKEN.fullmatch(token)
        if tm is None:
            continue
        number = _from_token(tm, lex, start, end)
        if number is not None:
            yield number


def _number_tokens(text: str, lex: Lexicon, skel: Skeleton) -> Iterator[re.Match[str]]:
    """The matches of `lex.number_token.finditer(text)`: a match starts at the first digit after
    the last one (the pattern is a digit and what may follow it), found in the skeleton by memchr."""
    if not skel.exact:
        yield from lex.number_token.finditer(text)
        return
    pos = 0
    while (digit := skel.data.find(b"0", pos)) >= 0:
        m = lex.number_token.match(text, digit)
        if m is None:  # cannot happen: the skeleton's digits are the text's
            raise AssertionError(f"no number at a digit: {text[digit:digit + 20]!r}")
        yield m
        pos = m.end()


def _from_token(tm: re.Match[str], lex: Lexicon, start: int, end: int) -> Number | None:
    num = tm.group("num")
    value = float(num if num.isdecimal() else _GROUP_SEPARATOR.sub("", num))  # digits alone have no separator
    suffix = (tm.group("suf") or "").lower()
    if suffix and suffix != "%" and suffix not in lex.units and suffix not in lex.scale_abbreviations:
        return None  # "1990s", "3D", "5G", "2nd" (ordinals are read apart)
    currency = lex.currency_prefixes.get(tm.group("cur") or "", "")
    if suffix == "m" and not currency and (value in lex.metre_distances or _hundredths(num)):
        suffix = "metres"  # "the 800m", "cleared 1.80m", not 800 or 1.8 million
    if suffix in lex.scale_abbreviations and (currency or suffix not in lex.units):
        value = scaled(value, lex.scale_abbreviations[suffix])
    return Number(start, end, value, "digits", currency, suffix, (tm.group("hyphen") or "").lower())


def _hundredths(number: str) -> bool:
    """Millions are written with one decimal ("2.5m"), heights and distances with two ("1.80m")."""
    return "." in number and len(number.rsplit(".", 1)[1]) == 2


def scaled(value: float, scale: float) -> float:
    """value * scale without binary noise: 8.2 * 1e9 is 8200000000, not 8199999999.999999."""
    if scale == 1.0 and value.is_integer() and -1e12 < value < 1e12:
        return value  # most numbers are scaled by one: a whole number of twelve digits or fewer prints as itself
    return float(f"{value * scale:.12g}")


def lower_same_length(text: str) -> str:
    """text.lower() where that keeps every offset (it does not for a few letters such as "İ")."""
    low = lowered(text)  # (made once a text for the stages that read it lower-cased, see lowered.py)
    return low if len(low) == len(text) else "".join(c.lower()[0] for c in text)


def word_numbers(text: str, lex: Lexicon, skel: Skeleton | None = None) -> Iterator[Number]:
    """Numbers written in words: cardinals ("five", "twenty-five", "two and a half", "a dozen",
    "half a million") and ordinals ("fifth"), from one scan of the lower-cased text."""
    low = lower_same_length(text)
    for run in word_scan_matches(low, lex, skel or skeleton(text)):
        if run.lastgroup == "ordinal":
            yield Number(run.start(), run.end(), float(lex.ordinals[run.group()]), "ordinal")
        elif run.group() in lex.cardinals:  # the common case: one word
            yield Number(run.start(), run.end(), float(lex.cardinals[run.group()]), "words")
        else:
            yield from _word_run(run, lex)


def word_scan_matches(low: str, lex: Lexicon, skel: Skeleton) -> Iterator[re.Match[str]]:
    """The matches of `lex.word_scan.finditer(low)`, found faster: the scan is only tried where one can start.

    A match starts with an ordinal, a number word, or "a"/"an" (or "half a") and blanks before a
    number word; every such word is a whole word (the pattern ends it with a blank, a hyphen or a
    word boundary). So `lex.word_hit` finds every number word (and ordinal start) in the skeleton
    of the text, the "a"/"an" right before one is added, and the scan is tried at these starts in
    text order, from the end of the last match on, as finditer would: the first start where it
    matches is the leftmost match.
    """
    starts: set[int] = set()
    for hit in lex.word_hit.finditer(b" " + skel.data):  # the blank stands for the start of the text
        word = hit.start()  # in `low`: one past the blank before the word, minus the added blank
        starts.add(word)
        article = _article_before(low, word)
        if article >= 0:
            starts.add(article)
    end = 0
    for start in sorted(starts):
        if start >= end:
            m = lex.word_scan.match(low, start)
            if m:
                end = m.end()
                yield m


def _article_before(low: str, pos: int) -> int:
    """Where "a" or "an" ends right before the blanks before `pos`, its start (-1 if none); whether it
    is a word of its own is left to the scan's `\b`."""
    i = pos
    while i > 0 and low[i - 1].isspace():  # str.isspace is what \s matches
        i -= 1
    if i == pos:
        return -1
    if low.endswith("an", 0, i):
        return i - 2
    return i - 1 if low.endswith("a", 0, i) else -1


def _word_run(run: re.Match[str], lex: Lexicon) -> Iterator[Number]:
    tokens = [(w.group(), run.start() + w.start(), run.start() + w.end()) for w in _WORD.finditer(run.group())]
    i = 0
    while i < len(tokens):
        parsed = parse_number_words([t[0] for t in tokens[i:]], lex)
        if parsed is None:
            i += 1
            continue
        value, used = parsed
        yield Number(tokens[i][1], tokens[i + used - 1][2], value, "words")
        i += used


def parse_number_words(words: list[str], lex: Lexicon) -> tuple[float, int] | None:
    """The value of the longest number at the start of `words`, and how many words it takes."""
    total, current, last = 0.0, 0.0, ""
    best: tuple[float, int] | None = None
    i = 0
    while i < len(words):
        word, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
        if word in ("a", "an") and i == 0 and nxt in lex.scales:
            current, last = 1.0, "one"
        elif word == "half" and i == 0 and nxt in ("a", "an") and i + 2 < len(words) and words[i + 2] in lex.scales:
            current, last, i = 0.5, "one", i + 1
        elif word == "and" and last and words[i + 1:i + 3] == ["a", "half"]:
            current, last, i = current + 0.5, "half", i + 2
        elif word == "and" and last in ("hundred", "scale") and nxt in lex.cardinals:
            last = "and"
        elif word in lex.cardinals:
            v = lex.cardinals[word]
            if last == "tens" and v < 10 or last in ("", "hundred", "scale", "and"):
                current += v
                last = "tens" if v >= 20 and v % 10 == 0 and last != "tens" else "unit"
            else:
                break
        elif word == "hundred" and last in ("unit", "tens", "one") and current < 100:
            current, last = current * 100, "hundred"
        elif word == "dozen" and last in ("unit", "tens", "one", ""):
            current, last = (current or 1) * 12, "hundred"
        elif word in lex.scales and word not in ("hundred", "dozen") and last in ("unit", "tens", "one", "hundred",
                                                                                  "half"):
            total, current, last = total + current * lex.scales[word], 0.0, "scale"
        else:
            break
        i += 1
        if last not in ("and", "one"):
            best = (total + current, i)
    return best

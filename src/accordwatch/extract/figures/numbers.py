"""Numbers as written: digits ("2,550.2", "$1.2bn", "76%"), words ("two and a half",
"a dozen") and counting ordinals ("the fifth anniversary"), with their offsets and values.

This module only reads numbers; whether a number is a figure (not a date, a score or a
name) is decided in guards.py, and what it counts in objects.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from accordwatch.extract.figures.lexicon import Lexicon

_LEADING = "([\"'\u201c\u2018"
_TRAILING = ".,;:!?)]\"'\u201d\u2019"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SYMBOLS = r"US\$|\$|£|€|¥|₽|₼"
# A whole token: optional currency sign, the number, an attached suffix ("bn", "%", "km"),
# and an optional hyphenated word ("24-hour", "2,000-strong").
_TOKEN = re.compile(
    rf"(?P<cur>{_SYMBOLS})?(?P<num>{_DIGITS})(?P<suf>%|[a-zA-Z²]{{1,3}})?(?:-(?P<hyphen>[a-zA-Z]+(?:-[a-zA-Z]+)*))?"
)
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Number:
    """A number found in text: `start:end` covers the number (and an attached sign or suffix)."""

    start: int
    end: int
    value: float
    source: str  # "digits", "words" or "ordinal"
    currency: str = ""  # ISO code of an attached currency sign
    suffix: str = ""  # attached suffix, lower-cased: "%", "bn", "km"
    hyphen: str = ""  # hyphenated word after the number: "hour" in "24-hour"


def digit_numbers(text: str, lex: Lexicon) -> Iterator[Number]:
    """Numbers written with digits. Tokens with more than one digit group ("4-3", "13:52",
    "1872-07-11-2025", "3+3") or letters around them ("G20", "1990s") are not numbers here."""
    for m in lex.number_token.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start] in _LEADING:
            start += 1
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        token = text[start:end]
        tm = _TOKEN.fullmatch(token)
        if tm is None:
            om = _ORDINAL_DIGITS.fullmatch(token)
            if om:
                yield Number(start, end, float(om.group(1)), "ordinal")
            continue
        number = _from_token(tm, lex)
        if number is not None:
            yield Number(start, end, number.value, "digits", number.currency, number.suffix, number.hyphen)


def _from_token(tm: re.Match[str], lex: Lexicon) -> Number | None:
    value = float(tm.group("num").replace(",", ""))
    suffix = (tm.group("suf") or "").lower()
    if suffix and suffix != "%" and suffix not in lex.units and suffix not in lex.scale_abbreviations:
        return None  # "1990s", "3D", "5G", "2nd" (ordinals are read apart)
    currency = lex.currency_prefixes.get(tm.group("cur") or "", "")
    if suffix in lex.scale_abbreviations and (currency or suffix not in lex.units):
        value *= lex.scale_abbreviations[suffix]
    return Number(0, 0, value, "digits", currency, suffix, (tm.group("hyphen") or "").lower())


def word_numbers(text: str, lex: Lexicon) -> Iterator[Number]:
    """Numbers written in words: "five", "twenty-five", "two and a half", "a dozen", "half a million"."""
    for run in lex.word_run.finditer(text):
        tokens = [(w.group().lower(), run.start() + w.start(), run.start() + w.end())
                  for w in _WORD.finditer(run.group())]
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


def ordinal_numbers(text: str, lex: Lexicon) -> Iterator[Number]:
    """Ordinals written as words ("fifth"); digit ordinals ("5th") come from digit_numbers."""
    for m in lex.ordinal_word.finditer(text):
        word = m.group().lower()
        if word in lex.ordinals:
            yield Number(m.start(), m.end(), float(lex.ordinals[word]), "ordinal")

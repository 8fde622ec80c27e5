"""The figure rules as data: number words, units, qualifiers, guards and object heuristics.

Everything is read from data/rules/figures/*.yaml once (functools.cache) and compiled into
regular expressions (through the start-up cache: compiled afresh they cost about 10 ms at each
start), so that extraction itself is only regex scanning and dictionary look-ups (no model: the
pipeline budget is about a millisecond per 3 KB text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from accordwatch.data_files import load_yaml
from accordwatch.extract.wordtrie import trie_regex
from accordwatch.startup_cache import compile as compile_regex

RULE_FILES = ("numbers", "units", "qualifiers", "guards", "objects")


@cache
def load_rules(name: str) -> dict[str, Any]:
    """One rule file of data/rules/figures as a dict; fails loudly on a missing or bad file."""
    path = resources.files("accordwatch") / "data" / "rules" / "figures" / f"{name}.yaml"
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise TypeError(f"{path}: expected a mapping at top level")
    return data


def _alternation(forms: list[str]) -> str:
    """A regex alternation of literal forms, longest first so that "per cent" beats "per"."""
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


def _trie(words: list[str]) -> str:
    """An alternation of lower-case words as a prefix tree (see `wordtrie`): one or two tries at a
    word start instead of one a word (forty number words)."""
    return trie_regex(set(words))


def _case_free_trie(forms: list[str]) -> str:
    """`_alternation(forms)` for a case-insensitive pattern, as a prefix tree where that matches the same:
    the forms that match at one position then lie on one path of the tree, and the tree, taking the
    longer branch first, ends at the longest one that lets the rest of the pattern match, as the
    alternation (longest first) does. That holds where each character is ASCII or has no case (a
    text character then matches one branch at most); the tree costs one or two tries at a position
    instead of one a form (units: 99 forms, qualifiers: 37)."""
    lower = [f.lower() for f in forms]
    if all(ch.isascii() or ch.lower() == ch.upper() for f in lower for ch in f):
        return _trie(lower)
    return _alternation(forms)


@dataclass(frozen=True)
class Unit:
    unit: str
    label: str  # measure, duration, money, percent


@dataclass(frozen=True)
class Lexicon:
    cardinals: dict[str, int]
    scales: dict[str, int]
    scale_abbreviations: dict[str, int]
    ordinals: dict[str, int]
    ordinal_nouns: frozenset[str]
    ordinal_compounds: frozenset[str]
    units: dict[str, Unit]  # lower-cased surface form -> unit
    currency_prefixes: dict[str, str]  # surface form -> ISO code
    currency_last_chars: frozenset[str]  # the last characters of the forms
    metre_distances: frozenset[float]
    object_links: dict[str, frozenset[str]]  # label -> link words ("of", "in")
    qualifiers: dict[str, str]  # lower-cased phrase -> canonical qualifier
    qualifier_phrases: tuple[str, ...]  # the lower-cased phrases, for str.endswith
    determiners: frozenset[str]
    determiner_phrases: tuple[str, ...]  # the lower-cased determiners, for str.endswith
    months: frozenset[str]
    weekdays: frozenset[str]
    code_nouns: frozenset[str]
    time_suffixes: frozenset[str]
    year_range: tuple[int, int]
    name_exceptions: frozenset[str]
    unit_only_words: frozenset[str]
    rank_words: frozenset[str]
    stop_words: frozenset[str]
    irregular_plurals: frozenset[str]
    not_plural_endings: tuple[str, ...]
    not_plural_words: frozenset[str]
    max_object_words: int
    # Compiled patterns
    number_token: re.Pattern[str]  # a run of non-space characters holding a digit
    word_scan: re.Pattern[str]  # an ordinal word, or a run of number words (on lower-cased text)
    word_hit: re.Pattern[bytes]  # a blank and a whole number word, in a text's skeleton (see skeleton.py)
    unit_after: re.Pattern[str]  # a unit right after a number
    scale_after: re.Pattern[str]  # "million", "bn" right after a number
    qualifier_before: re.Pattern[str]
    determiner_before: re.Pattern[str]
    currency_before: re.Pattern[str]
    month_before: re.Pattern[str]
    month_after: re.Pattern[str]
    word_after: re.Pattern[str]


def _build_units(data: dict[str, Any]) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for row in data["units"]:
        for form in row["forms"]:
            units[form.lower()] = Unit(row["unit"], row["label"])
    return units


def _word_scan_pattern(words: list[str], ordinals: list[str]) -> re.Pattern[str]:
    """An ordinal word, or number words joined by spaces, hyphens and "and"/"a" ("two and a
    half", "twenty-five"), in lower-cased text (case-insensitive matching is twice as slow)."""
    atom = _trie(words)
    joint = r"(?:\s+|-)(?:and\s+)?(?:an?\s+)?"
    return compile_regex(rf"\b(?:(?P<ordinal>{_trie(ordinals)})\b|(?P<run>(?:(?:an?|half\s+an?)\s+)?(?:{atom})"
                         rf"(?:{joint}(?:{atom}))*)\b)")


def _word_hit_pattern(words: list[str], ordinals: list[str]) -> re.Pattern[bytes]:
    """A blank, then a number word or the first part of a hyphenated ordinal ("twenty" of "twenty-fifth")
    as a whole word, to run on a skeleton (where every character that is no word character is a
    blank): the leading literal blank lets the regex engine skip to the next blank at memchr speed."""
    trie = _trie([*words, *(w.split("-")[0] for w in ordinals)])
    return compile_regex(rf" (?:{trie})\b".encode("ascii"))


@cache
def lexicon() -> Lexicon:
    numbers, units, quals = load_rules("numbers"), load_rules("units"), load_rules("qualifiers")
    guards, objects = load_rules("guards"), load_rules("objects")
    unit_map = _build_units(units)
    prefixes = {form: code for code, forms in units["currency_prefixes"].items() for form in forms}
    qualifier_map = {p.lower(): canon for canon, phrases in quals["qualifiers"].items() for p in phrases}
    months = [m for m in guards["months"]]
    number_words = [*numbers["cardinals"], *numbers["scales"], "half"]
    return Lexicon(
        cardinals=dict(numbers["cardinals"]), scales=dict(numbers["scales"]),
        scale_abbreviations=dict(numbers["scale_abbreviations"]), ordinals=dict(numbers["ordinals"]),
        ordinal_nouns=frozenset(numbers["ordinal_nouns"]),
        ordinal_compounds=frozenset(numbers["ordinal_compounds"]), units=unit_map, currency_prefixes=prefixes,
        currency_last_chars=frozenset(form[-1] for form in prefixes),
        metre_distances=frozenset(float(v) for v in units["metre_distances"]),
        object_links={k: frozenset(v) for k, v in units["object_links"].items()},
        qualifiers=qualifier_map, qualifier_phrases=tuple(qualifier_map),
        determiners=frozenset(quals["determiners"]),
        determiner_phrases=tuple(d.lower() for d in quals["determiners"]),
        months=frozenset(months), weekdays=frozenset(guards["weekdays"]),
        code_nouns=frozenset(w.lower() for w in guards["code_nouns"]),
        time_suffixes=frozenset(guards["time_suffixes"]), year_range=tuple(guards["year_range"]),
        name_exceptions=frozenset(guards["name_exceptions"]),
        unit_only_words=frozenset(guards["unit_only_words"]),
        rank_words=frozenset(guards["rank_words"]),
        stop_words=frozenset(objects["stop_words"]), irregular_plurals=frozenset(objects["irregular_plurals"]),
        not_plural_endings=tuple(objects["not_plural_endings"]),
        not_plural_words=frozenset(objects["not_plural_words"]), max_object_words=int(objects["max_words"]),
        number_token=compile_regex(r"\d(?:[\u00a0\u202f\u2009]\d{3}(?!\d)|\S)*"),
        word_scan=_word_scan_pattern(number_words, list(numbers["ordinals"])),
        word_hit=_word_hit_pattern(number_words, list(numbers["ordinals"])),
        unit_after=compile_regex(rf"(?:\s*|-)({_case_free_trie(list(unit_map))})(?![\w])", re.IGNORECASE),
        scale_after=compile_regex(rf"\s*({_alternation([*numbers['scales']])})\b", re.IGNORECASE),
        qualifier_before=compile_regex(rf"(?<![\w])({_case_free_trie(list(qualifier_map))})\s+$", re.IGNORECASE),
        determiner_before=compile_regex(rf"(?<![\w])({_alternation(quals['determiners'])})\s+$", re.IGNORECASE),
        currency_before=compile_regex(rf"({_alternation(list(prefixes))})\s?$"),
        month_before=compile_regex(rf"\b(?:{_alternation(months)})\.?\s+$"),
        month_after=compile_regex(rf"^(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?,?\s+(?:of\s+)?(?:{_alternation(months)})\b"),
        word_after=compile_regex(r"\s*([A-Za-z][\w'’-]*|[^\w\s])"),
    )

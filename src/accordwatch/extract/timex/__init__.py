"""TIMEX3 temporal expressions: recognition, normalisation and anchoring.

    find_timexes(doc, dct)  -> [Timex]   spans over doc.text with TIMEX3 type, value, mod
    tag_text(text, dct)     -> [(start, end, type, value, mod)]   for plain strings (TimeML)

Rules are data (data/rules/timex/<lang>/); see rules.py for their format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from accordwatch.extract.timex.anchor import FUTURE, Reference, clause_tense
from accordwatch.extract.timex.normalise import Context, leading_mod, match_groups, normalise
from accordwatch.extract.timex.recognise import Candidate, recognise
from accordwatch.extract.timex.rules import load_language
from accordwatch.model import Document, Timex

__all__ = ["Recognised", "TaggedTimex", "find_timexes", "granularity_of", "recognise_text", "tag_text"]

_MONEY_BEFORE = re.compile(r"(?:[$#£€]\s?\d[\d.,]*|\d[\d.,]* (?:cents|pence))(?: (?:million|billion))?,?\s+$")
_DIGIT = re.compile(r"\d")
_MONEY_AFTER = re.compile(r"['’]s [$#£€]\s?\d")
_PART_YEAR = re.compile(r"^P(?:[4-9]|1[01])M$")
_DAY = re.compile(r"^\d{4}-\d\d-\d\d(?:T|$)")
_FULL_DATE = re.compile(r"^\d{4}(?:-\d\d){0,2}$")
_GRANULARITY = (
    (re.compile(r"^\d{4}-\d\d-\d\dT"), "time"),
    (re.compile(r"^(?:\d{4}|XXXX)-\d\d-\d\d"), "day"),
    (re.compile(r"^\d{4}-W"), "week"),
    (re.compile(r"^(?:\d{4}|XXXX)-\d\d$"), "month"),
    (re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}-Q"), "quarter"),
    (re.compile(r"^\d{4}-H"), "half"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
)


class TaggedTimex(NamedTuple):
    """A timex of a plain string (a named tuple: two are made for each expression of an undated
    text, and a tuple is made several times faster than a frozen dataclass)."""

    start: int
    end: int
    type: str
    value: str
    mod: str
    rule_id: str
    anchored_to: str


@lru_cache(maxsize=4096)  # values repeat ("2005", "PRESENT_REF"), and this tries ten patterns
def granularity_of(value: str) -> str:
    for pattern, name in _GRANULARITY:
        if pattern.match(value):
            return name
    return "unknown"


def beside_money(text: str, start: int, end: int) -> bool:
    """Whether a sum of money stands right before the span or is owned by it ("last year's $2 billion")."""
    # A sum before the span has a digit in it, and white space right before the span; most spans
    # have neither, and are not searched (`_MONEY_BEFORE` starts with no character to skip to).
    lo = max(0, start - 40)
    before = start > 0 and text[start - 1].isspace() and _DIGIT.search(text, lo, start) is not None \
        and _MONEY_BEFORE.search(text, lo, start) is not None
    return before or _MONEY_AFTER.match(text, end) is not None


@dataclass(frozen=True)
class Recognised:
    """What recognition found in a text, with all about each expression that does not depend on
    the document's date (the clause tense, the mod, whether a sum of money stands beside it), so
    that anchoring against a new date need not recognise or look at the text again."""

    text: str
    lang: str
    # (candidate, clause tense, mod, beside money, the match's `match_groups`: None for a constant)
    found: tuple[tuple[Candidate, int, str, bool, dict[str, str] | None], ...]


def recognise_text(text: str, lang: str = "en") -> Recognised:
    language = load_language(lang)
    future = language.lists.get("future_markers", frozenset())
    past = language.lists.get("past_irregular", frozenset())
    return Recognised(text, lang, tuple(
        (c, clause_tense(text, c.start, c.end, future, past),
         c.rule.mod or leading_mod(text[c.start:c.end], language), beside_money(text, c.start, c.end),
         None if c.rule.value.startswith("=") else match_groups(c.match))
        for c in recognise(text, language)))


def tag(text: str, dct: str | None, lang: str = "en", recognised: Recognised | None = None) -> list[TaggedTimex]:
    """Every timex in `text`, in order, resolved against `dct` and the narrative."""
    language = load_language(lang)
    if recognised is None or recognised.text != text or recognised.lang != lang:
        recognised = recognise_text(text, lang)
    ref = Reference.parse(dct)
    narrative: Reference | None = None
    out = []
    quarter = duration = reported = ""
    last_day: Reference | None = None
    for c, tense, mod, money, groups in recognised.found:
        ctx = Context(ref, narrative, tense, quarter, duration, money, last_day)
        value, how = normalise(c.rule, c.match, language, ctx, groups)
        out.append(TaggedTimex(c.start, c.end, c.rule.type, value, mod, c.rule.id, how))
        if not how and _FULL_DATE.match(value):
            narrative = Reference.parse(value)
        if _DAY.match(value):
            last_day = Reference.parse(value)
        if c.rule.type == "DURATION" and value.startswith("P"):
            duration = value
            if _PART_YEAR.match(value):
                quarter = ""  # "the first nine months ... a year earlier": now the year is compared
        if c.rule.id in ("quarter", "quarter_ref") and ref and value.startswith(f"{ref.day.year:04d}-Q") \
                and tense != FUTURE:  # a quarter still to come is not the one the report is about
            # News leads with the quarter it reports on; "after a flat second quarter" later looks back.
            reported = reported or value
            quarter = reported
    return out


def tag_text(text: str, dct: str | None) -> list[tuple[int, int, str, str, str]]:
    """(start, end, type, value, mod) of every timex in a plain string."""
    return [(t.start, t.end, t.type, t.value, t.mod) for t in tag(text, dct)]


def find_timexes(doc: Document, dct: str | None = None, *, dct_inferred: bool = False,
                 lang: str = "en", recognised: Recognised | None = None) -> list[Timex]:
    """The timexes of a document's clean text; relative ones anchored to `dct` where given.

    `recognised` (from `recognise_text(doc.text)`) saves recognising the text again when the
    same document is anchored a second time, against a date inferred from the first pass."""
    out = []
    for t in tag(doc.text, dct, lang, recognised):
        inferred = dct_inferred and t.anchored_to == "dct"
        out.append(Timex(doc.id, t.start, t.end, doc.text[t.start:t.end], t.type, f"timex:{t.rule_id}",
                         0.6 if inferred else 0.9 if t.anchored_to else 1.0, value=t.value, mod=t.mod,
                         granularity=granularity_of(t.value), anchored_to=t.anchored_to,
                         anchor_inferred=inferred))
    return out

"""Numbers that are not figures: days and years of dates, clock times, names and
document numbers ("Resolution 2334", "Formula One"), list markers, and ordinals that
only rank ("the first section").

Each guard returns a short reason, or "" when the number may be a figure. Scores and
codes written as one token ("4-3", "3+3", "13:52", "G20") never become numbers at all
(see numbers.py); the temporal engine's DATE/TIME spans, when given, are excluded first.
"""

from __future__ import annotations

import re

from accordwatch.extract.figures.draft import Draft
from accordwatch.extract.figures.lexicon import Lexicon
from accordwatch.extract.figures.numbers import Number
from accordwatch.extract.figures.objects import is_plural
from accordwatch.extract.lookup import lookup

_PREVIOUS_WORD = re.compile(r"([\w.#'’]+)\s*$")  # as _previous_word reads it (kept for the test)
_WORD_EXTRA = "_.#'’"
_NEXT_WORD = re.compile(r"\s*([\w'’]+(?:\.(?=\w))?[\w'’]*)")
_NAME_COMMA = re.compile(r"\b[A-Z][\w'’-]+, $")
_LIST_MARKER_AFTER = re.compile(r"[.)]\s")
_FRACTION_AFTER = re.compile(r"(?:-|\s+)(?:halves|thirds|quarters|fifths|sixths|eighths|tenths)\b|-(?:third|quarter)\b",
                             re.IGNORECASE)


def not_a_figure(num: Number, text: str, lex: Lexicon) -> str:
    """Why `num` is not a figure, or "" if it may be one."""
    if num.source == "ordinal":
        return _ordinal_guard(num, text, lex)
    if num.source == "words":
        return _word_guard(num, text, lex)
    if num.currency or num.suffix == "%":
        return ""
    for guard in (_date_guard, _time_guard, _year_guard, _leading_zero_guard, _list_marker_guard):
        reason = guard(num, text, lex)
        if reason:
            return reason
    return _name_guard(num, text, lex)


def _previous_word(text: str, start: int) -> tuple[str, int]:
    """What `_PREVIOUS_WORD.search(text, max(0, start - 40), start)` finds, walked back from `start` (the
    search tries every position of the window): the run of word characters, dots, hashes and apostrophes
    before the blanks before `start`, within 40 characters."""
    lo = max(0, start - 40)
    end = start
    while end > lo and text[end - 1].isspace():  # str.isspace is what \s matches
        end -= 1
    begin = end
    while begin > lo and (text[begin - 1].isalnum() or text[begin - 1] in _WORD_EXTRA):  # \w is isalnum or "_"
        begin -= 1
    return (text[begin:end], begin) if begin < end else ("", start)


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    return m.group(1) if m else ""


def _date_guard(num: Number, text: str, lex: Lexicon) -> str:
    if num.value > 31 or num.value != int(num.value):
        return ""
    if lex.month_before.search(text, max(0, num.start - 16), num.start):
        return "day of a date"
    if lex.month_after.match(text[num.end:num.end + 30]):
        return "day of a date"
    return ""


def _time_guard(num: Number, text: str, lex: Lexicon) -> str:
    nxt = _next_word(text, num.end).lower().rstrip(".,")
    return "clock time" if nxt in lex.time_suffixes or nxt + "." in lex.time_suffixes else ""


def _year_guard(num: Number, text: str, lex: Lexicon) -> str:
    """A four-digit number without a comma is a year, unless it is hedged or counts something
    right after a verb: "over 2000 people", "cost 2000 jobs"; not "in 2020", "2022 agreements"."""
    low, high = lex.year_range
    token = text[num.start:num.end]
    if not (token.isdigit() and len(token) == 4 and low <= num.value < high) or num.suffix:
        return ""
    before = text[max(0, num.start - 25):num.start]
    if lex.qualifier_before.search(before) or lex.unit_after.match(text, num.end):
        return ""
    previous, _ = _previous_word(text, num.start)
    nxt = _next_word(text, num.end)
    counts = nxt[:1].islower() and (nxt.endswith("s") or nxt in lex.irregular_plurals)
    if counts and previous and previous[0].islower() and previous.lower() not in lex.stop_words:
        return ""
    return "year"


def _leading_zero_guard(num: Number, text: str, lex: Lexicon) -> str:
    token = text[num.start:num.end]
    return "clock time or code" if len(token) > 1 and token[0] == "0" and token.isdigit() else ""


def _list_marker_guard(num: Number, text: str, lex: Lexicon) -> str:
    line_start = text.rfind("\n", 0, num.start) + 1
    if text[line_start:num.start].strip() == "" and _LIST_MARKER_AFTER.match(text, num.end):
        return "list marker"
    return ""


def _name_guard(num: Number, text: str, lex: Lexicon) -> str:
    """"Resolution 2334", "Article 5", "No 10", "Windows 95": a number after an identifier noun,
    or a number without thousands separators right after a capitalised word, names something."""
    previous, _ = _previous_word(text, num.start)
    if not previous:
        return ""
    if previous.lower() in lex.code_nouns or previous.lower().rstrip(".") in lex.code_nouns:
        return "document or item number"
    token = text[num.start:num.end]
    plain = token.replace(".", "", 1).isdigit()  # "Windows 95", "Opera 8.0"; not "Jan 2,000"
    capitalised = (previous[0].isupper() and previous not in lex.name_exceptions
                   and previous.lower() not in lex.stop_words  # "Then 300 prisoners"
                   and not previous.endswith(("'s", "’s")))  # "Azerbaijan's 10 districts"
    calendar = previous.rstrip(".") in lex.months or previous in lex.weekdays
    counts = is_plural(_next_word(text, num.end), lex)  # "Russia Sends 300 Troops"
    if plain and capitalised and not calendar and not counts:
        return "part of a name"
    return ""


def _starts_sentence(text: str, start: int) -> bool:
    """Nothing but blanks, quotes or brackets between `start` and a sentence end or line start."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


def _word_guard(num: Number, text: str, lex: Lexicon) -> str:
    word = text[num.start:num.end]
    at_start = _starts_sentence(text, num.start)
    if _FRACTION_AFTER.match(text, num.end):
        return "fraction"  # "two-thirds of all jobs"
    if word[0].isupper() and not at_start:
        return "part of a name"  # "Formula One", "the Big Three"
    if word.lower() in lex.unit_only_words and not _measured(text, num.end, lex):
        return "'one' as a pronoun or article"  # "one of", "no one", "one day"
    if _previous_word(text, num.start)[0].lower() in lex.code_nouns:
        return "document or item number"  # "at number three"
    return ""


def _measured(text: str, end: int, lex: Lexicon) -> bool:
    m = lex.unit_after.match(text, end)
    return m is not None and lookup(lex.units, m.group(1)).label != "duration"


def _ordinal_guard(num: Number, text: str, lex: Lexicon) -> str:
    m = _NEXT_WORD.match(text, num.end)
    if m is None or m.group(1).lower() not in lex.ordinal_nouns:
        return "ordinal that ranks"
    after = _next_word(text, m.end()).lower()
    compound = m.group(1).lower() in lex.ordinal_compounds and text[m.end():m.end() + 1] == " "
    if compound and after and after not in lex.stop_words:
        return "ordinal in a compound"  # "first time buyers"
    return ""


def not_a_bare_count(fig: Draft, text: str, lex: Lexicon) -> str:
    """Why a count that counts nothing named is no figure: a rank ("24 Feliciano Lopez",
    "the top 10", "the last 16"), an address or a name ("10 Downing Street"), an age in
    apposition ("Viktor Makarov, 50, claims"); or "" if it may be one."""
    if fig.label != "count" or fig.object or fig.qualifier:
        return ""
    number = text[fig.start:fig.end].split()[-1]
    if number[:1].isdigit() and re.match(r" [A-Z]", text[fig.end:fig.end + 2]):
        return "rank, address or name"
    if _previous_word(text, fig.start)[0].lower() in lex.rank_words:
        return "rank"
    if _NAME_COMMA.search(text, max(0, fig.start - 40), fig.start) and text[fig.end:fig.end + 1] in (",", ")"):
        return "age in apposition"
    return ""

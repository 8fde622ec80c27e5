"""TIMEX3 values from a rule match: one normaliser per rule `value` kind.

Each normaliser reads the match's named groups through the language's vocabulary tables
and returns the value at the expression's own granularity ("June 2024" -> 2024-06, never
a day), plus what it was anchored to ("", "dct" or "narrative").
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, NamedTuple

from accordwatch.extract.lookup import lookup
from accordwatch.extract.timex.anchor import (
    FUTURE,
    PAST,
    Reference,
    at_granularity,
    holiday_date,
    month_year,
    season_year,
    shift,
    weekday_date,
)
from accordwatch.extract.timex.rules import Language, Rule

_WORD_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
               "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_WORD_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90}
_SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
              "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biannually": "P6M",
              "semiannually": "P6M"}
# Compiled once (the module-level re functions look each pattern up in a cache on every call).
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_SPACES_OR_HYPHENS = re.compile(r"[\s-]+")
_TWO_THOUSAND = re.compile(r"two thousand(?: and (\w+))?")
_UNIT_EARLIER = re.compile(r"(year|month|week|day)[- ](?:earlier|ago)")
_LOWER_WORDS = re.compile(r"[a-z-]+")
_THIS_OR_CURRENT = re.compile(r"\b(?:this|current)\b")
_LAST = re.compile(r"(?:(?:later|earlier) )?last")
_ANAPHORIC = frozenset({"previous", "preceding", "following"})
_REL_WORDS = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1, "latest": -1,
              "recent": -1, "year-ago": -1, "year-earlier": -1, "next": 1, "coming": 1,
              "following": 1, "upcoming": 1}


class Context(NamedTuple):
    """What a relative expression can be anchored to, and the tense of its clause (a named tuple:
    one is made for each expression, each time a text is anchored)."""

    dct: Reference | None
    narrative: Reference | None
    tense: int
    # The last quarter the text named (2023-Q3): "a year earlier" in a quarterly report is that
    # quarter a year before.
    quarter: str = ""
    duration: str = ""  # the last duration the text named, for "the same period"
    # The expression compares a sum of money ("from $3 million last year"): in a quarterly report
    # that is the same quarter a year before.
    beside_money: bool = False
    last_day: Reference | None = None  # the last day the text named or resolved

    def reference(self, narrative_first: bool = False, unit: str = "Y") -> tuple[Reference | None, str]:
        """The narrative or the document date, whichever comes first and is precise enough for `unit`."""
        order = [(self.narrative, "narrative"), (self.dct, "dct")]
        if not narrative_first:
            order.reverse()
        known = [(ref, name) for ref, name in order if ref is not None]
        return next(((r, n) for r, n in known if _known_to(r, unit)), known[0] if known else (None, ""))


def number(word: str | None, lang: Language) -> float | None:
    """'27' -> 27, 'twenty-five' -> 25, 'a couple of' -> 2, '2 1/2' -> 2.5; None when unknown."""
    if not word:
        return None
    w = word.lower().strip()
    half = w.endswith((" 1/2", " and a half"))
    w = w.removesuffix(" 1/2").removesuffix(" and a half")
    if _DECIMAL.fullmatch(w.replace(",", "")):
        return float(w.replace(",", "")) + (0.5 if half else 0)
    parts = _SPACES_OR_HYPHENS.split(w)
    if len(parts) == 2 and parts[1] == "hundred" and parts[0] in _WORD_UNITS:
        return 100.0 * _WORD_UNITS[parts[0]]
    if len(parts) == 2 and parts[0] in _WORD_TENS and parts[1] in _WORD_UNITS:
        return float(_WORD_TENS[parts[0]] + _WORD_UNITS[parts[1]])
    found = lang.lookup("numword", w)
    return float(found) + (0.5 if half else 0) if found is not None else None


def _num_text(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


_SMALLER = {"Y": (12, "M"), "D": (24, "TH"), "TH": (60, "TM"), "TM": (60, "TS"), "W": (7, "D")}


def duration_value(n: float | None, unit: str) -> str:
    """P5Y, PT24H, P4DE, PXY (n None), P2Y6M (2 1/2 years) ..."""
    if n is not None and n != int(n) and unit in _SMALLER:
        factor, smaller = _SMALLER[unit]
        whole, rest = int(n), round((n - int(n)) * factor)
        head = duration_value(whole, unit) if whole else "P"
        tail = duration_value(rest, smaller)[1:]
        return head + (tail[1:] if tail.startswith("T") and "T" in head else tail)
    if n is not None and unit in ("DE", "CE"):  # TimeML counts decades and centuries in years
        return duration_value(n * (10 if unit == "DE" else 100), "Y")
    amount = "X" if n is None else _num_text(n)
    if unit == "FN":
        return f"P{'X' if n is None else _num_text(2 * n)}W"
    if unit.startswith("T"):
        return f"PT{amount}{unit[1:]}"
    return f"P{amount}{unit}"


def leading_mod(text: str, lang: Language) -> str:
    """The TIMEX3 mod of a leading modifier ("late September" -> END, "more than" -> MORE_THAN)."""
    low = text.lower()
    for form in lang.mod_forms.get(low[:1], ()):  # the longest that fits wins
        if low.startswith(form) and (len(low) == len(form) or not low[len(form)].isalpha() or form.endswith("-")):
            return str(lang.tables["mod"][form])
    return ""


def match_groups(m: re.Match[str]) -> dict[str, str]:
    """The named groups a match set, a group named twice ("year2") under its first name."""
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    for second in ("year2", "ordinal2", "dayword2", "pod2"):  # alternatives of a pattern that name a group twice
        if second in g and second[:-1] not in g:
            g[second[:-1]] = g.pop(second)
    return g


def normalise(rule: Rule, m: re.Match[str], lang: Language, ctx: Context,
              groups: dict[str, str] | None = None) -> tuple[str, str]:
    """(value, anchored_to) of a match of `rule`; `groups` are its `match_groups`, where known
    (a document anchored twice reads them once). The normalisers do not change them."""
    kind = rule.value
    if kind.startswith("="):
        return kind[1:], ""
    g = match_groups(m) if groups is None else groups
    fn = _KINDS[kind]
    return fn(rule, g, m.group(0), lang, ctx)


def _year_of(g: dict[str, str], lang: Language) -> int | None:
    if "year" in g:
        return int(g["year"])
    if "yearwords" in g:
        w = g["yearwords"].lower()
        n = number(w, lang) if w != "hundred" else 0
        century = 2000 if g.get("yearwordscentury", "nineteen").lower() == "twenty" else 1900
        return century + int(n) if n is not None else None
    return None


def _spoken_two_thousand(text: str, lang: Language) -> int | None:
    m = _TWO_THOUSAND.search(text.lower())
    if not m:
        return None
    return 2000 + int(number(m.group(1), lang) or 0) if m.group(1) else 2000


def _date(rule: Rule, g: dict[str, str], text: str, lang: Language, ctx: Context) -> tuple[str, str]:
    """Calendar dates at their own granularity: 2024-06-12, 2024-06, 2024, 202, 2023-Q3, 2023-SU ..."""
    coarse = _decade_or_century(rule, g, lang)
    if coarse:
        return coarse, ""
    year = _year_of(g, lang) or _spoken_two_thousand(text, lang)
    rel = lang.lookup("rel", g["rel"]) if "rel" in g else None
    if "ordinal" in g and ("quarter" in text.lower() or rule.options.get("half")):
        return _part_of_year(rule, g, text, year, lang, ctx)
    if "season" in g:
        return _season(g, year, rel, lang, ctx)
    if year is not None and rule.options.get("context_quarter") and ctx.quarter and "ordinal" not in g \
            and text.lower().endswith(("quarter", "period")):
        return f"{year:04d}{ctx.quarter[4:]}", "narrative"  # "the 1988 period" of a quarterly report
    if "weeknum" in g and year is not None:
        return f"{year:04d}-W{int(g['weeknum']):02d}", ""
    if "holiday" in g:
        value, how = _holiday(str(lang.lookup("holiday", g["holiday"])), year, rel, ctx)
        held = Reference.parse(value) if "holiday_week" in g else None
        return (at_granularity(held.day, "W"), how) if held and held.granularity == "day" else (value, how)
    value, how = _month_day(rule, g, year, rel, lang, ctx)
    if rule.options.get("week_of"):  # "the week of March 6": the week that holds the day
        held = Reference.parse(value)
        return (at_granularity(held.day, "W"), how) if held and held.granularity == "day" else (value, how)
    return value, how


def _decade_or_century(rule: Rule, g: dict[str, str], lang: Language) -> str:
    if "decade" in g:
        return g["decade"]
    if "decade2" in g:  # "the '80s"
        return "19" + g["decade2"]
    if "decadeword" in g:  # "the nineties"
        return str(lang.lookup("decadeword", g["decadeword"]))
    if rule.options.get("century"):  # "the 20th century" -> 19
        return f"{int(lang.lookup('ordinal', g['ordinal'])) - 1:02d}"
    return ""


def _month_day(rule: Rule, g: dict[str, str], year: int | None, rel: int | None, lang: Language,
               ctx: Context) -> tuple[str, str]:
    month = lang.lookup("month", g["month"]) if "month" in g else (int(g["monthnum"]) if "monthnum" in g else None)
    day = int(g["day"]) if "day" in g else int(lang.lookup("ordinal", g["dayord"])) if "dayord" in g else None
    pod = f"T{lang.lookup('pod', g['pod'])}" if "pod" in g else ""
    if pod == "TNI" and "weekday" in g:
        pod = ""  # TimeBank mostly dates "Friday night" to the day (often tagging "Friday" alone)
    if year is not None:
        return (f"{year:04d}" if month is None else _ymd(year, month, day) + pod), ""
    if month is None:
        return _weekday(g, rel, pod, lang, ctx) if "weekday" in g else ("XXXX", "")
    ref, how = ctx.reference(narrative_first=ctx.dct is None)
    if ref is None:
        return ("XXXX-" + _ymd(0, month, day)[5:]) + pod, ""
    if rule.options.get("rel_year"):  # "June last year": the relation is the year's
        y = ref.day.year + (rel or 0)
    elif rel == 0 or (how == "narrative" and rel is None):
        y = ref.day.year
    else:
        direction = rel if rel is not None else ctx.tense
        y = month_year(ref.day, month, direction, day or 1, rel is not None)
    return _ymd(y, month, day) + pod, how


def _holiday(spec: str, year: int | None, rel: int | None, ctx: Context) -> tuple[str, str]:
    """A holiday's date: fixed ("12-25") or movable ("11-4#4", the fourth Thursday of November;
    "E-2", two days before Easter), in the year given, or the one the tense and `rel` point to."""
    how = ""
    if year is None:
        ref, how = ctx.reference(narrative_first=ctx.dct is None)
        if ref is None:  # the month and day where they do not depend on the year
            fixed = spec[:5] if "#" not in spec and not spec.startswith("E") else None
            return "XXXX-" + (fixed or (spec[:2] + "-XX" if "#" in spec else "XX-XX")), ""
        approx = holiday_date(spec, ref.day.year)
        direction = rel if rel is not None else ctx.tense
        year = month_year(ref.day, approx.month, direction, approx.day, rel is not None)
    return holiday_date(spec, year).isoformat(), how


def _ymd(year: int, month: int, day: int | None) -> str:
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _weekday(g: dict[str, str], rel: int | None, pod: str, lang: Language, ctx: Context) -> tuple[str, str]:
    wd = int(lang.lookup("weekday", g["weekday"]))
    ref, how = ctx.reference(narrative_first=False)
    if g.get("rel", "").lower() in _ANAPHORIC and ctx.last_day is not None:
        ref, how = ctx.last_day, "narrative"  # "the previous Friday": before the day the story is at
    if ref is None or ref.granularity != "day":
        return f"XXXX-WXX-{wd}{pod}", ""
    if rel is not None and rel != 0:
        return weekday_date(ref.day, wd, rel, strict=True).isoformat() + pod, how
    direction = FUTURE if ctx.tense == FUTURE or rel == 0 and ctx.tense != PAST else PAST
    return weekday_date(ref.day, wd, direction).isoformat() + pod, how


def _season(g: dict[str, str], year: int | None, rel: int | None, lang: Language,
            ctx: Context) -> tuple[str, str]:
    season = str(lang.lookup("season", g["season"]))
    if year is not None:
        return f"{year:04d}-{season}", ""
    ref, how = ctx.reference(narrative_first=ctx.dct is None)
    if ref is None:
        return f"XXXX-{season}", ""
    direction = rel if rel is not None else ctx.tense
    return f"{season_year(ref.day, season, direction):04d}-{season}", how


def _part_of_year(rule: Rule, g: dict[str, str], text: str, year: int | None, lang: Language,
                  ctx: Context) -> tuple[str, str]:
    low = text.lower()
    if rule.options.get("half"):
        n = 2 if g["ordinal"].lower() in ("second", "last") else 1
        letter = "H"
    else:
        n, letter = int(lang.lookup("ordinal", g["ordinal"])), "Q"
    if year is not None:
        return f"{year:04d}-{letter}{n}", ""
    ref, how = ctx.reference()
    if ref is None:
        return f"XXXX-{letter}{n}", ""
    y = ref.day.year - (1 if "last year" in low or "year-ago" in low or "year-earlier" in low else 0)
    y += 1 if "next year" in low else 0
    current = (ref.day.month - 1) // (6 if letter == "H" else 3) + 1
    if n > current and ctx.tense == PAST and y == ref.day.year:
        y -= 1  # a quarter not yet begun, told in the past tense, is last year's
    return f"{y:04d}-{letter}{n}", how


def _interval(rule: Rule, g: dict[str, str], text: str, lang: Language, ctx: Context) -> tuple[str, str]:
    first, how = _date(rule, g, text, lang, ctx)
    second = first[:-2] + f"{int(g['day2']):02d}"
    return f"{first}/{second}", how


def _time(rule: Rule, g: dict[str, str], text: str, lang: Language, ctx: Context) -> tuple[str, str]:
    low = text.lower()
    if "hour" in g:
        hour, minute = int(g["hour"]), int(g.get("minute", 0))
        ampm = g.get("ampm", "").lower() or ("pm" if g.get("pod", "").lower() in ("afternoon", "evening", "night")
                                             and hour > 4 else "")
        if ampm.startswith("p") and hour < 12:
            hour += 12
        if ampm.startswith("a") and hour == 12:
            hour = 0
    else:
        hour, minute = (24, 0) if "midnight" in low else (12, 0)
    if "month" in g or "weekday" in g:
        day, how = _date(rule, g, text, lang, ctx)
    else:  # "at 10:35 a.m.": on the day the story is at, else the document's
        ref, how = (ctx.last_day, "narrative") if ctx.last_day is not None else ctx.reference()
        day = ref.day.isoformat() if ref is not None else "XXXX-XX-XX"
    return f"{day}T{hour:02d}:{minute:02d}", how


def _amount(g: dict[str, str], lang: Language) -> float | None:
    if "num" in g:
        return number(g["num"], lang)
    return None


def _unit(g: dict[str, str], lang: Language) -> str:
    return str(lang.lookup("unit", g["unit"])) if "unit" in g else "Y"


def _duration(rule: Rule, g: dict[str, str], text: str, lang: Language, ctx: Context) -> tuple[str, str]:
    if "termword" in g:
        return ("PXM" if g["termword"].lower() == "short" else "PXY"), ""
    if rule.options.get("vague_unit"):
        return duration_value(None, str(lang.lookup("unit", text))), ""
    if rule.id == "long_adjective":  # "decades-long" is vague, "day-long" one day
        unit = g["unit"].lower()
        return duration_value(None if unit.endswith("s") else 1, _unit(g, lang)), ""
    return duration_value(_amount(g, lang), _unit(g, lang)), ""


def _offset(rule: Rule, g: dict[str, str], text: str, lang: Language, ctx: Context) -> tuple[str, str]:
    low = text.lower()
    if "unit" not in g:  # "year-earlier", "the year-ago quarter"
        compound = _UNIT_EARLIER.search(low)
        g = {**g, "unit": compound.group(1) if compound else "year", "num": "1"}
        direction = -1
        if "quarter" in low and ctx.dct is not None:
            return _year_before_quarter(ctx)
    else:
        direction = int(lang.lookup("ago", g["ago"]))
    n = _amount(g, lang)
    if n is None and "vague" not in g:
        n = 1
    unit = _unit(g, lang)
    ref, how = ctx.reference(narrative_first=direction > 0, unit=unit)
    if n is None:
        return ("PAST_REF" if direction < 0 else "FUTURE_REF"), how
    if ref is None or not _known_to(ref, unit):
        return ("PAST_REF" if direction < 0 else "FUTURE_REF"), ""
    if unit == "Y" and n == 1 and direction < 0 and ctx.quarter:
        return f"{int(ctx.quarter[:4]) - 1:04d}{ctx.quarter[4:]}", "narrative"
    if unit.startswith("T"):
        return ref.day.isoformat(), how
    amount = int(n) if n == int(n) else round(n * 12) if unit == "Y" else int(n)
    if n != int(n) and unit == "Y":
        unit = "M"
    return at_granularity(shift(ref.day, direction * amount, unit), unit), how


def _year_before_quarter(ctx: Context) -> tuple[str, str]:
    """"The year-ago quarter": the quarter the report is about (the last one it named, else the
    last one over at the document date), a year before."""
    assert ctx.dct is not None
    quarter, how = (ctx.quarter, "narrative") if ctx.quarter else (
        at_granularity(shift(ctx.dct.day, -1, "Q"), "Q"), "dct")
    return f"{int(quarter[:4]) - 1:04d}{quarter[4:]}", how


_FINEST_UNIT = {"day": 0, "month": 2, "year": 4}
_UNIT_RANK = {"D": 0, "W": 1, "WE": 1, "M": 2, "Q": 3, "H": 3, "Y": 4, "DE": 5, "CE": 6}


def _known_to(ref: Reference, unit: str) -> bool:
    """Whether `ref` is precise enough to count `unit`s from ("last week" needs a known day)."""
    return _UNIT_RANK.get(unit, 0) >= _FINEST_UNIT.get(ref.granularity, 0)


def _unit_ref(rule: Rule, g: dict[str, str], text: str, lang: Language, ctx: Context) -> tuple[str, str]:
    low = text.lower()
    unit_word = g.get("unit", "")
    unit = rule.options.get("unit") or {"fiscal year": "Y", "weekend": "WE", "morning": "D", "night": "D"}.get(
        unit_word.lower()) or str(lang.lookup("unit", unit_word) or "Y")
    words = _LOWER_WORDS.findall(low)
    direction = next((_REL_WORDS[w] for w in words if w in _REL_WORDS), 0)
    if unit == "Q" and direction == 0 and not _THIS_OR_CURRENT.search(low):
        direction = -1
    if unit == "Q" and ("year-ago" in low or "year-earlier" in low) and ctx.dct is not None:
        return _year_before_quarter(ctx)
    if unit == "Y" and direction < 0 and ctx.quarter and ctx.beside_money and words[:1] == ["last"]:
        return _year_before_quarter(ctx)
    ref, how = ctx.reference(narrative_first=bool(rule.options.get("narrative")), unit=unit)
    if ref is None or not _known_to(ref, unit):
        return ("PAST_REF" if direction < 0 else "FUTURE_REF" if direction > 0 else "PRESENT_REF"), ""
    if unit == "WE" and direction == 0:  # "the weekend": the one before, or after in future tense
        saturday = weekday_date(ref.day, 6, FUTURE if ctx.tense == FUTURE else PAST)
        return at_granularity(saturday, "WE"), how
    suffix = "TNI" if unit_word.lower() == "night" else "TMO" if unit_word.lower() == "morning" else ""
    value = at_granularity(shift(ref.day, direction, unit), unit) + suffix
    return value, how


def _day_ref(rule: Rule, g: dict[str, str], text: str, lang: Language, ctx: Context) -> tuple[str, str]:
    low = text.lower()
    word = g.get("dayword", "").lower()
    offsets = {"yesterday": -1, "tomorrow": 1, "before yesterday": -2, "after tomorrow": 2}
    n = offsets.get(word, 0)
    pod = f"T{lang.lookup('pod', g['pod'])}" if "pod" in g else ""
    if word == "tonight":
        pod = "TNI"
    if not word and _LAST.match(low):
        n = -1
    ref, how = ctx.reference()
    if ref is None or ref.granularity != "day":
        return ("PRESENT_REF" if n == 0 else "PAST_REF" if n < 0 else "FUTURE_REF"), ""
    day: date = shift(ref.day, n, "D")
    return day.isoformat() + pod, how


def _set(rule: Rule, g: dict[str, str], text: str, lang: Language, ctx: Context) -> tuple[str, str]:
    word = g.get("setword") or g.get("setword2")
    if word:
        return lookup(_SET_WORDS, word), ""
    if "weekday" in g:
        return f"XXXX-WXX-{lang.lookup('weekday', g['weekday'])}", ""
    if "season" in g:
        return f"XXXX-{lang.lookup('season', g['season'])}", ""
    if "month" in g:
        return f"XXXX-{int(lang.lookup('month', g['month'])):02d}", ""
    unit = {"morning": "D", "evening": "D", "night": "D"}.get(g["unit"].lower()) or _unit(g, lang)
    every = g.get("numset", "1").lower()
    n = 2.0 if every == "other" else number(every, lang) or 1.0
    return duration_value(n, unit), ""


def _same_duration(rule: Rule, g: dict[str, str], text: str, lang: Language, ctx: Context) -> tuple[str, str]:
    return (ctx.duration, "narrative") if ctx.duration else ("PXX", "")


def _then(rule: Rule, g: dict[str, str], text: str, lang: Language, ctx: Context) -> tuple[str, str]:
    """"until then": the last day the text named."""
    return (ctx.last_day.day.isoformat(), "narrative") if ctx.last_day is not None else ("PAST_REF", "")


_KINDS: dict[str, Any] = {
    "then": _then,
    "same_duration": _same_duration,
    "date": _date, "interval": _interval, "time": _time, "duration": _duration, "offset": _offset,
    "unit_ref": _unit_ref, "day_ref": _day_ref, "set": _set,
}

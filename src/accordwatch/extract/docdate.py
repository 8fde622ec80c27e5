"""Date a document from its own text when no metadata gives the date.

In order of trust:
1. a dateline: a fully specified date (and time) alone on a line near the top;
2. an anniversary: "ahead of the fifth anniversary of the November 2020 ceasefire" dates
   the text to the anniversary (November 2025), before it for "ahead of"; where the event's
   day is known (given, or the one day of that month the text or its collection gives such an
   event), the anniversary is a day, and a weekday told in the past ("said on Friday") ahead of
   it is the last such weekday before it: that day dates the text (a guess, lower confidence);
3. the dates the text reports: the latest event it tells in the past tense bounds the date
   from below, a deadline still to come ("will stay until November 2025") from above;
   dates without a year ("on 25 May") are recent, so they fall after the latest dated
   event, and the document after them; where the text narrates developments after its
   latest dated event, it was written some months later.
The result is a MetaField with how="inferred" (or "read" for a dateline), a confidence and
a one-line reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from accordwatch.extract.timex import find_timexes
from accordwatch.extract.timex.anchor import FUTURE, PAST, clause_tense, shift, weekday_date
from accordwatch.extract.timex.rules import Language, fold, load_language, needles
from accordwatch.model import Document, MetaField, Timex

_ABSOLUTE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T[\d:]+)?$")
_WEEKDAY_VALUE = re.compile(r"^XXXX-WXX-(\d)")
_YEARLESS = re.compile(r"^XXXX-(\d\d)(?:-(\d\d))?")
_LOWER_WORD = re.compile(r"[a-z]+")
_FOUR_DIGITS = re.compile(r"\d{4}")
_DATED_MONTH = re.compile(r"^\d{4}-(\d\d)(?:-(\d\d))?")
_DATELINE_LINES = 12
_NARRATIVE_LAG_MONTHS = 3  # "later developments" after the latest event: a quarter later


@lru_cache(maxsize=32)
def _cue_regex(pattern: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A cue pattern of the language data, compiled, with the literals one of which it needs."""
    regex = re.compile(pattern, re.IGNORECASE)
    return regex, needles(regex)


def _cues(pattern: str, text: str) -> Iterator[re.Match[str]]:
    """Matches of a cue pattern. The cues start with common words ("on", "for"), so a scan tries
    most positions of the text; one of the cue's needles is in every match, and a text without
    any ("anniversary of") has none: it is not scanned."""
    regex, required = _cue_regex(pattern)
    if required:
        folded = fold(text)
        if not any(map(folded.__contains__, required)):
            return iter(())
    return regex.finditer(text)


@dataclass(frozen=True)
class Dated:
    """An absolute date the text mentions, with its last possible day."""

    timex: Timex
    first: date
    last: date
    future: bool
    deadline: bool


def _span_of(value: str) -> tuple[date, date] | None:
    m = _ABSOLUTE.match(value)
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if d:
        day = date(y, int(mo), int(d))
        return day, day
    if mo:
        first = date(y, int(mo), 1)
        return first, date.fromordinal(shift(first, 1, "M").toordinal() - 1)
    return date(y, 1, 1), date(y, 12, 31)


def _head_end(text: str) -> int:
    """Where the first `_DATELINE_LINES` lines end (after the newline), without splitting the text."""
    end = -1
    for _ in range(_DATELINE_LINES):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text) + 1
    return end + 1


def _dateline(doc: Document, timexes: list[Timex]) -> MetaField | None:
    head_end = _head_end(doc.text)
    for t in timexes:
        if t.start > head_end or t.granularity not in ("day", "time") or t.anchored_to:
            continue
        line_start = doc.text.rfind("\n", 0, t.start) + 1
        line_end = doc.text.find("\n", t.end)
        line = doc.text[line_start:line_end if line_end >= 0 else len(doc.text)].strip()
        if len(line) <= len(t.text) + 25:  # the date stands alone (or with a place name)
            return MetaField(t.value[:10], "read", "dateline", f"dateline '{t.text}' at the top of the text", 0.95)
    return None


@dataclass(frozen=True)
class EventDay:
    """A day the text gives an event ("signed on November 9, 2020", "the 9 November 2020 statement"),
    with the event nouns around it ("agreement", "statement")."""

    day: date
    nouns: frozenset[str]


def _event_nouns(text: str, start: int, end: int, nouns: frozenset[str], before: int = 90,
                 after: int = 40) -> frozenset[str]:
    window = text[max(0, start - before):start] + " " + text[end:end + after]
    return frozenset(w for w in _LOWER_WORD.findall(window.lower()) if w in nouns)


def dated_events(doc: Document, timexes: list[Timex], lang: str = "en") -> list[EventDay]:
    """The days a text gives events; other texts of a collection can use them to date their
    anniversaries ("the November 2020 ceasefire" of one text is "November 9, 2020" in another)."""
    nouns = frozenset(load_language(lang).sections.get("docdate", {}).get("event_nouns", []))
    out = []
    for t in timexes:
        if t.granularity == "day" and not t.anchored_to and _ABSOLUTE.match(t.value):
            found = _event_nouns(doc.text, t.start, t.end, nouns)
            if found:
                out.append(EventDay(date.fromisoformat(t.value[:10]), found))
    return out


def _event_day(month: str, nouns: frozenset[str], known: list[EventDay]) -> date | None:
    """The one day of `month` (YYYY-MM) on which the known events sharing a noun happened."""
    days = {e.day for e in known if e.day.isoformat()[:7] == month and e.nouns & nouns}
    return days.pop() if len(days) == 1 else None


def _same_day_years_on(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _weekday_before(doc: Document, timexes: list[Timex], lang: Language, day: date) -> tuple[Timex, date] | None:
    """A weekday the text tells in the past ("said on Friday"), as the last such day before `day`."""
    future, past = lang.lists.get("future_markers", frozenset()), lang.lists.get("past_irregular", frozenset())
    for t in timexes:
        m = _WEEKDAY_VALUE.match(t.value)
        if m and clause_tense(doc.text, t.start, t.end, future, past) != FUTURE:
            return t, weekday_date(day, int(m.group(1)), PAST, strict=True)
    return None


def _anniversary(doc: Document, timexes: list[Timex], lang: Language,
                 known: list[EventDay]) -> MetaField | None:
    cues = lang.sections.get("docdate", {})
    pattern = cues.get("anniversary")
    if not pattern:
        return None
    nouns = frozenset(cues.get("event_nouns", []))
    for m in _cues(pattern, doc.text):
        years = lang.lookup("ordinal", m.group("ordinal"))
        event = next((t for t in timexes if m.end() <= t.start <= m.end() + 80 and not t.anchored_to
                      and _span_of(t.value)), None)
        if not years or event is None:
            continue
        years = int(years)
        before = m.group("cue").lower() in cues.get("before_cues", [])
        head = f"'{m.group(0).strip()} {event.text}'"
        day = date.fromisoformat(event.value[:10]) if event.granularity == "day" else None
        if day is None and event.granularity == "month":
            day = _event_day(event.value[:7], _event_nouns(doc.text, event.start, event.end, nouns, 0, 40),
                             dated_events(doc, timexes, lang.code) + known)
        if day is None:
            value = f"{int(event.value[:4]) + years:04d}{event.value[4:7]}"
            reason = f"{head}: {years} years after {event.value}{', shortly before it' if before else ''}"
            return MetaField(value, "inferred", "content", reason, 0.7)
        anniversary = _same_day_years_on(day, years)
        reason = f"{head} ({day.isoformat()}): {years} years later, {anniversary.isoformat()}"
        told = _weekday_before(doc, timexes, lang, anniversary) if before else None
        if told is not None:
            # "said on Friday" ahead of the anniversary: the last Friday before it, a guess.
            reason += f"; shortly before it, so '{told[0].text}' is {told[1].isoformat()}"
            return MetaField(told[1].isoformat(), "inferred", "content", reason, 0.5)
        if before:
            return MetaField(anniversary.isoformat()[:7], "inferred", "content", reason + ", shortly before it", 0.7)
        return MetaField(anniversary.isoformat(), "inferred", "content", reason, 0.7)
    return None


def _dated(doc: Document, timexes: list[Timex], lang: Language) -> list[Dated]:
    future, past = lang.lists.get("future_markers", frozenset()), lang.lists.get("past_irregular", frozenset())
    deadline_words = set(lang.sections.get("docdate", {}).get("deadline_words", []))
    out = []
    for t in timexes:
        span = _span_of(t.value) if t.label in ("DATE", "TIME") and not t.anchored_to else None
        if span is None:
            continue
        before = _LOWER_WORD.findall(doc.text[max(0, t.start - 20):t.start].lower())
        deadline = bool(before) and before[-1] in deadline_words
        is_future = clause_tense(doc.text, t.start, t.end, future, past) == FUTURE
        out.append(Dated(t, span[0], span[1], is_future, deadline))
    return out


def _yearless(timexes: list[Timex]) -> list[tuple[int, int]]:
    """(month, day) of the dates written without a year ("25 May", "late September")."""
    out = []
    for t in timexes:
        if t.label != "DATE" or _FOUR_DIGITS.search(t.text) or t.granularity not in ("day", "month"):
            continue
        m = _YEARLESS.match(t.value) or (_DATED_MONTH.match(t.value)
                                         if t.anchored_to == "narrative" else None)
        if m:
            out.append((int(m.group(1)), int(m.group(2) or 1)))
    return out


def _year_for(yearless: list[tuple[int, int]], lower: date, upper: date | None) -> tuple[int, str]:
    """The year of the year-less dates: the first after `lower`, or the middle of (lower, upper)."""
    month, day = max(yearless)
    if (lower.month, lower.year) == (month, lower.year) and lower.day <= day:
        return lower.year, "the year of the dated event of the same month"
    years = [y for y in range(lower.year, (upper.year if upper else lower.year + 1) + 1)
             if lower <= date(y, month, day) and (upper is None or date(y, month, day) <= upper)]
    if not years:
        return lower.year, "after the latest dated event"
    if upper is None or len(years) == 1:
        return years[0], "the first year after the latest dated event"
    middle = lower.toordinal() + (upper.toordinal() - lower.toordinal()) // 2
    best = min(years, key=lambda y: abs(date(y, month, day).toordinal() - middle))
    return best, f"the year nearest the middle of {lower.isoformat()[:7]}..{upper.isoformat()[:7]}"


def _from_content(doc: Document, timexes: list[Timex], lang: Language) -> MetaField | None:
    dated = _dated(doc, timexes, lang)
    events = [d for d in dated if not d.future and not d.deadline]
    if not events:
        return None
    latest = max(events, key=lambda d: d.first)
    ahead = [d.first for d in dated if (d.future or d.deadline) and d.first > latest.first]
    upper = min(ahead) if ahead else None
    yearless = _yearless(timexes)
    if yearless:
        year, why = _year_for(yearless, latest.first, upper)
        month, day = max(yearless)
        value, confidence = f"{year:04d}-{month:02d}", (0.5 if upper is None else 0.3)
        reason = f"dates without a year (latest {day} {date(2000, month, 1):%B}) read as {year}, {why}"
    else:
        value, confidence = latest.timex.value[:7], 0.4
        reason = f"latest dated event mentioned: '{latest.timex.text}' ({latest.timex.value})"
    later = lang.sections.get("docdate", {}).get("later_cue")
    if later and len(value) >= 7 and next(_cues(later, doc.text), None):
        moved = shift(date(int(value[:4]), int(value[5:7]), 1), _NARRATIVE_LAG_MONTHS, "M")
        if upper is None or moved < upper:
            value, reason = moved.isoformat()[:7], reason + "; the text tells of later developments, so some months after"
            confidence = min(confidence, 0.3)
    return MetaField(value, "inferred", "content", reason, confidence)


def infer_document_date(doc: Document, timexes: list[Timex] | None = None, lang: str = "en",
                        known_events: list[EventDay] | None = None) -> MetaField | None:
    """The document's date from its text: a dateline, an anniversary, or the dates it reports.

    `timexes` should be found without a document date (relative ones left unresolved).
    `known_events` are days other texts of the collection give events (see dated_events): they
    date an anniversary whose event this text names only by its month.
    """
    language = load_language(lang)
    if timexes is None:
        timexes = find_timexes(doc, None, lang=lang)
    return (_dateline(doc, timexes) or _anniversary(doc, timexes, language, known_events or [])
            or _from_content(doc, timexes, language))

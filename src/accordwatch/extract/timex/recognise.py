"""Recognition: run every rule over the text, keep plausible matches, resolve overlaps.

One pass per compiled rule; where matches overlap the longest wins (then the earlier
rule), which gives TimeML extents ("the past three years" over "three years"). Matches
that are names or numbers rather than times are dropped here: a lone year after
"Resolution", a year followed by "troops", "may" the verb, "Sun" the newspaper.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from typing import NamedTuple

from accordwatch import startup_cache
from accordwatch.extract.timex.prefilter import StartTable, shared_gate
from accordwatch.extract.timex.rules import START_AFTER, Language, Rule, alternation, fold, load_language

_PREV_WORD = re.compile(r"([#\w.]+)\W*$")
_NEXT_WORD = re.compile(r"^\W{0,2}?([%\w]+)")
# Words that are a month or a weekday only when written with a capital.
_CAPITAL_ONLY = {"may", "march", "sun", "sat", "wed", "mon", "fri", "thu", "tue", "jan", "dec", "aug"}
_SEASON_CONTEXT = {"in", "the", "this", "last", "next", "during", "by", "until", "since", "early", "late",
                   "mid", "past", "coming", "that", "each", "every", "through", "throughout", "before",
                   "after", "of", "from", "till", "for"}


_OF_NO_YEAR = re.compile(r"\s+of\s+(?!\d{4})")  # "the fall of Kabul"
_EARLIER = re.compile(r"(?<![\w-])(?:earlier|later) $", re.IGNORECASE)
_COUNTED = re.compile(r"(?:\d|\b(?:year|month|week|day|hour|minute|decade|while)s?)[\s-]+$", re.IGNORECASE)
_RATE = re.compile(r"(?:a|an|per) \w+$", re.IGNORECASE)
# "$1.76 a year", "24 hours a day", "four flights a week", "700 seats a week": amounts per unit of time.
_AFTER_AMOUNT = re.compile(r"(?:\d|%|\b(?:hours|times|cents|dollars|million|billion|units|shares)"
                           r"|(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand))"
                           r"(?: [a-z]+){1,2})\s*$")
# "three-quarters of its food", "a quarter of the vote": fractions, not periods.
_FRACTION = re.compile(r"(?:^|\s)(?:(?:one|two|three)[- ]quarters|a quarter)$", re.IGNORECASE)
_SAME_UNIT_TO = re.compile(r"-to-(?:day|week|month|quarter|year)\b", re.IGNORECASE)
# "the March for Life", "the March of the Mothers": a march, not the month.
_MARCH_NOUN = re.compile(r"\s+(?:for|of the|against|on|to)\b")


class Candidate(NamedTuple):
    """A rule's match in the text, at its extent there (a named tuple: one is made for each match)."""

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


def _season_ok(text: str, c: Candidate) -> bool:
    m = c.match
    if "season" not in m.re.groupindex or not m.group("season"):
        return True
    if _OF_NO_YEAR.match(text[c.end:c.end + 12]):
        return False  # "the fall of Kabul"
    has_anchor = m.group("season") != m.group(0) or _prev_word(text, c.start) in _SEASON_CONTEXT
    return has_anchor


def plausible(text: str, c: Candidate, lang: Language) -> bool:
    """False for matches that are names, codes or quantities rather than times."""
    m = c.match
    if not _capital_ok(m) or not _season_ok(text, c):
        return False
    if c.rule.type == "DURATION" and _RATE.match(m.group(0)) \
            and _AFTER_AMOUNT.search(text, max(0, c.start - 40), c.start):
        return False  # a rate, not a duration
    if c.rule.type == "DURATION" and _FRACTION.search(m.group(0)) and _next_word(text, c.end) == "of":
        return False
    if c.rule.type == "SET" and c.rule.id == "set_adverb" and _AFTER_AMOUNT.search(text, max(0, c.start - 40), c.start):
        return False  # "rise 8.5% annually", "10,000 units annually": a growth rate, not a recurrence
    if _SAME_UNIT_TO.match(text, c.end):
        return False  # "the quarter-to-quarter comparison", "day-to-day"
    month = m.group("month") if "month" in m.re.groupindex else None
    if month and month.lower() == "march" and m.group(0) == month and _MARCH_NOUN.match(text, c.end) \
            and _prev_word(text, c.start) in ("the", "a", "annual"):
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


# Tokens: a run of ASCII letters, or a number: a year, a clock time, a "'80s". A letter run is a
# trigger if it, or it without its final "s"es, is a trigger word; a number always is.
# (It starts with a class of ASCII digits, quotes and anything not ASCII, which the regex engine
# tests without Unicode tables; each branch's look-behind tells digits from the rest.)
_NUMBER = re.compile(r"[0-9'’\x80-\U0010ffff](?:(?<=1)[5-9]\d\d|(?<=2)0\d\d|(?<=\d):\d\d|(?<=\d)\s?[aApP]\.?[mM]\b|(?<=['’])\d0s)")
_LEFT, _RIGHT = 45, 35  # how far a timex reaches before and after its trigger word


# Trigger categories: the tables whose words start a window, plus "number" (years, clock
# times, "'80s") and "word" (the `triggers` list). A rule with `needs: [unit]` is only run
# near a unit word; a rule without `needs` near any trigger.
_TABLE_CATEGORIES = ("month", "weekday", "season", "pod", "unit", "holiday")


@lru_cache(maxsize=8)
def _trigger_words(code: str) -> dict[str, str]:
    lang = load_language(code)
    words = {w: "word" for w in lang.lists.get("triggers", ())}
    for table in _TABLE_CATEGORIES:
        words.update({w.split()[0]: table for w in lang.tables.get(table, {})})
    return words


class _Categories(dict[str, str | None]):
    """The trigger category of a letter run (None for no trigger), learnt run by run."""

    def __init__(self, words: dict[str, str]) -> None:
        super().__init__()
        self.words = words

    def __missing__(self, token: str) -> str | None:
        category = self.words.get(token) or self.words.get(token.rstrip("s"))
        if len(self) < 200_000:  # a vocabulary, not a leak
            self[token] = category
        return category


@dataclass(frozen=True)
class _TriggerScan:
    """Regexes that find the letter runs that may be trigger words (a trie of the words, then
    any "s"es), and what each run found is (`categories`, None where it is not one after all:
    "christmass")."""

    after: re.Pattern[str]  # a character that is no letter, then such a run (group 1)
    at: re.Pattern[str]  # such a run, from where it is tried
    categories: _Categories


@lru_cache(maxsize=8)
def _trigger_scan(code: str) -> _TriggerScan:
    words = _trigger_words(code)
    run = f"(?:{alternation(sorted(w for w in words if w.isascii() and w.isalpha()))})s*(?![a-z])"
    # Starting with the character before the run, a class, lets the regex engine skip in C to the
    # next place a letter run can start; a run's first letter is the only place it is tried.
    return _TriggerScan(startup_cache.compile(f"[^a-z]({run})"), startup_cache.compile(run), _Categories(words))


def triggers(lowered: str, code: str) -> list[tuple[int, int, str]]:
    """(start, end, category) of the trigger tokens of a text lower-cased in its ASCII letters, in
    text order. A letter run starts after a character that is no letter, at the start of the
    text, or right after a "'80s" (the only number that ends in a letter); letters are no part of
    any other token, so runs and numbers can be looked for apart."""
    scan = _trigger_scan(code)
    category = scan.categories.__getitem__
    found = [(m.start(1), m.end(1), category(m.group(1))) for m in scan.after.finditer(lowered)]
    first = scan.at.match(lowered)
    if first is not None:
        found.insert(0, (0, first.end(), category(first.group())))
    numbers: list[tuple[int, int, str | None]] = [(m.start(), m.end(), "number") for m in _NUMBER.finditer(lowered)]
    if numbers:
        for _, end, _ in numbers:
            after = scan.at.match(lowered, end) if lowered[end - 1] == "s" else None
            if after is not None:
                found.append((end, after.end(), category(after.group())))
        found += numbers
        found.sort()
    return [(a, b, c) for a, b, c in found if c is not None]


def _merge(spans: list[tuple[int, int]], a: int, b: int) -> None:
    if spans and a <= spans[-1][1]:
        spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
    else:
        spans.append((a, b))


def windows(text: str, lang: Language) -> dict[str, list[tuple[int, int]]]:
    """Merged stretches of text around trigger words, by trigger category and "any"."""
    around: list[tuple[int, int]] = []
    out: dict[str, list[tuple[int, int]]] = {"any": around}
    size = len(text)
    # ASCII letters lower-cased, nothing else (bytes.lower): the tokens of this text are those of
    # `text`, at the same offsets.
    lowered = text.lower() if text.isascii() else text.encode("utf-8", "surrogatepass").lower().decode(
        "utf-8", "surrogatepass")
    for start, end, category in triggers(lowered, lang.code):
        a, b = max(0, start - _LEFT), min(size, end + _RIGHT)
        _merge(around, a, b)
        _merge(out.setdefault(category, []), a, b)
    return out


_NON_SPACE = re.compile(r"\S*")  # \s is what str.isspace says is a space


def compact(text: str, spans: Iterable[tuple[int, int]]) -> tuple[str, list[int], list[int]]:
    """The stretches of `text` in `spans`, widened to the white space around them so that no
    word is cut, joined by NUL (which no rule crosses); with each piece's start in the
    compact string and in `text`, to map offsets back."""
    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    pos = size = 0
    for a, b in spans:
        while a > pos and not text[a - 1].isspace():
            a -= 1
        b = _NON_SPACE.match(text, b).end()  # type: ignore[union-attr]  # (it matches, if only nothing)
        if pieces and a <= pos:  # touches the previous piece: extend it, no separator
            if b > pos:
                pieces[-1] += text[pos:b]
                size += b - pos
                pos = b
            continue
        starts.append(size)
        origins.append(a)
        pieces.append(text[a:b])
        size += b - a + 1
        pos = b
    return "\0".join(pieces), starts, origins


@dataclass(frozen=True)
class _RuleGroup:
    """The rules run over the same windows (same `needs`), with one gate shared by the gated ones."""

    needs: tuple[str, ...]
    gated: tuple[Rule, ...]
    ungated: tuple[Rule, ...]
    gate: re.Pattern[str] | None  # see `shared_gate`
    starts_at: StartTable  # which gated rules may start where the gate stops


@lru_cache(maxsize=8)
def _rule_groups(code: str) -> tuple[_RuleGroup, ...]:
    by_needs: dict[tuple[str, ...], list[Rule]] = {}
    for rule in load_language(code).rules:
        by_needs.setdefault(tuple(rule.options.get("needs", ("any",))), []).append(rule)
    groups = []
    for needs, rules in by_needs.items():
        gated = tuple(r for r in rules if r.starts is not None)
        ungated = tuple(r for r in rules if r.starts is None)
        starts = [r.start_regex for r in gated if r.start_regex is not None]
        shared = shared_gate(starts, START_AFTER) if gated else None
        groups.append(_RuleGroup(needs, gated, ungated, shared, StartTable(starts)))
    return tuple(groups)


def _joined(spans: dict[str, list[tuple[int, int]]], needs: tuple[str, ...]) -> list[tuple[int, int]]:
    if len(needs) == 1:
        return spans.get(needs[0], [])  # merged by `windows` already
    joined: list[tuple[int, int]] = []
    for a, b in sorted(s for category in needs for s in spans.get(category, ())):
        _merge(joined, a, b)
    return joined


_Scan = tuple[str, list[int], list[int], str]  # compact text, piece starts there and in the text, folded


def candidates(text: str, lang: Language) -> Iterator[Candidate]:
    spans = windows(text, lang)
    # Groups whose windows are the same in this text (no "pod" word: "unit" or "pod" is "unit")
    # share their compact text.
    made: dict[tuple[tuple[int, int], ...], _Scan] = {}

    def scan_of(joined: tuple[tuple[int, int], ...]) -> _Scan:
        if joined not in made:
            scan, starts, origins = compact(text, joined)
            made[joined] = scan, starts, origins, fold(scan)
        return made[joined]

    # No scan for the rules' needles first (see `prefilter.needles`): the gates of six characters
    # leave few tries that one would have saved, and it cost more than they do.
    for group in _rule_groups(lang.code):
        joined = tuple(_joined(spans, group.needs))
        if not joined:
            continue  # no text to match in
        scan, starts, origins, folded = scan_of(joined)
        found = group_matches(group, scan, folded)
        for rule in group.ungated:
            found = chain(found, zip(repeat(rule), rule.regex.finditer(scan)))
        for rule, m in found:
            if m.end() > m.start():
                i = bisect.bisect_right(starts, m.start()) - 1
                shift = origins[i] - starts[i]
                trim = _TRIM.match(m.group(0))
                c = Candidate(m.start() + shift + (trim.end() if trim else 0), m.end() + shift, rule, m)
                if rule.options.get("takes_earlier"):
                    c = _with_earlier(text, c)
                if plausible(text, c, lang):
                    yield c


def group_matches(group: _RuleGroup, scan: str, folded: str) -> Iterator[tuple[Rule, re.Match[str]]]:
    """(rule, match) for what `rule.regex.finditer(scan)` yields, for each of the group's gated
    rules, in text order rather than rule by rule. As `matches` does for one rule, each is tried
    only where its gate lets a match start (the group's `shared_gate` finds the places, its
    `StartTable` the rules), and resumes after its own last match."""
    rules = group.gated
    if group.gate is None:
        return
    resume = [0] * len(rules)
    starts_at, width = group.starts_at, group.starts_at.width
    # The gate finds the places after a character. Behind a NUL, as between the pieces of a compact
    # text, the first place is one of them too: a rule is tried there only where its gate lets it start.
    for place in group.gate.finditer("\0" + folded):
        at = place.end() - 1
        for i in starts_at[folded[at:at + width]]:
            if at >= resume[i]:
                m = rules[i].regex.match(scan, at)
                if m is not None:
                    yield rules[i], m
                    resume[i] = m.end()


def matches(rule: Rule, scan: str, folded: str) -> Iterator[re.Match[str]]:
    """What `rule.regex.finditer(scan)` yields, trying the rule only where its gate (run over
    `folded`, the `fold`ed scan) lets a match start. The same: `finditer` takes the first place
    from where it stands at which the regex matches, and resumes at the match's end; every
    place where a match starts is one the gate finds, and the gate finds no empty match."""
    if rule.gate is None:
        yield from rule.regex.finditer(scan)
        return
    match = rule.regex.match  # at a position, what a scan would match there (look-behinds see the text)
    resume = 0
    m = match(scan)  # the gate finds the places after a character, not the first one
    if m is not None:
        yield m
        resume = m.end()
    for place in rule.gate.finditer(folded, resume - 1 if resume else 0):
        at = place.end()
        if at >= resume:
            m = match(scan, at)
            if m is not None:
                yield m
                resume = m.end()


def _with_earlier(text: str, c: Candidate) -> Candidate:
    """TimeML extents take a leading "earlier"/"later" into a relative date ("Earlier this month",
    "later that year"), but not the "later" of "two days later"."""
    m = _EARLIER.search(text, max(0, c.start - 40), c.start)
    if not m or _COUNTED.search(text, max(0, m.start() - 20), m.start()):
        return c
    return Candidate(m.start(), c.end, c.rule, c.match)


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

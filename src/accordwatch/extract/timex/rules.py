"""Load the TIMEX3 rules of a language from YAML and compile them into regexes.

A rule's pattern names vocabulary tables as macros: `{MONTH}` becomes a named group
`(?P<month>january|jan\\.?|...)` over every form of the `month` table, `{MONTH:month2}` the
same group under another name. A few macros are built in because they are numbers, not
words ({YEAR}, {DAY}, {NUM}, ...); their look-arounds keep dates out of scores ("4-3"),
sums ("3+3"), percentages and document numbers ("1872-07-11-2025").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from accordwatch import startup_cache
from accordwatch.data_files import load_yaml
from accordwatch.extract.timex.prefilter import analysis, fold, gate_of, needles
from accordwatch.extract.wordtrie import trie_regex

__all__ = ["START_AFTER", "Language", "Rule", "fold", "load_language", "needles"]

_MACRO = re.compile(r"\{([A-Z]+)(?::([a-z0-9_]+))?\}")
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# Abbreviated month and weekday names may carry their dot ("Sept.", "Thurs.").
_DOTTED_TABLES = {"month", "weekday"}


def _builtin(name: str, group: str) -> str | None:
    """Number macros; `group` is the group name to capture into."""
    g = f"(?P<{group}>"
    built = {
        # A hyphen after a digit joins a code ("1872-07-11-2025"), after a word a prefix ("mid-1996").
        "YEAR": rf"(?<![\d.,+/$£€#])(?<!\d[-–]){g}1[5-9]\d\d|20\d\d)(?!\d|%|[+/]|[.,\-–]\d)",
        "DAY": rf"(?<![\d.,+/]){g}[12]\d|3[01]|0?[1-9])(?!\d|%|\+|[.,:/]\d)",
        "HOUR": rf"(?<![\d.,]){g}[01]?\d|2[0-3])",
        "MINUTE": rf"{g}[0-5]\d)(?!\d)",
        "AMPM": rf"{g}a\.m\.?|p\.m\.?|am|pm)(?!\w)",
        "DECADE": rf"(?<![\d.,]){g}1[5-9]\d|20\d)0[''’]?s(?!\w)",
        # A spoken year: "nineteen ninety-seven", "twenty twelve" (century and the rest).
        "SPOKENYEAR": (rf"(?P<{group}century>nineteen|twenty)[- ]{g}(?:ten|eleven|twelve|thirteen|fourteen|fifteen"
                       rf"|sixteen|seventeen|eighteen|nineteen|{_TENS})(?:[- ](?:{_UNITS}))?|hundred)"),
        # A number of units, but not a year ("the 1988 quarter").
        "NUM": (rf"(?<![\d.,+$%\-])(?!(?:1[5-9]|20)\d\d\b){g}(?:\d+|{_UNITS}|ten) and a half|\d+(?:[.,]\d+)?(?: 1/2)?(?![\d%+])"
                rf"|(?:{_TENS})(?:[- ](?:{_UNITS}))?"
                rf"|(?:{_UNITS})[- ]hundred|NUMWORDS)"),
    }
    return built.get(name)


@dataclass(frozen=True)
class Rule:
    id: str
    type: str
    value: str
    regex: re.Pattern[str]
    order: int
    mod: str = ""
    options: dict[str, Any] = field(default_factory=dict)
    examples: tuple[Any, ...] = ()
    counter_examples: tuple[str, ...] = ()
    # What a match may start with (see `gate_starts`), and a regex of it; None = anything.
    starts: frozenset[tuple[str, ...]] | None = None
    start_regex: str | None = None

    @property
    def gate(self) -> re.Pattern[str] | None:
        """Where in a `fold`ed text a match may start (see `gate`); None = anywhere. Built when
        asked for: recognition runs the gates that rules of a group share (`shared_gate`)."""
        return None if self.start_regex is None else gate_of(self.start_regex, START_AFTER)


@dataclass(frozen=True)
class Language:
    """A language's vocabulary tables, word lists and compiled rules."""

    code: str
    tables: dict[str, dict[str, Any]]
    lists: dict[str, frozenset[str]]
    rules: tuple[Rule, ...]
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)  # e.g. "docdate" cues

    @cached_property
    def mod_forms(self) -> dict[str, tuple[str, ...]]:
        """The forms of the `mod` table by their first letter, longest first (a leading modifier
        starts with one of them)."""
        by_initial: dict[str, list[str]] = {}
        for form in sorted(self.tables.get("mod", {}), key=len, reverse=True):
            by_initial.setdefault(form[:1], []).append(form)
        return {initial: tuple(forms) for initial, forms in by_initial.items()}

    def lookup(self, table: str, word: str) -> Any:
        try:
            return self._looked_up[table, word]
        except KeyError:
            pass
        key = " ".join(word.lower().rstrip(".").replace("-", " ").split())
        t = self.tables[table]
        found = t.get(key, t.get(word.lower().rstrip(".")))
        if len(self._looked_up) < 100_000:  # words of the tables, as written: a vocabulary, not a leak
            self._looked_up[table, word] = found
        return found

    @cached_property
    def _looked_up(self) -> dict[tuple[str, str], Any]:
        """`lookup`'s answers (the same words come back, and the tables do not change)."""
        return {}


def alternation(forms: list[str], abbreviations: frozenset[str] = frozenset()) -> str:
    """A regex matching any of `forms`, as a prefix tree ("j(?:an(?:uary|\\.?)|u(?:ne|ly))", see
    `wordtrie`): longer forms are tried first; abbreviations may take a dot; a space matches any
    run of spaces or hyphens."""
    return trie_regex(forms, space=r"[\s-]+", dotted=abbreviations)


def _abbreviations(table: dict[str, Any]) -> frozenset[str]:
    """Forms with a longer form of the same value ("sept" of "september"): they may take a dot."""
    return frozenset(f for f, v in table.items() if any(len(o) > len(f) and w == v for o, w in table.items()))


def _table_alternation(tables: dict[str, dict[str, Any]], table: str) -> str:
    if table == "NUMWORDS":  # the number words of {NUM}, "a" and "an" last
        return alternation([w for w in tables["numword"] if w not in ("a", "an")] + ["a", "an"])
    dotted = _abbreviations(tables[table]) if table in _DOTTED_TABLES else frozenset()
    return alternation([str(k) for k in tables[table]], dotted)


def _expand(pattern: str, tables: dict[str, dict[str, Any]], made: dict[str, str] | None = None) -> str:
    """`pattern` with its macros expanded; `made` keeps the tables' alternations from one
    pattern to the next (the rules of a language name the same few tables again and again)."""
    made = {} if made is None else made

    def alternation(table: str) -> str:
        if table not in made:
            made[table] = _table_alternation(tables, table)
        return made[table]

    def one(m: re.Match[str]) -> str:
        name, group = m.group(1), m.group(2) or m.group(1).lower()
        built = _builtin(name, group)
        if built is not None:
            return built.replace("NUMWORDS", alternation("NUMWORDS")) if "NUMWORDS" in built else built
        table = name.lower()
        if table not in tables:
            raise ValueError(f"unknown macro {{{name}}} in timex pattern {pattern!r}")
        return rf"(?<![\w])(?P<{group}>{alternation(table)})(?:(?<=\.)|(?!\w))"

    return _MACRO.sub(one, pattern)


START_AFTER = r"\w$£€#+/"  # (a class) no match starts right after one of these


def _compile(spec: dict[str, Any], order: int, tables: dict[str, dict[str, Any]],
             made: dict[str, str] | None = None) -> Rule:
    body = _expand(spec["pattern"], tables, made)
    try:
        regex = startup_cache.compile(rf"(?<![{START_AFTER}])(?:{body})(?:(?<=[.’'])|(?![\w]))", re.IGNORECASE)
    except re.error as e:
        raise ValueError(f"timex rule {spec['id']}: {e}") from e
    known = {"id", "type", "pattern", "value", "mod", "examples", "counter_examples"}
    options = {k: v for k, v in spec.items() if k not in known}
    return Rule(spec["id"], spec["type"], str(spec["value"]), regex, order, spec.get("mod", ""),
                options, tuple(spec.get("examples") or ()), tuple(spec.get("counter_examples") or ()),
                *analysis(regex))


def _read_yaml(lang: str, name: str) -> dict[str, Any]:
    path = resources.files("accordwatch") / "data" / "rules" / "timex" / lang / name
    return load_yaml(path)


@lru_cache(maxsize=8)
def load_language(lang: str = "en") -> Language:
    """The vocabulary and compiled rules of `lang`; fails loudly on a bad rule."""
    vocab = _read_yaml(lang, "vocab.yaml")
    tables = {name: {str(k).lower(): v for k, v in t.items()} for name, t in vocab["tables"].items()}
    lists = {k: frozenset(str(w).lower() for w in v) for k, v in vocab.items() if isinstance(v, list)}
    specs = _read_yaml(lang, "rules.yaml")["rules"]
    ids = [s["id"] for s in specs]
    if len(ids) != len(set(ids)):
        raise ValueError(f"duplicate timex rule ids in {lang}/rules.yaml")
    made: dict[str, str] = {}
    rules = tuple(_compile(s, i, tables, made) for i, s in enumerate(specs))
    sections = {k: v for k, v in vocab.items() if isinstance(v, dict) and k != "tables"}
    return Language(lang, tables, lists, rules, sections)

"""Load the TIMEX3 rules of a language from YAML and compile them into regexes.

A rule's pattern names vocabulary tables as macros: `{MONTH}` becomes a named group
`(?P<month>january|jan\\.?|...)` over every form of the `month` table, `{MONTH:month2}` the
same group under another name. A few macros are built in because they are numbers, not
words ({YEAR}, {DAY}, {NUM}, ...); their look-arounds keep dates out of scores ("4-3"),
sums ("3+3"), percentages and document numbers ("1872-07-11-2025").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from accordwatch.data_files import load_yaml

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
    # Lower-case strings one of which every match contains (see `needles`); () = no such set.
    needles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Language:
    """A language's vocabulary tables, word lists and compiled rules."""

    code: str
    tables: dict[str, dict[str, Any]]
    lists: dict[str, frozenset[str]]
    rules: tuple[Rule, ...]
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)  # e.g. "docdate" cues

    def lookup(self, table: str, word: str) -> Any:
        key = " ".join(word.lower().rstrip(".").replace("-", " ").split())
        t = self.tables[table]
        return t.get(key, t.get(word.lower().rstrip(".")))


def _alternation(forms: list[str], abbreviations: frozenset[str] = frozenset()) -> str:
    """A regex matching any of `forms`, built as a trie ("j(?:an(?:uary|\\.?)|u(?:ne|ly))") so
    that a failing position costs one character test, not one per form. Longer forms are
    tried first; abbreviations may take a dot; a space matches any run of spaces or hyphens."""
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = form in abbreviations
    return _emit(trie)


def _emit(node: dict[str, Any]) -> str:
    branches = [(r"[\s-]+" if ch == " " else re.escape(ch)) + _emit(child)
                for ch, child in node.items() if ch != ""]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")" if branches else ""
    if "" not in node:
        return body
    end = r"\.?" if node[""] else ""
    return f"(?:{body}|{end})" if body else end


def _abbreviations(table: dict[str, Any]) -> frozenset[str]:
    """Forms with a longer form of the same value ("sept" of "september"): they may take a dot."""
    return frozenset(f for f, v in table.items() if any(len(o) > len(f) and w == v for o, w in table.items()))


def _expand(pattern: str, tables: dict[str, dict[str, Any]]) -> str:
    def one(m: re.Match[str]) -> str:
        name, group = m.group(1), m.group(2) or m.group(1).lower()
        built = _builtin(name, group)
        if built is not None:
            words = _alternation([w for w in tables["numword"] if w not in ("a", "an")] + ["a", "an"])
            return built.replace("NUMWORDS", words)
        table = name.lower()
        if table not in tables:
            raise ValueError(f"unknown macro {{{name}}} in timex pattern {pattern!r}")
        dotted = _abbreviations(tables[table]) if table in _DOTTED_TABLES else frozenset()
        alt = _alternation([str(k) for k in tables[table]], dotted)
        return rf"(?<![\w])(?P<{group}>{alt})(?:(?<=\.)|(?!\w))"

    return _MACRO.sub(one, pattern)


def _compile(spec: dict[str, Any], order: int, tables: dict[str, dict[str, Any]]) -> Rule:
    body = _expand(spec["pattern"], tables)
    try:
        regex = re.compile(rf"(?<![\w$£€#+/])(?:{body})(?:(?<=[.’'])|(?![\w]))", re.IGNORECASE)
    except re.error as e:
        raise ValueError(f"timex rule {spec['id']}: {e}") from e
    known = {"id", "type", "pattern", "value", "mod", "examples", "counter_examples"}
    options = {k: v for k, v in spec.items() if k not in known}
    return Rule(spec["id"], spec["type"], str(spec["value"]), regex, order, spec.get("mod", ""),
                options, tuple(spec.get("examples") or ()), tuple(spec.get("counter_examples") or ()),
                needles(regex))


# Prefilter: a rule whose match must contain one of a few literal strings need not be run over
# a text that contains none of them. The strings are read off the regex's parse tree: a run of
# items each matching one of a small finite set of strings (literals, tries of vocabulary,
# optional dots, zero-width assertions) matches one of their concatenations; an alternation
# needs one of its branches' strings. Comparison is on `fold`ed text: IGNORECASE also matches
# four non-ASCII letters to ASCII ones, which `str.lower` alone does not map.
_NEEDLE_SET_LIMIT = 64
_FOLD_FROM = ("\u0130", "\u0131", "\u017f", "\u212a")
_FOLD = str.maketrans(dict(zip(_FOLD_FROM, "iisk")))
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_NOTHING = frozenset({""})


def fold(text: str) -> str:
    """`text` as the needles are written: every letter an IGNORECASE literal matches, lower-cased."""
    if text.isascii() or not any(map(text.__contains__, _FOLD_FROM)):
        return text.lower()
    return text.translate(_FOLD).lower()


def _product(sets: Iterable[frozenset[str]]) -> frozenset[str] | None:
    out = _NOTHING
    for s in sets:
        out = frozenset(a + b for a in out for b in s)
        if len(out) > _NEEDLE_SET_LIMIT:
            return None
    return out


def _exact(op: Any, av: Any) -> frozenset[str] | None:
    """Every string the item can match, if they are few and ASCII; else None."""
    if op is sre.LITERAL:
        return frozenset({chr(av).lower()}) if chr(av).isascii() else None
    if op is sre.IN:
        ok = all(o is sre.LITERAL and chr(a).isascii() for o, a in av)
        return frozenset(chr(a).lower() for _, a in av) if ok else None
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _NOTHING  # zero-width
    if op is sre.SUBPATTERN:
        return _exact_seq(av[3])
    if op is sre.BRANCH:
        parts = [_exact_seq(b) for b in av[1]]
        if any(p is None for p in parts):
            return None
        union = frozenset(w for p in parts if p is not None for w in p)
        return union if len(union) <= _NEEDLE_SET_LIMIT else None
    if op in _REPEATS and av[1] <= 1:
        child = _exact_seq(av[2])
        return None if child is None else child | _NOTHING if av[0] == 0 else child
    return None


def _exact_seq(items: Any) -> frozenset[str] | None:
    sets = [_exact(op, av) for op, av in items]
    return None if any(s is None for s in sets) else _product(s for s in sets if s is not None)


def _required_in(op: Any, av: Any) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _required(av[3])
    if op is sre.BRANCH:
        parts = [_required(b) for b in av[1]]
        return None if any(p is None for p in parts) else frozenset().union(*(p for p in parts if p))
    if op in _REPEATS and av[0] >= 1:
        return _required(av[2])
    return None


def _strength(s: frozenset[str]) -> tuple[int, int]:
    return (min(map(len, s)), -len(s)) if s else (0, 0)


def _required(items: Any) -> frozenset[str] | None:
    """Strings one of which every match of the sequence `items` contains; None if none found."""
    found: list[frozenset[str]] = []
    run = _NOTHING
    for op, av in items:
        exact = _exact(op, av)
        if exact is not None:
            grown = _product((run, exact))
            if grown is None:
                found.append(run)
            run = grown if grown is not None else exact
            continue
        found.append(run)
        run = _NOTHING
        inner = _required_in(op, av)
        if inner is not None:
            found.append(inner)
    found.append(run)
    best = max(found, key=_strength)
    return best if _strength(best)[0] > 0 else None


def needles(regex: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-case strings one of which is in the `fold`ed text of every match of `regex`,
    shortest kept ("jan" makes "january" redundant); () when the regex has no such set."""
    required = _required(sre_parse.parse(regex.pattern, regex.flags))
    if required is None:
        return ()
    return tuple(sorted(s for s in required if not any(o != s and o in s for o in required)))


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
    rules = tuple(_compile(s, i, tables) for i, s in enumerate(specs))
    sections = {k: v for k, v in vocab.items() if isinstance(v, dict) and k != "tables"}
    return Language(lang, tables, lists, rules, sections)

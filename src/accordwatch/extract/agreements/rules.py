"""Reading rule files (YAML under accordwatch/data/rules/) and the house pattern syntax.

Shared by the agreement and event extractors; events depend on agreements, never the reverse.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

from accordwatch import startup_cache
from accordwatch.data_files import load_yaml


def load_rules(*parts: str) -> Any:
    """A YAML rule file under accordwatch/data/rules/."""
    path = resources.files("accordwatch").joinpath("data", "rules", *parts)
    return load_yaml(path)


def expand(pattern: str) -> str:
    """House pattern syntax to a regular expression: `word~` inflects, `...` is a gap of up to three words."""
    def inflect(m: re.Match[str]) -> str:
        word = m.group(1)
        if word.endswith("e"):
            return f"{word[:-1]}(?:e|es|ed|ing)"
        if word.endswith("y") and len(word) > 3 and word[-2] not in "aeiou":
            return f"{word[:-1]}(?:y|ies|ied|ying)"
        # a doubled final consonant: committed, expelled, banned
        return f"{word}(?:s|es|ed|ing|{word[-1]}ed|{word[-1]}ing)?"

    out = re.sub(r"([A-Za-z-]+)~", inflect, pattern)
    out = out.replace("...", r"(?:[\w'’-]+\s+){0,3}")
    return out.replace(" ", r"\s+")


def compile_patterns(patterns: list[str], ignore_case: bool = True) -> re.Pattern[str]:
    """One regular expression for a list of patterns, on word boundaries; `ignore_case=False` for a
    faster one to run on lower-cased text."""
    body = "|".join(f"(?:{expand(p)})" for p in patterns)
    return startup_cache.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE if ignore_case else 0)


def literal_prefixes(pattern: str) -> tuple[str, ...]:
    """The literal lower-case starts a pattern can have: "kill~" -> ("kill",), "sa(?:y|id)" -> ("sa",),
    "(?:halt|suspend)\\w* aid" -> ("halt", "suspend"); a look-behind takes no text ("(?<!the\\s)wound~" ->
    ("wound",)) and an optional group adds its starts to those of what follows ("(?:as )?noted" -> ("as",
    "noted")); () where some start is not literal."""
    if pattern.startswith(("(?<!", "(?<=")):
        return literal_prefixes(pattern[group_end(pattern) + 1:])
    if pattern.startswith("(?:"):
        i = group_end(pattern)
        pieces = top_level_split(pattern[3:i])
        out = [literal_prefixes(p) for p in pieces]
        if pattern[i + 1:i + 2] == "?" and pattern[i + 2:i + 3] not in ("?", "+"):
            out.append(literal_prefixes(pattern[i + 2:].lstrip()))
        elif pattern[i + 1:i + 2] in ("?", "*", "{"):
            return ()
        return tuple(x for p in out for x in p) if all(out) else ()
    m = re.match(r"[a-z' -]+", pattern)
    if not m:
        return ()
    prefix = m.group()
    if pattern[m.end():m.end() + 1] in ("?", "*", "{"):
        prefix = prefix[:-1]
    prefix = prefix.split(" ")[0].rstrip("-'")
    return (prefix,) if prefix else ()


def group_end(pattern: str) -> int:
    """The index of the parenthesis closing the group that opens `pattern`."""
    depth = 0
    for i, ch in enumerate(pattern):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return i
    return len(pattern) - 1


def top_level_split(body: str) -> list[str]:
    pieces, depth, cur = [], 0, ""
    for ch in body:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            pieces.append(cur)
            cur = ""
        else:
            cur += ch
    return [*pieces, cur]


def pattern_prefixes(pattern: str) -> tuple[str, ...]:
    """Literal starts of every top-level alternative of a pattern; () where one has none (always try it)."""
    out = [literal_prefixes(p) for p in top_level_split(pattern)]
    return tuple(x for p in out for x in p) if all(out) else ()

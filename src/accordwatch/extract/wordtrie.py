"""An alternation of many literal words, written as a prefix tree ("t(?:wo|hree|en)").

Python's regex engine tries the branches of an alternation one by one: a flat list of forty
words costs forty tries at every place, a tree of them one or two. Where a word is a prefix of
another, the longer is tried first (`(?:...|)`), as a longest-first flat list would. Branches
keep the order in which their first word came, which only matters where two of them can match
the same character (a `space` pattern beside a literal "-").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def trie_regex(words: Iterable[str], space: str | None = None, dotted: frozenset[str] = frozenset()) -> str:
    """A regex matching any of `words`. A space in a word matches `space` where given (e.g. a run of
    blanks), else itself; the words in `dotted` (abbreviations) may take a final dot."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = word in dotted
    return _emit(tree, space)


def _emit(node: dict[str, Any], space: str | None) -> str:
    branches = [(space if ch == " " and space is not None else re.escape(ch)) + _emit(child, space)
                for ch, child in node.items() if ch != ""]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")" if branches else ""
    if "" not in node:
        return body
    end = r"\.?" if node[""] else ""
    return f"(?:{body}|{end})" if body else end

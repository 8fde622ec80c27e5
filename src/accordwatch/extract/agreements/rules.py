"""Reading rule files (YAML under accordwatch/data/rules/) and the house pattern syntax.

Shared by the agreement and event extractors; events depend on agreements, never the reverse.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import yaml


def load_rules(*parts: str) -> Any:
    """A YAML rule file under accordwatch/data/rules/."""
    path = resources.files("accordwatch").joinpath("data", "rules", *parts)
    return yaml.safe_load(path.read_text(encoding="utf-8"))


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


def compile_patterns(patterns: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{expand(p)})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

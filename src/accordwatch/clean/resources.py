"""Cached loaders for the cleaning data files (src/accordwatch/data/clean/)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from accordwatch.data_files import load_yaml


def _load(name: str) -> Any:
    path = resources.files("accordwatch").joinpath("data", "clean", name)
    return load_yaml(path)


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    return dict(_load("settings.yaml"))


@lru_cache(maxsize=1)
def navigation_words() -> frozenset[str]:
    return frozenset(_load("navigation.yaml")["words"])


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(_load("navigation.yaml")["stopwords"])


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Lower-case month name (any language listed) -> month number."""
    out: dict[str, int] = {}
    for names in _load("months.yaml").values():
        if len(names) != 12:
            raise ValueError(f"months.yaml: a list of {len(names)} names, expected 12")
        for number, name in enumerate(names, start=1):
            out.setdefault(str(name), number)
    return out


@lru_cache(maxsize=1)
def continuation_words() -> frozenset[str]:
    return frozenset(str(w) for w in _load("wrap.yaml")["continuation_words"])


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Language name (lingua's, upper case) -> its most frequent function words."""
    out: dict[str, frozenset[str]] = {}
    for language, words in _load("function_words.yaml").items():
        if not all(isinstance(word, str) for word in words):  # an unquoted "no" or "on" reads as a boolean
            raise ValueError(f"function_words.yaml: {language} has a word that is not a string; quote it")
        out[str(language)] = frozenset(words)
    return out

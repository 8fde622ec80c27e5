"""The fusion rules, read once from data/rules/fuse/*.yaml."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_FILES = ("fusion", "status", "claims")


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    if name not in _FILES:
        raise KeyError(f"no fusion rule file {name!r}")
    path = resources.files("accordwatch") / "data" / "rules" / "fuse" / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


@lru_cache(maxsize=None)
def type_group(event_type: str) -> frozenset[str]:
    """The PLOVER types that may describe the same happening as `event_type`."""
    for group in load("fusion")["type_groups"]:
        if event_type in group:
            return frozenset(group)
    return frozenset({event_type})


def types_compatible(a: str, b: str) -> bool:
    return b in type_group(a)


@lru_cache(maxsize=None)
def stopwords() -> frozenset[str]:
    return frozenset(load("fusion")["stopwords"])

"""The fusion rules, read once from data/rules/fuse/*.yaml."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from typing import Any

from accordwatch.data_files import load_yaml

_FILES = ("fusion", "status", "claims", "lineage", "framing")


# Bump when fusion code changes what it computes: a stored record made otherwise is stale.
FUSION_VERSION = 2


def _path(name: str):
    if name == "framing":  # loaded terms are their own data, beside the other rule sets
        return resources.files("accordwatch") / "data" / "rules" / "framing" / "terms.yaml"
    return resources.files("accordwatch") / "data" / "rules" / "fuse" / f"{name}.yaml"


@cache
def rules_digest() -> str:
    """Identifies the rules and code version a fused record was computed with."""
    text = "".join(_path(n).read_text(encoding="utf-8") for n in _FILES)
    return hashlib.sha1(f"{FUSION_VERSION}\n{text}".encode()).hexdigest()[:16]


@cache
def load(name: str) -> dict[str, Any]:
    if name not in _FILES:
        raise KeyError(f"no fusion rule file {name!r}")
    path = _path(name)
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise TypeError(f"{path}: expected a mapping at the top level")
    return data


@cache
def type_group(event_type: str) -> frozenset[str]:
    """The PLOVER types that may describe the same happening as `event_type`."""
    for group in load("fusion")["type_groups"]:
        if event_type in group:
            return frozenset(group)
    return frozenset({event_type})


def types_compatible(a: str, b: str) -> bool:
    return b in type_group(a)


@cache
def stopwords() -> frozenset[str]:
    return frozenset(load("fusion")["stopwords"])

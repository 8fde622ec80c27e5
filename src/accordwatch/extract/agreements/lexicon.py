"""The agreement rule file (agreements.yaml), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from accordwatch.extract.agreements.rules import compile_patterns, expand, load_rules, pattern_prefixes


@dataclass(frozen=True)
class ProvisionRule:
    id: str
    label: str
    regex: re.Pattern[str]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    prefixes: tuple[str, ...] = ()  # one must occur in a lower-cased sentence for the rule to match there


@dataclass(frozen=True)
class AgreementRules:
    strong: re.Pattern[str]
    weak: re.Pattern[str]
    strong_lower: re.Pattern[str]  # the same, to run on lower-cased text (faster)
    weak_lower: re.Pattern[str]
    strong_starts: tuple[str, ...]  # every strong head starts with one of these (() where unknown)
    weak_starts: tuple[str, ...]
    modifiers: frozenset[str]
    qualifiers: frozenset[str]
    anaphors: frozenset[str]
    conclusion: re.Pattern[str]
    prospective: re.Pattern[str]
    status: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]  # (status, literal starts, pattern)
    provisions: tuple[ProvisionRule, ...]
    term: re.Pattern[str]
    until: re.Pattern[str]
    extension: re.Pattern[str]


def _provision(d: dict[str, Any]) -> ProvisionRule:
    return ProvisionRule(d["id"], d["label"], re.compile(d["pattern"], re.IGNORECASE),
                         tuple(d.get("examples") or ()), tuple(d.get("counter_examples") or ()),
                         pattern_prefixes(d["pattern"]))


def _starts(patterns: list[str]) -> tuple[str, ...]:
    """The literal lower-case starts of a list of patterns; () if one has none."""
    starts = [pattern_prefixes(p) for p in patterns]
    return tuple(sorted({x for s in starts for x in s})) if all(starts) else ()


@lru_cache(maxsize=1)
def agreement_rules() -> AgreementRules:
    d = load_rules("agreements", "agreements.yaml")
    return AgreementRules(
        strong=compile_patterns(d["heads"]["strong"]),
        weak=compile_patterns(d["heads"]["weak"]),
        strong_lower=compile_patterns(d["heads"]["strong"], ignore_case=False),
        weak_lower=compile_patterns(d["heads"]["weak"], ignore_case=False),
        strong_starts=_starts(d["heads"]["strong"]),
        weak_starts=_starts(d["heads"]["weak"]),
        modifiers=frozenset(d["modifiers"]),
        qualifiers=frozenset(d["qualifiers"]),
        anaphors=frozenset(d["anaphors"]),
        conclusion=compile_patterns(d["conclusion"]),
        prospective=compile_patterns(d["prospective"]),
        status=tuple((s["status"], pattern_prefixes(s["pattern"]),
                      re.compile(rf"(?<!\w)(?:{expand(s['pattern'])})(?!\w)")) for s in d["status"]),
        provisions=tuple(_provision(p) for p in d["provisions"]),
        term=re.compile(d["term"], re.IGNORECASE),
        until=re.compile(d["until"], re.IGNORECASE),
        extension=re.compile(d["extension"], re.IGNORECASE),
    )

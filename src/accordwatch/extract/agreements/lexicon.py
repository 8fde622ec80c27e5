"""The agreement rule file (agreements.yaml), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from accordwatch.extract.agreements.rules import compile_patterns, expand, load_rules


@dataclass(frozen=True)
class ProvisionRule:
    id: str
    label: str
    regex: re.Pattern[str]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]


@dataclass(frozen=True)
class AgreementRules:
    strong: re.Pattern[str]
    weak: re.Pattern[str]
    modifiers: frozenset[str]
    qualifiers: frozenset[str]
    anaphors: frozenset[str]
    conclusion: re.Pattern[str]
    prospective: re.Pattern[str]
    status_names: tuple[str, ...]
    status_any: re.Pattern[str]  # one group s<i> per status, so one pass finds them all
    provisions: tuple[ProvisionRule, ...]
    provision_any: re.Pattern[str]  # any provision at all: most sentences have none
    term: re.Pattern[str]
    until: re.Pattern[str]
    extension: re.Pattern[str]


def _provision(d: dict[str, Any]) -> ProvisionRule:
    return ProvisionRule(d["id"], d["label"], re.compile(d["pattern"], re.IGNORECASE),
                         tuple(d.get("examples") or ()), tuple(d.get("counter_examples") or ()))


@lru_cache(maxsize=1)
def agreement_rules() -> AgreementRules:
    d = load_rules("agreements", "agreements.yaml")
    return AgreementRules(
        strong=compile_patterns(d["heads"]["strong"]),
        weak=compile_patterns(d["heads"]["weak"]),
        modifiers=frozenset(d["modifiers"]),
        qualifiers=frozenset(d["qualifiers"]),
        anaphors=frozenset(d["anaphors"]),
        conclusion=compile_patterns(d["conclusion"]),
        prospective=compile_patterns(d["prospective"]),
        status_names=tuple(s["status"] for s in d["status"]),
        status_any=re.compile("|".join(rf"(?P<s{i}>(?<!\w)(?:{expand(s['pattern'])})(?!\w))"
                                       for i, s in enumerate(d["status"]))),  # run on lower-cased text
        provisions=tuple(_provision(p) for p in d["provisions"]),
        provision_any=re.compile("|".join(f"(?:{p['pattern']})" for p in d["provisions"]), re.IGNORECASE),
        term=re.compile(d["term"], re.IGNORECASE),
        until=re.compile(d["until"], re.IGNORECASE),
        extension=re.compile(d["extension"], re.IGNORECASE),
    )

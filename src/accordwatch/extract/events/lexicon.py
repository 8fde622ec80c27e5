"""Loading the event rule files (triggers.yaml, modality.yaml) into compiled patterns.

Rule files are data: people edit YAML, this module only reads and compiles it, once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from accordwatch import startup_cache
from accordwatch.extract.agreements.rules import compile_patterns, expand, literal_prefixes, load_rules
from accordwatch.extract.events.heads import word_starts

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER")
ROLES = ("action", "frame", "speech", "agreement")


@dataclass(frozen=True)
class Alternative:
    """One pattern of a rule, matched on lower-cased text, with the literal text its first word must start
    with (() where it has no literal start) and the longer literal starts it is tried at (see heads.py)."""

    prefixes: tuple[str, ...]
    regex: re.Pattern[str]
    starts: tuple[str, ...] = ()


@dataclass(frozen=True)
class TriggerRule:
    id: str
    type: str
    mode: str
    role: str
    priority: float
    regex: re.Pattern[str]
    alternatives: tuple[Alternative, ...] = ()
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    # "until": the event is dated by the date after "until" and stated only as a fact ("operated until
    # June 2024" is a withdrawal in June 2024; "will remain until 2025" states none).
    dated_by: str = ""


def _alternative(pattern: str, starts: tuple[tuple[str, ...], tuple[str, ...]]) -> Alternative:
    prefixes, word_starts_ = starts
    return Alternative(prefixes, startup_cache.compile(rf"(?<![\w-])(?:{expand(pattern)})(?![\w-])"), word_starts_)


def _starts_of(patterns: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The literal prefixes and the word starts (heads.py) of each of `patterns` (a JSON list): read off
    the patterns' text in Python, which costs about a tenth of a second, so kept by the start-up cache
    with the parse of the rule file."""
    out: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for pattern in json.loads(patterns):
        prefixes = literal_prefixes(pattern)
        out[pattern] = (prefixes, word_starts(pattern, prefixes) if prefixes else ())
    return out


@dataclass(frozen=True)
class ModalityRules:
    window: int
    planned: re.Pattern[str]
    negated: re.Pattern[str]
    hypothetical: re.Pattern[str]
    conditional: re.Pattern[str]
    retype: dict[str, dict[str, str]]


def _trigger_rule(d: dict[str, Any], starts: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]) -> TriggerRule:
    rule = TriggerRule(
        id=d["id"], type=d["type"], mode=d.get("mode") or "", role=d.get("role", "action"),
        priority=float(d.get("priority", 1)), regex=compile_patterns(d["patterns"]),
        alternatives=tuple(_alternative(p, starts[p]) for p in d["patterns"]),
        examples=tuple(d.get("examples") or ()), counter_examples=tuple(d.get("counter_examples") or ()),
        dated_by=d.get("dated_by", ""),
    )
    if rule.type not in PLOVER_TYPES or rule.role not in ROLES or rule.dated_by not in ("", "until"):
        raise ValueError(f"trigger rule {rule.id}: bad type {rule.type!r} or role {rule.role!r}")
    return rule


@lru_cache(maxsize=1)
def trigger_rules() -> tuple[TriggerRule, ...]:
    rules = load_rules("events", "triggers.yaml")
    patterns = json.dumps([p for d in rules for p in d["patterns"]])
    starts = startup_cache.parsed(_starts_of, patterns, reads=(word_starts, literal_prefixes))
    return tuple(_trigger_rule(d, starts) for d in rules)


@lru_cache(maxsize=1)
def prefix_table() -> tuple[dict[str, list[tuple[TriggerRule, Alternative]]], list[tuple[TriggerRule, Alternative]]]:
    """Every pattern of every rule under each literal start it can have (a word of a text is tried
    against the patterns filed under its own starts: "signed" under "si", "sig", "sign" ...), and the
    few patterns with no literal start."""
    by_prefix: dict[str, list[tuple[TriggerRule, Alternative]]] = {}
    unanchored: list[tuple[TriggerRule, Alternative]] = []
    for rule in trigger_rules():
        for alt in rule.alternatives:
            if not alt.prefixes or any(len(p) < 2 for p in alt.prefixes):
                unanchored.append((rule, alt))
                continue
            for prefix in set(alt.prefixes):
                by_prefix.setdefault(prefix, []).append((rule, alt))
    return by_prefix, unanchored


@lru_cache(maxsize=1)
def prefix_stems() -> frozenset[str]:
    """Every start (two letters or more) of every literal prefix: a word whose start is not here can
    match no longer prefix either."""
    return frozenset(p[:k] for p in prefix_table()[0] for k in range(2, len(p) + 1))


@lru_cache(maxsize=1)
def modality_rules() -> ModalityRules:
    d = load_rules("events", "modality.yaml")
    return ModalityRules(
        window=int(d["window"]),
        planned=compile_patterns(d["planned"]["patterns"]),
        negated=compile_patterns(d["negated"]["patterns"]),
        hypothetical=compile_patterns(d["hypothetical"]["patterns"]),
        conditional=compile_patterns(d["conditional"]["patterns"]),
        retype={k: dict(v) for k, v in d["retype"].items()},
    )


@lru_cache(maxsize=1)
def modality_examples() -> dict[str, tuple[list[str], list[str]]]:
    d = load_rules("events", "modality.yaml")
    return {k: (d[k].get("examples", []), d[k].get("counter_examples", []))
            for k in ("planned", "negated", "hypothetical")}

"""Loading the event rule files (triggers.yaml, modality.yaml) into compiled patterns.

Rule files are data: people edit YAML, this module only reads and compiles it, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from accordwatch.extract.agreements.rules import compile_patterns, expand, load_rules

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER")
ROLES = ("action", "frame", "speech", "agreement")


@dataclass(frozen=True)
class Alternative:
    """One pattern of a rule, matched on lower-cased text, with the literal text it must start with
    (so that a fast substring search finds where to try it; "" where it has no literal start)."""

    prefixes: tuple[str, ...]
    regex: re.Pattern[str]


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


def literal_prefixes(pattern: str) -> tuple[str, ...]:
    """The literal lower-case starts a pattern can have: "kill~" -> ("kill",), "sa(?:y|id)" -> ("sa",),
    "(?:halt|suspend)\\w* aid" -> ("halt", "suspend"); () where some start is not literal."""
    if pattern.startswith("(?:"):
        depth, i = 0, 0
        for i, ch in enumerate(pattern):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0:
                break
        if pattern[i + 1:i + 2] in ("?", "*", "{"):
            return ()
        pieces = _top_level_split(pattern[3:i])
        out = [literal_prefixes(p) for p in pieces]
        return tuple(x for p in out for x in p) if all(out) else ()
    m = re.match(r"[a-z' -]+", pattern)
    if not m:
        return ()
    prefix = m.group()
    if pattern[m.end():m.end() + 1] in ("?", "*", "{"):
        prefix = prefix[:-1]
    prefix = prefix.split(" ")[0].rstrip("-'")
    return (prefix,) if prefix else ()


def _top_level_split(body: str) -> list[str]:
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


def _alternative(pattern: str) -> Alternative:
    return Alternative(literal_prefixes(pattern), re.compile(rf"(?<![\w-])(?:{expand(pattern)})(?![\w-])"))


@dataclass(frozen=True)
class ModalityRules:
    window: int
    planned: re.Pattern[str]
    negated: re.Pattern[str]
    hypothetical: re.Pattern[str]
    conditional: re.Pattern[str]
    retype: dict[str, dict[str, str]]


def _trigger_rule(d: dict[str, Any]) -> TriggerRule:
    rule = TriggerRule(
        id=d["id"], type=d["type"], mode=d.get("mode") or "", role=d.get("role", "action"),
        priority=float(d.get("priority", 1)), regex=compile_patterns(d["patterns"]),
        alternatives=tuple(_alternative(p) for p in d["patterns"]),
        examples=tuple(d.get("examples") or ()), counter_examples=tuple(d.get("counter_examples") or ()),
    )
    if rule.type not in PLOVER_TYPES or rule.role not in ROLES:
        raise ValueError(f"trigger rule {rule.id}: bad type {rule.type!r} or role {rule.role!r}")
    return rule


@lru_cache(maxsize=1)
def trigger_rules() -> tuple[TriggerRule, ...]:
    return tuple(_trigger_rule(d) for d in load_rules("events", "triggers.yaml"))


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

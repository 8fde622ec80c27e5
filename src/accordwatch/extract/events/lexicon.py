"""Loading the event rule files (triggers.yaml, modality.yaml) into compiled patterns.

Rule files are data: people edit YAML, this module only reads and compiles it, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER")
ROLES = ("action", "frame", "speech", "agreement")


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


@dataclass(frozen=True)
class TriggerRule:
    id: str
    type: str
    mode: str
    role: str
    priority: float
    regex: re.Pattern[str]
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()


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

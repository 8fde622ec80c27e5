"""Decisions: written once (who, when, why), never updated; the latest one per target is in force."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from accordwatch.fuse.overrides import EDITABLE, Overrides, StatusSetting
from accordwatch.fuse.rules import load
from accordwatch.review.tables import review_decisions

SPAN_KINDS = tuple(EDITABLE)
# The actions each kind of target takes.
ACTIONS: dict[str, tuple[str, ...]] = {
    **{k: ("accept", "edit", "reject", "reset") for k in SPAN_KINDS},
    "entity": ("accept", "edit", "reject", "reset"),
    "merge": ("merge", "reset"),
    "split": ("split", "reset"),
    "track": ("status", "reset"),  # a provision of an agreement: "<agreement key>:<provision type>"
    "claim": ("accept", "verdict", "reset"),
    "document": ("role", "reset"),
    "publisher": ("tier", "reset"),
}
VERDICTS = ("agree", "more_precise", "differ", "superseded", "different_measures", "single", "dismissed")


class DecisionError(ValueError):
    """A decision that cannot be recorded as asked (unknown action, missing reason or citation)."""


@dataclass(frozen=True)
class Decision:
    target_kind: str
    target: str
    action: str
    who: str
    reason: str = ""
    value: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, Any] = field(default_factory=dict)
    id: int = 0
    at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat() if self.at else None, "who": self.who,
                "action": self.action, "target_kind": self.target_kind, "target": self.target,
                "value": self.value, "reason": self.reason, "evidence": self.evidence}


def span_target(doc_id: str, start: int, end: int) -> str:
    return f"{doc_id}:{start}:{end}"


def parse_span_target(target: str) -> tuple[str, int, int]:
    doc_id, start, end = target.rsplit(":", 2)
    return doc_id, int(start), int(end)


def check(d: Decision) -> None:
    """Refuse what the audit log could not stand behind."""
    if d.target_kind not in ACTIONS or d.action not in ACTIONS[d.target_kind]:
        raise DecisionError(f"{d.target_kind!r} takes {', '.join(ACTIONS.get(d.target_kind, ())) or 'nothing'}, "
                            f"not {d.action!r}")
    if not d.who.strip():
        raise DecisionError("a decision needs who made it")
    if d.action in ("reject", "edit", "merge", "split", "verdict", "status", "role", "tier") and not d.reason.strip():
        raise DecisionError(f"a decision to {d.action} needs a reason")
    if d.action == "status" and not str(d.value.get("cite", "")).strip():
        raise DecisionError("a provision's status change needs a cited source (a document, span or URL)")
    if d.action == "status" and str(d.value.get("status")) not in load("status")["scale"]:
        raise DecisionError(f"status must be one of {', '.join(load('status')['scale'])}")
    if d.action == "verdict" and d.value.get("verdict") not in VERDICTS:
        raise DecisionError(f"verdict must be one of {', '.join(VERDICTS)}")
    if d.action == "role" and d.value.get("role") not in load("lineage")["roles_allowed"]:
        raise DecisionError(f"role must be one of {', '.join(load('lineage')['roles_allowed'])}")
    if d.action == "tier" and d.value.get("tier") not in load("lineage")["tiers"]:
        raise DecisionError(f"tier must be one of {', '.join(map(str, load('lineage')['tiers']))}")
    if d.action == "edit" and d.target_kind in EDITABLE:
        unknown = sorted(set(d.value) - set(EDITABLE[d.target_kind]))
        if unknown or not d.value:
            raise DecisionError(f"a {d.target_kind} edit sets {', '.join(EDITABLE[d.target_kind])}"
                                + (f", not {', '.join(unknown)}" if unknown else ""))


def record(store, d: Decision) -> Decision:
    """Check and write a decision (one transaction); returns it with its id and time."""
    check(d)
    at = datetime.now(UTC)
    row = {"at": at, "who": d.who.strip(), "action": d.action, "target_kind": d.target_kind, "target": d.target,
           "value": json.loads(json.dumps(d.value)), "reason": d.reason.strip(), "evidence": d.evidence}
    with store.writing() as conn:
        new_id = conn.execute(sa.insert(review_decisions).values(**row).returning(review_decisions.c.id)).scalar_one()
    return Decision(d.target_kind, d.target, d.action, row["who"], row["reason"], row["value"], d.evidence, new_id, at)


def _decision(r) -> Decision:
    return Decision(r.target_kind, r.target, r.action, r.who, r.reason, r.value or {}, r.evidence or {}, r.id, r.at)


def audit_log(engine: sa.Engine, limit: int | None = None, target: str = "") -> list[Decision]:
    """Every decision, newest first (or those on one target)."""
    query = sa.select(review_decisions).order_by(review_decisions.c.id.desc())
    if target:
        query = query.where(review_decisions.c.target == target)
    if limit:
        query = query.limit(limit)
    with engine.connect() as conn:
        return [_decision(r) for r in conn.execute(query)]


def in_force(engine: sa.Engine) -> list[Decision]:
    """The latest decision on each target, resets left out."""
    latest: dict[tuple[str, str], Decision] = {}
    for d in reversed(audit_log(engine)):
        latest[(d.target_kind, d.target)] = d
    return [d for d in latest.values() if d.action != "reset"]


def overrides_from(decisions: Sequence[Decision]) -> Overrides:
    spans, entities, verdicts, roles, tiers = {}, {}, {}, {}, {}
    merges: list = []
    splits: set = set()
    statuses: dict = {}
    for d in decisions:
        if d.target_kind in SPAN_KINDS:
            doc_id, start, end = parse_span_target(d.target)
            spans[(d.target_kind, doc_id, start, end)] = (d.action, d.value)
        elif d.target_kind == "entity":
            entities[d.target] = (d.action, d.value)
        elif d.target_kind == "merge":
            merges.append((d.value["a"], d.value["b"]))
        elif d.target_kind == "split":
            splits.add(d.target)
        elif d.target_kind == "claim" and d.action == "verdict":
            verdicts[d.target] = (d.value["verdict"], f"{d.who}: {d.reason}")
        elif d.target_kind == "track":
            key, label = d.target.rsplit(":", 1)
            setting = StatusSetting(d.value.get("date", ""), str(d.value["status"]), d.reason, d.value["cite"], d.who)
            statuses.setdefault((key, label), []).append(setting)
        elif d.target_kind == "document":
            roles[d.target] = d.value["role"]
        elif d.target_kind == "publisher":
            tiers[d.target] = d.value["tier"]
    return Overrides(spans, entities, tuple(merges), frozenset(splits), verdicts,
                     {k: tuple(v) for k, v in statuses.items()}, roles, tiers)


def load_overrides(engine: sa.Engine) -> Overrides:
    return overrides_from(in_force(engine))

"""Statements about the future, later overtaken by events: superseded, not contradicted.

"The peacekeepers will remain until November 2025" (said in 2023) and "their withdrawal on
12 June 2024" (said in 2025) do not contradict each other: the first was true of its time.
A stated date is superseded when what happened came earlier than it and the statement was
made before that happened; stated after the fact, the same date is a contradiction.
"""

from __future__ import annotations

from collections.abc import Sequence

from accordwatch.fuse import dates
from accordwatch.fuse.records import AgreementStatus, Claim, FusedEvent, Statement, StatusStep, stable_id
from accordwatch.fuse.rules import load, types_compatible


def _said_before(said_on: str, happened: str) -> bool | None:
    return dates.before(said_on, happened) if said_on else None


def verdict(stated: Sequence[Statement], happened: str) -> str:
    if all(dates.compatible(s.value, happened) for s in stated):
        return "agree"
    if any(dates.before(happened, s.value) is not True for s in stated):
        return "differ"  # it happened after the stated date, or at an incompatible time
    return "differ" if any(_said_before(s.ref.said_on, happened) is False for s in stated) else "superseded"


def _explain(stated: Sequence[Statement], ended: StatusStep, outcome: str) -> str:
    said = ", ".join(sorted({f"{s.ref.source.rsplit('/', 1)[-1]} ({s.ref.said_on or 'date unknown'})"
                             for s in stated}))
    if outcome == "superseded":
        return f"stated before it happened by {said}; overtaken on {ended.date}: {ended.reason}"
    return f"stated by {said}; what happened: {ended.date}: {ended.reason}"


def deadline_claims(agreements: Sequence[AgreementStatus]) -> list[Claim]:
    """A provision's stated end against the event that ended it."""
    facts = load("claims")["stated_end_facts"]
    out = []
    for a in agreements:
        for p in a.provisions:
            ended = next((s for s in p.steps if s.status == "terminated"), None)
            if ended is None:
                continue
            for d in (d for d in p.deadlines if d.fact in facts):
                stated = [Statement(r, d.value, d.value, r.publisher, f"{d.fact}: {d.how}") for r in d.refs]
                happened = [Statement(r, ended.date, ended.date, r.publisher, "what happened") for r in ended.refs]
                outcome = verdict(stated, ended.date)
                out.append(Claim(stable_id("claim", a.key, p.label, d.fact, d.value), "date",
                                 f"{p.label} of {a.name}: {d.fact.replace('_', ' ')}", outcome,
                                 (*stated, *happened), _explain(stated, ended, outcome)))
    return out


def plan_claims(events: Sequence[FusedEvent]) -> list[Claim]:
    """A planned event against a later report of the same kind of happening by the same actors."""
    factual = [e for e in events if e.modality in load("fusion")["factual_modalities"] and e.date]
    out = []
    for plan in (e for e in events if e.modality == "planned" and e.date):
        for done in factual:
            if not (types_compatible(plan.type, done.type) and set(plan.actors) & set(done.actors)):
                continue
            if dates.compatible(plan.date, done.date):
                continue
            stated = [Statement(m.ref, plan.date, plan.date, m.ref.publisher, "planned") for m in plan.mentions]
            happened = [Statement(m.ref, done.date, done.date, m.ref.publisher, "what happened")
                        for m in done.mentions]
            outcome = verdict(stated, done.date)
            if outcome != "superseded":  # a plan kept late or a different happening: not overtaken
                continue
            step = StatusStep(done.date, "", done.label)
            out.append(Claim(stable_id("claim", plan.id, done.id), "date", f"{plan.type}: {plan.label}",
                             outcome, (*stated, *happened), _explain(stated, step, outcome)))
    return out

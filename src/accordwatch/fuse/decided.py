"""Decisions on fused items: provision statuses the analyst set, claim verdicts they judged."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from accordwatch.fuse import dates
from accordwatch.fuse.overrides import Overrides
from accordwatch.fuse.records import AgreementStatus, Claim, ProvisionStatus, StatusStep
from accordwatch.fuse.rules import load


def _readable(status: str) -> str:
    scale = load("status")["scale"]
    label = scale.get(status, status)
    return f"{status} {label}" if status.isdigit() else label


def _with_settings(p: ProvisionStatus, settings) -> ProvisionStatus:
    added = [StatusStep(s.date, s.status, f"set by {s.by}: {s.reason}", (), (), s.by, s.cite) for s in settings]
    steps = sorted((*p.steps, *added), key=lambda s: (dates.bounds(s.date)[0] if dates.parse(s.date) else s.date,
                                                        s.by != ""))
    # The analyst decides: their latest setting is the status; steps after it stay listed as proposals.
    decided = [s for s in steps if s.by]
    if not decided:
        return p
    return replace(p, steps=tuple(steps), status=decided[-1].status, status_label=_readable(decided[-1].status))


def apply_statuses(agreements: Sequence[AgreementStatus], overrides: Overrides) -> list[AgreementStatus]:
    """Provision statuses set by the analyst become steps (marked with who set them and what they
    cite), and the latest of them gives the status."""
    out = []
    for a in agreements:
        provisions = tuple(_with_settings(p, overrides.statuses[(a.key, p.label)])
                           if (a.key, p.label) in overrides.statuses else p for p in a.provisions)
        out.append(replace(a, provisions=provisions))
    return out


def count_origins(claims: Sequence[Claim]) -> list[Claim]:
    return [replace(c, origins=len({s.ref.origin or s.ref.publisher for s in c.statements})) for c in claims]


def apply_verdicts(claims: Sequence[Claim], overrides: Overrides) -> list[Claim]:
    out = []
    for c in claims:
        if c.id in overrides.verdicts:
            verdict, note = overrides.verdicts[c.id]
            c = replace(c, verdict=verdict, reviewed=note)
        out.append(c)
    return out

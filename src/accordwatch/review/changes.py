"""What changed since a date or the last ingest: per agreement and track, new events, status
proposals, new conflicts and newly superseded forecasts, as Markdown for a weekly brief.

"New" means backed by a document stored since then: the record is computed whole, and each
of its items cites the documents it stands on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa

from accordwatch.fuse.records import AgreementStatus, Claim, FusedEvent, FusedRecord
from accordwatch.fuse.render import short_source
from accordwatch.store.schema import documents, ingest_runs


@dataclass(frozen=True)
class Changes:
    since: datetime
    new_documents: tuple[str, ...]  # ids
    # agreement name -> track (provision type) -> lines
    agreements: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    events: tuple[FusedEvent, ...] = ()  # new events not on an agreement's track
    conflicts: tuple[Claim, ...] = ()
    superseded: tuple[Claim, ...] = ()


def last_ingest_start(engine: sa.Engine) -> datetime | None:
    """When the latest ingest run that stored something started."""
    with engine.connect() as conn:
        rows = conn.execute(sa.select(ingest_runs.c.started_at, ingest_runs.c.counts)
                            .order_by(ingest_runs.c.id.desc())).all()
    return next((r.started_at for r in rows if (r.counts or {}).get("added")), None)


def documents_since(engine: sa.Engine, since: datetime) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(sa.select(documents.c.id).where(documents.c.ingested_at >= since)).scalars())


def _new_steps(a: AgreementStatus, new: set[str]) -> dict[str, list[str]]:
    tracks: dict[str, list[str]] = {}
    for p in a.provisions:
        lines = [f"status proposal: {s.status} ({s.date}): {s.reason}" for s in p.steps
                 if any(r.doc_id in new for r in s.refs)]
        lines += [f"warning: {w}" for w in p.warnings if any(r.doc_id in new for r in p.refs)]
        if lines:
            tracks[p.label] = lines
    return tracks


def changes(record: FusedRecord, engine: sa.Engine, since: datetime) -> Changes:
    new = documents_since(engine, since)
    tracked = {i for a in record.agreements for p in a.provisions for s in p.steps for i in s.evidence}
    per_agreement: dict[str, dict[str, list[str]]] = {}  # in the record's (date) order
    for a in record.agreements:
        tracks = _new_steps(a, new)
        if a.refs and all(r.doc_id in new for r in a.refs):
            tracks = {"agreement": [f"new agreement ({a.date or 'undated'})"], **tracks}
        if tracks:
            per_agreement[a.name] = tracks
    events = tuple(e for e in record.events if e.id not in tracked and any(m.ref.doc_id in new for m in e.mentions))
    backed = [c for c in record.claims if any(s.ref.doc_id in new for s in c.statements)]
    return Changes(since, tuple(sorted(new)), per_agreement, events,
                   tuple(c for c in backed if c.verdict == "differ"),
                   tuple(c for c in backed if c.verdict == "superseded"))


def _claim_line(c: Claim) -> str:
    said = "; ".join(f"{s.value} ({short_source(s.ref)})" for s in c.statements)
    return f"- {c.subject}: {said}" + (f" — {c.explanation}" if c.explanation else "")


def to_markdown(ch: Changes) -> str:
    out = [f"# What changed since {ch.since.astimezone(UTC):%Y-%m-%d %H:%M} UTC",
           f"{len(ch.new_documents)} new documents."]
    for name, tracks in ch.agreements.items():
        out.append(f"## {name}")
        for track, lines in tracks.items():
            out.append(f"### {track}\n" + "\n".join(f"- {line}" for line in lines))
    if ch.events:
        out.append("## New events\n" + "\n".join(
            f"- {e.date or 'undated'} {e.type}: {e.label} ({e.corroboration} independent)" for e in ch.events))
    if ch.conflicts:
        out.append("## New conflicts\n" + "\n".join(_claim_line(c) for c in ch.conflicts))
    if ch.superseded:
        out.append("## Newly superseded forecasts\n" + "\n".join(_claim_line(c) for c in ch.superseded))
    if len(out) == 2:
        out.append("Nothing new.")
    return "\n\n".join(out) + "\n"

"""Actors: canonical entities found in a document's clean text.

    find_actors(doc) -> list[ActorMention]   sorted by start, non-overlapping (the longest reading wins)
                                             except a counted plural ("the two ministers"): one span per actor
    load_gazetteer() -> Gazetteer            the actors.tsv gazetteer, validated, cached
    resolve_name(text) -> str | None         the canonical name for a free actor string

ActorMention.label is the actor type (state, leader, organisation, armed_force, population, body, and
"person" for candidates named with a title); places are left out unless `include_locations`, when
they come with label "location".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from accordwatch.extract.actors.candidates import find_candidates
from accordwatch.extract.actors.context import resolve_in_document
from accordwatch.extract.actors.finder import Found, Scan
from accordwatch.extract.actors.gazetteer import (
    Entry,
    Gazetteer,
    GazetteerError,
    load_gazetteer,
    parse_actors,
)
from accordwatch.model import ActorMention, Document

__all__ = ["Entry", "Gazetteer", "GazetteerError", "find_actors", "load_gazetteer", "parse_actors",
           "resolve_name", "scan_text"]

# How sure each way of resolving is; the events stage may weigh sources by it.
CONFIDENCE = {"alias": 1.0, "metonymy": 0.9, "demonym": 0.9, "office": 0.85, "context": 0.75,
              "location": 0.8, "generic": 0.6, "candidate": 0.5}


def _iso_day(value: object) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value[:4].isdigit():
        return value[:10]
    return None


def scan_text(text: str, when: str | None = None, context_lines: Sequence[str] = ()) -> tuple[Scan, list[Found]]:
    """The scan of `text` and all its findings (locations included), sorted by position, with referents
    the whole document fixes (context.py); `context_lines` are lines of the page outside the text (removed
    headers) that may name who publishes it."""
    scan = Scan(text, when)
    found = scan.run()
    found += find_candidates(scan)

    def scan_lines() -> list[Found]:
        return scan_text("\n".join(context_lines), when)[1] if context_lines else []

    return scan, resolve_in_document(scan, sorted(found, key=lambda f: f.first), scan_lines)


def find_actors(doc: Document, when: str | None = None, include_locations: bool = False) -> list[ActorMention]:
    """Actor mentions in `doc`; offices resolve on `when` (ISO date), by default the publication date."""
    day = when or _iso_day(doc.get("published")) or _iso_day(doc.get("published_inferred"))
    scan, found = scan_text(doc.text, day, tuple(r.text for r in doc.removed))
    out = []
    for f in found:
        if f.is_location and not include_locations:
            continue
        start, end = scan.tokens.starts[f.first], scan.tokens.end(f.last)
        out.append(ActorMention(doc.id, start, end, doc.text[start:end], f.label or f.actor_type, f.rule,
                                CONFIDENCE.get(f.resolved_via, 0.5), canonical=f.canonical,
                                actor_id=f.actor_id, actor_type=f.actor_type, resolved_via=f.resolved_via))
    return out


def resolve_name(text: str, when: str | None = None) -> str | None:
    """The canonical name of an actor written freely ('Pashinian', "Russia's Foreign Ministry",
    'Nigerian police'), or None when nothing in it is an actor."""
    entry = load_gazetteer().lookup(text) or load_gazetteer().lookup(text.removeprefix("the ").strip())
    if entry is not None:
        if entry.type == "ministry":
            return load_gazetteer().entry(entry.parent).canonical
        return entry.canonical
    scan, found = scan_text(text, when)
    found = [f for f in found if not f.is_location]
    if not found:
        return None
    best = max(found, key=lambda f: scan.tokens[f.last].end - scan.tokens[f.first].start)
    return best.canonical

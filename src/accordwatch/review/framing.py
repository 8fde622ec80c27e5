"""Framing: the same happening named differently by different sources, side by side.

"Anti-terrorist measures", "a local operation", "regaining control" and "the offensive" may
all name one event. The loaded terms are data (data/rules/framing/terms.yaml); this only
finds which mention's sentence uses which, and who published it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from accordwatch.fuse.records import FusedEvent, SpanRef
from accordwatch.fuse.rules import load


@dataclass(frozen=True)
class Naming:
    words: str  # as the source wrote them
    frame: str
    presents: str
    ref: SpanRef


@cache
def framing_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple((f["frame"], f["presents"],
                  re.compile("|".join(rf"(?<![\w-])(?:{t})(?![\w-])" for t in f["terms"]), re.IGNORECASE))
                 for f in load("framing")["framings"])


def namings_in(text: str) -> list[tuple[str, str, str]]:
    """(words, frame, presents) for every loaded term in a text, in order."""
    found = [(m.start(), m.group(0), frame, presents) for frame, presents, p in framing_patterns()
             for m in p.finditer(text)]
    return [(w, f, pr) for _, w, f, pr in sorted(found)]


def event_namings(event: FusedEvent) -> list[Naming]:
    """How each source of an event names it: the loaded terms in each mention's sentence."""
    out, seen = [], set()
    for m in event.mentions:
        for words, frame, presents in namings_in(m.ref.sentence):
            key = (m.ref.doc_id, words.lower())
            if key not in seen:
                seen.add(key)
                out.append(Naming(words, frame, presents, m.ref))
    return out


def frames_of(event: FusedEvent) -> dict[str, list[Naming]]:
    """Namings grouped by frame: one column each on the event's framing page."""
    grouped: dict[str, list[Naming]] = {}
    for n in event_namings(event):
        grouped.setdefault(n.frame, []).append(n)
    return grouped

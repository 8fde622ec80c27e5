"""PLOVER events (rules, not a model).

    find_events(doc, actors, timexes, dct) -> [Event]    events of a document, with source and target
        actors, date (and whether it came from a timex, the narrative or the document date), location,
        modality (asserted, reported, planned, negated, hypothetical) and who reported them
    classify_sentence(text) -> (PLOVER type, mode)       the main event of one sentence

Trigger words per type are data (data/rules/events/triggers.yaml), as are modality cues and the
PLOVER re-typing under modality (modality.yaml).
"""

from __future__ import annotations

from accordwatch.extract.events.classify import classify_sentence
from accordwatch.extract.events.finder import find_events

__all__ = ["classify_sentence", "find_events"]

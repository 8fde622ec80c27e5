"""PLOVER events: find_events over a document, classify_sentence for one sentence."""

from __future__ import annotations

from accordwatch.extract.events.classify import classify_sentence
from accordwatch.extract.events.finder import find_events

__all__ = ["classify_sentence", "find_events"]

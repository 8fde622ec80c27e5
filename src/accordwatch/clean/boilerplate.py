"""Find the boilerplate units of a scraped text by general signals, not by known strings.

The body is anchored on its long prose paragraphs (many words, a sentence end, no junk
signal). Around them:
- head (before the first paragraph): the title is the most headline-like line; what comes
  before it is page chrome (banners, section labels, site names); after it, lines stay
  unless they carry a strong signal (datelines, bylines, salutations are body);
- middle: only strong signals remove a line (repeated in the document or across the
  batch, another script than the body, nothing but navigation words);
- tail (after the last paragraph): from the first line with any junk signal on, the rest
  of the page is chrome (related headlines, comment forms, widgets).
Precision comes first: without a prose anchor nothing is removed by position.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from accordwatch.clean.lines import Unit, normalise
from accordwatch.clean.resources import settings
from accordwatch.clean.signals import (
    alpha_words,
    is_metadata_line,
    is_prose,
    is_shouting,
    is_widget,
    navigation_share,
    script_of,
)
from accordwatch.model import RawInput


@dataclass(frozen=True)
class CorpusContext:
    """Cross-document signals: in how many distinct documents of the batch each short line occurs."""

    line_docs: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_inputs(cls, raws: Iterable[RawInput]) -> CorpusContext:
        max_chars = settings()["corpus_max_line_chars"]
        counts: Counter[str] = Counter()
        seen_ids: set[str] = set()
        for raw in raws:
            if raw.id in seen_ids:  # an exact duplicate document repeats every line; count it once
                continue
            seen_ids.add(raw.id)
            keys = {normalise(line) for line in raw.raw.split("\n") if 0 < len(line.strip()) <= max_chars}
            counts.update(keys)
        return cls({key: n for key, n in counts.items() if n > 1})

    def documents_with(self, key: str) -> int:
        return self.line_docs.get(key, 1)


@dataclass(frozen=True)
class Verdict:
    """What boilerplate detection found: removed unit indices with reasons, and the title unit."""

    removed: dict[int, str]
    title: int | None
    body_start: int | None = None  # first prose paragraph anchoring the body


class _Signals:
    """Per-unit signals of one document, computed once."""

    def __init__(self, units: list[Unit], context: CorpusContext | None) -> None:
        self.units = units
        self.prose = [is_prose(u.text) for u in units]
        key_counts = Counter(u.key for u in units)
        self.doc_script = _body_script(units, self.prose)
        self.strong = [self._strong(i, key_counts, context) for i in range(len(units))]

    def _strong(self, i: int, key_counts: Counter[str], context: CorpusContext | None) -> str:
        unit, prose = self.units[i], self.prose[i]
        if prose:
            return ""
        if key_counts[unit.key] > 1:
            return "repeated in the document"
        if context is not None and context.documents_with(unit.key) >= settings()["corpus_min_docs"]:
            return "repeated across documents"
        script = script_of(unit.text)
        if script and self.doc_script and script != self.doc_script:
            return f"{script.lower()} script in a {self.doc_script.lower()} text"
        if len(unit.words) <= 6 and navigation_share(unit.text) == 1.0:
            return "navigation words only"
        return ""

    def weak(self, i: int) -> str:
        text = self.units[i].text
        if navigation_share(text) >= 0.5:
            return "navigation words"
        if is_widget(text):
            return "widget labels"
        if is_shouting(text):
            return "all-capitals label"
        return ""


def _body_script(units: list[Unit], prose: list[bool]) -> str:
    sample = " ".join(u.text for u, p in zip(units, prose) if p)[:2000]
    return script_of(sample or " ".join(u.text for u in units)[:2000])


def find_boilerplate(units: list[Unit], context: CorpusContext | None = None,
                     given_title: str | None = None) -> Verdict:
    signals = _Signals(units, context)
    min_words = settings()["anchor_min_words"]
    anchors = [i for i, p in enumerate(signals.prose)
               if p and len(units[i].words) >= min_words and not signals.weak(i)]
    if not anchors:
        removed = {i: s for i, s in enumerate(signals.strong) if s}
        return Verdict(removed, _pick_title(units, signals, range(min(len(units), 3)), given_title))
    first, last = anchors[0], anchors[-1]
    title = _pick_title(units, signals, range(first), given_title)
    removed: dict[int, str] = {}
    for i in range(first):
        if title is not None and i < title:
            removed[i] = "; ".join(filter(None, ("before the title", signals.strong[i] or signals.weak(i))))
        elif i != title and signals.strong[i]:
            removed[i] = signals.strong[i]
    for i in range(first, last + 1):
        if signals.strong[i]:
            removed[i] = signals.strong[i]
    removed.update(_tail(signals, last + 1))
    return Verdict(removed, title, first)


def _tail(signals: _Signals, start: int) -> dict[int, str]:
    """From the first unit after the body with a junk signal, the rest of the page is chrome."""
    removed: dict[int, str] = {}
    triggered = ""
    for i in range(start, len(signals.units)):
        own = signals.strong[i] or ("" if signals.prose[i] else signals.weak(i))
        if own and not triggered:
            triggered = own
        if triggered:
            removed[i] = own or f"after the body, below a line with {triggered}"
    return removed


def _pick_title(units: list[Unit], signals: _Signals, candidates: range, given: str | None) -> int | None:
    """The title line: the one matching a given title, else the longest headline-like line of the head."""
    pool = [i for i in candidates if _headline_like(units[i], signals, i)]
    if given:
        key = normalise(given)
        for i in pool:
            if units[i].key == key or (len(key) > 15 and (key in units[i].key or units[i].key in key)):
                return i
    if not pool:
        return None
    # A headline seldom ends a sentence: prefer lines that do not, then the longest.
    return max(pool, key=lambda i: (not signals.prose[i], len(units[i].text), i))


def _headline_like(unit: Unit, signals: _Signals, i: int) -> bool:
    return (len(alpha_words(unit.text)) >= 3 and not signals.strong[i] and not signals.weak(i)
            and not is_metadata_line(unit.text))

"""Find the boilerplate units of a scraped text by general signals, not by known strings.

The body is anchored on its long prose paragraphs (many words, a sentence end, no junk
signal). Around them:
- head (before the first paragraph): the title is the most headline-like line; what comes
  before it is page chrome (banners, section labels, site names) when we are sure of the
  title; after it, lines stay unless they carry a signal (datelines, bylines, salutations
  are body);
- middle: only strong signals remove a line (repeated in the document or across the
  batch, another script than the body, nothing but navigation words);
- tail (after the last paragraph): from the first line with any junk signal on, the rest
  of the page is chrome (related headlines, comment forms, widgets).
Precision comes first: without a prose anchor nothing is removed by position.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain

from accordwatch.clean.lines import Unit, normalise
from accordwatch.clean.resources import settings
from accordwatch.clean.signals import (
    alpha_words,
    ends_sentence,
    is_metadata_line,
    is_prose,
    is_shouting,
    is_widget,
    navigation_share,
    script_of,
)
from accordwatch.model import RawInput

# Characters of body text that tell its script.
_SCRIPT_SAMPLE = 600


@dataclass(frozen=True)
class CorpusContext:
    """Cross-document signals: in how many distinct stories of the batch each short line occurs.

    Versions of one story (syndicated copies, updates) share most of their long paragraphs;
    they are grouped into one story first, so that only lines shared by different stories
    (a site's template) count. How many stories make a line "repeated" grows with the batch
    (half its square root, at least two): a site template is on a good share of its pages,
    while a line-up or a venue shared by two reports of a large corpus is not chrome.
    """

    line_stories: dict[str, int] = field(default_factory=dict)
    stories: int = 0

    @classmethod
    def from_inputs(cls, raws: Iterable[RawInput]) -> CorpusContext:
        short_max, long_min = settings()["corpus_short_line_chars"], settings()["corpus_long_line_chars"]
        groups = _StoryGroups()
        short_lines: list[tuple[int, set[str]]] = []
        seen_ids: set[str] = set()
        for raw in raws:
            if raw.id in seen_ids:  # an exact duplicate document repeats every line; count it once
                continue
            seen_ids.add(raw.id)
            lines = [line for line in map(str.strip, raw.raw.split("\n")) if line]
            doc = groups.add({normalise(line) for line in lines if len(line) >= long_min})
            short_lines.append((doc, {normalise(line) for line in lines if len(line) <= short_max}))
        per_line: dict[str, set[int]] = {}
        for doc, keys in short_lines:
            story = groups.story_of(doc)
            for key in keys:
                per_line.setdefault(key, set()).add(story)
        counts = {key: len(found) for key, found in per_line.items() if len(found) > 1}
        return cls(counts, len({groups.story_of(doc) for doc, _ in short_lines}))

    def stories_with(self, key: str) -> int:
        return self.line_stories.get(key, 1)

    @property
    def repeated_from(self) -> int:
        """Least number of stories that makes a line a template line in this batch."""
        return max(settings()["corpus_min_stories"], math.ceil(0.5 * math.sqrt(self.stories)))


class _StoryGroups:
    """Union-find of documents that share at least half of their long paragraphs."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.sizes: list[int] = []
        self.owners: dict[str, list[int]] = {}

    def add(self, long_keys: set[str]) -> int:
        doc = len(self.parent)
        self.parent.append(doc)
        self.sizes.append(len(long_keys))
        # The earlier documents sharing a key, counted by one Counter over all keys (in the keys' order, as
        # an update a key would): an update is a Python call, most keys are a paragraph of this one only.
        owners = [self.owners.setdefault(key, []) for key in long_keys]
        shared = Counter(chain.from_iterable(owners))
        for found in owners:
            found.append(doc)
        for other, n in shared.items():
            if n >= max(1, min(len(long_keys), self.sizes[other]) / 2):
                self.parent[self.story_of(other)] = self.story_of(doc)
        return doc

    def story_of(self, doc: int) -> int:
        while self.parent[doc] != doc:
            self.parent[doc] = self.parent[self.parent[doc]]
            doc = self.parent[doc]
        return doc


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
        self.repeated = _repeated([u.key for u in units])
        self.stories = [context.stories_with(u.key) if context else 1 for u in units]
        self.repeated_from = context.repeated_from if context else len(units) + 1
        self.doc_script = _body_script(units, self.prose)
        # A long paragraph is never mostly navigation words: skip the count there.
        self.navigation = [0.0 if p and u.n_words > 30 else navigation_share(u.text)
                           for u, p in zip(units, self.prose, strict=True)]
        self.weak = [_weak(u.text, nav) for u, nav in zip(units, self.navigation, strict=True)]
        # Prose never gets a script signal (see _strong): its script is not read.
        self.script = ["" if p else script_of(u.text) for u, p in zip(units, self.prose, strict=True)]
        self.edge = [self._strong(i, middle=False) for i in range(len(units))]
        self.middle = [self._strong(i, middle=True) for i in range(len(units))]

    def own_strong(self, i: int) -> str:
        """A strong signal from the document itself, leaving the batch aside."""
        return self._strong(i, middle=False, batch=False)

    def _strong(self, i: int, middle: bool, batch: bool = True) -> str:
        """A signal strong enough to remove a line on its own (`middle`: inside the body, stricter)."""
        unit = self.units[i]
        if self.prose[i]:
            return ""
        if self.repeated[i] and not _is_label(unit):
            return "repeated in the document"
        if batch and self.stories[i] >= self.repeated_from + (middle and not self.weak[i]):
            return f"repeated in {self.stories[i]} stories of the batch"
        script = self.script[i]
        if script and self.doc_script and script != self.doc_script:
            return f"{script.lower()} script in a {self.doc_script.lower()} text"
        if unit.n_words <= 6 and self.navigation[i] == 1.0:
            return "navigation words only"
        return ""


def _repeated(keys: list[str]) -> list[bool]:
    """For each key, whether another of `keys` is the same; counted only where some key is there twice
    (in most texts every line is different: a set of the keys tells that at C speed)."""
    if len(set(keys)) == len(keys):
        return [False] * len(keys)
    counts = Counter(keys)
    return [counts[key] > 1 for key in keys]


def _is_label(unit: Unit) -> bool:
    """A label that introduces body text ("Question:", "Sergey Lavrov:"): repeated by nature."""
    return unit.text.endswith(":") and unit.n_words <= 6


def _weak(text: str, navigation: float) -> str:
    if navigation >= 0.5:
        return "navigation words"
    if is_widget(text):
        return "widget labels"
    if is_shouting(text):
        return "all-capitals label"
    return ""


def _body_script(units: list[Unit], prose: list[bool]) -> str:
    sample = _joined_start([u for u, p in zip(units, prose, strict=True) if p], _SCRIPT_SAMPLE)
    return script_of(sample or _joined_start(units, _SCRIPT_SAMPLE))


def _joined_start(units: list[Unit], limit: int) -> str:
    """The first `limit` characters of the units' texts joined by spaces, joining no more units than needed."""
    texts: list[str] = []
    length = -1
    for unit in units:
        if length >= limit:
            break
        texts.append(unit.text)
        length += len(unit.text) + 1
    return " ".join(texts)[:limit]


def find_boilerplate(units: list[Unit], context: CorpusContext | None = None,
                     given_title: str | None = None) -> Verdict:
    signals = _Signals(units, context)
    min_words = settings()["anchor_min_words"]
    anchors = [i for i, p in enumerate(signals.prose)
               if p and units[i].n_words >= min_words and not signals.weak[i]]
    if not anchors:  # no body to stand on: only what is chrome wherever it is goes
        title, _ = _pick_title(units, signals, range(min(len(units), 3)), given_title)
        return Verdict({i: s for i, s in enumerate(signals.middle) if s}, title)
    first, last = anchors[0], anchors[-1]
    title, sure = _pick_title(units, signals, range(first), given_title)
    removed = _head(signals, first, title, sure)
    removed.update({i: signals.middle[i] for i in range(first, last + 1) if signals.middle[i]})
    removed.update(_tail(signals, last + 1))
    return Verdict(removed, title, first)


def _head(signals: _Signals, end: int, title: int | None, sure: bool) -> dict[int, str]:
    """Units above the first paragraph: all above a sure title go, below it only those with a signal."""
    removed: dict[int, str] = {}
    for i in range(end):
        if sure and title is not None and i < title:
            removed[i] = "; ".join(filter(None, ("before the title", signals.edge[i] or signals.weak[i])))
        elif i != title and signals.edge[i]:
            removed[i] = signals.edge[i]
        elif title is not None and i > title and _head_chrome(signals.units[i], signals, i):
            removed[i] = f"between title and body, {signals.weak[i]}"
    return removed


def _head_chrome(unit: Unit, signals: _Signals, i: int) -> bool:
    """A widget between the title and the body ("Listen to this article"): a weak signal suffices there."""
    return (bool(signals.weak[i]) and not ends_sentence(unit.text) and not is_metadata_line(unit.text)
            and not _is_label(unit))


def _tail(signals: _Signals, start: int) -> dict[int, str]:
    """From the first unit after the body with a junk signal, the rest of the page is chrome."""
    removed: dict[int, str] = {}
    triggered = ""
    for i in range(start, len(signals.units)):
        own = signals.edge[i] or ("" if signals.prose[i] else signals.weak[i])
        if own and not triggered:
            triggered = own
        if triggered:
            removed[i] = own or f"after the body, below a line with {triggered}"
    return removed


def _pick_title(units: list[Unit], signals: _Signals, candidates: range,
                given: str | None) -> tuple[int | None, bool]:
    """The title line and whether we are sure of it (only a sure title lets the lines above it go).

    Sure: it matches a given title, or it is both the longest headline-like line of the head
    and the last one, has four words or more, and is set off from the body by a dateline, byline or chrome line
    or has only short labels (menus, sections) above it; a headline-like line right above the body may
    otherwise be a standfirst missing its full stop.
    Unsure, the first headline-like line is the title: a clean text starts with it.
    """
    pool = [i for i in candidates if _headline_like(units[i], signals, i)]
    if given:
        key = normalise(given)
        for i in pool:
            if units[i].key == key or (len(key) > 15 and (key in units[i].key or units[i].key in key)):
                return i, True
    if not pool:
        return None, False
    longest = max(pool, key=lambda i: (len(units[i].text), -i))
    following = longest + 1
    set_off = following < candidates.stop and (
        is_metadata_line(units[following].text) or bool(signals.edge[following]))
    labels_above = all(units[i].n_words <= 2 for i in range(longest))
    if longest == pool[-1] and (set_off or labels_above) and units[longest].n_words >= 4:
        return longest, True
    return pool[0], False


def _headline_like(unit: Unit, signals: _Signals, i: int) -> bool:
    # Repetition across the batch does not disqualify: two versions of a story share their title.
    own = signals.edge[i] if signals.stories[i] < signals.repeated_from else signals.own_strong(i)
    first_word = unit.words[0]
    return (not own and not signals.weak[i] and not _ends_with_full_stop(unit.text)
            and not (first_word.isalpha() and first_word.islower()) and len(alpha_words(unit.text)) >= 3
            and not is_metadata_line(unit.text))


def _ends_with_full_stop(text: str) -> bool:
    """A statement's end; a headline may end with "?", "!" or an ellipsis, seldom with a full stop."""
    text = text.rstrip("\"'\u201d\u2019\u00bb)]")
    return text.endswith(".") and not text.endswith("..")

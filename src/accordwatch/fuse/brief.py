"""An extractive brief: the best-attested sentences of the corpus, each citing its spans.

Every sentence is copied from a document (never written anew) and carries the stored
spans that back it: the mentions of the events (or agreements) it states, in every
document that states them. Selection and order are deterministic: the most
independently attested first, within a word budget, then shown in date order.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from accordwatch.fuse import dates
from accordwatch.fuse.records import DocInfo, FusedRecord, SpanRef
from accordwatch.fuse.rules import load, stopwords
from accordwatch.fuse.text import has_word, words

MAX_WORDS = 170  # prose budget, leaving room for citations under 250 words in all
SENTENCE_WORDS = (6, 45)


@dataclass(frozen=True)
class BriefSentence:
    text: str
    date: str
    refs: tuple[SpanRef, ...]


@dataclass(frozen=True)
class Brief:
    topic: str
    sentences: tuple[BriefSentence, ...]
    documents: tuple[DocInfo, ...]

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)


@dataclass(frozen=True)
class _Unit:
    """Something the brief may state: an event or an agreement, with all its mentions."""

    score: tuple
    date: str
    refs: tuple[SpanRef, ...]


TURNING_POINT = 2  # extra weight for an event that ended or superseded a provision


def _turning_points(record: FusedRecord) -> set[str]:
    return {i for a in record.agreements for p in a.provisions for s in p.steps
            if s.status in ("terminated", "superseded") for i in s.evidence}


def _units(record: FusedRecord) -> list[_Unit]:
    factual = set(load("fusion")["factual_modalities"])
    turning = _turning_points(record)
    units = [_Unit((e.corroboration + TURNING_POINT * (e.id in turning), len(e.mentions),
                    -dates.granularity_rank(e.date)), e.date,
                   tuple(m.ref for m in e.mentions))
             for e in record.events if e.date and e.modality in factual]
    units += [_Unit((len({r.publisher for r in a.refs}), len(a.refs), -dates.granularity_rank(a.date)), a.date,
                    a.refs) for a in record.agreements if a.date]
    return sorted(units, key=lambda u: (tuple(-x for x in u.score), dates.bounds(u.date)[0], u.refs[0].doc_id))


def _about(unit: _Unit, topic_words: Sequence[str]) -> bool:
    return all(any(has_word(r.sentence, [w]) for r in unit.refs) for w in topic_words)


def _one_per_document(refs: Sequence[SpanRef]) -> tuple[SpanRef, ...]:
    return tuple({r.doc_id: r for r in reversed(refs)}.values())[::-1]


def _is_sentence(text: str) -> bool:
    """A full sentence that stands alone: not a headline, not leaning on the one before it."""
    first = words(text[:40])[:1]
    if first and first[0] in load("fusion")["brief_dependent_openers"]:
        return False
    return text.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?"))


def _overtaken(record: FusedRecord) -> set[tuple[str, int]]:
    """Sentences stating what was later superseded or contradicted: not stated as fact in a brief."""
    return {(s.ref.doc_id, s.ref.sentence_start) for c in record.claims if c.verdict in ("superseded", "differ")
            and c.kind == "date" for s in c.statements if s.note != "what happened"}


def _best_sentence(refs: Sequence[SpanRef], avoid: set[tuple[str, int]]) -> SpanRef | None:
    lo, hi = SENTENCE_WORDS
    fitting = [r for r in refs if lo <= len(r.sentence.split()) <= hi and _is_sentence(r.sentence)
               and (r.doc_id, r.sentence_start) not in avoid]
    return min(fitting, key=lambda r: (abs(len(r.sentence.split()) - 22), r.said_on or "9999", r.doc_id,
                                       r.start), default=None)


def brief(record: FusedRecord, topic: str = "", max_words: int = MAX_WORDS) -> Brief:
    topic_words = [w for w in words(topic) if w not in stopwords()]
    chosen: dict[tuple[str, int], BriefSentence] = {}
    used = 0
    avoid = _overtaken(record)
    for unit in _units(record):
        if topic_words and not _about(unit, topic_words):
            continue
        best = _best_sentence(unit.refs, avoid)
        if best is None:
            continue
        key = (best.doc_id, best.sentence_start)
        if key in chosen:  # the same sentence states this too: cite it as well
            old = chosen[key]
            chosen[key] = BriefSentence(old.text, old.date, tuple(dict.fromkeys((*old.refs, *unit.refs))))
            continue
        n = len(best.sentence.split())
        if used + n > max_words:
            continue
        used += n
        chosen[key] = BriefSentence(best.sentence, unit.date, unit.refs)
    ordered = sorted(chosen.values(), key=lambda s: (dates.bounds(s.date)[0], s.text))
    cited = {r.doc_id for s in ordered for r in s.refs}
    return Brief(topic, tuple(ordered), tuple(d for d in record.documents if d.id in cited))


def _numbers(b: Brief) -> dict[str, int]:
    return {d.id: i for i, d in enumerate(b.documents, 1)}


def citation(b: Brief, s: BriefSentence) -> str:
    num = _numbers(b)
    return "[" + "; ".join(f"{num[r.doc_id]}:{r.start}-{r.end}" for r in _one_per_document(s.refs)) + "]"


def _source_line(i: int, d: DocInfo) -> str:
    role = f", {d.role.replace('_', ' ')}" if d.role else ""
    return f"[{i}] {d.source.rsplit('/', 1)[-1]}, {d.said_on or 'undated'}{role}, tier {d.tier or 'unrated'}"


def to_markdown(b: Brief) -> str:
    title = f"# Brief: {b.topic}" if b.topic else "# Brief"
    body = [f"{s.text} {citation(b, s)}" for s in b.sentences] or ["No attested statements found."]
    sources = [_source_line(i, d) for i, d in enumerate(b.documents, 1)]
    return "\n\n".join([title, *body, "Sources (document: span offsets):", "\n".join(sources)]) + "\n"


def to_html(b: Brief) -> str:
    esc = html.escape
    paras = "".join(f"<p>{esc(s.text)} <sup>{esc(citation(b, s))}</sup></p>" for s in b.sentences)
    items = "".join(f"<li>{esc(_source_line(i, d))}</li>" for i, d in enumerate(b.documents, 1))
    title = esc(f"Brief: {b.topic}" if b.topic else "Brief")
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<h1>{title}</h1>{paras}<h2>Sources</h2><ol>{items}</ol></body></html>\n")

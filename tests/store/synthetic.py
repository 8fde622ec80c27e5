"""Synthetic documents with many spans, for bulk, throughput and crash tests (deterministic)."""

from __future__ import annotations

import re

from accordwatch.model import Document, Figure, MetaField, OffsetMap, Segment, Span, Timex, content_hash

_WORDS = ("ceasefire", "delegation", "corridor", "border", "commission", "ministers", "talks",
          "peacekeepers", "agreement", "statement", "negotiations", "withdrawal", "monitoring")


def synthetic_document(i: int, *, spans: int = 50, source: str | None = None) -> tuple[Document, list[Span]]:
    """Document number `i`: a few hundred words, with `spans` spans over its words (timex, figure, span)."""
    words = [f"{_WORDS[(i * 7 + k) % len(_WORDS)]}{k % 11}" for k in range(max(spans, 1) * 4)]
    text = f"Report {i} of 12 May 2025.\n\n" + " ".join(words) + "."
    doc = Document(
        id=content_hash(text), source=source or f"corpus/{i:05d}-report.txt", raw=text, text=text,
        offsets=OffsetMap((Segment(0, 0, len(text)),)),
        meta={"title": MetaField(f"Report {i}", "read", "title-line"),
              "published": MetaField("2025-05-12", "read", "dateline")},
    )
    return doc, word_spans(doc, spans)


def word_spans(doc: Document, n: int) -> list[Span]:
    out: list[Span] = []
    for k, m in enumerate(re.finditer(r"\w+", doc.text)):
        if k >= n:
            break
        args = (doc.id, m.start(), m.end(), m.group(), "X", f"rule-{k % 5}", 0.5 + (k % 5) / 10)
        if k % 3 == 0:
            out.append(Timex(*args, value="2025-05-12", granularity="day"))
        elif k % 3 == 1:
            out.append(Figure(*args, value=float(k), unit="people", relations=(("part_of", f"{k}:{k + 1}"),)))
        else:
            out.append(Span(*args))
    return out

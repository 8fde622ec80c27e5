"""HTML for untrusted text with highlights, built from escaped pieces.

Document text is never marked up and then escaped: the text is cut at every span boundary
first, each piece is escaped on its own, and the markup goes between the pieces. Whatever
a document holds (`<script>`, a stray `&`, a quote in an attribute) comes out as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from accordwatch.model import Document, Span

KINDS = ("event", "agreement", "provision", "actor", "timex", "figure")
KIND_NAMES = {"event": "events", "agreement": "agreements", "provision": "provisions", "actor": "actors",
              "timex": "time", "figure": "figures"}


@dataclass(frozen=True)
class Insert:
    """A removed raw line, shown (greyed, on demand) at the clean offset where it stood."""

    at: int
    text: str
    reason: str


def span_anchor(start: int, end: int) -> str:
    return f"s-{start}-{end}"


def _describe(s: Span) -> str:
    extra = getattr(s, "value", "") or getattr(s, "canonical", "") or getattr(s, "name", "")
    return f"{s.kind}: {s.label}" + (f" = {extra}" if extra not in ("", None) else "")


def removed_inserts(doc: Document) -> list[Insert]:
    """Each removed line placed before the first clean text that comes after it in the raw input."""
    segments = doc.offsets.segments
    out = []
    for line in doc.removed:
        at = next((seg.clean_start for seg in segments if seg.raw_start >= line.raw_end), len(doc.text))
        out.append(Insert(at, line.text, line.reason))
    return out


def _boundaries(length: int, spans: Sequence[Span], inserts: Sequence[Insert],
                extra: Iterable[int]) -> list[int]:
    points = {0, length, *extra}
    for s in spans:
        points.update((s.start, s.end))
    points.update(i.at for i in inserts)
    return sorted(p for p in points if 0 <= p <= length)


def _piece(text: str, a: int, b: int, covering: list[Span], hit: tuple[int, int] | None) -> Markup:
    kinds = sorted({s.kind for s in covering}, key=KINDS.index)
    classes = ["seg", *(f"k-{k}" for k in kinds)]
    if hit and hit[0] <= a and b <= hit[1] and a < b:
        classes.append("hit")
    title = "; ".join(dict.fromkeys(_describe(s) for s in covering))
    attrs = Markup(' class="{}" data-a="{}" data-b="{}"').format(" ".join(classes), a, b)
    if title:
        attrs += Markup(' title="{}"').format(title)
    return Markup("<span{}>{}</span>").format(attrs, text[a:b])


def highlight_document(doc: Document, spans: Sequence[Span], *, hit: tuple[int, int] | None = None,
                       kinds: Sequence[str] = KINDS) -> Markup:
    """The clean text as HTML: every piece a `span.seg` with its kinds as classes and its offsets.

    Each span's start carries an empty anchor `#s-START-END`; `hit` (start, end) marks the
    pieces inside it with the class `hit`; removed lines go in as `span.removed`.
    """
    shown = [s for s in spans if s.kind in kinds and 0 <= s.start <= s.end <= len(doc.text)]
    inserts = removed_inserts(doc)
    points = _boundaries(len(doc.text), shown, inserts, hit or ())
    starts: dict[int, list[str]] = {}
    for s in shown:
        ids = starts.setdefault(s.start, [])
        if span_anchor(s.start, s.end) not in ids:
            ids.append(span_anchor(s.start, s.end))
    by_at: dict[int, list[Insert]] = {}
    for ins in inserts:
        by_at.setdefault(ins.at, []).append(ins)
    pending = sorted(shown, key=lambda s: s.start)
    active: list[Span] = []
    out: list[Markup] = []
    for a, b in zip(points, points[1:] + [None]):
        out.extend(_removed(i) for i in by_at.get(a, ()))
        out.extend(Markup('<a class="anchor" id="{}"></a>').format(i) for i in starts.get(a, ()))
        # A sweep: spans join when they start and leave when they end, so each piece is cheap.
        while pending and pending[0].start <= a:
            active.append(pending.pop(0))
        active = [s for s in active if s.end > a]
        if b is not None and b > a:
            out.append(_piece(doc.text, a, b, active, hit))
    return Markup("").join(out)


def _removed(ins: Insert) -> Markup:
    text = ins.text if ins.text.endswith("\n") else ins.text + "\n"
    return Markup('<span class="removed" title="removed: {}">{}</span>').format(ins.reason, text)


def marked_snippet(snippet: str, open_mark: str, close_mark: str) -> Markup:
    """A search snippet with matched words between control marks, as escaped HTML with <mark>."""
    out: list[Markup] = []
    inside = False
    buf = ""
    for ch in snippet:
        if ch in (open_mark, close_mark):
            out.append(Markup("<mark>{}</mark>").format(buf) if inside else escape(buf))
            buf, inside = "", ch == open_mark
        else:
            buf += ch
    out.append(Markup("<mark>{}</mark>").format(buf) if inside else escape(buf))
    return Markup("").join(out)


def sentence_in_context(sentence: str, sentence_start: int, start: int, end: int) -> Markup:
    """The sentence with the span (document offsets) marked, for event and claim pages."""
    a = max(0, min(len(sentence), start - sentence_start))
    b = max(a, min(len(sentence), end - sentence_start))
    if not sentence:
        return Markup("")
    return Markup("{}<mark>{}</mark>{}").format(sentence[:a], sentence[a:b], sentence[b:])

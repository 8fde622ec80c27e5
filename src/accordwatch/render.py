"""Terminal views of documents and findings (rich); the CLI prints what these build.

Document text is untrusted: it goes into rich `Text` objects, never into markup strings,
so a "[bold]" in an article stays text.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from accordwatch.model import Document, Span

KIND_STYLE = {"timex": "bold cyan", "actor": "green", "figure": "bold yellow", "agreement": "magenta",
              "event": "underline", "provision": "italic magenta"}
HOW_MARK = {"given": "given", "read": "read", "inferred": "inferred"}


def date_cell(doc: Document) -> str:
    field = doc.meta.get("published")
    if field is None or not field.value:
        return "—"
    return f"{field.value} ({HOW_MARK.get(field.how, field.how)}: {field.source})"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def documents_table(rows: Sequence, width: int = 120) -> Table:
    """One line a document, whatever the terminal's width: the title takes what the rest leaves."""
    with_publisher = any(r.publisher for r in rows)
    dates = ["—" if not r.published else f"{r.published} {r.published_how}" for r in rows]
    fixed = 8 + max(map(len, dates), default=4) + 4 + 5 + 7 + (20 if with_publisher else 0)
    title_width = max(12, width - fixed - 3 * (6 + with_publisher) - 2)
    table = Table(title=f"{len(rows)} documents", show_lines=False)
    cols = ["id", "title", *(["publisher"] if with_publisher else []), "date", "lang", "words", "removed"]
    for col in cols:
        table.add_column(col, no_wrap=True, justify="right" if col in ("words", "removed") else "left")
    for r, date in sorted(zip(rows, dates, strict=True), key=lambda p: p[0].source):
        cells = [r.id[:8], Text(_clip(r.title or r.source, title_width))]
        if with_publisher:
            cells.append(Text(_clip(r.publisher or "", 20)))
        cells += [date, r.language or "", str(r.words), str(r.removed)]
        table.add_row(*cells)
    return table


def metadata_table(doc: Document) -> Table:
    table = Table(title=f"{doc.source}  ·  {doc.id[:12]}", show_header=True)
    for col in ("field", "value", "how", "from", "why"):
        table.add_column(col, overflow="fold")
    for key in sorted(doc.meta):
        m = doc.meta[key]
        table.add_row(key, Text(str(m.value)), m.how, m.source,
                      Text(m.reason + (f" (confidence {m.confidence:.2f})" if m.how == "inferred" else "")))
    return table


def highlighted(doc: Document, spans: Sequence[Span], kinds: set[str]) -> Text:
    text = Text(doc.text)
    # Events and provisions cover whole clauses: style them first so that shorter spans show on top.
    for s in sorted(spans, key=lambda s: (s.kind not in ("event", "provision"), s.start)):
        if s.kind in kinds and s.kind in KIND_STYLE:
            text.stylize(KIND_STYLE[s.kind], s.start, s.end)
    return text


def with_removed(doc: Document, body: Text) -> Text:
    """The clean text with the removed lines put back, greyed, where they stood in the raw input."""
    pieces: list[tuple[int, Text]] = []
    pos = 0
    for line in doc.text.split("\n"):
        end = pos + len(line)
        pieces.append((doc.offsets.to_raw(pos), body[pos:end]))
        pos = end + 1
    for r in doc.removed:
        pieces.append((r.raw_start, Text(f"⌫ {r.text.strip()}   [{r.reason}]", style="dim strike")))
    pieces.sort(key=lambda p: p[0])
    return Text("\n").join(p[1] for p in pieces)


def spans_table(kind: str, spans: Sequence[Span]) -> Table:
    chosen = [s for s in spans if s.kind == kind]
    table = Table(title=f"{kind} ({len(chosen)})")
    table.add_column("at", justify="right")
    table.add_column("text", overflow="fold")
    table.add_column("label")
    table.add_column("details", overflow="fold")
    for s in chosen:
        details = ", ".join(f"{k}={v}" for k, v in s.attrs().items() if v not in ("", (), None, False))
        table.add_row(f"{s.start}:{s.end}", Text(s.text), s.label, Text(details))
    return table


def document_view(doc: Document, spans: Sequence[Span], *, removed: bool, kinds: set[str]) -> Group:
    body = highlighted(doc, spans, kinds)
    if removed:
        body = with_removed(doc, body)
    parts: list[RenderableType] = [metadata_table(doc), Text(""), body, Text("")]
    parts += [spans_table(k, spans) for k in ("timex", "actor", "figure", "event", "agreement", "provision")
              if k in kinds and any(s.kind == k for s in spans)]
    return Group(*parts)

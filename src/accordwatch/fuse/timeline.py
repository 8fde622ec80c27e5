"""The timeline: fused events in date order, filtered; and its plot (matplotlib, Agg)."""

from __future__ import annotations

from collections.abc import Sequence

from accordwatch.fuse import dates
from accordwatch.fuse.records import FusedEvent, FusedRecord
from accordwatch.fuse.rules import load


def _in_range(e: FusedEvent, date_from: str, date_to: str) -> bool:
    lo = dates.bounds(date_from)[0] if date_from else ""
    hi = dates.bounds(date_to)[1] if date_to else ""
    return (not lo or e.date_end >= lo) and (not hi or e.date_start <= hi)


def _from_source(e: FusedEvent, source: str) -> bool:
    key = source.lower()
    return any(m.ref.doc_id.startswith(key) or key in m.ref.source.lower() or key in m.ref.publisher.lower()
               for m in e.mentions)


def timeline(record: FusedRecord, *, date_from: str = "", date_to: str = "", actor: str = "",
             types: Sequence[str] = (), source: str = "", show_hidden: bool = False) -> list[FusedEvent]:
    """Dated events in order; negated and hypothetical ones only with `show_hidden`."""
    hidden = set(load("fusion")["hidden_modalities"])
    wanted = {t.upper() for t in types}
    out = []
    for e in record.events:
        if not e.date_start or (e.modality in hidden and not show_hidden):
            continue
        if wanted and e.type not in wanted:
            continue
        if actor and not any(actor.lower() in a.lower() for a in e.actors):
            continue
        if source and not _from_source(e, source):
            continue
        if _in_range(e, date_from, date_to):
            out.append(e)
    return sorted(out, key=lambda e: (e.date_start, e.date_end, e.type, e.id))


def timeline_figure(events: Sequence[FusedEvent], title: str = "accordwatch timeline"):
    """Events by date (x) and type (y), marker size and label = independent sources."""
    import matplotlib
    import matplotlib.dates

    matplotlib.use("Agg")
    from datetime import date as _date

    from matplotlib.figure import Figure

    types = sorted({e.type for e in events})
    fig = Figure(figsize=(11, 1.6 + 0.45 * max(len(types), 1)))
    ax = fig.subplots()
    for e in events:
        x = matplotlib.dates.date2num(_date.fromisoformat(e.date_start))
        y = types.index(e.type)
        ax.scatter([x], [y], s=40 + 40 * e.corroboration, alpha=0.7, color=f"C{y % 10}",
                   marker="o" if e.date_start == e.date_end else "s")
        ax.annotate(str(e.corroboration), (x, y), textcoords="offset points", xytext=(0, 8),
                    ha="center", fontsize=8)
    ax.xaxis_date()
    ax.set_yticks(range(len(types)), types)
    ax.set_ylim(-0.7, len(types) - 0.3)
    ax.set_xlabel("date (circle: a day; square: a month or coarser; number: independent sources)")
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig

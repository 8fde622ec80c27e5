"""Terminal views of the fused record (rich). Text from documents goes in `Text`, never markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text

from accordwatch.fuse.records import AgreementStatus, Claim, FusedEvent, SpanRef

VERDICT_STYLE = {"agree": "green", "more_precise": "cyan", "differ": "bold red", "superseded": "yellow",
                 "single": "dim", "different_measures": "blue", "dismissed": "dim"}


def short_source(ref: SpanRef) -> str:
    return ref.source.replace("\\", "/").rsplit("/", 1)[-1] or ref.doc_id[:12]


def _sources(refs: Sequence[SpanRef]) -> str:
    return ", ".join(dict.fromkeys(short_source(r)[:12] for r in refs))


def clip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


def timeline_table(events: Sequence[FusedEvent]) -> Table:
    table = Table(title=f"timeline ({len(events)} events)")
    for col in ("date", "type", "event", "actors", "sources", "indep."):
        table.add_column(col, overflow="fold", justify="right" if col == "indep." else "left")
    for e in events:
        mark = "" if e.modality in ("asserted", "reported") else f" ({e.modality})"
        table.add_row(e.date, e.type, Text(clip(e.label) + mark), Text(", ".join(e.actors)),
                      _sources([m.ref for m in e.mentions]), str(e.corroboration))
    return table


def agreements_table(agreements: Sequence[AgreementStatus]) -> Table:
    table = Table(title=f"agreements ({len(agreements)})")
    for col in ("date", "agreement", "parties", "provisions", "sources", "warnings"):
        table.add_column(col, overflow="fold")
    for a in agreements:
        provisions = "; ".join(f"{p.label}: {p.status_label}" for p in a.provisions)
        warnings = sum(len(p.warnings) for p in a.provisions)
        table.add_row(a.date or "—", Text(a.name), ", ".join(a.parties), provisions,
                      f"{len(a.sources)} docs", str(warnings) if warnings else "")
    return table


def agreement_view(a: AgreementStatus) -> Group:
    head = Text(f"{a.name}\n", style="bold")
    head.append(f"key {a.key} · date {a.date or 'unknown'} · parties {', '.join(a.parties) or 'unknown'}\n",
                style="")
    head.append(f"status mentions: {', '.join(a.status_mentions) or 'none'} · cited by {len(a.sources)} "
                f"documents: {_sources(a.refs)}")
    parts: list = [head]
    for p in a.provisions:
        table = Table(title=f"provision {p.label}: {p.status_label}"
                      + (f" · term {p.term}" if p.term else "") + (f" · extension {p.extension}" if p.extension else ""))
        for col in ("date", "what", "evidence / how", "sources"):
            table.add_column(col, overflow="fold")
        for d in p.deadlines:
            table.add_row(d.value, d.fact + (" (passed)" if d.passed else ""), Text(d.how), _sources(d.refs))
        for s in p.steps:
            table.add_row(s.date, f"status {s.status}", Text(clip(s.reason)), _sources(s.refs))
        parts.append(table)
        parts += [Text(f"⚠ {w}", style="bold yellow") for w in p.warnings]
    return Group(*parts)


def claims_table(claims: Sequence[Claim], title: str) -> Table:
    table = Table(title=f"{title} ({len(claims)})", show_lines=True)
    for col in ("subject", "verdict", "who said what, when"):
        table.add_column(col, overflow="fold")
    for c in claims:
        said = Text()
        for s in c.statements:
            said.append(f"{s.value}", style="bold")
            said.append(f" — {short_source(s.ref)} ({s.ref.said_on or 'undated'}"
                        + (f", tier {s.ref.tier}" if s.ref.tier else "") + ")")
            said.append(f" {s.note}" if s.note else "", style="dim")
            said.append(f": “{s.ref.text}”\n")
        if c.explanation:
            said.append(c.explanation, style="italic")
        if c.origins:
            said.append(f"\n{c.origins} independent origin{'s' if c.origins != 1 else ''}", style="dim")
        if c.reviewed:
            said.append(f"\nverdict set by {c.reviewed}", style="bold")
        table.add_row(Text(c.subject), Text(c.verdict, style=VERDICT_STYLE.get(c.verdict, "")), said)
    return table

"""CLI commands over the fused record: timeline, agreements, figures, conflicts, brief.

Each opens the store, takes the fused record (recomputed when the stored spans changed
since it was made) and prints a table, JSON lines, a plot or a brief.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from accordwatch.cli import _console, cli, db_option, open_store

AS_OF_HELP = "Judge deadlines as of this date (YYYY-MM-DD) [default: today]."


def _record(store, as_of: str | None):
    from accordwatch.fuse import current_record

    try:
        return current_record(store, as_of=as_of or "")
    except ValueError as exc:
        raise click.ClickException(f"cannot fuse the stored record: {exc}") from exc


def _json_lines(items) -> None:
    from accordwatch.fuse.records import to_dict

    for item in items:
        click.echo(json.dumps(to_dict(item), ensure_ascii=False))


@cli.command("timeline")
@click.option("--from", "date_from", default="", help="Only events on or after this date (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", default="", help="Only events on or before this date.")
@click.option("--actor", default="", help="Only events with an actor whose name contains this text.")
@click.option("--type", "types", multiple=True, help="Only events of this PLOVER type (repeatable).")
@click.option("--source", default="", help="Only events from documents whose id, source or publisher matches.")
@click.option("--all", "show_hidden", is_flag=True, help="Include negated and hypothetical events.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per event.")
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw the timeline to this .png or .svg file.")
@db_option
def timeline_command(date_from, date_to, actor, types, source, show_hidden, as_json, plot, db) -> None:
    """Events fused across documents, in date order, with their independent source counts."""
    from accordwatch.fuse.render import timeline_table
    from accordwatch.fuse.timeline import timeline, timeline_figure

    if plot and plot.suffix.lower() not in (".png", ".svg"):
        raise click.ClickException("--plot needs a .png or .svg file name")
    with open_store(db) as store:
        events = timeline(_record(store, None), date_from=date_from, date_to=date_to, actor=actor, types=types,
                          source=source, show_hidden=show_hidden)
    if plot:
        timeline_figure(events).savefig(plot)
        _console(stderr=True).print(f"timeline of {len(events)} events drawn to {plot}")
    if as_json:
        _json_lines(events)
    else:
        _console().print(timeline_table(events))


@cli.command("agreements")
@click.argument("name", required=False, default="")
@click.option("--as-of", default="", help=AS_OF_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per agreement.")
@db_option
def agreements_command(name: str, as_of: str, as_json: bool, db) -> None:
    """Agreements with their provisions' status (0-3, terminated, superseded), deadlines and warnings.

    NAME (part of an agreement's name, of any mention of it, its key or its date) shows those
    agreements in full.
    """
    from accordwatch.fuse.render import agreement_view, agreements_table

    with open_store(db) as store:
        agreements = _record(store, as_of).agreements
    if name:
        key = name.lower()
        agreements = tuple(a for a in agreements if key in a.name.lower() or key in a.key.lower()
                           or a.date.startswith(name) or any(key in r.text.lower() for r in a.refs))
        if not agreements:
            raise click.ClickException(f"no agreement matches {name!r} (try `accordwatch agreements`)")
    if as_json:
        _json_lines(agreements)
    elif name:
        for a in agreements:
            _console().print(agreement_view(a))
    else:
        _console().print(agreements_table(agreements))


@cli.command("figures")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per figure or group of figures.")
@db_option
def figures_command(as_json: bool, db) -> None:
    """Figures across documents: the same figure from several sources compared."""
    from accordwatch.fuse.render import claims_table

    with open_store(db) as store:
        claims = [c for c in _record(store, None).claims if c.kind == "figure"]
    if as_json:
        _json_lines(claims)
    else:
        _console().print(claims_table(claims, "figures"))


@cli.command("conflicts")
@click.option("--all", "show_all", is_flag=True, help="Also list claims where the sources agree.")
@click.option("--as-of", default="", help=AS_OF_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per claim.")
@db_option
def conflicts_command(show_all: bool, as_of: str, as_json: bool, db) -> None:
    """Where sources differ, one is more precise, or a statement was superseded by events."""
    from accordwatch.fuse.render import claims_table

    shown = {"differ", "superseded", "more_precise"} | ({"agree"} if show_all else set())
    with open_store(db) as store:
        claims = [c for c in _record(store, as_of).claims if c.verdict in shown]
    if as_json:
        _json_lines(claims)
    else:
        _console().print(claims_table(claims, "claims compared"))


@cli.command("brief")
@click.option("--topic", default="", help="Only what concerns this topic (all its words).")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file [default: standard output].")
@db_option
def brief_command(topic: str, fmt: str, output: Path | None, db) -> None:
    """An extractive brief in which every sentence cites the stored spans it comes from."""
    from accordwatch.fuse.brief import brief, to_html, to_markdown

    with open_store(db) as store:
        result = brief(_record(store, None), topic=topic)
    text = to_markdown(result) if fmt == "md" else to_html(result)
    if output:
        output.write_text(text, encoding="utf-8")
        _console(stderr=True).print(f"brief of {result.words} words written to {output}")
    else:
        click.echo(text, nl=False)

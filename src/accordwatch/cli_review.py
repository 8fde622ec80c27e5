"""CLI for the analyst's workflow: `review` (list, decide, log, orphans, roles), `reextract`,
`changes` and `deadlines`."""

from __future__ import annotations

import getpass
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from accordwatch.cli import _console, cli, db_option, open_store

WHO_HELP = "Who decides [default: $ACCORDWATCH_USER or the login name]."


def _who(who: str | None) -> str:
    return who or os.environ.get("ACCORDWATCH_USER") or getpass.getuser()


def who_option(f):
    return click.option("--who", default=None, help=WHO_HELP)(f)


def reason_option(f):
    return click.option("--reason", "-r", default="", help="Why (required to reject, edit, merge, split, "
                        "set a status, a verdict, a role or a tier).")(f)


def _decide(store, target_kind: str, target: str, action: str, who, reason: str, value=None, evidence=None):
    from accordwatch.review.decisions import Decision, DecisionError, record

    try:
        d = record(store, Decision(target_kind, target, action, _who(who), reason, value or {}, evidence or {}))
    except DecisionError as exc:
        raise click.ClickException(str(exc)) from exc
    _console().print(f"#{d.id} {d.action} {d.target_kind} {d.target} by {d.who}")
    return d


def _span_target(store, item: str) -> tuple[str, str, dict]:
    """An item id `kind:doc:start:end` (the document by id, prefix or file name) -> (kind, target, evidence)."""
    from accordwatch.review.decisions import SPAN_KINDS, span_target
    from accordwatch.store import AmbiguousKey

    parts = item.split(":")
    if len(parts) != 4 or parts[0] not in SPAN_KINDS or not (parts[2].isdigit() and parts[3].isdigit()):
        raise click.ClickException(f"{item!r} is not an item id (kind:document:start:end; see `accordwatch review list`)")
    kind, key, start, end = parts[0], parts[1], int(parts[2]), int(parts[3])
    try:
        doc = store.get_document(key)
    except AmbiguousKey as exc:
        raise click.ClickException(str(exc)) from exc
    if doc is None:
        raise click.ClickException(f"no document matches {key!r}")
    return kind, span_target(doc.id, start, end), {"text": doc.text[start:end], "source": doc.source}


@cli.group("review")
def review() -> None:
    """Review extracted items: accept, edit, reject, merge, split; set statuses, verdicts, roles, tiers.

    Decisions are stored apart from machine output, keyed to stable identities, and logged
    (who, when, why); they survive re-extraction, and those whose evidence vanished are listed
    by `accordwatch review orphans`.
    """


@review.command("list")
@click.option("--kind", "kinds", multiple=True, help="Only items of this kind (event, figure, actor, agreement, "
              "provision, timex; repeatable) [default: all but timex].")
@click.option("--doc", "doc_key", default="", help="Only items of this document (id, prefix or file name).")
@click.option("--undecided", is_flag=True, help="Only items with no decision yet.")
@click.option("--json", "as_json", is_flag=True)
@db_option
def review_list(kinds, doc_key, undecided, as_json, db) -> None:
    """Items with their source sentence, confidence and the decision in force."""
    from accordwatch.review.items import review_items

    kinds = kinds or ("event", "figure", "actor", "agreement", "provision")
    with open_store(db) as store:
        items = review_items(store, kinds, doc_key, undecided)
    if as_json:
        for i in items:
            click.echo(json.dumps(i.to_dict(), ensure_ascii=False))
        return
    table = Table(title=f"items to review ({len(items)})")
    for col in ("item", "label", "text", "sentence", "conf.", "decision"):
        table.add_column(col, overflow="fold")
    for i in items:
        table.add_row(i.id, i.label, Text(i.text), Text(i.sentence[:160]), f"{i.confidence:.2f}",
                      f"{i.decision} ({i.decided_by})" if i.decision else "")
    _console().print(table)


@review.command("accept")
@click.argument("item")
@reason_option
@who_option
@db_option
def review_accept(item, reason, who, db) -> None:
    """Accept an item as extracted (ITEM: kind:document:start:end)."""
    with open_store(db) as store:
        kind, target, evidence = _span_target(store, item)
        _decide(store, kind, target, "accept", who, reason, evidence=evidence)


@review.command("reject")
@click.argument("item")
@reason_option
@who_option
@db_option
def review_reject(item, reason, who, db) -> None:
    """Reject an item: fusion leaves it out from now on, through re-extraction."""
    with open_store(db) as store:
        kind, target, evidence = _span_target(store, item)
        _decide(store, kind, target, "reject", who, reason, evidence=evidence)


@review.command("edit")
@click.argument("item")
@click.option("--set", "sets", multiple=True, required=True, help="field=value (repeatable); lists comma-separated.")
@reason_option
@who_option
@db_option
def review_edit(item, sets, reason, who, db) -> None:
    """Correct an item's fields (e.g. --set label=RETREAT --set date=2024-06-12)."""
    value = {}
    for s in sets:
        k, sep, v = s.partition("=")
        if not sep:
            raise click.ClickException(f"--set {s!r}: use field=value")
        value[k.strip()] = _typed(k.strip(), v.strip())
    with open_store(db) as store:
        kind, target, evidence = _span_target(store, item)
        _decide(store, kind, target, "edit", who, reason, value, evidence)


def _typed(key: str, value: str):
    if key in ("source_actors", "target_actors", "parties"):
        return [x.strip() for x in value.split(",") if x.strip()]
    if key == "value":
        try:
            return float(value)
        except ValueError as exc:
            raise click.ClickException(f"value must be a number, not {value!r}") from exc
    return value


@review.command("entity")
@click.argument("canonical")
@click.argument("action", type=click.Choice(["accept", "reject", "edit"]))
@click.option("--name", default="", help="For edit: the correct canonical name.")
@reason_option
@who_option
@db_option
def review_entity(canonical, action, name, reason, who, db) -> None:
    """Decide on an entity by its canonical name: accept, reject (all its mentions) or rename."""
    if action == "edit" and not name:
        raise click.ClickException("edit needs --name")
    with open_store(db) as store:
        _decide(store, "entity", canonical, action, who, reason, {"canonical": name} if name else {})


@review.command("merge")
@click.argument("mention_a")
@click.argument("mention_b")
@reason_option
@who_option
@db_option
def review_merge(mention_a, mention_b, reason, who, db) -> None:
    """Merge the two events holding these event mentions (event:document:start:end each)."""
    with open_store(db) as store:
        _, a, _ = _span_target(store, mention_a)
        _, b, _ = _span_target(store, mention_b)
        _decide(store, "merge", "+".join(sorted((a, b))), "merge", who, reason, {"a": a, "b": b})


@review.command("split")
@click.argument("mention")
@reason_option
@who_option
@db_option
def review_split(mention, reason, who, db) -> None:
    """Take an event mention out of its fused event, into an event of its own."""
    with open_store(db) as store:
        _, target, evidence = _span_target(store, mention)
        _decide(store, "split", target, "split", who, reason, evidence=evidence)


@review.command("status")
@click.argument("agreement_key")
@click.argument("provision")
@click.argument("status")
@click.option("--date", "on", default="", help="When the status took effect (YYYY[-MM[-DD]]).")
@click.option("--cite", default="", help="The source the reason rests on: a document, span or URL (required).")
@reason_option
@who_option
@db_option
def review_status(agreement_key, provision, status, on, cite, reason, who, db) -> None:
    """Set a provision's status (0-3, terminated, superseded), with a reason and a citation."""
    with open_store(db) as store:
        _decide(store, "track", f"{agreement_key}:{provision}", "status", who, reason,
                {"status": status, "date": on, "cite": cite})


@review.command("verdict")
@click.argument("claim_id")
@click.argument("verdict")
@reason_option
@who_option
@db_option
def review_verdict(claim_id, verdict, reason, who, db) -> None:
    """Judge a claim: agree, more_precise, differ, superseded, different_measures, dismissed."""
    with open_store(db) as store:
        _decide(store, "claim", claim_id, "verdict", who, reason, {"verdict": verdict})


@review.command("role")
@click.argument("doc_key")
@click.argument("role")
@reason_option
@who_option
@db_option
def review_role(doc_key, role, reason, who, db) -> None:
    """Set a document's role: primary_text, official_statement, independent_reporting, aggregator_rewrite."""
    from accordwatch.cli import _get_document

    with open_store(db) as store:
        doc = _get_document(store, doc_key)
        _decide(store, "document", doc.id, "role", who, reason, {"role": role}, {"source": doc.source})


@review.command("tier")
@click.argument("publisher")
@click.argument("tier")
@reason_option
@who_option
@db_option
def review_tier(publisher, tier, reason, who, db) -> None:
    """Set a publisher's reliability tier (A, B, C, D, unrated); PUBLISHER as `review roles` lists it."""
    with open_store(db) as store:
        _decide(store, "publisher", publisher, "tier", who, reason, {"tier": tier})


@review.command("reset")
@click.argument("target_kind")
@click.argument("target")
@reason_option
@who_option
@db_option
def review_reset(target_kind, target, reason, who, db) -> None:
    """Withdraw the decision in force on a target (as the log names it): machine output applies again."""
    with open_store(db) as store:
        _decide(store, target_kind, target, "reset", who, reason)


@review.command("log")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@db_option
def review_log(limit, as_json, db) -> None:
    """The audit log: every decision, newest first, with who, when and why."""
    from accordwatch.review.decisions import audit_log

    with open_store(db) as store:
        log = audit_log(store.engine, limit)
    if as_json:
        for d in log:
            click.echo(json.dumps(d.to_dict(), ensure_ascii=False))
        return
    table = Table(title=f"audit log ({len(log)})")
    for col in ("#", "when", "who", "action", "target", "value", "why"):
        table.add_column(col, overflow="fold")
    for d in log:
        table.add_row(str(d.id), f"{d.at:%Y-%m-%d %H:%M}" if d.at else "", Text(d.who), d.action,
                      f"{d.target_kind} {d.target}", Text(json.dumps(d.value, ensure_ascii=False) if d.value else ""),
                      Text(d.reason))
    _console().print(table)


@review.command("orphans")
@db_option
def review_orphans(db) -> None:
    """Decisions whose evidence vanished (after re-extraction or removal): kept, and listed here."""
    from accordwatch.review.items import orphans

    with open_store(db) as store:
        found = orphans(store)
    if not found:
        _console().print("no orphaned decisions")
    for d, why in found:
        _console().print(Text(f"#{d.id} {d.action} {d.target_kind} {d.target} by {d.who}: {why} "
                              f"(was {d.evidence.get('text', '')!r})"))


@review.command("roles")
@click.option("--json", "as_json", is_flag=True)
@db_option
def review_roles(as_json, db) -> None:
    """Documents with their role (inferred or set), lineage (what they re-report) and publisher tier."""
    from accordwatch.fuse import current_record
    from accordwatch.fuse.records import to_dict

    with open_store(db) as store:
        infos = current_record(store).documents
    if as_json:
        for i in infos:
            click.echo(json.dumps(to_dict(i), ensure_ascii=False))
        return
    names = {i.id: i.source.rsplit("/", 1)[-1] for i in infos}
    table = Table(title="document roles and lineage")
    for col in ("document", "date", "role", "how", "re-reports", "publisher", "tier"):
        table.add_column(col, overflow="fold")
    for i in infos:
        table.add_row(names[i.id], i.said_on, i.role, f"{i.role_how}: {i.role_reason}",
                      names.get(i.derived_from, i.derived_from[:12]), i.publisher, i.tier)
    _console().print(table)


@cli.command("reextract")
@click.option("--as-of", default="", help="Judge deadlines as of this date when the record is recomputed.")
@db_option
def reextract_command(as_of, db) -> None:
    """Run extraction again over every stored document (after a rule change) and recompute the record.

    The analyst's decisions are kept and applied to the new output; see `review orphans`.
    """
    from accordwatch.review.reextract import reextract

    with open_store(db) as store:
        n = reextract(store, as_of=as_of)
    _console(stderr=True).print(f"{n} documents re-extracted")


def _since(since: str, last_ingest: bool, engine) -> datetime:
    from accordwatch.review.changes import last_ingest_start

    if since and last_ingest:
        raise click.ClickException("give --since or --last-ingest, not both")
    if since:
        try:
            when = datetime.fromisoformat(since)
        except ValueError as exc:
            raise click.ClickException(f"--since {since!r}: use YYYY-MM-DD or an ISO date-time") from exc
        return when if when.tzinfo else when.replace(tzinfo=UTC)
    start = last_ingest_start(engine)
    if start is None:
        raise click.ClickException("no ingest run has stored anything yet")
    return start


@cli.command("changes")
@click.option("--since", default="", help="Changes since this date (YYYY-MM-DD or ISO date-time).")
@click.option("--last-ingest", is_flag=True, help="Changes brought by the last ingest that stored something "
              "[the default].")
@click.option("--as-of", default="", help="Judge deadlines as of this date [default: today].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the Markdown here.")
@db_option
def changes_command(since, last_ingest, as_of, output, db) -> None:
    """What is new per agreement and track: events, status proposals, conflicts, superseded forecasts (Markdown)."""
    from accordwatch.fuse import current_record
    from accordwatch.review.changes import changes, to_markdown

    with open_store(db) as store:
        when = _since(since, last_ingest, store.engine)
        text = to_markdown(changes(current_record(store, as_of=as_of), store.engine, when))
    if output:
        output.write_text(text, encoding="utf-8")
        _console(stderr=True).print(f"changes written to {output}")
    else:
        click.echo(text, nl=False)


@cli.command("deadlines")
@click.option("--as-of", default="", help="Count days from this date (YYYY-MM-DD) [default: today].")
@click.option("--ics", type=click.Path(dir_okay=False, path_type=Path), help="Also write an iCalendar file.")
@click.option("--json", "as_json", is_flag=True)
@db_option
def deadlines_command(as_of, ics, as_json, db) -> None:
    """Derived deadlines with days left or overdue, and whether later events overtook them."""
    from datetime import date

    from accordwatch.fuse import current_record
    from accordwatch.review.deadlines import to_ics, watch

    as_of = as_of or date.today().isoformat()
    with open_store(db) as store:
        items = watch(current_record(store, as_of=as_of), as_of)
    if ics:
        ics.write_text(to_ics(items, datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")), encoding="utf-8", newline="")
        _console(stderr=True).print(f"{len(items)} deadlines written to {ics}")
    if as_json:
        for w in items:
            click.echo(json.dumps({**{k: v for k, v in w.__dict__.items() if k != "refs"}, "state": w.state,
                                   "sources": sorted({r.source for r in w.refs})}, ensure_ascii=False))
        return
    table = Table(title=f"deadlines as of {as_of} ({len(items)})")
    for col in ("date", "agreement", "track", "fact", "days", "state", "overtaken by"):
        table.add_column(col, overflow="fold")
    for w in items:
        days = f"{w.days_left} left" if w.days_left >= 0 else f"{-w.days_left} overdue"
        table.add_row(w.value, Text(w.agreement[:60]), w.track, w.fact, days, w.state, Text(w.overtaken_by[:90]))
    _console().print(table)

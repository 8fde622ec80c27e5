"""The `accordwatch` command: a thin layer over the library.

Each command opens the store, calls one library function, and prints the result; library
errors become `click.ClickException` (one clear line, exit status 1).
"""

from __future__ import annotations

import csv
import importlib
import json
import sys
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

DB_HELP = "Store: a SQLite file or a postgresql:// URL [default: $ACCORDWATCH_DB or ./accordwatch.db]"


def _console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False)


@contextmanager
def open_store(db: str | None):
    from accordwatch.store import Store

    try:
        store = Store.open(db)
    except Exception as exc:
        raise click.ClickException(f"cannot open store {db or ''}: {exc}") from exc
    try:
        yield store
    finally:
        store.close()


def db_option(f):
    return click.option("--db", envvar="ACCORDWATCH_DB", default=None, help=DB_HELP)(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="accordwatch")
def cli() -> None:
    """accordwatch: a source-attributed, time-aware record of a peace process."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV with metadata per file: path or url, title, publisher, published, language.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes extracting in parallel (this process alone writes to the store).")
@click.option("--dask", "dask_address", metavar="ADDRESS", envvar="ACCORDWATCH_DASK",
              help="Extract on a Dask cluster, e.g. tcp://host:8786 [default: $ACCORDWATCH_DASK]; "
                   "its workers need accordwatch installed. Overrides --workers.")
@db_option
def ingest(paths: tuple[str, ...], manifest: Path | None, workers: int, dask_address: str | None,
           db: str | None) -> None:
    """Ingest files, folders (recursive), URLs, feeds, or - (stdin).

    Formats: .txt .md .html .htm .pdf .jsonl. Metadata comes from NAME.meta.json sidecars,
    --manifest, HTML metadata, JSONL fields, and the text itself (title line, dateline).
    Documents already in the store (same content) are skipped.

    Exit status: 0 when every input went in (or was already stored), 1 when some failed
    (each failure is printed on one line naming the input and the reason), 130 when
    interrupted; an interrupted run leaves only whole documents stored, and running the
    same command again completes it.
    """
    from accordwatch.batch import ingest as run_ingest
    from accordwatch.parallel import make_runner

    err = _console(stderr=True)
    with open_store(db) as store, Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TextColumn("{task.fields[current]}"), console=err, transient=False,
    ) as bar:
        task = bar.add_task("ingest", total=None, current="")

        def progress(done: int, total: int, source: str) -> None:
            bar.update(task, completed=done, total=total, current=Path(source).name[:40])

        try:
            summary = run_ingest(store, paths, manifest=manifest, stdin=sys.stdin.buffer, progress=progress,
                                 runner=make_runner(workers, dask_address))
        except KeyboardInterrupt:
            err.print("interrupted: documents written so far are complete; run the same command again to finish")
            sys.exit(130)
    for e in summary.errors:
        err.print(Text(f"error: {e.source}: {e.reason}", style="red"))
    if summary.reextracted:
        err.print(f"the rules changed since the stored documents were extracted: {summary.reextracted} "
                  "re-extracted (corrections kept; see `accordwatch review orphans`)")
    _console().print(_summary_table(summary))
    sys.exit(1 if summary.failed else 0)


def _summary_table(summary) -> Table:
    table = Table(title="ingest summary")
    table.add_column("added", justify="right")
    table.add_column("already stored", justify="right")
    table.add_column("failed", justify="right")
    table.add_row(str(summary.added), str(summary.already_stored), str(summary.failed))
    return table


@cli.command()
@click.option("--all-versions", is_flag=True, help="List earlier versions of changed files too.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document.")
@db_option
def docs(all_versions: bool, as_json: bool, db: str | None) -> None:
    """List stored documents: id, title, publisher, date (and how it was obtained), language, size."""
    from accordwatch.render import documents_table

    with open_store(db) as store:
        rows = store.documents(latest_only=not all_versions)
    if as_json:
        for r in rows:
            click.echo(json.dumps(r._asdict() if hasattr(r, "_asdict") else vars(r), default=str,
                                  ensure_ascii=False))
        return
    console = _console()
    console.print(documents_table(rows, width=console.width))


def _get_document(store, key: str):
    from accordwatch.store import AmbiguousKey

    try:
        doc = store.get_document(key)
    except AmbiguousKey as exc:
        raise click.ClickException(str(exc)) from exc
    if doc is None:
        raise click.ClickException(f"no document matches {key!r} (try `accordwatch docs`)")
    return doc


KINDS = ("timex", "actor", "figure", "event", "agreement", "provision")


@cli.command()
@click.argument("key")
@click.option("--removed", is_flag=True, help="Show, in place and greyed, the lines cleaning removed.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
              help="Highlight and list only these kinds of finding (repeatable) [default: all].")
@click.option("--json", "as_json", is_flag=True, help="Print the document's export record as JSON.")
@db_option
def show(key: str, removed: bool, kinds: tuple[str, ...], as_json: bool, db: str | None) -> None:
    """Show a document's clean text with its findings.

    KEY is a document id or id prefix, a file name, or the start of a file name (e.g. 001).
    """
    from accordwatch.export import document_record
    from accordwatch.render import document_view

    with open_store(db) as store:
        doc = _get_document(store, key)
        spans = store.spans(doc.id)
    if as_json:
        click.echo(json.dumps(document_record(doc, spans), ensure_ascii=False, indent=1))
        return
    _console().print(document_view(doc, spans, removed=removed, kinds=set(kinds or KINDS)))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file [default: standard output].")
@db_option
def export(fmt: str, output: Path | None, db: str | None) -> None:
    """Export one record a document: metadata, removed lines, timex, figures, events, agreements."""
    from accordwatch.export import CSV_FIELDS, csv_row, document_record

    with open_store(db) as store:
        records = [document_record(store.get_document(r.id), store.spans(r.id)) for r in store.documents()]
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "jsonl":
            for rec in records:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
            writer.writeheader()
            writer.writerows(csv_row(rec) for rec in records)
    finally:
        if output:
            out.close()
    if output:
        _console(stderr=True).print(f"{len(records)} documents written to {output}")


@cli.command()
@click.argument("file", default="-")
@click.option("--date", "dct", help="Document date YYYY-MM-DD, to resolve relative expressions.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
def extract(file: str, dct: str | None, as_json: bool) -> None:
    """Print what accordwatch finds in one text (FILE or - for stdin), without storing it."""
    from accordwatch.export import document_record
    from accordwatch.extract_one import extract_text
    from accordwatch.render import document_view

    try:
        doc, spans = extract_text(file, dct, stdin=sys.stdin.buffer)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(document_record(doc, spans), ensure_ascii=False, indent=1))
    else:
        _console().print(document_view(doc, spans, removed=False, kinds=set(KINDS)))


@cli.command()
@click.argument("in_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
def timeml(in_dir: Path, out_dir: Path) -> None:
    """Tag TimeML files: read IN_DIR/*.tml (with a DCT), write them to OUT_DIR with TIMEX3 tags."""
    from accordwatch.timeml import tag_timeml_dir

    n = tag_timeml_dir(in_dir, out_dir)
    _console(stderr=True).print(f"{n} files tagged into {out_dir}")


def main() -> None:
    cli()


# Command modules register their commands on `cli` when imported (they import `cli` from here,
# so they are imported last): the fused record's views, the web server, review.
COMMAND_MODULES = ("accordwatch.cli_fuse", "accordwatch.cli_serve", "accordwatch.cli_review")
for _module in COMMAND_MODULES:
    importlib.import_module(_module)

if __name__ == "__main__":
    # As `python -m accordwatch.cli` this file is `__main__`; the command modules registered
    # on the group of the importable `accordwatch.cli`, so run that one.
    importlib.import_module("accordwatch.cli").main()

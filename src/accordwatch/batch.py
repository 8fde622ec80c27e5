"""An ingest run: inputs in, documents and their spans out to the store, errors counted.

Documents already stored (same content hash) are skipped before any cleaning, which is
what makes a second run over the same files cheap. Writes go in batches, each in one
transaction, so an interrupted run leaves only whole documents behind and a re-run
completes it. The first batch is small, so that a run shows stored documents early; the
following ones grow, since every commit has a fixed cost (the search index writes its
pending terms at each commit), but a batch is committed at the latest BATCH_SECONDS after
its first document, so that an interrupted run loses at most a few seconds of work.

Processing goes through a runner (accordwatch.parallel): this process by default, worker
processes (`ProcessRunner`) or a Dask cluster (`DaskRunner`). Whatever the runner, this
process is the only writer and writes in input order, so the store ends up the same.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from accordwatch.ingest import IngestError, read_inputs
from accordwatch.model import RawInput
from accordwatch.parallel import Outcome, Runner, as_rows, fewer_collections, serial
from accordwatch.pipeline import corpus_context
from accordwatch.rules_version import extracted_with, rules_fingerprint
from accordwatch.store.prepared import PreparedDocument

BATCH_SIZE = 50  # documents in the first batch; each following one may hold twice as many as the last
MAX_BATCH_SIZE = 400
BATCH_SECONDS = 5.0


@dataclass
class IngestSummary:
    added: int = 0
    already_stored: int = 0
    failed: int = 0
    errors: list[IngestError] = field(default_factory=list)
    added_ids: list[str] = field(default_factory=list)
    interrupted: bool = False
    reextracted: int = 0  # stored documents extracted again because the rules changed

    @property
    def seen(self) -> int:
        return self.added + self.already_stored + self.failed


Progress = Callable[[int, int, str], None]  # (done, total, current source)


def _split_new(items: Iterable[RawInput | IngestError], known: set[str],
               summary: IngestSummary) -> list[RawInput]:
    new: list[RawInput] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, IngestError):
            summary.failed += 1
            summary.errors.append(item)
        elif item.id in known or item.id in seen:
            summary.already_stored += 1
        else:
            seen.add(item.id)
            new.append(item)
    return new


def ingest(store, paths: Iterable[str], *, manifest: Path | None = None, stdin=None,
           progress: Progress | None = None, runner: Runner | None = None) -> IngestSummary:
    """Read `paths`, process what is new (with `runner`, default this process), write it to `store`."""
    paths = [str(p) for p in paths]
    summary = IngestSummary()
    known = store.known_ids()
    rules_changed = bool(known) and extracted_with(store) != rules_fingerprint()
    run_id = store.start_run({"paths": paths, "manifest": str(manifest or ""), "rules": rules_fingerprint()})
    status = "interrupted"
    try:
        inputs = read_inputs(paths, manifest=manifest, stdin=stdin)
        new = _split_new(inputs, known, summary)
        for err in summary.errors:
            store.record_error(run_id, err.source, err.reason)
        context = corpus_context(new) if new else None
        # Nothing new (a re-run over stored files): the runner is not called, so no worker pool
        # is started and no Dask cluster connected for nothing.
        outcomes = (runner or serial)(new, context) if new else iter(())
        with fewer_collections() as settle:
            _store_outcomes(store, outcomes, len(new), run_id, summary, progress, settle)
        if rules_changed:
            from accordwatch.review.reextract import reextract

            summary.reextracted = reextract(store, skip=set(summary.added_ids))
        status = "done"
    except KeyboardInterrupt:
        summary.interrupted = True
        raise
    finally:
        store.finish_run(run_id, {"added": summary.added, "already_stored": summary.already_stored,
                                  "failed": summary.failed}, status)
    return summary


def _store_outcomes(store, outcomes: Iterator[tuple[RawInput, Outcome]], total: int, run_id: int,
                    summary: IngestSummary, progress: Progress | None, settle: Callable[[], None]) -> None:
    """Write the outcomes in batches (see the module's docstring); count and log the failures.

    `settle` is called once the first outcome is there: whatever processing it loaded (modules, rules)
    stays for the whole run."""
    batch: list[PreparedDocument] = []
    limit, opened = BATCH_SIZE, 0.0
    for i, (raw, outcome) in enumerate(outcomes):
        if i == 0:
            settle()
        if progress:
            progress(i, total, raw.source)
        outcome = as_rows(outcome)  # from this process's pipeline, the rows are made here
        if isinstance(outcome, PreparedDocument):
            if not batch:
                opened = time.monotonic()
            batch.append(outcome)
        else:  # one bad document must not stop the batch
            err = IngestError(raw.source, outcome)
            summary.failed += 1
            summary.errors.append(err)
            store.record_error(run_id, err.source, err.reason)
        if batch and (len(batch) >= limit or time.monotonic() - opened >= BATCH_SECONDS):
            _flush(store, batch, run_id, summary)
            limit = min(2 * limit, MAX_BATCH_SIZE)
    _flush(store, batch, run_id, summary)
    if progress:
        progress(total, total, "")


def _flush(store, batch: list[PreparedDocument], run_id: int, summary: IngestSummary) -> None:
    if not batch:
        return
    written = store.add_prepared(batch, run_id=run_id)
    summary.added += written
    summary.already_stored += len(batch) - written
    summary.added_ids.extend(p.id for p in batch)
    batch.clear()


"""Processing many inputs at once: in worker processes on this machine, or on a Dask cluster.

A runner takes the new inputs and the CorpusContext built once from all of them, and yields
`(raw, outcome)` pairs in input order, where the outcome is a `Processed` (a `PreparedDocument`,
its rows for the store, from other processes) or, when the pipeline failed on that input, the
reason as a string. The caller (accordwatch.batch) is the
single writer: it stores the outcomes in batches, one transaction each, so workers never
touch the store and a parallel run stores exactly what a single-process run stores.

    serial(raws, context)                       # this process
    ProcessRunner(workers=2)(raws, context)     # concurrent.futures, one machine
    DaskRunner("tcp://host:8786")(raws, context)  # dask.distributed (see docs in DaskRunner)

Inputs go out in chunks (a few documents per task, so that the per-task overhead and the
context's pickling are paid once per chunk), at most a few chunks per worker in flight, so
memory stays bounded whatever the corpus size; results come back in submission order.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice
from typing import Any

from accordwatch.clean import CorpusContext
from accordwatch.model import RawInput
from accordwatch.pipeline import Processed, process
from accordwatch.store.prepared import PreparedDocument, prepare

# A processed document (as rows ready for the store, from worker processes), or why processing failed.
Outcome = Processed | PreparedDocument | str
Runner = Callable[[Sequence[RawInput], CorpusContext | None], Iterator[tuple[RawInput, Outcome]]]

CHUNK_SIZE = 8
# Enough for a worker to keep busy while the writer commits a batch (up to a few hundred ms; see
# accordwatch.batch): with 3, the workers of a two-worker ingest waited for the writer at each commit.
CHUNKS_IN_FLIGHT_PER_WORKER = 8
# The collector's first generation is examined after this many more container objects were made
# than freed (Python's default is 700). Processing a document makes and drops tens of thousands of
# short-lived objects: at 700, an ingest ran a collection every few documents, for nothing.
GC_THRESHOLD = 10_000


def process_one(raw: RawInput, context: CorpusContext | None) -> Outcome:
    try:
        return process(raw, context)
    except Exception as exc:  # noqa: BLE001 (one bad document must not stop the others)
        return f"processing failed: {type(exc).__name__}: {exc}"


def process_chunk(raws: Sequence[RawInput], context: CorpusContext | None) -> list[Outcome]:
    """The task a worker runs: top-level, so that it pickles by reference.

    Documents come back as the rows the store writes (store.prepared), made here rather than by the
    single writer, which then only inserts them; rows also unpickle faster than model objects."""
    return [as_rows(process_one(raw, context)) for raw in raws]


def as_rows(outcome: Outcome) -> PreparedDocument | str:
    """A processed document as the rows the store writes (store.prepared); a failure as it is, and
    a document the store refuses (a NUL character in its text) as a failure of its own."""
    if not isinstance(outcome, Processed):
        return outcome
    try:
        return prepare(outcome.doc, outcome.spans)
    except ValueError as exc:  # one document the store refuses must not stop the others
        return f"storing failed: {exc}"


def serial(raws: Sequence[RawInput], context: CorpusContext | None) -> Iterator[tuple[RawInput, Outcome]]:
    for raw in raws:
        yield raw, process_one(raw, context)


def chunked(items: Iterable[RawInput], size: int) -> Iterator[list[RawInput]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def in_order(chunks: Iterator[list[RawInput]], submit: Callable[[list[RawInput]], Any],
             result: Callable[[Any], list[Outcome]], window: int) -> Iterator[tuple[RawInput, Outcome]]:
    """Keep `window` chunks submitted; yield the oldest's outcomes as soon as it is done."""
    pending: deque[tuple[list[RawInput], Any]] = deque()
    for chunk in islice(chunks, window):
        pending.append((chunk, submit(chunk)))
    while pending:
        chunk, task = pending.popleft()
        outcomes = result(task)
        following = next(chunks, None)
        if following is not None:
            pending.append((following, submit(following)))
        yield from zip(chunk, outcomes, strict=True)


@contextmanager
def fewer_collections() -> Iterator[Callable[[], None]]:
    """The garbage collector tuned for an ingest, and put back as it was afterwards.

    Collections are rarer (GC_THRESHOLD), and the function given to the block freezes what is
    alive when it is called (gc.freeze): the collector then no longer goes through the loaded
    rules, hundreds of thousands of objects, at every full collection. Objects a caller froze
    itself are left as they are (and nothing more is frozen).
    """
    threshold = gc.get_threshold()
    ours = gc.get_freeze_count() == 0
    gc.set_threshold(GC_THRESHOLD, *threshold[1:])
    try:
        yield gc.freeze if ours else _nothing
    finally:
        gc.set_threshold(*threshold)
        if ours:
            gc.unfreeze()


def _nothing() -> None:
    pass


def _start_worker() -> None:
    # Ctrl-C reaches the whole process group; only the parent (the writer) should act on it,
    # by stopping after its last whole batch. Workers that died of it would break the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker only processes documents: the collector as in an ingest in one process, and what
    # the worker was started with (all the parent had, when forked) out of its sight.
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    gc.freeze()


def _start_method() -> str:
    """fork from a single-threaded process: fast, and the caller's script is not imported again.

    A process running other threads (the CLI's progress bar does) must not fork: a lock held by
    another thread at that moment stays locked in the child. Its workers come from a forkserver
    (a clean single-threaded process) instead, or are spawned where there is none; both import
    the caller's main module again, which must then guard its work with `if __name__ == "__main__"`.
    """
    methods = multiprocessing.get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


class ProcessRunner:
    """Process the inputs in `workers` processes of this machine (concurrent.futures)."""

    def __init__(self, workers: int, chunk_size: int = CHUNK_SIZE, start_method: str | None = None):
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.chunk_size = chunk_size
        self.start_method = start_method or _start_method()

    def __call__(self, raws: Sequence[RawInput],
                 context: CorpusContext | None) -> Iterator[tuple[RawInput, Outcome]]:
        mp_context = multiprocessing.get_context(self.start_method)
        if self.start_method == "forkserver":
            mp_context.set_forkserver_preload(["accordwatch.parallel"])
        pool = ProcessPoolExecutor(self.workers, mp_context=mp_context, initializer=_start_worker)
        try:
            yield from in_order(
                chunked(raws, self.chunk_size),
                lambda chunk: pool.submit(process_chunk, chunk, context),
                Future.result,
                self.workers * CHUNKS_IN_FLIGHT_PER_WORKER,
            )
        finally:
            # On Ctrl-C or any error, drop what is queued; running chunks are small.
            pool.shutdown(wait=True, cancel_futures=True)


class DaskRunner:
    """Process the inputs on a dask.distributed cluster; the results come back to this process.

    `address` is a scheduler address (tcp://host:8786) or an existing `distributed.Client`.
    Workers need accordwatch installed (the same version) in their environment; they read no
    files and write nothing: inputs are read here, sent in chunks, and the documents and spans
    come back here, where one writer stores them (in PostgreSQL, or any store this process can
    open). The CorpusContext is scattered once to every worker, not sent with each chunk.
    """

    def __init__(self, address: Any, chunk_size: int = CHUNK_SIZE):
        self.address = address
        self.chunk_size = chunk_size

    def __call__(self, raws: Sequence[RawInput],
                 context: CorpusContext | None) -> Iterator[tuple[RawInput, Outcome]]:
        from distributed import Client

        own = not isinstance(self.address, Client)
        client = Client(self.address) if own else self.address
        submitted: set[Any] = set()  # futures not yet consumed (a held future keeps its result on the cluster)
        try:
            shared = client.scatter(context, broadcast=True) if context is not None else None
            threads = max(1, sum(client.nthreads().values()))

            def submit(chunk: list[RawInput]):
                future = client.submit(process_chunk, chunk, shared, pure=False)
                submitted.add(future)
                return future

            def result(future) -> list[Outcome]:
                outcomes = future.result()
                submitted.discard(future)
                return outcomes

            yield from in_order(chunked(raws, self.chunk_size), submit, result,
                                threads * CHUNKS_IN_FLIGHT_PER_WORKER)
        finally:
            if submitted:
                client.cancel(list(submitted))
            if own:
                client.close()


def make_runner(workers: int = 1, dask: str | None = None) -> Runner:
    """The runner for the CLI's --workers / --dask options."""
    if dask:
        return DaskRunner(dask)
    return ProcessRunner(workers) if workers > 1 else serial

"""The ingest run without the pipeline: reading, dedup, corpus context, store writes, bookkeeping.

    .venv/bin/python bench/bench_store_write.py [CORPUS] [--db URL] [--repeat N] [--profile FILE]

The pipeline's outcomes for CORPUS (default ../shared/corpus/bbc) are computed once and kept
in a pickle under the temporary folder (keyed by the source and data the pipeline depends on,
so a changed pipeline computes them again); then `accordwatch.batch.ingest` runs with a runner that only
hands those outcomes back, into a fresh SQLite file and, when --db or $ACCORDWATCH_TEST_PG
gives a PostgreSQL URL, into a fresh schema there. Figures are CPU seconds of this process
(wall seconds beside them) and ms a document, for each part of the run, best of --repeat; the
second run over the unchanged corpus is timed too.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import os
import pickle
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlalchemy as sa

import accordwatch
from accordwatch import batch
from accordwatch.ingest import IngestError, read_inputs
from accordwatch.parallel import process_one
from accordwatch.pipeline import corpus_context
from accordwatch.store import Store
from accordwatch.store.engine import resolve_url

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(accordwatch.__file__).resolve().parent
# Parts of the package the pipeline's outcomes do not depend on: changing them keeps the cache.
NOT_PIPELINE = ("store", "serve", "review", "fuse", "batch.py", "cli", "export.py", "render.py")


def package_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE).as_posix()
        if path.is_file() and "__pycache__" not in path.parts and not relative.startswith(NOT_PIPELINE):
            digest.update(relative.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def outcomes_for(corpus: Path, cache: Path) -> dict[str, object]:
    """The pipeline's outcome for every new input of the corpus, by input id (computed once)."""
    if cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)
    print(f"processing {corpus} once (cached in {cache}) ...", file=sys.stderr)
    new, seen = [], set()
    for item in read_inputs([str(corpus)]):
        if not isinstance(item, IngestError) and item.id not in seen:
            seen.add(item.id)
            new.append(item)
    context = corpus_context(new)
    outcomes = {raw.id: process_one(raw, context) for raw in new}
    with cache.open("wb") as f:
        pickle.dump(outcomes, f, protocol=pickle.HIGHEST_PROTOCOL)
    return outcomes


class Clock:
    """CPU and wall seconds spent in each instrumented part of a run."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)

    def add(self, part: str, cpu: float, wall: float) -> None:
        self.cpu[part] += cpu
        self.wall[part] += wall

    def timed(self, part: str, fn: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            c, w = time.process_time(), time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.add(part, time.process_time() - c, time.perf_counter() - w)
        return wrapper

    def timed_iter(self, part: str, fn: Callable) -> Callable:
        def wrapper(*args, **kwargs) -> Iterator:
            it = iter(fn(*args, **kwargs))
            while True:
                c, w = time.process_time(), time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    return
                finally:
                    self.add(part, time.process_time() - c, time.perf_counter() - w)
                yield item
        return wrapper


def instrument(clock: Clock, store: Store) -> Callable[[], None]:
    """Time the parts of batch.ingest by wrapping what it calls; returns the undo."""
    saved = {name: getattr(batch, name) for name in ("read_inputs", "corpus_context", "_flush")}
    batch.read_inputs = clock.timed_iter("read_inputs", saved["read_inputs"])
    batch.corpus_context = clock.timed("corpus context", saved["corpus_context"])
    batch._flush = clock.timed("writes (_flush)", saved["_flush"])
    for method in ("known_ids", "start_run", "finish_run", "record_error", "runs"):
        part = "known ids" if method == "known_ids" else "run bookkeeping"
        setattr(store, method, clock.timed(part, getattr(store, method)))

    def undo() -> None:
        for name, fn in saved.items():
            setattr(batch, name, fn)
    return undo


def replay(outcomes: dict[str, object]):
    """A runner that hands back the precomputed outcomes, as parallel.serial would compute them."""
    def runner(raws, context):
        for raw in raws:
            yield raw, outcomes[raw.id]
    return runner


def one_run(url: str, corpus: Path, outcomes, profile: cProfile.Profile | None = None):
    clock = Clock()
    store = Store.open(url)
    undo = instrument(clock, store)
    try:
        c, w = time.process_time(), time.perf_counter()
        if profile:
            profile.enable()
        summary = batch.ingest(store, [str(corpus)], runner=replay(outcomes))
        if profile:
            profile.disable()
        clock.add("total", time.process_time() - c, time.perf_counter() - w)
    finally:
        undo()
        store.close()
    return clock, summary


def report(label: str, clock: Clock, n: int) -> None:
    print(f"{label}:")
    parts = [p for p in clock.cpu if p != "total"]
    other_cpu = clock.cpu["total"] - sum(clock.cpu[p] for p in parts)
    other_wall = clock.wall["total"] - sum(clock.wall[p] for p in parts)
    rows = [(p, clock.cpu[p], clock.wall[p]) for p in parts] + [("other (batch loop, summary)", other_cpu,
                                                                  other_wall), ("total", clock.cpu["total"],
                                                                                clock.wall["total"])]
    for part, cpu, wall in rows:
        print(f"  {part:28s} {cpu:7.3f} s CPU {1000 * cpu / n:7.3f} ms/doc   ({wall:7.3f} s wall)")


def best(runs: list[Clock]) -> Clock:
    return min(runs, key=lambda c: c.cpu["total"])


def fresh_pg_schema(base: str) -> tuple[str, Callable[[], None]]:
    url = resolve_url(base)
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))  # a generated name

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False), drop


def bench_backend(name: str, make_url: Callable[[], tuple[str, Callable[[], None]]], corpus: Path, outcomes,
                  repeat: int, profile_path: str | None) -> None:
    firsts, seconds = [], []
    summary = None
    for i in range(repeat):
        url, cleanup = make_url()
        try:
            profile = cProfile.Profile() if profile_path and i == 0 else None
            clock, summary = one_run(url, corpus, outcomes, profile)
            if profile:
                profile.dump_stats(profile_path)
            firsts.append(clock)
            seconds.append(one_run(url, corpus, outcomes)[0])
        finally:
            cleanup()
    assert summary is not None
    n = summary.seen
    print(f"== {name}: {n} inputs, added {summary.added}, duplicates {summary.already_stored}, "
          f"failed {summary.failed}; best of {repeat}")
    report("first run", best(firsts), n)
    second = best(seconds)
    print(f"second run: {second.cpu['total']:.3f} s CPU ({second.wall['total']:.3f} s wall)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    parser.add_argument("--db", help="a postgresql:// URL to measure as well [default: $ACCORDWATCH_TEST_PG]")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", help="write a cProfile of the first SQLite run to this file")
    parser.add_argument("--no-sqlite", action="store_true", help="measure PostgreSQL only")
    args = parser.parse_args()
    corpus = Path(args.corpus).resolve()
    if not corpus.exists():
        print(f"{corpus} is absent: nothing to measure", file=sys.stderr)
        return 2
    key = hashlib.sha256(f"{corpus}:{package_fingerprint()}".encode()).hexdigest()[:16]
    outcomes = outcomes_for(corpus, Path(tempfile.gettempdir()) / f"accordwatch-outcomes-{key}.pkl")
    with tempfile.TemporaryDirectory() as tmp:
        counter = iter(range(1_000_000))

        def sqlite_url() -> tuple[str, Callable[[], None]]:
            return str(Path(tmp) / f"bench{next(counter)}.db"), lambda: None

        if not args.no_sqlite:
            bench_backend("sqlite", sqlite_url, corpus, outcomes, args.repeat, args.profile)
        pg = args.db or os.environ.get("ACCORDWATCH_TEST_PG")
        if pg:
            bench_backend("postgresql", lambda: fresh_pg_schema(pg), corpus, outcomes, args.repeat, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""End-to-end ingest throughput: the full pipeline into a fresh store, then a second run.

    .venv/bin/python bench/bench_ingest.py [CORPUS] [--db URL] [--workers N | --dask ADDRESS]

CORPUS defaults to ../shared/corpus/bbc. Prints documents/s and MB/s for the first run and
the second run over the unchanged files, the speed-up, and the peak RSS of this process.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from accordwatch.batch import ingest
from accordwatch.parallel import make_runner
from accordwatch.store import Store

ROOT = Path(__file__).resolve().parents[1]


def corpus_bytes(corpus: Path) -> int:
    return sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())


class CollectorClock:
    """CPU seconds this process spends in garbage collections, and how many there were."""

    def __init__(self) -> None:
        self.seconds, self.collections, self._start = 0.0, 0, 0.0
        gc.callbacks.append(self._tick)

    def _tick(self, phase: str, _info: dict) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds += time.process_time() - self._start
            self.collections += 1


def timed_run(db: str, corpus: Path, runner):
    store = Store.open(db)
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        summary = ingest(store, [str(corpus)], runner=runner)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        return wall, cpu, summary, store.stats()["latest_documents"]
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    parser.add_argument("--db", help="store URL or path [default: a temporary SQLite file]")
    parser.add_argument("--workers", type=int, default=1, help="extracting processes [default: 1]")
    parser.add_argument("--dask", help="extract on this Dask scheduler (tcp://host:8786)")
    args = parser.parse_args()
    runner = make_runner(args.workers, args.dask)
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"{corpus} is absent: nothing to measure", file=sys.stderr)
        return 2
    mb = corpus_bytes(corpus) / 2**20
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        collector = CollectorClock()
        first, first_cpu, s1, docs = timed_run(db, corpus, runner)
        gc_first = (collector.seconds, collector.collections)
        second, _, s2, _ = timed_run(db, corpus, runner)
    seen = s1.seen
    print(f"corpus: {corpus} ({seen} inputs, {mb:.1f} MB)")
    print(f"first run:  {first:7.2f} s  {seen / first:8.1f} docs/s  {mb / first:6.2f} MB/s  "
          f"added {s1.added}, duplicates {s1.already_stored}, failed {s1.failed}; {docs} documents stored")
    if args.workers == 1 and not args.dask:
        # Wall time counts whatever else runs on the machine; the CPU time of this one process
        # is the single-core figure, steady under load.
        print(f"first run, CPU time of this process: {first_cpu:7.2f} s  {seen / first_cpu:8.1f} docs per CPU second")
    print(f"first run, garbage collection in this process: {gc_first[0]:.2f} s CPU in {gc_first[1]} collections")
    print(f"second run: {second:7.2f} s  {seen / second:8.1f} docs/s  {mb / second:6.2f} MB/s  "
          f"added {s2.added}, already stored {s2.already_stored}")
    print(f"second run is {first / second:.0f}x faster than the first")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # With --workers, this process reads, writes and unpickles the workers' results: its CPU time
    # says how far it is from being the bottleneck. (Workers are forked by a forkserver, not by
    # this process, so their peak RSS is not in RUSAGE_CHILDREN.)
    print(f"peak RSS: {usage.ru_maxrss / 1024:.0f} MB (this process); CPU time of this process: "
          f"{usage.ru_utime + usage.ru_stime:.1f} s")
    print(f"workers: {args.workers}{', dask ' + args.dask if args.dask else ''}; "
          f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Per-stage profile of the pipeline: milliseconds a document in each stage, and docs/s.

    .venv/bin/python bench/bench_stages.py [CORPUS] [--limit N] [--profile FILE]

CORPUS defaults to ../shared/corpus/bbc (the first N inputs in file-name order, default 300).
The stages run as accordwatch.pipeline runs them (same order, same arguments); the timex
stage is split into its first pass (no document date), the date inference, and the second
pass against the inferred date, which undated texts (all of BBC) pay for. With --profile,
a cProfile of the whole loop is written to FILE as well (read it with `python -m pstats`).
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import time
from collections import defaultdict
from pathlib import Path

from accordwatch.clean.language import warm_up as warm_up_language
from accordwatch.ingest import IngestError, read_inputs
from accordwatch.pipeline import corpus_context, process

ROOT = Path(__file__).resolve().parents[1]


class Clock:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def run(self, stage: str, fn, *args, **kwargs):
        # CPU time of this process: the pipeline is single-threaded, and CPU time is what "on one
        # core" means; it also keeps the figures steady while other jobs share the machine.
        t0 = time.process_time()
        out = fn(*args, **kwargs)
        self.seconds[stage] += time.process_time() - t0
        return out


def profile_document(raw, context, clock: Clock) -> int:
    """The pipeline's own steps for one input, each timed; returns the number of spans found."""
    return len(process(raw, context, run=clock.run).spans)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--profile", help="write a cProfile of the stages to this file")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"{corpus} is absent: nothing to measure", file=sys.stderr)
        return 2
    clock = Clock()
    t0 = time.perf_counter()
    raws = [r for r in read_inputs([str(corpus)]) if not isinstance(r, IngestError)][:args.limit]
    clock.seconds["read"] = time.perf_counter() - t0
    context = clock.run("corpus context", corpus_context, raws)
    # Warm the data loaders (lru_cache'd rule files) so that the first document does not pay for them.
    profile_document(raws[0], context, Clock())
    warm_up_language()  # lingua's models load on first use, which the first document may not need
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    spans = sum(profile_document(raw, context, clock) for raw in raws)
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    n = len(raws)
    stages = {k: v for k, v in clock.seconds.items() if k not in ("read", "corpus context")}
    total = sum(stages.values())
    print(f"{n} documents from {corpus}, {spans} spans; read {clock.seconds['read']:.2f} s, "
          f"corpus context {clock.seconds['corpus context']:.2f} s (once for the batch)")
    for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:18s} {1000 * seconds / n:7.2f} ms/doc  {100 * seconds / total:5.1f} %")
    print(f"  {'total':18s} {1000 * total / n:7.2f} ms/doc  -> {n / total:.1f} docs/s on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())

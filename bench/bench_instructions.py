"""Instructions per document of the pipeline, counted by callgrind: steady where time is not.

    .venv/bin/python bench/bench_instructions.py [CORPUS] [--base N] [--docs N]

On a shared or virtual machine CPU time moves by tens of percent between identical runs, which
hides a change of a few percent. Instruction counts do not move. This runs the pipeline under
`valgrind --tool=callgrind` twice, on the first BASE documents and on the first BASE+DOCS, and
prints the difference divided by DOCS (start-up, rule compilation and the first documents'
warm-up cancel out), and the start-up cost. The corpus context is that of the documents run. Needs valgrind (`apt-get install valgrind`); takes
a few minutes (callgrind runs Python about 50 times slower; the two runs go side by side).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_first(corpus: str, n: int) -> None:
    """The measured work: read the corpus, build the context of the first n inputs, process them."""
    from accordwatch.ingest import read_inputs
    from accordwatch.model import RawInput
    from accordwatch.pipeline import corpus_context, process

    raws = [raw for raw in read_inputs([corpus]) if isinstance(raw, RawInput)][:n]
    context = corpus_context(raws)
    for raw in raws:
        process(raw, context)


def instructions(corpus: str, counts: list[int]) -> list[int]:
    """Instructions of run_first(corpus, n) for each n, the runs side by side (one process each)."""
    with tempfile.TemporaryDirectory() as tmp:
        # A fixed hash seed: set and dict orders, and so the work done, are the same in every run.
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        runs = [subprocess.Popen(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={Path(tmp) / f'{n}.out'}",
             sys.executable, __file__, "--run", corpus, str(n)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for n in counts]
        return [_collected(run) for run in runs]


def _collected(run: subprocess.Popen) -> int:
    _, stderr = run.communicate()
    found = re.search(r"Collected : (\d+)", stderr)
    if run.returncode != 0 or found is None:
        raise RuntimeError(f"callgrind run failed:\n{stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    if sys.argv[1:2] == ["--run"]:
        run_first(sys.argv[2], int(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    parser.add_argument("--base", type=int, default=20, help="documents in the start-up run [default: 20]")
    parser.add_argument("--docs", type=int, default=200, help="documents measured on top [default: 200]")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    if not Path(args.corpus).exists():
        print(f"{args.corpus} is absent: nothing to measure", file=sys.stderr)
        return 2
    base, more = instructions(args.corpus, [args.base, args.base + args.docs])
    print(f"corpus: {args.corpus}")
    print(f"start-up and first {args.base} documents: {base / 1e9:.2f} G instructions")
    print(f"pipeline: {(more - base) / args.docs / 1e6:.2f} M instructions a document "
          f"(documents {args.base + 1}-{args.base + args.docs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

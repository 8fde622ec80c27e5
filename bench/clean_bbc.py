"""Precision and speed of cleaning on clean texts: the BBC corpus (../shared/corpus/bbc).

    .venv/bin/python bench/clean_bbc.py [CORPUS_DIR]

Prints documents/s, peak RSS, how many lines were removed and a sample of them; the
texts are clean, so nearly nothing should be removed.
"""

from __future__ import annotations

import random
import resource
import sys
import time
from pathlib import Path

from accordwatch.clean import CorpusContext, clean_document
from accordwatch.model import RawInput, content_hash

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "corpus" / "bbc"
    paths = sorted(p for p in corpus.rglob("*.txt") if p.name != "README.TXT")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    raws = [RawInput(p.name, t, content_hash(t)) for p, t in zip(paths, texts, strict=True)]
    start = time.perf_counter()
    context = CorpusContext.from_inputs(raws)
    context_s = time.perf_counter() - start
    start = time.perf_counter()
    docs = [clean_document(raw, context) for raw in raws]
    clean_s = time.perf_counter() - start
    removed = [(d.source, r) for d in docs for r in d.removed]
    lines = sum(1 for t in texts for line in t.split("\n") if line.strip())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(docs)} documents, {lines} non-blank lines; context {context_s:.2f} s; "
          f"clean {clean_s:.2f} s = {len(docs) / clean_s:.0f} docs/s; peak RSS {rss:.0f} MB")
    print(f"removed {len(removed)} lines in {len({s for s, _ in removed})} documents")
    titles = sum(d.get("title") == d.raw.split("\n", 1)[0].strip() for d in docs)
    print(f"title read = first line in {titles}/{len(docs)}; language en in "
          f"{sum(d.get('language') == 'en' for d in docs)}/{len(docs)}")
    for source, line in random.Random(0).sample(removed, min(25, len(removed))):
        print(f"  {source}: {line.text[:90]!r} [{line.reason}]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Speed of our temporal tagger against dateparser.search_dates on the TempEval-3 training texts.

    python bench/bench_timex.py [--limit N]

Prints characters per second for each and the ratio. Both see the same plain TEXT of each
document (DCT given to ours; dateparser gets it as RELATIVE_BASE), after one warm-up call so
that loading rules or language data is not counted.
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime
from pathlib import Path

from dateparser.search import search_dates

from accordwatch.extract.timex import tag_text
from accordwatch.timeml import read_timeml

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "tempeval3" / "train"


def load(limit: int | None) -> list[tuple[str | None, str]]:
    docs = []
    for path in sorted(TRAIN.glob("*.tml"))[:limit]:
        dct, text, _ = read_timeml(path.read_text(encoding="utf-8"))
        docs.append((dct, text))
    return docs


def ours(docs: list[tuple[str | None, str]]) -> int:
    return sum(len(tag_text(text, dct)) for dct, text in docs)


def theirs(docs: list[tuple[str | None, str]]) -> int:
    found = 0
    for dct, text in docs:
        base = datetime.fromisoformat(dct[:19]) if dct else None
        settings = {"RELATIVE_BASE": base} if base else {}
        found += len(search_dates(text, languages=["en"], settings=settings) or [])
    return found


def timed(fn, docs) -> tuple[float, int]:
    started = time.perf_counter()
    n = fn(docs)
    return time.perf_counter() - started, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args()
    if not TRAIN.exists():
        raise SystemExit(f"{TRAIN} is absent (../shared is not beside this checkout)")
    docs = load(args.limit)
    chars = sum(len(text) for _, text in docs)
    ours(docs[:1])
    theirs(docs[:1])
    t_ours, n_ours = timed(ours, docs)
    t_theirs, n_theirs = timed(theirs, docs)
    print(f"{len(docs)} documents, {chars:,} characters")
    print(f"accordwatch timex     {chars / t_ours:12,.0f} chars/s  ({t_ours:.2f} s, {n_ours} timexes)")
    print(f"dateparser search     {chars / t_theirs:12,.0f} chars/s  ({t_theirs:.2f} s, {n_theirs} dates)")
    print(f"speed-up              {t_theirs / t_ours:12.1f}x")


if __name__ == "__main__":
    main()

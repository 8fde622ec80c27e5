"""Measure store write and read throughput; prints figures.

    .venv/bin/python -m tests.store.throughput [URL_OR_PATH] [--docs 2000] [--spans 50] [--batch 100]

Without a URL it uses a fresh SQLite file in a temporary directory. A PostgreSQL URL should
name an empty, disposable database or schema: the script adds documents to it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from accordwatch.store import Store
from tests.store.synthetic import synthetic_document


def measure(url: str, docs: int, spans: int, batch: int) -> dict[str, float]:
    items = [synthetic_document(i, spans=spans) for i in range(docs)]
    with Store.open(url) as store:
        t0 = time.perf_counter()
        for k in range(0, docs, batch):
            store.add_batch(items[k:k + batch])
        write = time.perf_counter() - t0
        t0 = time.perf_counter()
        known = store.known_ids()
        known_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = sum(store.add_batch(items[k:k + batch]) for k in range(0, docs, batch))
        skip = time.perf_counter() - t0
        t0 = time.perf_counter()
        read = sum(len(store.spans(doc.id)) for doc, _ in items[:200])
        read_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        hits = store.search("ceasefire0 report", limit=20)
        search_s = time.perf_counter() - t0
        backend = store.engine.dialect.name
    assert len(known) == docs and again == 0 and read == 200 * spans and hits
    return {"backend": backend, "docs": docs, "spans": docs * spans, "write_s": write,
            "docs_per_s": docs / write, "spans_per_s": docs * spans / write, "known_ids_s": known_s,
            "re_add_known_s": skip, "spans_read_200_docs_s": read_s, "search_s": search_s}


def known_ids_at_scale(url: str, rows: int) -> tuple[int, float]:
    """Add `rows` more documents (without spans), then time known_ids(); returns (ids, seconds)."""
    items = [synthetic_document(i, spans=0) for i in range(rows)]
    with Store.open(url) as store:
        for k in range(0, rows, 5000):
            store.add_batch(items[k:k + 5000])
        t0 = time.perf_counter()
        n = len(store.known_ids())
        return n, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", nargs="?")
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--spans", type=int, default=50)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--known-ids-rows", type=int, default=0,
                        help="also time known_ids() after adding this many more documents")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or str(Path(tmp) / "throughput.db")
        figures = measure(url, args.docs, args.spans, args.batch)
        for key, value in figures.items():
            print(f"{key:24} {value:,.3f}" if isinstance(value, float) else f"{key:24} {value}")
        if args.known_ids_rows:
            rows, elapsed = known_ids_at_scale(url, args.known_ids_rows)
            print(f"{f'known_ids_{rows}_rows_s':24} {elapsed:.3f}")


if __name__ == "__main__":
    main()

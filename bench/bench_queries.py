"""Query latency over a large store: timeline, actor, event-page and search queries, p50/p95/max.

    .venv/bin/python bench/synth_store.py --db /tmp/aw/1m.db              # once: 1M events
    .venv/bin/python bench/bench_queries.py --db /tmp/aw/1m.db [--draws 200] [--seed 1]

Each query runs with many random parameters, drawn the way people use the pages:
- timeline: a window of 7, 30, 90 or 365 days starting at the date of a random stored event
  (so busy periods are asked for as often as they hold events), a third of the time for one or
  two event types; one page of 100 events plus the per-month counts of the window;
- actor: half the time one of the 20 most frequent actors, otherwise any actor; the number of
  events naming it plus the newest page of 100, a quarter of the time within one year;
- event page: a random event with the text around it and its document's other events;
- search: one to three words of the documents' vocabulary (an actor name, a verb), 20 hits.
Times are wall-clock per query through the Store API, on one connection pool, warm cache
after one untimed round; the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

import sqlalchemy as sa

from accordwatch.store import Store
from accordwatch.store.schema import event_actors, event_index

SEARCH_WORDS = ("ceasefire", "talks", "shelled", "sanctions", "troops", "aid", "warned", "mediators",
                "accused", "protested", "positions", "released", "proposal", "agreed")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Parameters:
    """What to draw query parameters from, read once from the store."""

    def __init__(self, store: Store, rng: random.Random):
        self.rng = rng
        with store.reading() as conn:
            self.max_span = conn.execute(sa.select(sa.func.max(event_index.c.span_id))).scalar_one()
            counts = conn.execute(sa.select(event_actors.c.actor, sa.func.count())
                                  .group_by(event_actors.c.actor).order_by(sa.func.count().desc())).all()
            self.types = [t for (t,) in conn.execute(sa.select(event_index.c.event_type).distinct())]
        self.top_actors = [a for a, _ in counts[:20]]
        self.actors = [a for a, _ in counts]
        self.sample_actors = [a for a, _ in counts[:20] if a.isalpha()] or self.top_actors

    def event_day(self, store: Store) -> str:
        while True:
            span_id = self.rng.randint(1, self.max_span)
            with store.reading() as conn:
                day = conn.execute(sa.select(event_index.c.day_start)
                                   .where(event_index.c.span_id >= span_id, event_index.c.day_start.is_not(None))
                                   .order_by(event_index.c.span_id).limit(1)).scalar()
            if day:
                return day

    def window(self, store: Store) -> tuple[str, str]:
        start = self.event_day(store)
        days = self.rng.choice((7, 30, 90, 365))
        return start, (date.fromisoformat(start) + timedelta(days=days)).isoformat()


def timeline_query(store: Store, p: Parameters) -> Callable[[], object]:
    start, end = p.window(store)
    types = p.rng.sample(p.types, p.rng.choice((1, 2))) if p.rng.random() < 1 / 3 else None
    return lambda: (store.timeline(start, end, types=types, limit=100),
                    store.timeline_counts(start, end, types=types))


def actor_query(store: Store, p: Parameters) -> Callable[[], object]:
    actor = p.rng.choice(p.top_actors if p.rng.random() < 0.5 else p.actors)
    if p.rng.random() < 0.25:
        start, _ = p.window(store)
        end = (date.fromisoformat(start) + timedelta(days=365)).isoformat()
        return lambda: store.actor_events(actor, start=start, end=end, limit=100)
    return lambda: store.actor_events(actor, limit=100)


def event_page_query(store: Store, p: Parameters) -> Callable[[], object]:
    span_id = p.rng.randint(1, p.max_span)
    return lambda: store.event_page(span_id)


def search_query(store: Store, p: Parameters) -> Callable[[], object]:
    words = p.rng.sample(SEARCH_WORDS, p.rng.choice((1, 2))) + [p.rng.choice(p.sample_actors)]
    query = " ".join(words[:p.rng.choice((1, 2, 3))])
    return lambda: store.search(query, limit=20)


QUERIES = {"timeline": timeline_query, "actor": actor_query, "event page": event_page_query,
           "search": search_query}


def measure(store: Store, make: Callable, p: Parameters, draws: int) -> list[float]:
    calls = [make(store, p) for _ in range(draws)]
    for call in calls[:10]:  # warm the cache and the connection pool
        call()
    times = []
    for call in calls:
        t0 = time.perf_counter()
        call()
        times.append(1000 * (time.perf_counter() - t0))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--draws", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=sorted(QUERIES), action="append")
    args = parser.parse_args()
    with Store.open(args.db) as store:
        stats = store.stats()
        p = Parameters(store, random.Random(args.seed))
        print(f"{stats['backend']}: {stats['documents']} documents, {stats['spans'].get('event', 0)} events, "
              f"{len(p.actors)} actors; {args.draws} draws a query")
        for name in args.only or QUERIES:
            times = measure(store, QUERIES[name], p, args.draws)
            print(f"  {name:10s} p50 {statistics.median(times):7.1f} ms  p95 {percentile(times, 0.95):7.1f} ms  "
                  f"max {max(times):7.1f} ms")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

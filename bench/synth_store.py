"""A synthetic store of a given number of events, for the query benchmark (bench_queries.py).

    .venv/bin/python bench/synth_store.py --db /tmp/aw/1m.db [--events 1000000] [--seed 7]
    .venv/bin/python bench/synth_store.py --db postgresql://user:pw@host/db [--events 1000000]

The store must be new or empty. About ten events a document (so 100,000 documents for a million
events), each event one sentence of its document's text. The spread imitates a monitored
conflict region over three decades: more news every year, bursts in crisis months; actors,
event types and publishers drawn from skewed (Zipf-like) distributions, with the real actor
names of the gazetteer first; event dates at day, month or year granularity, some intervals,
a few undated. Rows go in directly, in big transactions: documents through SQLAlchemy Core
(their full-text index is filled as on any write), spans and the event index with the
driver's executemany on SQLite and COPY on PostgreSQL, with span ids assigned here.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from accordwatch.model import content_hash
from accordwatch.store import Store
from accordwatch.store.engine import json_dumps
from accordwatch.store.events import index_rows
from accordwatch.store.schema import documents, spans

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT / "src" / "accordwatch" / "data" / "gazetteers" / "actors.tsv"
# PLOVER types, most frequent first (roughly the shares of news event data sets).
EVENT_TYPES = ("CONSULT", "ACCUSE", "ASSAULT", "AGREE", "SUPPORT", "COOPERATE", "REQUEST", "PROTEST",
               "REJECT", "THREATEN", "AID", "COERCE", "MOBILIZE", "SANCTION", "CONCEDE", "RETREAT")
VERBS = {"CONSULT": "met", "ACCUSE": "accused", "ASSAULT": "shelled positions of", "AGREE": "agreed with",
         "SUPPORT": "backed", "COOPERATE": "worked with", "REQUEST": "called on", "PROTEST": "protested against",
         "REJECT": "rejected the proposal of", "THREATEN": "warned", "AID": "sent aid to", "COERCE": "detained",
         "MOBILIZE": "deployed troops near", "SANCTION": "imposed sanctions on", "CONCEDE": "released",
         "RETREAT": "withdrew from positions facing"}
FILLER = ("Officials gave no further details.", "The talks are expected to continue next week.",
          "Observers said the situation remained tense.", "The statement was published on the ministry website.")
FIRST_YEAR, LAST_YEAR = 1995, 2025
N_ACTORS, N_PUBLISHERS = 3000, 300
SPAN_COLUMNS = ("id", "doc_id", "kind", "start", "end", "text", "label", "rule_id", "confidence", "attrs")
INDEX_COLUMNS = ("span_id", "doc_id", "event_type", "day_start", "day_end")
ACTOR_COLUMNS = ("span_id", "actor", "role", "day_start")
DOCS_PER_COMMIT = 5000


@cache
def actor_names() -> tuple[str, ...]:
    """The gazetteer's canonical names first (the frequent actors), then synthetic ones."""
    with GAZETTEER.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        real = list(dict.fromkeys(r["canonical"] for r in rows if r.get("canonical")))
    return tuple(real + [f"Local Actor {i}" for i in range(N_ACTORS - len(real))])


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1 / (rank ** s) for rank in range(1, n + 1)]


class Draws:
    """The random choices, with cumulative weights computed once."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.actors = actor_names()
        self.actor_cum = _cumulative(zipf_weights(len(self.actors)))
        self.type_cum = _cumulative(zipf_weights(len(EVENT_TYPES), 0.9))
        self.publishers = [f"news{i:03d}.example" for i in range(N_PUBLISHERS)]
        self.publisher_cum = _cumulative(zipf_weights(N_PUBLISHERS, 1.0))
        months = [(y, m) for y in range(FIRST_YEAR, LAST_YEAR + 1) for m in range(1, 13)]
        crisis = set(self.rng.sample(months, 25))  # a few crisis months with five times the news
        self.months = months
        self.month_cum = _cumulative([1.12 ** (y - FIRST_YEAR) * (5 if (y, m) in crisis else 1) for y, m in months])

    def pick(self, items: Sequence, cum: list[float]):
        return self.rng.choices(items, cum_weights=cum)[0]

    def doc_date(self) -> date:
        year, month = self.pick(self.months, self.month_cum)
        return date(year, month, 1) + timedelta(days=self.rng.randrange(28))

    def event_value(self, published: date) -> str:
        """A TIMEX3 value: mostly a day shortly before publication; months, years, intervals, undated."""
        day = published - timedelta(days=int(self.rng.expovariate(1 / 5)))
        r = self.rng.random()
        if r < 0.70:
            return day.isoformat()
        if r < 0.85:
            return day.isoformat()[:7]
        if r < 0.90:
            return str(day.year)
        if r < 0.95:
            return f"{day.isoformat()}/{(day + timedelta(days=self.rng.randrange(1, 4))).isoformat()}"
        return "PRESENT_REF"


def _cumulative(weights: list[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def make_document(i: int, n_events: int, draws: Draws, first_span_id: int) -> tuple[dict, list[tuple]]:
    """Document number i with its n_events event spans (rows ready to insert)."""
    rng = draws.rng
    published = draws.doc_date()
    sentences, events = [], []
    offset = 0
    for _ in range(n_events):
        kind = draws.pick(EVENT_TYPES, draws.type_cum)
        sources = list(dict.fromkeys(draws.pick(draws.actors, draws.actor_cum) for _ in range(rng.choice((1, 1, 2)))))
        targets = [a for a in (draws.pick(draws.actors, draws.actor_cum) for _ in range(rng.choice((0, 1, 1, 2))))
                   if a not in sources]
        sentence = f"{' and '.join(sources)} {VERBS[kind]} {' and '.join(targets) or 'the mediators'}."
        attrs = {"mode": "", "source_actors": sources, "target_actors": targets,
                 "date": draws.event_value(published), "date_basis": "timex", "location": "",
                 "modality": "asserted", "reported_by": ""}
        events.append((offset, offset + len(sentence) - 1, sentence[:-1], kind, attrs))
        filler = rng.choice(FILLER)
        sentences.append(f"{sentence} {filler}")
        offset += len(sentence) + 1 + len(filler) + 1
    text = " ".join(sentences)
    doc_id = content_hash(f"{i}\n{text}")
    publisher = draws.pick(draws.publishers, draws.publisher_cum)
    source = f"https://{publisher}/news/{published.year}/{i:07d}"
    meta = {"title": {"value": f"Report {i}", "how": "read", "source": "title-line"},
            "publisher": {"value": publisher, "how": "given", "source": "manifest"},
            "published": {"value": published.isoformat(), "how": "given", "source": "manifest"}}
    row = {"id": doc_id, "source": source, "source_name": f"{i:07d}", "media_type": "html", "raw": text,
           "text": text, "offsets": [[0, 0, len(text)]], "removed": [], "meta": meta,
           "title": f"{sentences[0][:60]}", "publisher": publisher, "published": published.isoformat(),
           "published_how": "given", "language": "en", "words": text.count(" ") + 1, "removed_count": 0,
           "previous_id": None, "run_id": None, "ingested_at": datetime(2026, 1, 1, tzinfo=UTC)}
    span_rows = [(first_span_id + k, doc_id, "event", start, end, sent, kind, "synthetic", 0.8, attrs)
                 for k, (start, end, sent, kind, attrs) in enumerate(events)]
    return row, span_rows


def write_rows(conn: sa.Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Many rows, fast: COPY on PostgreSQL, the driver's executemany on SQLite (names are fixed here)."""
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    if conn.dialect.name == "postgresql":
        cursor = conn.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.close()
    else:
        marks = ", ".join("?" for _ in columns)
        conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(map(tuple, rows)))


def batches(n_events: int, draws: Draws) -> Iterator[tuple[list[dict], list[tuple]]]:
    made, doc_no, span_id = 0, 0, 1
    docs, span_rows = [], []
    while made < n_events:
        n = min(n_events - made, max(1, int(draws.rng.gauss(10, 4))))
        row, rows = make_document(doc_no, n, draws, span_id)
        docs.append(row)
        span_rows.extend(rows)
        made, doc_no, span_id = made + n, doc_no + 1, span_id + n
        if len(docs) >= DOCS_PER_COMMIT:
            yield docs, span_rows
            docs, span_rows = [], []
    if docs:
        yield docs, span_rows


def write_batch(conn: sa.Connection, docs: list[dict], span_rows: list[tuple]) -> None:
    conn.execute(sa.insert(documents), docs)
    index, actors = [], []
    for span_id, doc_id, _kind, _s, _e, _t, label, _r, _c, attrs in span_rows:
        event, its_actors = index_rows(span_id, doc_id, label, attrs)
        index.append(tuple(event[c] for c in INDEX_COLUMNS))
        actors.extend(tuple(a[c] for c in ACTOR_COLUMNS) for a in its_actors)
    write_rows(conn, "spans", SPAN_COLUMNS, [(*r[:-1], json_dumps(r[-1])) for r in span_rows])
    write_rows(conn, "event_index", INDEX_COLUMNS, index)
    write_rows(conn, "event_actors", ACTOR_COLUMNS, actors)


def generate(store: Store, n_events: int, seed: int = 7) -> dict[str, int]:
    with store.reading() as conn:
        if conn.execute(sa.select(sa.func.count()).select_from(spans)).scalar_one():
            raise SystemExit(f"{store.url} already holds spans: the generator needs an empty store")
    draws = Draws(seed)
    totals = {"documents": 0, "events": 0}
    t0 = time.perf_counter()
    for docs, span_rows in batches(n_events, draws):
        with store.writing() as conn:
            write_batch(conn, docs, span_rows)
        totals["documents"] += len(docs)
        totals["events"] += len(span_rows)
        rate = totals["events"] / (time.perf_counter() - t0)
        print(f"\r{totals['events']:>9} events, {totals['documents']:>7} documents, {rate:8.0f} events/s",
              end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    with store.writing() as conn:
        if conn.dialect.name == "postgresql":  # ids were given here: move the sequence past them
            conn.execute(sa.text("SELECT setval(pg_get_serial_sequence('spans', 'id'), "
                                 "(SELECT max(id) FROM spans))"))
        # No ANALYZE on SQLite, as after an ordinary ingest: with statistics saying that every
        # previous_id is NULL, SQLite stops using ix_documents_previous_id in the store's "latest
        # version" subquery (SELECT * ... WHERE newer.previous_id = documents.id) and scans the table
        # for each document instead (hours at 100,000 documents).
    if store.engine.dialect.name == "postgresql":
        # Statistics for the planner, and the visibility map that lets counts read the indexes only.
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE"))
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="store path or URL (new or empty)")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    t0 = time.perf_counter()
    with Store.open(args.db) as store:
        totals = generate(store, args.events, args.seed)
    print(f"{totals['events']} events in {totals['documents']} documents written to {args.db} "
          f"in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The store: documents, their spans and the ingest log, in SQLite or PostgreSQL.

Every write is one transaction, so a process killed mid-ingest leaves whole documents
(each with all its spans and its search index entry) or nothing; re-running the ingest
adds what is missing, since documents already stored are skipped by id.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, NamedTuple, Self

import sqlalchemy as sa

from accordwatch.model import Document, Span
from accordwatch.store import events as event_queries
from accordwatch.store import migrate
from accordwatch.store.bulk import (
    SPAN_COLUMNS,
    insert_in_few_statements,
    insert_spans,
    reserve_span_ids,
    write_rows,
)
from accordwatch.store.codec import row_document, row_span
from accordwatch.store.engine import WRITE, create_engine, resolve_url
from accordwatch.store.events import EventPage, EventRow, index_documents, unindex_documents, write_index
from accordwatch.store.lookup import resolve_key
from accordwatch.store.prepared import JSON_COLUMNS, PreparedDocument, check_spans, prepare, with_ids
from accordwatch.store.schema import documents, ingest_errors, ingest_runs, spans
from accordwatch.store.search import SearchHit, search

# Bound parameters per IN (...) list: well under SQLite's and PostgreSQL's limits.
_CHUNK = 500
_SPAN_PAGE = 2000
_PG_WRITE_LOCK = 7_274_212  # any fixed number, the same in every process writing to one database


class DocumentRow(NamedTuple):
    id: str
    source: str
    title: str | None
    publisher: str | None
    published: str | None
    published_how: str | None
    language: str | None
    words: int
    removed: int
    previous_id: str | None
    ingested_at: datetime


_ROW_COLUMNS = (documents.c.id, documents.c.source, documents.c.title, documents.c.publisher,
                documents.c.published, documents.c.published_how, documents.c.language,
                documents.c.words, documents.c.removed_count, documents.c.previous_id,
                documents.c.ingested_at)


def _now() -> datetime:
    return datetime.now(UTC)


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


_NEWER = sa.alias(documents, "newer")
# Built once: an alias makes its column collection on first use, which cost a few ms a batch.
_LATEST = ~sa.exists().where(_NEWER.c.previous_id == documents.c.id)
_STORED_IDS = sa.select(documents.c.id).where(documents.c.id.in_(sa.bindparam("ids", expanding=True)))
_LATEST_OF_SOURCES = (sa.select(documents.c.source, documents.c.id)
                      .where(documents.c.source.in_(sa.bindparam("sources", expanding=True)), _LATEST)
                      .order_by(documents.c.pk))


def _is_latest() -> sa.ColumnElement[bool]:
    return _LATEST


class Store:
    def __init__(self, engine: sa.Engine):
        self._engine = engine

    @classmethod
    def open(cls, url_or_path: str | None = None) -> Store:
        """Open (creating where needed) and migrate to the newest schema.

        None -> $ACCORDWATCH_DB -> ./accordwatch.db; a path -> SQLite file; ":memory:";
        a sqlite:// or postgresql:// URL (PostgreSQL through psycopg 3).
        """
        engine = create_engine(resolve_url(url_or_path))
        try:
            migrate.upgrade(engine)
        except Exception:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def engine(self) -> sa.Engine:
        return self._engine

    @property
    def url(self) -> str:
        return self._engine.url.render_as_string(hide_password=True)

    @contextmanager
    def writing(self) -> Iterator[sa.Connection]:
        """A writing transaction, committed at the end of the block (rolled back on error).

        Writers take turns: SQLite's BEGIN IMMEDIATE makes them, and on PostgreSQL an advisory
        lock does (without it two processes adding the same document would both find it new,
        and the second would fail on the unique id). Packages writing tables of their own
        (accordwatch.fuse) should write through this too.
        """
        with self._engine.connect() as conn:
            conn.execution_options(**WRITE)
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_WRITE_LOCK})
                yield conn

    @contextmanager
    def reading(self) -> Iterator[sa.Connection]:
        """A connection for reads (a consistent snapshot on SQLite until the block ends)."""
        with self._engine.connect() as conn:
            yield conn

    # --- writing documents -------------------------------------------------------------

    def known_ids(self) -> set[str]:
        with self.reading() as conn:
            return set(conn.execute(sa.select(documents.c.id)).scalars())

    def add_document(self, doc: Document, spans: Sequence[Span], *, run_id: int | None = None) -> bool:
        """Store a document with its spans; False (and nothing written) if its id is already stored."""
        return self.add_batch([(doc, spans)], run_id=run_id) == 1

    def add_batch(self, items: Sequence[tuple[Document, Sequence[Span]]], run_id: int | None = None) -> int:
        """Store many documents in one transaction; returns how many were new."""
        return self.add_prepared([prepare(doc, doc_spans) for doc, doc_spans in items], run_id=run_id)

    def add_prepared(self, items: Sequence[PreparedDocument], run_id: int | None = None) -> int:
        """add_batch for documents already made into rows (store.prepared); returns how many were new."""
        with self.writing() as conn:
            new = self._unknown(conn, items)
            if not new:
                return 0
            previous = self._latest_by_source(conn, {p.source for p in new})
            now = _now()
            doc_rows: list[dict[str, Any]] = []
            for p in new:
                doc_rows.append({**p.row, "previous_id": previous.get(p.source), "run_id": run_id,
                                 "ingested_at": now})
                previous[p.source] = p.id
            insert_in_few_statements(conn, documents, doc_rows, encoded=JSON_COLUMNS)
            # The event index holds latest versions only: new versions take their predecessors' place
            # (a document superseded within this batch is not indexed at all).
            superseded = {row["previous_id"] for row in doc_rows if row["previous_id"]}
            unindex_documents(conn, superseded)
            ids = reserve_span_ids(conn, sum(len(p.spans) for p in new))
            span_rows: list[tuple] = []
            events: list[tuple] = []
            actors: list[tuple] = []
            for p in new:
                doc_ids = ids[len(span_rows):len(span_rows) + len(p.spans)]
                span_rows.extend((span_id, *row) for span_id, row in zip(doc_ids, p.spans))
                if p.id not in superseded:
                    events.extend(with_ids(p.events, doc_ids))
                    actors.extend(with_ids(p.actors, doc_ids))
            write_rows(conn, spans, SPAN_COLUMNS, span_rows)
            write_index(conn, events, actors)
            return len(new)

    def _unknown(self, conn: sa.Connection, items: Sequence[PreparedDocument]) -> list[PreparedDocument]:
        """Items whose id is neither stored nor earlier in the same batch."""
        ids = list({p.id for p in items})
        stored: set[str] = set()
        for chunk in _chunks(ids):
            stored.update(conn.execute(_STORED_IDS, {"ids": list(chunk)}).scalars())
        new = []
        for p in items:
            if p.id not in stored:
                stored.add(p.id)
                new.append(p)
        return new

    def _latest_by_source(self, conn: sa.Connection, sources: set[str]) -> dict[str, str]:
        latest: dict[str, str] = {}
        for chunk in _chunks(sorted(sources)):
            latest.update(conn.execute(_LATEST_OF_SOURCES, {"sources": list(chunk)}).all())  # rows unpack as (source, id) pairs
        return latest

    def replace_spans(self, doc_id: str, spans_: Sequence[Span], kinds: Iterable[str]) -> None:
        """Replace the document's spans of `kinds` by `spans_` (re-extraction), in one transaction."""
        kinds = set(kinds)
        stray = sorted({s.kind for s in spans_} - kinds)
        if stray:
            raise ValueError(f"spans of kinds {stray} are not among the kinds replaced {sorted(kinds)}")
        with self.writing() as conn:
            doc = self._load(conn, doc_id)
            if doc is None:
                raise KeyError(f"no document {doc_id!r}")
            check_spans(doc, spans_)
            conn.execute(sa.delete(spans).where(spans.c.doc_id == doc_id, spans.c.kind.in_(sorted(kinds))))
            insert_spans(conn, spans_)
            newer = conn.execute(sa.select(documents.c.id).where(documents.c.previous_id == doc_id)).first()
            if "event" in kinds and newer is None:  # only latest versions are in the event index
                index_documents(conn, [doc_id])

    # --- ingest runs ---------------------------------------------------------------------

    def start_run(self, args: dict) -> int:
        with self.writing() as conn:
            insert = sa.insert(ingest_runs).values(started_at=_now(), status="running", args=args, counts={})
            return conn.execute(insert.returning(ingest_runs.c.id)).scalar_one()

    def finish_run(self, run_id: int, counts: dict, status: str) -> None:
        with self.writing() as conn:
            conn.execute(sa.update(ingest_runs).where(ingest_runs.c.id == run_id)
                         .values(finished_at=_now(), counts=counts, status=status))

    def record_error(self, run_id: int, source: str, reason: str) -> None:
        with self.writing() as conn:
            conn.execute(sa.insert(ingest_errors).values(
                run_id=run_id, source=source, reason=reason, at=_now()))

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The latest ingest runs, newest first."""
        with self.reading() as conn:
            rows = conn.execute(sa.select(ingest_runs).order_by(ingest_runs.c.id.desc()).limit(limit))
            return [dict(r._mapping) for r in rows]

    def errors(self, run_id: int | None = None) -> list[dict[str, Any]]:
        query = sa.select(ingest_errors).order_by(ingest_errors.c.id)
        if run_id is not None:
            query = query.where(ingest_errors.c.run_id == run_id)
        with self.reading() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    # --- reading -------------------------------------------------------------------------

    def _load(self, conn: sa.Connection, doc_id: str) -> Document | None:
        row = conn.execute(sa.select(documents).where(documents.c.id == doc_id)).mappings().first()
        return row_document(row) if row is not None else None

    def get_document(self, key: str) -> Document | None:
        """A document by id, id prefix, source, file name or file-name prefix (see store.lookup).

        Raises AmbiguousKey (listing the candidates) when the key names several documents.
        """
        with self.reading() as conn:
            doc_id = resolve_key(conn, key)
            return self._load(conn, doc_id) if doc_id is not None else None

    def documents(self, *, latest_only: bool = True) -> list[DocumentRow]:
        query = sa.select(*_ROW_COLUMNS).order_by(
            documents.c.published.is_(None), documents.c.published, documents.c.source, documents.c.pk)
        if latest_only:
            query = query.where(_is_latest())
        with self.reading() as conn:
            return [DocumentRow(*row) for row in conn.execute(query)]

    def spans(self, doc_id: str, kind: str | None = None) -> list[Span]:
        query = sa.select(spans).where(spans.c.doc_id == doc_id)
        if kind is not None:
            query = query.where(spans.c.kind == kind)
        query = query.order_by(spans.c.start, spans.c.end, spans.c.id)
        with self.reading() as conn:
            return [row_span(r) for r in conn.execute(query).mappings()]

    def all_spans(self, kind: str) -> Iterator[Span]:
        """Every span of a kind, in pages, so that no connection stays open between pages."""
        last = 0
        while True:
            query = (sa.select(spans).where(spans.c.kind == kind, spans.c.id > last)
                     .order_by(spans.c.id).limit(_SPAN_PAGE))
            with self.reading() as conn:
                rows = conn.execute(query).mappings().all()
            if not rows:
                return
            last = rows[-1]["id"]
            yield from (row_span(r) for r in rows)

    def search(self, query: str, limit: int = 20, offset: int = 0, *,
               latest_only: bool = True) -> list[SearchHit]:
        """Full-text search over clean text (and titles), best first; see store.search for the syntax."""
        query = query.replace("\x00", " ")  # PostgreSQL refuses NUL in text parameters
        with self.reading() as conn:
            return search(conn, query, limit=limit, offset=offset, latest_only=latest_only)

    # --- events by date and actor (accordwatch.store.events) --------------------------------

    def timeline(self, start: str, end: str, *, types: Sequence[str] | None = None, limit: int = 100,
                 offset: int = 0) -> list[EventRow]:
        """Events of the latest document versions whose date starts between two ISO days, by date."""
        with self.reading() as conn:
            return event_queries.timeline(conn, start, end, types=types, limit=limit, offset=offset)

    def timeline_counts(self, start: str, end: str, *,
                        types: Sequence[str] | None = None) -> list[tuple[str, int]]:
        with self.reading() as conn:
            return event_queries.timeline_counts(conn, start, end, types=types)

    def actor_events(self, actor: str, *, start: str | None = None, end: str | None = None,
                     limit: int = 100, offset: int = 0) -> tuple[int, list[EventRow]]:
        """(how many events the actor is in, a page of them, newest first)."""
        with self.reading() as conn:
            return (event_queries.actor_event_count(conn, actor),
                    event_queries.actor_events(conn, actor, start=start, end=end, limit=limit, offset=offset))

    def event_page(self, span_id: int) -> EventPage | None:
        with self.reading() as conn:
            return event_queries.event_page(conn, span_id)

    def stats(self) -> dict[str, Any]:
        count = sa.func.count()
        with self.reading() as conn:
            by_kind = conn.execute(
                sa.select(spans.c.kind, count).group_by(spans.c.kind).order_by(spans.c.kind))
            return {
                "backend": self._engine.dialect.name,
                "url": self.url,
                "schema_revision": migrate.current_revision(conn),
                "documents": conn.execute(sa.select(count).select_from(documents)).scalar_one(),
                "latest_documents": conn.execute(
                    sa.select(count).select_from(documents).where(_is_latest())).scalar_one(),
                "spans": {kind: n for kind, n in by_kind},
                "runs": conn.execute(sa.select(count).select_from(ingest_runs)).scalar_one(),
                "errors": conn.execute(sa.select(count).select_from(ingest_errors)).scalar_one(),
            }

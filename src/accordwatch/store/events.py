"""Events by date, type and actor: the event index, kept at write time, and the queries over it.

An event span keeps its date and actors in its JSON attrs, which no database indexes well.
When event spans are written, a row per event goes to `event_index` (type, first and last
day of its date) and a row per actor to `event_actors`; timelines and actor pages then read
an index range, whatever the size of the store. Only the latest version of each source is
indexed (a new version replaces the old one's rows), so these queries need no version check.

    timeline(conn, "2023-09-01", "2023-09-30", types=["ASSAULT"], limit=100)
    timeline_counts(conn, "2020-01-01", "2024-12-31")        # events a month
    actor_events(conn, "Azerbaijan", limit=100), actor_event_count(conn, "Azerbaijan")
    event_page(conn, span_id)                                  # one event with its document
"""

from __future__ import annotations

import calendar
import functools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple

import sqlalchemy as sa

from accordwatch.store.bulk import write_rows
from accordwatch.store.schema import documents, event_actors, event_index, spans

_CHUNK = 500
_PAGE = 5000
_YMD = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T[\d:.]*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_PART_MONTHS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
                "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # winter runs into February


def _month_span(year: int, first: int, last: int) -> tuple[str, str]:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    end_day = calendar.monthrange(end_year, end_month)[1]
    return f"{year:04d}-{first:02d}-01", f"{end_year:04d}-{end_month:02d}-{end_day:02d}"


def _point_days(value: str) -> tuple[str, str] | None:
    if m := _YMD.match(value):
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        date(year, int(month or 1), int(day or 1))  # raises ValueError for a month 13 or a 31 June
        if day:
            return f"{year:04d}-{month}-{day}", f"{year:04d}-{month}-{day}"
        return _month_span(year, int(month), int(month)) if month else _month_span(year, 1, 12)
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    if m := _PART.match(value):
        return _month_span(int(m.group(1)), *_PART_MONTHS[m.group(2)])
    if m := _DECADE.match(value):
        decade = int(m.group(1)) * 10
        return f"{decade:04d}-01-01", f"{decade + 9:04d}-12-31"
    return None


@functools.lru_cache(maxsize=4096)  # a corpus's events share few dates
def day_range(value: str) -> tuple[str | None, str | None]:
    """First and last day of a TIMEX3 date or interval value; (None, None) when it names no period."""
    try:
        if "/" in value:
            first, last = (_point_days(part) for part in value.split("/", 1))
            if first and last:
                return first[0], last[1]
            return (None, None)
        days = _point_days(value)
    except ValueError:  # a month 13 or week 54 from a faulty value is no date
        return (None, None)
    return days if days else (None, None)


def _role(actor: str, sources: Sequence[str], targets: Sequence[str]) -> str:
    if actor in sources:
        return "both" if actor in targets else "source"
    return "target"


_EVENT_COLUMNS = ("span_id", "doc_id", "event_type", "day_start", "day_end")
_ACTOR_COLUMNS = ("span_id", "actor", "role", "day_start")


def index_values(span_id: int, doc_id: str, event_type: str, attrs: dict[str, Any]
                  ) -> tuple[tuple, list[tuple]]:
    """index_rows as tuples of the event_index and event_actors columns (write_index writes them)."""
    start, end = day_range(str(attrs.get("date") or ""))
    sources, targets = list(attrs.get("source_actors") or ()), list(attrs.get("target_actors") or ())
    actors = [(span_id, name, _role(name, sources, targets), start)
              for name in dict.fromkeys(sources + targets) if name]
    return (span_id, doc_id, event_type, start, end), actors


def index_rows(span_id: int, doc_id: str, event_type: str, attrs: dict[str, Any]
               ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The event_index row and the event_actors rows of one stored event span."""
    event, actors = index_values(span_id, doc_id, event_type, attrs)
    return dict(zip(_EVENT_COLUMNS, event)), [dict(zip(_ACTOR_COLUMNS, a)) for a in actors]


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _attrs(value: Any) -> dict[str, Any]:
    return json.loads(value) if isinstance(value, str) else (value or {})


def unindex_documents(conn: sa.Connection, doc_ids: Iterable[str]) -> None:
    """Drop the index rows of these documents (superseded versions)."""
    for chunk in _chunks(sorted(set(doc_ids))):
        ids = sa.select(event_index.c.span_id).where(event_index.c.doc_id.in_(chunk))
        conn.execute(sa.delete(event_actors).where(event_actors.c.span_id.in_(ids)))
        conn.execute(sa.delete(event_index).where(event_index.c.doc_id.in_(chunk)))


def index_documents(conn: sa.Connection, doc_ids: Iterable[str]) -> None:
    """(Re)index the stored event spans of these documents, in the caller's transaction."""
    doc_ids = sorted(set(doc_ids))
    unindex_documents(conn, doc_ids)
    for chunk in _chunks(doc_ids):
        rows = conn.execute(sa.select(spans.c.id, spans.c.doc_id, spans.c.label, spans.c.attrs)
                            .where(spans.c.kind == "event", spans.c.doc_id.in_(chunk)))
        _insert(conn, rows)


def index_events(conn: sa.Connection, rows: Iterable[tuple[int, str, str, dict[str, Any]]]) -> int:
    """Write the index rows of stored event spans given as (span id, doc id, label, attrs)."""
    events: list[tuple] = []
    actors: list[tuple] = []
    for span_id, doc_id, label, attrs in rows:
        event, its_actors = index_values(span_id, doc_id, label, attrs)
        events.append(event)
        actors.extend(its_actors)
    write_index(conn, events, actors)
    return len(events)


def write_index(conn: sa.Connection, events: Sequence[tuple], actors: Sequence[tuple]) -> None:
    """Write index rows made by index_values."""
    write_rows(conn, event_index, _EVENT_COLUMNS, events)
    write_rows(conn, event_actors, _ACTOR_COLUMNS, actors)


def _insert(conn: sa.Connection, rows: Iterable[Any]) -> int:
    """Index stored event spans read back as (id, doc_id, label, attrs as stored)."""
    return index_events(conn, ((span_id, doc_id, label, _attrs(attrs)) for span_id, doc_id, label, attrs in rows))


def index_all_events(conn: sa.Connection) -> int:
    """Index every event of the latest document versions (the migration that adds the index)."""
    newer = sa.alias(documents, "newer")
    latest = ~sa.exists().where(newer.c.previous_id == spans.c.doc_id)
    last, total = 0, 0
    while True:
        page = conn.execute(sa.select(spans.c.id, spans.c.doc_id, spans.c.label, spans.c.attrs)
                            .where(spans.c.kind == "event", spans.c.id > last, latest)
                            .order_by(spans.c.id).limit(_PAGE)).all()
        if not page:
            return total
        total += _insert(conn, page)
        last = page[-1][0]


# --- queries -------------------------------------------------------------------------------


class EventRow(NamedTuple):
    span_id: int
    doc_id: str
    event_type: str
    day_start: str | None
    day_end: str | None
    text: str
    source: str
    title: str | None
    published: str | None


_ROW = (event_index.c.span_id, event_index.c.doc_id, event_index.c.event_type, event_index.c.day_start,
        event_index.c.day_end, spans.c.text, documents.c.source, documents.c.title, documents.c.published)


def _rows_of(page: sa.Subquery | None = None) -> sa.Select:
    """Event rows, for the span ids of `page` (a subquery already ordered and limited) if given.

    The page is chosen on the index tables alone and joined to spans and documents afterwards:
    joined first, the database would fetch a span and a document for every event of the window
    before sorting them and keeping a hundred.
    """
    joined = event_index.join(spans, spans.c.id == event_index.c.span_id).join(
        documents, documents.c.id == event_index.c.doc_id)
    if page is not None:
        joined = page.join(joined, event_index.c.span_id == page.c.span_id)
    return sa.select(*_ROW).select_from(joined)


def timeline(conn: sa.Connection, start: str, end: str, *, types: Sequence[str] | None = None,
             limit: int = 100, offset: int = 0) -> list[EventRow]:
    """Events whose date starts between `start` and `end` (ISO days, both included), by date."""
    page = sa.select(event_index.c.span_id, event_index.c.day_start).where(
        event_index.c.day_start.between(start, end))
    if types:
        page = page.where(event_index.c.event_type.in_(list(types)))
    ordered = page.order_by(event_index.c.day_start, event_index.c.span_id).limit(limit).offset(offset).subquery()
    query = _rows_of(ordered).order_by(ordered.c.day_start, ordered.c.span_id)
    return [EventRow(*r) for r in conn.execute(query)]


def timeline_counts(conn: sa.Connection, start: str, end: str, *,
                    types: Sequence[str] | None = None) -> list[tuple[str, int]]:
    """(YYYY-MM, number of events) for the months between `start` and `end`: a timeline's overview."""
    month = sa.func.substr(event_index.c.day_start, 1, 7).label("month")
    query = sa.select(month, sa.func.count()).where(event_index.c.day_start.between(start, end))
    if types:
        query = query.where(event_index.c.event_type.in_(list(types)))
    return [(m, n) for m, n in conn.execute(query.group_by(month).order_by(month))]


def _actor_page(conn: sa.Connection, actor: str, where: list, order: tuple, limit: int,
                offset: int) -> list[EventRow]:
    a = event_actors.c
    page = (sa.select(a.span_id, a.day_start).where(a.actor == actor, *where)
            .order_by(*order).limit(limit).offset(offset).subquery())
    query = _rows_of(page).order_by(*(getattr(page.c, c.element.name).desc() for c in order))
    return [EventRow(*r) for r in conn.execute(query)]


def actor_events(conn: sa.Connection, actor: str, *, start: str | None = None, end: str | None = None,
                 limit: int = 100, offset: int = 0) -> list[EventRow]:
    """Events where `actor` (a canonical name) acts or is acted on: dated ones newest first, then
    the undated ones (none when `start` or `end` is given)."""
    a = event_actors.c
    # Dated and undated are read apart: ORDER BY day_start DESC alone puts NULLs first on PostgreSQL
    # and last on SQLite, and NULLS LAST would keep PostgreSQL from reading the index backwards.
    dated: list[sa.ColumnElement[bool]] = [a.day_start.is_not(None)]
    if start:
        dated.append(a.day_start >= start)
    if end:
        dated.append(a.day_start <= end)
    rows = _actor_page(conn, actor, dated, (a.day_start.desc(), a.span_id.desc()), limit, offset)
    if len(rows) == limit or start or end:
        return rows
    if rows or offset == 0:
        dated_total = offset + len(rows)
    else:
        dated_total = conn.execute(sa.select(sa.func.count()).where(a.actor == actor, *dated)).scalar_one()
    undated = [a.day_start.is_(None)]
    return rows + _actor_page(conn, actor, undated, (a.span_id.desc(),), limit - len(rows),
                              max(0, offset - dated_total))


def actor_event_count(conn: sa.Connection, actor: str) -> int:
    query = sa.select(sa.func.count()).select_from(event_actors).where(event_actors.c.actor == actor)
    return conn.execute(query).scalar_one()


class EventPage(NamedTuple):
    event: EventRow
    attrs: dict[str, Any]
    context: str  # the document's text around the event
    context_start: int  # offset of `context` in the document's clean text
    others: list[EventRow]  # the document's other events, by date


def event_page(conn: sa.Connection, span_id: int, *, context_chars: int = 300,
               others: int = 50) -> EventPage | None:
    """One event as its page shows it: the event, the text around it, its document's other events."""
    row = conn.execute(_rows_of().add_columns(spans.c.attrs, spans.c.start, spans.c.end)
                       .where(event_index.c.span_id == span_id)).first()
    if row is None:
        return None
    event, attrs, start, end = EventRow(*row[:9]), _attrs(row[9]), row[10], row[11]
    context_start = max(0, start - context_chars)
    # substr is 1-based on both databases; only the slice travels, not the whole text.
    excerpt = sa.func.substr(documents.c.text, context_start + 1, end - context_start + context_chars)
    context = conn.execute(sa.select(excerpt).where(documents.c.id == event.doc_id)).scalar_one()
    siblings = (_rows_of().where(event_index.c.doc_id == event.doc_id,
                                              event_index.c.span_id != span_id)
                .order_by(event_index.c.day_start, event_index.c.span_id).limit(others))
    return EventPage(event, attrs, context, context_start, [EventRow(*r) for r in conn.execute(siblings)])

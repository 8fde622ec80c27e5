"""Writing many rows fast: COPY on PostgreSQL, INSERTs of many rows each on SQLite.

SQLAlchemy sends a plain executemany to psycopg as one INSERT a row (about 7,000 rows/s
here); COPY through the same DBAPI connection, hence in the same transaction, is several
times faster. On SQLite, half the time went to SQLAlchemy's per-row parameter processing:
rows go to the sqlite3 driver as tuples instead, a hundred to an INSERT. Both stay parameterised.

Spans are written with their ids chosen here (`reserve_span_ids`): the ids the database
would have given them, known before the insert, so that the event index can be built from
the spans in memory instead of reading them back and decoding their JSON.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Mapping, Sequence
from itertools import chain
from operator import attrgetter
from typing import Any

import sqlalchemy as sa

from accordwatch.model import Span
from accordwatch.store.codec import attr_names
from accordwatch.store.schema import spans
from accordwatch.store.span_row import span_values

SPAN_COLUMNS = tuple(c.name for c in spans.columns)  # id first

# Rows an INSERT on SQLite. Every run of a statement has a fixed cost in SQLite (its statement
# transaction, opened because of the foreign keys, its cursors, its end): executemany of a one-row
# INSERT paid it once a row, a hundred rows an INSERT pay it once a hundred (about 0.17 M instructions
# a BBC document fewer). All the statements of a write but its last have the same text, prepared once.
ROWS_PER_INSERT = 100


def write_rows(conn: sa.Connection, table: sa.Table, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """Insert `rows` (tuples of `columns`' values, JSON columns already encoded) into `table`."""
    if not rows:
        return
    names = ", ".join(f'"{name}"' for name in columns)  # fixed column names, not user values
    if conn.dialect.name == "postgresql":
        _copy(conn, f"COPY {table.name} ({names}) FROM STDIN", rows)
    elif conn.dialect.name == "sqlite":
        _sqlite_insert(conn, table, columns, rows, ROWS_PER_INSERT)
    else:
        conn.execute(sa.insert(table), [dict(zip(columns, row, strict=True)) for row in rows])


def insert_in_few_statements(conn: sa.Connection, table: sa.Table, rows: Sequence[Mapping[str, Any]], *,
                             encoded: Collection[str] = ()) -> None:
    """Insert `rows` (dicts of values as sa.insert(table) takes them, but the columns `encoded`, given
    as JSON text already) with as few statements as SQLite allows.

    On SQLite each INSERT runs in a statement transaction when the table has a trigger, and the
    FTS5 index that the documents' trigger feeds writes its pending terms out as a new index
    segment at every statement savepoint: one INSERT a document (executemany) made a segment a
    document, and merging them cost about as much as all of SQLite's other work of an ingest.
    One INSERT ... VALUES (...), (...) for many documents writes one segment for all of them.
    Values go through the columns' own bind processors (JSON, UTC timestamps), so the rows are
    stored exactly as sa.insert would store them. PostgreSQL gets them through write_rows (COPY).
    """
    if not rows:
        return
    columns = list(rows[0])
    processors = [None if name in encoded else table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
                  for name in columns]
    values = [[row[name] for name in columns] for row in rows]
    for processor, i in ((p, i) for i, p in enumerate(processors) if p is not None):
        for row_values in values:
            row_values[i] = processor(row_values[i])
    if conn.dialect.name != "sqlite":
        write_rows(conn, table, columns, [tuple(v) for v in values])
        return
    _sqlite_insert(conn, table, columns, values, None)


def _sqlite_insert(conn: sa.Connection, table: sa.Table, columns: Sequence[str], rows: Sequence[Sequence],
                   most: int | None) -> None:
    """INSERT ... VALUES (...), (...) of up to `most` rows (None: as many as SQLite's variable limit allows)."""
    driver = conn.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    per_statement = max(1, driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(columns))
    if most is not None:
        per_statement = min(per_statement, most)
    names = ", ".join(f'"{name}"' for name in columns)  # the table's column names, not user values
    marks = "(" + ", ".join("?" for _ in columns) + ")"

    def insert(n: int) -> str:
        return f"INSERT INTO {table.name} ({names}) VALUES {', '.join([marks] * n)}"

    whole = len(rows) - len(rows) % per_statement  # rows in full statements, all of one text (executemany)
    if whole:
        conn.exec_driver_sql(insert(per_statement), [tuple(chain.from_iterable(rows[start:start + per_statement]))
                                                     for start in range(0, whole, per_statement)])
    if whole < len(rows):
        conn.exec_driver_sql(insert(len(rows) - whole), tuple(chain.from_iterable(rows[whole:])))


def _copy(conn: sa.Connection, statement: str, rows: Sequence[tuple]) -> None:
    driver = conn.connection.driver_connection
    assert driver is not None, "COPY needs the connection's psycopg connection"
    cursor = driver.cursor()
    with cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
    cursor.close()


def reserve_span_ids(conn: sa.Connection, n: int) -> list[int]:
    """Ids for `n` new spans, in the caller's writing transaction (which holds the write lock).

    SQLite gives a new row the largest rowid plus one, so these are the ids it would have
    chosen; on PostgreSQL they come from the id column's sequence, as its default would.
    """
    if n == 0:
        return []
    if conn.dialect.name == "postgresql":
        query = sa.text("SELECT nextval(pg_get_serial_sequence('spans', 'id')) FROM generate_series(1, :n)")
        return sorted(conn.execute(query, {"n": n}).scalars())
    last = conn.execute(sa.select(sa.func.max(spans.c.id))).scalar_one() or 0
    return list(range(last + 1, last + 1 + n))


_ATTRS_GETTERS: dict[type[Span], Callable[[Span], dict[str, Any]]] = {}


def attrs_getter(cls: type[Span]) -> Callable[[Span], dict[str, Any]]:
    """A function giving a span's kind-specific fields as a dict, as Span.attrs() does, but fast."""
    getter = _ATTRS_GETTERS.get(cls)
    if getter is None:
        getter = _ATTRS_GETTERS[cls] = _make_attrs_getter(cls)
    return getter


def _make_attrs_getter(cls: type[Span]) -> Callable[[Span], dict[str, Any]]:
    names = attr_names(cls)
    if not names:
        return lambda span: {}
    if len(names) == 1:
        (name,) = names
        return lambda span: {name: getattr(span, name)}
    values = attrgetter(*names)
    return lambda span: dict(zip(names, values(span)))  # as many values as names: attrgetter(*names)


def span_rows(ids: Sequence[int], spans_: Sequence[Span]) -> list[tuple]:
    """The spans' rows (SPAN_COLUMNS)."""
    if len(ids) != len(spans_):
        raise ValueError(f"{len(ids)} ids for {len(spans_)} spans")
    return [(span_id, *row) for span_id, row in zip(ids, span_values(spans_))]


def insert_spans(conn: sa.Connection, spans_: Sequence[Span]) -> list[int]:
    """Write the spans; returns their ids, in order."""
    ids = reserve_span_ids(conn, len(spans_))
    write_rows(conn, spans, SPAN_COLUMNS, span_rows(ids, spans_))
    return ids

"""Where the store lives: a URL or path made into a SQLAlchemy engine with the right settings.

SQLite runs in WAL mode with a busy timeout, so readers never block the writer and a
second writer waits instead of failing; writing transactions start with BEGIN IMMEDIATE,
which takes the write lock up front (a deferred transaction that reads and then writes can
fail at once with "database is locked" when another writer got in between).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Sequence
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

DEFAULT_PATH = "accordwatch.db"
BUSY_TIMEOUT_MS = 30_000
WRITE = {"accordwatch_write": True}  # execution option marking a writing transaction


def resolve_url(url_or_path: str | None) -> sa.URL:
    """None -> $ACCORDWATCH_DB -> ./accordwatch.db; a path -> SQLite file; postgres URLs -> psycopg 3."""
    value = url_or_path or os.environ.get("ACCORDWATCH_DB") or DEFAULT_PATH
    if value == ":memory:":
        return sa.make_url("sqlite://")
    if "://" not in value:
        return sa.make_url("sqlite://").set(database=str(Path(value).expanduser().resolve()))
    url = sa.make_url(value)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


# One encoder made once: json.dumps with arguments builds a new one every call. No spaces after
# separators: the stored values decode the same, in fewer bytes. The values are plain data built
# by the pipeline (no cycles), so the circular-reference check is skipped.
_JSON = json.JSONEncoder(ensure_ascii=False, default=str, separators=(",", ":"), check_circular=False)
json_dumps = _JSON.encode  # the bound method itself: no extra Python call for each of an ingest's spans


def _make_json_chunks() -> Callable[[Any, int], Sequence[str]]:
    """The C encoder that _JSON.encode makes anew at every call (through two Python frames), made once.

    `"".join(json_chunks(value, 0))` is json_dumps(value) for a non-string value, in about half the
    time: the span rows (store.span_row) encode with it the attrs values they have no shorter way for.
    """
    if c_make_encoder is None:  # a Python without the _json accelerator
        return lambda value, _indent: (json_dumps(value),)
    return c_make_encoder(None, _JSON.default, encode_basestring, _JSON.indent, _JSON.key_separator,
                          _JSON.item_separator, _JSON.sort_keys, _JSON.skipkeys, _JSON.allow_nan)


json_chunks = _make_json_chunks()


def create_engine(url: sa.URL) -> sa.Engine:
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return sa.create_engine(url, json_serializer=json_dumps, pool_pre_ping=True)


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    in_memory = url.database in (None, "", ":memory:")
    if not in_memory:
        Path(str(url.database)).parent.mkdir(parents=True, exist_ok=True)
    kwargs = {"poolclass": StaticPool} if in_memory else {}
    engine = sa.create_engine(url, json_serializer=json_dumps,
                              connect_args={"check_same_thread": False}, **kwargs)
    sa.event.listen(engine, "connect", functools.partial(_sqlite_on_connect, wal=not in_memory))
    sa.event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_conn, _record, *, wal: bool) -> None:
    # Take transaction control away from the sqlite3 module; _sqlite_on_begin emits BEGIN.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    if wal:
        cur.execute("PRAGMA journal_mode = WAL")
        # In WAL mode, NORMAL loses no committed transaction when the process dies (only on power loss).
        cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _sqlite_on_begin(conn: sa.Connection) -> None:
    writing = conn.get_execution_options().get("accordwatch_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

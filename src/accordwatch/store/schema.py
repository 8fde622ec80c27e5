"""The tables, as SQLAlchemy Core objects that queries are built from.

The migrations under migrations/versions/ create these tables; tests/store/test_migrations.py
checks that the two agree on SQLite and PostgreSQL. To add a table: declare it here, then
add a revision (`python -m accordwatch.store.migrate revision "add foo"`) that creates it.

Full-text search is dialect-specific and lives only in the migrations: an FTS5 table kept
in step by a trigger on SQLite, a generated tsvector column with a GIN index on PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa


class UtcDateTime(sa.TypeDecorator):
    """A UTC timestamp that comes back timezone-aware from both databases.

    SQLite keeps no time zone: values are converted to UTC before they are written and
    marked UTC when read, so both backends return the same aware datetimes.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = sa.MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

ingest_runs = sa.Table(
    "ingest_runs", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("started_at", UtcDateTime, nullable=False),
    sa.Column("finished_at", UtcDateTime),
    sa.Column("status", sa.String(20), nullable=False),  # running, done, failed, interrupted ...
    sa.Column("args", sa.JSON, nullable=False),
    sa.Column("counts", sa.JSON, nullable=False),
)

ingest_errors = sa.Table(
    "ingest_errors", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", UtcDateTime, nullable=False),
)

documents = sa.Table(
    "documents", metadata,
    # A surrogate integer key: the FTS5 table on SQLite needs a stable integer rowid.
    sa.Column("pk", sa.Integer, primary_key=True),
    sa.Column("id", sa.String(64), nullable=False, unique=True),  # content hash
    sa.Column("source", sa.Text, nullable=False, index=True),
    sa.Column("source_name", sa.Text, nullable=False, index=True),  # base name of source, for lookups
    sa.Column("media_type", sa.String(20), nullable=False),
    sa.Column("raw", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("offsets", sa.JSON, nullable=False),
    sa.Column("removed", sa.JSON, nullable=False),
    sa.Column("meta", sa.JSON, nullable=False),
    # Copies of metadata values, for listings and search without decoding `meta`.
    sa.Column("title", sa.Text),
    sa.Column("publisher", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("published_how", sa.String(20)),
    sa.Column("language", sa.String(20)),
    sa.Column("words", sa.Integer, nullable=False),
    sa.Column("removed_count", sa.Integer, nullable=False),
    # The earlier version of the same source; the latest version is the one no row points to.
    sa.Column("previous_id", sa.String(64), index=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id", ondelete="SET NULL")),
    sa.Column("ingested_at", UtcDateTime, nullable=False),
)

spans = sa.Table(
    "spans", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("doc_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("rule_id", sa.Text, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("attrs", sa.JSON, nullable=False),
    sa.Index("ix_spans_doc_id_kind", "doc_id", "kind"),
    # No (kind, label) index since revision 0005: nothing read it, and every span written paid for it.
)

# Events made queryable by date, type and actor (revision 0003): rows derived from the event
# spans when they are written (accordwatch.store.events), one per event and one per actor of
# an event, so that timelines and actor pages read an index range instead of decoding JSON.
# Only the latest version of each source is indexed: a new version takes its place.
event_index = sa.Table(
    "event_index", metadata,
    sa.Column("span_id", sa.Integer, sa.ForeignKey("spans.id", ondelete="CASCADE"), primary_key=True,
              autoincrement=False),
    sa.Column("doc_id", sa.String(64), nullable=False, index=True),
    sa.Column("event_type", sa.Text, nullable=False),  # the span's label: a PLOVER type
    sa.Column("day_start", sa.String(10)),  # first and last day of the event's date; NULL when undated
    sa.Column("day_end", sa.String(10)),
    sa.Index("ix_event_index_day_start_span_id", "day_start", "span_id"),
    sa.Index("ix_event_index_event_type_day_start", "event_type", "day_start"),
)

event_actors = sa.Table(
    "event_actors", metadata,
    sa.Column("span_id", sa.Integer, sa.ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
    sa.Column("actor", sa.Text, nullable=False),  # canonical name
    sa.Column("role", sa.String(10), nullable=False),  # source, target or both
    sa.Column("day_start", sa.String(10)),
    sa.PrimaryKeyConstraint("span_id", "actor", name="pk_event_actors"),
    sa.Index("ix_event_actors_actor_day_start_span_id", "actor", "day_start", "span_id"),
)

# Tables and columns made by migrations but not declared above (full-text search).
UNDECLARED_TABLE_PREFIXES = ("documents_fts",)
UNDECLARED_COLUMNS = {("documents", "search_vector")}

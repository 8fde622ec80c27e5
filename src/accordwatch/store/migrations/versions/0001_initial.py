"""Initial schema: ingest runs and errors, documents, spans, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("finished_at", TZ),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("args", sa.JSON, nullable=False),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_runs"),
    )
    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ingest_errors"),
        sa.ForeignKeyConstraint(["run_id"], ["ingest_runs.id"], ondelete="CASCADE",
                                name="fk_ingest_errors_run_id_ingest_runs"),
    )
    op.create_index("ix_ingest_errors_run_id", "ingest_errors", ["run_id"])
    _create_documents()
    _create_spans()
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_search()
    else:
        _sqlite_search()


def _create_documents() -> None:
    op.create_table(
        "documents",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("source_name", sa.Text, nullable=False),
        sa.Column("media_type", sa.String(20), nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("offsets", sa.JSON, nullable=False),
        sa.Column("removed", sa.JSON, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("published_how", sa.String(20)),
        sa.Column("language", sa.String(20)),
        sa.Column("words", sa.Integer, nullable=False),
        sa.Column("removed_count", sa.Integer, nullable=False),
        sa.Column("previous_id", sa.String(64)),
        sa.Column("run_id", sa.Integer),
        sa.Column("ingested_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_documents"),
        sa.UniqueConstraint("id", name="uq_documents_id"),
        sa.ForeignKeyConstraint(["run_id"], ["ingest_runs.id"], ondelete="SET NULL",
                                name="fk_documents_run_id_ingest_runs"),
    )
    op.create_index("ix_documents_source", "documents", ["source"])
    op.create_index("ix_documents_source_name", "documents", ["source_name"])
    op.create_index("ix_documents_previous_id", "documents", ["previous_id"])


def _create_spans() -> None:
    op.create_table(
        "spans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("rule_id", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("attrs", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_spans"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_spans_doc_id_documents"),
    )
    op.create_index("ix_spans_doc_id_kind", "spans", ["doc_id", "kind"])
    op.create_index("ix_spans_kind_label", "spans", ["kind", "label"])


def _sqlite_search() -> None:
    # External-content FTS5 table: the text lives once, in documents; triggers keep the index
    # in step inside the writing transaction, so a document and its index row commit together.
    op.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
        "content_rowid='pk', tokenize='porter unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "VALUES ('delete', old.pk, old.title, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "VALUES ('delete', old.pk, old.title, old.text); "
        "INSERT INTO documents_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END"
    )


def _postgresql_search() -> None:
    # A generated column: PostgreSQL computes it in the same statement that writes the row.
    # A tsvector holds at most 1 MB, and a long report of many distinct words goes past it
    # (the insert would fail): only the first 400,000 characters of a text are indexed.
    op.execute(
        "ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('english', left(coalesce(title, ''), 1000)), 'A') || "
        "setweight(to_tsvector('english', left(text, 400000)), 'B')) STORED"
    )
    op.execute("CREATE INDEX ix_documents_search_vector ON documents USING gin (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in ("spans", "documents", "ingest_errors", "ingest_runs"):
        op.drop_table(table)

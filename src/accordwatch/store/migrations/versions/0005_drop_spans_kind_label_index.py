"""Drop the spans (kind, label) index: no query reads it, and every span written paid for it.

Spans of a kind are read in id order (Store.all_spans), which the rowid gives; span counts by
kind (Store.stats) read the (doc_id, kind) index instead. Keeping this index up to date was
about a tenth of SQLite's work when writing an ingest's spans.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_spans_kind_label", table_name="spans")


def downgrade() -> None:
    op.create_index("ix_spans_kind_label", "spans", ["kind", "label"])

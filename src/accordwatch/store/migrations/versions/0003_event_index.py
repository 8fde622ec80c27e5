"""Event index: events by date, type and actor, for timelines and actor pages at scale.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_index",
        sa.Column("span_id", sa.Integer, autoincrement=False),
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("day_start", sa.String(10)),
        sa.Column("day_end", sa.String(10)),
        sa.PrimaryKeyConstraint("span_id", name="pk_event_index"),
        sa.ForeignKeyConstraint(["span_id"], ["spans.id"], ondelete="CASCADE",
                                name="fk_event_index_span_id_spans"),
    )
    op.create_index("ix_event_index_doc_id", "event_index", ["doc_id"])
    op.create_index("ix_event_index_day_start_span_id", "event_index", ["day_start", "span_id"])
    op.create_index("ix_event_index_event_type_day_start", "event_index", ["event_type", "day_start"])
    op.create_table(
        "event_actors",
        sa.Column("span_id", sa.Integer, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("day_start", sa.String(10)),
        sa.PrimaryKeyConstraint("span_id", "actor", name="pk_event_actors"),
        sa.ForeignKeyConstraint(["span_id"], ["spans.id"], ondelete="CASCADE",
                                name="fk_event_actors_span_id_spans"),
    )
    op.create_index("ix_event_actors_actor_day_start_span_id", "event_actors", ["actor", "day_start", "span_id"])
    # Events stored before this revision are indexed now, from their spans.
    from accordwatch.store.events import index_all_events

    index_all_events(op.get_bind())


def downgrade() -> None:
    op.drop_table("event_actors")
    op.drop_table("event_index")

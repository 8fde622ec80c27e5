"""Fused record: events, claims and agreements fused across documents (accordwatch.fuse).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fused_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),  # event, claim, agreement, document
        sa.Column("item_id", sa.String(80), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),  # order within its kind
        sa.Column("data", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fused_items"),
    )
    op.create_index("ix_fused_items_kind_position", "fused_items", ["kind", "position"])
    op.create_table(
        "fused_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("as_of", sa.String(10), nullable=False),
        sa.Column("fingerprint", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fused_state"),
    )


def downgrade() -> None:
    op.drop_index("ix_fused_items_kind_position", table_name="fused_items")
    op.drop_table("fused_items")
    op.drop_table("fused_state")

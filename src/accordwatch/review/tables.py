"""The analyst's decisions table (made by migration 0004), kept apart from machine output.

One append-only table is both the corrections and the audit log: every decision names
who made it, when and why, and the decision in force for a target is its latest one.
Targets are stable identities (document hash and span offsets, canonical entity names,
agreement keys), never row ids, so re-running extraction does not lose them.
"""

from __future__ import annotations

import sqlalchemy as sa

from accordwatch.store.schema import UtcDateTime

metadata = sa.MetaData()

review_decisions = sa.Table(
    "review_decisions", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("who", sa.String(200), nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("target_kind", sa.String(20), nullable=False),
    sa.Column("target", sa.String(400), nullable=False),
    sa.Column("value", sa.JSON, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    # What the target looked like when decided (its text and sentence), to report it if it vanishes.
    sa.Column("evidence", sa.JSON, nullable=False),
    sa.Index("ix_review_decisions_target_kind_target", "target_kind", "target"),
)

"""The fused record's tables (made by migration 0002) and reading/writing them.

The record is recomputed whole from the stored spans and replaces the old one in one
transaction, so readers see either the old record or the new, never a mix.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import sqlalchemy as sa

from accordwatch.fuse.records import (
    AgreementStatus,
    Claim,
    DocInfo,
    FusedEvent,
    FusedRecord,
    from_dict,
    to_dict,
)
from accordwatch.fuse.rules import rules_digest
from accordwatch.review.tables import review_decisions
from accordwatch.store.engine import WRITE
from accordwatch.store.schema import documents, spans

metadata = sa.MetaData()

fused_items = sa.Table(
    "fused_items", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("item_id", sa.String(80), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Index("ix_fused_items_kind_position", "kind", "position"),
)

fused_state = sa.Table(
    "fused_state", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("as_of", sa.String(10), nullable=False),
    sa.Column("fingerprint", sa.JSON, nullable=False),
)

_KINDS = {"event": ("events", FusedEvent), "claim": ("claims", Claim),
          "agreement": ("agreements", AgreementStatus), "document": ("documents", DocInfo)}


def fingerprint(conn: sa.Connection) -> dict:
    """What the record was computed from: the stored documents and spans."""
    ids = conn.execute(sa.select(documents.c.id).order_by(documents.c.id)).scalars().all()
    n_spans, last = conn.execute(sa.select(sa.func.count(), sa.func.max(spans.c.id))).one()
    digest = hashlib.sha1("".join(ids).encode()).hexdigest()
    last_decision = conn.execute(sa.select(sa.func.max(review_decisions.c.id))).scalar()
    return {"documents": digest, "spans": int(n_spans), "last_span": int(last or 0), "rules": rules_digest(),
            "decisions": int(last_decision or 0)}


def write_record(engine: sa.Engine, record: FusedRecord, expected: dict) -> bool:
    """Replace the stored record; False (nothing written) if the spans changed since `expected`."""
    with engine.connect() as conn:
        conn.execution_options(**WRITE)
        with conn.begin():
            if fingerprint(conn) != expected:
                return False
            conn.execute(sa.delete(fused_items))
            conn.execute(sa.delete(fused_state))
            rows = [{"kind": kind, "item_id": getattr(item, "id", getattr(item, "key", "")), "position": i,
                     "data": to_dict(item)}
                    for kind, (attr, _) in _KINDS.items() for i, item in enumerate(getattr(record, attr))]
            if rows:
                conn.execute(sa.insert(fused_items), rows)
            conn.execute(sa.insert(fused_state).values(
                computed_at=datetime.now(UTC), as_of=record.as_of, fingerprint=expected))
    return True


def read_record(engine: sa.Engine) -> FusedRecord | None:
    """The stored record, or None when there is none or it is stale (spans changed since)."""
    with engine.connect() as conn:
        state = conn.execute(sa.select(fused_state)).mappings().first()
        if state is None or state["fingerprint"] != fingerprint(conn):
            return None
        parts: dict[str, list] = {attr: [] for attr, _ in _KINDS.values()}
        rows = conn.execute(sa.select(fused_items.c.kind, fused_items.c.data)
                            .order_by(fused_items.c.kind, fused_items.c.position))
        for kind, data in rows:
            attr, cls = _KINDS[kind]
            parts[attr].append(from_dict(cls, data))
    return FusedRecord(**{k: tuple(v) for k, v in parts.items()}, as_of=state["as_of"],
                       fingerprint=state["fingerprint"])

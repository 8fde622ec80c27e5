"""For packages that declare their own tables: do the migrations create exactly what they declare?"""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext


def migration_differences(store, metadata: sa.MetaData) -> list:
    """What differs between the migrated database and `metadata`, over `metadata`'s own tables."""

    def ours(obj, name, type_, reflected, compare_to):
        table = obj if type_ == "table" else getattr(obj, "table", None)
        return table is not None and table.name in metadata.tables

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": ours, "compare_type": True})
        return compare_metadata(ctx, metadata)

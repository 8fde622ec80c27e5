"""The migrations make exactly the tables schema.py declares, and go down and up again."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from accordwatch.store import Store, migrate
from accordwatch.store.schema import UNDECLARED_COLUMNS, UNDECLARED_TABLE_PREFIXES, metadata
from tests.store.synthetic import synthetic_document


def _declared(obj, name, type_, reflected, compare_to) -> bool:
    """Leave out what only the migrations know of (full-text search), and tables that other
    packages declare in their own MetaData (e.g. accordwatch.fuse's), checked by their tests."""
    if type_ == "table" and reflected and name not in metadata.tables:
        return False
    if type_ == "table" and name and name.startswith(UNDECLARED_TABLE_PREFIXES):
        return False
    if type_ == "column" and (obj.table.name, name) in UNDECLARED_COLUMNS:
        return False
    return not (type_ == "index" and name == "ix_documents_search_vector")


def test_migrations_create_what_schema_declares(store):
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": _declared, "compare_type": True})
        assert compare_metadata(ctx, metadata) == []


def test_head_is_the_newest_revision(store):
    assert store.stats()["schema_revision"] == migrate.head_revision()
    # Opening a store skips Alembic when the stored revision is the head read from the files.
    assert migrate.quick_head() == migrate.head_revision()


def test_downgrade_to_base_and_up_again(store_url):
    with Store.open(store_url) as store:
        store.add_document(*synthetic_document(1))
        migrate.downgrade(store.engine, "base")
        tables = set(sa.inspect(store.engine).get_table_names())
        assert not tables & set(metadata.tables)
        assert not any(t.startswith("documents_fts") for t in tables)
        migrate.upgrade(store.engine)
    with Store.open(store_url) as store:
        assert store.known_ids() == set()
        doc, spans = synthetic_document(2)
        assert store.add_document(doc, spans)
        assert store.search("report")[0].id == doc.id


def test_open_upgrades_a_store_one_revision_behind(store_url):
    with Store.open(store_url) as store:
        doc, spans = synthetic_document(3)
        store.add_document(doc, spans)
        migrate.downgrade(store.engine, "-1")
        with store.engine.connect() as conn:
            behind = migrate.current_revision(conn)
    assert behind != migrate.head_revision()
    with Store.open(store_url) as store:
        assert store.stats()["schema_revision"] == migrate.head_revision()
        if behind is not None:  # the documents survive a migration that does not touch them
            assert store.get_document(doc.id) == doc

"""The migrations make exactly the tables schema.py declares, and go down and up again."""

from __future__ import annotations

from pathlib import Path

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


def _sqlite_schema(conn: sa.Connection) -> list[tuple]:
    master = conn.exec_driver_sql("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").all()
    fts_config = conn.exec_driver_sql("SELECT * FROM documents_fts_config ORDER BY k").all()
    return [tuple(r) for r in master] + [("fts config", *r) for r in fts_config] + [
        ("revision", migrate.current_revision(conn))]


def test_the_sqlite_snapshot_is_that_of_the_head(tmp_path):
    """migrations/sqlite_schema.sql is what `python -m accordwatch.store.migrate snapshot` writes now:
    after a new revision, run that command (a stale snapshot is not used, only slower to open)."""
    fresh = migrate.write_snapshot(tmp_path / "schema.sql")
    assert migrate.SQLITE_SNAPSHOT.read_text(encoding="utf-8") == Path(fresh).read_text(encoding="utf-8")
    snapshot = migrate.sqlite_snapshot()
    assert snapshot is not None and snapshot[0] == migrate.quick_head()


def test_a_new_sqlite_store_is_made_as_the_migrations_make_it(tmp_path):
    from alembic import command

    with Store.open(str(tmp_path / "snapshot.db")) as store, store.engine.connect() as conn:
        made = _sqlite_schema(conn)
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'alembic.db'}")
    with engine.connect() as conn:
        with conn.begin():
            command.upgrade(migrate.alembic_config(conn), "head")
        migrated = _sqlite_schema(conn)
    engine.dispose()
    assert made == migrated
    assert {name for type_, name, *_ in made if type_ == "trigger"} == {
        "documents_fts_insert", "documents_fts_delete", "documents_fts_update"}


def test_a_snapshot_of_another_revision_is_not_used(tmp_path, monkeypatch):
    snapshot = migrate.sqlite_snapshot()
    assert snapshot is not None
    monkeypatch.setattr(migrate, "sqlite_snapshot", lambda: ("0001", snapshot[1][:1]))
    with Store.open(str(tmp_path / "stale.db")) as store:
        assert store.stats()["schema_revision"] == migrate.head_revision()
        doc, spans = synthetic_document(4)
        assert store.add_document(doc, spans)
        assert store.search("report")[0].id == doc.id

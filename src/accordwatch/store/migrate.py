"""Alembic, run from code: bring a database to the newest schema, or start a new revision.

    python -m accordwatch.store.migrate revision "add foo table"   # new file in migrations/versions/
    python -m accordwatch.store.migrate heads
    python -m accordwatch.store.migrate snapshot    # rewrite migrations/sqlite_schema.sql after a new revision

Alembic is imported only when a migration has to run: opening an up-to-date store (every
CLI command does) compares the stored revision with the head read from the revision files,
which saves the better part of a second of start-up. A new SQLite database does without it
too: it is given the statements the migrations ran, as recorded in migrations/sqlite_schema.sql
for the head revision (importing Alembic took longer than the first 30 documents of an ingest).
A snapshot of another revision than the head is not used; tests/store/test_migrations.py checks
that the snapshot is that of the head and makes what the migrations make.
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from accordwatch.store.engine import WRITE

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_SNAPSHOT = MIGRATIONS / "sqlite_schema.sql"  # under migrations/: packaged with them
_SNAPSHOT_REVISION = re.compile(r"^-- revision: (\S+)$", re.MULTILINE)
_STATEMENT_END = "\n;\n"
VERSION_TABLE = "alembic_version"
# Any fixed number: PostgreSQL sessions opening the same database migrate one at a time.
_PG_MIGRATION_LOCK = 7_274_211
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(.+)$", re.MULTILINE)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


def alembic_config(connection: sa.Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    """The newest revision, as Alembic sees it."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@functools.cache
def quick_head() -> str | None:
    """The single head of the revision files, read without Alembic; None when it is not plain."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None or down is None:
            return None
        revisions.add(rev.group(1))
        parents.update(_QUOTED.findall(down.group(1)))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(connection: sa.Connection) -> str | None:
    if not sa.inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return rows[0] if len(rows) == 1 else None


def upgrade(engine: sa.Engine, target: str = "head") -> None:
    """Run the migrations up to `target` in one transaction (DDL is transactional on both databases).

    The transaction takes the write lock first (BEGIN IMMEDIATE on SQLite, an advisory lock
    on PostgreSQL), so two processes opening a new database do not both create it.
    """
    with engine.connect() as conn:
        conn.execution_options(**WRITE)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
            if target == "head" and current_revision(conn) == quick_head() is not None:
                return
            if target == "head" and _create_from_snapshot(conn):
                return
            from alembic import command

            command.upgrade(alembic_config(conn), target)


def _create_from_snapshot(conn: sa.Connection) -> bool:
    """Make the head schema in a new (empty) SQLite database from the snapshot, if it is the head's."""
    if conn.dialect.name != "sqlite" or conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar():
        return False
    snapshot = sqlite_snapshot()
    if snapshot is None or snapshot[0] != quick_head():
        return False
    for statement in snapshot[1]:
        conn.exec_driver_sql(statement)
    return True


@functools.cache
def sqlite_snapshot() -> tuple[str, tuple[str, ...]] | None:
    """(revision, statements) recorded in sqlite_schema.sql; None without a readable one."""
    try:
        text = SQLITE_SNAPSHOT.read_text(encoding="utf-8")
    except OSError:
        return None
    revision = _SNAPSHOT_REVISION.search(text)
    if revision is None:
        return None
    body = text[revision.end():]
    return revision.group(1), tuple(s.strip() for s in body.split(_STATEMENT_END) if s.strip())


def schema_statements(conn: sa.Connection) -> list[str]:
    """The statements that make this SQLite database's schema, and its Alembic revision, again.

    In the order the objects were made; without what SQLite makes by itself (its own tables,
    the indexes of constraints, the tables behind a full-text index).
    """
    rows = conn.exec_driver_sql("SELECT type, name, sql FROM sqlite_master ORDER BY rowid").all()
    shadow = tuple(f"{name}_" for type_, name, sql in rows if type_ == "table" and sql.startswith("CREATE VIRTUAL"))
    statements = [sql for type_, name, sql in rows if sql and not name.startswith("sqlite_")
                  and not (type_ == "table" and name.startswith(shadow))]
    revision = current_revision(conn)
    if revision is not None:
        statements.append(f"INSERT INTO {VERSION_TABLE} (version_num) VALUES ('{revision}')")
    return statements


def write_snapshot(path: Path = SQLITE_SNAPSHOT) -> str:
    """Run the migrations on a new in-memory SQLite database and record how its schema is made."""
    from alembic import command

    from accordwatch.store.engine import create_engine, resolve_url

    engine = create_engine(resolve_url(":memory:"))
    try:
        with engine.connect() as conn, conn.begin():
            command.upgrade(alembic_config(conn), "head")
            revision = current_revision(conn)
            statements = schema_statements(conn)
    finally:
        engine.dispose()
    header = ("-- The schema of a new SQLite store, as the migrations make it (accordwatch.store.migrate).\n"
              "-- Generated: python -m accordwatch.store.migrate snapshot\n"
              f"-- revision: {revision}\n")
    path.write_text(header + "".join(f"{s}{_STATEMENT_END}" for s in statements), encoding="utf-8")
    return str(path)


def downgrade(engine: sa.Engine, target: str) -> None:
    from alembic import command

    with engine.connect() as conn:
        conn.execution_options(**WRITE)
        with conn.begin():
            command.downgrade(alembic_config(conn), target)


def new_revision(message: str) -> str:
    """Write an empty revision numbered after the current head; returns its path."""
    from alembic import command

    head = head_revision()
    rev_id = f"{int(head or '0') + 1:04d}"
    script = command.revision(alembic_config(), message=message, rev_id=rev_id)
    return script.path if script and not isinstance(script, list) else ""


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "revision":
        print(new_revision(argv[1]))
        return 0
    if argv == ["heads"]:
        print(head_revision())
        return 0
    if argv == ["snapshot"]:
        print(write_snapshot())
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

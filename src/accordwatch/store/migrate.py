"""Alembic, run from code: bring a database to the newest schema, or start a new revision.

    python -m accordwatch.store.migrate revision "add foo table"   # new file in migrations/versions/
    python -m accordwatch.store.migrate heads
"""

from __future__ import annotations

import sys
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from accordwatch.store.engine import WRITE

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: sa.Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: sa.Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


# Any fixed number: PostgreSQL sessions opening the same database migrate one at a time.
_PG_MIGRATION_LOCK = 7_274_211


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
            if target == "head" and current_revision(conn) == head_revision():
                return
            command.upgrade(alembic_config(conn), target)


def downgrade(engine: sa.Engine, target: str) -> None:
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), target)


def new_revision(message: str) -> str:
    """Write an empty revision numbered after the current head; returns its path."""
    head = head_revision()
    rev_id = f"{int(head or '0') + 1:04d}"
    script = command.revision(alembic_config(), message=message, rev_id=rev_id)
    return script.path if script else ""  # type: ignore[union-attr]


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "revision":
        print(new_revision(argv[1]))
        return 0
    if argv == ["heads"]:
        print(head_revision())
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Alembic, run from code: bring a database to the newest schema, or start a new revision.

    python -m accordwatch.store.migrate revision "add foo table"   # new file in migrations/versions/
    python -m accordwatch.store.migrate heads

Alembic is imported only when a migration has to run: opening an up-to-date store (every
CLI command does) compares the stored revision with the head read from the revision files,
which saves the better part of a second of start-up.
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
            from alembic import command

            command.upgrade(alembic_config(conn), target)


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
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

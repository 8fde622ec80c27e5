"""Find a document from what a person types: an id, an id prefix, a path, a file name or its start.

Tried in this order, the first that matches anything wins:
exact id, exact source, exact base name, base-name prefix, id prefix (at least 3 hex digits).
Base-name prefixes come before id prefixes so that "001" means the file 001-....txt even in
a store large enough for some content hash to start with 001. Versions of one source are one
match: a source key gives its latest version (an id gives exactly that version).
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from accordwatch.store.schema import documents as d

MIN_ID_PREFIX = 3
MAX_CANDIDATES = 10
_HEX = re.compile(r"[0-9a-f]+")


class AmbiguousKey(LookupError):
    """A key that matches more than one document; `candidates` are (id, source) pairs."""

    def __init__(self, key: str, candidates: list[tuple[str, str]]):
        self.key = key
        self.candidates = candidates
        shown = "\n".join(f"  {i[:12]}  {src}" for i, src in candidates[:MAX_CANDIDATES])
        more = len(candidates) - MAX_CANDIDATES
        tail = f"\n  ... and {more} more" if more > 0 else ""
        super().__init__(f"{key!r} matches {len(candidates)} documents:\n{shown}{tail}")


def _like_prefix(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _is_latest():
    newer = sa.alias(d, "newer")
    return ~sa.exists().where(newer.c.previous_id == d.c.id)


def _criteria(key: str) -> list[sa.ColumnElement[bool]]:
    """Source criteria see latest versions only; an id prefix may name an earlier version."""
    latest = _is_latest()
    low = key.lower()
    crit = [sa.and_(d.c.source == key, latest), sa.and_(d.c.source_name == key, latest),
            sa.and_(sa.func.lower(d.c.source_name).like(_like_prefix(low), escape="\\"), latest)]
    if len(low) >= MIN_ID_PREFIX and _HEX.fullmatch(low):
        crit.append(d.c.id.like(low + "%"))
    return crit


def resolve_key(conn: sa.Connection, key: str) -> str | None:
    """The id of the document `key` names, None if none; raises AmbiguousKey."""
    key = key.strip()
    if not key:
        return None
    exact = conn.execute(sa.select(d.c.id).where(d.c.id == key.lower())).scalar()
    if exact is not None:
        return exact
    for criterion in _criteria(key):
        rows = conn.execute(
            sa.select(d.c.id, d.c.source).where(criterion).order_by(d.c.source, d.c.pk)
            .limit(MAX_CANDIDATES * 10)
        ).all()
        if len(rows) == 1:
            return rows[0].id
        if rows:
            raise AmbiguousKey(key, [(r.id, r.source) for r in rows])
    return None

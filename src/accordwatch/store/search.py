"""Full-text search over clean text: FTS5 (bm25) on SQLite, tsvector (ts_rank_cd) on PostgreSQL.

Both accept the same small query language, that of PostgreSQL's websearch_to_tsquery:
words (all must match), "quoted phrases", `or` between alternatives, `-word` to exclude.
On SQLite the user's words are always quoted before they reach MATCH, so FTS5 syntax in
them ("NEAR(", "col:", a stray quote or asterisk) is searched for as text, never parsed.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import sqlalchemy as sa

MARK_OPEN = "\x02"  # around matched words in SearchHit.snippet; see SearchHit.marked()
MARK_CLOSE = "\x03"
ELLIPSIS = " … "


class SearchHit(NamedTuple):
    id: str
    source: str
    title: str | None
    published: str | None
    snippet: str  # matched words between MARK_OPEN and MARK_CLOSE
    score: float  # higher is better

    def marked(self, open_: str = "[", close: str = "]") -> str:
        return self.snippet.replace(MARK_OPEN, open_).replace(MARK_CLOSE, close)

    @property
    def plain(self) -> str:
        return self.marked("", "")


_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORDISH = re.compile(r"\w")


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts5_query(user_query: str) -> str | None:
    """The user's query as an FTS5 expression of quoted strings, or None if it has no words."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    join_next = False
    for m in _TERM.finditer(user_query):
        negated, phrase, word = m.group(1), m.group(2), m.group(3)
        if word is not None and word.lower() == "or":
            join_next = bool(groups)
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            negated, word = "-", word[1:]
        term = phrase if phrase is not None else word
        if not _WORDISH.search(term):
            continue
        if negated:
            excluded.append(_quote(term))
        elif join_next:
            groups[-1].append(_quote(term))
        else:
            groups.append([_quote(term)])
        join_next = False
    if not groups:
        return None
    expr = " AND ".join("(" + " OR ".join(g) + ")" for g in groups)
    return expr + "".join(f" NOT {t}" for t in excluded)


_LATEST = "NOT EXISTS (SELECT 1 FROM documents n WHERE n.previous_id = d.id)"

_SQLITE = """
SELECT d.id, d.source, d.title, d.published,
       snippet(documents_fts, 1, :mark_open, :mark_close, :ellipsis, 24) AS snippet,
       -bm25(documents_fts, 4.0, 1.0) AS score
FROM documents_fts JOIN documents d ON d.pk = documents_fts.rowid
WHERE documents_fts MATCH :match {latest}
ORDER BY score DESC, d.pk
LIMIT :limit OFFSET :offset
"""

# Rank first and page, then make headlines only for the page: ts_headline reads whole texts.
_POSTGRESQL = """
WITH q AS (SELECT websearch_to_tsquery('english', :query) AS query),
page AS (
    SELECT d.pk, ts_rank_cd(d.search_vector, q.query) AS score
    FROM documents d, q
    WHERE d.search_vector @@ q.query {latest}
    ORDER BY score DESC, d.pk
    LIMIT :limit OFFSET :offset
)
SELECT d.id, d.source, d.title, d.published,
       ts_headline('english', d.text, q.query, :headline_options) AS snippet, page.score
FROM page JOIN documents d ON d.pk = page.pk, q
ORDER BY page.score DESC, d.pk
"""

_HEADLINE_OPTIONS = (f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords=35, MinWords=15, "
                     f'MaxFragments=2, FragmentDelimiter="{ELLIPSIS}"')


def search(conn: sa.Connection, query: str, *, limit: int, offset: int, latest_only: bool) -> list[SearchHit]:
    latest = f"AND {_LATEST}" if latest_only else ""
    page = {"limit": max(0, int(limit)), "offset": max(0, int(offset))}
    if conn.dialect.name == "postgresql":
        sql = sa.text(_POSTGRESQL.format(latest=latest))
        params = {"query": query, "headline_options": _HEADLINE_OPTIONS, **page}
    else:
        match = fts5_query(query)
        if match is None:
            return []
        sql = sa.text(_SQLITE.format(latest=latest))
        params = {"match": match, "mark_open": MARK_OPEN, "mark_close": MARK_CLOSE,
                  "ellipsis": ELLIPSIS, **page}
    return [SearchHit(*row) for row in conn.execute(sql, params)]

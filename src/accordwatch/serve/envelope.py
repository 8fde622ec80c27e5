"""The JSON API's one envelope, and links from every cited span to the API and to its page.

Every response is `{"data": ..., "meta": {"total", "limit", "offset", "next"}, "links": {...}}`;
a list is paged by `limit` and `offset`, and `meta.next` is the URL of the next page or null.
Any object in `data` that cites a span (it has `doc_id`, `start` and `end`) gets
`links.span` (the API) and `links.page` (the document page, scrolled to the span).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from pydantic import BaseModel, ConfigDict, Field

from accordwatch.serve.highlight import span_anchor


class Meta(BaseModel):
    model_config = ConfigDict(extra="allow")  # e.g. the facets of a search

    total: int = Field(description="Items in the whole list (1 for a single item)")
    limit: int
    offset: int
    next: str | None = Field(default=None, description="URL of the next page, or null")


class Envelope(BaseModel):
    data: Any
    meta: Meta
    links: dict[str, str] = Field(default_factory=dict)


class ErrorBody(BaseModel):
    status: int
    detail: str


class ErrorEnvelope(BaseModel):
    error: ErrorBody


def span_links(doc_id: str, start: int, end: int) -> dict[str, str]:
    doc = quote(doc_id, safe="")
    return {"span": f"/api/documents/{doc}/spans/{start}-{end}",
            "page": f"/documents/{doc}#{span_anchor(start, end)}",
            "document": f"/api/documents/{doc}"}


def with_links(value: Any) -> Any:
    """A copy of JSON-ready data where every span citation carries its links."""
    if isinstance(value, list | tuple):
        return [with_links(v) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: with_links(v) for k, v in value.items()}
    if isinstance(value.get("doc_id"), str) and isinstance(value.get("start"), int) \
            and isinstance(value.get("end"), int):
        out["links"] = {**out.get("links", {}), **span_links(value["doc_id"], value["start"], value["end"])}
    return out


def page_url(path: str, params: dict[str, Any], offset: int) -> str:
    query = {k: v for k, v in params.items() if v not in (None, "", False, (), [])}
    query["offset"] = offset
    return f"{path}?{urlencode(query, doseq=True)}"


def listing(items: list, *, total: int, limit: int, offset: int, path: str, params: dict[str, Any],
            links: dict[str, str] | None = None) -> dict[str, Any]:
    """The envelope of one page of a list; `items` is that page already."""
    nxt = page_url(path, {**params, "limit": limit}, offset + limit) if offset + limit < total else None
    self_link = page_url(path, {**params, "limit": limit}, offset)
    return {"data": with_links(items), "meta": {"total": total, "limit": limit, "offset": offset, "next": nxt},
            "links": {"self": self_link, **(links or {})}}


def single(item: Any, *, path: str, links: dict[str, str] | None = None) -> dict[str, Any]:
    return {"data": with_links(item), "meta": {"total": 1, "limit": 1, "offset": 0, "next": None},
            "links": {"self": path, **(links or {})}}

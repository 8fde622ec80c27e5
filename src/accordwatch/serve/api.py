"""The JSON API under /api: documents and their spans, events, agreements, conflicts, search, upload.

Every route answers in the envelope of serve.envelope; lists are paged with `limit` and
`offset`. Routes are plain functions (FastAPI runs them in its thread pool).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request

from accordwatch.fuse.records import to_dict
from accordwatch.serve import data
from accordwatch.serve.envelope import Envelope, ErrorEnvelope, listing, single, span_links
from accordwatch.serve.highlight import KINDS
from accordwatch.serve.upload import MAX_UPLOAD_BYTES
from accordwatch.store import AmbiguousKey

router = APIRouter(prefix="/api", tags=["api"],
                   responses={404: {"model": ErrorEnvelope}, 409: {"model": ErrorEnvelope}})

Limit = Annotated[int, Query(ge=1, le=500, description="Items a page")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Items skipped")]
Text = Annotated[str, Query(max_length=500)]
SpanKind = Literal["event", "agreement", "provision", "actor", "timex", "figure"]


def store_of(request: Request):
    return request.app.state.store


def load_document(store, doc_id: str):
    """The document named by an id (or id prefix, or file name), or a 404 / 409."""
    try:
        doc = store.get_document(doc_id)
    except AmbiguousKey as exc:
        raise HTTPException(409, str(exc)) from exc
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return doc


def document_summary(row) -> dict[str, Any]:
    item = row._asdict()
    item["links"] = {"self": f"/api/documents/{row.id}", "spans": f"/api/documents/{row.id}/spans",
                     "page": f"/documents/{row.id}"}
    return item


def span_item(s) -> dict[str, Any]:
    return {"doc_id": s.doc_id, "kind": s.kind, "start": s.start, "end": s.end, "text": s.text,
            "label": s.label, "rule_id": s.rule_id, "confidence": s.confidence, "attrs": s.attrs()}


@router.get("", response_model=Envelope, summary="Index of the API")
def index() -> dict:
    links = {name: f"/api/{name}" for name in ("stats", "documents", "events", "agreements", "conflicts",
                                                 "search")}
    return single({"name": "accordwatch", "openapi": "/api/openapi.json"}, path="/api", links=links)


@router.get("/stats", response_model=Envelope, summary="Corpus figures")
def stats(request: Request) -> dict:
    return single(store_of(request).stats(), path="/api/stats")


@router.get("/documents", response_model=Envelope, summary="Stored documents (latest versions)")
def documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict:
    rows = store_of(request).documents()
    page = [document_summary(r) for r in rows[offset:offset + limit]]
    return listing(page, total=len(rows), limit=limit, offset=offset, path="/api/documents", params={})


@router.get("/documents/{doc_id}", response_model=Envelope, summary="A document: clean text and metadata")
def document(request: Request, doc_id: str) -> dict:
    doc = load_document(store_of(request), doc_id)
    item = {"id": doc.id, "source": doc.source, "media_type": doc.media_type, "text": doc.text,
            "meta": {k: m.to_dict() for k, m in doc.meta.items()},
            "removed": [asdict(r) for r in doc.removed]}
    return single(item, path=f"/api/documents/{doc.id}",
                  links={"spans": f"/api/documents/{doc.id}/spans", "page": f"/documents/{doc.id}"})


@router.get("/documents/{doc_id}/spans", response_model=Envelope, summary="A document's spans")
def document_spans(request: Request, doc_id: str, kind: SpanKind | None = None,
                   limit: Limit = 100, offset: Offset = 0) -> dict:
    store = store_of(request)
    doc = load_document(store, doc_id)
    found = store.spans(doc.id, kind if kind in KINDS else None)
    page = [span_item(s) for s in found[offset:offset + limit]]
    return listing(page, total=len(found), limit=limit, offset=offset,
                   path=f"/api/documents/{doc.id}/spans", params={"kind": kind})


@router.get("/documents/{doc_id}/spans/{start}-{end}", response_model=Envelope,
            summary="The text between two offsets of a document and the spans exactly there")
def span(request: Request, doc_id: str, start: int, end: int) -> dict:
    store = store_of(request)
    doc = load_document(store, doc_id)
    if not 0 <= start <= end <= len(doc.text):
        raise HTTPException(404, f"{start}-{end} is outside the document ({len(doc.text)} characters)")
    found = [span_item(s) for s in store.spans(doc.id) if s.start == start and s.end == end]
    item = {"doc_id": doc.id, "start": start, "end": end, "text": doc.text[start:end], "spans": found}
    return single(item, path=span_links(doc.id, start, end)["span"])


@router.get("/events", response_model=Envelope, summary="Fused events in date order (the timeline)")
def events(request: Request, date_from: Annotated[str, Query(alias="from", max_length=30)] = "",
           date_to: Annotated[str, Query(alias="to", max_length=30)] = "", actor: Text = "",
           type: Annotated[list[str], Query(max_length=50)] = [],  # noqa: B006 (FastAPI copies it)
           source: Text = "", all: bool = False, limit: Limit = 100, offset: Offset = 0) -> dict:
    f = data.EventFilter(date_from, date_to, actor, tuple(t for t in type if t), source, all)
    found = _filtered_events(request, f)
    page = [_event_item(e) for e in found[offset:offset + limit]]
    params = {"from": date_from, "to": date_to, "actor": actor, "type": type, "source": source, "all": all}
    return listing(page, total=len(found), limit=limit, offset=offset, path="/api/events", params=params)


def _filtered_events(request: Request, f: data.EventFilter) -> list:
    try:
        return data.events(store_of(request), f)
    except ValueError as exc:  # a date the filter cannot read
        raise HTTPException(422, f"cannot filter by that date: {exc}") from exc


def _event_item(e) -> dict[str, Any]:
    item = to_dict(e)
    item["links"] = {"self": f"/api/events/{e.id}", "page": f"/events/{e.id}"}
    return item


@router.get("/events/{event_id}", response_model=Envelope, summary="One fused event with its mentions")
def event(request: Request, event_id: str) -> dict:
    store = store_of(request)
    e = data.find_event(store, event_id)
    if e is None:
        raise HTTPException(404, f"no event {event_id!r}")
    item = {**_event_item(e), "claims": [to_dict(c) for c in data.claims_about_event(store, e)]}
    return single(item, path=f"/api/events/{e.id}", links={"page": f"/events/{e.id}"})


def _agreement_item(a) -> dict[str, Any]:
    item = to_dict(a)
    item["links"] = {"self": f"/api/agreements/{a.key}", "page": f"/agreements/{a.key}"}
    return item


@router.get("/agreements", response_model=Envelope, summary="Agreements with provision statuses and deadlines")
def agreements(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict:
    found = data.record(store_of(request)).agreements
    page = [_agreement_item(a) for a in found[offset:offset + limit]]
    return listing(page, total=len(found), limit=limit, offset=offset, path="/api/agreements", params={})


@router.get("/agreements/{key}", response_model=Envelope, summary="One agreement")
def agreement(request: Request, key: str) -> dict:
    a = data.find_agreement(store_of(request), key)
    if a is None:
        raise HTTPException(404, f"no agreement {key!r}")
    return single(_agreement_item(a), path=f"/api/agreements/{a.key}")


@router.get("/conflicts", response_model=Envelope,
            summary="Claims where sources differ, one is more precise, or a statement was superseded")
def conflicts(request: Request, all: bool = False, limit: Limit = 50, offset: Offset = 0) -> dict:
    verdicts = (*data.CONFLICT_VERDICTS, "agree") if all else data.CONFLICT_VERDICTS
    found = data.conflicts(store_of(request), verdicts)
    page = [to_dict(c) for c in found[offset:offset + limit]]
    return listing(page, total=len(found), limit=limit, offset=offset, path="/api/conflicts",
                   params={"all": all})


@router.get("/search", response_model=Envelope, summary="Full-text search with facets")
def search(request: Request, q: Text = "", actor: Text = "", type: Text = "", publisher: Text = "",
           year: Annotated[str, Query(max_length=4)] = "", limit: Limit = 20, offset: Offset = 0) -> dict:
    chosen = {"actor": actor, "type": type, "publisher": publisher, "year": year}
    result = data.search(store_of(request), q, chosen, limit, offset)
    page = [{**h._asdict(), "snippet": h.plain, "links": {"self": f"/api/documents/{h.id}",
                                                          "page": f"/documents/{h.id}"}}
            for h in result.hits]
    body = listing(page, total=result.total, limit=limit, offset=offset, path="/api/search",
                   params={"q": q, **chosen})
    body["meta"]["facets"] = {k: [{"value": v, "count": n} for v, n in vs] for k, vs in result.facets.items()}
    return body


UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object",
    "properties": {"file": {"type": "string", "format": "binary"}, "text": {"type": "string"},
                   "title": {"type": "string"}, "publisher": {"type": "string"},
                   "published": {"type": "string"}},
}}}}}


@router.post("/documents", response_model=Envelope, status_code=201, openapi_extra=UPLOAD_BODY,
             responses={400: {"model": ErrorEnvelope}, 413: {"model": ErrorEnvelope}},
             summary=f"Ingest an uploaded file or pasted text (at most {MAX_UPLOAD_BYTES} bytes)")
async def upload(request: Request) -> dict:
    from accordwatch.serve.forms import read_upload, run_upload

    form = await read_upload(request)
    result = await run_upload(request, form)
    items = [{"id": i, "links": {"self": f"/api/documents/{i}", "page": f"/documents/{i}"}} for i in result.ids]
    return {"data": {"documents": items, "added": result.added, "already_stored": result.already_stored,
                     "errors": result.errors},
            "meta": {"total": len(items), "limit": len(items), "offset": 0, "next": None}, "links": {}}

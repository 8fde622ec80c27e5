"""Server-rendered pages (Jinja2, autoescaped): overview, timeline, event, agreements, conflicts,
documents, search and upload. Document text reaches a template only as text (escaped there)
or as Markup built from escaped pieces by serve.highlight.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from accordwatch.fuse.render import clip, short_source
from accordwatch.serve import data
from accordwatch.serve.api import load_document
from accordwatch.serve.forms import read_upload, run_upload
from accordwatch.serve.highlight import (
    KIND_NAMES,
    KINDS,
    highlight_document,
    marked_snippet,
    sentence_in_context,
    span_anchor,
)
from accordwatch.serve.upload import MAX_UPLOAD_BYTES

router = APIRouter(include_in_schema=False)
TEMPLATES = Path(__file__).parent / "templates"
STATUS_CLASS = {"0": "st-0", "1": "st-1", "2": "st-2", "3": "st-3", "terminated": "st-terminated",
                "superseded": "st-superseded"}


def span_href(ref) -> str:
    return f"/documents/{quote(ref.doc_id, safe='')}#{span_anchor(ref.start, ref.end)}"


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(span_href=span_href, short_source=short_source, clip=clip, kind_names=KIND_NAMES,
                       sentence_in_context=sentence_in_context, status_class=STATUS_CLASS,
                       max_upload=MAX_UPLOAD_BYTES)
    env.filters["q"] = lambda s: quote(str(s), safe=":")
    return Jinja2Templates(env=env)


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    return templates().TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, detail: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, detail=detail)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    return render(request, "overview.html", o=data.overview(request.app.state.store))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, date_from: str = Query("", alias="from", max_length=30),
             date_to: str = Query("", alias="to", max_length=30), actor: str = Query("", max_length=200),
             type: list[str] = Query([]), source: str = Query("", max_length=500),  # noqa: B008
             all: bool = False) -> HTMLResponse:
    store = request.app.state.store
    f = data.EventFilter(date_from, date_to, actor, tuple(t for t in type if t), source, all)
    try:
        found = data.events(store, f)
    except ValueError as exc:
        raise HTTPException(422, f"cannot filter by that date: {exc}") from exc
    return render(request, "timeline.html", events=found, f=f, choices=data.event_choices(store),
                  api_query=request.url.query)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str) -> HTMLResponse:
    store = request.app.state.store
    e = data.find_event(store, event_id)
    if e is None:
        raise HTTPException(404, f"no event {event_id!r}")
    from accordwatch.review.framing import frames_of

    return render(request, "event.html", e=e, claims=data.claims_about_event(store, e), frames=frames_of(e))


@router.get("/agreements", response_class=HTMLResponse)
def agreements(request: Request) -> HTMLResponse:
    rec = data.record(request.app.state.store)
    labels = list(dict.fromkeys(p.label for a in rec.agreements for p in a.provisions))
    return render(request, "agreements.html", agreements=rec.agreements, labels=labels, as_of=rec.as_of)


@router.get("/agreements/{key}", response_class=HTMLResponse)
def agreement(request: Request, key: str) -> HTMLResponse:
    a = data.find_agreement(request.app.state.store, key)
    if a is None:
        raise HTTPException(404, f"no agreement {key!r}")
    return render(request, "agreement.html", a=a)


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts(request: Request, all: bool = False) -> HTMLResponse:
    verdicts = (*data.CONFLICT_VERDICTS, "agree") if all else data.CONFLICT_VERDICTS
    return render(request, "conflicts.html", claims=data.conflicts(request.app.state.store, verdicts),
                  show_all=all)


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request) -> HTMLResponse:
    return render(request, "documents.html", rows=request.app.state.store.documents())


def _details(span) -> str:
    """A span's own fields, the empty ones left out: `value=2020-11-09 · granularity=day`."""
    parts = []
    for key, value in span.attrs().items():
        if value in ("", None, (), []):
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, tuple | list) else str(value)
        parts.append(f"{key}={shown}")
    return " · ".join(parts)


def _parse_hit(hl: str) -> tuple[int, int] | None:
    a, sep, b = hl.partition("-")
    return (int(a), int(b)) if sep and a.isdigit() and b.isdigit() and int(a) <= int(b) else None


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, removed: bool = False, hl: str = Query("", max_length=40),
             kind: list[str] = Query([])) -> HTMLResponse:  # noqa: B008
    store = request.app.state.store
    doc = load_document(store, doc_id)
    spans = store.spans(doc.id)
    kinds = [k for k in kind if k in KINDS] or list(KINDS)
    body = highlight_document(doc, spans, hit=_parse_hit(hl), kinds=kinds)
    counts = {k: sum(1 for s in spans if s.kind == k) for k in KINDS}
    findings = {k: [(s, _details(s)) for s in spans if s.kind == k] for k in KINDS}
    return render(request, "document.html", doc=doc, body=body, counts=counts, kinds=kinds, findings=findings,
                  show_removed=removed, uploaded=request.query_params.get("uploaded", ""))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = Query("", max_length=500), actor: str = Query("", max_length=200),
           type: str = Query("", max_length=50), publisher: str = Query("", max_length=200),
           year: str = Query("", max_length=4), offset: int = Query(0, ge=0, le=10**9)) -> HTMLResponse:
    chosen = {"actor": actor, "type": type, "publisher": publisher, "year": year}
    result = data.search(request.app.state.store, q, chosen, 20, offset)
    snippets = {h.id: marked_snippet(h.snippet, *data.SNIPPET_MARKS) for h in result.hits}

    def link(**change) -> str:
        params = {"q": q, **chosen, **change}
        return "/search?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})

    return render(request, "search.html", q=q, chosen=chosen, result=result, snippets=snippets, link=link,
                  offset=offset)


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request) -> HTMLResponse:
    return render(request, "upload.html")


@router.post("/upload")
async def upload(request: Request) -> Response:
    form = await read_upload(request)
    result = await run_upload(request, form)
    if len(result.ids) == 1 and not result.errors:
        outcome = "new" if result.added else "stored"
        return RedirectResponse(f"/documents/{result.ids[0]}?uploaded={outcome}", status_code=303)
    return render(request, "upload.html", result=result)

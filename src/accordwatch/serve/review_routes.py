"""The analyst's pages and API: review items (accept, edit, reject), the audit log, document
roles and tiers, an event's framing, what changed, and the deadline watch.

Pages are plain forms (no script: the CSP allows none inline) posting to this site only
(`check_origin`); every decision names its reviewer (a cookie set on the review page) and
is written through accordwatch.review, which refuses one without a reason where one is due.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Body, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from accordwatch.fuse.overrides import EDITABLE
from accordwatch.fuse.records import to_dict
from accordwatch.review.decisions import SPAN_KINDS, Decision, DecisionError, audit_log, record
from accordwatch.serve import data
from accordwatch.serve.envelope import listing, single
from accordwatch.serve.forms import check_origin
from accordwatch.serve.pages import render

router = APIRouter()
REVIEWER_COOKIE = "accordwatch_reviewer"
LIST_KINDS = ("event", "figure", "actor", "agreement", "provision", "timex")
PAGE = 100


def _reviewer(request: Request) -> str:
    return request.cookies.get(REVIEWER_COOKIE, "").strip()[:200]


def _back(url: str) -> str:
    """Only back to a page of ours (never an open redirect)."""
    return url if url.startswith(("/review", "/roles", "/events/")) and "//" not in url and "\\" not in url \
        else "/review"


def _record_decision(store, d: Decision) -> Decision:
    try:
        return record(store, d)
    except DecisionError as exc:
        raise HTTPException(422, str(exc)) from exc


# --- pages ---------------------------------------------------------------------------------


@router.get("/review", response_class=HTMLResponse, include_in_schema=False)
def review_page(request: Request, kind: str = Query("event", max_length=20), doc: str = Query("", max_length=200),
                undecided: bool = False, offset: int = Query(0, ge=0, le=10**9)) -> HTMLResponse:
    from accordwatch.review.items import review_items

    if kind not in LIST_KINDS:
        raise HTTPException(422, f"kind must be one of {', '.join(LIST_KINDS)}")
    items = review_items(request.app.state.store, [kind], doc, undecided)
    query = urlencode({k: v for k, v in {"kind": kind, "doc": doc, "undecided": "true" if undecided else ""}.items() if v})
    return render(request, "review/items.html", items=items[offset:offset + PAGE], total=len(items), kind=kind,
                  kinds=LIST_KINDS, editable=EDITABLE[kind], doc=doc, undecided=undecided, offset=offset, page=PAGE,
                  here=f"/review?{query}&offset={offset}", query=query, reviewer=_reviewer(request),
                  done=request.query_params.get("done", ""))


@router.post("/review/reviewer", include_in_schema=False)
async def set_reviewer(request: Request) -> Response:
    check_origin(request)
    form = await request.form(max_fields=5)
    name = str(form.get("who") or "").strip()[:200]
    if not name:
        raise HTTPException(422, "give your name: every decision is logged under it")
    response = RedirectResponse(_back(str(form.get("back") or "/review")), status_code=303)
    response.set_cookie(REVIEWER_COOKIE, name, max_age=30 * 86400, httponly=True, samesite="strict")
    return response


def _span_item(item: str) -> tuple[str, str]:
    kind, _, target = item.partition(":")
    if kind not in SPAN_KINDS or target.count(":") != 2:
        raise HTTPException(422, f"not an item id: {item!r}")
    return kind, target


def _edit_value(field: str, new: str) -> dict[str, Any]:
    if field in ("source_actors", "target_actors", "parties"):
        return {field: [x.strip() for x in new.split(",") if x.strip()]}
    if field == "value":
        try:
            return {field: float(new)}
        except ValueError as exc:
            raise HTTPException(422, f"value must be a number, not {new!r}") from exc
    return {field: new}


def _form_decision(form, who: str) -> Decision:
    """A decision from one of the review forms: on an item (accept, edit, reject, split, merge),
    a claim (verdict) or an agreement's track (status)."""
    action = str(form.get("action") or "")
    reason = str(form.get("reason") or "")
    evidence = {"text": str(form.get("text") or "")[:500]}
    if action == "verdict":
        return Decision("claim", str(form.get("target") or ""), action, who, reason,
                        {"verdict": str(form.get("verdict") or "")})
    if action == "status":
        value = {k: str(form.get(k) or "").strip() for k in ("status", "date", "cite")}
        return Decision("track", str(form.get("target") or ""), action, who, reason, value)
    kind, target = _span_item(str(form.get("item") or ""))
    if action == "split":
        return Decision("split", target, action, who, reason, {}, evidence)
    if action == "merge":
        _, other = _span_item(str(form.get("other") or "").strip())
        return Decision("merge", "+".join(sorted((target, other))), action, who, reason, {"a": target, "b": other},
                        evidence)
    value = _edit_value(str(form.get("field") or ""), str(form.get("value") or "").strip()) if action == "edit" else {}
    return Decision(kind, target, action, who, reason, value, evidence)


def _require_reviewer(request: Request) -> str:
    """A decision is posted from this site by a named reviewer; returns the name."""
    check_origin(request)
    who = _reviewer(request)
    if not who:
        raise HTTPException(403, "say who you are first (the field at the top of the review page)")
    return who


@router.post("/review/decide", include_in_schema=False)
async def decide(request: Request) -> Response:
    who = _require_reviewer(request)
    form = await request.form(max_fields=20)
    d = _form_decision(form, who)
    saved = await run_in_threadpool(_record_decision, request.app.state.store, d)
    back = _back(str(form.get("back") or "/review"))
    sep = "&" if "?" in back else "?"
    return RedirectResponse(f"{back}{sep}done={saved.id}", status_code=303)


@router.get("/review/claims", response_class=HTMLResponse, include_in_schema=False)
def claims_page(request: Request, all: bool = False) -> HTMLResponse:
    from accordwatch.review.decisions import VERDICTS

    claims = [c for c in data.record(request.app.state.store).claims if all or c.verdict != "single"]
    return render(request, "review/claims.html", claims=claims, verdicts=VERDICTS, show_all=all,
                  reviewer=_reviewer(request), here="/review/claims" + ("?all=true" if all else ""),
                  done=request.query_params.get("done", ""))


@router.get("/review/tracks", response_class=HTMLResponse, include_in_schema=False)
def tracks_page(request: Request) -> HTMLResponse:
    from accordwatch.fuse.rules import load

    return render(request, "review/tracks.html", agreements=data.record(request.app.state.store).agreements,
                  statuses=list(load("status")["scale"]), reviewer=_reviewer(request), here="/review/tracks",
                  done=request.query_params.get("done", ""))


@router.get("/review/log", response_class=HTMLResponse, include_in_schema=False)
def log_page(request: Request) -> HTMLResponse:
    from accordwatch.review.items import orphans

    store = request.app.state.store
    return render(request, "review/log.html", log=audit_log(store.engine, 500), orphans=orphans(store))


@router.get("/roles", response_class=HTMLResponse, include_in_schema=False)
def roles_page(request: Request) -> HTMLResponse:
    from accordwatch.fuse.rules import load

    rules = load("lineage")
    rec = data.record(request.app.state.store)
    names = {d.id: d.source.rsplit("/", 1)[-1] for d in rec.documents}
    return render(request, "review/roles.html", documents=rec.documents, names=names, roles=rules["roles_allowed"],
                  tiers=rules["tiers"], reviewer=_reviewer(request))


@router.post("/roles", include_in_schema=False)
async def set_role_or_tier(request: Request) -> Response:
    who = _require_reviewer(request)
    form = await request.form(max_fields=10)
    kind = str(form.get("target_kind") or "")
    if kind not in ("document", "publisher"):
        raise HTTPException(422, "target_kind must be document or publisher")
    field = "role" if kind == "document" else "tier"
    d = Decision(kind, str(form.get("target") or ""), field, who, str(form.get("reason") or ""),
                 {field: str(form.get("value") or "")})
    await run_in_threadpool(_record_decision, request.app.state.store, d)
    return RedirectResponse("/roles", status_code=303)


@router.get("/events/{event_id}/framing", response_class=HTMLResponse, include_in_schema=False)
def framing_page(request: Request, event_id: str) -> HTMLResponse:
    from accordwatch.review.framing import frames_of

    e = data.find_event(request.app.state.store, event_id)
    if e is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return render(request, "review/framing.html", e=e, frames=frames_of(e))


@router.get("/changes", response_class=HTMLResponse, include_in_schema=False)
def changes_page(request: Request, since: str = Query("", max_length=40)) -> HTMLResponse:
    text, when = _changes_markdown(request.app.state.store, since)
    return render(request, "review/changes.html", text=text, since=since, when=when)


@router.get("/deadlines", response_class=HTMLResponse, include_in_schema=False)
def deadlines_page(request: Request, as_of: str = Query("", max_length=10)) -> HTMLResponse:
    items, as_of = _deadlines(request.app.state.store, as_of)
    return render(request, "review/deadlines.html", items=items, as_of=as_of)


# --- API -----------------------------------------------------------------------------------


@router.get("/api/review/items", tags=["review"])
def api_items(request: Request, kind: list[str] = Query([]), doc: str = Query("", max_length=200),  # noqa: B008
              undecided: bool = False, limit: int = Query(100, ge=1, le=1000),
              offset: int = Query(0, ge=0, le=10**9)) -> dict:
    """Extracted items with their source sentence, confidence and the decision in force."""
    from accordwatch.review.items import review_items

    kinds = [k for k in kind if k in LIST_KINDS] or list(LIST_KINDS)
    items = review_items(request.app.state.store, kinds, doc, undecided)
    page = [i.to_dict() for i in items[offset:offset + limit]]
    return listing(page, total=len(items), limit=limit, offset=offset, path="/api/review/items",
                   params={"kind": kinds, "doc": doc, "undecided": undecided})


@router.post("/api/review/decisions", status_code=201, tags=["review"])
async def api_decide(request: Request, body: dict = Body(...)) -> dict:  # noqa: B008
    """Record a decision: {target_kind, target, action, who, reason, value}. 422 when refused."""
    check_origin(request)
    try:
        d = Decision(str(body["target_kind"]), str(body["target"]), str(body["action"]), str(body.get("who", "")),
                     str(body.get("reason", "")), dict(body.get("value") or {}))
    except (KeyError, TypeError, ValueError) as exc:
        raise HTTPException(422, f"a decision needs target_kind, target, action and who ({exc})") from exc
    saved = await run_in_threadpool(_record_decision, request.app.state.store, d)
    return single(saved.to_dict(), path="/api/review/log")


@router.get("/api/review/log", tags=["review"])
def api_log(request: Request, limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=10**9)) -> dict:
    """The audit log, newest first: who decided what, when and why."""
    log = audit_log(request.app.state.store.engine)
    return listing([d.to_dict() for d in log[offset:offset + limit]], total=len(log), limit=limit, offset=offset,
                   path="/api/review/log", params={})


@router.get("/api/review/orphans", tags=["review"])
def api_orphans(request: Request) -> dict:
    """Decisions whose evidence vanished, with what is missing."""
    from accordwatch.review.items import orphans

    found = [{**d.to_dict(), "missing": why} for d, why in orphans(request.app.state.store)]
    return listing(found, total=len(found), limit=max(len(found), 1), offset=0, path="/api/review/orphans", params={})


@router.get("/api/events/{event_id}/framing", tags=["review"])
def api_framing(request: Request, event_id: str) -> dict:
    """How each source names the event: loaded terms, their frame, and the citing span."""
    from accordwatch.review.framing import event_namings

    e = data.find_event(request.app.state.store, event_id)
    if e is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return single([{"words": n.words, "frame": n.frame, "presents": n.presents, "ref": to_dict(n.ref)}
                   for n in event_namings(e)], path=f"/api/events/{event_id}/framing")


@router.get("/api/deadlines", tags=["review"])
def api_deadlines(request: Request, as_of: str = Query("", max_length=10)) -> dict:
    """Derived deadlines with days left (negative: overdue) and what overtook them."""
    items, as_of = _deadlines(request.app.state.store, as_of)
    rows = [{**{k: v for k, v in to_dict(w).items() if k != "refs"}, "state": w.state} for w in items]
    return listing(rows, total=len(rows), limit=max(len(rows), 1), offset=0, path="/api/deadlines",
                   params={"as_of": as_of})


@router.get("/api/changes.md", response_class=PlainTextResponse, tags=["review"])
def api_changes(request: Request, since: str = Query("", max_length=40)) -> PlainTextResponse:
    """What changed since a date (default: the last ingest), as Markdown."""
    text, _ = _changes_markdown(request.app.state.store, since)
    return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")


# --- shared --------------------------------------------------------------------------------


def _deadlines(store, as_of: str):
    from accordwatch.fuse import current_record
    from accordwatch.review.deadlines import watch

    try:
        as_of = date.fromisoformat(as_of).isoformat() if as_of else date.today().isoformat()
    except ValueError as exc:
        raise HTTPException(422, "as_of must be YYYY-MM-DD") from exc
    return watch(current_record(store, as_of=as_of), as_of), as_of


def _changes_markdown(store, since: str) -> tuple[str, datetime | None]:
    from accordwatch.review.changes import changes, last_ingest_start, to_markdown

    when: datetime | None
    if since:
        try:
            when = datetime.fromisoformat(since)
        except ValueError as exc:
            raise HTTPException(422, "since must be YYYY-MM-DD or an ISO date-time") from exc
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
    else:
        when = last_ingest_start(store.engine)
    if when is None:
        return "Nothing ingested yet.\n", None
    return to_markdown(changes(data.record(store), store.engine, when)), when

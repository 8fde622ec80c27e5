"""Server-rendered pages: security headers, escaping, the content each page promises."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.web_fixtures import IMG_PAYLOAD, SCRIPT_PAYLOAD


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    """Every element a browser would build from `html`, with its attributes."""
    parser = _Elements()
    parser.feed(html)
    return parser.found


def unsafe_elements(html: str) -> list[tuple[str, dict]]:
    """Inline scripts, event-handler attributes, inline styles, images, frames, remote resources."""
    bad = []
    for tag, attrs in elements(html):
        remote = any(str(v).startswith(("http:", "https:", "//", "javascript:")) for v in attrs.values() if v)
        if (tag == "script" and not attrs.get("src")) or tag in ("img", "iframe", "object", "embed", "style") \
                or any(k.startswith("on") or k == "style" for k in attrs) or remote:
            bad.append((tag, attrs))
    return bad


PAGES = ["/", "/timeline", "/agreements", "/conflicts", "/documents", "/search", "/search?q=ceasefire", "/upload"]


def test_every_page_and_api_sends_a_strict_csp(client):
    for path in [*PAGES, "/api/events", "/static/style.css", "/nope"]:
        resp = client.get(path)
        csp = resp.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe" not in csp, path
        assert resp.headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_script_or_style(client):
    for path in PAGES:
        assert unsafe_elements(client.get(path).text) == [], path


def _hostile_id(client) -> str:
    return client.get("/api/search", params={"q": "Geneva ceasefire"}).json()["data"][0]["id"]


def test_hostile_payloads_are_escaped_on_every_page(client):
    doc_id = _hostile_id(client)
    events = client.get("/api/events", params={"source": doc_id, "all": "true"}).json()["data"]
    assert events, "the hostile document should give at least one event"
    paths = [*PAGES, "/timeline?all=true", "/search?q=alert", f"/documents/{doc_id}?removed=true",
             *(e["links"]["page"] for e in events)]
    for path in paths:
        html = client.get(path).text
        assert unsafe_elements(html) == [], path
        assert "<script>alert" not in html and "<img src=x" not in html, path
    page = client.get(f"/documents/{doc_id}").text
    assert "&lt;script&gt;alert(&#39;xss-script&#39;)&lt;/script&gt;" in page
    assert SCRIPT_PAYLOAD not in page and IMG_PAYLOAD not in page


def test_document_page_shows_kinds_metadata_and_removed_lines(client):
    rows = client.get("/api/documents").json()["data"]
    row = max(rows, key=lambda r: r["removed"])
    html = client.get(f"/documents/{row['id']}").text
    for kind in ("k-timex", "k-actor", "k-event"):
        assert f"seg {kind}" in html or f" {kind}" in html
    for how in ("how-read", "how-inferred", "how-given"):
        if how in html:
            break
    else:
        raise AssertionError("metadata rows carry how they were obtained")
    spans = client.get(f"/api/documents/{row['id']}/spans?limit=500").json()["data"]
    for s in spans:
        assert f'href="#s-{s["start"]}-{s["end"]}"' in html  # the findings list links into the text
    assert row["removed"] > 0
    if row["removed"]:
        assert html.count('class="removed"') == row["removed"]
        assert "show-removed" not in html.split("<main>")[0]
        assert "show-removed" in client.get(f"/documents/{row['id']}?removed=true").text.split("<main>")[0]


def test_event_page_shows_every_source_sentence(client):
    event = max(client.get("/api/events?limit=500").json()["data"], key=lambda e: len(e["mentions"]))
    html = client.get(event["links"]["page"]).text
    assert html.count('class="mention"') == len(event["mentions"])
    for m in event["mentions"]:
        assert f'href="{m["ref"]["links"]["page"]}"' in html
    assert f"{event['corroboration']} independent source" in html


def test_agreement_tracker_colours_provisions_and_links_evidence(client):
    agreements = client.get("/api/agreements").json()["data"]
    html = client.get("/agreements").text
    for a in agreements:
        for p in a["provisions"]:
            assert p["status_label"] in html
    with_provisions = next(a for a in agreements if a["provisions"])
    detail = client.get(with_provisions["links"]["page"]).text
    assert re.search(r'class="status st-[0-3a-z]+"', detail)
    assert "/documents/" in detail and "#s-" in detail


def test_timeline_filters_by_actor_type_source_and_dates(client):
    events = client.get("/api/events?limit=500").json()["data"]
    actor = next(e["actors"][0] for e in events if e["actors"])
    html = client.get("/timeline", params={"actor": actor}).text
    expected = client.get("/api/events", params={"actor": actor}).json()["meta"]["total"]
    assert html.count('class="event-row') == expected
    assert client.get("/timeline", params={"from": "not a date"}).status_code in (200, 422)


def test_unknown_pages_are_404_html(client):
    resp = client.get("/documents/doesnotexist")
    assert resp.status_code == 404 and resp.headers["content-type"].startswith("text/html")
    assert client.get("/static/../serve/app.py").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404


def test_an_empty_store_serves_every_page(tmp_path):
    from fastapi.testclient import TestClient

    from accordwatch.serve.app import create_app
    from accordwatch.store import Store

    with Store.open(str(tmp_path / "empty.db")) as store:
        client = TestClient(create_app(store))
        for path in [*PAGES, "/api/events", "/api/agreements", "/api/search?q=x"]:
            resp = client.get(path)
            assert resp.status_code == 200, path
        assert "No documents yet" in client.get("/documents").text

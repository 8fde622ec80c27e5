"""The JSON API over the reference corpus: envelope, paging, links to source spans, errors, upload."""

from __future__ import annotations

import pytest

from accordwatch.serve.upload import MAX_UPLOAD_BYTES, safe_suffix


def _walk(value):
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v)


def _check_envelope(body: dict) -> None:
    assert set(body) == {"data", "meta", "links"}
    assert {"total", "limit", "offset", "next"} <= set(body["meta"])


@pytest.mark.parametrize("path", ["/api", "/api/stats", "/api/documents", "/api/events", "/api/agreements",
                                  "/api/conflicts", "/api/search?q=peacekeepers"])
def test_every_listing_answers_in_the_envelope(client, path):
    resp = client.get(path)
    assert resp.status_code == 200
    _check_envelope(resp.json())


def test_paging_walks_the_whole_list_once(client):
    total = client.get("/api/events").json()["meta"]["total"]
    assert total > 5
    seen, url = [], "/api/events?limit=4"
    while url:
        body = client.get(url).json()
        assert len(body["data"]) <= 4
        seen += [e["id"] for e in body["data"]]
        url = body["meta"]["next"]
    assert len(seen) == total == len(set(seen))


def test_every_cited_span_links_to_its_text_and_page(client):
    body = client.get("/api/events?limit=10").json()
    citations = [d for d in _walk(body["data"]) if "doc_id" in d and "start" in d]
    assert citations
    for c in citations[:15]:
        span = client.get(c["links"]["span"]).json()["data"]
        assert span["text"] == c["text"]
        assert c["links"]["page"] == f"/documents/{c['doc_id']}#s-{c['start']}-{c['end']}"
        assert any(s["kind"] == c["kind"] for s in span["spans"])


def test_event_filters_narrow_the_list(client):
    every = client.get("/api/events?limit=500").json()["data"]
    actor = next(e["actors"][0] for e in every if e["actors"])
    by_actor = client.get("/api/events", params={"actor": actor, "limit": 500}).json()["data"]
    assert by_actor and all(any(actor.lower() in a.lower() for a in e["actors"]) for e in by_actor)
    kind = every[-1]["type"]
    by_type = client.get("/api/events", params={"type": kind, "limit": 500}).json()["data"]
    assert by_type and {e["type"] for e in by_type} == {kind}
    year = every[len(every) // 2]["date_start"][:4]
    in_year = client.get("/api/events", params={"from": year, "to": year, "limit": 500}).json()["data"]
    assert in_year and all(e["date_start"] <= f"{year}-12-31" and e["date_end"] >= f"{year}-01-01"
                           for e in in_year)


def test_document_carries_metadata_with_how_it_was_obtained(client):
    row = client.get("/api/documents").json()["data"][0]
    doc = client.get(row["links"]["self"]).json()
    _check_envelope(doc)
    meta = doc["data"]["meta"]
    assert meta and all(m["how"] in ("given", "read", "inferred") and m["source"] for m in meta.values())
    spans = client.get(doc["links"]["spans"] + "?kind=timex").json()
    assert spans["data"] and {s["kind"] for s in spans["data"]} == {"timex"}
    for s in spans["data"]:
        assert doc["data"]["text"][s["start"]:s["end"]] == s["text"]


def test_errors_are_json_with_status_and_reason(client):
    for path in ("/api/documents/ffffffffffff", "/api/events/event:nothing", "/api/agreements/none",
                 "/api/documents/..%2F..%2Fetc%2Fpasswd"):
        resp = client.get(path)
        assert resp.status_code == 404, path
        assert resp.json()["error"]["status"] == 404
    doc_id = client.get("/api/documents").json()["data"][0]["id"]
    assert client.get(f"/api/documents/{doc_id}/spans/5-999999").status_code == 404
    assert client.get("/api/events?limit=0").status_code == 422


def test_search_facets_count_the_hits(client):
    body = client.get("/api/search", params={"q": "peacekeepers", "limit": 50}).json()
    facets = body["meta"]["facets"]
    assert set(facets) == {"actor", "type", "publisher", "year"}
    assert facets["actor"] and all(f["count"] <= body["meta"]["total"] for f in facets["actor"])
    actor = facets["actor"][0]
    narrowed = client.get("/api/search", params={"q": "peacekeepers", "actor": actor["value"]}).json()
    assert narrowed["meta"]["total"] == actor["count"]


def test_upload_pasted_text_is_ingested_and_searchable(client):
    text = ("Border commission meets\n\nBAKU, 2 February 2024 - The Zanthorpe border commission of Armenia "
            "and Azerbaijan met on 2 February 2024, the ministry said.\n")
    resp = client.post("/api/documents", data={"text": text, "title": "Zanthorpe meeting"})
    assert resp.status_code == 201, resp.text
    body = resp.json()["data"]
    assert body["added"] == 1 and len(body["documents"]) == 1
    doc = client.get(body["documents"][0]["links"]["self"]).json()["data"]
    assert doc["meta"]["title"] == {**doc["meta"]["title"], "value": "Zanthorpe meeting", "how": "given"}
    hits = client.get("/api/search", params={"q": "Zanthorpe"}).json()["data"]
    assert [h["id"] for h in hits] == [doc["id"]]
    again = client.post("/api/documents", data={"text": text, "title": "Zanthorpe meeting"}).json()["data"]
    assert again["added"] == 0 and again["already_stored"] == 1


def test_upload_file_name_is_never_a_path(client):
    files = {"file": ("../../../../tmp/evil.html", b"<p>Yerevan, 4 April 2024 - talks resumed.</p>", "text/html")}
    resp = client.post("/api/documents", files=files)
    assert resp.status_code == 201
    doc = client.get(resp.json()["data"]["documents"][0]["links"]["self"]).json()["data"]
    assert "evil" not in doc["source"] and doc["media_type"] == "html"
    assert safe_suffix("../x.PDF") == ".pdf" and safe_suffix("a.exe") == ".txt" and safe_suffix(None) == ".txt"


def test_upload_from_another_site_is_refused(client):
    resp = client.post("/api/documents", data={"text": "Talks resumed."}, headers={"origin": "http://evil.example"})
    assert resp.status_code == 403
    same = client.post("/upload", data={"text": "Talks on 5 May 2024 resumed in Baku."},
                       headers={"origin": "http://testserver"}, follow_redirects=False)
    assert same.status_code == 303


def test_upload_limits(client):
    assert client.post("/api/documents", data={"text": "   "}).status_code == 400
    assert client.post("/api/documents", content=b"x", headers={"content-type": "text/plain"}).status_code == 400
    big = b"a" * (MAX_UPLOAD_BYTES + 1)
    resp = client.post("/api/documents", files={"file": ("big.txt", big, "text/plain")})
    assert resp.status_code == 413
    assert resp.json()["error"]["status"] == 413


def test_a_chunked_upload_without_length_stops_at_the_limit(client):
    def chunks():
        yield (b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
               b"Content-Type: text/plain\r\n\r\n")
        for _ in range(7):
            yield b"a" * (1024 * 1024)

    resp = client.post("/api/documents", content=chunks(),
                       headers={"content-type": "multipart/form-data; boundary=xyz"})
    assert resp.status_code == 413


def test_openapi_schema_lists_the_api_only(client):
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/events", "/api/documents/{doc_id}/spans/{start}-{end}", "/api/search"} <= paths
    assert all(p.startswith("/api") for p in paths)
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN

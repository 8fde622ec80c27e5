"""The review pages and API over the reference corpus (TestClient; the browser tests are apart)."""

from __future__ import annotations

import re

import pytest

from accordwatch.fuse import current_record
from accordwatch.fuse import dates as fdates
from tests.web_fixtures import opened_copy


@pytest.fixture
def store(reference_db, tmp_path):
    with opened_copy(reference_db, tmp_path) as s:
        yield s


@pytest.fixture
def client(store):
    from fastapi.testclient import TestClient

    from accordwatch.serve.app import create_app

    with TestClient(create_app(store)) as c:
        yield c


def _first_item(client, kind="event") -> dict:
    return client.get("/api/review/items", params={"kind": kind, "limit": 1}).json()["data"][0]


def test_items_carry_sentence_confidence_and_links(client):
    body = client.get("/api/review/items", params={"kind": "figure"}).json()
    assert body["meta"]["total"] == len(body["data"]) > 0
    item = body["data"][0]
    assert item["sentence"] and 0 < item["confidence"] <= 1 and item["id"].startswith("figure:")


def test_a_decision_through_the_api_is_logged_and_applied(client, store):
    item = _first_item(client)
    refused = client.post("/api/review/decisions", json={"target_kind": "event", "target": item["target"],
                                                         "action": "reject", "who": "ana"})
    assert refused.status_code == 422 and "reason" in refused.json()["error"]["detail"]
    ok = client.post("/api/review/decisions", json={"target_kind": "event", "target": item["target"],
                                                    "action": "reject", "who": "ana", "reason": "a headline"})
    assert ok.status_code == 201
    log = client.get("/api/review/log").json()["data"]
    assert [(d["who"], d["action"], d["reason"]) for d in log] == [("ana", "reject", "a headline")]
    doc_id, start, _ = item["target"].rsplit(":", 2)
    mentions = {(m.ref.doc_id, m.ref.start) for e in current_record(store).events for m in e.mentions}
    assert (doc_id, int(start)) not in mentions


def test_decisions_from_other_sites_and_without_a_reviewer_are_refused(client):
    item = _first_item(client)
    form = {"item": item["id"], "action": "accept", "back": "/review"}
    assert client.post("/review/decide", data=form, follow_redirects=False).status_code == 403
    client.cookies.set("accordwatch_reviewer", "ana")
    evil = client.post("/review/decide", data=form, headers={"origin": "http://evil.example"},
                       follow_redirects=False)
    assert evil.status_code == 403
    ok = client.post("/review/decide", data={**form, "back": "https://evil.example/"}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"].startswith("/review?done=")


def test_the_framing_page_of_the_september_2023_offensive(client, store):
    (event,) = [e for e in current_record(store).events if e.type == "ASSAULT" and fdates.compatible(e.date, "2023-09")]
    page = client.get(f"/events/{event.id}/framing")
    assert page.status_code == 200
    assert "“anti-terrorist measures”" in page.text and "“local operation”" in page.text
    frames = re.findall(r"<th>([^<]+)<br>", page.text)
    assert len(frames) >= 3
    api = client.get(f"/api/events/{event.id}/framing").json()["data"]
    assert len({n["ref"]["doc_id"] for n in api}) >= 3


def test_the_event_page_shows_the_namings_side_by_side(client, store):
    (event,) = [e for e in current_record(store).events if e.type == "ASSAULT" and fdates.compatible(e.date, "2023-09")]
    page = client.get(f"/events/{event.id}")
    assert page.status_code == 200
    section = page.text.split("How sources name it")[1].split("Conflicts and comparisons")[0]
    namings = set(re.findall(r'class="naming-words">“([^”]+)”', section))
    assert {"anti-terrorist measures", "local operation"} <= namings


def test_deadlines_changes_roles_and_log_pages(client):
    deadlines = client.get("/deadlines", params={"as_of": "2026-06-01"})
    assert deadlines.status_code == 200 and "overtaken" in deadlines.text
    rows = client.get("/api/deadlines", params={"as_of": "2026-06-01"}).json()["data"]
    assert any(r["value"] == "2025-11" and r["overtaken_by"].startswith("2024-06-12") for r in rows)
    assert "# What changed since" in client.get("/api/changes.md").text
    roles = client.get("/roles").text
    assert "official statement" in roles and "aggregator rewrite" in roles
    assert client.get("/review/log").status_code == 200
    assert client.get("/review", params={"kind": "nonsense"}).status_code == 422


def test_claim_verdicts_statuses_splits_and_merges_through_the_forms(client, store):
    client.cookies.set("accordwatch_reviewer", "ana")
    record = current_record(store)
    claim = next(c for c in record.claims if c.verdict == "more_precise")
    assert client.get("/review/claims").status_code == 200
    r = client.post("/review/decide", data={"target": claim.id, "action": "verdict", "verdict": "agree",
                                            "reason": "the same day", "back": "/review/claims"}, follow_redirects=False)
    assert r.status_code == 303
    assert next(c for c in current_record(store).claims if c.id == claim.id).verdict == "agree"
    assert "set by ana: the same day" in client.get("/review/claims").text

    a = next(a for a in record.agreements if a.provisions)
    p = a.provisions[0]
    form = {"target": f"{a.key}:{p.label}", "action": "status", "status": "2", "reason": "partly done", "cite": ""}
    assert client.post("/review/decide", data=form).status_code == 422  # no source cited
    assert client.post("/review/decide", data={**form, "cite": "https://example.org"}).status_code == 200
    assert "2 intermediate" in client.get("/review/tracks").text

    (offensive,) = [e for e in current_record(store).events if e.type == "ASSAULT" and fdates.compatible(e.date, "2023-09")]
    one, other = (f"event:{m.ref.doc_id}:{m.ref.start}:{m.ref.end}" for m in offensive.mentions[:2])
    client.post("/review/decide", data={"item": one, "action": "split", "reason": "another happening"})
    split = [e for e in current_record(store).events if any(m.ref.start == offensive.mentions[0].ref.start
                                                            and m.ref.doc_id == offensive.mentions[0].ref.doc_id
                                                            for m in e.mentions)]
    assert len(split) == 1 and len(split[0].mentions) == 1
    client.post("/review/decide", data={"item": one, "action": "merge", "other": other, "reason": "one after all"})
    merged = [e for e in current_record(store).events if any(m.ref.doc_id == offensive.mentions[0].ref.doc_id
                                                             and m.ref.start == offensive.mentions[0].ref.start
                                                             for m in e.mentions)]
    assert len(merged[0].mentions) == len(offensive.mentions)

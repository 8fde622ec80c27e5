"""End to end in headless Chromium: timeline -> event -> highlighted source sentence; upload and find;
hostile documents shown as text and never run. Skips without /usr/bin/chromium or playwright."""

from __future__ import annotations

import re
import uuid

from accordwatch.serve.app import create_app
from tests.web_fixtures import DOCS, IMG_PAYLOAD, SCRIPT_PAYLOAD, opened_copy, serving


def test_timeline_screenshot_of_the_reference_corpus(page, reference_db, tmp_path):
    """docs/timeline.png, the README's picture: the timeline over the five reference texts."""
    with opened_copy(reference_db, tmp_path) as store, serving(create_app(store)) as url:
        page.goto(f"{url}/timeline")
        page.wait_for_selector("#chart.ready svg circle")
        DOCS.mkdir(exist_ok=True)
        page.screenshot(path=str(DOCS / "timeline.png"), full_page=False)
        page.click("#zoom-reset")
        assert page.locator("#chart svg circle").count() == page.locator("tr.event-row").count()
    assert page.watch.errors == []


def _filter_by_first_actor(page) -> str:
    actor = page.locator("#filter-actor option").nth(1).get_attribute("value")
    assert actor
    with page.expect_navigation():
        page.select_option("#filter-actor", actor)
    return actor


def test_timeline_filter_event_and_highlighted_source(page, live_server, client):
    page.goto(f"{live_server}/timeline")
    page.wait_for_selector("#chart.ready svg circle")
    actor = _filter_by_first_actor(page)
    assert f"actor={actor.replace(' ', '+')}" in page.url
    rows = page.locator("tr.event-row")
    assert rows.count() > 0
    for i in range(rows.count()):
        assert actor in rows.nth(i).locator("td").nth(3).inner_text()

    with page.expect_navigation():
        rows.first.locator("a.event-link").click()
    assert "/events/" in page.url
    mention = page.locator("a.mention-link").first
    href = mention.get_attribute("href")
    doc_id, start, end = re.fullmatch(r"/documents/([0-9a-f]+)#s-(\d+)-(\d+)", href).groups()

    with page.expect_navigation():
        mention.click()
    page.wait_for_selector("#doc-text .seg.hit")
    highlighted = "".join(page.locator("#doc-text .seg.hit").all_inner_texts())
    expected = client.get(f"/api/documents/{doc_id}/spans/{start}-{end}").json()["data"]["text"]
    assert highlighted == expected
    assert page.locator(f"#s-{start}-{end}").count() == 1
    assert page.watch.dialogs == [] and page.watch.errors == []


def test_chart_dot_opens_its_event_and_zoom_redraws(page, live_server):
    page.goto(f"{live_server}/timeline")
    page.wait_for_selector("#chart.ready svg circle")
    before = page.locator("#chart svg text.tick").all_inner_texts()
    page.click("#zoom-in")
    page.click("#zoom-in")
    assert page.locator("#chart svg text.tick").all_inner_texts() != before
    page.click("#zoom-reset")
    href = page.locator("#chart a.event-mark").first.get_attribute("href")
    page.goto(live_server + href)
    assert page.locator("h1 .etype").count() == 1
    assert page.watch.errors == []


def test_upload_text_then_find_it(page, live_server):
    word = "Quillfeather" + uuid.uuid4().hex[:6]
    text = (f"Talks on the {word} corridor\n\nYEREVAN, 3 May 2024 - Armenia and Azerbaijan agreed on "
            f"3 May 2024 to open the {word} corridor, officials said.\n")
    page.goto(f"{live_server}/upload")
    page.fill("#upload-text", text)
    page.fill("input[name=publisher]", "Test Wire")
    with page.expect_navigation():
        page.click("#upload-submit")
    assert "/documents/" in page.url and "uploaded=new" in page.url
    assert word in page.locator("#doc-text").inner_text()

    page.goto(f"{live_server}/search")
    page.fill("#search-q", word)
    with page.expect_navigation():
        page.press("#search-q", "Enter")
    hits = page.locator("li.hit-item")
    assert hits.count() == 1
    assert word in hits.first.locator("mark").first.inner_text()
    assert "Test Wire" in page.locator("aside.facets").inner_text()
    assert page.watch.errors == []


def _visit_every_page_of(page, live_server, client, doc_id: str) -> list[str]:
    urls = ["/", "/timeline", "/timeline?all=true", "/documents", "/agreements", "/conflicts?all=true",
            f"/documents/{doc_id}?removed=true", "/search?q=Geneva", "/search?q=script"]
    events = client.get("/api/events", params={"source": doc_id, "all": "true"}).json()["data"]
    urls += [e["links"]["page"] for e in events]
    for url in urls:
        page.goto(live_server + url)
        page.wait_for_load_state("load")
        page.mouse.move(400, 400)
        page.mouse.move(600, 500)
    return urls


def test_hostile_document_shows_payloads_as_text_and_runs_nothing(page, live_server, client):
    doc_id = client.get("/api/search", params={"q": "Geneva ceasefire"}).json()["data"][0]["id"]
    _visit_every_page_of(page, live_server, client, doc_id)
    page.goto(f"{live_server}/documents/{doc_id}")
    text = page.locator("#doc-text").inner_text()
    assert SCRIPT_PAYLOAD in text and IMG_PAYLOAD in text
    assert SCRIPT_PAYLOAD in page.locator("h1").inner_text()
    assert page.locator("#doc-text img, #doc-text script, h1 script").count() == 0
    assert IMG_PAYLOAD in page.locator("table.list").first.inner_text()  # the publisher, given
    assert page.watch.dialogs == []
    assert page.watch.errors == []


def test_document_toggles_removed_lines_and_kinds(page, live_server, client):
    row = max(client.get("/api/documents").json()["data"], key=lambda r: r["removed"])
    page.goto(f"{live_server}/documents/{row['id']}")
    removed = page.locator("#doc-text .removed")
    assert removed.count() == row["removed"] > 0
    assert not removed.first.is_visible()
    page.check("#toggle-removed")
    assert removed.first.is_visible()

    actor = page.locator("#doc-text .seg.k-actor").first
    bold = actor.evaluate("el => getComputedStyle(el).fontWeight")
    page.uncheck(".kind-toggle[value=actor]")
    assert actor.evaluate("el => getComputedStyle(el).fontWeight") != bold
    assert page.watch.errors == []

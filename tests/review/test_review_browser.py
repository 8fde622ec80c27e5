"""In headless Chromium: a reviewer accepts, edits and rejects extracted items, and the audit log
shows each decision with who made it and why. Skips without /usr/bin/chromium or playwright."""

from __future__ import annotations

import pytest

from accordwatch.fuse import current_record
from accordwatch.serve.app import create_app
from tests.web_fixtures import opened_copy, serving


@pytest.fixture
def live(reference_db, tmp_path):
    with opened_copy(reference_db, tmp_path) as store, serving(create_app(store)) as url:
        yield url, store


def _as_reviewer(page, url: str, name: str = "Ana Analyst") -> None:
    page.goto(f"{url}/review?kind=event")
    page.fill("#reviewer", name)
    with page.expect_navigation():
        page.click("#reviewer-form button")


def _row(page, n: int):
    return page.locator("tr.review-item").nth(n)


def test_accept_edit_and_reject_in_the_ui_then_the_audit_log(page, live):
    url, store = live
    _as_reviewer(page, url)
    rows = page.locator("tr.review-item")
    assert rows.count() >= 3
    accepted, edited, rejected = (_row(page, i).get_attribute("data-item") for i in range(3))

    with page.expect_navigation():
        _row(page, 0).locator("button.accept").click()
    assert page.locator("#review-done").is_visible()
    assert "accepted by Ana Analyst" in page.locator(f'tr[data-item="{accepted}"] .item-decision').inner_text()

    row = page.locator(f'tr[data-item="{edited}"]')
    row.locator("details.decide-edit summary").click()
    row.locator("select[name=field]").select_option("label")
    row.locator("details.decide-edit input[name=value]").fill("RETREAT")
    row.locator("details.decide-edit input[name=reason]").fill("the sentence reports a withdrawal")
    with page.expect_navigation():
        row.locator("button.edit").click()
    row = page.locator(f'tr[data-item="{edited}"]')
    assert "edited by Ana Analyst" in row.locator(".item-decision").inner_text()

    row = page.locator(f'tr[data-item="{rejected}"]')
    with page.expect_navigation():  # an empty reason stops the form in the browser: nothing is sent
        row.locator("form.decide-reject input[name=reason]").fill("a headline, not an event")
        row.locator("button.reject").click()
    assert "rejected by Ana Analyst" in page.locator(f'tr[data-item="{rejected}"] .item-decision').inner_text()

    record = current_record(store)
    mentions = {f"{m.ref.doc_id}:{m.ref.start}:{m.ref.end}": (e, m) for e in record.events for m in e.mentions}
    assert rejected.removeprefix("event:") not in mentions
    assert mentions[edited.removeprefix("event:")][1].type == "RETREAT"

    page.goto(f"{url}/review/log")
    entries = page.locator("tr.log-entry")
    assert entries.count() == 3
    assert entries.locator(".log-action").all_inner_texts() == ["reject", "edit", "accept"]  # newest first
    assert set(entries.locator(".log-who").all_inner_texts()) == {"Ana Analyst"}
    assert entries.nth(0).locator(".log-reason").inner_text() == "a headline, not an event"
    assert "label = RETREAT" in entries.nth(1).locator(".log-value").inner_text()
    assert page.watch.dialogs == [] and page.watch.errors == []


def test_a_reject_without_a_reason_is_not_sent(page, live):
    url, _ = live
    _as_reviewer(page, url)
    before = page.url
    _row(page, 0).locator("button.reject").click()  # its reason field is empty
    page.wait_for_timeout(300)
    assert page.url == before and page.locator("#review-done").count() == 0
    page.goto(f"{url}/review/log")
    assert page.locator("tr.log-entry").count() == 0


def test_hostile_text_in_an_item_is_shown_as_text(page, live, tmp_path):
    url, store = live
    from accordwatch.batch import ingest
    from tests.web_fixtures import IMG_PAYLOAD, hostile_files

    ingest(store, [str(hostile_files(tmp_path))])
    _as_reviewer(page, url)
    page.goto(f"{url}/review?kind=event")
    sentences = page.locator(".item-sentence").all_inner_texts()
    assert any(IMG_PAYLOAD in s for s in sentences)  # shown as the text it is
    assert page.locator(".item-sentence img").count() == 0
    assert page.watch.dialogs == [] and page.watch.errors == []

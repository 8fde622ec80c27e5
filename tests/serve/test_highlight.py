"""Highlighted HTML is built from escaped pieces: markup only ever comes from us."""

from __future__ import annotations

import re

from accordwatch.model import ActorMention, Document, Event, OffsetMap, RemovedLine, Segment, Timex
from accordwatch.serve.highlight import (
    highlight_document,
    marked_snippet,
    removed_inserts,
    sentence_in_context,
)
from accordwatch.store.search import MARK_CLOSE, MARK_OPEN
from tests.conftest import make_doc

TAG = re.compile(r"<[^>]*>")


def _unmarked(html: str) -> str:
    """The text a browser would show: tags dropped, entities decoded."""
    import html as html_lib

    return html_lib.unescape(TAG.sub("", html))


def _actor(doc, start, end, name):
    return ActorMention(doc.id, start, end, doc.text[start:end], "state", "test", canonical=name)


def test_hostile_text_is_escaped_and_round_trips():
    text = 'Baku <script>alert(1)</script> & "Yerevan" <img src=x onerror=alert(2)> met.'
    doc = make_doc(text)
    spans = [_actor(doc, 0, 4, "Azerbaijan"), _actor(doc, text.index('"Yerevan"') + 1, text.index('"Yerevan"') + 8,
                                                    'Armenia "<b>"')]
    html = str(highlight_document(doc, spans))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert 'title="actor: state = Armenia &#34;&lt;b&gt;&#34;"' in html
    assert _unmarked(html) == text


def test_overlapping_spans_give_pieces_with_every_kind():
    text = "Armenia and Azerbaijan signed on 10 November 2020."
    doc = make_doc(text)
    event = Event(doc.id, 0, len(text) - 1, text[:-1], "AGREE", "test")
    timex = Timex(doc.id, 33, 49, text[33:49], "DATE", "test", value="2020-11-10")
    actor = _actor(doc, 0, 7, "Armenia")
    html = str(highlight_document(doc, [event, timex, actor]))
    assert '<span class="seg k-event k-actor" data-a="0" data-b="7"' in html
    assert '<span class="seg k-event k-timex" data-a="33" data-b="49"' in html
    assert html.count('id="s-0-49"') == 1 and 'id="s-33-49"' in html and 'id="s-0-7"' in html
    assert _unmarked(html) == text


def test_hit_marks_exactly_the_pieces_inside_it():
    text = "First sentence here. Second sentence there."
    doc = make_doc(text)
    html = str(highlight_document(doc, [], hit=(21, 43)))
    hits = re.findall(r'<span class="seg hit" data-a="(\d+)" data-b="(\d+)"', html)
    assert hits == [("21", "43")]
    assert _unmarked(html) == text


def test_kinds_restrict_what_is_highlighted():
    doc = make_doc("Moscow said so in 2021.")
    spans = [_actor(doc, 0, 6, "Russia"), Timex(doc.id, 18, 22, "2021", "DATE", "test", value="2021")]
    html = str(highlight_document(doc, spans, kinds=["timex"]))
    assert "k-timex" in html and "k-actor" not in html


def test_removed_lines_go_where_they_stood_in_the_raw_text():
    raw = "Share on Facebook\nBody line one.\nSubscribe now\nBody line two."
    text = "Body line one.\n\nBody line two."
    offsets = OffsetMap((Segment(0, 18, 14), Segment(16, 46, 14)))
    removed = (RemovedLine(0, 18, "Share on Facebook\n", "share widget"),
               RemovedLine(32, 46, "Subscribe now\n", "call to action"))
    doc = Document("d" * 64, "x.txt", raw, text, offsets, removed=removed)
    assert [(i.at, i.reason) for i in removed_inserts(doc)] == [(0, "share widget"), (16, "call to action")]
    html = str(highlight_document(doc, []))
    assert html.index("Share on Facebook") < html.index("Body line one")
    assert html.index("Body line one") < html.index("Subscribe now") < html.index("Body line two")
    assert html.count('class="removed"') == 2


def test_snippet_marks_become_mark_elements_and_the_rest_is_escaped():
    snippet = f"the {MARK_OPEN}<ceasefire>{MARK_CLOSE} held & {MARK_OPEN}talks{MARK_CLOSE}"
    html = str(marked_snippet(snippet, MARK_OPEN, MARK_CLOSE))
    assert html == "the <mark>&lt;ceasefire&gt;</mark> held &amp; <mark>talks</mark>"


def test_sentence_in_context_marks_the_span_within_its_sentence():
    html = str(sentence_in_context("Then <Baku> agreed.", 100, 105, 111))
    assert html == "Then <mark>&lt;Baku&gt;</mark> agreed."

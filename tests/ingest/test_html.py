"""HTML pages: visible text one block a line, trafilatura's main text, metadata read from markup."""

from __future__ import annotations

import json
from pathlib import Path

from accordwatch.model import MetaField, content_hash
from tests.ingest.helpers import ingest


def test_visible_text_is_whole_page_one_block_a_line(resources: Path):
    (doc,), errors = ingest(resources / "article.html")
    assert errors == [] and doc.media_type == "html"
    lines = doc.raw.split("\n")
    # Boilerplate stays in raw (cleaning removes it and keeps what it removed).
    for boilerplate in ("Politics", "Economy", "Related", "Corridor talks stall",
                        "© 2025 Caucasus Ledger. All rights reserved.", "Privacy · Terms"):
        assert boilerplate in lines
    # A paragraph wrapped in the source is one line; <br> breaks a line; a table row keeps its cells.
    assert ("The foreign ministers of Armenia and Azerbaijan initialled the text of a peace agreement at the "
            "White House on Friday, ending more than three decades of conflict over Nagorno-Karabakh, "
            "officials said.") in lines
    assert "“Now the work begins.”" in lines
    assert "Text initialled | 8 August 2025" in lines
    assert "within 90 days." in doc.raw  # &nbsp; is a plain space in a line
    # What a reader never sees is not there.
    for invisible in ("dataLayer", "position:fixed", "Subscriber-only", "Tracking pixel", "Accept all"):
        assert invisible not in doc.raw
    assert all(line == line.strip() and line for line in lines)


def test_main_text_hint_holds_the_article_only(resources: Path):
    (doc,), _ = ingest(resources / "article.html")
    main = doc.hints["main_text"]
    assert "Pashinyan told reporters" in main and "removes territorial claims" in main
    for outside in ("Privacy", "Corridor talks stall", "Great news at last!", "We use cookies"):
        assert outside not in main  # navigation, related links, comments, cookie banner
    assert set(doc.hints) == {"main_text"}


def test_metadata_read_from_markup(resources: Path):
    (doc,), _ = ingest(resources / "article.html")
    values = {k: m.value for k, m in doc.meta.items()}
    assert values == {
        "title": "Armenia and Azerbaijan initial peace text in Washington",
        "publisher": "Caucasus Ledger",
        "published": "2025-08-09",
        "url": "https://caucasus-ledger.example/politics/2025/08/09/peace-text-initialled",
        "author": "Lilit Harutyunyan",
        "language": "en",
    }
    assert {(m.how, m.source) for m in doc.meta.values()} == {("read", "html-meta")}


def test_id_is_hash_of_the_decoded_source(resources: Path, tmp_path: Path):
    source = (resources / "article.html").read_text(encoding="utf-8")
    copy = tmp_path / "copy.htm"
    copy.write_bytes(b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode("utf-8"))
    docs, _ = ingest(resources / "article.html", copy)
    assert docs[0].id == docs[1].id == content_hash(source)
    assert docs[0].raw == docs[1].raw


def test_given_metadata_wins_over_read(resources: Path, tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_bytes((resources / "article.html").read_bytes())
    sidecar = {"title": "Peace text initialled", "published": "2025-08-08"}
    (tmp_path / "page.meta.json").write_text(json.dumps(sidecar))
    (doc,), _ = ingest(page)
    assert doc.meta["title"] == MetaField("Peace text initialled", "given", "sidecar")
    assert doc.meta["published"] == MetaField("2025-08-08", "given", "sidecar")
    assert doc.meta["publisher"] == MetaField("Caucasus Ledger", "read", "html-meta")


def test_declared_legacy_charset_is_honoured(tmp_path: Path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            "<title>МИД России</title></head><body><h1>Заявление МИД России</h1>"
            "<p>Трехстороннее заявление от 9 ноября 2020 года остается в силе.</p></body></html>")
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    (doc,), errors = ingest(path)
    assert errors == []
    assert doc.raw.split("\n") == [
        "Заявление МИД России", "Трехстороннее заявление от 9 ноября 2020 года остается в силе."]
    assert doc.id == content_hash(page)


def test_preformatted_text_keeps_its_lines(tmp_path: Path):
    path = tmp_path / "pre.html"
    path.write_text("<body><p>Communiqué</p><pre>Article 1\n   The parties agree.\n\nArticle 2</pre></body>")
    (doc,), _ = ingest(path)
    assert doc.raw.split("\n") == ["Communiqué", "Article 1", "   The parties agree.", "Article 2"]


def test_broken_html_gives_what_can_be_read(resources: Path, tmp_path: Path):
    source = (resources / "article.html").read_text(encoding="utf-8")
    cut = source.index("removes territorial claims") + 10
    broken = tmp_path / "broken.html"
    # Cut mid-paragraph (no closing tags at all), with stray closing tags and an unclosed element on the way.
    broken.write_text(source[:cut].replace("<blockquote>", "</div></span><em><blockquote>"), encoding="utf-8")
    (doc,), errors = ingest(broken)
    assert errors == []
    assert "Politics" in doc.raw and "Pashinyan and President Ilham Aliyev" in doc.raw
    assert doc.raw.endswith("removes te")


def test_html_without_visible_text_is_an_error(tmp_path: Path):
    pages = {
        "script.html": "<html><head><title>x</title><script>var a = '<p>no</p>';</script></head></html>",
        "tags.html": "</p></div><!-- nothing --><img src='x.png'><br><hr>",
        "blank.html": "   \n\t ",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    docs, errors = ingest(tmp_path)
    assert docs == []
    assert {Path(e.source).name: e.reason for e in errors} == {
        "blank.html": "empty file",
        "image.html": "binary file (NUL bytes at offset 8)",
        "script.html": "broken or empty HTML (no visible text)",
        "tags.html": "broken or empty HTML (no visible text)",
    }


def test_markup_characters_in_text_are_text(tmp_path: Path):
    (tmp_path / "lt.html").write_text("<p>Turnout <<< 50% >>> expected</p>")
    (doc,), _ = ingest(tmp_path / "lt.html")
    assert doc.raw == "Turnout <<< 50% >>> expected"

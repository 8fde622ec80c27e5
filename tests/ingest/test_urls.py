"""http(s) URLs and feeds, served by a local http.server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from accordwatch.model import MetaField, content_hash
from tests.ingest.helpers import RESOURCES, ingest

STATEMENT = RESOURCES / "statement.pdf"
ARTICLE = RESOURCES / "article.html"
NOTES = "Брифинг М.В.Захаровой, 7 ноября 2025 года\n"


def _rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Caucasus Ledger: Politics</title><link>{base}/</link>
<item><title>Peace text initialled</title><link>{base}/article.html</link>
  <pubDate>Sat, 09 Aug 2025 04:30:00 GMT</pubDate>
  <author>desk@caucasus-ledger.example (Lilit Harutyunyan)</author></item>
<item><title>Ministry statement</title><link>{base}/statement.pdf</link></item>
<item><title>Same link again</title><link>{base}/article.html</link></item>
<item><title>Gone</title><link>{base}/missing</link></item>
</channel></rss>""".encode()


def _atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Briefings</title><id>urn:x</id><updated>2025-11-07T10:00:00Z</updated>
<entry><title>Briefing notes</title><link href="{base}/notes.txt"/><id>urn:1</id>
  <updated>2025-11-07T10:00:00Z</updated></entry></feed>""".encode()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_port}"
        routes = {
            "/article.html": ("text/html; charset=utf-8", ARTICLE.read_bytes()),
            "/statement.pdf": ("application/pdf", STATEMENT.read_bytes()),
            "/notes.txt": ("text/plain; charset=windows-1251", NOTES.encode("cp1251")),
            "/rss": ("application/rss+xml", _rss(base)),
            "/atom.xml": ("text/xml", _atom(base)),
            "/nested-feed": ("application/rss+xml", _rss(base).replace(b"/article.html", b"/rss")),
            "/big": ("text/plain", b"x" * 5000),
            "/empty": ("text/html", b""),
            "/slow": ("text/plain", b"too late"),
        }
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path not in routes:
            self.send_error(404, "Not Found")
            return
        content_type, body = routes[self.path]
        try:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (the timeout test)
            pass

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_html_page_by_url(server: str):
    (doc,), errors = ingest(f"{server}/article.html")
    assert errors == []
    assert doc.source == f"{server}/article.html" and doc.media_type == "html"
    assert doc.id == content_hash(ARTICLE.read_text(encoding="utf-8"))  # same page as the file
    assert doc.meta["url"] == MetaField(f"{server}/article.html", "given", "fetch")
    assert doc.meta["publisher"].value == "Caucasus Ledger"
    assert "Pashinyan told reporters" in doc.hints["main_text"]


def test_redirect_records_the_final_url(server: str):
    (doc,), _ = ingest(f"{server}/moved")
    assert doc.source == f"{server}/moved" and doc.meta["url"].value == f"{server}/article.html"


def test_pdf_and_declared_charset_text_by_url(server: str):
    docs, errors = ingest(f"{server}/statement.pdf", f"{server}/notes.txt")
    assert errors == []
    assert docs[0].media_type == "pdf" and "Yerevan, 9 August 2025" in docs[0].raw
    assert docs[1].raw == NOTES


def test_rss_feed_stands_for_its_items(server: str):
    docs, errors = ingest(f"{server}/rss")
    # In feed order; a link given twice is read once.
    assert [d.source for d in docs] == [f"{server}/article.html", f"{server}/statement.pdf"]
    article, statement = docs
    assert article.meta["title"] == MetaField("Peace text initialled", "given", "feed")  # over the page's
    assert article.meta["published"].value == "2025-08-09T04:30:00+00:00"
    assert article.meta["publisher"].value == "Caucasus Ledger: Politics"
    assert article.meta["url"].value == f"{server}/article.html"
    assert "Harutyunyan" in article.meta["author"].value
    assert statement.meta["title"].value == "Ministry statement" and statement.media_type == "pdf"
    assert [(e.source, e.reason) for e in errors] == [(f"{server}/missing", "HTTP 404 Not Found")]


def test_atom_feed_served_as_plain_xml(server: str):
    (doc,), errors = ingest(f"{server}/atom.xml")
    assert errors == [] and doc.source == f"{server}/notes.txt"
    assert doc.meta["published"].value == "2025-11-07T10:00:00+00:00"
    assert doc.meta["title"].value == "Briefing notes"


def test_feed_items_are_not_followed_into_other_feeds(server: str):
    docs, errors = ingest(f"{server}/nested-feed")
    assert f"{server}/rss" in {e.source for e in errors}
    assert [d.source for d in docs] == [f"{server}/statement.pdf"]


def test_manifest_matches_urls(server: str, tmp_path: Path):
    manifest = tmp_path / "m.csv"
    manifest.write_text(f"url,title,language\n{server}/article.html,From manifest,hy\n")
    (doc,), _ = ingest(f"{server}/article.html", manifest=manifest)
    assert doc.meta["title"] == MetaField("From manifest", "given", "manifest")
    assert doc.meta["language"].value == "hy"
    docs, _ = ingest(manifest=manifest)  # a manifest alone: its URLs are fetched
    assert [d.source for d in docs] == [f"{server}/article.html"]


def test_fetch_problems_are_one_line_each(server: str):
    docs, errors = ingest(f"{server}/nothing", f"{server}/big", f"{server}/empty", f"{server}/slow",
                          "ftp://127.0.0.1/file.txt", f"{server}/notes.txt", max_bytes=1000, timeout=0.5)
    assert [d.source for d in docs] == [f"{server}/notes.txt"]  # the batch went on
    assert [(e.source.rsplit("/", 1)[1], e.reason) for e in errors] == [
        ("nothing", "HTTP 404 Not Found"),
        ("big", "response too large (5,000 bytes; the limit is 1,000)"),
        ("empty", "empty file"),
        ("slow", "timed out after 0.5 s"),
        ("file.txt", "unsupported URL scheme 'ftp' (only http and https are fetched)"),
    ]


def test_unreachable_server(server: str):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    docs, errors = ingest(f"http://127.0.0.1:{port}/a.html", timeout=2)
    assert docs == [] and errors[0].reason.startswith("cannot fetch (")

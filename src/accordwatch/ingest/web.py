"""http(s) URLs: fetch with a timeout and a size cap, tell a feed from a page from a PDF.

Only the standard library's urllib is used. A feed (RSS or Atom, read with feedparser)
stands for its items: each item's link is fetched in turn, with the item's title, date
and author as given metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from accordwatch.ingest.errors import InputProblem

DEFAULT_TIMEOUT = 20.0
USER_AGENT = "accordwatch/0.1 (news and statements reader)"
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]",
                         re.IGNORECASE | re.DOTALL)

Kind = Literal["feed", "html", "pdf", "text"]


def is_url(text: str) -> bool:
    return bool(_URL.match(text))


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    content_type: str  # lower case, without parameters
    charset: str | None
    body: bytes


def fetch(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> Response:
    """GET `url`, or raise InputProblem with what went wrong (status, timeout, size, scheme)."""
    # Imported here: http.client, ssl and urllib cost every ingest start-up tens of milliseconds,
    # and most ingests read no URL.
    import http.client
    import urllib.error
    import urllib.request

    if not url.lower().startswith(("http://", "https://")):
        scheme = url.split(":", 1)[0]
        raise InputProblem(f"unsupported URL scheme {scheme!r} (only http and https are fetched)")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            declared = answer.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                size = int(declared)
                raise InputProblem(f"response too large ({size:,} bytes; the limit is {max_bytes:,})")
            body = answer.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise InputProblem(f"response too large (over the limit of {max_bytes:,} bytes)")
            return Response(answer.geturl(), answer.headers.get_content_type().lower(),
                            answer.headers.get_content_charset(), body)
    except urllib.error.HTTPError as exc:
        raise InputProblem(f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise InputProblem(f"cannot fetch ({_reason(exc.reason)})") from exc
    except TimeoutError as exc:
        raise InputProblem(f"timed out after {timeout:g} s") from exc
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise InputProblem(f"cannot fetch ({_reason(exc)})") from exc


def _reason(reason: Any) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    return str(reason) or type(reason).__name__


def kind_of(response: Response) -> Kind:
    """What the response holds, from its content type and, where that is vague, its first bytes."""
    head = response.body[:2048]
    if response.content_type == "application/pdf" or head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if response.content_type in _FEED_TYPES:
        return "feed"
    # Feeds are often served as generic XML or even text/plain; an HTML page is never a feed.
    if "html" not in response.content_type and _FEED_ROOT.search(head):
        return "feed"
    if "html" in response.content_type or _HTML_START.match(head):
        return "html"
    return "text"


def feed_items(response: Response) -> tuple[str | None, list[dict[str, Any]]]:
    """The feed's title and its items that have a link (first occurrence of each link, feed order)."""
    import feedparser

    parsed = feedparser.parse(response.body, response_headers={"content-location": response.url})
    if not parsed.entries:
        problem = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
        raise InputProblem(f"feed has no items{problem}")
    seen: set[str] = set()
    items = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if link and link not in seen:
            seen.add(link)
            items.append(dict(entry, link=link))
    if not items:
        raise InputProblem("feed has no item with a link")
    return parsed.feed.get("title"), items

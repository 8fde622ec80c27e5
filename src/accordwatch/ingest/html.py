"""HTML pages: the visible text of the whole page, trafilatura's main text, page metadata.

`raw` keeps every visible block (navigation, footers and all) one a line, so that the
cleaning stage can remove boilerplate lines and still show what it removed; the main
text trafilatura finds goes along as a hint of which lines are the article.
"""

from __future__ import annotations

import re
from typing import Any

from accordwatch.ingest.decode import decode_bytes
from accordwatch.ingest.errors import InputProblem
from accordwatch.ingest.meta import merge_meta, normalise_date, normalise_language
from accordwatch.model import MetaField, RawInput, content_hash

# Elements that start a new line of visible text.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li",
    "main", "menu", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody",
    "tfoot", "thead", "tr", "ul",
})
# Elements whose content a reader never sees.
_INVISIBLE = frozenset({
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "canvas", "select", "textarea", "button", "input", "datalist", "map", "audio", "video",
})
_CELLS = frozenset({"td", "th"})
_CELL_SEPARATOR = " | "
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def sniff_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its start, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_html(source: str, data: bytes, given: dict[str, MetaField], *, url: str | None = None,
              charset: str | None = None) -> RawInput:
    """A RawInput for an HTML page, or InputProblem when no visible text can be had from it."""
    if not data.strip():
        raise InputProblem("empty file")
    html = decode_bytes(data, charset or sniff_charset(data))
    tree = _parse(html)
    raw = visible_text(tree)
    if not raw:
        raise InputProblem("broken or empty HTML (no visible text)")
    read = _page_metadata(tree, url)
    hints: dict[str, Any] = {}
    main_text = _main_text(tree, url)
    if main_text:
        hints["main_text"] = main_text
    return RawInput(source=source, raw=raw, id=content_hash(html), media_type="html",
                    meta=merge_meta(given, read), hints=hints)


def _parse(html: str):
    import lxml.etree
    import lxml.html

    # Parse UTF-8 bytes, not str: lxml refuses a str that carries an XML encoding declaration.
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputProblem(f"broken HTML ({exc})") from exc
    if tree is None:
        raise InputProblem("broken or empty HTML (nothing to parse)")
    return tree


def _hidden(element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def visible_text(tree) -> str:
    """The text a reader sees, one block element a line, whitespace inside a line collapsed."""
    import lxml.etree

    lines: list[str] = []
    parts: list[str] = []
    hidden_depth = 0
    pre_depth = 0

    def flush() -> None:
        text = "".join(parts)
        parts.clear()
        if pre_depth:
            lines.extend(line.rstrip() for line in text.split("\n") if line.strip())
        else:
            lines.extend(" ".join(line.split()) for line in text.split("\n") if line.strip())

    def add(text: str | None) -> None:
        # Outside <pre> a newline in the source is only whitespace; <br> adds the real ones.
        if text:
            parts.append(text if pre_depth else text.replace("\n", " "))

    for event, element in lxml.etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if hidden_depth or tag in _INVISIBLE or not tag or _hidden(element):
                hidden_depth += 1
                continue
            if tag in _BLOCKS:
                flush()
                pre_depth += tag == "pre"
            elif tag == "br":
                parts.append("\n")
            elif tag in _CELLS and any(part.strip() for part in parts):
                parts.append(_CELL_SEPARATOR)
            add(element.text)
            continue
        if hidden_depth:
            hidden_depth -= 1
            if hidden_depth:
                continue
            if tag in _BLOCKS:
                flush()
        elif tag in _BLOCKS:
            flush()
            pre_depth -= tag == "pre"
        add(element.tail)
    flush()
    return "\n".join(lines)


def _main_text(tree, url: str | None) -> str | None:
    """trafilatura's main text of the page; None where it finds none or fails on the page."""
    import trafilatura

    try:
        text = trafilatura.extract(tree, url=url, include_comments=False, include_tables=True)
    except Exception:  # noqa: BLE001 - a third-party extractor failing on one page must not stop the batch
        return None
    return text.strip() if text and text.strip() else None


def _page_metadata(tree, url: str | None) -> dict[str, MetaField]:
    """Metadata read from the page's markup (how="read"), never from its running text."""
    from trafilatura import extract_metadata

    try:
        # No extensive date search: a date in the running text is for the inference stage to weigh.
        found = extract_metadata(tree, default_url=url, extensive=False,
                                 date_config={"extensive_search": False, "original_date": True})
    except Exception:  # noqa: BLE001 - see _main_text
        found = None
    values = {
        "title": getattr(found, "title", None),
        "publisher": getattr(found, "sitename", None),
        "published": getattr(found, "date", None),
        "url": getattr(found, "url", None) if getattr(found, "url", None) != url else None,
        "author": getattr(found, "author", None),
        "language": _page_language(tree),
    }
    meta: dict[str, MetaField] = {}
    for key, value in values.items():
        if isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            if key == "published":
                text = normalise_date(text) or ""
            elif key == "language":
                text = normalise_language(text)
            if text:
                meta[key] = MetaField(text, "read", "html-meta")
    return meta


def _page_language(tree) -> str | None:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        return lang
    for meta in tree.iter("meta"):
        declares = ((meta.get("http-equiv") or "").lower() == "content-language"
                    or meta.get("property") == "og:locale")
        if declares and meta.get("content"):
            return meta.get("content")
    return None

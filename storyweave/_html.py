"""Private HTML helpers shared by ingest and clean: sniffing, metadata, text blocks.

Not a stable API.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml import etree

from storyweave._text import normalise_date, tidy_line

_SNIFF = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
#: Elements whose text is never shown to a reader.
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "object")
#: Elements that start a new line of text when a browser renders them.
_BLOCKS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section table td th tr ul caption".split()
)
#: Separators outlets put between the headline and their name in ``<title>``.
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


def looks_like_html(text: str) -> bool:
    """Tell whether ``text`` is an HTML page (a doctype or html/head/body tag near the top)."""
    return bool(_SNIFF.search(text[:4096]))


def parse(html: str) -> Any:
    """Parse ``html`` into an lxml tree, or return None when it holds no elements."""
    try:
        # lxml refuses str input that carries an XML encoding declaration.
        return lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", html))
    except (etree.ParserError, ValueError):
        return None


@dataclass(frozen=True)
class PageMeta:
    """What the page says about itself."""

    title: str
    site_name: str | None
    published: str | None
    url: str | None


def metadata(tree: Any) -> PageMeta:
    """Read the headline, site name, publication time and canonical URL of a page.

    The headline is og:title when present; a ``<title>`` that carries a site suffix
    (" | Site", " - Site") gives way to the first ``<h1>``; otherwise ``<title>``, then h1.
    """
    og_title = _meta(tree, "og:title", "twitter:title")
    page_title = tidy_line(" ".join(tree.xpath("//title//text()")))
    h1s = [tidy_line(h.text_content()) for h in tree.iter("h1")]
    h1 = next((h for h in h1s if h), "")
    if og_title:
        title = og_title
    elif page_title and not any(sep in page_title for sep in TITLE_SEPARATORS):
        title = page_title
    else:
        title = h1 or page_title
    return PageMeta(
        title=title,
        site_name=_meta(tree, "og:site_name", "application-name") or None,
        published=_published(tree),
        url=_meta(tree, "og:url") or _canonical(tree),
    )


def _meta(tree: Any, *names: str) -> str:
    for name in names:
        for el in tree.iter("meta"):
            key = el.get("property") or el.get("name") or el.get("itemprop") or ""
            if key.lower() == name and el.get("content", "").strip():
                return tidy_line(el.get("content"))
    return ""


def _canonical(tree: Any) -> str | None:
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            return str(el.get("href")).strip()
    return None


def _published(tree: Any) -> str | None:
    """The first parseable publication time, from the most to the least explicit source."""
    candidates = [
        _meta(tree, "article:published_time", "datepublished", "pubdate", "publish-date",
              "date", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date")
    ]
    candidates += _json_ld_dates(tree)
    candidates += [el.get("datetime", "") for el in tree.iter("time")]
    for value in candidates:
        iso = normalise_date(value) if value else None
        if iso:
            return iso
    return None


def _json_ld_dates(tree: Any) -> list[str]:
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                found.append(value)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(script.text or ""))
        except ValueError:
            continue  # broken JSON-LD is common; the other sources still count
    return found


def text_blocks(tree: Any) -> list[str]:
    """Return the visible text of a page, one string per rendered line, in page order."""
    tree = _copy(tree)
    for el in list(tree.iter(*_INVISIBLE)):
        _drop(el)
    for el in tree.iter(etree.Comment):
        _drop(el)
    body = tree.find("body")
    root = body if body is not None else tree
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        # Line breaks in the HTML source are spaces to a reader (except inside <pre>);
        # only block elements and <br> break lines.
        if el.tag != "pre" and el.getparent() is not None and el.getparent().tag != "pre":
            el.text = el.text.replace("\n", " ") if el.text else el.text
        el.tail = el.tail.replace("\n", " ") if el.tail else el.tail
        if el.tag in _BLOCKS or el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        if el.tag in _BLOCKS:
            el.text = "\n" + (el.text or "")
    lines = (tidy_line(line) for line in root.text_content().split("\n"))
    return [line for line in lines if line]


def paragraphs(tree: Any) -> list[str]:
    """Return the text of every ``<p>``: the baseline when the main extractor finds nothing."""
    found = (" ".join(p.text_content().split()) for p in tree.iter("p"))
    return [text for text in found if text]


def _copy(tree: Any) -> Any:
    return lxml.html.document_fromstring(lxml.html.tostring(tree, encoding="unicode"))


def _drop(el: Any) -> None:
    # Keep the tail: it is text that follows the element, not part of it.
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)

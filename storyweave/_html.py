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


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)


def decode_page(data: bytes, declared: str | None = None) -> str:
    """Decode the bytes of an HTML page as a browser would, never failing.

    Order: a byte-order mark; the charset the server declared (``Content-Type``); the
    page's own ``<meta charset>``; strict UTF-8; then charset detection
    (charset-normalizer); Windows-1252 as the last resort, with undecodable bytes replaced.

    Args:
        data: the page as served or saved.
        declared: the charset from the HTTP ``Content-Type`` header, if any.

    Returns:
        The page as text.
    """
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    match = _META_CHARSET.search(data[:4096])
    for name in (declared, match.group(1).decode("ascii", "ignore") if match else None):
        if not name:
            continue
        name = name.strip().lower()
        # Pages that say Latin-1 mean Windows-1252, as every browser assumes.
        name = "cp1252" if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else name
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _western_8bit(data):
        return data.decode("cp1252", errors="replace")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None:
            return data.decode(best.encoding, errors="replace")
    except ImportError:  # a trafilatura dependency; the fallback below still works
        pass
    return data.decode("cp1252", errors="replace")


_HIGH_RUN = re.compile(rb"[\x80-\xff]+")


def _western_8bit(data: bytes) -> bool:
    """Tell whether bytes that are not UTF-8 read as Western European 8-bit text.

    Accented Latin letters stand alone between ASCII ones ("caf\xe9", "Z\xfcrich"), while
    Cyrillic, Greek or Arabic in their 8-bit encodings come in runs of high bytes. Short
    Latin-1 pages (often declared UTF-8 by mistake) are where charset detection guesses
    wrong, so they are settled here.
    """
    runs = [len(run) for run in _HIGH_RUN.findall(data[:200_000])]
    return bool(runs) and sum(1 for n in runs if n == 1) >= 0.9 * len(runs)


def looks_like_html(text: str) -> bool:
    """Tell whether ``text`` is an HTML page (a doctype or html/head/body tag near the top)."""
    return bool(_SNIFF.search(text[:4096]))


#: libxml2 stops building the tree at 256 nested elements (2,048 with ``huge_tree``) and
#: keeps nothing below, so a page wrapped in deep layout markup lost all its text. Input
#: size is capped before parsing (``max_article_chars``), which is what the default
#: limits protect; the HTML parser expands no custom entities.
_PARSER = lxml.html.HTMLParser(huge_tree=True)
#: Layout elements dropped (their text kept) when a page is nested too deep even for
#: ``huge_tree``: paragraphs, headings and lists survive, so the page still reads.
_LAYOUT_TAGS = re.compile(
    r"</?(?:div|span|section|article|main|aside|header|footer|nav|font|center|table|tbody|thead|tr|td|th|"
    r"b|i|u|em|strong|small|big|a|abbr|label|form|fieldset)\b[^>]*>",
    re.IGNORECASE,
)


def parse(html: str) -> Any:
    """Parse ``html`` into an lxml tree, or return None when it holds no elements.

    A page nested deeper than the parser can follow is parsed again with its layout
    elements (``div``, ``span``, ``table``, …) flattened away, so its text is not lost.
    """
    # lxml refuses str input that carries an XML encoding declaration.
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    try:
        tree = lxml.html.document_fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    if _lost_text(tree, html):
        try:
            return lxml.html.document_fromstring(_LAYOUT_TAGS.sub(" ", html), parser=_PARSER)
        except (etree.ParserError, ValueError):
            return tree
    return tree


def _lost_text(tree: Any, html: str) -> bool:
    """Tell whether the parser dropped the page's text (nesting past its depth limit)."""
    if len(html) < 2_000 or html.count("<") < 2_000:
        return False  # too little markup to be that deep
    return len(" ".join(tree.text_content().split())) < 0.001 * len(html)


@dataclass(frozen=True)
class PageMeta:
    """What the page says about itself."""

    title: str
    site_name: str | None
    published: str | None
    url: str | None
    author: str | None = None
    language: str | None = None


def metadata(tree: Any) -> PageMeta:
    """Read the headline, site name, byline, language, publication time and canonical URL.

    The headline is og:title when present; a ``<title>`` that carries a site suffix
    (" | Site", " - Site") gives way to the first ``<h1>``; otherwise ``<title>``, then h1.
    The publication time comes from the page's explicit metadata (Open Graph, JSON-LD,
    ``<time>``) and, failing those, from htmldate's reading of the page.
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
    ld = _json_ld(tree)
    return PageMeta(
        title=title,
        site_name=_meta(tree, "og:site_name", "application-name") or _ld_name(ld, "publisher") or None,
        published=_published(tree, ld),
        url=_meta(tree, "og:url") or _canonical(tree),
        author=_author(tree, ld),
        language=_language(tree),
    )


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page (``@graph`` members included)."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            found.append(node)
            for child in node.values():
                if isinstance(child, (dict, list)):
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


def _ld_name(objects: list[dict[str, Any]], key: str) -> str:
    """The ``name`` of the first ``key`` (author, publisher) the JSON-LD gives."""
    for obj in objects:
        value = obj.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
                return tidy_line(item["name"])
            if isinstance(item, str) and item.strip() and "://" not in item:
                return tidy_line(item)
    return ""


def _author(tree: Any, ld: list[dict[str, Any]]) -> str | None:
    meta = _meta(tree, "author", "article:author", "parsely-author", "dc.creator", "sailthru.author", "byl")
    if meta and "://" not in meta:  # article:author is often a profile URL, not a name
        return re.sub(r"^by\s+", "", meta, flags=re.IGNORECASE)
    if name := _ld_name(ld, "author"):
        return name
    for el in tree.xpath('//*[@rel="author"]'):
        text = tidy_line(el.text_content())
        if text and len(text) <= 80:
            return re.sub(r"^by\s+", "", text, flags=re.IGNORECASE)
    return None


def _language(tree: Any) -> str | None:
    """The page's language as an ISO 639-1 code ("en" from "en-GB"), when it says."""
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    value = (
        root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
        or _meta(tree, "og:locale", "content-language", "language", "dc.language")
    )
    for el in tree.iter("meta"):
        if not value and (el.get("http-equiv") or "").lower() == "content-language":
            value = el.get("content") or ""
    code = re.split(r"[-_,;\s]", (value or "").strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


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


def _published(tree: Any, ld: list[dict[str, Any]]) -> str | None:
    """The first parseable publication time, from the most to the least explicit source."""
    candidates = [
        _meta(tree, "article:published_time", "datepublished", "pubdate", "publish-date",
              "date", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date")
    ]
    candidates += [obj["datePublished"] for obj in ld if isinstance(obj.get("datePublished"), str)]
    candidates += [el.get("datetime", "") for el in tree.iter("time")]
    for value in candidates:
        iso = normalise_date(value) if value else None
        if iso:
            return iso
    return _htmldate(tree)


def _htmldate(tree: Any) -> str | None:
    """htmldate's reading of the original publication date, or None."""
    try:
        from htmldate import find_date
    except ImportError:  # a trafilatura dependency; without it the explicit sources decide
        return None
    try:
        found = find_date(tree, original_date=True, extensive_search=False)
    except Exception:  # noqa: BLE001 - a date heuristic failing must not lose the page
        return None
    return found or None


def text_blocks(tree: Any) -> list[str]:
    """Return the visible text of a page, one string per rendered line, in page order.

    One pass over the tree, which is not changed: block elements and ``<br>`` break
    lines; line breaks in the HTML source are spaces to a reader, except inside ``<pre>``.
    """
    body = tree.find("body")
    root = body if body is not None else tree
    out: list[str] = []
    hidden = 0  # depth inside invisible elements
    pre = 0  # depth inside <pre>

    def emit(text: str | None) -> None:
        if text:
            out.append(text if pre else text.replace("\n", " "))

    for event, el in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = el.tag
        if not isinstance(tag, str):  # a comment or processing instruction: only its tail shows
            if not hidden:
                emit(el.tail)
            continue
        if event == "start":
            if hidden or tag in _INVISIBLE:
                hidden += 1
                continue
            if tag in _BLOCKS or tag == "br":
                out.append("\n")
            if tag == "pre":
                pre += 1
            emit(el.text)
            continue
        if hidden:
            hidden -= 1
            if hidden == 0 and el is not root:
                emit(el.tail)
            continue
        if tag == "pre":
            pre -= 1
        if tag in _BLOCKS or tag == "br":
            out.append("\n")
        if el is not root:
            emit(el.tail)
    lines = (tidy_line(line) for line in "".join(out).split("\n"))
    return [line for line in lines if line]


def paragraphs(tree: Any) -> list[str]:
    """Return the text of every ``<p>``: the baseline when the main extractor finds nothing."""
    found = (" ".join(p.text_content().split()) for p in tree.iter("p"))
    return [text for text in found if text]



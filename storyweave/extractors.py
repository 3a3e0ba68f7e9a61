"""The main-content extractor cascade used by clean: which text of a page is the article.

Steps, each run only when the one before found too little (as trafilatura's own
``trafilatura_sequence`` does):

1. trafilatura, balanced settings (comments off, tables on, no deduplication): the
   strongest single extractor on both benchmarks (see ``docs/benchmarks.md``).
2. When trafilatura keeps less than :data:`MIN_MAIN_CHARS`, or less than
   :data:`DISAGREE_SHARE` of the page's long text blocks while those are long,
   trafilatura is re-run in recall mode and readability-lxml runs too; the longest
   answer wins. Short pages and pages trafilatura misreads are where it fails.
3. When every extractor comes back empty: the page's ``<p>`` elements (baseline).

storyweave's own junk rules (:mod:`storyweave._junk`) run afterwards, in
:func:`storyweave.clean.clean`, on whatever the cascade kept.

Not a stable API: :func:`storyweave.clean.clean` is the public entry.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from storyweave import _html
from storyweave._text import tidy_line

logger = logging.getLogger("storyweave")

#: Below this many characters trafilatura's answer counts as a failure and the other
#: extractors are asked. Calibrated on the development parts of article-extraction and
#: trafilatura-eval: real article bodies there are longer than 400 characters.
MIN_MAIN_CHARS = 250
#: trafilatura disagrees with the page when it keeps under this share of the text the
#: page's long blocks (:data:`LONG_BLOCK` characters or more) hold, and those hold more
#: than :data:`DISAGREE_MIN_CHARS`.
DISAGREE_SHARE = 0.25
DISAGREE_MIN_CHARS = 1500
LONG_BLOCK = 100

TRAFILATURA = "trafilatura"
TRAFILATURA_RECALL = "trafilatura (recall mode)"
READABILITY = "readability-lxml"
BASELINE = "baseline (the page's paragraphs)"


@dataclass(frozen=True)
class Extraction:
    """What the cascade kept of a page.

    Attributes:
        paragraphs: the main content, one paragraph (or list item, or table row) a line.
        method: the extractor whose answer was kept (one of the module's names).
    """

    paragraphs: tuple[str, ...]
    method: str


def extract_main(html: str, blocks: Sequence[str] | None = None, *, location: str = "") -> Extraction:
    """Run the cascade on one page; never raises for a bad page.

    Args:
        html: the page's markup.
        blocks: the page's visible text a line each (:func:`storyweave._html.text_blocks`),
            when the caller has it; computed otherwise.
        location: the page's path or URL, for log messages.

    Returns:
        The kept paragraphs and the extractor that kept them; empty paragraphs when
        nothing on the page reads like text.
    """
    # Balanced mode: precision mode scores higher on article-extraction (0.976 against
    # 0.968 after the junk rules) but lower on trafilatura-eval (0.932 against 0.936).
    first = _lines(_trafilatura(html, location))
    size = _size(first)
    tree: Any = None
    if blocks is None:
        tree = _html.parse(html)
        blocks = _html.text_blocks(tree) if tree is not None else []
    if size >= MIN_MAIN_CHARS:
        page = sum(len(block) for block in blocks if len(block) >= LONG_BLOCK)
        if page < DISAGREE_MIN_CHARS or size >= DISAGREE_SHARE * page:
            return Extraction(first, TRAFILATURA)
    candidates = [
        Extraction(first, TRAFILATURA),
        Extraction(_lines(_trafilatura(html, location, favor_recall=True)), TRAFILATURA_RECALL),
        Extraction(_lines(_readability(html, location)), READABILITY),
    ]
    best = max(candidates, key=lambda e: _size(e.paragraphs))
    if best.paragraphs:
        return best
    tree = tree if tree is not None else _html.parse(html)
    baseline = tuple(_html.paragraphs(tree)) if tree is not None else ()
    return Extraction(baseline, BASELINE)


def _size(lines: tuple[str, ...]) -> int:
    return sum(len(line) for line in lines)


def _lines(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(line for line in (_unbullet(tidy_line(raw)) for raw in text.split("\n")) if line)


def _unbullet(line: str) -> str:
    # trafilatura writes list items as "- item"; the dash is its markup, not the text.
    return line[2:] if line.startswith("- ") else line


def _guarded(name: str, run: Callable[[], str | None], location: str) -> str | None:
    try:
        return run()
    except Exception as exc:  # noqa: BLE001 - a parser bug in one extractor must not stop the batch
        logger.warning("%s: %s failed (%s); trying the next extractor", location or "page", name, exc)
        return None


def _trafilatura(html: str, location: str, favor_recall: bool = False, favor_precision: bool = False) -> str | None:
    import trafilatura

    return _guarded(
        TRAFILATURA,
        lambda: trafilatura.extract(
            html,
            include_comments=False,
            include_tables=True,
            favor_recall=favor_recall,
            favor_precision=favor_precision,
            deduplicate=False,
            output_format="txt",
        ),
        location,
    )


def _readability(html: str, location: str) -> str | None:
    try:
        from readability import Document
    except ImportError:  # optional: the cascade works without it, one step shorter
        return None

    def run() -> str:
        summary = Document(html).summary(html_partial=True)
        tree = _html.parse(f"<html><body>{summary}</body></html>")
        return "\n".join(_html.text_blocks(tree)) if tree is not None else ""

    return _guarded(READABILITY, run, location)

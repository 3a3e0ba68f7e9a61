"""The main-content extractor cascade used by clean: which text of a page is the article.

Steps, each run only when the one before found too little (as trafilatura's own
``trafilatura_sequence`` does):

1. trafilatura, balanced focus in fast settings (comments off, tables on, no
   deduplication, no fallback extractors inside trafilatura, as step 2 is ours): the
   strongest single extractor on both benchmarks (see ``docs/benchmarks.md``).
   Its answer is then trimmed by agreement with trafilatura's precision mode (fast
   settings): a line precision mode leaves out is cut when it lies before the first or
   after the last line both modes keep and is short (:data:`EDGE_LINE_CHARS`), or when it
   is a short line in capitals inside the body. Those are the teasers, captions, related
   headlines and promotions around an article; a long paragraph stays whatever precision
   mode says, because there it is more often the article's own first or last paragraph.
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
from storyweave._text import normalise_key, tidy_line

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
#: Longest line the precision-mode trim may cut at the edges of the body. Calibrated on
#: the development parts of both sets (article-extraction F1 0.972 -> 0.976 with the
#: trim, trafilatura-eval 0.935 -> 0.937; 80 gave 0.974 / 0.939, 300 0.978 / 0.936).
EDGE_LINE_CHARS = 150
#: A line in capitals (this share of its letters, at least :data:`CAPS_MIN_LETTERS`) that
#: precision mode leaves out inside the body is a shouted promotion or related headline.
CAPS_SHARE = 0.9
CAPS_MIN_LETTERS = 10

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
    trimmed: tuple[str, ...] = ()


#: Why a line cut by the precision-mode trim left the body.
TRIMMED = "teaser or promotion (a short line trafilatura's precision mode leaves out)"


def extract_main(html: str, blocks: Sequence[str] | None = None, *, location: str = "") -> Extraction:
    """Run the cascade on one page; never raises for a bad page.

    Args:
        html: the page's markup.
        blocks: the page's visible text a line each (:func:`storyweave._html.text_blocks`),
            when the caller has it; computed otherwise.
        location: the page's path or URL, for log messages.

    Returns:
        The kept paragraphs, the extractor that kept them and the lines the trim cut;
        empty paragraphs when nothing on the page reads like text.
    """
    # Balanced mode in fast settings (no readability/jusText comparison inside trafilatura:
    # step 2 is ours), trimmed by precision mode. Measured on the development parts:
    # full settings untrimmed 0.968 / 0.936 (article-extraction / trafilatura-eval), fast
    # untrimmed 0.972 / 0.935, fast trimmed 0.976 / 0.937; precision mode alone 0.976 /
    # 0.930.
    first, trimmed = _trim(_lines(_trafilatura(html, location, fast=True)), html, location)
    size = _size(first)
    tree: Any = None
    if blocks is None:
        tree = _html.parse(html)
        blocks = _html.text_blocks(tree) if tree is not None else []
    if size >= MIN_MAIN_CHARS:
        page = sum(len(block) for block in blocks if len(block) >= LONG_BLOCK)
        if page < DISAGREE_MIN_CHARS or size >= DISAGREE_SHARE * page:
            return Extraction(first, TRAFILATURA, trimmed)
    candidates = [
        Extraction(first, TRAFILATURA, trimmed),
        Extraction(_lines(_trafilatura(html, location, favor_recall=True)), TRAFILATURA_RECALL),
        Extraction(_lines(_readability(html, location)), READABILITY),
    ]
    best = max(candidates, key=lambda e: _size(e.paragraphs))
    if best.paragraphs:
        return best
    tree = tree if tree is not None else _html.parse(html)
    baseline = tuple(_html.paragraphs(tree)) if tree is not None else ()
    return Extraction(baseline, BASELINE)


def _trim(lines: tuple[str, ...], html: str, location: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Cut what precision mode leaves out at the body's edges (short lines) and shouted
    short lines inside it; return (kept, cut)."""
    if _size(lines) < MIN_MAIN_CHARS:
        return lines, ()
    # Nothing to cut unless an edge line is short or a short line shouts: skip the run.
    if not (len(lines[0]) <= EDGE_LINE_CHARS or len(lines[-1]) <= EDGE_LINE_CHARS
            or any(len(line) <= EDGE_LINE_CHARS and _shouted(line) for line in lines)):
        return lines, ()
    strict = _lines(_trafilatura(html, location, favor_precision=True, fast=True))
    if _size(strict) < MIN_MAIN_CHARS:
        return lines, ()
    agreed = {normalise_key(line) for line in strict}
    inside = [i for i, line in enumerate(lines) if normalise_key(line) in agreed]
    if not inside:
        return lines, ()
    low, high = inside[0], inside[-1]
    kept: list[str] = []
    cut: list[str] = []
    for i, line in enumerate(lines):
        short = len(line) <= EDGE_LINE_CHARS
        edge = i < low or i > high
        if normalise_key(line) not in agreed and short and (edge or _shouted(line)):
            cut.append(line)
        else:
            kept.append(line)
    return tuple(kept), tuple(cut)


def _shouted(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= CAPS_MIN_LETTERS and sum(ch.isupper() for ch in letters) >= CAPS_SHARE * len(letters)


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


def _trafilatura(
    html: str, location: str, favor_recall: bool = False, favor_precision: bool = False, fast: bool = False
) -> str | None:
    import trafilatura

    return _guarded(
        TRAFILATURA,
        lambda: trafilatura.extract(
            html,
            include_comments=False,
            include_tables=True,
            favor_recall=favor_recall,
            favor_precision=favor_precision,
            fast=fast,
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
